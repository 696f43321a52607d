package quotes

import "testing"

// TestWordIndexAgreesWithCountWords checks the per-document word index
// against the direct count on every span of a mixed-script text (spans that
// start inside a run of Chinese characters pair them differently).
func TestWordIndexAgreesWithCountWords(t *testing.T) {
	text := "Putin said: “Мы уйдём”. टोकायव ने कहा कि सब ठीक है। 他说：“部队将撤出。” قالت زاخاروفا: نعم"
	_, words, _ := indexText(text)
	st := &docState{text: text, wordIdx: words}
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
