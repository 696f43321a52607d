package stance

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/bytetrie"
	"github.com/quotesheet/quotesheet/internal/runes"
)

// ErrEntry reports a lexicon or target entry that has no word to match.
var ErrEntry = errors.New("entry has no word to match")

// category is a bit set of what a lexicon entry is.
type category uint16

const (
	catTerm     category = 1 << iota // names the target
	catCritic                        // names a critic of the target
	catFavor                         // supports the target
	catAgainst                       // opposes the target
	catAttack                        // disparages
	catNegator                       // turns polarity
	catContrast                      // makes what follows decide
	catReason                        // presents the quote as the reason for a stance
	catDoubt                         // questions what follows it
	catRefute                        // rejects the claims of its sentence
)

// catPolar holds the categories that carry stance.
const catPolar = catFavor | catAgainst | catAttack

// lexWord is one word of an entry, folded; a stem matches any word it begins.
type lexWord struct {
	s    string
	stem bool
	caps bool // written in capitals ("US", "США"): matches only in capitals
}

// entry is one compiled lexicon entry: its words and every category it is in.
type entry struct {
	words []lexWord
	cats  category
	spec  int // specificity among entries of as many words: exact words, then longer stems
}

// lexicon is the compiled lexicon of one language: the stance words of its
// pack together with the target's terms and critics for that language.
type lexicon struct {
	code     string
	noSpaces bool

	// Languages with spaces: entries indexed by their first word, walked
	// in one trie from a word's start.
	entries []entry
	firsts  []firstWord    // by pattern of firstT
	firstT  *bytetrie.Trie // the first words, exact and stems
	starts  *byteStarts    // the first words, to pass over the words they cannot begin
	termT   *bytetrie.Trie // a word of each entry that names the target, its longest
	termS   *byteStarts    // the same words, to pass over the words they cannot begin
	index   map[string]int // entry key -> position in entries

	// Languages without spaces: one trie of all entries, tried at every offset.
	acT    *bytetrie.Trie // the patterns, ASCII folded, leftmost-longest
	acCats []category
	acKeys map[string]int // folded pattern -> position in acCats
	acPats []string       // the patterns, ASCII folded
}

// firstWord holds the entries that begin with one folded word: those in
// which it is the whole word, and those in which it is a stem.
type firstWord struct {
	exact, stem []int32
}

// source is a list of entries and where it came from, for errors.
type source struct {
	where string // "packs/en.yaml: stance.favor", "target terms[ru]"
	list  []string
	cat   category
}

// compileLexicon compiles the sources into a lexicon for one language.
func compileLexicon(code string, noSpaces bool, srcs []source) (*lexicon, error) {
	lx := &lexicon{
		code:     code,
		noSpaces: noSpaces,
		index:    map[string]int{},
		acKeys:   map[string]int{},
	}
	for _, src := range srcs {
		for i, e := range src.list {
			if err := lx.add(e, src.cat); err != nil {
				return nil, fmt.Errorf("%s[%d] %q: %w", src.where, i, e, err)
			}
		}
	}
	if noSpaces {
		if len(lx.acPats) > 0 {
			lx.acT = bytetrie.Build(lx.acPats)
		}
		return lx, nil
	}
	var firsts, terms []string
	at := map[string]int{}
	for i, en := range lx.entries {
		first := en.words[0]
		if en.cats&catTerm != 0 {
			terms = append(terms, longestWord(en.words))
		}
		k, ok := at[first.s]
		if !ok {
			k = len(firsts)
			at[first.s] = k
			firsts = append(firsts, first.s)
			lx.firsts = append(lx.firsts, firstWord{})
		}
		if first.stem {
			lx.firsts[k].stem = append(lx.firsts[k].stem, int32(i))
		} else {
			lx.firsts[k].exact = append(lx.firsts[k].exact, int32(i))
		}
	}
	lx.starts = new(byteStarts)
	for _, f := range firsts {
		lx.starts.add(f)
	}
	if len(firsts) > 0 {
		lx.firstT = bytetrie.Build(firsts)
	}
	if len(terms) > 0 {
		lx.termT = bytetrie.Build(terms)
		lx.termS = new(byteStarts)
		for _, w := range terms {
			lx.termS.add(w)
		}
	}
	return lx, nil
}

// longestWord returns the longest of words, the first of those as long:
// of an entry's words the one that fewest words of a text begin.
func longestWord(words []lexWord) string {
	w := words[0].s
	for _, o := range words[1:] {
		if len(o.s) > len(w) {
			w = o.s
		}
	}
	return w
}

