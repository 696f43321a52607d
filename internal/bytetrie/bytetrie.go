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
	// Sorted, the patterns under a node are a run, and its children's runs
	// follow each other: the trie is read off breadth first.
	idx := make([]int, len(patterns))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return patterns[idx[a]] < patterns[idx[b]] })
	type node struct {
		lo, hi, depth int // the run of idx under the node, and its depth
		pat           int
		first, w      int // the byte of its first child, and the width of its range
		kids          []int
	}
	nodes := []node{{lo: 0, hi: len(idx), depth: 0}}
	for k := 0; k < len(nodes); k++ {
		n := &nodes[k]
		n.pat = -1
		lo := n.lo
		for lo < n.hi && len(patterns[idx[lo]]) == n.depth {
			if n.pat < 0 {
				n.pat = idx[lo] // the first of equal patterns, by stable sort
			}
			lo++
		}
		var kids []int
		for lo < n.hi {
			c := patterns[idx[lo]][n.depth]
			hi := lo + 1
			for hi < n.hi && patterns[idx[hi]][n.depth] == c {
				hi++
			}
			kids = append(kids, len(nodes))
			nodes = append(nodes, node{lo: lo, hi: hi, depth: n.depth + 1})
			lo = hi
		}
		n = &nodes[k] // nodes may have moved
		n.kids = kids
		if len(kids) > 0 {
			first := patterns[idx[nodes[kids[0]].lo]][n.depth]
			last := patterns[idx[nodes[kids[len(kids)-1]].lo]][n.depth]
			n.first, n.w = int(first), int(last)-int(first)+1
		}
	}
	offset := make([]int32, len(nodes))
	size := 0
	for k := range nodes {
		offset[k] = int32(size)
		size += 2 + nodes[k].w
	}
	t := &Trie{data: make([]int32, size)}
	for k, n := range nodes {
		o := offset[k]
		t.data[o] = int32(n.first) | int32(n.w)<<8
		t.data[o+1] = int32(n.pat)
		for _, c := range n.kids {
			b := patterns[idx[nodes[c].lo]][n.depth]
			t.data[int(o)+2+int(b)-n.first] = offset[c] // never 0: the root is no child
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
