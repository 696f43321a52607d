package bytetrie

import (
	"fmt"
	"strings"
	"testing"
)

// matches returns the matches of tr at hay[at], as "pattern:end".
func matches(tr *Trie, hay string, at int) string {
	var out []string
	for _, m := range tr.Matches([]byte(hay), at, nil) {
		out = append(out, fmt.Sprintf("%d:%d", m.Pattern, m.End))
	}
	return strings.Join(out, " ")
}

func TestMatches(t *testing.T) {
	// "said" has children ' ' and 'z' (a list), "с" many (indexed by byte);
	// "заявил" and "表示" are chains, "said that" ends in one
	pats := []string{"said", "said that", "sa", "заявил", "表示", "said", "saidz", "сa", "сb", "сc", "сd", "сe", "сж"}
	tests := []struct {
		hay  string
		at   int
		want string
	}{
		{"said that it", 0, "2:2 0:4 1:9"},
		{"said", 0, "2:2 0:4"},
		{"saidz", 0, "2:2 0:4 6:5"},
		{"saidy", 0, "2:2 0:4"},
		{"said!", 0, "2:2 0:4"},
		{"xsaid", 0, ""},
		{"xsaid", 1, "2:3 0:5"},
		{"он заявил", 5, "3:17"},
		{"он заяви", 5, ""},      // the text ends inside a chain
		{"он заявиk", 5, ""},     // the last byte of a chain differs
		{"он зaявил", 5, ""},     // its first byte differs
		{"заявилось", 0, "3:12"}, // a chain's end, then more text
		{"他表示", 3, "4:9"},
		{"сe сж сz", 0, "11:3"},
		{"сe сж сz", 4, "12:8"},
		{"сe сж сz", 9, ""},
		{"", 0, ""},
	}
	for name, tr := range map[string]*Trie{"lists": Build(pats), "no lists": build(pats, 1, nil)} {
		for _, tc := range tests {
			if g := matches(tr, tc.hay, tc.at); g != tc.want {
				t.Errorf("%s: Matches(%q, %d) = %q, want %q", name, tc.hay, tc.at, g, tc.want)
			}
			checkMatchAll(t, tr, tc.hay)
		}
	}
}

func TestEmpty(t *testing.T) {
	var zero *Trie
	if got := zero.Matches([]byte("abc"), 0, nil); len(got) != 0 {
		t.Errorf("nil trie matched %v", got)
	}
	if got := Build(nil).Matches([]byte("abc"), 0, nil); len(got) != 0 {
		t.Errorf("empty trie matched %v", got)
	}
}

// FuzzMatches checks Matches against a plain reading: at every offset,
// each distinct pattern that starts there is reported once, by its first
// index, shortest first. Patterns are separated by '|'.
func FuzzMatches(f *testing.F) {
	f.Add("said|said that", "he said that")
	f.Add("a|ab|abc|b|bc|a c|a\xd0", "xabcabc a c")
	f.Fuzz(func(t *testing.T, pats, hay string) {
		var ps []string
		for _, p := range strings.Split(pats, "|") {
			if p != "" {
				ps = append(ps, p)
			}
		}
		tr := Build(ps)
		for at := 0; at <= len(hay); at++ {
			var want []string
			seen := map[string]bool{}
			for l := 1; at+l <= len(hay); l++ {
				for i, p := range ps {
					if p == hay[at:at+l] && !seen[p] {
						seen[p] = true
						want = append(want, fmt.Sprintf("%d:%d", i, at+l))
					}
				}
			}
			if got := matches(tr, hay, at); got != strings.Join(want, " ") {
				t.Fatalf("patterns %q at %d of %q: got %v, want %v", ps, at, hay, got, want)
			}
		}
		checkMatchAll(t, tr, hay)
	})
}

// checkMatchAll checks that MatchAll from every other offset of hay, and
// past its end, finds what Matches finds at each.
func checkMatchAll(t *testing.T, tr *Trie, hay string) {
	t.Helper()
	var starts []int32
	var want []Match
	for at := 0; at <= len(hay)+1; at += 2 {
		starts = append(starts, int32(at))
		for _, m := range tr.Matches([]byte(hay), at, nil) {
			if m.Start != int32(at) {
				t.Fatalf("Matches(%q, %d) gives start %d", hay, at, m.Start)
			}
			want = append(want, m)
		}
	}
	if got := tr.MatchAll([]byte(hay), starts, nil); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("MatchAll(%q, %v) = %v, want %v", hay, starts, got, want)
	}
}

