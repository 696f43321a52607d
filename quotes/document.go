package quotes

import (
	"bytes"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrEmpty, ErrBinary and ErrNotUTF8 are why a document is refused.
var (
	ErrEmpty   = errors.New("empty document")
	ErrBinary  = errors.New("binary data")
	ErrNotUTF8 = errors.New("not UTF-8")
)

// Document is one article: its name, its text and what is known of it.
// Text is the input's own bytes, less a leading byte order mark.
type Document struct {
	Name string // the name reports use (a path relative to its argument, or a record id)
	Lang string // ISO 639-1 code, given or detected
	URL  string
	Date string
	Text string

	lineStarts []int   // byte offset of each line's first byte
	blockRunes []int32 // code points (less CR of CRLF) before each 64-byte block
	crlf       bool    // the text holds a CRLF pair
}

const runeBlock = 64

// NewDocument checks data and returns the document it holds. A document
// that is empty, binary or not UTF-8 is refused with an error that says
// where, and wraps ErrEmpty, ErrBinary or ErrNotUTF8.
func NewDocument(name string, data []byte) (*Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("%w: NUL byte at byte %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, fmt.Errorf("%w at byte %d", ErrNotUTF8, off)
	}
	d := &Document{Name: name, Text: string(data)}
	d.index()
	return d, nil
}

func (d *Document) index() {
	d.lineStarts = make([]int, 1, strings.Count(d.Text, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(d.Text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		d.lineStarts = append(d.lineStarts, i)
	}
	n := len(d.Text)/runeBlock + 1
	d.blockRunes = make([]int32, n)
	d.crlf = strings.Contains(d.Text, "\r\n")
	var count int32
	for b := 0; b < n; b++ {
		d.blockRunes[b] = count
		end := min((b+1)*runeBlock, len(d.Text))
		count += int32(countPoints(d.Text, b*runeBlock, end, d.crlf))
	}
}

// countPoints counts the code points that start in text[from:to], not
// counting the CR of a CRLF pair when crlf is set (text holds one): readers
// that translate newlines (Python's open, most spreadsheets) see CRLF as one
// character.
func countPoints(text string, from, to int, crlf bool) int {
	n := 0
	i := from
	// eight bytes at a time: a continuation byte is 10xxxxxx
	for ; i+8 <= to; i += 8 {
		w := text[i : i+8] // one bounds check for the eight bytes, read as one word
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		n += 8 - bits.OnesCount64(x&^(x<<1)&0x8080808080808080)
	}
	for ; i < to; i++ {
		if text[i]&0xC0 != 0x80 {
			n++
		}
	}
	if crlf && strings.IndexByte(text[from:to], '\r') >= 0 {
		for i := from; i < to; i++ {
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				n--
			}
		}
	}
	return n
}

// CodePoint converts a byte offset into Text to a code point offset.
func (d *Document) CodePoint(off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(d.Text) {
		off = len(d.Text)
	}
	b := off / runeBlock
	return int(d.blockRunes[b]) + countPoints(d.Text, b*runeBlock, off, d.crlf)
}

// Line returns the 1-based line number of the byte offset off.
func (d *Document) Line(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// Slice returns the text of span s, with CRLF line ends read as LF so that
// it matches the code point offsets.
func (d *Document) Slice(s Span) string {
	t := d.Text[s.Start:s.End]
	if strings.Contains(t, "\r\n") {
		t = strings.ReplaceAll(t, "\r\n", "\n")
	}
	return t
}

// Paragraphs returns the spans of the document's non-blank lines, with
// surrounding white space trimmed. A news article's paragraph is a line.
func (d *Document) Paragraphs() []Span {
	out := make([]Span, 0, len(d.lineStarts))
	for i, start := range d.lineStarts {
		end := len(d.Text)
		if i+1 < len(d.lineStarts) {
			end = d.lineStarts[i+1] - 1
		}
		s := trimSpan(d.Text, Span{start, end})
		if !s.Empty() {
			out = append(out, s)
		}
	}
	return out
}

// ParagraphAt returns the span of the line that holds off.
func (d *Document) ParagraphAt(off int) Span {
	i := d.Line(off) - 1
	start := d.lineStarts[i]
	end := len(d.Text)
	if i+1 < len(d.lineStarts) {
		end = d.lineStarts[i+1] - 1
	}
	return trimSpan(d.Text, Span{start, end})
}
