package runes

import (
	"testing"
	"unicode"
)

// TestTables checks IsWord, IsLetter and IsHan against the unicode package over
// the first three planes and a few values beyond.
func TestTables(t *testing.T) {
	check := func(r rune) {
		if want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); IsWord(r) != want {
			t.Errorf("IsWord(%U) = %v, want %v", r, !want, want)
		}
		if want := unicode.IsLetter(r); IsLetter(r) != want {
			t.Errorf("IsLetter(%U) = %v, want %v", r, !want, want)
		}
		if want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana); IsHan(r) != want {
			t.Errorf("IsHan(%U) = %v, want %v", r, !want, want)
		}
	}
	for r := rune(0); r < 0x30000; r++ {
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
