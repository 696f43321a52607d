package reports

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// QuoteRow is one row of quotes.csv. The columns up to Confidence are the
// report contract's, in its order; the ones after them are extras that a
// reader may ignore.
type QuoteRow struct {
	ID             string `csv:"id"`
	Doc            string `csv:"doc"`
	Lang           string `csv:"lang"`
	Kind           string `csv:"kind"`
	Speaker        string `csv:"speaker"`
	SpeakerMention string `csv:"speaker_mention"`
	Attribution    string `csv:"attribution"`
	Cue            string `csv:"cue"`
	Quote          string `csv:"quote"`
	Start          int    `csv:"start"` // code point offset of Quote in the document text
	End            int    `csv:"end"`
	Line           int    `csv:"line"` // 1-based line of Start
	Stance         string `csv:"stance"`
	StanceScore    Float  `csv:"stance_score"`
	StanceCues     List   `csv:"stance_cues"`
	Confidence     Float  `csv:"confidence"`

	// Extras: code point offsets of the speaker mention and of the cue,
	// nil (an empty cell) when unknown, and the flags noting what was
	// uncertain.
	MentionStart *int `csv:"mention_start,omitempty"`
	MentionEnd   *int `csv:"mention_end,omitempty"`
	CueStart     *int `csv:"cue_start,omitempty"`
	CueEnd       *int `csv:"cue_end,omitempty"`
	Flags        List `csv:"flags"`
}

// PositionRow is one row of positions.csv: a speaker's position toward the
// target in one document, from all of their quotes there.
type PositionRow struct {
	Doc        string `csv:"doc"`
	Speaker    string `csv:"speaker"`
	Quotes     int    `csv:"quotes"`
	Favor      int    `csv:"favor"`
	Against    int    `csv:"against"`
	None       int    `csv:"none"`
	Position   string `csv:"position"`
	Confidence Float  `csv:"confidence"`
}

// SpeakerRow is one row of speakers.csv: a speaker across the corpus.
type SpeakerRow struct {
	Speaker   string `csv:"speaker"`
	Docs      int    `csv:"docs"`
	Quotes    int    `csv:"quotes"`
	Direct    int    `csv:"direct"` // direct, label and pull quotes
	Partial   int    `csv:"partial"`
	Indirect  int    `csv:"indirect"`
	Favor     int    `csv:"favor"`
	Against   int    `csv:"against"`
	None      int    `csv:"none"`
	Position  string `csv:"position"`
	Languages List   `csv:"languages"`
	Mentions  List   `csv:"mentions"`
}

// Float is a float64 written compactly, with at most three decimals and no
// trailing zeros: 0.85, -0.5, 1, 0.333.
type Float float64

// String formats f as it is written in a report.
func (f Float) String() string {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// MarshalCSV implements gocsv.TypeMarshaller.
func (f Float) MarshalCSV() (string, error) { return f.String(), nil }

// UnmarshalCSV implements gocsv.TypeUnmarshaller; an empty cell is 0.
func (f *Float) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		*f = 0
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return err
	}
	*f = Float(v)
	return nil
}

// List is a list of words written as one `;`-separated cell.
type List []string

// ListSep separates the items of a List in a cell.
const ListSep = ";"

// String joins the list with ListSep.
func (l List) String() string { return strings.Join(l, ListSep) }

// MarshalCSV implements gocsv.TypeMarshaller.
func (l List) MarshalCSV() (string, error) { return l.String(), nil }

// UnmarshalCSV implements gocsv.TypeUnmarshaller; an empty cell is an empty
// list, and empty items are dropped.
func (l *List) UnmarshalCSV(s string) error {
	*l = nil
	for item := range strings.SplitSeq(s, ListSep) {
		if item = strings.TrimSpace(item); item != "" {
			*l = append(*l, item)
		}
	}
	return nil
}

// QuoteID is the stable id of a quote: "<doc>#<start>".
func QuoteID(doc string, start int) string {
	return doc + "#" + strconv.Itoa(start)
}

// Offset returns a pointer to n, for the optional offset columns.
func Offset(n int) *int { return &n }

// SortQuotes puts rows in the report's stable order: by doc, then start,
// then end, then kind. Rows equal on all four keep their order.
func SortQuotes(rows []QuoteRow) {
	slices.SortStableFunc(rows, compareQuotes)
}

func compareQuotes(a, b QuoteRow) int {
	return cmp.Or(
		strings.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		strings.Compare(a.Kind, b.Kind),
	)
}
