package runes

import "unicode"

// upper and lowerCase are the code points of IsUpper and IsLower.
var upper, lowerCase = fromRanges(unicode.Upper), fromRanges(unicode.Lower)

// fromRanges returns the table of the code points of tab.
func fromRanges(tab *unicode.RangeTable) *table {
	t := new(table)
	t.add(tab)
	return t
}

// add sets the code points of tab in t.
func (t *table) add(tab *unicode.RangeTable) {
	for _, rg := range tab.R16 {
		for c := uint32(rg.Lo); c <= uint32(rg.Hi); c += uint32(rg.Stride) {
			t[c>>6] |= 1 << (c & 63)
		}
	}
	for _, rg := range tab.R32 {
		for c := rg.Lo; c <= rg.Hi; c += rg.Stride {
			t[c>>6] |= 1 << (c & 63)
		}
	}
}

// IsUpper is unicode.IsUpper, in one table lookup.
func IsUpper(r rune) bool { return upper.has(r) }

// IsLower is unicode.IsLower, in one table lookup.
func IsLower(r rune) bool { return lowerCase.has(r) }
