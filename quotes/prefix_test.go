package quotes

import (
	"reflect"
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// TestPrefixStarts checks where a name may start after clitic prefixes:
// after up to maxPrefixes of them, only where a letter follows, and not at
// all in a pack without prefixes.
func TestPrefixStarts(t *testing.T) {
	tests := []struct {
		name     string
		prefixes []string
		text     string
		want     []int32
	}{
		{"no prefixes", nil, "ab cd", []int32{0, 3}},
		{"one prefix", []string{"x"}, "xab", []int32{0, 1}},
		{"a run of prefixes", []string{"x", "y"}, "xyab", []int32{0, 1, 2}},
		{"at most three", []string{"x"}, "xxxxab", []int32{0, 1, 2, 3}},
		{"a prefix alone is no start", []string{"x"}, "x ab", []int32{0, 2}},
		{"longest prefix first", []string{"x", "xy"}, "xyab", []int32{0, 2}},
		{"Hebrew", []string{"ו", "ש", "ל"}, "ושלפוטין", []int32{0, 2, 4, 6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := compile(&lang.Pack{Code: "xx", Names: lang.Names{Prefixes: tc.prefixes}})
			folded, _, starts := indexText(tc.text)
			got := c.prefixStarts(nil, folded, tc.text, starts)
			if len(tc.prefixes) == 0 {
				got = starts
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("prefixStarts(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
