package quotes

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// mention is a reference to a possible speaker in the text.
type mention struct {
	Span
	how     Attribution // ByName, ByRole or ByPronoun
	speaker int         // roster index, or -1
	name    string      // the name as written, for speakers off the roster
	role    string      // role key, for role mentions
	gender  byte        // 'f', 'm', 'n', 'p' or 0
	org     int         // for role mentions: roster index + 1 of the organization beside it
	subject bool        // marked as the subject (Hindi "ने")
	quoted  bool        // inside a quotation: a name someone said, not a speaker
	object  bool        // marked as not the speaker ("को", "to X")
}

// docState is the working state of one document's extraction.
type docState struct {
	x    *Extractor
	d    *Document
	c    *compiled
	text string
	// wordSet holds every word of the text as written, built on first use
	// (hasWord)
	wordSet map[string]struct{}
	hits    []hit // lexicon hits, by start
	ments   []mention
	paras   []Span
	stops   *stops // where sentences may end and marks stand
	sents   []Span // every sentence, in order
	sentP   []int  // paragraph index of each sentence
	// roleOf binds a role key to the speaker the article names with it
	// ("CSTO Secretary General Stanislav Zas").
	roleOf map[string][]roleBinding
	out    []Quote
	// wordIdx holds the byte offsets where words start (every two
	// characters of a script without spaces start one).
	wordIdx []int32
	// before counts the words that start before a byte offset: word
	// counts, asked for at every step of attribution, without a search
	before *rank
	folded []byte // the text lowercased, byte for byte
	// buffers holds folded, wordIdx and before, to be reused
	buffers *textIndex
	// kinds holds what each marked quotation was read as.
	kinds map[Span]Kind
	// forQuote is set while a marked quotation is attributed.
	forQuote bool
	// nerCache holds prose's person names by region.
	nerCache map[Span][]Span
}

type roleBinding struct {
	at      int
	speaker int
	name    string
}

func (x *Extractor) newState(d *Document) *docState {
	c := x.pack(d.Lang)
	st := &docState{x: x, d: d, c: c, text: d.Text, roleOf: map[string][]roleBinding{}}
	ix, _ := x.buffers.Get().(*textIndex)
	if ix == nil {
		ix = &textIndex{}
	}
	st.buffers = ix
	ix.index(d.Text, &c.stopLeads)
	st.stops = &ix.stops
	folded, starts := ix.folded, ix.starts
	st.folded, st.wordIdx, st.before = folded, ix.words, &ix.before
	var names []hit
	if c.both != nil {
		st.hits, names = c.both.find(d.Text, folded, starts)
	} else {
		st.hits, names = c.lex.find(d.Text, folded, starts), c.names.find(d.Text, folded, starts)
	}
	st.paras = d.Paragraphs()
	for i, p := range st.paras {
		for _, s := range sentences(d.Text, p, c.split, st.stops) {
			st.sents = append(st.sents, s)
			st.sentP = append(st.sentP, i)
		}
	}
	st.buildMentions(dropNested(names))
	return st
}

// hitsIn returns the lexicon hits that lie within s.
func (st *docState) hitsIn(s Span) []hit {
	i := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].Start >= s.Start })
	j := i
	all := true
	for j < len(st.hits) && st.hits[j].Start < s.End {
		all = all && st.hits[j].End <= s.End
		j++
	}
	if all {
		return st.hits[i:j:j] // no copy: the common case
	}
	out := make([]hit, 0, j-i)
	for _, h := range st.hits[i:j] {
		if h.End <= s.End {
			out = append(out, h)
		}
	}
	return out
}

// kindsAfter returns the set of hit kinds (bit k for kind k) of the word
// that starts at off after white space: what hitAfter would find for each.
func (st *docState) kindsAfter(off int) uint32 {
	s := trimSpan(st.text, Span{off, min(off+64, len(st.text))})
	var mask uint32
	i := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].Start >= s.Start })
	for ; i < len(st.hits) && st.hits[i].Start == s.Start; i++ {
		mask |= 1 << st.hits[i].kind
	}
	if len(st.c.words) > 0 {
		if w := st.wordFrom(s.Start); !w.Empty() {
			mask |= st.c.words[string(st.folded[w.Start:w.End])]
		}
	}
	return mask
}

