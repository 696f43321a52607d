package stance

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// foldRune maps r to the form in which lexicon entries and text are compared,
// or to -1 when r is dropped. Beyond lower-casing it removes the differences
// that writers of one language make freely: Arabic short vowels, tatweel and
// hamza seats on alef, the Devanagari nukta and chandrabindu, Cyrillic ё, and
// the invisible joiners and soft hyphen.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, dagger alef, tatweel
		return -1
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 0x093C: // Devanagari nukta
		return -1
	case r >= 0x0958 && r <= 0x095F: // precomposed nukta letters
		return devanagariNukta[r-0x0958]
	case r == 0x0901: // chandrabindu
		return 0x0902 // anusvara
	case r == 'ё', r == 'Ё':
		return 'е'
	case r >= 'А' && r <= 'Я':
		return r + 'а' - 'А'
	case r >= 'а' && r <= 'я':
		return r
	case r == 0x200C, r == 0x200D, r == 0x00AD: // ZWNJ, ZWJ, soft hyphen
		return -1
	case r >= 0x0590 && r < 0x1E00, r >= 0x3000 && r < 0xA640, r >= 0xAC00 && r < 0xD800:
		return r // scripts without case: nothing to look up
	}
	return runes.Lower(r)
}

// devanagariNukta maps U+0958..U+095F to their letters without the nukta.
var devanagariNukta = [8]rune{0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F}

// isWordRune reports whether r belongs to a word: letters, combining marks
// (the vowel signs of Indic scripts), digits, and the joiners and the soft
// hyphen.
func isWordRune(r rune) bool {
	return runes.IsWord(r) || r == 0x200C || r == 0x200D || r == 0x00AD
}

// breakKind classifies a character as ending a clause or a sentence.
type breakKind uint8

const (
	noBreak breakKind = iota
	clauseBreak
	sentenceBreak
)

// breakAt classifies the rune r that starts at byte i of text. Periods,
// commas and colons inside numbers and abbreviations ("2,000", "U.S. has")
// do not break.
func breakAt(text string, i int, r rune, size int) breakKind {
	switch r {
	case '\n', '!', '?', '…', '؟', '۔', '।', '॥', '。', '！', '？', '｡':
		return sentenceBreak
	case '.':
		return periodBreak(text, i, size)
	case ',', ':', '،', '，', '：', '、':
		if between(text, i, size, unicode.IsDigit) {
			return noBreak
		}
		return clauseBreak
	case ';', '؛', '；', '(', ')', '[', ']', '（', '）', '—', '―':
		return clauseBreak
	case '–', '-':
		// A dash breaks a clause when it stands apart, not inside a word.
		if before, after := runeBefore(text, i), runeAfter(text, i+size); before == ' ' || after == ' ' {
			if r == '–' || before == ' ' && after == ' ' {
				return clauseBreak
			}
		}
	}
	return noBreak
}

// periodBreak decides whether the period at byte i ends a sentence: it must
// be followed by a space, a closing mark or the end, and the next word must
// not begin in lower case.
func periodBreak(text string, i, size int) breakKind {
	j := i + size
	if j >= len(text) {
		return sentenceBreak
	}
	next, _ := runes.Decode(text, j)
	if isWordRune(next) {
		return noBreak // "U.S", "2.5", "kazakh.gov"
	}
	for j < len(text) {
		r, n := runes.Decode(text, j)
		if isWordRune(r) {
			if unicode.IsLower(r) {
				return noBreak // "the U.S. has"
			}
			return sentenceBreak
		}
		j += n
	}
	return sentenceBreak
}

// between reports whether the runes either side of text[i:i+size] satisfy f.
func between(text string, i, size int, f func(rune) bool) bool {
	return f(runeBefore(text, i)) && f(runeAfter(text, i+size))
}

func runeBefore(text string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := runes.DecodeLast(text, i)
	return r
}

func runeAfter(text string, i int) rune {
	if i >= len(text) {
		return 0
	}
	r, _ := runes.Decode(text, i)
	return r
}

// token is one word of a text: its bytes in the text, its folded form in a
// scratch buffer, and the clause and sentence it belongs to.
type token struct {
	start, end int32 // byte offsets in the text
	fs, fe     int32 // byte offsets of the folded form in the buffer
	clause     int32 // clause number, counting only punctuation breaks
	sent       int32 // sentence number
}

