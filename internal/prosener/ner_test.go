package prosener

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"gopkg.in/yaml.v3"
)

var (
	loadOnce   sync.Once
	model      *Model
	proseModel *prose.Model // prose's own, to compare with
	loadErr    error
)

func testModel(t testing.TB) *Model {
	t.Helper()
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	loadOnce.Do(func() {
		model, loadErr = Load()
		proseModel = prose.ModelFromData("en")
	})
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

// windows returns text, and its runs of one to nine words from every word.
func windows(text string) []string {
	out := []string{text}
	words := strings.Fields(text)
	for i := range words {
		for n := 1; n <= 9 && i+n <= len(words); n += 2 {
			out = append(out, strings.Join(words[i:i+n], " "))
		}
	}
	return out
}

// repeats reports whether a stretch between white space occurs twice in s
// before its last: prose's tokenizer then gives both the same tokens, and
// the tags and labels of the last occurrence overwrite the earlier ones.
func repeats(s string) bool {
	f := strings.Fields(strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s))
	if len(f) > 0 {
		f = f[:len(f)-1] // prose does not share the last stretch
	}
	seen := map[string]bool{}
	for _, w := range f {
		if seen[w] {
			return true
		}
		seen[w] = true
	}
	return false
}

// TestAgreesWithProse checks that the tags and entities are prose's own,
// over the sentences of the English test corpora and their windows of one
// to nine words, the way the extractor asks, and over odd tokens. Texts in
// which prose's tokenizer shares tokens between repeated words are left
// out (see TestRepeatedWords).
func TestAgreesWithProse(t *testing.T) {
	m := testModel(t)
	texts := []string{
		"", " ", ".", "1e5 NaN Inf 0x1F 3.14 -2 twenty-one",
		"Mr. O'Neill, McDonald and DE GAULLE met in São Paulo, Kraków and Алматы on 5 January.",
		"said Jen Psaki", "“We will,” said Merdan Atayev, the engineer.", "the_end Under_Score A_B",
		"He told Reuters: \"Enough.\" She said — nothing.", "ÉCOLE École école", "\xff\xfe Bad \xc3",
		"Mail jan@example.com or see https://example.com/a?b=1 and @press :-) - *-12 *T* -LRB- 1999 12,000",
	}
	for _, p := range englishTexts(t) {
		for _, sent := range strings.SplitAfter(p, ". ") {
			texts = append(texts, windows(sent)...)
		}
	}
	persons, tokens, skipped := 0, 0, 0
	for _, s := range texts {
		if repeats(s) {
			skipped++
			continue
		}
		tagged, err := prose.NewDocument(s, prose.UsingModel(proseModel), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		wantToks := tagged.Tokens()
		toks := slices.Clone(wantToks)
		for i := range toks {
			toks[i].Tag = ""
		}
		m.tagger.tag(toks)
		if !reflect.DeepEqual(toks, wantToks) {
			t.Errorf("tags of %q\n got %v\nwant %v", s, toks, wantToks)
		}
		tokens += len(toks)
		doc, err := prose.NewDocument(s, prose.UsingModel(proseModel), prose.WithSegmentation(false))
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
	if persons < 50 || tokens < 10000 {
		t.Errorf("only %d persons and %d tokens in %d texts: the corpus does not exercise the model", persons, tokens, len(texts)-skipped)
	}
	t.Logf("%d texts (%d with repeated words left out), %d tokens, %d persons", len(texts), skipped, tokens, persons)
}

// TestRepeatedWords shows where the tags differ from prose's on purpose:
// prose's tokenizer gives a repeated word the same token, so the first
// "as" of "as much as" takes the tag of the second.
func TestRepeatedWords(t *testing.T) {
	m := testModel(t)
	const s = "divert as much as a"
	doc, err := prose.NewDocument(s, prose.UsingModel(proseModel), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	want := doc.Tokens()
	if want[1].Tag != want[3].Tag {
		t.Skipf("prose tags the two words apart: %v", want)
	}
	got := slices.Clone(want)
	m.tagger.tag(got)
	if got[1].Tag == got[3].Tag {
		t.Errorf("tags %v: the two \"as\" should be tagged each in its place", got)
	}
	if !slices.Equal(got[3:], want[3:]) {
		t.Errorf("tags %v, prose %v: the last \"as\" and what follows should agree", got, want)
	}
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

// TestListsAreProses checks basicwords.txt and emoticons.txt against what
// internal/prosegen writes from the module.
func TestListsAreProses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "../prosegen", "-d", dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ../prosegen: %v\n%s", err, b)
	}
	for name, have := range map[string]string{"basicwords.txt": basicWords, "emoticons.txt": emoticonList} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != have {
			t.Errorf("%s is not what internal/prosegen writes: run go generate ./internal/prosener", name)
		}
	}
}

// TestTokenizerFailure checks that a text on which prose's tokenizer
// panics gives no entities, and the next text its own.
func TestTokenizerFailure(t *testing.T) {
	m := testModel(t)
	if got := m.Entities("ȺȺȺȺȺȺ'm here, said Anna Nowak"); got != nil {
		t.Errorf("entities %v from a text prose cannot tokenize", got)
	}
	if got := m.Entities("The mayor, Anna Nowak, said so."); len(got) == 0 {
		t.Error("no entities after a failure")
	}
}

// FuzzEntities checks that any text, valid UTF-8 or not, is tagged and
// classified without a panic, and that every entity's words come from the
// text.
func FuzzEntities(f *testing.F) {
	for _, s := range []string{"", "said Jen Psaki.", "\xff\xfe A \xc3", "- -- --- @x :-) 1999 ÉCOLE", "“We,” said O'Neill-Smith"} {
		f.Add(s)
	}
	m := testModel(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range m.Entities(s) {
			for _, w := range strings.Fields(e.Text) {
				if !strings.Contains(strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s), w) {
					t.Fatalf("entity word %q is not in %q", w, s)
				}
			}
		}
	})
}
