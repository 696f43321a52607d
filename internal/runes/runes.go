package runes

import (
	"unicode"
	"unicode/utf8"
)

// size bounds the tables: every code point.
const size = unicode.MaxRune + 1

// table holds a bit a code point: 136 KB, of which news text, written in
// the Basic Multilingual Plane, reads the first 8.
type table [size / 64]uint64

func (t *table) has(r rune) bool {
	u := uint32(r)
	return u < size && t[u>>6]&(1<<(u&63)) != 0
}

// word, letter and han are the code points of IsWord, IsLetter and IsHan.
var word, letter, han = tables()

func tables() (w, l, h *table) {
	w, l, h = new(table), new(table), new(table)
	l.add(unicode.Letter)
	for _, tab := range []*unicode.RangeTable{unicode.Letter, unicode.Digit, unicode.Mark} {
		w.add(tab)
	}
	for _, tab := range noSpaces {
		h.add(tab)
	}
	return w, l, h
}

// IsWord reports whether r is a letter, a decimal digit or a mark.
func IsWord(r rune) bool { return word.has(r) }

// IsLetter is unicode.IsLetter.
func IsLetter(r rune) bool { return letter.has(r) }

// noSpaces are the scripts written without spaces between words: Han,
// kana, and the Brahmic scripts of Southeast Asia.
var noSpaces = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

// IsHan reports whether r is written in a script without spaces (Han,
// kana, Thai, Lao, Khmer, Myanmar), where every character may start a word.
func IsHan(r rune) bool { return han.has(r) }

// lower holds the lower case of the code points below it: Latin, IPA,
// Greek, Cyrillic and Armenian.
var lower = func() (t [0x590]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return t
}()

// Lower is unicode.ToLower, from a table for the alphabets that have case
// up to Armenian.
func Lower(r rune) rune {
	if uint32(r) < uint32(len(lower)) {
		return lower[r]
	}
	return unicode.ToLower(r)
}

// asciiSpace has bit c set for each ASCII white space character c.
const asciiSpace = 1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r'

// IsSpace is unicode.IsSpace, without a table search.
func IsSpace(r rune) bool {
	if uint32(r) < 0x85 { // ASCII: the white space is at or below ' '
		return uint32(r) <= ' ' && asciiSpace>>uint32(r)&1 != 0
	}
	if r <= 0xFF {
		return r == 0x85 || r == 0xA0
	}
	return r == 0x1680 || 0x2000 <= r && r <= 0x200A || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000
}

// DecodeLast decodes the rune that ends at s[:end] as
// utf8.DecodeLastRuneInString does, the one-, two- and three-byte forms
// inline.
func DecodeLast(s string, end int) (rune, int) {
	if end >= 1 && end <= len(s) {
		c1 := s[end-1]
		if c1 < utf8.RuneSelf {
			return rune(c1), 1
		}
		if end >= 2 && c1&0xC0 == 0x80 {
			c := s[end-2]
			if c-0xC2 < 0xE0-0xC2 {
				return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
			}
			if end >= 3 && c&0xC0 == 0x80 {
				if c0 := s[end-3]; c0&0xF0 == 0xE0 {
					if r := rune(c0&0x0F)<<12 | rune(c&0x3F)<<6 | rune(c1&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
						return r, 3
					}
				}
			}
		}
	}
	return utf8.DecodeLastRuneInString(s[:end])
}

// Decode2 decodes the two-byte form of UTF-8 (Latin with diacritics,
// Greek, Cyrillic, Armenian, Hebrew, Arabic) at s[i:], and returns a size
// of 0 for anything else. It is small enough to be inlined.
func Decode2(s string, i int) (rune, int) {
	if i+1 < len(s) {
		if c, c1 := s[i], s[i+1]; c-0xC2 < 0xE0-0xC2 && c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return 0, 0
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
	case c >= 0xE0 && c < 0xF0 && i+2 < len(s):
		if c1, c2 := s[i+1], s[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			// overlong forms (E0 80..9F) and surrogates (ED A0..BF) are
			// left to utf8, which rejects them
			if r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
