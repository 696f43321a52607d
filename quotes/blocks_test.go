package quotes

import (
	"math/rand"
	"sort"
	"testing"
)

// TestBlockIndex checks that a search started where the index says finds
// what sort.Search finds, for keys spread thin, bunched in one block, and
// past the text's end.
func TestBlockIndex(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cases := []struct {
		name string
		size int
		keys []int
	}{
		{"empty", 100, nil},
		{"one", 100, []int{50}},
		{"bunched", 200, []int{64, 64, 65, 66, 66, 70, 127}},
		{"at block starts", 300, []int{0, 64, 128, 192, 256}},
		{"past the end", 100, []int{10, 99, 120}},
	}
	var spread []int
	for k := 0; k < 500; k++ {
		spread = append(spread, rng.Intn(5000))
	}
	sort.Ints(spread)
	cases = append(cases, struct {
		name string
		size int
		keys []int
	}{"random", 5000, spread})
	for _, c := range cases {
		b := newBlockIndex(c.size, len(c.keys), func(i int) int { return c.keys[i] })
		for off := -2; off <= c.size+70; off++ {
			want := sort.Search(len(c.keys), func(i int) bool { return c.keys[i] >= off })
			i := b.start(off)
			if i > want {
				t.Fatalf("%s: start(%d) = %d, past the answer %d", c.name, off, i, want)
			}
			for i < len(c.keys) && c.keys[i] < off {
				i++
			}
			if i != want {
				t.Fatalf("%s: search from start(%d) found %d, want %d", c.name, off, i, want)
			}
		}
	}
}
