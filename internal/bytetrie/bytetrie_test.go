package bytetrie

import (
	"fmt"
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	tr := Build([]string{"said", "said that", "sa", "заявил", "表示", "said"})
	tests := []struct {
		hay  string
		at   int
		want string
	}{
		{"said that it", 0, "2:2 0:4 1:9"},
		{"said", 0, "2:2 0:4"},
		{"xsaid", 0, ""},
		{"xsaid", 1, "2:3 0:5"},
		{"он заявил", 5, "3:17"},
		{"他表示", 3, "4:9"},
		{"", 0, ""},
	}
	for _, tc := range tests {
		var got []string
		tr.Each([]byte(tc.hay), tc.at, func(end, p int) { got = append(got, fmt.Sprintf("%d:%d", p, end)) })
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Each(%q, %d) = %q, want %q", tc.hay, tc.at, g, tc.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	var zero *Trie
	if zero.Root() != None {
		t.Error("nil trie has a root")
	}
	calls := 0
	Build(nil).Each([]byte("abc"), 0, func(int, int) { calls++ })
	if calls != 0 {
		t.Errorf("empty trie matched %d times", calls)
	}
}

// FuzzEach checks Each against a plain reading: at every offset, each
// distinct pattern that starts there is reported once, by its first index,
// shortest first.
func FuzzEach(f *testing.F) {
	f.Add("said that", "he said that")
	f.Add("a ab abc b bc", "xabcabc")
	f.Fuzz(func(t *testing.T, pats, hay string) {
		ps := strings.Fields(pats)
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
			var got []string
			tr.Each([]byte(hay), at, func(end, p int) { got = append(got, fmt.Sprintf("%d:%d", p, end)) })
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("patterns %q at %d of %q: got %v, want %v", ps, at, hay, got, want)
			}
		}
	})
}