// add compiles one entry into the lexicon under cat.
func (lx *lexicon) add(e string, cat category) error {
	if lx.noSpaces {
		pat := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(e), "*"))
		if pat == "" {
			return ErrEntry
		}
		key := asciiLower(pat)
		if i, ok := lx.acKeys[key]; ok {
			lx.acCats[i] |= cat
			return nil
		}
		lx.acKeys[key] = len(lx.acPats)
		lx.acPats = append(lx.acPats, key)
		lx.acCats = append(lx.acCats, cat)
		return nil
	}
	var words []lexWord
	for _, field := range strings.Fields(e) {
		stem := strings.HasSuffix(field, "*")
		field = strings.TrimRight(field, "*")
		caps := isCaps(field)
		ws := foldWords(field)
		for j, w := range ws {
			words = append(words, lexWord{s: w, stem: stem && j == len(ws)-1, caps: caps})
		}
	}
	if len(words) == 0 {
		return ErrEntry
	}
	var key strings.Builder
	for _, w := range words {
		key.WriteString(w.s)
		if w.stem {
			key.WriteByte('*')
		}
		if w.caps {
			key.WriteByte('^')
		}
		key.WriteByte(' ')
	}
	if i, ok := lx.index[key.String()]; ok {
		lx.entries[i].cats |= cat
		return nil
	}
	spec := 0
	for _, w := range words {
		if w.stem {
			spec += len(w.s)
		} else {
			spec += 1 << 16
		}
	}
	lx.index[key.String()] = len(lx.entries)
	lx.entries = append(lx.entries, entry{words: words, cats: cat, spec: spec})
	return nil
}

// isCaps reports whether s is an acronym: two or more cased letters, all
// capitals ("US", "NATO", "США"). Scripts without case have no acronyms.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		}
	}
	return n >= 2
}

// hasLower reports whether s holds a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// asciiLower lower-cases the ASCII letters of s, as matching compares them.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hit is one lexicon match in a text.
type hit struct {
	start, end int  // byte offsets in the text
	from, to   int  // positions (tokens, or runes without spaces), to exclusive
	clause     int  // clause number, contrast words included
	sent       int  // sentence number
	first      bool // the hit begins its sentence
	cats       category
}

// scratch holds the buffers of one analysis, reused from text to text.
type scratch struct {
	toks   []token
	buf    []byte
	hits   []hit
	breaks []int // positions where a clause begins
	sents  []int // no-space texts: positions where a sentence begins
	ms     []bytetrie.Match
	// analyzeText: the hits of a text by kind, and its stance words
	critics, terms, contrasts, doubts []int
	ps                                []polar
	// the cues of a document's rows, each row's in a run (Judge.Document)
	cues []cue
	// last is the text whose match is in hits and breaks.
	last struct {
		lx   *lexicon
		text string
		n    int
	}
}

// match finds the entries in text, leftmost-longest and without overlap,
// and sets each hit's positions, clause and sentence. It returns the hits
// (in sc.hits) and the length of the text in positions. The clause-start
// positions, contrast words included, are left in sc.breaks. The text
// matched last is matched once: rows often share their context.
func (lx *lexicon) match(text string, sc *scratch) ([]hit, int) {
	if sc.last.lx == lx && sc.last.text == text {
		return sc.hits, sc.last.n
	}
	var hits []hit
	var n int
	if lx.noSpaces {
		hits, n = lx.matchAnywhere(text, sc)
	} else {
		hits, n = lx.matchWords(text, sc)
	}
	sc.last.lx, sc.last.text, sc.last.n = lx, text, n
	return hits, n
}

// hasTerm reports whether text names the target: whether a hit of its
// match is a term. A text written with spaces is matched only as far as
// its first term, and only if a word of it may belong to a term; the
// match is not kept as the last.
func (lx *lexicon) hasTerm(text string, sc *scratch) bool {
	var hits []hit
	if lx.noSpaces || sc.last.lx == lx && sc.last.text == text {
		hits, _ = lx.match(text, sc)
	} else {
		sc.toks, sc.buf = tokenize(text, sc.toks, sc.buf)
		sc.last.lx, sc.last.text = nil, "" // the tokens are no longer those of the last match
		if !lx.mayNameTerm(sc.toks, sc.buf, sc) {
			return false
		}
		hits = lx.findHits(text, sc, catTerm)
	}
	for _, h := range hits {
		if h.cats&catTerm != 0 {
			return true
		}
	}
	return false
}

