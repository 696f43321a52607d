package bytetrie

import (
	"encoding/binary"
	"math/bits"
	"sort"
)

// Trie is a compiled set of patterns. The zero value matches nothing.
type Trie struct {
	data []int32
	// base is the data of the trie this one extends (see Extend), which
	// the references with baseBit point into; nil for none
	base []int32
	// patterns are the patterns compiled, for Extend
	patterns []string
	// root holds, for each first byte, the reference of the root's child,
	// or 0, so that a walk takes its first step without reading the root's
	// header; nil when the root is a chain
	root *[256]uint32
}

// Build compiles the patterns; pattern i is reported as i. Of equal
// patterns the first is reported.
func Build(patterns []string) *Trie { return build(patterns, 1<<23, nil) }

// Extend compiles t's patterns and more into one trie, which reports t's
// patterns by their index in t and more[i] as len(t's patterns)+i. Below
// a node under which only t's patterns lie, the trie refers to t's nodes
// rather than holding a copy of them: tries that extend one trie by
// different patterns share most of its memory, and a walk of one warms the
// cache for the others.
func (t *Trie) Extend(more []string) *Trie {
	if t == nil {
		return Build(more)
	}
	all := append(t.patterns[:len(t.patterns):len(t.patterns)], more...)
	if t.base != nil {
		return Build(all) // no references into a base of a base
	}
	return build(all, 1<<23, t)
}

