package quotes

// blockShift sets the size of the blocks of text, 64 bytes, by which a
// blockIndex finds its place in a sorted list of spans.
const blockShift = 6

// blockIndex finds, in a list of spans sorted by one of their offsets (the
// key), where to start looking for the first span whose key is at or past
// an offset: it keeps, for each 64-byte block of the text, the first span
// whose key is at or past the block's start. A search then steps over the
// few spans of one block instead of bisecting the whole list, which the
// attribution of every cue does many times.
type blockIndex []int32

// newBlockIndex indexes n spans over a text of size bytes; key(i) is the
// key of span i, which does not decrease with i.
func newBlockIndex(size, n int, key func(int) int) blockIndex {
	b := make(blockIndex, size>>blockShift+1)
	i := 0
	for k := range b {
		for i < n && key(i) < k<<blockShift {
			i++
		}
		b[k] = int32(i)
	}
	return b
}

// start returns an index at or before the first span whose key is at or
// past off; the spans between it and that one lie in off's block.
func (b blockIndex) start(off int) int {
	if off <= 0 || len(b) == 0 {
		return 0
	}
	return int(b[min(off>>blockShift, len(b)-1)])
}