// wordFrom returns the run of word characters that starts at off.
func (st *docState) wordFrom(off int) Span {
	e := off
	for e < len(st.text) {
		r, n := runes.Decode(st.text, e)
		if !isWordRune(r) {
			break
		}
		e += n
	}
	return Span{off, e}
}

// hitAt returns the hit of kind k that starts at off after white space, if any.
func (st *docState) hitAfter(off int, kinds ...hitKind) (hit, bool) {
	s := trimSpan(st.text, Span{off, min(off+64, len(st.text))})
	i := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].Start >= s.Start })
	for ; i < len(st.hits) && st.hits[i].Start == s.Start; i++ {
		for _, k := range kinds {
			if st.hits[i].kind == k {
				return st.hits[i], true
			}
		}
	}
	if len(st.c.words) > 0 {
		if h, ok := st.wordHit(st.wordFrom(s.Start), kinds); ok {
			return h, true
		}
	}
	return hit{}, false
}

// wordHit looks the word at w up among the positional single words.
func (st *docState) wordHit(w Span, kinds []hitKind) (hit, bool) {
	if w.Empty() {
		return hit{}, false
	}
	mask := st.c.words[string(st.folded[w.Start:w.End])]
	for _, k := range kinds {
		if mask&(1<<k) != 0 {
			return hit{Span: w, kind: k}, true
		}
	}
	return hit{}, false
}

// hitBefore returns the hit of one of kinds that ends at off before white space.
func (st *docState) hitBefore(off int, kinds ...hitKind) (hit, bool) {
	s := trimSpan(st.text, Span{max(0, off-64), off})
	// the hits that end at s.End, last first: they start in the 64 bytes
	// before it
	from := max(0, s.End-64)
	lo := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].Start >= from })
	hi := lo
	for hi < len(st.hits) && st.hits[hi].Start < s.End {
		hi++
	}
	for i := hi - 1; i >= lo; i-- {
		h := st.hits[i]
		if h.End != s.End {
			continue
		}
		for _, k := range kinds {
			if h.kind == k {
				return h, true
			}
		}
	}
	if len(st.c.words) > 0 {
		b := s.End
		for b > s.Start {
			r, n := runes.DecodeLast(st.text, b)
			if !isWordRune(r) {
				break
			}
			b -= n
		}
		if h, ok := st.wordHit(Span{b, s.End}, kinds); ok {
			return h, true
		}
	}
	return hit{}, false
}

