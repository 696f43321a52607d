package runes

import (
	"unicode"
	"unicode/utf8"
)

// bmp bounds the tables: the Basic Multilingual Plane, where news text is
// written.
const bmp = 1 << 16

// word, letter and han hold a bit a code point of the BMP: 24 KB in all.
var word, letter, han = tables()

func tables() (w, l, h *[bmp / 64]uint64) {
	w, l, h = new([bmp / 64]uint64), new([bmp / 64]uint64), new([bmp / 64]uint64)
	set := func(t *[bmp / 64]uint64, tab *unicode.RangeTable) {
		for _, rg := range tab.R16 {
			for c := uint32(rg.Lo); c <= uint32(rg.Hi); c += uint32(rg.Stride) {
				t[c>>6] |= 1 << (c & 63)
			}
		}
	}
	set(l, unicode.Letter)
	for _, tab := range []*unicode.RangeTable{unicode.Letter, unicode.Digit, unicode.Mark} {
		set(w, tab)
	}
	for _, tab := range []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana} {
		set(h, tab)
	}
	return w, l, h
}

// IsWord reports whether r is a letter, a decimal digit or a mark.
func IsWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r < bmp {
		return word[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// IsLetter is unicode.IsLetter.
func IsLetter(r rune) bool {
	if r >= 0 && r < bmp {
		return letter[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsLetter(r)
}

// IsHan reports whether r is a Han character or kana: the scripts written
// without spaces, where every character may start a word.
func IsHan(r rune) bool {
	if r >= 0 && r < bmp {
		return han[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}
