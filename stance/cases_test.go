package stance

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
	"gopkg.in/yaml.v3"
)

// caseFile is a file of stance cases for one language:
// testdata/lang/<code>.yaml, run against the embedded language packs, or
// testdata/cases_<code>.yaml. Each case is judged as a document of one row.
//
//	terms: [ОДКБ, миротворц*]        # the target's terms in that language
//	critics: [Вашингтон, США]        # its critics
//	lexicon: {favor: [...], ...}     # optional: use only this stance lexicon, not the pack's
//	no_spaces: false                 # optional, with lexicon: match anywhere
//	cases:
//	  - {name: favor, quote: "…", cue: "поблагодарил", context: "…", want: favor}
//
// A case may also give kind, attribution, speaker and paragraph, and a note.
type caseFile struct {
	Terms    []string     `yaml:"terms"`
	Critics  []string     `yaml:"critics"`
	Lexicon  *lang.Stance `yaml:"lexicon"`
	NoSpaces bool         `yaml:"no_spaces"`
	Cases    []struct {
		Name        string `yaml:"name"`
		Quote       string `yaml:"quote"`
		Cue         string `yaml:"cue"`
		Context     string `yaml:"context"`
		Paragraph   string `yaml:"paragraph"`
		Kind        string `yaml:"kind"`
		Attribution string `yaml:"attribution"`
		Speaker     string `yaml:"speaker"`
		Want        string `yaml:"want"`
		Note        string `yaml:"note"`
	} `yaml:"cases"`
}

// loadCases reads a case file, rejecting unknown fields.
func loadCases(path string) (*caseFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cf caseFile
	if err := dec.Decode(&cf); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(cf.Terms) == 0 || len(cf.Cases) == 0 {
		return nil, fmt.Errorf("%s: needs terms and cases", path)
	}
	for i, c := range cf.Cases {
		switch c.Want {
		case Favor, Against, None:
		default:
			return nil, fmt.Errorf("%s: case %d (%s): want %q is not favor, against or none", path, i, c.Name, c.Want)
		}
	}
	return &cf, nil
}

// runCaseFile judges every case of a file under the language code.
func runCaseFile(t *testing.T, path, code string, embedded *lang.Set) {
	cf, err := loadCases(path)
	if err != nil {
		t.Fatal(err)
	}
	packs := embedded
	if cf.Lexicon != nil {
		packs = lang.NewSet(&lang.Pack{Code: code, NoSpaces: cf.NoSpaces, Stance: *cf.Lexicon})
	} else if packs.Get(code) == nil {
		t.Fatalf("%s: no embedded language pack %q", path, code)
	}
	tg := Target{
		Name:    "cases of " + filepath.Base(path),
		Terms:   map[string][]string{code: cf.Terms},
		Critics: map[string][]string{code: cf.Critics},
	}
	j, err := New(tg, packs)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, c := range cf.Cases {
		t.Run(c.Name, func(t *testing.T) {
			in := Input{Lang: code, Kind: c.Kind, Speaker: c.Speaker, Attribution: c.Attribution,
				Quote: c.Quote, Cue: c.Cue, Context: c.Context, Paragraph: c.Paragraph}
			if in.Kind == "" {
				in.Kind = "direct"
			}
			r := j.Document([]Input{in})[0]
			if r.Label != c.Want {
				t.Errorf("%s: %q: got %s (score %.3f, cues %q), want %s", path, c.Quote, r.Label, r.Score, r.Cues, c.Want)
			}
			checkScore(t, r)
		})
	}
}

// TestLanguageCases runs every testdata/lang/<code>.yaml against the
// embedded language pack of that code.
func TestLanguageCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lang", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no testdata/lang/*.yaml case files")
	}
	embedded, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(code, func(t *testing.T) { runCaseFile(t, f, code, embedded) })
	}
}

// TestOwnCases runs testdata/cases_<code>.yaml, which carry their own lexicon.
func TestOwnCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases_*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/cases_*.yaml")
	}
	embedded, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		code := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "cases_"), ".yaml")
		t.Run(code, func(t *testing.T) { runCaseFile(t, f, code, embedded) })
	}
}