// buildMentions collects names, role nouns and pronouns, marks subjects
// and objects, and binds roles given in apposition to the name beside them.
func (st *docState) buildMentions(names []hit) {
	st.ments = make([]mention, 0, len(names)+len(st.hits)/4)
	for _, h := range names {
		sp := &st.x.roster.speakers[h.val]
		g := byte(0)
		if sp.Gender != "" {
			g = sp.Gender[0]
		} else if sp.isOrg() {
			g = 'n'
		}
		st.ments = append(st.ments, mention{Span: h.Span, how: ByName, speaker: h.val, gender: g})
	}
	// role nouns and pronouns, the longest first where they overlap
	var words []hit
	for _, h := range st.hits {
		if h.kind == hitPronoun || h.kind == hitRole {
			words = append(words, h)
		}
	}
	slices.SortStableFunc(words, func(a, b hit) int { return cmp.Compare(b.Len(), a.Len()) })
	// covered marks the bytes that mentions hold, and byWords those of
	// role nouns and pronouns, so overlaps cost nothing
	covered := make([]uint64, len(st.text)/64+1)
	byWords := make([]uint64, len(covered))
	cover := func(bits []uint64, s Span) {
		for i := s.Start; i < s.End; i++ {
			bits[i>>6] |= 1 << (i & 63)
		}
	}
	overlaps := func(bits []uint64, s Span) bool {
		for i := s.Start; i < s.End; i++ {
			if bits[i>>6]&(1<<(i&63)) != 0 {
				return true
			}
		}
		return false
	}
	for _, m := range st.ments {
		cover(covered, m.Span)
	}
	// the names, in text order and apart; those an organization's role
	// takes in are gone
	named := st.ments
	gone := make([]bool, len(named))
	for _, h := range words {
		switch h.kind {
		case hitPronoun:
			if overlaps(covered, h.Span) {
				continue
			}
			st.ments = append(st.ments, mention{Span: h.Span, how: ByPronoun, speaker: -1, gender: byte(h.val)})
			cover(covered, h.Span)
			cover(byWords, h.Span)
		case hitRole:
			m := mention{Span: h.Span, how: ByRole, speaker: -1, role: st.c.roles[h.val]}
			if overlaps(covered, h.Span) {
				// a role phrase that holds an organization's name is the
				// role of someone there: "el jefe de la diplomacia rusa"
				if overlaps(byWords, h.Span) {
					continue
				}
				org, span, ok := st.swallowOrg(named, gone, h.Span)
				if !ok {
					continue
				}
				m.org, m.Span = org+1, span
			}
			st.ments = append(st.ments, m)
			cover(covered, m.Span)
			cover(byWords, m.Span)
		}
	}
	k := 0
	for i, m := range st.ments {
		if i >= len(gone) || !gone[i] {
			st.ments[k] = m
			k++
		}
	}
	st.ments = dropNestedMentions(mergeByStart(st.ments[:k]))
	for i := range st.ments {
		m := &st.ments[i]
		after := st.kindsAfter(m.End)
		if after&(1<<hitSubject) != 0 {
			m.subject = true
		}
		if after&(1<<hitObject) != 0 || (m.how == ByName && m.speaker >= 0 || m.how == ByRole && st.words(m.Span) == 1) && st.objectEnding(m.Span) {
			m.object = true
		} else if !m.subject && m.how == ByName {
			next := st.wordsAfter(m.End, 1)
			if _, ok := st.hitAfter(next, hitObject); ok && next-m.End < 40 {
				if _, verb := st.firstCue(Span{m.End, next}, hitVerb, hitSubject, hitComp); !verb {
					m.object = true
				}
			}
		}
		if _, ok := st.hitBefore(m.Start, hitPrep); ok {
			m.object = true
		}
	}
	// apposition: a role noun within two words of a name names its holder;
	// an organization beside it says whose role it is
	for i, m := range st.ments {
		if m.how != ByRole {
			continue
		}
		for _, j := range []int{i + 1, i - 1, i + 2, i - 2} {
			if j < 0 || j >= len(st.ments) || st.ments[j].how != ByName || st.ments[j].speaker < 0 || !st.x.roster.speakers[st.ments[j].speaker].isOrg() {
				continue
			}
			n := st.ments[j]
			a, b := m.End, n.Start
			if j < i {
				a, b = n.End, m.Start
			}
			if b >= a && st.wordsBetween(a, b) <= 3 && !strings.ContainsAny(st.text[a:b], ",.;:!?،।") {
				st.ments[i].org = n.speaker + 1
				break
			}
		}
		next := i + 1
		if next < len(st.ments) && st.ments[i].org > 0 && st.ments[next].speaker == st.ments[i].org-1 {
			next++ // the role's organization stands between it and its holder
		}
		// a holder the roster gives the role comes first: in "Zakharova, the
		// ministry's spokeswoman, answered Blinken" the role is Zakharova's
		order := []int{next, i - 1}
		if j := i - 1; j >= 0 && next < len(st.ments) && st.ments[j].how == ByName && st.ments[j].speaker >= 0 &&
			st.ments[next].how == ByName && st.ments[next].speaker >= 0 &&
			st.x.roster.speakers[st.ments[j].speaker].hasRole(m.role) && !st.x.roster.speakers[st.ments[next].speaker].hasRole(m.role) {
			order = []int{i - 1, next}
		}
		for _, j := range order {
			if j < 0 || j >= len(st.ments) || st.ments[j].how != ByName || st.ments[j].speaker < 0 {
				continue
			}
			n := st.ments[j]
			if st.x.roster.speakers[n.speaker].isOrg() {
				continue
			}
			a, b := m.End, n.Start
			if j < i {
				a, b = n.End, m.Start
			}
			limit := 2
			if j == next && next > i+1 {
				limit = 3 + st.words(st.ments[i+1].Span)
			}
			if gap := st.text[a:b]; st.wordsBetween(a, b) <= limit && !strings.ContainsAny(gap, ".;:!?।") {
				st.roleOf[m.role] = append(st.roleOf[m.role], roleBinding{at: m.Start, speaker: n.speaker})
				st.ments[i].speaker = n.speaker // resolved in place
				break
			}
		}
	}
}

