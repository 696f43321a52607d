package quotes

import (
	"testing"
	"unicode"
)

// TestWordRuneFastPaths checks the block shortcuts of isWordRune against
// Unicode.
func TestWordRuneFastPaths(t *testing.T) {
	for _, rg := range [][2]rune{{0x0410, 0x044F}, {0x0900, 0x097F}, {0x0621, 0x0669}, {0x00C0, 0x024F}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x0080, 0x00BF}, {0x2000, 0x206F}, {0xFF01, 0xFF0F}, {0x0531, 0x0587}, {0x10D0, 0x10FA}} {
		for r := rg[0]; r <= rg[1]; r++ {
			want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			if got := isWordRune(r); got != want {
				t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
			}
		}
	}
}

// TestIsHanFastPaths checks the block shortcuts of isHan against Unicode.
func TestIsHanFastPaths(t *testing.T) {
	for r := rune(0x2E00); r <= 0xA000; r++ {
		want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
		if got := isHan(r); got != want {
			t.Errorf("isHan(%U) = %v, want %v", r, got, want)
		}
	}
}
