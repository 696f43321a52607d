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
	// ProDrop is true where a reporting verb of any form stands without its
	// subject ("…», τόνισε.", "каза."): such a verb beside the quote takes
	// the latest speaker, as a pronoun would. Gendered forms do so anyway.
	ProDrop bool `yaml:"pro_drop"`
	// DialogueDash is true where a dash that opens a paragraph starts direct
	// speech (Polish, Russian, Ukrainian, Spanish ...).
	DialogueDash bool `yaml:"dialogue_dash"`
	// Unaccented is true where the language is often written without its
	// letters beyond ASCII (Romanian web copy drops ș, ț, ă): language
	// detection then does not rule it out for a text that lacks them.
	Unaccented bool `yaml:"unaccented"`
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
	// Plain lists words that hold an entry without being it, in languages
	// written without spaces (Thai ดังกล่าว "aforesaid" holds กล่าว "say"):
	// no entry and no name inside one of them is matched.
	Plain []string `yaml:"plain"`
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
	// Anaphora are words and phrases that open a sentence with a reporting
	// verb and its speaker and point back at the sentence before as what
	// was said: "Об этом заявил X", "Uvedl to X", Danish "Det oplyser
	// politiet.", Dutch "Dat meldt de NOS.".
	Anaphora []string `yaml:"anaphora"`
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
	// Prefixes are clitics written attached to the front of the next word
	// (Hebrew "ו" and, "ש" that, "ל" to): a roster name is also matched
	// after up to three of them ("ולפוטין"). A run of prefixes that is
	// itself listed in Prepositions marks the name as not the speaker.
	Prefixes []string `yaml:"prefixes"`
	// SubjectMarkers are words right after a name that mark it as the subject
	// of the sentence, and so the speaker (Hindi "ने").
	SubjectMarkers []string `yaml:"subject_markers"`
	// ObjectMarkers are words right after a name that mark it as not the
	// speaker (Hindi "को", "से").
	ObjectMarkers []string `yaml:"object_markers"`
	// ObjectEndings are case endings that mark a name as not the speaker
	// where the language writes the object on the name itself: the genitive
	// and the objective (Bengali "পুতিনের", "পুতিনকে"; Lithuanian dative
	// "Putinui", Hungarian "Putyinnak"; Turkish "Putin'e"). They are endings
	// too. A source phrase still takes such a name as its speaker.
	ObjectEndings []string `yaml:"object_endings"`
	// Prepositions are words right before a name that mark it as not the
	// speaker ("to", "from", "with", Arabic "من").
	Prepositions []string `yaml:"prepositions"`
	// AfterTitle is true where names off the roster are found after a
	// title rather than by their capitals (scripts without case: Thai
	// "นายปิติ ดิษยทัต", Bengali "মো. বজলুর রশিদ").
	AfterTitle bool `yaml:"after_title"`
	// OrgPrepositions are the prepositions that leave an organization the
	// speaker: "В МИД России заявили, что …", "У Кремлі повідомили …".
	OrgPrepositions []string `yaml:"org_prepositions"`
	// Titles are honorifics and titles that may precede a name ("Mr.", "Ms.",
	// "President", "пан"). They help find names that are not on the roster.
	Titles []string `yaml:"titles"`
	// Particles are lower-case words that stand inside a name between its
	// capitalized words (Dutch "van", "de", "van der"; "von"). They help find
	// names that are not on the roster.
	Particles []string `yaml:"particles"`
	// Possessive are the endings that make a roster name a possessor
	// ("Blinkens bemærkning", "Poetins woordvoerder"): a name with one of them
	// is not the subject, and so not the speaker.
	Possessive []string `yaml:"possessive"`
	// TitlesBefore are titles and occupations that stand right before a
	// name in a script without capitals (zh "研究员", ar "المحلل السياسي"):
	// the words after one, up to a word the pack knows or a mark, name a
	// speaker who is not on the roster.
	TitlesBefore []string `yaml:"titles_before"`
	// TitlesAfter are the same for titles that follow the name (ja "教授",
	// ko "교수*", fa "کارشناس"), with at most a comma between.
	TitlesAfter []string `yaml:"titles_after"`
	// OneWord is true where a person's name is written as one word (ko
	// "김영진"): of the words before a title, the first is the name and the
	// rest name where the title is held ("이주열 한은 총재").
	OneWord bool `yaml:"one_word"`
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
	// Refute words reject what their sentence claims ("rejected the
	// accusations", "iddiaları reddetti"): the claims against the target
	// there are what is refuted, so they count for it, even where the
	// target is named. They are attack words too.
	Refute []string `yaml:"refute"`
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
	p.Unaccented = p.Unaccented || o.Unaccented
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
	r.Anaphora = append(r.Anaphora, or.Anaphora...)
	r.CommaClause = r.CommaClause || or.CommaClause
	r.Quotative = append(r.Quotative, or.Quotative...)
	r.BareVerbs = append(r.BareVerbs, or.BareVerbs...)
	r.BareStop = append(r.BareStop, or.BareStop...)
	r.Subjunctive = append(r.Subjunctive, or.Subjunctive...)
	p.VerbFinal = p.VerbFinal || o.VerbFinal
	p.ProDrop = p.ProDrop || o.ProDrop
	p.Pronouns = append(p.Pronouns, o.Pronouns...)
	if p.Roles == nil {
		p.Roles = map[string][]string{}
	}
	for k, v := range o.Roles {
		p.Roles[k] = append(p.Roles[k], v...)
	}
	n, on := &p.Names, o.Names
	n.Endings = append(n.Endings, on.Endings...)
	n.Prefixes = append(n.Prefixes, on.Prefixes...)
	n.SubjectMarkers = append(n.SubjectMarkers, on.SubjectMarkers...)
	n.ObjectMarkers = append(n.ObjectMarkers, on.ObjectMarkers...)
	n.Prepositions = append(n.Prepositions, on.Prepositions...)
	n.OrgPrepositions = append(n.OrgPrepositions, on.OrgPrepositions...)
	n.ObjectEndings = append(n.ObjectEndings, on.ObjectEndings...)
	n.Titles = append(n.Titles, on.Titles...)
	n.Particles = append(n.Particles, on.Particles...)
	n.Possessive = append(n.Possessive, on.Possessive...)
	n.AfterTitle = n.AfterTitle || on.AfterTitle
	n.TitlesBefore = append(n.TitlesBefore, on.TitlesBefore...)
	n.TitlesAfter = append(n.TitlesAfter, on.TitlesAfter...)
	n.OneWord = n.OneWord || on.OneWord
	p.ScareBefore = append(p.ScareBefore, o.ScareBefore...)
	p.ScareWeak = append(p.ScareWeak, o.ScareWeak...)
	p.Plain = append(p.Plain, o.Plain...)
	st, ost := &p.Stance, o.Stance
	st.Favor = append(st.Favor, ost.Favor...)
	st.Against = append(st.Against, ost.Against...)
	st.Attack = append(st.Attack, ost.Attack...)
	st.Negators = append(st.Negators, ost.Negators...)
	st.Contrast = append(st.Contrast, ost.Contrast...)
	st.Reason = append(st.Reason, ost.Reason...)
	st.Doubt = append(st.Doubt, ost.Doubt...)
	st.Refute = append(st.Refute, ost.Refute...)
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