// mayNameTerm reports whether one of toks begins with the longest word of
// an entry that names the target; if none does, that entry matches nowhere
// in them, and no hit of them is a term.
func (lx *lexicon) mayNameTerm(toks []token, buf []byte, sc *scratch) bool {
	if lx.termT == nil {
		return false
	}
	for _, t := range toks {
		word := buf[t.fs:t.fe]
		if !lx.termS.mayBegin(word) {
			continue
		}
		if sc.ms = lx.termT.Matches(word, 0, sc.ms[:0]); len(sc.ms) > 0 {
			return true
		}
	}
	return false
}

// matchWords matches a text written with spaces, word by word.
func (lx *lexicon) matchWords(text string, sc *scratch) ([]hit, int) {
	sc.toks, sc.buf = tokenize(text, sc.toks, sc.buf)
	toks := sc.toks
	hits := lx.findHits(text, sc, 0)
	// Clauses begin after punctuation and at contrast words.
	breaks := sc.breaks[:0]
	for i := 1; i < len(toks); i++ {
		if toks[i].clause != toks[i-1].clause {
			breaks = append(breaks, i)
		}
	}
	breaks = addContrast(breaks, hits)
	setClauses(hits, breaks)
	sc.breaks = breaks
	return hits, len(toks)
}

// findHits finds the entries in the tokens of sc, leftmost-longest and
// without overlap, and returns them in sc.hits, without their clauses.
// With stop other than 0 it stops after the first hit in a category of
// stop.
func (lx *lexicon) findHits(text string, sc *scratch, stop category) []hit {
	toks, buf := sc.toks, sc.buf
	hits := sc.hits[:0]
	ms := sc.ms
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		word := buf[t.fs:t.fe]
		if !lx.starts.mayBegin(word) {
			continue
		}
		// the stems that begin the word, shortest first, and the word
		if ms = lx.firstT.Matches(word, 0, ms[:0]); len(ms) == 0 {
			continue
		}
		n, cats := lx.longestAt(text, toks, buf, i, ms)
		if n == 0 {
			continue
		}
		hits = append(hits, hit{
			start: int(t.start), end: int(toks[i+n-1].end),
			from: i, to: i + n,
			sent:  int(t.sent),
			first: i == 0 || toks[i-1].sent != t.sent,
			cats:  cats,
		})
		if cats&stop != 0 {
			break
		}
		i += n - 1
	}
	sc.hits, sc.ms = hits, ms
	return hits
}

// longestAt returns the number of tokens of the longest entry that starts at
// token i, and its categories. Of entries as long, every one adds what it
// names (term, critic, negator, contrast), but polarity comes from the most
// specific: an exact word over a stem, a longer stem over a shorter one, so
// that "dəstəkləmir*" (do not support) overrides "dəstəklə*" (support).
// Equally specific entries add their polarities up. ms are the first words
// of entries that begin the token, shortest first, as firstT gives them.
func (lx *lexicon) longestAt(text string, toks []token, buf []byte, i int, ms []bytetrie.Match) (int, category) {
	word := buf[toks[i].fs:toks[i].fe]
	best, spec, cats, polar := 0, 0, category(0), category(0)
	try := func(ids []int32) {
		for _, id := range ids {
			en := &lx.entries[id]
			n := len(en.words)
			if n < best || i+n > len(toks) || !matchRest(en, text, toks, buf, i) {
				continue
			}
			if n > best {
				best, spec, cats, polar = n, 0, 0, 0
			}
			cats |= en.cats &^ catPolar
			if p := en.cats & catPolar; p != 0 {
				switch {
				case en.spec > spec:
					spec, polar = en.spec, p
				case en.spec == spec:
					polar |= p
				}
			}
		}
	}
	for _, m := range ms {
		k, p := int(m.End), m.Pattern
		if k == len(word) {
			try(lx.firsts[p].exact)
		}
		if k == len(word) || utf8.RuneStart(word[k]) {
			try(lx.firsts[p].stem)
		}
	}
	return best, cats | polar
}

