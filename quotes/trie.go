package quotes

// trie finds which of a set of byte patterns start at a given offset. Each
// node keeps its children in a dense slice over the range of bytes it uses,
// so one step is a range check and an index: text in one script touches few
// nodes, and those lie close together in memory.
type trie struct {
	nodes []trieNode
	kids  []int32 // children of node n: kids[n.base : n.base+n.width], 0 none
}

type trieNode struct {
	base  int32
	pat   int32 // the pattern that ends here, or -1
	lo    byte  // the byte of kids[base]
	width uint16
}

// buildTrie compiles the patterns; pattern i is reported as i.
func buildTrie(patterns []string) *trie {
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
	t := &trie{nodes: make([]trieNode, len(nodes)), kids: []int32{0}}
	for i, n := range nodes {
		tn := trieNode{pat: int32(n.pat)}
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

// step returns the child of n by byte c, or nil.
func (t *trie) step(n *trieNode, c byte) *trieNode {
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
