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

// Decode decodes the rune at s[i:] as utf8.DecodeRuneInString does, the
// two- and three-byte forms inline: the scripts of news text other than
// Latin are written in them.
func Decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	c := s[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case c >= 0xC2 && c < 0xE0 && i+1 < len(s):
		if c1 := s[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case c >= 0xE1 && c < 0xF0 && c != 0xED && i+2 < len(s):
		// E0 and ED take narrower second bytes: left to utf8
		if c1, c2 := s[i+1], s[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
