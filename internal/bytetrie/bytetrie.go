// Package bytetrie finds which of a set of byte strings start at an offset.
//
// Each node keeps its children in a dense slice over the range of bytes it
// uses, so one step is a range check and an index: text in one script
// touches few nodes, and they lie close together in memory. Walking from
// the offsets where words start finds every pattern there, shortest first.
package bytetrie

// Trie is a compiled set of patterns. The zero value matches nothing.
type Trie struct {
	nodes []Node
	kids  []int32 // children of node n: kids[n.base : n.base+n.width], 0 none
}

// Node is a state of the walk: the bytes read so far.
type Node struct {
	base  int32
	pat   int32 // the pattern that ends here, or -1
	lo    byte  // the byte of kids[base]
	width uint16
}

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
	t := &Trie{nodes: make([]Node, len(nodes)), kids: []int32{0}}
	for i, n := range nodes {
		tn := Node{pat: int32(n.pat)}
		if len(n.next) > 0 {
			lo, hi := byte(255), byte(0)
			for c := range n.next {
				lo, hi = min(lo, c), max(hi, c)
			}
			tn.lo, tn.width, tn.base = lo, uint16(hi-lo)+1, int32(len(t.kids))
			t.kids = append(t.kids, make([]int32, tn.width)...)
			for c, k := range n.next {
				t.kids[int(tn.base)+int(c-lo)] = int32(k)
			}
		}
		t.nodes[i] = tn
	}
	return t
}

// Root returns the start of a walk, or nil for an empty trie.
func (t *Trie) Root() *Node {
	if t == nil || len(t.nodes) == 0 {
		return nil
	}
	return &t.nodes[0]
}

// Step returns the node after reading byte c at n, or nil when no pattern
// goes on that way.
func (t *Trie) Step(n *Node, c byte) *Node {
	d := uint(c) - uint(n.lo)
	if d >= uint(n.width) {
		return nil
	}
	k := t.kids[int(n.base)+int(d)]
	if k == 0 {
		return nil
	}
	return &t.nodes[k]
}

// Pattern returns the index of the pattern that ends at n, or -1.
func (n *Node) Pattern() int { return int(n.pat) }

// Each calls fn with the end offset and index of every pattern that starts
// at hay[at], shortest first.
func (t *Trie) Each(hay []byte, at int, fn func(end, pattern int)) {
	n := t.Root()
	for j := at; n != nil && j < len(hay); j++ {
		if n = t.Step(n, hay[j]); n != nil && n.pat >= 0 {
			fn(j+1, int(n.pat))
		}
	}
}
