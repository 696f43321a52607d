package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// terminals end a sentence: full stops, question and exclamation marks of
// every script, the Devanagari danda, the ellipsis.
const terminals = ".!?…।॥؟。！？۔።։"

// isTerminal reports whether r ends a sentence: one of terminals.
func isTerminal(r rune) bool {
	return r < utf8.RuneSelf && (r == '.' || r == '!' || r == '?') || r >= utf8.RuneSelf && strings.ContainsRune(terminals, r)
}

// splitter holds a language's sentence rules.
type splitter struct {
	abbrev map[string]bool // abbreviations, lowercased, with their period
	extra  string          // terminators beyond isTerminal
	colons string          // marks that end no sentence (Armenian ".")
	// leads holds the first bytes of the non-ASCII terminators: no other
	// byte begins one
	leads leadSet
}

// plainSplitter knows terminals alone.
var plainSplitter = newSplitter(nil, "", "")

// newSplitter returns the rules of a language with the abbreviations
// (lowercased, with their period), the terminators beyond isTerminal and
// the marks that end no sentence.
func newSplitter(abbrev map[string]bool, extra, colons string) *splitter {
	sp := &splitter{abbrev: abbrev, extra: extra, colons: colons}
	for _, r := range terminals + extra {
		if r >= utf8.RuneSelf {
			sp.leads.add(r)
		}
	}
	return sp
}

func (sp *splitter) terminal(r rune) bool {
	if sp == nil || sp.colons == "" && sp.extra == "" {
		return isTerminal(r)
	}
	if strings.ContainsRune(sp.colons, r) {
		return false
	}
	return isTerminal(r) || strings.ContainsRune(sp.extra, r)
}

// isCloser reports whether r may follow a sentence terminator before the
// break: closing quotation marks and brackets.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '«', '“', '›', '」', '』', ')', ']', '）':
		return true
	}
	return false
}

// sentences splits the paragraph span p of text into sentence spans. A
// sentence ends at a terminator (and any closing marks after it) that is
// followed by white space or, in scripts without spaces, by anything; a
// period after an abbreviation or an initial does not end one.
//
// With stops read, only those offsets are visited; the splitter's
// terminators must be among them.
func sentences(text string, p Span, sp *splitter, stops *stops) []Span {
	if sp == nil {
		sp = plainSplitter
	}
	var out []Span
	start := p.Start
	i := p.Start
	k := stops.cursor(p.Start)
	for i < p.End {
		if i = stops.next(&k, i, p.End); i >= p.End {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++
			continue
		} else if c >= utf8.RuneSelf && !sp.leads.has(c) {
			// no terminator begins here, nor at the bytes that go on from
			// here
			for i++; i < p.End && text[i]&0xC0 == 0x80; i++ {
			}
			continue
		}
		r, n := runes.Decode(text, i)
		if isWordRune(r) || !sp.terminal(r) { // letters end no sentence, and are quick to tell
			i += n
			continue
		}
		j := i + n
		for j < p.End {
			r2, n2 := runes.Decode(text, j)
			if !sp.terminal(r2) && !isCloser(r2) {
				break
			}
			j += n2
		}
		if j < p.End {
			next := nextRune(text, j)
			wide := r == '。' || r == '！' || r == '？'
			if !wide && !isSpace(next) {
				i = j
				continue
			}
		}
		if r == '.' && isAbbrev(text, p.Start, i, sp.abbrev) {
			i = j
			continue
		}
		if s := trimSpan(text, Span{start, j}); !s.Empty() {
			out = append(out, s)
		}
		start = j
		i = j
	}
	if s := trimSpan(text, Span{start, p.End}); !s.Empty() {
		out = append(out, s)
	}
	return out
}

// lowerHas reports whether m holds word in lower case; a word of up to 64
// bytes is lowered without an allocation.
func lowerHas(m map[string]bool, word string) bool {
	var buf [64]byte
	if len(word) > len(buf) {
		return m[strings.ToLower(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			// strings.ToLower, for valid UTF-8, without its allocation
			b := buf[:0]
			for _, r := range word {
				b = utf8.AppendRune(b, runes.Lower(r))
			}
			return m[string(b)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(word)])]
}

// isAbbrev reports whether the period at dot ends an abbreviation or an
// initial ("Mr.", "U.S.", "J.").
func isAbbrev(text string, from, dot int, abbrev map[string]bool) bool {
	w := dot
	for w > from {
		r, n := rune(text[w-1]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.DecodeLast(text, w)
		}
		if isSpace(r) || r == '(' || r == '"' || r == '“' || r == '«' || r == '„' {
			break
		}
		w -= n
	}
	word := text[w : dot+1]
	if len(abbrev) > 0 && lowerHas(abbrev, word) {
		return true
	}
	core := strings.TrimSuffix(word, ".")
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return runes.IsUpper(r)
	}
	return false
}
