package runes

import "unicode"

// upper and lowerCase are the code points of IsUpper and IsLower.
var upper, lowerCase = fromRanges(unicode.Upper), fromRanges(unicode.Lower)

// fromRanges returns the table of the code points of tab.
func fromRanges(tab *unicode.RangeTable) *table {
	t := new(table)
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
	return t
}

// IsUpper is unicode.IsUpper, in one table lookup.
func IsUpper(r rune) bool { return upper.has(r) }

// IsLower is unicode.IsLower, in one table lookup.
func IsLower(r rune) bool { return lowerCase.has(r) }
