package quotes

import (
	"testing"
	"unicode"
)

// TestWordRuneFastPaths checks the block shortcuts of isWordRune against
// Unicode.
func TestWordRuneFastPaths(t *testing.T) {
	for _, rg := range [][2]rune{{0x0410, 0x044F}, {0x0900, 0x097F}, {0x0621, 0x0669}} {
		for r := rg[0]; r <= rg[1]; r++ {
			want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			if got := isWordRune(r); got != want {
				t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
			}
		}
	}
}
