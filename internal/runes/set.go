package runes

import "unicode/utf8"

// Set is a fixed set of characters to search text for: what
// strings.IndexAny does with a set that holds a character beyond ASCII,
// rune by rune with a search of the set each, Set does byte by byte with a
// bit test for ASCII, and decodes only the bytes beyond it.
type Set struct {
	ascii [2]uint64
	other []rune // the characters beyond ASCII, few
}

// NewSet returns the set of the characters of chars.
func NewSet(chars string) *Set {
	s := &Set{}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			s.ascii[r>>6] |= 1 << (r & 63)
		} else {
			s.other = append(s.other, r)
		}
	}
	return s
}

// Has reports whether r is in the set.
func (s *Set) Has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && s.ascii[r>>6]&(1<<(r&63)) != 0
	}
	for _, o := range s.other {
		if o == r {
			return true
		}
	}
	return false
}

// Index returns the byte offset of the first character of t in the set,
// or -1: strings.IndexAny(t, chars).
func (s *Set) Index(t string) int {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if s.ascii[c>>6]&(1<<(c&63)) != 0 {
				return i
			}
			i++
			continue
		}
		r, n := Decode(t, i)
		if len(s.other) > 0 && s.Has(r) {
			return i
		}
		i += n
	}
	return -1
}

// LastIndex returns the byte offset of the last character of t in the set,
// or -1: strings.LastIndexAny(t, chars).
func (s *Set) LastIndex(t string) int {
	for i := len(t); i > 0; {
		c := t[i-1]
		if c < utf8.RuneSelf {
			i--
			if s.ascii[c>>6]&(1<<(c&63)) != 0 {
				return i
			}
			continue
		}
		r, n := DecodeLast(t, i)
		i -= n
		if len(s.other) > 0 && s.Has(r) {
			return i
		}
	}
	return -1
}

// In reports whether t holds a character of the set:
// strings.ContainsAny(t, chars).
func (s *Set) In(t string) bool { return s.Index(t) >= 0 }