// swallowOrg takes in the organization's name that lies inside the role
// span s, marking it gone, and returns its roster index and the span of
// both; it refuses when another name overlaps s. names are in text order
// and do not overlap, as dropNested leaves them.
func (st *docState) swallowOrg(names []mention, gone []bool, s Span) (int, Span, bool) {
	org := -1
	u := s
	first := sort.Search(len(names), func(i int) bool { return names[i].End > s.Start })
	last := first
	for ; last < len(names) && names[last].Start < s.End; last++ {
		if gone[last] {
			continue
		}
		m := names[last]
		if m.speaker < 0 || !st.x.roster.speakers[m.speaker].isOrg() || m.Start < s.Start {
			return -1, s, false
		}
		org = m.speaker
		u.End = max(u.End, m.End)
	}
	if org < 0 {
		return -1, s, false
	}
	for i := first; i < len(names) && names[i].Start < u.End; i++ {
		if names[i].Start >= u.Start && names[i].End <= u.End {
			gone[i] = true
		}
	}
	return org, u, true
}

func overlapsMention(ms []mention, s Span) bool {
	for _, m := range ms {
		if m.Start < s.End && s.Start < m.End {
			return true
		}
	}
	return false
}

// mergeByStart sorts ms by start: a run of names, sorted, followed by the
// role nouns and pronouns, which are sorted and merged in (names first
// where two start together).
func mergeByStart(ms []mention) []mention {
	k := 0
	for k < len(ms) && ms[k].how == ByName {
		k++
	}
	names, words := ms[:k], ms[k:]
	byStart := func(a, b mention) int { return cmp.Compare(a.Start, b.Start) }
	if !slices.IsSortedFunc(names, byStart) {
		slices.SortStableFunc(ms, byStart)
		return ms
	}
	slices.SortFunc(words, byStart) // they do not overlap: no two start together
	out := make([]mention, 0, len(ms))
	i, j := 0, 0
	for i < len(names) && j < len(words) {
		if words[j].Start < names[i].Start {
			out = append(out, words[j])
			j++
		} else {
			out = append(out, names[i])
			i++
		}
	}
	out = append(out, names[i:]...)
	return append(out, words[j:]...)
}

func dropNestedMentions(ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			if m.Len() > out[n-1].Len() && m.how == out[n-1].how {
				out[n-1] = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// sentenceAt returns the index of the sentence that holds off, or -1.
func (st *docState) sentenceAt(off int) int {
	i := sort.Search(len(st.sents), func(i int) bool { return st.sents[i].End > off })
	if i < len(st.sents) && st.sents[i].Start <= off {
		return i
	}
	if i < len(st.sents) && i > 0 && off >= st.sents[i-1].End {
		return i // in the gap before sentence i
	}
	return min(i, len(st.sents)-1)
}

// paraAt returns the index of the paragraph that holds off.
func (st *docState) paraAt(off int) int {
	i := sort.Search(len(st.paras), func(i int) bool { return st.paras[i].End >= off })
	return min(i, len(st.paras)-1)
}

// mentionsIn returns the mentions inside s.
//
// Mentions are disjoint and sorted, so those inside s are a run of them:
// the result is a view of st.ments, not to be changed, and good until the
// next addMention.
func (st *docState) mentionsIn(s Span) []mention {
	i := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].Start >= s.Start })
	j := i
	for j < len(st.ments) && st.ments[j].Start < s.End && st.ments[j].End <= s.End {
		j++
	}
	return st.ments[i:j:j]
}

