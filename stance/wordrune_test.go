package stance

import (
	"testing"
	"unicode"
)

// TestWordRuneFastPaths checks isWordRune against Unicode, joiners and soft hyphen included.
func TestWordRuneFastPaths(t *testing.T) {
	for _, rg := range [][2]rune{{0x0410, 0x044F}, {0x0900, 0x097F}, {0x0621, 0x0669}, {0x00C0, 0x024F}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x0080, 0x00BF}, {0x2000, 0x206F}, {0xFF01, 0xFF0F}, {0x0531, 0x0587}, {0x10D0, 0x10FA}} {
		for r := rg[0]; r <= rg[1]; r++ {
			want := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 0x200C || r == 0x200D || r == 0x00AD
			if got := isWordRune(r); got != want {
				t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
			}
		}
	}
	// scripts without case fold to themselves
	for _, r := range []rune{'क', 'ب', '中', '한', 'ש'} {
		if foldRune(r) != r {
			t.Errorf("foldRune(%c) = %c", r, foldRune(r))
		}
	}
}

// TestFoldRuneCase checks that foldRune lower-cases as unicode.ToLower does
// wherever it keeps a letter and has no folding of its own.
func TestFoldRuneCase(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		f := foldRune(r)
		if f < 0 || r == 'ё' || r == 'Ё' || r >= 0x0590 && r < 0x1E00 {
			continue // dropped, or folded beyond case
		}
		if want := unicode.ToLower(r); f != want {
			t.Errorf("foldRune(%U) = %U, want %U", r, f, want)
		}
	}
}
