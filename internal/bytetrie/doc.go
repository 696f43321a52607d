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
