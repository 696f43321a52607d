package prosener

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"gopkg.in/yaml.v3"
)

var (
	loadOnce sync.Once
	model    *Model
	loadErr  error
)

func testModel(t testing.TB) *Model {
	t.Helper()
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	loadOnce.Do(func() { model, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return model
}

// englishTexts returns the English texts of the repository's test corpora,
// a paragraph each.
func englishTexts(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, f := range []string{"../../testdata/news/en.txt", "../../testdata/news/long-en.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	b, err := os.ReadFile("../../quotes/testdata/lang/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Text string }
	if err := yaml.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		out = append(out, strings.TrimSpace(c.Text))
	}
	return out
}

// windows returns text, and its runs of up to five words from every word.
func windows(text string) []string {
	out := []string{text}
	words := strings.Fields(text)
	for i := range words {
		for n := 1; n <= 5 && i+n <= len(words); n += 2 {
			out = append(out, strings.Join(words[i:i+n], " "))
		}
	}
	return out
}

// TestAgreesWithProse checks that the entities are prose's own, over the
// English test corpora read whole and in windows of one to five words, the
// way the extractor asks, and over odd tokens.
func TestAgreesWithProse(t *testing.T) {
	m := testModel(t)
	texts := []string{
		"", " ", ".", "1e5 NaN Inf 0x1F 3.14 -2 twenty-one",
		"Mr. O'Neill, McDonald and DE GAULLE met in São Paulo, Kraków and Алматы on 5 January.",
		"said Jen Psaki", "“We will,” said Merdan Atayev, the engineer.", "the_end Under_Score A_B",
		"He told Reuters: \"Enough.\" She said — nothing.", "ÉCOLE École école", "\xff\xfe Bad \xc3",
	}
	for _, p := range englishTexts(t) {
		texts = append(texts, windows(p)...)
	}
	persons := 0
	for _, s := range texts {
		doc, err := prose.NewDocument(s, prose.UsingModel(m.prose), prose.WithSegmentation(false))
		if err != nil {
			t.Fatal(err)
		}
		want := doc.Entities()
		got := m.Entities(s)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Entities(%q)\n got %v\nwant %v", s, got, want)
		}
		for _, e := range got {
			if e.Label == "PERSON" {
				persons++
			}
		}
	}
	if persons < 50 {
		t.Errorf("only %d persons in %d texts: the corpus does not exercise the model", persons, len(texts))
	}
	t.Logf("%d texts, %d persons", len(texts), persons)
}

func TestShape(t *testing.T) {
	tests := []struct{ word, want string }{
		{"", "other"}, {"12", "number"}, {"1e5", "number"}, {"NaN", "number"}, {"inf", "number"},
		{"word", "downcase"}, {"Word", "upcase"}, {"WORD", "upcase"}, {"McDonald", "upcase"}, {"iPhone", "mixedcase"},
		{"O'Neill", "upcase"}, {"word.", "punct"}, {"Алматы", "punct"}, {"Kraków", "upcase"}, {"kraków", "downcase"},
		{"snake_", "downcase"}, {"A1", "upcase"}, {"—", "punct"}, {"\xff", "punct"},
	}
	for _, tc := range tests {
		if got := shape(tc.word); got != tc.want {
			t.Errorf("shape(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// TestShapeIsProses checks shape against prose's regular expressions over
// every word of the corpora.
func TestShapeIsProses(t *testing.T) {
	punct, word := regexp.MustCompile(`\W+$`), regexp.MustCompile(`\w+$`)
	proseShape := func(w string) string {
		if _, err := strconv.ParseFloat(w, 64); err == nil {
			return "number"
		} else if punct.MatchString(w) {
			return "punct"
		} else if word.MatchString(w) {
			if strings.ToLower(w) == w {
				return "downcase"
			} else if strings.Title(w) == w { //nolint:staticcheck // prose's own test
				return "upcase"
			}
			return "mixedcase"
		}
		return "other"
	}
	n := 0
	for _, p := range append(englishTexts(t), "\xff \xc3 x\xc3 ɐ ǅ ǆ") {
		for _, w := range strings.Fields(p) {
			n++
			if got, want := shape(w), proseShape(w); got != want {
				t.Errorf("shape(%q) = %q, prose %q", w, got, want)
			}
		}
	}
	t.Logf("%d words", n)
}

// TestBasicWordsAreProses checks basicwords.txt against what
// internal/prosegen writes from the module.
func TestBasicWordsAreProses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	out := filepath.Join(t.TempDir(), "words.txt")
	cmd := exec.Command("go", "run", "../prosegen", "-o", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ../prosegen: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != basicWords {
		t.Errorf("basicwords.txt is not what internal/prosegen writes: run go generate ./internal/prosener")
	}
}
