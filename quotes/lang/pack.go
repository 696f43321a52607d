package lang

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed packs/*.yaml
var embedded embed.FS

// Pack is one language's data. The zero value of every field means "none".
type Pack struct {
	// Code is the ISO 639-1 code ("en", "pl"); it must match the file name.
	Code string `yaml:"code"`
	// Name is the English name of the language.
	Name string `yaml:"name"`
	// Script names the writing system (Latin, Cyrillic, Arabic, Devanagari, Han, ...).
	Script string `yaml:"script"`
	// NoSpaces is true for languages written without spaces between words
	// (zh, ja): lexicon entries then match anywhere, not on word boundaries.
	NoSpaces bool `yaml:"no_spaces"`
	// Letters are characters that tell this language from the others of its
	// script (Kazakh "әғқңөұүһі", Persian "پچژگ"); language detection uses
	// them for languages its statistical model does not know.
	Letters string `yaml:"letters"`
	// DetectAliases are codes of close languages that language detection may
	// name for this one and that have no pack of their own (Serbian in Latin
	// script is told as Croatian or Bosnian: sr lists hr and bs).
	DetectAliases []string `yaml:"detect_aliases"`
	// Quotes lists the quotation mark pairs of the language, the usual one first.
	// The scanner knows every common pair; these tell it which reading to prefer
	// when a mark is ambiguous (» opens in German and closes in French).
	Quotes []QuotePair `yaml:"quotes"`
	// VerbFinal is true where the reporting verb closes its sentence (hi,
	// ur, fa, tr, az, kk, ja, ko): "X [clause] (quotative) said." gives the
	// clause between the speaker and the verb.
	VerbFinal bool `yaml:"verb_final"`
	// DialogueDash is true where a dash that opens a paragraph starts direct
	// speech (Polish, Russian, Ukrainian, Spanish ...).
	DialogueDash bool `yaml:"dialogue_dash"`
	// SentenceEnd lists sentence terminators beyond those of Unicode (rarely needed).
	SentenceEnd []string `yaml:"sentence_end"`
	// Colons are marks that introduce speech as a colon does and end no
	// sentence: Armenian writes "նշել է. «…»" with its mijaket ".", and "՝".
	Colons []string `yaml:"colons"`
	// Abbreviations are tokens ending in a period that do not end a sentence.
	Abbreviations []string `yaml:"abbreviations"`
	// Reporting holds the words that introduce speech.
	Reporting Reporting `yaml:"reporting"`
	// Pronouns are the personal pronouns that may stand for a speaker.
	Pronouns []Pronoun `yaml:"pronouns"`
	// Roles maps a role key (shared with the roster: "spokesperson",
	// "foreign_minister") to the nouns for it in this language.
	Roles map[string][]string `yaml:"roles"`
	// Names holds the rules for recognizing names in running text.
	Names Names `yaml:"names"`
	// ScareBefore lists words that, right before a short quoted term, make it
	// a term the author puts in marks ("the", "so-called", "так называемый").
	ScareBefore []string `yaml:"scare_before"`
	// ScareWeak are weaker signals (articles: "the “occupation”"): they make
	// a scare quote only outside reported speech, since "said that it was a
	// “limited” mission" quotes the speaker's own word.
	ScareWeak []string `yaml:"scare_weak"`
	// Stance is the stance lexicon.
	Stance Stance `yaml:"stance"`

	// File is where the pack came from (set by the loader).
	File string `yaml:"-"`
}

// QuotePair is an opening and a closing quotation mark.
type QuotePair struct {
	Open  string `yaml:"open"`
	Close string `yaml:"close"`
}

// Reporting holds the cues that link a speaker to what they said.
type Reporting struct {
	// Verbs are reporting verbs and verb phrases in every form needed
	// ("said", "says", "told", "заявил*", "ने कहा"), of any or no gender.
	Verbs []string `yaml:"verbs"`
	// VerbsF and VerbsM are forms that mark the speaker's gender
	// (powiedziała / powiedział, قالت / قال). They are reporting verbs too.
	VerbsF []string `yaml:"verbs_f"`
	VerbsM []string `yaml:"verbs_m"`
	// Complementizers introduce the reported clause after a verb
	// ("that", "что", "że", "أن", "कि", "dass", "que").
	Complementizers []string `yaml:"complementizers"`
	// Source phrases put the speaker before the reported clause without a
	// verb of their own: "according to X,", "по словам X,", "laut X", "as noted by X,".
	Source []string `yaml:"source"`
	// Continuation cues carry on the previous speaker's words:
	// "adding", "he added", "dodał", "добавила", "مضيفة".
	Continuation []string `yaml:"continuation"`
	// Final are speech-act verbs that close a sentence whose subject is the
	// speaker, in verb-final languages: "धन्यवाद दिया" (thanked),
	// "खारिज कर दिया" (dismissed). The sentence after the subject is the statement.
	Final []string `yaml:"final"`
	// CommaClause is true where the reported clause may follow the verb and
	// a comma without a complementizer (German "sagte, die Truppen seien …").
	CommaClause bool `yaml:"comma_clause"`
	// BareVerbs are the verbs a reported clause may follow with no
	// complementizer ("Putin said the troops would leave"). It is read so
	// only when the speaker stands right before the verb and the word after
	// the verb is none of BareStop (prepositions, time words: "said on
	// Monday", "said in a statement").
	BareVerbs []string `yaml:"bare_verbs"`
	BareStop  []string `yaml:"bare_stop"`
	// Quotative particles close a reported clause right before its verb in
	// verb-final languages: Japanese "と", Korean "고" (a suffix: "…다고
	// 말했다"), Kazakh "деп", Turkish "diye". They match at the end of the
	// word before the verb.
	Quotative []string `yaml:"quotative"`
	// Nested phrases hand the words to an inner speaker: "quoted X as saying".
	// The speaker nearest before the phrase is the one who said it.
	Nested []string `yaml:"nested"`
	// Subjunctive are the verb forms of the mood of reported speech (German
	// Konjunktiv I: "sei", "habe", "werde"). A sentence without marks and
	// without a reporting word of its own that holds one, right after a
	// quotation or reported statement, carries on that speaker's words:
	// "Der Einsatz werde nur wenige Tage dauern."
	Subjunctive []string `yaml:"subjunctive"`
}

// Pronoun is a personal pronoun and the gender it refers to:
// "f", "m", "n" (neuter or organizations), "p" (plural) or "" (any).
type Pronoun struct {
	Word   string `yaml:"word"`
	Gender string `yaml:"gender"`
}

// Names holds the rules for names in running text.
type Names struct {
	// Endings are the inflectional endings that may follow a name from the
	// roster: "a", "owi", "em" in Polish make Tokajewa, Tokajewowi, Tokajewem.
	Endings []string `yaml:"endings"`
	// SubjectMarkers are words right after a name that mark it as the subject
	// of the sentence, and so the speaker (Hindi "ने").
	SubjectMarkers []string `yaml:"subject_markers"`
	// ObjectMarkers are words right after a name that mark it as not the
	// speaker (Hindi "को", "से").
	ObjectMarkers []string `yaml:"object_markers"`
	// Prepositions are words right before a name that mark it as not the
	// speaker ("to", "from", "with", Arabic "من").
	Prepositions []string `yaml:"prepositions"`
	// Titles are honorifics and titles that may precede a name ("Mr.", "Ms.",
	// "President", "пан"). They help find names that are not on the roster.
	Titles []string `yaml:"titles"`
}

// Stance is the stance lexicon of a language.
type Stance struct {
	// Favor lists words that support, request, praise, justify or thank.
	Favor []string `yaml:"favor"`
	// Against lists words that oppose, question, condemn or reject.
	Against []string `yaml:"against"`
	// Attack lists words that disparage ("stupidity", "lies", "do not
	// understand"); aimed at the target's critics they count as favor.
	Attack []string `yaml:"attack"`
	// Negators turn the polarity of the cue that follows them ("not", "no longer").
	Negators []string `yaml:"negators"`
	// Contrast words ("but", "however") make what follows them decide.
	Contrast []string `yaml:"contrast"`
	// Reason words in an attribution present the quote as the reason for
	// the speaker's stance ("explained his decision", "justifying his
	// position"): without evidence of its own the quote takes the stance
	// the speaker took before in the document.
	Reason []string `yaml:"reason"`
	// Doubt words question what follows them in the sentence ("questions
	// about", "asked for clarification of", "توضيحا بشأن"): favor words after
	// them are what is doubted, and count against.
	Doubt []string `yaml:"doubt"`
}

// Set is a loaded, validated set of packs, by code.
type Set struct {
	packs map[string]*Pack
}

// NewSet returns a set holding the given packs, merged in order: a later
// pack of the same code extends an earlier one (see Set.Merge). It is meant
// for tests and for callers that build packs in code; packs are not validated.
func NewSet(packs ...*Pack) *Set {
	s := &Set{packs: map[string]*Pack{}}
	for _, p := range packs {
		s.Merge(p)
	}
	return s
}

// Embedded loads the packs built into the binary.
func Embedded() (*Set, error) {
	s := &Set{packs: map[string]*Pack{}}
	entries, err := fs.ReadDir(embedded, "packs")
	if err != nil {
		return nil, fmt.Errorf("language packs: %w", err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		name := "packs/" + e.Name()
		data, err := embedded.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		p, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		s.packs[p.Code] = p
	}
	return s, nil
}

// LoadDir merges every *.yaml pack in dir over the set.
func (s *Set) LoadDir(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no *.yaml language packs", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		p, err := Parse(f, data)
		if err != nil {
			return err
		}
		s.Merge(p)
	}
	return nil
}

// Parse decodes one pack, rejecting unknown fields with the file and line.
func Parse(file string, data []byte) (*Pack, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Pack
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s:%w", file, yamlLine(err))
	}
	p.File = file
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &p, nil
}

// yamlLine rewrites yaml.v3's "line N: ..." messages as "N: ..." so that an
// error reads "file.yaml:12: field speakrs not found".
func yamlLine(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = strings.TrimPrefix(m, "line ")
		}
		return &lineError{msg: strings.Join(msgs, "; "), err: err}
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		return &lineError{msg: rest, err: err}
	}
	return &lineError{msg: " " + msg, err: err}
}

// lineError is a YAML error whose message starts with the line number, so
// that "file.yaml:" + message reads "file.yaml:12: ...".
type lineError struct {
	msg string
	err error
}

func (e *lineError) Error() string { return e.msg }
func (e *lineError) Unwrap() error { return e.err }

// Validate checks the pack for entries that could never match.
func (p *Pack) Validate() error {
	if len(p.Code) < 2 || len(p.Code) > 3 || strings.ToLower(p.Code) != p.Code {
		return fmt.Errorf("code %q is not an ISO 639-1 code", p.Code)
	}
	for i, q := range p.Quotes {
		if q.Open == "" || q.Close == "" {
			return fmt.Errorf("quotes[%d]: open and close must both be set", i)
		}
	}
	for _, pr := range p.Pronouns {
		switch pr.Gender {
		case "", "f", "m", "n", "p":
		default:
			return fmt.Errorf("pronoun %q: gender %q is not one of f, m, n, p or empty", pr.Word, pr.Gender)
		}
	}
	return nil
}

// Merge merges o over the pack of the same code: lists are extended, scalars
// that o sets replace the pack's. A code the set lacks is added as it is.
func (s *Set) Merge(o *Pack) {
	p, ok := s.packs[o.Code]
	if !ok {
		cp := *o
		s.packs[o.Code] = &cp
		return
	}
	if o.Name != "" {
		p.Name = o.Name
	}
	if o.Script != "" {
		p.Script = o.Script
	}
	p.NoSpaces = p.NoSpaces || o.NoSpaces
	p.Letters += o.Letters
	p.DetectAliases = append(p.DetectAliases, o.DetectAliases...)
	p.DialogueDash = p.DialogueDash || o.DialogueDash
	p.Quotes = append(p.Quotes, o.Quotes...)
	p.SentenceEnd = append(p.SentenceEnd, o.SentenceEnd...)
	p.Colons = append(p.Colons, o.Colons...)
	p.Abbreviations = append(p.Abbreviations, o.Abbreviations...)
	r, or := &p.Reporting, o.Reporting
	r.Verbs = append(r.Verbs, or.Verbs...)
	r.VerbsF = append(r.VerbsF, or.VerbsF...)
	r.VerbsM = append(r.VerbsM, or.VerbsM...)
	r.Complementizers = append(r.Complementizers, or.Complementizers...)
	r.Source = append(r.Source, or.Source...)
	r.Continuation = append(r.Continuation, or.Continuation...)
	r.Final = append(r.Final, or.Final...)
	r.Nested = append(r.Nested, or.Nested...)
	r.CommaClause = r.CommaClause || or.CommaClause
	r.Quotative = append(r.Quotative, or.Quotative...)
	r.BareVerbs = append(r.BareVerbs, or.BareVerbs...)
	r.BareStop = append(r.BareStop, or.BareStop...)
	r.Subjunctive = append(r.Subjunctive, or.Subjunctive...)
	p.VerbFinal = p.VerbFinal || o.VerbFinal
	p.Pronouns = append(p.Pronouns, o.Pronouns...)
	if p.Roles == nil {
		p.Roles = map[string][]string{}
	}
	for k, v := range o.Roles {
		p.Roles[k] = append(p.Roles[k], v...)
	}
	n, on := &p.Names, o.Names
	n.Endings = append(n.Endings, on.Endings...)
	n.SubjectMarkers = append(n.SubjectMarkers, on.SubjectMarkers...)
	n.ObjectMarkers = append(n.ObjectMarkers, on.ObjectMarkers...)
	n.Prepositions = append(n.Prepositions, on.Prepositions...)
	n.Titles = append(n.Titles, on.Titles...)
	p.ScareBefore = append(p.ScareBefore, o.ScareBefore...)
	p.ScareWeak = append(p.ScareWeak, o.ScareWeak...)
	st, ost := &p.Stance, o.Stance
	st.Favor = append(st.Favor, ost.Favor...)
	st.Against = append(st.Against, ost.Against...)
	st.Attack = append(st.Attack, ost.Attack...)
	st.Negators = append(st.Negators, ost.Negators...)
	st.Contrast = append(st.Contrast, ost.Contrast...)
	st.Reason = append(st.Reason, ost.Reason...)
	st.Doubt = append(st.Doubt, ost.Doubt...)
	if o.File != "" {
		p.File = p.File + "+" + o.File
	}
}

// Get returns the pack for code, or nil.
func (s *Set) Get(code string) *Pack { return s.packs[code] }

// Codes returns the codes of all packs, sorted.
func (s *Set) Codes() []string {
	out := make([]string, 0, len(s.packs))
	for c := range s.packs {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
