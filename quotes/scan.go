package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// markClass describes one quotation mark character.
type markClass struct {
	closers string // the marks that close it when it opens; "" if it never opens
	closes  bool   // whether it can close a quote opened by another mark
	double  bool   // a double mark: a lone one is a closing mark whose opener was lost
}

// marks is every quotation mark the scanner knows. Which pairs a language
// uses is data (lang.Pack.Quotes); the scanner accepts every common pair in
// every language, because articles quote across conventions.
var marks = map[rune]markClass{
	'"': {closers: "\"”“", closes: true, double: true},
	'“': {closers: "”\"“", closes: true, double: true},
	'”': {closers: "”", closes: true, double: true},
	'„': {closers: "“”\"", double: true},
	'«': {closers: "»", closes: true, double: true},
	'»': {closers: "«»", closes: true, double: true},
	'‹': {closers: "›", closes: true},
	'›': {closers: "‹", closes: true},
	'‘': {closers: "’‘", closes: true},
	'’': {closes: true},
	'‚': {closers: "‘’"},
	'「': {closers: "」"},
	'」': {closes: true, double: true},
	'『': {closers: "』"},
	'』': {closes: true, double: true},
	'＂': {closers: "＂", closes: true, double: true},
}

// mark is one quotation mark found in the text.
type mark struct {
	Span
	r        rune
	canOpen  bool
	canClose bool
}

// markedSpan is a quotation found between marks.
type markedSpan struct {
	open, close Span // the marks; close is empty when the quote never closes
	content     Span // the quoted words, white space trimmed
	flags       []string
}

// scanMarks finds the quotations between marks in the paragraphs of text.
// It pairs marks with a stack, by what each mark can close; a quote left
// open at the end of a paragraph continues when the next paragraph opens
// with the same mark (the convention for quotes that run over paragraphs)
// and otherwise ends with its paragraph. Lone closing marks are returned as
// orphans, for the caller to recover back to their reporting cue. Only
// outermost quotations are returned; nested ones stay in their text.
// extraPairs are the pack's pairs, added to the built-in table.
func scanMarks(text string, paras []Span, extraPairs map[rune]string, stops *stops) (out []markedSpan, orphans []Span) {
	type open struct {
		m     mark
		flags []string
	}
	var stack []open
	skip := -1 // byte offset of a reopening mark to skip
	for pi, p := range paras {
		for _, m := range findMarks(text, p, extraPairs, stops) {
			if m.Start == skip {
				continue
			}
			if m.canClose && len(stack) > 0 {
				top := stack[len(stack)-1]
				if strings.ContainsRune(closersOf(top.m.r, extraPairs), m.r) {
					stack = stack[:len(stack)-1]
					if len(stack) == 0 {
						c := trimSpan(text, Span{top.m.End, m.Start})
						if !c.Empty() {
							out = append(out, markedSpan{open: top.m.Span, close: m.Span, content: c, flags: top.flags})
						}
					}
					continue
				}
			}
			if m.canOpen {
				stack = append(stack, open{m: m})
				continue
			}
			if m.canClose && len(stack) == 0 && marks[m.r].double {
				orphans = append(orphans, m.Span)
			}
		}
		if len(stack) == 0 {
			continue
		}
		bottom := stack[0]
		if pi+1 < len(paras) {
			next := paras[pi+1]
			if r, n := runes.Decode(text, next.Start); r == bottom.m.r {
				// the next paragraph reopens the same quote: carry on
				stack = stack[:1]
				if !hasFlag(stack[0].flags, "multi-paragraph") {
					stack[0].flags = append(stack[0].flags, "multi-paragraph")
				}
				skip = next.Start
				_ = n
				continue
			}
		}
		c := trimSpan(text, Span{bottom.m.End, p.End})
		if !c.Empty() && bottom.m.r != '\'' { // a lone straight single mark is an apostrophe
			out = append(out, markedSpan{open: bottom.m.Span, content: c, flags: append(bottom.flags, "unclosed")})
		}
		stack = stack[:0]
	}
	return out, orphans
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

func closersOf(r rune, extra map[rune]string) string {
	return marks[r].closers + extra[r]
}

// findMarks lists the quotation marks in paragraph p with what each may do,
// judged from the characters around it.
func findMarks(text string, p Span, extra map[rune]string, stops *stops) []mark {
	var out []mark
	leads := markLeads
	for r := range extra {
		if r >= utf8.RuneSelf {
			leads.add(r)
		}
	}
	// the straight single mark is a quotation mark only where the pack
	// pairs it; it closes what it opens
	asciiSingle := strings.ContainsRune(extra['\''], '\'')
	k := stops.cursor(p.Start)
	for i := p.Start; i < p.End; {
		if i = stops.next(&k, i, p.End); i >= p.End {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf && c != '"' && (c != '\'' || !asciiSingle) {
			i++
			continue
		}
		if c >= utf8.RuneSelf && !leads.has(c) {
			// no mark begins here, nor at the bytes that go on from here
			for i++; i < p.End && text[i]&0xC0 == 0x80; i++ {
			}
			continue
		}
		r, n := runes.Decode(text, i)
		if isWordRune(r) || len(extra) == 0 && !maybeMark(r) { // no mark is a letter
			i += n
			continue
		}
		class, known := marks[r]
		_, extraOpen := extra[r]
		if !known && !extraOpen {
			i += n
			continue
		}
		if !known && strings.ContainsRune(extra[r], r) {
			class.closes = true
		}
		prev, next := prevRune(text, i), nextRune(text, i+n)
		if i == p.Start {
			prev = -1
		}
		if i+n >= p.End {
			next = -1
		}
		if r == '\'' && isElision(text, i+n, p.End) {
			i += n // 's, 't, 'n: a letter elided, not a quote
			continue
		}
		m := mark{Span: Span{i, i + n}, r: r}
		wordBefore, wordAfter := isWordRune(prev), isWordRune(next)
		spaceBefore := prev < 0 || isSpace(prev) || isOpenPunct(prev)
		spaceAfter := next < 0 || isSpace(next) || isClosePunct(next)
		opens := class.closers != "" || extraOpen
		if (r == '’' || r == '‘' || r == '\'') && wordBefore && wordAfter && !unicode.Is(unicode.Hangul, next) {
			i += n // an apostrophe inside a word
			continue
		}
		if r == '"' && unicode.Is(unicode.Hebrew, prev) && unicode.Is(unicode.Hebrew, next) {
			i += n // the gershayim of a Hebrew acronym typed as a straight quote (ארה"ב)
			continue
		}
		if r == '’' && wordBefore && !spaceAfter && !unicode.Is(unicode.Hangul, next) {
			i += n
			continue
		}
		switch {
		case isHan(prev) || isHan(next):
			// no spaces in Chinese and Japanese: the stack decides
			m.canOpen = opens && next >= 0 && !isSpace(next)
			m.canClose = class.closes && prev >= 0 && !isSpace(prev)
		case r == '«' || r == '‹' || r == '「' || r == '『' || r == '„' || r == '‚':
			// marks that open first and foremost; French puts a space inside
			m.canOpen = opens && next >= 0
			m.canClose = class.closes && !spaceBefore && spaceAfter
		default:
			m.canOpen = opens && !spaceAfter && (spaceBefore || !wordBefore)
			m.canClose = class.closes && (!spaceBefore || spaceAfter)
			if !m.canOpen && !m.canClose && opens && wordBefore && wordAfter {
				m.canOpen, m.canClose = true, class.closes
			}
		}
		if m.canOpen || m.canClose {
			out = append(out, m)
		}
		i += n
	}
	return out
}

// isElision reports whether the apostrophe that ends at i stands for
// elided letters: one letter follows it and then no letter
// ('s avonds, 't), or a digit follows it ('22).
func isElision(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, n := runes.Decode(text, i)
	if unicode.IsDigit(r) {
		return true
	}
	if !isLetter(r) {
		return false
	}
	if i+n >= end {
		return true
	}
	after, _ := runes.Decode(text, i+n)
	return !isWordRune(after) && after != '\''
}

// maybeMark reports whether r lies where the quotation marks of the table
// are, so that other runes need no lookup.
// leadSet is a set of first bytes of UTF-8 forms.
type leadSet [4]uint64

func (l *leadSet) add(r rune) {
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], r)
	l[b[0]>>6] |= 1 << (b[0] & 63)
}

