// Package bytetrie finds which of a set of byte strings start at an offset.
//
// The trie lives in one slice: each node is a header (the range of bytes it
// has children for), the pattern that ends there, and then its children,
// one a byte of the range. A step is a range check and an index, and a node
// lies in the same cache line as the children it leads to. Nodes are laid
// out breadth first, so the first bytes of words, which every walk reads,
// lie together. Walking from the offsets where words start finds every
// pattern there, shortest first.
package bytetrie

import "sort"

// Trie is a compiled set of patterns. The zero value matches nothing.
type Trie struct {
	data []int32
}

// Node is a state of a walk: the bytes read so far. None is no state.
type Node int32

// None is the node of a walk that matches nothing more.
const None Node = -1

// Build compiles the patterns; pattern i is reported as i. Of equal
// patterns the first is reported.
func Build(patterns []string) *Trie {
	// a map-based trie first, flattened below
	type node struct {
		next map[byte]int
		pat  int
	}
	nodes := []node{{pat: -1}}
	for i, p := range patterns {
		n := 0
		for j := 0; j < len(p); j++ {
			if nodes[n].next == nil {
				nodes[n].next = map[byte]int{}
			}
			k, ok := nodes[n].next[p[j]]
			if !ok {
				k = len(nodes)
				nodes = append(nodes, node{pat: -1})
				nodes[n].next[p[j]] = k
			}
			n = k
		}
		if nodes[n].pat < 0 {
			nodes[n].pat = i
		}
	}
	// breadth first: offsets are known before the children are written
	order := []int{0}
	width := func(n node) (lo byte, w int) {
		if len(n.next) == 0 {
			return 0, 0
		}
		lo, hi := byte(255), byte(0)
		for c := range n.next {
			lo, hi = min(lo, c), max(hi, c)
		}
		return lo, int(hi-lo) + 1
	}
	offset := make([]int32, len(nodes))
	size := 0
	for k := 0; k < len(order); k++ {
		n := nodes[order[k]]
		offset[order[k]] = int32(size)
		_, w := width(n)
		size += 2 + w
		cs := make([]int, 0, len(n.next))
		for c := range n.next {
			cs = append(cs, int(c))
		}
		sort.Ints(cs)
		for _, c := range cs {
			order = append(order, n.next[byte(c)])
		}
	}
	t := &Trie{data: make([]int32, size)}
	for _, k := range order {
		n, o := nodes[k], offset[k]
		lo, w := width(n)
		t.data[o] = int32(lo) | int32(w)<<8
		t.data[o+1] = int32(n.pat)
		for c, child := range n.next {
			t.data[int(o)+2+int(c-lo)] = offset[child] // never 0: the root is no child
		}
	}
	return t
}

// Root returns the start of a walk, None for an empty trie.
func (t *Trie) Root() Node {
	if t == nil || len(t.data) == 0 {
		return None
	}
	return 0
}

// Step returns the node after reading byte c at n, or None when no pattern
// goes on that way. n must not be None.
func (t *Trie) Step(n Node, c byte) Node {
	h := t.data[n]
	d := uint(c) - uint(h&0xFF)
	if d >= uint(h>>8) {
		return None
	}
	if k := t.data[int(n)+2+int(d)]; k != 0 {
		return Node(k)
	}
	return None
}

// Pattern returns the index of the pattern that ends at n, or -1.
func (t *Trie) Pattern(n Node) int { return int(t.data[n+1]) }

// Each calls fn with the end offset and index of every pattern that starts
// at hay[at], shortest first.
func (t *Trie) Each(hay []byte, at int, fn func(end, pattern int)) {
	n := t.Root()
	for j := at; n != None && j < len(hay); j++ {
		if n = t.Step(n, hay[j]); n != None {
			if p := t.Pattern(n); p >= 0 {
				fn(j+1, p)
			}
		}
	}
}
