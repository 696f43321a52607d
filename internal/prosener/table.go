package prosener

import "hash/maphash"

// table maps byte-string keys to runs of weights. It holds no pointers
// but its two slices: the model's hundreds of thousands of features in a
// Go map would be as many strings for the garbage collector to visit on
// every cycle of a long run.
type table struct {
	slots []slot // open addressing, linear probing; a power of two long
	keys  []byte // the keys, one after another
	seed  maphash.Seed
}

// slot is one entry of a table: the key's hash (0 for an empty slot), the
// key's place in keys, and its run.
type slot struct {
	hash    uint64
	off, n  uint32
	weights run
}

// newTable returns a table with room for n keys.
func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &table{slots: make([]slot, size), seed: maphash.MakeSeed()}
}

// hash returns the hash of key, never 0.
func (t *table) hash(key []byte) uint64 { return maphash.Bytes(t.seed, key) | 1 }

// put sets the run of key, which must not be in the table yet, and
// reports false when the table is full.
func (t *table) put(key string, r run) bool {
	h := t.hash([]byte(key))
	mask := uint64(len(t.slots) - 1)
	for i, k := h&mask, 0; k < len(t.slots); i, k = (i+1)&mask, k+1 {
		if t.slots[i].hash == 0 {
			t.slots[i] = slot{hash: h, off: uint32(len(t.keys)), n: uint32(len(key)), weights: r}
			t.keys = append(t.keys, key...)
			return true
		}
	}
	return false
}

// get returns the run of key, if key is in the table.
func (t *table) get(key []byte) (run, bool) {
	h := t.hash(key)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch {
		case s.hash == 0:
			return run{}, false
		case s.hash == h && string(t.keys[s.off:s.off+s.n]) == string(key):
			return s.weights, true
		}
	}
}