func (l *leadSet) has(c byte) bool { return l[c>>6]&(1<<(c&63)) != 0 }

// markLeads holds the first bytes of the non-ASCII marks.
var markLeads = func() (l leadSet) {
	for r := range marks {
		if r >= utf8.RuneSelf {
			l.add(r)
		}
	}
	for r := rune(utf8.RuneSelf); r <= 0xFFFF; r++ {
		if maybeMark(r) {
			l.add(r)
		}
	}
	return l
}()

// stopLeads returns the first bytes of every character at which the
// sentence splitter sp or the mark scanner with the extra pairs may stop:
// the terminators and the marks, ASCII ones included. The text index
// notes where they stand (see stops).
func stopLeads(sp *splitter, pairs map[rune]string) leadSet {
	if sp == nil {
		sp = plainSplitter
	}
	l := markLeads
	for _, r := range terminals + sp.extra {
		l.add(r)
	}
	for r := range marks {
		l.add(r)
	}
	for r := range pairs {
		l.add(r)
	}
	return l
}

func maybeMark(r rune) bool {
	return r == '"' || r == '«' || r == '»' || 0x2018 <= r && r <= 0x203A || 0x300C <= r && r <= 0x300F || r == '＂'
}

// isOpenPunct reports punctuation after which a quote may open without a space.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', ':', '—', '–', '-', '/', '«', '„', '“', '‘', '「', '『', '：', '，':
		return true
	}
	return false
}

// isClosePunct reports punctuation that may follow a closing mark directly.
func isClosePunct(r rune) bool {
	if isTerminal(r) {
		return true
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '،', '؛', '—', '–', '-', '”', '’', '»', '«', '"', '」', '』', '，', '、', '：':
		return true
	}
	return unicode.IsPunct(r) && !strings.ContainsRune("(\"'[{", r)
}
