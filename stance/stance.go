package stance

// Labels of stance, as in SemEval-2016 Task 6.
const (
	Favor   = "favor"
	Against = "against"
	None    = "none"
)

// Target is what stance is taken toward. It is configuration (config.yaml
// `target:`), not code: pointing the tool at another target is editing it.
type Target struct {
	// Name names the target in reports ("CSTO deployment in Kazakhstan").
	Name string `yaml:"name"`
	// Terms lists, by language code, the words that refer to the target.
	// The key "all" applies to every language.
	Terms map[string][]string `yaml:"terms"`
	// Critics lists, by language code, those known to oppose the target;
	// disparaging them counts as favoring it. "all" applies to every language.
	Critics map[string][]string `yaml:"critics"`
}

// Input is one quote to judge, with what surrounds it.
type Input struct {
	Lang        string // language pack code
	Kind        string // direct, partial, indirect, label, pull, scare
	Speaker     string
	Attribution string // name, pronoun, role, continuation, label, nearest, none
	Quote       string // the quoted words
	Cue         string // the reporting words ("thanked", "criticized")
	Context     string // the sentence(s) that hold the quote and its attribution
	Paragraph   string // the paragraph around it
}

// Result is the stance of one quote.
type Result struct {
	Label string   // Favor, Against or None
	Score float64  // -1 (against) .. +1 (favor)
	Cues  []string // the words that decided it, as written in the text
	// Inherited is true when the quote had no evidence of its own and took
	// the label of its speaker's previous quote, which it continues.
	Inherited bool
}
