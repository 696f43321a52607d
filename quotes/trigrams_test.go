package quotes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// TestTrigramsAgreeWithWhatlanggo scores every case text with the embedded
// profiles and with whatlanggo itself, over all of a script's languages:
// the two must name the same language and about the same confidence. They
// may differ on an exact tie, which whatlanggo breaks by map order.
func TestTrigramsAgreeWithWhatlanggo(t *testing.T) {
	m, err := trigrams()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "lang", "*.yaml"))
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []struct {
			Name string `yaml:"name"`
			Text string `yaml:"text"`
		}
		if err := yaml.Unmarshal(data, &cases); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			info := whatlanggo.Detect(c.Text)
			script := whatlanggo.Scripts[info.Script]
			if _, ok := m.scripts[script]; !ok || info.Confidence < 0.05 {
				continue
			}
			want := info.Lang.Iso6391()
			if want == "" {
				want = info.Lang.Iso6393()
			}
			got, conf := m.detect(c.Text, script, nil)
			checked++
			if got != want {
				t.Errorf("%s %q: profiles say %s (%.2f), whatlanggo %s (%.2f)", filepath.Base(f), c.Name, got, conf, want, info.Confidence)
			} else if d := conf - info.Confidence; d > 0.01 || d < -0.01 {
				t.Errorf("%s %q: confidence %.3f, whatlanggo %.3f", filepath.Base(f), c.Name, conf, info.Confidence)
			}
		}
	}
	t.Logf("%d texts compared", checked)
	if checked < 100 {
		t.Errorf("only %d texts compared", checked)
	}
}

func TestParseTrigramsErrors(t *testing.T) {
	var many strings.Builder
	for i := range maxScriptLanguages + 1 {
		fmt.Fprintf(&many, "Latin\tl%d\tabc\n", i)
	}
	for _, bad := range []string{"Latin\ten", "Latin\ten\tab|cde", "Latin\ten\tabc|bcd|abc", many.String()} {
		if _, err := parseTrigrams(bad); err == nil {
			t.Errorf("parseTrigrams(%q): no error", bad)
		}
	}
}

// TestTrigramChar checks trigramChar against whatlanggo's definition over
// the first three planes.
func TestTrigramChar(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		want := unicode.ToLower(r)
		if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
			want = ' '
		}
		if got := trigramChar(r); got != want {
			t.Fatalf("trigramChar(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestTrigramIndex checks that every profile trigram is found with the
// languages that have it, in the model and in a model restricted to a few
// languages, and that trigrams of no profile are not found.
func TestTrigramIndex(t *testing.T) {
	full, err := trigrams()
	if err != nil {
		t.Fatal(err)
	}
	for name, m := range map[string]*trigramModel{"full": full, "restricted": full.restrict([]string{"en", "de", "ru", "uk", "ar"})} {
		for script, sp := range m.scripts {
			for i, k := range sp.keys {
				if got := sp.find(k); got != i {
					t.Fatalf("%s %s: find(%x) = %d, want %d", name, script, k, got, i)
				}
				if sp.from[i] >= sp.from[i+1] {
					t.Fatalf("%s %s: trigram %x has no language", name, script, k)
				}
				var langs uint64
				for j, lr := range sp.ranks[sp.from[i]:sp.from[i+1]] {
					if j > 0 && lr.lang <= sp.ranks[int(sp.from[i])+j-1].lang {
						t.Fatalf("%s %s: trigram %x: languages out of order", name, script, k)
					}
					langs |= 1 << lr.lang
				}
				if sp.langs[i] != langs {
					t.Fatalf("%s %s: trigram %x: languages %b, want %b", name, script, k, sp.langs[i], langs)
				}
			}
			for _, k := range []uint64{0, 1, trigramKey('q', 'q', 'q'), trigramKey('§', '§', '§')} {
				if got := sp.find(k); got >= 0 {
					t.Errorf("%s %s: find(%x) = %d, want -1", name, script, k, got)
				}
			}
		}
	}
}

// TestAppendLower checks that appendLower writes what strings.ToLower
// returns, ASCII or not, and appends to what buf holds.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "abc", "Hello", "ÉCOLE", "İstanbul", "ΣΟΦΙΑ", "Straße", "MiXeD-ÅSA", "Ǆ"} {
		if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAppendRunes checks that appendRunes decodes as a conversion to
// []rune does, after what buf holds.
func TestAppendRunes(t *testing.T) {
	for _, s := range []string{"", "abc", "ÉCOLE é", "Привет, мир", "日本語のテキスト", "😀 x", "a\uFFFDb"} {
		if got, want := string(appendRunes([]rune("x"), s)), "x"+s; got != want {
			t.Errorf("appendRunes(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAlphabetHas checks that an alphabet holds the letters of its set,
// below U+0590 and above, and no others.
func TestAlphabetHas(t *testing.T) {
	set := map[rune]bool{'é': true, 'ß': true, 'ж': true, 'ա': true, 'ש': true, 'ğ': true}
	la := newAlphabet("xx", set, 0.1)
	for r := rune(0); r < 0x800; r++ {
		if la.has(r) != set[r] {
			t.Errorf("has(%q) = %v, want %v", r, la.has(r), set[r])
		}
	}
	if la.has(-1) || la.has(0x10FFFF) {
		t.Error("has holds a code point outside the set")
	}
}

// TestIsASCIILetter checks isASCIILetter against the ranges it stands for.
func TestIsASCIILetter(t *testing.T) {
	for r := rune(-1); r < 0x300; r++ {
		if want := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'; isASCIILetter(r) != want {
			t.Errorf("isASCIILetter(%q) = %v, want %v", r, !want, want)
		}
	}
}

// TestLetterShares checks the shares of distinctive letters: Czech's ř ě ů
// among a text's letters, none for a language without such letters, none
// at all in a text without letters.
func TestLetterShares(t *testing.T) {
	packs, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDetector(packs, nil, "en")
	if err != nil {
		t.Fatal(err)
	}
	best, shares := d.letterShares([]rune("Řekl, že přijde později."))
	if best != "cs" {
		t.Errorf("best = %q, want cs", best)
	}
	if got, want := shares.of("cs"), 3.0/19; got != want {
		t.Errorf("share of cs = %v, want %v", got, want)
	}
	if got := shares.of("en"); got != 0 {
		t.Errorf("share of en = %v, want 0", got)
	}
	if best, shares := d.letterShares([]rune("123 ...")); best != "" || shares.of("cs") != 0 {
		t.Errorf("a text without letters: best %q, share of cs %v", best, shares.of("cs"))
	}
}

// TestWordRuneAt checks wordRuneAt against decoding and isWordRune.
func TestWordRuneAt(t *testing.T) {
	for _, s := range []string{"a1 ,_-", "é—ж, 日本", "😀x\u0301"} {
		for i, r := range s {
			w, n := wordRuneAt(s, i)
			if w != isWordRune(r) || n != utf8.RuneLen(r) {
				t.Errorf("wordRuneAt(%q, %d) = %v, %d; want %v, %d", s, i, w, n, isWordRune(r), utf8.RuneLen(r))
			}
		}
	}
}
