package bytetrie

import "testing"

// TestLayoutSize checks that a node holds a pattern's word only where one
// ends and that a leaf is that word alone.
func TestLayoutSize(t *testing.T) {
	tests := []struct {
		pats []string
		want int
	}{
		// the root indexes 'a'..'b' (3 words), two leaves (1 each)
		{[]string{"a", "b"}, 5},
		// the root indexes 'a' (2), "a" ends a pattern and indexes
		// 'b'..'c' (1+1+2), two leaves
		{[]string{"a", "ab", "ac"}, 8},
		// the root (2), then "x" ends no pattern: no word for one (1+2),
		// two leaves
		{[]string{"xa", "xb"}, 7},
	}
	for _, tc := range tests {
		if got := len(Build(tc.pats).data); got != tc.want {
			t.Errorf("Build(%q) is %d words, want %d", tc.pats, got, tc.want)
		}
	}
}

// TestLeafStops checks that a walk ends at a leaf and goes on past a
// pattern that is a prefix of another.
func TestLeafStops(t *testing.T) {
	tr := Build([]string{"ab", "a", "abcd"})
	for _, tc := range []struct{ hay, want string }{
		{"abcde", "1:1 0:2 2:4"},
		{"abx", "1:1 0:2"},
		{"abc", "1:1 0:2"},
		{"abcdabcd", "1:1 0:2 2:4"},
	} {
		if g := matches(tr, tc.hay, 0); g != tc.want {
			t.Errorf("Matches(%q) = %q, want %q", tc.hay, g, tc.want)
		}
	}
}