// matchRest reports whether the words of en match the tokens from token i,
// within one clause; the first word is known to match but for its case.
func matchRest(en *entry, text string, toks []token, buf []byte, i int) bool {
	if en.words[0].caps && hasLower(capsPart(en.words[0], text[toks[i].start:toks[i].end])) {
		return false
	}
	for j := 1; j < len(en.words); j++ {
		t := toks[i+j]
		if t.clause != toks[i].clause {
			return false
		}
		w, word := en.words[j], buf[t.fs:t.fe]
		if w.caps && hasLower(capsPart(w, text[t.start:t.end])) {
			return false
		}
		if w.stem {
			if len(word) < len(w.s) || string(word[:len(w.s)]) != w.s {
				return false
			}
		} else if string(word) != w.s {
			return false
		}
	}
	return true
}

// matchAnywhere matches a text written without spaces: entries match
// anywhere, and positions count runes.
func (lx *lexicon) matchAnywhere(text string, sc *scratch) ([]hit, int) {
	hits := sc.hits[:0]
	if t := lx.acT; t != nil {
		// the text with ASCII lowered, as the patterns are
		hay := append(sc.buf[:0], text...)
		for i, c := range hay {
			if 'A' <= c && c <= 'Z' {
				hay[i] = c + 'a' - 'A'
			}
		}
		sc.buf = hay
		// leftmost-longest, without overlap
		for i := 0; i < len(text); {
			if text[i]&0xC0 == 0x80 {
				i++ // inside a character: no entry starts there
				continue
			}
			ms := t.Matches(hay, i, sc.ms[:0])
			sc.ms = ms
			if len(ms) == 0 {
				i++
				continue
			}
			m := ms[len(ms)-1]
			hits = append(hits, hit{start: i, end: int(m.End), cats: lx.acCats[m.Pattern]})
			i = int(m.End)
		}
	} // One pass over the runes: positions of the hits, clause and sentence breaks.
	breaks, sentAt := sc.breaks[:0], sc.sents[:0]
	h, e, pos := 0, 0, 0 // next hit to start, next hit to end, rune position
	for i := 0; i <= len(text); {
		for h < len(hits) && hits[h].start == i {
			hits[h].from = pos
			h++
		}
		for e < h && hits[e].end == i {
			hits[e].to = pos
			e++
		}
		if i == len(text) {
			break
		}
		r, size := runes.Decode(text, i)
		switch breakAt(text, i, r, size) {
		case clauseBreak:
			breaks = append(breaks, pos+1)
		case sentenceBreak:
			breaks = append(breaks, pos+1)
			sentAt = append(sentAt, pos+1)
		}
		i += size
		pos++
	}
	for k := range hits {
		s := 0
		for s < len(sentAt) && sentAt[s] <= hits[k].from {
			s++
		}
		hits[k].sent = s
		begin := 0
		if s > 0 {
			begin = sentAt[s-1]
		}
		hits[k].first = hits[k].from-begin <= 1 // allow an opening mark
	}
	breaks = addContrast(breaks, hits)
	setClauses(hits, breaks)
	sc.hits, sc.breaks, sc.sents = hits, breaks, sentAt
	return hits, pos
}

// addContrast adds the positions of contrast words to the sorted clause
// breaks: a contrast word begins a clause.
func addContrast(breaks []int, hits []hit) []int {
	for _, h := range hits {
		if h.cats&catContrast == 0 {
			continue
		}
		i := len(breaks)
		for i > 0 && breaks[i-1] > h.from {
			i--
		}
		if i > 0 && breaks[i-1] == h.from {
			continue
		}
		breaks = append(breaks, 0)
		copy(breaks[i+1:], breaks[i:])
		breaks[i] = h.from
	}
	return breaks
}

// setClauses numbers the clause of each hit from the sorted clause breaks.
func setClauses(hits []hit, breaks []int) {
	b := 0
	for k := range hits {
		for b < len(breaks) && breaks[b] <= hits[k].from {
			b++
		}
		hits[k].clause = b
	}
}

// clauseEnd returns the position where the clause holding position from
// ends: the next break after it, or n.
func clauseEnd(breaks []int, from, n int) int {
	for _, b := range breaks {
		if b > from {
			return b
		}
	}
	return n
}

// capsPart returns the part of the word tok that an acronym w must match in
// capitals: all of it, or for a stem as many letters as the stem has, since
// the case endings that some languages join to an acronym are in lower case
// ("ЖККУнун").
func capsPart(w lexWord, tok string) string {
	if !w.stem {
		return tok
	}
	n := utf8.RuneCountInString(w.s)
	for i := range tok {
		if n == 0 {
			return tok[:i]
		}
		n--
	}
	return tok
}