// textIndex is what matching needs of a text, read in one pass: its
// folded copy (see fold), the byte offsets where words start as countWords
// counts them (every two characters of a script without spaces start one),
// where a lexicon match may start (where a word does, and at every
// character of a script without spaces), for every byte offset how many
// words start before it, and the stops of the sentence splitter and the
// mark scanner. Its buffers are reused from text to text.
type textIndex struct {
	folded        []byte
	words, starts []int32
	before        rank
	stops         stops
}

// indexText indexes text into new buffers.
func indexText(text string) (folded []byte, words, starts []int32) {
	var ix textIndex
	ix.index(text, nil)
	return ix.folded, ix.words, ix.starts
}

// index indexes text. leads are the first bytes of the characters that
// may end a sentence or be a quotation mark (see stopLeads); with nil, no
// stops are kept.
func (ix *textIndex) index(text string, leads *leadSet) {
	folded := append(ix.folded[:0], text...)
	words := ix.words[:0]
	starts := ix.starts[:0]
	at := ix.stops.at[:0]
	in, han := false, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				if leads != nil && leads.has(c) {
					at = append(at, int32(i))
				}
				han, in = 0, false
				i++
				continue
			}
			if !in {
				words = append(words, int32(i))
				starts = append(starts, int32(i))
			}
			han, in = 0, true
			// the rest of the word's ASCII letters and digits
			for {
				folded[i] = asciiWord[c]
				if i++; i == len(text) {
					break
				}
				if c = text[i]; c >= utf8.RuneSelf || asciiWord[c] == 0 {
					break
				}
			}
			continue
		}
		if leads != nil && leads.has(c) {
			at = append(at, int32(i))
		}
		if r, size := runes.Decode2(text, i); size != 0 {
			// the two-byte form, from a table: no Han there
			e := twoByte[r]
			folded[i], folded[i+1] = e.fold[0], e.fold[1]
			if e.word && !in {
				words = append(words, int32(i))
				starts = append(starts, int32(i))
			}
			han, in = 0, e.word
			i += 2
			// the rest of the word in the two-byte form
			for in && i+1 < len(text) {
				c, c1 := text[i], text[i+1]
				if c-0xC2 >= 0xE0-0xC2 || c1&0xC0 != 0x80 {
					break
				}
				e := &twoByte[rune(c&0x1F)<<6|rune(c1&0x3F)]
				if !e.word {
					break
				}
				if leads != nil && leads.has(c) {
					at = append(at, int32(i))
				}
				folded[i], folded[i+1] = e.fold[0], e.fold[1]
				i += 2
			}
			continue
		}
		r, size := runes.Decode(text, i)
		foldInto(folded, i, r, size)
		switch {
		case isHan(r):
			if han%2 == 0 {
				words = append(words, int32(i))
			}
			starts = append(starts, int32(i))
			han++
			in = false
		default:
			w := isWordRune(r)
			if w && !in {
				words = append(words, int32(i))
				starts = append(starts, int32(i))
			}
			han, in = 0, w
		}
		i += size
	}
	ix.folded, ix.words, ix.starts = folded, words, starts
	ix.stops = stops{at: at, read: leads != nil}
	ix.before.build(words, len(text))
}

// twoByte holds, for each rune of the two-byte form of UTF-8, its folded
// form (foldInto's) and whether it belongs to a word.
var twoByte = func() (t [0x800]struct {
	fold [2]byte
	word bool
}) {
	for r := rune(0x80); r < 0x800; r++ {
		b := utf8.AppendRune(nil, r)
		foldInto(b, 0, r, 2)
		t[r].fold = [2]byte(b)
		t[r].word = isWordRune(r)
	}
	return t
}()

