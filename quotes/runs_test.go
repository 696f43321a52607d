package quotes

import (
	"reflect"
	"testing"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// TestReadRunsSkipsToCapitals checks that the reading of runs of
// capitalized words that skips to the next capital finds the same runs, in
// both modes, as the reading of every character, on every pack's case
// texts and on texts where words join across hyphens and apostrophes.
func TestReadRunsSkipsToCapitals(t *testing.T) {
	packs, texts := caseTexts(t)
	x, err := New(Config{Packs: packs})
	if err != nil {
		t.Fatal(err)
	}
	texts["en"] = append(texts["en"],
		"the anti-Putin camp met Jan de Vries and Jean-Pierre Dupont, O'Brien said.",
		"so-called Mr. Smith: x-Ray Jones, a--Bob Lee; l'Europe Jean Monnet",
		"“Quote,” said Sarah Kelly. Gareth Southgate, the coach, spoke")
	texts["tr"] = append(texts["tr"], "Bakan Erdem'e göre Ahmet Yılmaz'ın sözleri, Ayşe Kaya'ndan")
	texts["zh"] = append(texts["zh"], "北约NATO秘书长Jens Stoltenberg说，中文-Anna Schmidt表示")
	for code, ts := range texts {
		for _, text := range ts {
			d, err := NewDocument("case.txt", []byte(text))
			if err != nil {
				continue
			}
			d.Lang = code
			st := x.newState(d)
			got := st.readRuns(&textIndex{}, true)
			want := st.readRuns(&textIndex{}, false)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: runs %v, read in full %v", code, text, got, want)
			}
		}
	}
}

// TestSkipToCapital checks where the reading of runs resumes: at the first
// word after a non-word character that opens with a capital, moved back
// over the words, hyphens and apostrophes that may join it to the word
// before it.
func TestSkipToCapital(t *testing.T) {
	for _, c := range []struct {
		text      string
		from      int
		at, upper int
	}{
		{"said Jan de Vries", 0, 5, 5},
		{"the anti-Putin camp", 0, 4, 9},
		{"the anti-Putin camp", 6, 6, 9},
		{"l'Europe", 0, 0, 2},
		{"no capitals here", 0, 16, 16},
		{"中文NATO说 Jens", 0, 14, 14},
		{"x Jan", 2, 2, 2},
	} {
		folded, words, _ := indexText(c.text)
		st := &docState{text: c.text, folded: folded, wordIdx: words}
		k := 0
		at, upper := st.skipToCapital(c.from, &k)
		if at != c.at || upper != c.upper {
			t.Errorf("skipToCapital(%q, %d) = %d, %d, want %d, %d", c.text, c.from, at, upper, c.at, c.upper)
		}
	}
}

// TestPositional checks that the filter of the positional words turns away
// only words the map does not hold.
func TestPositional(t *testing.T) {
	var p positional
	if !p.empty() || p.of([]byte("za")) != 0 {
		t.Fatal("an empty set holds a word")
	}
	p.add("za", hitPrep)
	p.add("pan", hitTitle)
	p.add("pan", hitStop)
	p.add("ñu", hitObject)
	for _, c := range []struct {
		word string
		want uint32
	}{
		{"za", 1 << hitPrep},
		{"pan", 1<<hitTitle | 1<<hitStop},
		{"ñu", 1 << hitObject},
		{"zo", 0},   // the last byte fails the filter
		{"pun", 0},  // the first and last bytes and the length pass it
		{"pani", 0}, // a longer word
		{"an", 0},
		{"", 0},
	} {
		if got := p.of([]byte(c.word)); got != c.want {
			t.Errorf("of(%q) = %b, want %b", c.word, got, c.want)
		}
	}
}

// TestCapitalWordsIn checks capitalWordsIn against the words of wordsIn
// that open with a capital, on every region of a text with hyphens,
// apostrophes, capitals inside words and after characters of a script
// without spaces.
func TestCapitalWordsIn(t *testing.T) {
	text := "Jan-Piet van Dam, anti-Putin McDonald's x-Ray -Bob 北约NATO说 Jens. Öz Çelik—İsmet «Ана» Борис-Ivan"
	st := wordState(text)
	for a := 0; a <= len(text); a++ {
		for b := a; b <= len(text); b++ {
			if !validBoundary(text, a) || !validBoundary(text, b) {
				continue
			}
			var want []Span
			for _, w := range st.wordsIn(Span{a, b}) {
				if runes.IsUpper(nextRune(text, w.Start)) {
					want = append(want, w)
				}
			}
			if got := st.capitalWordsIn(Span{a, b}); !reflect.DeepEqual(got, want) {
				t.Fatalf("capitalWordsIn(%q) = %v, want %v", text[a:b], got, want)
			}
		}
	}
}

// TestMayHold checks that a lookup of kinds the document holds neither as
// hits nor as positional words finds nothing, and one of kinds it holds
// goes on to the hits.
func TestMayHold(t *testing.T) {
	text := "said to him"
	st := &docState{text: text, hits: []hit{{Span: Span{0, 4}, kind: hitVerb}}, hitKinds: 1 << hitVerb}
	if st.mayHold([]hitKind{hitPrep, hitObject}) {
		t.Error("mayHold: kinds the document lacks")
	}
	if !st.mayHold([]hitKind{hitPrep, hitVerb}) {
		t.Error("mayHold: a kind the document holds")
	}
	if _, ok := st.hitBefore(5, hitPrep); ok {
		t.Error("hitBefore found a kind the document lacks")
	}
	if h, ok := st.hitBefore(5, hitVerb); !ok || h.Span != (Span{0, 4}) {
		t.Errorf("hitBefore(5, verb) = %v, %v", h, ok)
	}
}

// TestAliasLastWords checks that each speaker keeps the distinct last words
// of its aliases in every language, a stem's '*' dropped.
func TestAliasLastWords(t *testing.T) {
	got := aliasLastWords([]Speaker{
		{Name: "Sergei Lavrov", Aliases: map[string][]string{"en": {"Sergei Lavrov", "Lavrov"}, "nl": {"Lavrov*"}}},
		{Name: "NATO"},
	})
	if want := [][]string{{"Lavrov"}, nil}; !reflect.DeepEqual(got, want) {
		t.Errorf("aliasLastWords = %q, want %q", got, want)
	}
}

// TestSetBitsAndAnyBits checks the bit set operations on spans against a
// bit at a time, on every span of 200 offsets.
func TestSetBitsAndAnyBits(t *testing.T) {
	const n = 200
	for a := 0; a <= n; a++ {
		for b := a; b <= n; b++ {
			got := make([]uint64, n/64+1)
			want := make([]uint64, n/64+1)
			setBits(got, Span{a, b})
			for i := a; i < b; i++ {
				want[i>>6] |= 1 << (i & 63)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("setBits(%d, %d) = %x, want %x", a, b, got, want)
			}
			for c := 0; c <= n; c += 7 {
				one := make([]uint64, n/64+1)
				if c < n {
					one[c>>6] |= 1 << (c & 63)
				}
				if got, want := anyBits(one, Span{a, b}), c < n && a <= c && c < b; got != want {
					t.Fatalf("anyBits(%d in %d, %d) = %v", c, a, b, got)
				}
			}
		}
	}
}
