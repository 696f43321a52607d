package stance

// byteStarts records the first two bytes of a set of patterns, so that a
// word no pattern begins is most often told in one step: a word that a
// pattern begins has that pattern's first two bytes (its one byte, if it
// has only one).
type byteStarts struct {
	one [256 / 64]uint64     // patterns of one byte
	two [1 << 16 / 64]uint64 // the first two bytes of the longer ones
}

// add records pattern p. An empty pattern begins no word and is left out.
func (s *byteStarts) add(p string) {
	switch {
	case len(p) == 1:
		s.one[p[0]/64] |= 1 << (p[0] % 64)
	case len(p) > 1:
		k := uint16(p[0])<<8 | uint16(p[1])
		s.two[k/64] |= 1 << (k % 64)
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
	return s.two[k/64]&(1<<(k%64)) != 0
}
