package prosener

import (
	"fmt"
	"testing"
)

func TestTable(t *testing.T) {
	const n = 5000
	tb := newTable(n)
	key := func(i int) string { return fmt.Sprintf("word\x00w%d", i) }
	for i := 0; i < n; i++ {
		if !tb.put(key(i), run{int32(i), int32(i + 1)}) {
			t.Fatalf("put %d: table full", i)
		}
	}
	for i := 0; i < n; i++ {
		r, ok := tb.get([]byte(key(i)))
		if !ok || r != (run{int32(i), int32(i + 1)}) {
			t.Errorf("get(%q) = %v, %v", key(i), r, ok)
		}
	}
	for _, k := range []string{"", "word", "word\x00w", "word\x00w5000", "word\x00w-1", "word\x00w10 "} {
		if r, ok := tb.get([]byte(k)); ok {
			t.Errorf("get(%q) = %v, want none", k, r)
		}
	}
	if len(tb.slots) < 2*n {
		t.Errorf("%d slots for %d keys: more than half full", len(tb.slots), n)
	}
}
