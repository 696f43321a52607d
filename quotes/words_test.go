package quotes

import (
	"strings"
	"testing"
)

// TestWordIndexAgreesWithCountWords checks the per-document word index
// against the direct count on every span of a mixed-script text (spans that
// start inside a run of Chinese characters pair them differently).
func TestWordIndexAgreesWithCountWords(t *testing.T) {
	text := "Putin said: “Мы уйдём”. टोकायव ने कहा कि सब ठीक है। 他说：“部队将撤出。” قالت زاخاروفا: نعم"
	st := wordState(text)
	for a := 0; a <= len(text); a++ {
		for b := a; b <= len(text); b++ {
			if !validBoundary(text, a) || !validBoundary(text, b) || isHan(nextRune(text, a)) && isHan(prevRune(text, a)) {
				continue
			}
			if got, want := st.words(Span{a, b}), countWords(text, Span{a, b}); got != want {
				t.Fatalf("words(%q) = %d, countWords = %d", text[a:b], got, want)
			}
		}
	}
}

func validBoundary(text string, i int) bool {
	return i == len(text) || text[i]&0xC0 != 0x80
}

// TestCountPoints compares countPoints with a rune-by-rune count over
// every span of texts with multibyte runes and CRLF pairs.
func TestCountPoints(t *testing.T) {
	for _, text := range []string{
		"plain ASCII text, long enough for words\r\nand a CRLF",
		"Токаев заявил:\r\n«Миссия выполнена».\r\n",
		"他说：“好的。”\r\r\n😀 मिशन पूरा हुआ।",
	} {
		for from := 0; from <= len(text); from++ {
			for to := from; to <= len(text); to++ {
				want := 0
				for i := from; i < to; i++ {
					if text[i]&0xC0 == 0x80 || text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
						continue
					}
					want++
				}
				if got := countPoints(text, from, to, strings.Contains(text, "\r\n")); got != want {
					t.Fatalf("countPoints(%q, %d, %d) = %d, want %d", text, from, to, got, want)
				}
			}
		}
	}
}

func TestIndexColon(t *testing.T) {
	for _, s := range []string{"", "no colon", "a: b", "发言人：我们", "x：y: z", "a: b：c", "««:"} {
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Errorf("indexColon(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRank checks the rank of a set of offsets against a count, across
// and at the edges of its 64-bit words, and clamped outside 0..n.
func TestRank(t *testing.T) {
	var r rank // reused, as a document's buffers are
	for _, tc := range []struct {
		offsets []int32
		n       int
	}{
		{nil, 10}, {[]int32{0}, 10}, {[]int32{0, 3, 4}, 10}, {[]int32{2, 10}, 10}, {[]int32{0}, 0},
		{[]int32{0, 63, 64, 65, 127, 128, 200}, 200}, {[]int32{1, 62, 63}, 64}, {nil, 0},
	} {
		r.build(tc.offsets, tc.n)
		for i := -2; i <= tc.n+2; i++ {
			want := 0
			for _, s := range tc.offsets {
				if int(s) < max(0, min(i, tc.n)) {
					want++
				}
			}
			if got := r.before(i); got != want {
				t.Errorf("offsets %v, n %d: before(%d) = %d, want %d", tc.offsets, tc.n, i, got, want)
			}
		}
	}
}

// TestLowerHas compares lowerHas with a lookup of strings.ToLower.
func TestLowerHas(t *testing.T) {
	m := map[string]bool{"mr.": true, "г.": true, "ул.": true, "i̇stanbul": true, "straße": true, "ǆ": true}
	long := strings.Repeat("Ж", 40)
	m[strings.ToLower(long)] = true
	for _, w := range []string{"Mr.", "MR.", "mr.", "Г.", "г.", "УЛ.", "İstanbul", "STRAßE", "ǅ", "Ǆ", long, "Dr.", "x\xffy", ""} {
		if got, want := lowerHas(m, w), m[strings.ToLower(w)]; got != want {
			t.Errorf("lowerHas(%q) = %v, want %v", w, got, want)
		}
	}
}

// wordState is the state of a document of text with only its word index.
func wordState(text string) *docState {
	_, words, _ := indexText(text)
	var r rank
	r.build(words, len(text))
	return &docState{text: text, wordIdx: words, before: &r}
}
