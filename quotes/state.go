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
	// wordSeen holds the words hasWord was asked for, and whether the text
	// holds them
	wordSeen map[string]bool
	hits     []hit // lexicon hits, by start
	// hitKinds holds the kinds of the hits and of the pack's positional
	// words (bit k for kind k): a lookup of other kinds finds nothing
	hitKinds uint32
	ments    []mention
	paras    []Span
	stops    *stops // where sentences may end and marks stand
	sents    []Span // every sentence, in order
	sentP    []int  // paragraph index of each sentence
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
	// clauses are the reported clauses of the first reading, while the
	// marked quotes are attributed
	clauses []Span
	// forQuote is set while a marked quotation is attributed.
	forQuote bool
	// hitBlocks, sentBlocks and paraBlocks index hits, sentences and
	// paragraphs by offset, built at their first search
	hitBlocks, sentBlocks, paraBlocks blockIndex
	// nerCache holds prose's person names by region.
	nerCache map[Span][]Span
	// capRuns holds the document's runs of capitalized words (names off
	// the roster as first written), found on first use.
	capRuns []Span
	capDone bool
	// runs holds the document's runs of capitalized words, without and
	// with sentence-initial words (rawRuns), read on first use.
	runs     [2][][]Span
	runsDone bool
	// runBlocks index the runs of each mode by the end of their last word
	runBlocks [2]blockIndex
	// bySurname files the person runs of capRuns by the stem of their last
	// word, built on first use.
	bySurname map[string][]Span
	// turns holds the bodies of transcript turns, by start.
	turns []Span
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
	switch {
	case c.both != nil:
		st.hits, names = c.both.find(d.Text, folded, starts, ix.hits, ix.names)
		ix.hits, ix.names = st.hits, names
	case len(c.prefixes) > 0:
		ix.nameStarts = c.prefixStarts(ix.nameStarts[:0], folded, d.Text, starts)
		st.hits, names = c.lex.find(d.Text, folded, starts), c.names.find(d.Text, folded, ix.nameStarts)
	default:
		st.hits, names = c.lex.find(d.Text, folded, starts), c.names.find(d.Text, folded, starts)
	}
	if c.pack.NoSpaces {
		st.hits, names = dropPlain(st.hits, names)
	}
	st.hitKinds = c.words.all
	for _, h := range st.hits {
		st.hitKinds |= 1 << h.kind
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

// hitFrom returns the index of the first hit that starts at or after off.
func (st *docState) hitFrom(off int) int {
	if st.hitBlocks == nil {
		st.hitBlocks = newBlockIndex(len(st.text), len(st.hits), func(i int) int { return st.hits[i].Start })
	}
	i := st.hitBlocks.start(off)
	for i < len(st.hits) && st.hits[i].Start < off {
		i++
	}
	return i
}

// hitsIn returns the lexicon hits that lie within s.
func (st *docState) hitsIn(s Span) []hit {
	i := st.hitFrom(s.Start)
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

// spaceEnd returns where the white space that starts at off ends, at end
// at the latest (or past it, within a character): trimSpan's start of
// Span{off, end}, without reading its end.
func spaceEnd(text string, off, end int) int {
	for off < end {
		r, n := rune(text[off]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(text, off)
		}
		if !isSpace(r) {
			break
		}
		off += n
	}
	return off
}

// trimmedEnd returns trimSpan's end of Span{start, end}, read back from end:
// only where white space runs back to start is the front read too.
func trimmedEnd(text string, start, end int) int {
	for e := end; e > start; {
		r, n := rune(text[e-1]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.DecodeLast(text, e)
		}
		if !isSpace(r) {
			return e
		}
		e -= n
	}
	return trimSpan(text, Span{start, end}).End
}

// kindsAfter returns the set of hit kinds (bit k for kind k) of the word
// that starts at off after white space: what hitAfter would find for each.
func (st *docState) kindsAfter(off int) uint32 {
	s := Span{Start: spaceEnd(st.text, off, min(off+64, len(st.text)))}
	var mask uint32
	i := st.hitFrom(s.Start)
	for ; i < len(st.hits) && st.hits[i].Start == s.Start; i++ {
		mask |= 1 << st.hits[i].kind
	}
	if !st.c.words.empty() {
		if w := st.wordFrom(s.Start); !w.Empty() {
			mask |= st.c.words.of(st.folded[w.Start:w.End])
		}
	}
	return mask
}

// wordFrom returns the run of word characters that starts at off.
func (st *docState) wordFrom(off int) Span {
	e := off
	for e < len(st.text) {
		r, n := rune(st.text[e]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, e)
		}
		if !isWordRune(r) {
			break
		}
		e += n
	}
	return Span{off, e}
}

// mayHold reports whether the document holds hits or positional words of
// any of kinds.
func (st *docState) mayHold(kinds []hitKind) bool {
	for _, k := range kinds {
		if st.hitKinds&(1<<k) != 0 {
			return true
		}
	}
	return false
}

// hitAt returns the hit of kind k that starts at off after white space, if any.
func (st *docState) hitAfter(off int, kinds ...hitKind) (hit, bool) {
	if !st.mayHold(kinds) {
		return hit{}, false
	}
	s := Span{Start: spaceEnd(st.text, off, min(off+64, len(st.text)))}
	i := st.hitFrom(s.Start)
	for ; i < len(st.hits) && st.hits[i].Start == s.Start; i++ {
		for _, k := range kinds {
			if st.hits[i].kind == k {
				return st.hits[i], true
			}
		}
	}
	if !st.c.words.empty() {
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
	mask := st.c.words.of(st.folded[w.Start:w.End])
	for _, k := range kinds {
		if mask&(1<<k) != 0 {
			return hit{Span: w, kind: k}, true
		}
	}
	return hit{}, false
}

// hitBefore returns the hit of one of kinds that ends at off before white space.
func (st *docState) hitBefore(off int, kinds ...hitKind) (hit, bool) {
	if !st.mayHold(kinds) {
		return hit{}, false
	}
	// s.End is trimSpan's; s.Start stays before any white space there,
	// where the walk back over a word below stops all the same
	s := Span{max(0, off-64), 0}
	s.End = trimmedEnd(st.text, s.Start, off)
	// the hits that end at s.End, last first: they start in the 64 bytes
	// before it
	from := max(0, s.End-64)
	lo := st.hitFrom(from)
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
	if !st.c.words.empty() {
		b := s.End
		for b > s.Start {
			r, n := rune(st.text[b-1]), 1
			if r >= utf8.RuneSelf {
				r, n = runes.DecodeLast(st.text, b)
			}
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
		// a name in the genitive or the objective is not the speaker
		obj := h.ending > 0 && st.c.objectEndings[st.text[h.End-int(h.ending):h.End]]
		st.ments = append(st.ments, mention{Span: h.Span, how: ByName, speaker: h.val, gender: g, object: obj})
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
	for _, m := range st.ments {
		setBits(covered, m.Span)
	}
	// the names, in text order and apart; those an organization's role
	// takes in are gone
	named := st.ments
	gone := make([]bool, len(named))
	// names off the roster beside titles, where capitals cannot show
	// them; the role noun that is their title is theirs
	titled, titles := st.namesBesideTitles(func(s Span) bool { return anyBits(covered, s) })
	for _, m := range titled {
		setBits(covered, m.Span)
	}
	for _, t := range titles {
		setBits(covered, t)
		setBits(byWords, t)
	}
	for _, h := range words {
		switch h.kind {
		case hitPronoun:
			if anyBits(covered, h.Span) || st.titleBeforeName(h.Span) {
				continue
			}
			st.ments = append(st.ments, mention{Span: h.Span, how: ByPronoun, speaker: -1, gender: byte(h.val)})
			setBits(covered, h.Span)
			setBits(byWords, h.Span)
		case hitRole:
			m := mention{Span: h.Span, how: ByRole, speaker: -1, role: st.c.roles[h.val]}
			if anyBits(covered, h.Span) {
				// a role phrase that holds an organization's name is the
				// role of someone there: "el jefe de la diplomacia rusa"
				if anyBits(byWords, h.Span) {
					continue
				}
				org, span, ok := st.swallowOrg(named, gone, h.Span)
				if !ok {
					continue
				}
				m.org, m.Span = org+1, span
			}
			st.ments = append(st.ments, m)
			setBits(covered, m.Span)
			setBits(byWords, m.Span)
		}
	}
	st.ments = append(st.ments, titled...)
	k := 0
	for i, m := range st.ments {
		if i >= len(gone) || !gone[i] {
			st.ments[k] = m
			k++
		}
	}
	st.ments = dropNestedMentions(mergeByStart(st.buffers.ments, st.ments[:k]))
	for i := range st.ments {
		m := &st.ments[i]
		after := st.kindsAfter(m.End)
		if m.how == ByName && after&(1<<hitSubject|1<<hitObject) == 0 && after&(1<<hitTitle|1<<hitTitleAfter) != 0 {
			// the marker after the name's title: "ショイグ国防相との会談で"
			if t, ok := st.hitAfter(m.End, hitTitle, hitTitleAfter); ok && t.End-m.End < 40 {
				after |= st.kindsAfter(t.End) & (1<<hitSubject | 1<<hitObject)
			}
		}
		if after&(1<<hitSubject) != 0 {
			m.subject = true
		}
		m.object = m.object || st.objectMention(m, after)
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
			if b >= a && st.wordsBetween(a, b) <= 3 && !listPunct.In(st.text[a:b]) {
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
			gap := st.text[a:b]
			if commaArabic.In(gap) && !st.x.roster.speakers[n.speaker].hasRole(m.role) {
				continue // "по словам представителя Кремля, Владимир Путин …": a comma parts a role from a name that does not hold it
			}
			if st.wordsBetween(a, b) <= limit && !sentencePunct.In(gap) {
				st.roleOf[m.role] = append(st.roleOf[m.role], roleBinding{at: m.Start, speaker: n.speaker})
				st.ments[i].speaker = n.speaker // resolved in place
				break
			}
		}
	}
	st.introducedNames()
}

// setBits sets the bits of the offsets of s in the bit set bits, a word
// of 64 at a time.
func setBits(bits []uint64, s Span) {
	for i := s.Start; i < s.End; i = (i>>6 + 1) << 6 {
		bits[i>>6] |= bitRange(i, s.End)
	}
}

// anyBits reports whether the bit set bits holds an offset of s.
func anyBits(bits []uint64, s Span) bool {
	for i := s.Start; i < s.End; i = (i>>6 + 1) << 6 {
		if bits[i>>6]&bitRange(i, s.End) != 0 {
			return true
		}
	}
	return false
}

// bitRange returns the bits of the offsets from i, up to end, that lie in
// the word of 64 of i.
func bitRange(i, end int) uint64 {
	lo := uint(i & 63)
	hi := uint(min(end-i>>6<<6, 64))
	return ^uint64(0) >> (64 - (hi - lo)) << lo
}

// objectMention reports whether m is marked as not the speaker, after
// holds the kinds of hits after it (kindsAfter), the cheaper checks first:
//   - a case ending that is no subject's ("Putyinnak", "Putinui"), for a
//     role noun one of two letters or more;
//   - an object marker after it, unless the marker opens a reporting phrase
//     whose subject it marks (hi "पेसकोव का कहना है कि", ur "کا کہنا ہے");
//   - for a name with no marker after it, one after the next word, with no
//     verb, subject marker or complementizer before it;
//   - a preposition before it, unless it leaves an organization the speaker;
//   - a roster name's possessive ending.
func (st *docState) objectMention(m *mention, after uint32) bool {
	if m.how == ByName && st.objectEnding(m.Span, 1) || m.how == ByRole && st.words(m.Span) == 1 && st.objectEnding(m.Span, 2) {
		return true
	}
	if after&(1<<hitObject) != 0 {
		if after&(1<<hitVerb|1<<hitSource) == 0 {
			return true
		}
	} else if !m.subject && m.how == ByName {
		next := st.wordsAfter(m.End, 1)
		if _, ok := st.hitAfter(next, hitObject); ok && next-m.End < 40 {
			if _, verb := st.firstCue(Span{m.End, next}, hitVerb, hitSubject, hitComp); !verb {
				return true
			}
		}
	}
	if _, ok := st.hitBefore(m.Start, hitPrep); ok && !st.orgSpeaks(*m) {
		return true
	}
	return m.how == ByName && m.speaker >= 0 && st.possessive(*m)
}

// objectEnding reports whether the name at s ends with one of the pack's
// object endings of min letters or more, with at least three letters before
// it ("Putinui", "Путинге"), or is followed by one outside its span, after an
// apostrophe ("Putin'e"). A role noun takes only endings of two letters or
// more: a one-letter one is too often the last letter of the noun itself
// (bn র).
func (st *docState) objectEnding(s Span, min int) bool {
	w, rest := st.text[s.Start:s.End], st.text[s.End:]
	w = w[strings.LastIndexByte(w, ' ')+1:]
	letters := -1 // of w, counted at the first ending it has
	for _, e := range st.c.pack.Names.ObjectEndings {
		// the last byte and the first, before the whole ending
		suffix := e != "" && len(w) >= len(e) && w[len(w)-1] == e[len(e)-1] && w[len(w)-len(e):] == e
		prefix := e != "" && len(rest) >= len(e) && rest[0] == e[0] && rest[:len(e)] == e
		if !suffix && !prefix {
			continue
		}
		n := utf8.RuneCountInString(e)
		if n < min {
			continue
		}
		if suffix {
			if letters < 0 {
				letters = utf8.RuneCountInString(w)
			}
			if letters-n >= 3 {
				return true
			}
		}
		if prefix && !isWordRune(nextRune(st.text, s.End+len(e))) {
			return true
		}
	}
	return false
}

// orgSpeaks reports an organization after a preposition that leaves it the
// speaker ("В МИД России заявили").
func (st *docState) orgSpeaks(m mention) bool {
	if m.how != ByName || m.speaker < 0 || !st.x.roster.speakers[m.speaker].isOrg() {
		return false
	}
	_, ok := st.hitBefore(m.Start, hitOrgPrep)
	return ok
}

// titledBefore reports whether a role noun or a title stands right before
// off, or before its complement, an acronym or a name in marks that stands there
// ("Председатель ЦБ Эльвира Набиуллина", "экономист банка «Открытие»
// Максим Петроневич").
func (st *docState) titledBefore(off int) bool {
	e, quoted := off, false
	for i := 0; i < 3; i++ {
		q := false
		for e > 0 {
			r, n := runes.DecodeLast(st.text, e)
			if !isSpace(r) && !strings.ContainsRune("«»„“”\"", r) {
				break
			}
			q = q || !isSpace(r)
			e -= n
		}
		w := st.wordBefore(e)
		if w.Empty() && e > 0 && st.text[e-1] == '.' {
			// an abbreviated title ("Dr.", "Doç.")
			d := st.wordBefore(e - 1)
			return !d.Empty() && (st.isTitle(Span{d.Start, e}) || st.isTitle(d))
		}
		if w.Empty() {
			return false
		}
		if st.isTitle(w) {
			return true
		}
		for _, h := range st.hitsIn(Span{max(0, w.End-64), w.End}) {
			if (h.kind == hitRole || h.kind == hitTitle) && h.End == w.End {
				return true
			}
		}
		word := st.text[w.Start:w.End]
		// the role's complement ("министр финансов", "глава Минфина")
		complement := i == 0 && utf8.RuneCountInString(word) >= 4
		if !isAllUpper(word) && !q && !quoted && !complement {
			return false
		}
		quoted, e = q || complement, w.Start
	}
	return false
}

// introducedNames adds the names off the roster that a role noun or a title
// introduces ("sędzia Anna Wiśniewska", "политолог Виктор Литовкин") to
// the mentions, so that pronouns, role nouns and subjectless verbs after
// them can refer to them before they are first picked as a speaker.
func (st *docState) introducedNames() {
	if st.c.pack.NoSpaces {
		return
	}
	st.indexCapRuns()
	for _, r := range st.capRuns {
		run, ok := st.personRun(r)
		if !ok || overlapsMention(st.ments, run) {
			continue
		}
		if _, prep := st.hitBefore(run.Start, hitPrep); prep {
			continue
		}
		if !st.titledBefore(run.Start) {
			continue
		}
		if w := st.wordBefore(run.Start); !w.Empty() && st.appositive(Span{st.sents[st.sentenceAt(w.Start)].Start, w.Start}) {
			continue // "Said Iqbal, presiden Partai Buruh": the title is the name's before it
		}
		st.addMention(mention{Span: run, how: ByName, speaker: -1, name: st.text[run.Start:run.End]})
	}
	// a title right after the name, where the language puts it there
	// ("Szijjártó Péter külügyminiszter"), the name opening its sentence
	var runs []Span // the sentence's names, in a buffer for every sentence
	for _, s := range st.sents {
		runs = st.appendCapitalNames(runs[:0], s, true)
		for _, run := range runs {
			if overlapsMention(st.ments, run) || !st.titledAfter(run, s) {
				continue
			}
			if _, prep := st.hitBefore(run.Start, hitPrep); prep {
				continue
			}
			st.addMention(mention{Span: run, how: ByName, speaker: -1, name: st.text[run.Start:run.End]})
		}
	}
}

// titledAfter reports whether a title follows the run of capitalized words
// in its sentence s.
func (st *docState) titledAfter(run, s Span) bool {
	if h, ok := st.hitAfter(run.End, hitTitle); ok && h.End <= s.End {
		return true
	}
	n := st.wordAt(trimSpan(st.text, Span{run.End, s.End}).Start)
	return !n.Empty() && n.Start > run.End && st.isTitle(n) && !strings.ContainsAny(st.text[run.End:n.Start], ",.;:")
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

// maxMention bounds the length in bytes of a mention, so that the mentions
// that may overlap a span are found from a binary search.
const maxMention = 256

// mentionsNear returns the index of the first mention of ms (sorted by
// start) that may end after off: none before it starts within maxMention
// bytes of off.
func mentionsNear(ms []mention, off int) int {
	return sort.Search(len(ms), func(i int) bool { return ms[i].Start > off-maxMention })
}

// overlapsOtherMention reports whether s overlaps a mention other than a
// name off the roster spanning s itself, which another reading may have
// added first.
func overlapsOtherMention(ms []mention, s Span) bool {
	for _, m := range ms[mentionsNear(ms, s.Start):] {
		if m.Start >= s.End {
			break
		}
		if s.Start < m.End && !(m.Span == s && m.how == ByName && m.speaker < 0) {
			return true
		}
	}
	return false
}

// overlapsAny reports whether s overlaps a mention of ms, in any order.
func overlapsAny(ms []mention, s Span) bool {
	for _, m := range ms {
		if m.Start < s.End && s.Start < m.End {
			return true
		}
	}
	return false
}

// overlapsMention reports whether s overlaps a mention of ms, which are
// sorted by start.
func overlapsMention(ms []mention, s Span) bool {
	for _, m := range ms[mentionsNear(ms, s.Start):] {
		if m.Start >= s.End {
			break
		}
		if s.Start < m.End {
			return true
		}
	}
	return false
}

// mergeByStart sorts ms by start: a run of names, sorted, followed by the
// role nouns and pronouns, which are sorted and merged in (names first
// where two start together).
func mergeByStart(buf, ms []mention) []mention {
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
	// room for the mentions that attribution adds later (addMention)
	out := slices.Grow(buf[:0], len(ms)+len(ms)/4+8)
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
	if st.sentBlocks == nil {
		st.sentBlocks = newBlockIndex(len(st.text), len(st.sents), func(i int) int { return st.sents[i].End - 1 })
	}
	// the first sentence that ends after off
	i := st.sentBlocks.start(off)
	for i < len(st.sents) && st.sents[i].End <= off {
		i++
	}
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
	if st.paraBlocks == nil {
		st.paraBlocks = newBlockIndex(len(st.text), len(st.paras), func(i int) int { return st.paras[i].End })
	}
	// the first paragraph that ends at off or after it
	i := st.paraBlocks.start(off)
	for i < len(st.paras) && st.paras[i].End < off {
		i++
	}
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
	nameStarts    []int32 // starts and the offsets past clitic prefixes
	before        rank
	stops         stops
	// runWords and runs hold the document's runs of capitalized words
	// (see rawRuns), their buffers reused too
	runWords []Span
	runs     [2][][]Span
	// hits and names hold the lexicon hits and the roster's, ments the
	// mentions, for reuse by the next document
	hits, names []hit
	ments       []mention
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
			// the rest of the word's ASCII letters and digits: folded
			// holds them already but for the capitals
			for {
				if c-'A' < 26 {
					folded[i] = c + 'a' - 'A'
				}
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
			if han%hanStep(r) == 0 {
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

// possessive reports whether roster name m carries one of the language's
// possessive endings: its text less the ending ends with the last word of
// one of the speaker's aliases ("Blinkens" for Blinken, not "Guterres").
func (st *docState) possessive(m mention) bool {
	text := st.text[m.Start:m.End]
	for _, e := range st.c.possessive {
		if len(e) == 0 || len(text) <= len(e) || !strings.EqualFold(text[len(text)-len(e):], e) {
			continue
		}
		base := text[:len(text)-len(e)]
		if i := strings.LastIndexByte(base, ' '); i >= 0 {
			base = base[i+1:]
		}
		for _, a := range st.x.roster.lastWords[m.speaker] {
			if strings.EqualFold(a, base) {
				return true
			}
		}
	}
	return false
}

// titleBeforeName reports whether the pronoun at s is a title that stands
// before a capitalized name, as Vietnamese "ông" and "bà" do ("ông Tokayev
// nói"): there it is no pronoun.
func (st *docState) titleBeforeName(s Span) bool {
	next := trimSpan(st.text, Span{s.End, min(len(st.text), s.End+8)})
	if next.Start == s.End || !startsUpper(st.text[next.Start:]) {
		return false
	}
	return st.isTitle(s)
}

// dropPlain removes the plain words of a language without spaces from hits,
// and every hit and name that lies inside one of them (ดังกล่าว holds no
// กล่าว). hits are sorted by start.
func dropPlain(hits, names []hit) ([]hit, []hit) {
	var plain []Span
	for _, h := range hits {
		if h.kind == hitPlain {
			plain = append(plain, h.Span)
		}
	}
	if len(plain) == 0 {
		return hits, names
	}
	keep := func(hs []hit) []hit {
		out := hs[:0]
		k := 0
		for _, h := range hs {
			for k < len(plain) && plain[k].End <= h.Start {
				k++
			}
			in := h.kind == hitPlain
			for j := k; !in && j < len(plain) && plain[j].Start <= h.Start; j++ {
				in = h.End <= plain[j].End
			}
			if !in {
				out = append(out, h)
			}
		}
		return out
	}
	return keep(hits), keep(names)
}
