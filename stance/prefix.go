package stance

// byteStarts records the first bytes of a set of patterns, so that a word
// no pattern begins is most often told in a step or two: a word that a
// pattern begins has that pattern's first two bytes (its one byte, if it
// has only one), and its first four bytes if it has four or more.
type byteStarts struct {
	one [256 / 64]uint64     // patterns of one byte
	two [1 << 16 / 64]uint64 // the first two bytes of the longer ones
	// heads holds, hashed, the first four bytes of the patterns of four
	// bytes or more, and the first two bytes of those of two or three
	heads [1 << headBits / 64]uint64
}

// headBits is the size of the hash of a pattern's head, in bits.
const headBits = 16

// add records pattern p. An empty pattern begins no word and is left out.
func (s *byteStarts) add(p string) {
	switch {
	case len(p) == 1:
		s.one[p[0]/64] |= 1 << (p[0] % 64)
	case len(p) > 1:
		k := uint16(p[0])<<8 | uint16(p[1])
		s.two[k/64] |= 1 << (k % 64)
		h := headHash(head(p[0], p[1], 0, 0))
		if len(p) >= 4 {
			h = headHash(head(p[0], p[1], p[2], p[3]))
		}
		s.heads[h/64] |= 1 << (h % 64)
	}
}

// mayBegin reports whether a pattern of the set may begin word. It is false
// only if none does.
func (s *byteStarts) mayBegin(word []byte) bool {
	if len(word) == 0 {
		return false
	}
	if s.one[word[0]/64]&(1<<(word[0]%64)) != 0 {
		return true
	}
	if len(word) == 1 {
		return false
	}
	k := uint16(word[0])<<8 | uint16(word[1])
	if s.two[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	// A pattern of two or three bytes begins with the word's first two, or
	// one of four or more with its first four.
	if h := headHash(head(word[0], word[1], 0, 0)); s.heads[h/64]&(1<<(h%64)) != 0 {
		return true
	}
	if len(word) < 4 {
		return false
	}
	h := headHash(head(word[0], word[1], word[2], word[3]))
	return s.heads[h/64]&(1<<(h%64)) != 0
}

// head packs the first bytes of a pattern or a word; the head of a short
// pattern has zeros for its last two, which no word holds.
func head(b0, b1, b2, b3 byte) uint32 {
	return uint32(b0) | uint32(b1)<<8 | uint32(b2)<<16 | uint32(b3)<<24
}

// headHash hashes a head to headBits bits (Fibonacci hashing).
func headHash(h uint32) uint32 { return h * 0x9E3779B1 >> (32 - headBits) }
