package quotes_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet"
	"github.com/quotesheet/quotesheet/quotes"
	"github.com/quotesheet/quotesheet/quotes/lang"
)

// langCase is one extraction case of quotes/testdata/lang/<code>.yaml.
type langCase struct {
	Name string    `yaml:"name"`
	Text string    `yaml:"text"`
	Want []wantRow `yaml:"want"`
	Only bool      `yaml:"only"`
}

type wantRow struct {
	Kind        string `yaml:"kind"`
	Quote       string `yaml:"quote"`
	Speaker     string `yaml:"speaker"`
	Attribution string `yaml:"attribution"`
}

var (
	extractorOnce sync.Once
	extractor     *quotes.Extractor
	extractorErr  error
)

// defaultExtractor builds an Extractor from the built-in configuration:
// the embedded language packs and the roster of config.yaml.
func defaultExtractor(t testing.TB) *quotes.Extractor {
	t.Helper()
	extractorOnce.Do(func() {
		cfg, err := quotesheet.LoadConfig("", nil)
		if err != nil {
			extractorErr = err
			return
		}
		packs, err := cfg.PackSet()
		if err != nil {
			extractorErr = err
			return
		}
		extractor, extractorErr = quotes.New(quotes.Config{Packs: packs, Speakers: cfg.Speakers, NER: true, RoleCovers: cfg.RoleCovers})
	})
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	return extractor
}

// extract runs the default extractor over text read as language code.
func extract(t testing.TB, code, text string) []quotes.Quote {
	t.Helper()
	d, err := quotes.NewDocument("case.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d.Lang = code
	return defaultExtractor(t).Extract(d)
}

func describe(qs []quotes.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "\n  %s %q speaker=%q (%s via %q, cue %q)", q.Kind, q.Text, q.Speaker, q.Attribution, q.Mention, q.Cue)
	}
	return b.String()
}

// checkRows asserts that every wanted row is among got, with its kind,
// speaker and attribution, and, with only, that nothing else is.
func checkRows(t *testing.T, got []quotes.Quote, want []wantRow, only bool) {
	t.Helper()
	used := map[int]bool{}
	for _, w := range want {
		found := false
		for i, q := range got {
			if used[i] || strings.TrimSpace(q.Text) != strings.TrimSpace(w.Quote) {
				continue
			}
			found, used[i] = true, true
			if w.Kind != "" && string(q.Kind) != w.Kind {
				t.Errorf("%q: kind %s, want %s", w.Quote, q.Kind, w.Kind)
			}
			if w.Speaker != "" || w.Kind == "scare" {
				if q.Speaker != w.Speaker {
					t.Errorf("%q: speaker %q (%s via %q), want %q", w.Quote, q.Speaker, q.Attribution, q.Mention, w.Speaker)
				}
			}
			if w.Attribution != "" && string(q.Attribution) != w.Attribution {
				t.Errorf("%q: attribution %s, want %s", w.Quote, q.Attribution, w.Attribution)
			}
			break
		}
		if !found {
			t.Errorf("missing %s %q; got:%s", w.Kind, w.Quote, describe(got))
		}
	}
	if only && len(got) != len(want) {
		t.Errorf("got %d rows, want exactly %d:%s", len(got), len(want), describe(got))
	}
}

// TestLanguageCases runs the cases of every language pack: quotes before
// and after their attribution, pronoun and role references, reported speech
// and the language's own quote marks.
func TestLanguageCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "lang", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no language cases")
	}
	sort.Strings(files)
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(code, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var cases []langCase
			dec := yaml.NewDecoder(strings.NewReader(string(data)))
			dec.KnownFields(true)
			if err := dec.Decode(&cases); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, c := range cases {
				t.Run(c.Name, func(t *testing.T) {
					checkRows(t, extract(t, code, c.Text), c.Want, c.Only)
				})
			}
		})
	}
}

// TestEveryPackHasCases keeps the language packs and their cases together.
func TestEveryPackHasCases(t *testing.T) {
	for _, code := range defaultPacks(t).Codes() {
		if _, err := os.Stat(filepath.Join("testdata", "lang", code+".yaml")); err != nil {
			t.Errorf("language pack %s has no cases in testdata/lang/%s.yaml", code, code)
		}
	}
}

// FuzzExtract runs whole documents through the extractor in several
// languages: it must not panic, and every quote's span must slice to its text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“A,” she said, “B.”", "Putin said: «Мы уйдём». Он добавил, что…", "टोकायव ने कहा कि \"सब ठीक है।\" अब",
		"قالت زاخاروفا: \"نعم \"، مضيفة: \"لا\".", "– Tak – powiedziała. – Nie.", "MS. PSAKI: Yes.\nQ: No?\nMS. PSAKI: No.",
		"他表示：“部队将撤出。”", "「はい」と述べた。", "\"\n\"\n\"", "According to him, ,,, — —",
		"“ภารกิจสำเร็จ” นายปิติกล่าวว่า ดังกล่าว", "মো. বজলুর রশিদ বলেন, ‘হ্যাঁ।’ পুতিনের", "“Có”, ông Tokayev ngày 11/1 nói.", "\"Ya,\" ujarnya.",
		"«Биз, – деди Жапаров. – Баары». Министр Асан Усонов «Бирдик» радиосуна айтты. Усоновдун айтымында, жок.",
		"Klub prezidenti G'ayrat Nazarov'e “a, – dedi u. –” deb", "министр", "Вазири Қурбон Ҳакимзода гуфт, ки «а – гуфт вазир – б»",
	} {
		f.Add(s)
	}
	langs := []string{"en", "ru", "hi", "ar", "pl", "zh", "ja", "de", "hy", "th", "bn", "vi", "id", "ky", "uz", "tg", "tr"}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := quotes.NewDocument("fuzz", []byte(s))
		if err != nil {
			return
		}
		for _, l := range langs {
			d.Lang = l
			for _, q := range defaultExtractor(t).Extract(d) {
				if q.Span.Start < 0 || q.Span.End > len(d.Text) || q.Span.Start > q.Span.End {
					t.Fatalf("%s: span %v out of range", l, q.Span)
				}
				if q.Text != d.Slice(q.Span) {
					t.Fatalf("%s: text %q is not the slice %q", l, q.Text, d.Slice(q.Span))
				}
			}
		}
	})
}

// defaultPacks returns the language packs of the built-in configuration.
func defaultPacks(t testing.TB) *lang.Set {
	t.Helper()
	cfg, err := quotesheet.LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	packs, err := cfg.PackSet()
	if err != nil {
		t.Fatal(err)
	}
	return packs
}
