package stance

import "encoding/binary"

// byteStarts records the first bytes of a set of patterns, so that a word
// no pattern begins is most often told in a step or two: a word that a
// pattern of up to three bytes begins has that pattern's first two bytes
// (its one byte, if it has only one), and one that a longer pattern begins
// has its first four.
type byteStarts struct {
	// short holds the first two bytes of the patterns of two or three
	// bytes, and every pair of bytes that a pattern of one byte begins. A
	// word of one byte is looked up with a 0 after it, which no word holds.
	short bitSet
	// heads holds the first four bytes of the longer patterns, hashed.
	heads bitSet
}

// bitSet is a set of 16-bit numbers.
type bitSet [1 << 16 / 64]uint64

func (b *bitSet) add(k uint16)      { b[k/64] |= 1 << (k % 64) }
func (b *bitSet) has(k uint16) bool { return b[k/64]&(1<<(k%64)) != 0 }

// add records pattern p. An empty pattern begins no word and is left out.
func (s *byteStarts) add(p string) {
	switch {
	case len(p) == 0:
	case len(p) == 1:
		for c := range 256 {
			s.short.add(uint16(p[0])<<8 | uint16(c))
		}
	case len(p) < 4:
		s.short.add(uint16(p[0])<<8 | uint16(p[1]))
	default:
		s.heads.add(headHash(binary.LittleEndian.Uint32([]byte(p[:4]))))
	}
}

// mayBegin reports whether a pattern of the set may begin word. It is false
// only if none does.
func (s *byteStarts) mayBegin(word []byte) bool {
	if len(word) == 0 {
		return false
	}
	k := uint16(word[0]) << 8
	if len(word) > 1 {
		k |= uint16(word[1])
	}
	return s.short.has(k) || len(word) >= 4 && s.heads.has(headHash(binary.LittleEndian.Uint32(word)))
}

// headHash hashes the first four bytes of a pattern or a word, read as a
// number, to 16 bits (Fibonacci hashing).
func headHash(b uint32) uint16 { return uint16(b * 0x9E3779B1 >> 16) }
