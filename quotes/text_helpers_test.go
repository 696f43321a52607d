package quotes

import "testing"

// TestSpaceEndAndTrimmedEnd checks spaceEnd and trimmedEnd against trimSpan
// on every span of texts with white space of one, two and three bytes, from
// any byte (a window 64 bytes back may start inside a character) to a
// character's boundary, and from a boundary to any byte.
func TestSpaceEndAndTrimmedEnd(t *testing.T) {
	for _, text := range []string{
		"Putin  said \u00a0 “no”\u3000\u3000Токаев\u2009сказал \t\n ",
		"\u3000 \u00a0x",
		"   ",
		"a\u3000",
	} {
		for a := 0; a <= len(text); a++ {
			for b := a; b <= len(text); b++ {
				want := trimSpan(text, Span{a, b})
				if validBoundary(text, b) {
					if got := trimmedEnd(text, a, b); got != want.End {
						t.Errorf("trimmedEnd(%q, %d, %d) = %d, want %d", text, a, b, got, want.End)
					}
				}
				if validBoundary(text, a) {
					if got := spaceEnd(text, a, b); got != want.Start {
						t.Errorf("spaceEnd(%q, %d, %d) = %d, want %d", text, a, b, got, want.Start)
					}
				}
			}
		}
	}
}
