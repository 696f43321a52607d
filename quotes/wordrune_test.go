package quotes

import (
	"testing"
	"unicode"
)

// TestIsHanFastPaths checks the block shortcuts of isHan against Unicode.
func TestIsHanFastPaths(t *testing.T) {
	for r := rune(0x2E00); r <= 0xA000; r++ {
		want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
		if got := isHan(r); got != want {
			t.Errorf("isHan(%U) = %v, want %v", r, got, want)
		}
	}
}
