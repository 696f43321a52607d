package quotes

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestIsSpace checks isSpace against Unicode's white space and the
// zero-width characters and byte order mark it adds, for every code point.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff'
		if got := isSpace(r); got != want {
			t.Errorf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestTrimSpan checks trimSpan against trimSpanFunc with isSpace, and
// nextRune against utf8, at every pair of offsets of texts in several
// scripts and with white space beyond ASCII.
func TestTrimSpan(t *testing.T) {
	texts := []string{
		"", " ", "  a  ", "\u00a0Привет,\u2003мир\u200b ", "\ufeff 他说 \u3000", "\t«Да» —\r\n", "x\xffy ",
		"  مرحبا  ", "a\u200db",
	}
	for _, text := range texts {
		for a := 0; a <= len(text); a++ {
			want := rune(-1)
			if a < len(text) {
				want, _ = utf8.DecodeRuneInString(text[a:])
			}
			if got := nextRune(text, a); got != want {
				t.Errorf("nextRune(%q, %d) = %U, want %U", text, a, got, want)
			}
			for b := a; b <= len(text); b++ {
				s := Span{a, b}
				if got, want := trimSpan(text, s), trimSpanFunc(text, s, isSpace); got != want {
					t.Errorf("trimSpan(%q, %v) = %v, want %v", text, s, got, want)
				}
			}
		}
	}
}
