package runes

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTables checks IsWord, IsLetter and IsHan against the unicode package at
// every code point and a few values beyond.
func TestTables(t *testing.T) {
	check := func(r rune) {
		if want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); IsWord(r) != want {
			t.Errorf("IsWord(%U) = %v, want %v", r, !want, want)
		}
		if want := unicode.IsLetter(r); IsLetter(r) != want {
			t.Errorf("IsLetter(%U) = %v, want %v", r, !want, want)
		}
		if want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar); IsHan(r) != want {
			t.Errorf("IsHan(%U) = %v, want %v", r, !want, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check(r)
	}
	for _, r := range []rune{-1, unicode.MaxRune, unicode.MaxRune + 1, utf8RuneError} {
		check(r)
	}
}

const utf8RuneError = '\uFFFD'

func BenchmarkIsWord(b *testing.B) {
	text := []rune("Токаев заявил: «Миссия выполнена». 他说：好的。 तोकायेव ने कहा। قالت زاخاروفا")
	for b.Loop() {
		for _, r := range text {
			IsWord(r)
		}
	}
}

// TestDecode checks Decode against utf8 on every sequence of up to three
// bytes, at an offset, and Decode2 on those it decodes and those of two
// bytes it must.
func TestDecode(t *testing.T) {
	b := make([]byte, 4)
	for c0 := 0; c0 <= 0xFF; c0++ {
		for c1 := 0; c1 <= 0xFF; c1++ {
			for c2 := 0; c2 <= 0xFF; c2++ {
				b[0], b[1], b[2], b[3] = 'x', byte(c0), byte(c1), byte(c2)
				for n := 2; n <= 4; n++ {
					s := string(b[:n])
					r, size := Decode(s, 1)
					wr, wsize := utf8.DecodeRuneInString(s[1:])
					if r != wr || size != wsize {
						t.Fatalf("Decode(% x, 1) = %U, %d; utf8: %U, %d", s, r, size, wr, wsize)
					}
					if r, size := Decode2(s, 1); size != 0 && (r != wr || size != wsize) || size == 0 && wsize == 2 && wr != utf8.RuneError {
						t.Fatalf("Decode2(% x, 1) = %U, %d; utf8: %U, %d", s, r, size, wr, wsize)
					}
				}
			}
		}
	}
}

// TestLowerAndSpace checks Lower and IsSpace against the unicode package
// at every code point.
func TestLowerAndSpace(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := Lower(r), unicode.ToLower(r); got != want {
			t.Fatalf("Lower(%U) = %U, want %U", r, got, want)
		}
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("IsSpace(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestDecodeLast checks DecodeLast against utf8 on every sequence of up to
// three bytes, at every end.
func TestDecodeLast(t *testing.T) {
	b := make([]byte, 4)
	for c0 := 0; c0 <= 0xFF; c0++ {
		for c1 := 0; c1 <= 0xFF; c1++ {
			for c2 := 0; c2 <= 0xFF; c2 += 7 {
				b[0], b[1], b[2], b[3] = byte(c0), byte(c1), byte(c2), 'x'
				s := string(b)
				for end := 0; end <= 3; end++ {
					r, size := DecodeLast(s, end)
					if wr, wsize := utf8.DecodeLastRuneInString(s[:end]); r != wr || size != wsize {
						t.Fatalf("DecodeLast(% x, %d) = %U, %d; utf8: %U, %d", s, end, r, size, wr, wsize)
					}
				}
			}
		}
	}
}

func TestCase(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := IsUpper(r), unicode.IsUpper(r); got != want {
			t.Fatalf("IsUpper(%U) = %v, want %v", r, got, want)
		}
		if got, want := IsLower(r), unicode.IsLower(r); got != want {
			t.Fatalf("IsLower(%U) = %v, want %v", r, got, want)
		}
	}
}
