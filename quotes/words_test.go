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
	_, words, _ := indexText(text)
	st := &docState{text: text, wordIdx: words, before: wordsBefore(nil, words, len(text))}
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
				if got := countPoints(text, from, to); got != want {
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

// TestWordsBefore checks the per-byte index against a count of the starts.
func TestWordsBefore(t *testing.T) {
	for _, starts := range [][]int32{nil, {0}, {0, 3, 4}, {2, 9}, {5}} {
		n := 10
		got := wordsBefore(nil, starts, n)
		for i := 0; i <= n; i++ {
			want := 0
			for _, s := range starts {
				if int(s) < i {
					want++
				}
			}
			if int(got[i]) != want {
				t.Errorf("starts %v: before[%d] = %d, want %d", starts, i, got[i], want)
			}
		}
	}
}
