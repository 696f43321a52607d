package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// isSpace reports whether r is white space, including the no-break spaces
// and zero-width characters that scraped articles carry.
func isSpace(r rune) bool {
	// the zero-width spaces and joiners, U+200B to U+200D, and the byte
	// order mark (runes.IsSpace has the no-break space)
	return runes.IsSpace(r) || r >= '\u200b' && (r <= '\u200d' || r == '\ufeff')
}

// isWordRune reports whether r belongs to a word: letters, digits and
// combining marks (Devanagari vowel signs are marks).
func isWordRune(r rune) bool { return runes.IsWord(r) }

// isLetter is unicode.IsLetter.
func isLetter(r rune) bool { return runes.IsLetter(r) }

// trimSpan shrinks s to exclude white space at both ends. It is
// trimSpanFunc with isSpace, with ASCII read without decoding.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		r, n := rune(text[s.Start]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(text, s.Start)
		}
		if !isSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := rune(text[s.End-1]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.DecodeLast(text, s.End)
		}
		if !isSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// trimSpanFunc shrinks s to exclude runes for which f is true at both ends.
func trimSpanFunc(text string, s Span, f func(rune) bool) Span {
	for s.Start < s.End {
		r, n := runes.Decode(text, s.Start)
		if !f(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := runes.DecodeLast(text, s.End)
		if !f(r) {
			break
		}
		s.End -= n
	}
	return s
}

// prevRune returns the rune before off, or -1 at the start.
func prevRune(text string, off int) rune {
	if off <= 0 {
		return -1
	}
	r, _ := runes.DecodeLast(text, off)
	return r
}

// nextRune returns the rune at off, or -1 at the end. It is small enough
// to be inlined, and reads ASCII without a call.
func nextRune(text string, off int) rune {
	if off < len(text) && text[off] < utf8.RuneSelf {
		return rune(text[off])
	}
	return decodeAt(text, off)
}

// decodeAt is nextRune past ASCII. It is kept out of line, so that
// nextRune stays small.
//
//go:noinline
func decodeAt(text string, off int) rune {
	if off >= len(text) {
		return -1
	}
	r, _ := runes.Decode(text, off)
	return r
}

// fold lowercases text rune by rune where that keeps the byte length, so
// that offsets into the folded copy are offsets into the text.
func fold(text string) []byte {
	out := make([]byte, len(text))
	copy(out, text)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				out[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, n := runes.Decode(text, i)
		foldInto(out, i, r, n)
		i += n
	}
	return out
}

// foldInto writes the lower case of the non-ASCII rune r, n bytes at
// out[i:], when it is as long.
func foldInto(out []byte, i int, r rune, n int) {
	switch {
	case r >= 0x0410 && r <= 0x042F: // Cyrillic А..Я
		utf8.EncodeRune(out[i:], r+0x20)
		return
	case r >= 0x0430 && r <= 0x045F, // Cyrillic а..я and ѐ..џ
		r >= 0x0590 && r < 0x10A0,                            // Hebrew to Myanmar: no case
		r >= 0x2E80 && r < 0xA640, r >= 0xAC00 && r < 0xD800: // CJK, kana, Hangul
		return
	}
	if l := runes.Lower(r); l != r && utf8.RuneLen(l) == n {
		utf8.EncodeRune(out[i:], l)
	}
}

// countWords counts the words in text[s.Start:s.End].
//
// In scripts without spaces every two Han characters or kana count as a
// word, and every four characters of the scripts of Southeast Asia (Thai,
// whose syllables take vowel and tone marks: hanStep).
func countWords(text string, s Span) int {
	if s.End <= s.Start {
		return 0
	}
	n, in, han := 0, false, 0
	for _, r := range text[s.Start:s.End] {
		if isHan(r) {
			if han%hanStep(r) == 0 {
				n++
			}
			han++
			in = false
			continue
		}
		han = 0
		w := isWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// wordsBetween counts the words between two offsets (either order).
func wordsBetween(text string, a, b int) int {
	if a > b {
		a, b = b, a
	}
	return countWords(text, Span{a, b})
}

// hanStep is how many characters of r's script without spaces count as a
// word: two of Han and kana, four of Thai, Lao, Khmer and Myanmar, which
// lie below the CJK blocks.
func hanStep(r rune) int {
	if r < 0x2E80 {
		return 4
	}
	return 2
}

// isHan reports whether r is written in a script without spaces.
func isHan(r rune) bool { return runes.IsHan(r) }

func isLower(r rune) bool { return runes.IsLower(r) }
func isUpper(r rune) bool { return runes.IsUpper(r) }

// runeEnd returns the offset just after the rune that starts at off.
func runeEnd(text string, off int) int {
	_, n := runes.Decode(text, off)
	return off + n
}

// indexColon returns the index of the first colon, ASCII or fullwidth, in
// s, or -1: strings.IndexAny, without its rune-by-rune path.
func indexColon(s string) int {
	// a colon inside a word introduces nothing: Finnish and Swedish case
	// endings on abbreviations ("CSTO:n"), clock times ("10:30")
	i := -1
	for off := 0; off < len(s); {
		j := strings.IndexByte(s[off:], ':')
		if j < 0 {
			break
		}
		j += off
		if j == 0 || j+1 >= len(s) || !isWordRune(prevRune(s, j)) || !isWordRune(nextRune(s, j+1)) {
			i = j
			break
		}
		off = j + 1
	}
	if j := strings.Index(s, "："); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	return i
}
