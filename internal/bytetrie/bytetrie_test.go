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

func FuzzEach(f *testing.F) {
	f.Add("said that", "he said that")
	f.Fuzz(func(t *testing.T, pats, hay string) {
		ps := strings.Fields(pats)
		tr := Build(ps)
		for at := range hay {
			tr.Each([]byte(hay), at, func(end, p int) {
				if p < 0 || p >= len(ps) || !strings.HasPrefix(hay[at:], ps[p]) || at+len(ps[p]) != end {
					t.Fatalf("pattern %d at %d..%d of %q", p, at, end, hay)
				}
			})
		}
	})
}
