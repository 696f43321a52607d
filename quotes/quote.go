package quotes

// Kind says what sort of speech a Quote is.
type Kind string

// The kinds of quotation, as in the report contract.
const (
	Direct   Kind = "direct"   // speech in quote marks, or after a dialogue dash
	Partial  Kind = "partial"  // a fragment in marks inside reported speech
	Indirect Kind = "indirect" // reported speech without marks
	Label    Kind = "label"    // a transcript turn after a speaker label
	Pull     Kind = "pull"     // a pull quote that lost its marks, signed by its speaker
	Scare    Kind = "scare"    // a term in marks that is nobody's speech
)

// Attribution says how a Quote's speaker was found.
type Attribution string

// The ways a speaker is found, from the most to the least certain.
const (
	ByName         Attribution = "name"
	ByLabel        Attribution = "label"
	ByContinuation Attribution = "continuation"
	ByRole         Attribution = "role"
	ByPronoun      Attribution = "pronoun"
	ByNearest      Attribution = "nearest"
	ByNone         Attribution = "none"
)

// Span is a half-open range of byte offsets into a Document's Text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Quote is one quotation or reported statement, with the evidence that ties
// it to its speaker. Every Span points into the Document's Text.
type Quote struct {
	Doc  string // the document's name
	Lang string // the document's language
	Kind Kind

	Span Span   // the quoted words, marks excluded
	Text string // Doc.Text[Span.Start:Span.End]
	Line int    // 1-based line of Span.Start

	Speaker     string      // canonical roster name, the name as written, or ""
	SpeakerKind string      // "person" or "organization" for roster speakers
	Mention     string      // the words that identified the speaker
	MentionSpan Span        // where they stand (empty when inherited)
	Attribution Attribution // how the speaker was found
	Cue         string      // the reporting words that link speaker and quote
	CueSpan     Span
	Confidence  float64 // 0..1, how sure the attribution is

	// Context is the sentence (or sentences) that carry the quote and its
	// attribution; stance judges the quote within it.
	Context Span
	// Flags note what was uncertain: "unclosed", "unopened", "multi-paragraph".
	Flags []string

	spk int // roster index + 1; 0 when the speaker is not on the roster
}