// stops lists where the characters start whose first byte is the first
// byte of one of a language's terminators or marks (stopLeads), as the
// text index finds them. The sentence splitter and the mark scanner visit
// these offsets instead of every byte. Unread (the zero value, or nil),
// every byte is visited.
type stops struct {
	at   []int32
	read bool
}

// cursor returns the index in s.at of the first stop at or after off.
func (s *stops) cursor(off int) int {
	if s == nil {
		return 0
	}
	return sort.Search(len(s.at), func(k int) bool { return int(s.at[k]) >= off })
}

// next returns the first stop at or after i and before end, and end when
// there is none; unread, it returns i. k is the caller's cursor into s.at,
// moved forward.
func (s *stops) next(k *int, i, end int) int {
	if s == nil || !s.read {
		return i
	}
	for *k < len(s.at) && int(s.at[*k]) < i {
		*k++
	}
	if *k < len(s.at) && int(s.at[*k]) < end {
		return int(s.at[*k])
	}
	return end
}

// asciiWord maps the ASCII letters and digits, which are word characters,
// to their lower case, and every other ASCII byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// rank counts the members of a set of offsets 0..n that lie before an
// offset: a bit for every offset, and the count before every 64.
type rank struct {
	bits []uint64
	cum  []int32
	n    int
}

// build makes r the set of offsets (ascending, at most n).
func (r *rank) build(offsets []int32, n int) {
	w := n/64 + 1
	r.bits = slices.Grow(r.bits[:0], w)[:w]
	clear(r.bits)
	r.cum = slices.Grow(r.cum[:0], w)[:w]
	r.n = n
	for _, o := range offsets {
		r.bits[o>>6] |= 1 << (o & 63)
	}
	c := int32(0)
	for k, b := range r.bits {
		r.cum[k] = c
		c += int32(bits.OnesCount64(b))
	}
}

// before returns how many of the offsets are less than off, off clamped
// to 0..n.
func (r *rank) before(off int) int {
	off = max(0, min(off, r.n))
	k := off >> 6
	return int(r.cum[k]) + bits.OnesCount64(r.bits[k]&(1<<(off&63)-1))
}

// startsBefore returns how many words start before byte off.
func (st *docState) startsBefore(off int) int {
	return st.before.before(off)
}

// words counts the words in s like countWords, from the index. Inside a
// run of characters of a script without spaces it counts the pairs the
// run started with, which may be one fewer than countWords.
func (st *docState) words(s Span) int {
	if s.End <= s.Start {
		return 0
	}
	k := st.startsBefore(s.Start)
	n := st.startsBefore(s.End) - k
	// a word that began before s and runs into it counts once
	if s.Start > 0 && (k >= len(st.wordIdx) || int(st.wordIdx[k]) != s.Start) {
		r := nextRune(st.text, s.Start)
		if p := prevRune(st.text, s.Start); isWordRune(r) && isWordRune(p) && !isHan(r) && !isHan(p) {
			n++
		}
	}
	return n
}

// nearWordsAfter returns about where the word n+1 after off starts, from
// the index (a bound for searches, not an exact position).
func (st *docState) nearWordsAfter(off, n int) int {
	k := st.startsBefore(off) + n
	if k >= len(st.wordIdx) {
		return len(st.text)
	}
	return int(st.wordIdx[k])
}

// wordsBetween counts the words between two offsets, in either order.
func (st *docState) wordsBetween(a, b int) int {
	if a > b {
		a, b = b, a
	}
	return st.words(Span{a, b})
}

// objectEnding reports whether the last word of s ends with one of the
// pack's object endings, with at least three letters before it.
func (st *docState) objectEnding(s Span) bool {
	if len(st.c.pack.Names.ObjectEndings) == 0 {
		return false
	}
	w := st.text[s.Start:s.End]
	w = w[strings.LastIndexByte(w, ' ')+1:]
	for _, e := range st.c.pack.Names.ObjectEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 {
			return true
		}
	}
	return false
}
