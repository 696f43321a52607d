// Package bytetrie finds which of a set of byte strings start at an offset.
//
// The trie lives in one slice: each node is the pattern that ends there, if
// one does, a header, and then its children; a leaf, which ends a pattern
// and has no children, is its pattern alone. A node with few children
// spread over a range wider than 32 bytes (a space and the first bytes of
// letters, as in names of several words) lists them, their bytes packed in
// one word that a step searches at once, and then their references; the
// others hold one entry a byte of their range, so that a step is a range
// check and an index. A reference tells whether a pattern ends at the node
// it points to, and whether that node is a leaf, where a walk stops. A path
// on which no pattern ends and nothing branches, as in the tail of most
// words and names, is one node, a chain: the path's bytes, compared four at
// a time, and the node at its end. Chains make a trie of names about a
// third of the size it would be. Nodes are laid out depth first, a node's
// first child right after it, so that a walk down a long word or name reads
// memory that lies together. The root's children are also held in a table
// by byte, for the first step of every walk. Matches walks from one offset
// and finds every pattern there, shortest first; MatchAll walks from many
// in one call, as a text's word starts are.
//
// A trie may extend another by more patterns (Extend): where only the
// other's patterns lie below a node, a reference with its own bit points
// into the other's data, and the walk goes on there. Tries that extend one
// large trie by a few patterns each hold little of their own, and share
// the large one's memory in the cache.
package bytetrie
