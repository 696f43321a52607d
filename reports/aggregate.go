package reports

import (
	"cmp"
	"slices"
	"strings"
)

// PositionFunc decides a speaker's position from the stance labels and
// scores of their quotes, given in report order; it returns the position
// ("favor", "against" or "none") and how sure it is (0..1). The stance
// package's decision rule is one.
type PositionFunc func(labels []string, scores []float64) (string, float64)

// Stance labels as written in the reports.
const (
	favor   = "favor"
	against = "against"
	none    = "none"
)

// Aggregate sums quote rows up into positions.csv rows, one per (doc,
// speaker), and speakers.csv rows, one per speaker across the corpus. Rows
// without a speaker and scare quotes (nobody's speech) are left out. A
// stance other than favor or against counts as none. Label and pull quotes
// are verbatim speech and count as direct.
//
// Positions are ordered by doc, then speaker; speakers by number of quotes,
// most first, then by name. The labels handed to position follow the quotes'
// report order (SortQuotes), whatever the order of rows.
func Aggregate(rows []QuoteRow, position PositionFunc) ([]PositionRow, []SpeakerRow) {
	sorted := slices.Clone(rows)
	SortQuotes(sorted)
	var positions []PositionRow
	a := newAggregator(position, func(ps []PositionRow) error {
		positions = append(positions, ps...)
		return nil
	})
	for _, r := range sorted {
		_ = a.add(r) // the sink never fails
	}
	_ = a.flushDoc()
	if positions == nil {
		positions = []PositionRow{}
	}
	return positions, a.speakers()
}

// tally is the stance labels and scores of one speaker's quotes, in report
// order.
type tally struct {
	labels []string
	scores []float64
}

func (t *tally) add(label string, score Float) {
	t.labels = append(t.labels, label)
	t.scores = append(t.scores, float64(score))
}

// speakerAcc is a speaker's row of speakers.csv while rows arrive.
type speakerAcc struct {
	row      SpeakerRow
	tally    tally
	lastDoc  string
	langs    map[string]bool
	mentions map[string]bool
}

// aggregator sums up quote rows that arrive in report order (SortQuotes).
// It holds one document's positions at a time, handing them to emit when
// the next document begins, and one accumulator per speaker of the corpus:
// its memory grows with the speakers and their quotes, not with the
// documents.
type aggregator struct {
	position PositionFunc
	emit     func([]PositionRow) error

	doc      string
	docOrder []string
	docRows  map[string]*PositionRow
	docTally map[string]*tally

	spkOrder []string
	spk      map[string]*speakerAcc
}

func newAggregator(position PositionFunc, emit func([]PositionRow) error) *aggregator {
	return &aggregator{
		position: position, emit: emit,
		docRows: map[string]*PositionRow{}, docTally: map[string]*tally{},
		spk: map[string]*speakerAcc{},
	}
}

// add counts one row; rows must come in report order.
func (a *aggregator) add(r QuoteRow) error {
	if r.Speaker == "" || r.Kind == "scare" {
		return nil
	}
	if r.Doc != a.doc {
		if err := a.flushDoc(); err != nil {
			return err
		}
		a.doc = r.Doc
	}
	label := normLabel(r.Stance)

	p := a.docRows[r.Speaker]
	if p == nil {
		p = &PositionRow{Doc: r.Doc, Speaker: r.Speaker}
		a.docRows[r.Speaker] = p
		a.docTally[r.Speaker] = &tally{}
		a.docOrder = append(a.docOrder, r.Speaker)
	}
	p.Quotes++
	countLabel(label, &p.Favor, &p.Against, &p.None)
	a.docTally[r.Speaker].add(label, r.StanceScore)

	s := a.spk[r.Speaker]
	if s == nil {
		s = &speakerAcc{row: SpeakerRow{Speaker: r.Speaker}, langs: map[string]bool{}, mentions: map[string]bool{}}
		a.spk[r.Speaker] = s
		a.spkOrder = append(a.spkOrder, r.Speaker)
	}
	s.row.Quotes++
	switch r.Kind {
	case "partial":
		s.row.Partial++
	case "indirect":
		s.row.Indirect++
	case "direct", "label", "pull":
		s.row.Direct++
	}
	countLabel(label, &s.row.Favor, &s.row.Against, &s.row.None)
	s.tally.add(label, r.StanceScore)
	if s.row.Docs == 0 || s.lastDoc != r.Doc {
		s.row.Docs++
		s.lastDoc = r.Doc
	}
	if lang := strings.TrimSpace(r.Lang); lang != "" {
		s.langs[lang] = true
	}
	if m := strings.TrimSpace(r.SpeakerMention); m != "" {
		s.mentions[m] = true
	}
	return nil
}

// flushDoc decides the positions of the current document and hands them,
// ordered by speaker, to emit.
func (a *aggregator) flushDoc() error {
	if len(a.docOrder) == 0 {
		return nil
	}
	rows := make([]PositionRow, 0, len(a.docOrder))
	for _, name := range a.docOrder {
		p := a.docRows[name]
		t := a.docTally[name]
		pos, conf := a.position(t.labels, t.scores)
		p.Position, p.Confidence = pos, Float(conf)
		rows = append(rows, *p)
	}
	slices.SortStableFunc(rows, func(a, b PositionRow) int { return strings.Compare(a.Speaker, b.Speaker) })
	clear(a.docRows)
	clear(a.docTally)
	a.docOrder = a.docOrder[:0]
	return a.emit(rows)
}

// speakers returns the rows of speakers.csv, most quotes first, then by
// name.
func (a *aggregator) speakers() []SpeakerRow {
	speakers := make([]SpeakerRow, 0, len(a.spkOrder))
	for _, name := range a.spkOrder {
		s := a.spk[name]
		row := s.row
		row.Position, _ = a.position(s.tally.labels, s.tally.scores)
		row.Languages = sortedKeys(s.langs)
		row.Mentions = sortedKeys(s.mentions)
		speakers = append(speakers, row)
	}
	slices.SortStableFunc(speakers, func(a, b SpeakerRow) int {
		return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), strings.Compare(a.Speaker, b.Speaker))
	})
	return speakers
}

// normLabel maps a stance cell to favor, against or none.
func normLabel(s string) string {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case favor, against:
		return l
	}
	return none
}

func countLabel(label string, f, a, n *int) {
	switch label {
	case favor:
		*f++
	case against:
		*a++
	default:
		*n++
	}
}

func sortedKeys(set map[string]bool) List {
	if len(set) == 0 {
		return nil
	}
	keys := make(List, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