// build is Build where nodes are listed only in a trie smaller than
// limit, and the nodes under which only base's patterns lie are base's,
// when base is not nil: base was built from patterns[:len(base.patterns)].
func build(patterns []string, limit int, base *Trie) *Trie {
	// Sorted, the patterns under a node are a run, and its children's runs
	// follow each other: the trie is read off breadth first.
	idx := make([]int, len(patterns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return patterns[idx[a]] < patterns[idx[b]] })
	type node struct {
		lo, hi, depth int32 // the run of idx under the node, and its depth
		pat           int32
		first, w      int32 // the byte of its first child, and the width of its range
		kid0, kids    int32 // its children: nodes[kid0 : kid0+kids]
	}
	most := 1 // no more nodes than bytes in the patterns, and the root
	for _, p := range patterns {
		most += len(p)
	}
	nodes := make([]node, 1, most)
	nodes[0] = node{lo: 0, hi: int32(len(idx))}
	for k := 0; k < len(nodes); k++ {
		n := nodes[k]
		n.pat = -1
		lo := n.lo
		for lo < n.hi && len(patterns[idx[lo]]) == int(n.depth) {
			if n.pat < 0 {
				n.pat = int32(idx[lo]) // the first of equal patterns, by stable sort
			}
			lo++
		}
		n.kid0 = int32(len(nodes))
		for lo < n.hi {
			c := patterns[idx[lo]][n.depth]
			hi := lo + 1
			for hi < n.hi && patterns[idx[hi]][n.depth] == c {
				hi++
			}
			nodes = append(nodes, node{lo: lo, hi: hi, depth: n.depth + 1})
			lo = hi
		}
		n.kids = int32(len(nodes)) - n.kid0
		if n.kids > 0 {
			first := patterns[idx[nodes[n.kid0].lo]][n.depth]
			last := patterns[idx[nodes[len(nodes)-1].lo]][n.depth]
			n.first, n.w = int32(first), int32(last)-int32(first)+1
		}
		nodes[k] = n
	}
	// A node with one child, whose child has one child and ends no
	// pattern, starts a chain: the bytes of the path down to the first node
	// that ends a pattern or branches, which is the chain's end, and that
	// node's offset. The nodes inside a chain are not laid out. A node
	// with few children spread over a range wider than listWidth (a space
	// and the first bytes of letters) lists them; the others index them by
	// byte.
	chainEnd := func(k int32) (int32, int) { // the chain's end and length
		c, l := nodes[k].kid0, 1
		for nodes[c].pat < 0 && nodes[c].kids == 1 {
			c, l = nodes[c].kid0, l+1
		}
		return c, l
	}
	chained := func(k int32) bool {
		n := nodes[k]
		return n.kids == 1 && nodes[n.kid0].pat < 0 && nodes[n.kid0].kids == 1
	}
	listed := func(n node) bool { return n.kids > 1 && n.kids <= maxList && n.w > listWidth }
	// a leaf, which ends a pattern and has no children, is its pattern
	// alone: its reference says a walk ends there
	leaf := func(k int32) bool { return k != 0 && nodes[k].kids == 0 }
	// A node under which only base's patterns lie is base's node for the
	// same bytes, if base lays one out: shared[k] is the reference to it,
	// with baseBit, found when first asked for; 0 for none, and 1 before
	// it is looked up.
	shared := make([]uint32, len(nodes))
	if base != nil {
		for k := range shared {
			shared[k] = 1
		}
	}
	sharedRef := func(k int32) uint32 {
		if shared[k] != 1 {
			return shared[k]
		}
		shared[k] = 0
		n := nodes[k]
		for _, i := range idx[n.lo:n.hi] {
			if i >= len(base.patterns) {
				return 0
			}
		}
		if r := base.refOf(patterns[idx[n.lo]][:n.depth]); r != 0 {
			shared[k] = r | baseBit
		}
		return shared[k]
	}
	// The nodes are laid out depth first: a node's first child follows it.
	order := make([]int32, 0, len(nodes))
	stack := []int32{0}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if k != 0 && sharedRef(k) != 0 {
			continue
		}
		order = append(order, k)
		n := nodes[k]
		if chained(k) {
			end, _ := chainEnd(k)
			stack = append(stack, end)
			continue
		}
		for c := n.kid0 + n.kids - 1; c >= n.kid0; c-- {
			stack = append(stack, c)
		}
	}
	offset := make([]int32, len(nodes))
	layout := func(lists bool) int {
		size := 0
		for _, k := range order {
			n := nodes[k]
			if k != 0 && n.pat >= 0 {
				size++ // the pattern, before the node
			}
			offset[k] = int32(size)
			switch {
			case leaf(k):
			case chained(k):
				_, l := chainEnd(k)
				size += 2 + (l+3)/4
			case lists && listed(n):
				size += 2 + int(n.kids)
			default:
				size += 1 + int(n.w)
			}
		}
		return size
	}
	lists := true
	size := layout(lists)
	if size >= limit {
		lists = false
		size = layout(lists)
	}
	// a reference to a node is its offset, whether it lies in base's data
	// (baseBit), whether it is a leaf and, in the low bit, whether a
	// pattern ends there
	ref := func(k int32) int32 {
		if r := sharedRef(k); r != 0 {
			return int32(r)
		}
		r := offset[k] << 3
		if leaf(k) {
			r |= leafBit
		}
		if nodes[k].pat >= 0 {
			r |= 1
		}
		return r
	}
	t := &Trie{data: make([]int32, size), patterns: patterns}
	if base != nil {
		t.base = base.data
	}
	for _, k := range order {
		n, o := nodes[k], int(offset[k])
		if k != 0 && n.pat >= 0 {
			t.data[o-1] = n.pat
		}
		switch {
		case leaf(k):
		case chained(k):
			end, l := chainEnd(k)
			t.data[o] = chainFlag | int32(l)
			c := n.kid0
			for i := 0; i < l; i++ {
				b := patterns[idx[nodes[c].lo]][nodes[c].depth-1]
				t.data[o+1+i/4] |= int32(b) << (8 * (i % 4))
				c = nodes[c].kid0
			}
			t.data[o+1+(l+3)/4] = ref(end)
		case lists && listed(n):
			t.data[o] = -n.kids
			for i, c := range nodes[n.kid0 : n.kid0+n.kids] {
				b := patterns[idx[c.lo]][n.depth]
				t.data[o+1] |= int32(b) << (8 * i)
				t.data[o+2+i] = ref(n.kid0 + int32(i))
			}
		default:
			t.data[o] = n.first | n.w<<8
			for c := n.kid0; c < n.kid0+n.kids; c++ {
				b := patterns[idx[nodes[c].lo]][n.depth]
				t.data[o+1+int(b)-int(n.first)] = ref(c) // never 0: the root is no child
			}
		}
	}
	if !chained(0) {
		t.root = new([256]uint32)
		for c := range t.root {
			t.root[c] = t.child(0, byte(c))
		}
	}
	return t
}

// child returns the reference of the child of the indexed or listed node
// at n that byte c leads to, or 0.
func (t *Trie) child(n int, c byte) uint32 {
	switch h := t.data[n]; {
	case uint32(h) < chainFlag:
		if d := uint(c) - uint(h&0xFF); d < uint(h>>8) {
			return uint32(t.data[n+1+int(d)])
		}
	case h < 0:
		for k := range int(-h) {
			if byte(t.data[n+1]>>(8*k)) == c {
				return uint32(t.data[n+2+k])
			}
		}
	}
	return 0
}

// leafBit marks the reference of a leaf, a node without children.
const leafBit = 2

// baseBit marks a reference into the data of the trie extended.
const baseBit = 4