// tokenize splits text into words, folding each into buf. It returns the
// tokens and the grown buffer.
func tokenize(text string, toks []token, buf []byte) ([]token, []byte) {
	toks, buf = toks[:0], slices.Grow(buf[:0], len(text))
	var clause, sent int32
	for i := 0; i < len(text); {
		start, fs := i, len(buf)
		// a word's ASCII characters, folded in a loop of their own, and
		// the rest of a word that has others
		for i < len(text) && asciiWord[text[i]] != 0 {
			buf = append(buf, asciiWord[text[i]])
			i++
		}
		if i < len(text) && text[i] >= utf8.RuneSelf {
			i, buf = foldWord(text, i, buf)
		}
		if i > start {
			toks = append(toks, token{start: int32(start), end: int32(i), fs: int32(fs), fe: int32(len(buf)), clause: clause, sent: sent})
		}
		if i == len(text) {
			break
		}
		// the character after the word, which does not belong to one
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = runes.Decode(text, i)
		}
		if r != ' ' {
			switch breakAt(text, i, r, size) {
			case clauseBreak:
				clause++
			case sentenceBreak:
				clause++
				sent++
			}
		}
		i += size
	}
	return toks, buf
}

// foldWord appends to buf the folded form of the word characters of text
// from byte i on, and returns where they end and the grown buffer.
func foldWord(text string, i int, buf []byte) (int, []byte) {
	for i < len(text) {
		c := text[i]
		if f := asciiWord[c]; f != 0 {
			buf = append(buf, f)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i, buf
		}
		// a run of two-byte characters, the letters of most alphabets
		for i+1 < len(text) {
			c, c1 := text[i], text[i+1]
			if c < 0xC2 || c >= 0xE0 || c1&0xC0 != 0x80 {
				break
			}
			e := &wordTable[rune(c&0x1F)<<6|rune(c1&0x3F)]
			if !e.word {
				return i, buf
			}
			if e.n == 2 {
				buf = append(buf, e.fold[0], e.fold[1])
			} else {
				buf = append(buf, e.fold[:e.n]...)
			}
			i += 2
		}
		if i == len(text) {
			return i, buf
		}
		if c = text[i]; c < utf8.RuneSelf {
			continue
		}
		// the three-byte forms of the runes of wordTable
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) {
			if c1, c2 := text[i+1], text[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
				if r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F); r >= 0x800 && r < wordTableSize {
					e := &wordTable[r]
					if !e.word {
						return i, buf
					}
					if e.n == 3 {
						buf = append(buf, e.fold[0], e.fold[1], e.fold[2])
					} else {
						buf = append(buf, e.fold[:e.n]...)
					}
					i += 3
					continue
				}
			}
		}
		// any other rune
		r, size := runes.Decode(text, i)
		if !isWordRune(r) {
			return i, buf
		}
		if f := foldRune(r); f >= 0 {
			buf = utf8.AppendRune(buf, f)
		}
		i += size
	}
	return i, buf
}

// wordTableSize bounds the runes of wordTable: those of the scripts with
// spaces between words, and the punctuation after them.
const wordTableSize = 0x2070

// wordTable holds, for each rune from U+0080 below wordTableSize, whether
// it belongs to a word (isWordRune) and its folded form (foldRune's), n
// bytes long.
var wordTable = func() (t [wordTableSize]struct {
	fold [3]byte
	n    uint8
	word bool
}) {
	for r := rune(0x80); r < wordTableSize; r++ {
		t[r].word = isWordRune(r)
		if f := foldRune(r); f >= 0 {
			t[r].n = uint8(copy(t[r].fold[:], utf8.AppendRune(nil, f)))
		}
	}
	return t
}()

// asciiWord maps the ASCII characters of words to their folded form, and
// every other byte to 0.
var asciiWord = func() (t [256]byte) {
	for c := rune(1); c < utf8.RuneSelf; c++ {
		if isWordRune(c) {
			t[c] = byte(foldRune(c))
		}
	}
	return t
}()

// foldWords splits s into words and folds each, as text is folded before it
// is matched. It is how lexicon entries are prepared.
func foldWords(s string) []string {
	toks, buf := tokenize(s, nil, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(buf[t.fs:t.fe])
	}
	return out
}

// indexHead is how much of a long string index looks for before it
// compares the rest.
const indexHead = 16

// index is strings.Index(s, sub). For a long sub, such as a quote in its
// context, it looks for the first indexHead bytes of sub, which the
// library finds fast, and compares the rest where they are found; after a
// few such places that are not sub it leaves the rest to strings.Index.
func index(s, sub string) int {
	if len(sub) <= indexHead {
		return strings.Index(s, sub)
	}
	i := 0
	for range 4 {
		j := strings.Index(s[i:], sub[:indexHead])
		if j < 0 {
			return -1
		}
		if i += j; strings.HasPrefix(s[i:], sub) {
			return i
		}
		i++
	}
	if j := strings.Index(s[i:], sub); j >= 0 {
		return i + j
	}
	return -1
}