// TestRoot checks the root's table: a byte has a child there when some
// pattern starts with it, and a trie whose root is a chain has no table.
func TestRoot(t *testing.T) {
	for _, pats := range [][]string{{"said", "say", "заявил", "a", "表示"}, {"a b", "az"}, {"x", "y"}} {
		for name, tr := range map[string]*Trie{"lists": Build(pats), "no lists": build(pats, 1, nil)} {
			for c := 0; c < 256; c++ {
				starts := false
				for _, p := range pats {
					starts = starts || p[0] == byte(c)
				}
				if got := tr.root[c] != 0; got != starts {
					t.Errorf("%s %q: root[%#x] set = %v, want %v", name, pats, c, got, starts)
				}
			}
		}
	}
	if tr := Build([]string{"said"}); tr.root != nil || matches(tr, "said", 0) != "0:4" {
		t.Errorf("a chain at the root: table %v, matches %q", tr.root != nil, matches(tr, "said", 0))
	}
}

// TestChainEnds checks chains of every length against text that ends at,
// inside and past them, where the last bytes of a chain are read from the
// text a word at a time or byte by byte.
func TestChainEnds(t *testing.T) {
	for l := 2; l <= 13; l++ {
		pat := "q" + strings.Repeat("abcdefghijklm", 2)[:l]
		tr := Build([]string{pat, "qz"}) // the root's child branches, a chain follows
		for _, tail := range []string{"", " ", "  and more"} {
			if g := matches(tr, pat+tail, 0); g != fmt.Sprintf("0:%d", len(pat)) {
				t.Errorf("%q in %q: got %q", pat, pat+tail, g)
			}
			for i := 1; i < len(pat); i++ {
				// a byte of the chain differs, and the text ends short of it
				bad := []byte(pat + tail)
				bad[i]++
				if g := matches(tr, string(bad), 0); g != "" {
					t.Errorf("%q in %q: got %q", pat, bad, g)
				}
				if g := matches(tr, pat[:i], 0); g != "" {
					t.Errorf("%q in %q: got %q", pat, pat[:i], g)
				}
			}
		}
	}
}

// FuzzExtend checks that a trie extended by patterns finds what one built
// from all of them finds, and holds fewer words of its own.
func FuzzExtend(f *testing.F) {
	f.Add("Jan Kowalski|Kowalsk|nato|ab|abc", "said|said that|nato|ko|kowal", "nato said Jan Kowalski and kowalski abc")
	f.Add("заявил|表示|a b|az", "заявила|a|b", "он заявила a b az 表示")
	f.Add("x", "y", "xy")
	f.Fuzz(func(t *testing.T, base, more, hay string) {
		split := func(s string) []string {
			var ps []string
			for _, p := range strings.Split(s, "|") {
				if p != "" {
					ps = append(ps, p)
				}
			}
			return ps
		}
		bs, ms := split(base), split(more)
		b := Build(bs)
		ext, flat := b.Extend(ms), Build(append(bs[:len(bs):len(bs)], ms...))
		for at := 0; at <= len(hay); at++ {
			if g, w := matches(ext, hay, at), matches(flat, hay, at); g != w {
				t.Fatalf("%q extended by %q at %d of %q: got %v, want %v", bs, ms, at, hay, g, w)
			}
		}
		checkMatchAll(t, ext, hay)
		if len(ext.data) > len(flat.data) {
			t.Errorf("%q extended by %q: %d words, built at once %d", bs, ms, len(ext.data), len(flat.data))
		}
	})
}

// TestExtendShares checks that an extended trie holds the nodes of its own
// patterns and the ones they share bytes with, but not the rest of the base.
func TestExtendShares(t *testing.T) {
	base := Build([]string{"kowalski", "nowak", "zielinski", "wisniewski", "kaminski"})
	ext := base.Extend([]string{"said", "nowy"})
	flat := Build([]string{"kowalski", "nowak", "zielinski", "wisniewski", "kaminski", "said", "nowy"})
	// the root's node by byte is ext's own: 'k' to 'z' and the header
	if own := len(ext.data) - ('z' - 'k' + 2); own >= len(flat.data)/2 {
		t.Errorf("extended trie holds %d words, one built at once %d", len(ext.data), len(flat.data))
	}
	for _, tc := range []struct{ hay, want string }{
		{"kowalski", "0:8"}, {"nowak", "1:5"}, {"nowy", "6:4"}, {"said", "5:4"}, {"kaminsk", ""},
	} {
		if g := matches(ext, tc.hay, 0); g != tc.want {
			t.Errorf("Matches(%q) = %q, want %q", tc.hay, g, tc.want)
		}
	}
	if g := matches(Build(nil).Extend([]string{"a"}), "a", 0); g != "0:1" {
		t.Errorf("an empty trie extended: %q", g)
	}
	var none *Trie
	if g := matches(none.Extend([]string{"a"}), "a", 0); g != "0:1" {
		t.Errorf("a nil trie extended: %q", g)
	}
}
