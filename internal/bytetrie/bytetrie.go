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
	offset := make([]int32, len(nodes))
	size := 0
	for k := range nodes {
		offset[k] = int32(size)
		size += 2 + int(nodes[k].w)
	}
	t := &Trie{data: make([]int32, size)}
	for k, n := range nodes {
		o := offset[k]
		t.data[o] = n.first | n.w<<8
		t.data[o+1] = n.pat
		for c := n.kid0; c < n.kid0+n.kids; c++ {
			b := patterns[idx[nodes[c].lo]][n.depth]
			t.data[int(o)+2+int(b)-int(n.first)] = offset[c] // never 0: the root is no child
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
