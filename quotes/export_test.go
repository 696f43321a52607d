package quotes

// Mentions reads d as extraction does up to its mentions (the text index,
// the lexicon hits, the sentences and the mentions of names, role nouns and
// pronouns) and returns how many it found, for benchmarks.
func (x *Extractor) Mentions(d *Document) int {
	st := x.newState(d)
	st.buffers.ments = st.ments
	x.buffers.Put(st.buffers)
	return len(st.ments)
}

// EvalDocs returns the articles of the evaluation corpus, each with the
// language of its folder, for benchmarks.
var EvalDocs = evalDocs