// refOf returns the reference of the node that prefix leads to, or 0 when
// it leads to none or into a chain.
func (t *Trie) refOf(prefix string) uint32 {
	var ref uint32
	n := 0
	for j := 0; j < len(prefix); j++ {
		if ref&leafBit != 0 {
			return 0 // a leaf has no children
		}
		if h := t.data[n]; h >= chainFlag {
			l := int(h - chainFlag)
			if j+l > len(prefix) {
				return 0
			}
			for i := range l {
				if prefix[j+i] != byte(t.data[n+1+i/4]>>(8*(i%4))) {
					return 0
				}
			}
			j += l - 1
			ref = uint32(t.data[n+1+(l+3)/4])
		} else {
			ref = t.child(n, prefix[j])
		}
		if ref == 0 {
			return 0
		}
		n = int(ref >> 3)
	}
	return ref
}

// chainFlag marks the header of a chain, whose length is the rest of it.
const chainFlag = 1 << 30

// maxList is the most children a node lists rather than indexes by byte:
// their bytes fill one int32, and the references follow.
const maxList = 4

// listWidth is the widest range of bytes over which a node's children are
// indexed however few they are. A walk that meets nodes of both kinds
// takes a branch the processor often mispredicts; a narrow index costs a
// few words more than a list.
const listWidth = 32

// Match is a pattern found by Matches or MatchAll: its index and the
// offsets where it starts and ends.
type Match struct {
	Start, End, Pattern int32
}

// Matches appends to out every pattern that starts at hay[at], shortest
// first, and returns it.
func (t *Trie) Matches(hay []byte, at int, out []Match) []Match {
	if t == nil || len(t.data) == 0 {
		return out
	}
	data := t.data
	n, j := 0, at
	if t.root != nil && j < len(hay) {
		var done bool
		if n, data, out, done = t.follow(t.root[hay[j]], data, at, j, out); done {
			return out
		}
		j++
	}
	for ; j < len(hay); j++ {
		c := hay[j]
		var ref uint32 // the child's, 0 for none
		switch h := data[n]; {
		case uint32(h) < chainFlag: // indexed by byte, the common case first
			d := uint(c) - uint(h&0xFF)
			if d >= uint(h>>8) {
				return out
			}
			ref = uint32(data[n+1+int(d)])
		case h < 0:
			// the first byte of the list that is c is the first zero byte
			// of x; bytes past the list are 0, and no child
			x := uint32(data[n+1]) ^ uint32(c)*0x01010101
			if z := (x - 0x01010101) &^ x & 0x80808080; z != 0 {
				if k := bits.TrailingZeros32(z) / 8; k < int(-h) {
					ref = uint32(data[n+2+k])
				}
			}
		default:
			// no pattern ends inside a chain: all of it, or nothing
			l := uint(h - chainFlag)
			if l > uint(len(hay)-j) {
				return out
			}
			// the chain's bytes, four to a word from data[n+1]; j ends on
			// its last byte
			w := n + 1
			for ; l > 4; l -= 4 {
				if binary.LittleEndian.Uint32(hay[j:]) != uint32(data[w]) {
					return out
				}
				j, w = j+4, w+1
			}
			if j+4 <= len(hay) {
				// the last one to four, in one word of hay
				mask := uint32(1)<<(8*l) - 1 // 0 - 1 for four: all
				if (binary.LittleEndian.Uint32(hay[j:])^uint32(data[w]))&mask != 0 {
					return out
				}
			} else {
				for i := range l {
					if hay[j+int(i)] != byte(data[w]>>(8*i)) {
						return out
					}
				}
			}
			j += int(l) - 1
			ref = uint32(data[w+1])
		}
		var done bool
		if n, data, out, done = t.follow(ref, data, at, j, out); done {
			return out
		}
	}
	return out
}

// follow takes a walk from at, on hay[j], to the node of reference ref in
// data, or in the roster's base when ref says so: it returns the node, its
// data and out with the pattern that ends there, and whether the walk ends
// (no child, or a leaf).
func (t *Trie) follow(ref uint32, data []int32, at, j int, out []Match) (int, []int32, []Match, bool) {
	if ref == 0 {
		return 0, data, out, true
	}
	n := int(ref >> 3)
	if ref&baseBit != 0 {
		data = t.base
	}
	if ref&1 != 0 {
		out = append(out, Match{Start: int32(at), End: int32(j + 1), Pattern: data[n-1]})
	}
	return n, data, out, ref&leafBit != 0 // a leaf ends a pattern
}

// MatchAll appends to out every pattern that starts at one of the offsets
// starts in hay, by start in the order of starts and at each shortest
// first, and returns it: Matches at each start, in one call.
func (t *Trie) MatchAll(hay []byte, starts []int32, out []Match) []Match {
	for _, at := range starts {
		out = t.Matches(hay, int(at), out)
	}
	return out
}
