package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/bytetrie"
	"github.com/quotesheet/quotesheet/internal/runes"
)

// hitKind is what a lexicon entry stands for.
type hitKind uint8

const (
	hitVerb         hitKind = iota + 1 // reporting verb; val: gender 0 any, 'f', 'm'
	hitComp                            // complementizer ("that", "что")
	hitSource                          // "according to", "по словам"
	hitContinuation                    // "adding", "dodał"
	hitFinal                           // sentence-final speech act (hi "धन्यवाद दिया")
	hitNested                          // "as saying"
	hitPronoun                         // val: gender
	hitRole                            // val: role index
	hitSubject                         // subject marker after a name (hi "ने")
	hitObject                          // object marker after a name (hi "को")
	hitPrep                            // preposition before a name ("to", "من")
	hitTitle                           // honorific before a name
	hitScare                           // word before a scare-quoted term
	hitAbbrev                          // abbreviation with its period
	hitName                            // roster name; val: speaker index
	hitStop                            // a word after which no bare clause starts
	hitBare                            // a verb a clause may follow without complementizer
	hitScareWeak                       // an article before a scare-quoted term
	hitPlain                           // a word that holds an entry without being it (no spaces)
	hitAnaphora                        // "об этом" opening a sentence: the one before is the statement
	hitTitleBefore                     // a title before a name off the roster, in a script without capitals
	hitTitleAfter                      // a title after such a name
	hitOrgPrep                         // a preposition that leaves an organization the speaker ("в МИД заявили")
	hitSubjunctive                     // a verb form of the mood of reported speech
)

// hit is one lexicon match in a document.
type hit struct {
	Span
	kind hitKind
	// ending is the byte length of the inflectional ending a name took
	ending uint8
	val    int
}

// entry is one compiled lexicon pattern's meaning.
type entry struct {
	val  int
	kind hitKind
	stem bool
	caps byte // for names: 'C' the alias starts with a capital, 'A' it is an acronym in capitals
}

// lexicon finds many words and phrases at once, with their offsets.
type lexicon struct {
	trie *bytetrie.Trie
	// anyStart: some pattern may start where a word does not (its first
	// character is not a letter, or not a character in a script without
	// spaces), so matching tries every offset and not the starts alone
	anyStart bool
	// entries holds the entries by pattern index, all of them in one
	// block of memory
	entries  [][]entry
	patterns []string // as compiled into the trie
	noSpaces bool
	fold     bool // match on the folded (lowercased) text
	endings  []string
	empty    bool
}

// lexiconBuilder collects patterns before they are compiled.
type lexiconBuilder struct {
	index    map[string]int
	patterns []string
	entries  [][]entry
	fold     bool
	acronyms []string
}

func newLexiconBuilder(foldCase bool) *lexiconBuilder {
	return &lexiconBuilder{index: map[string]int{}, fold: foldCase}
}

// add adds a word or phrase; a trailing '*' makes it a stem.
func (b *lexiconBuilder) add(word string, kind hitKind, val int) {
	word = strings.TrimSpace(word)
	stem := strings.HasSuffix(word, "*")
	word = strings.TrimSpace(strings.TrimSuffix(word, "*"))
	if word == "" {
		return
	}
	var caps byte
	if kind == hitName {
		if r, _ := utf8.DecodeRuneInString(word); runes.IsUpper(r) {
			caps = 'C'
		}
		if isAllUpper(word) && utf8.RuneCountInString(word) <= 5 {
			caps = 'A'
		}
	}
	orig := word
	if b.fold {
		word = string(fold(word))
	}
	i, ok := b.index[word]
	if !ok {
		i = len(b.patterns)
		b.index[word] = i
		b.patterns = append(b.patterns, word)
		b.entries = append(b.entries, nil)
	}
	e := entry{kind: kind, val: val, stem: stem, caps: caps}
	if caps == 'A' {
		b.acronyms = append(b.acronyms, orig)
	}
	for _, have := range b.entries[i] {
		if have == e {
			return
		}
	}
	b.entries[i] = append(b.entries[i], e)
}

func (b *lexiconBuilder) addAll(words []string, kind hitKind, val int) {
	for _, w := range words {
		b.add(w, kind, val)
	}
}

func (b *lexiconBuilder) build(noSpaces bool, endings []string) *lexicon {
	l := &lexicon{patterns: b.patterns, noSpaces: noSpaces, fold: b.fold, empty: len(b.patterns) == 0}
	n := 0
	for _, es := range b.entries {
		n += len(es)
	}
	all := make([]entry, 0, n)
	l.entries = make([][]entry, len(b.entries))
	for i, es := range b.entries {
		all = append(all, es...)
		l.entries[i] = all[len(all)-len(es) : len(all) : len(all)]
	}
	for _, e := range endings {
		if e = strings.TrimSpace(e); e != "" {
			l.endings = append(l.endings, e)
		}
	}
	// longest endings first, so "owi" is tried before "o"
	sort.Slice(l.endings, func(i, j int) bool { return len(l.endings[i]) > len(l.endings[j]) })
	if !l.empty {
		l.trie = bytetrie.Build(b.patterns)
		for _, p := range b.patterns {
			r, _ := utf8.DecodeRuneInString(p)
			if !isWordRune(r) || noSpaces && !isHan(r) {
				l.anyStart = true
			}
		}
	}
	return l
}

// find returns every match in text (folded by the caller when l.fold) that
// begins at one of starts (the offsets where a word or a character of a
// script without spaces begins, ascending), on word boundaries unless the
// language has no spaces, sorted by start and then by length, longest first.
func (l *lexicon) find(text string, hay []byte, starts []int32) []hit {
	if l.empty {
		return nil
	}
	var out []hit
	if l.anyStart {
		for i := range hay {
			if l.noSpaces || i == 0 || !midWord(text, i) {
				out = l.matchAt(out, text, hay, i)
			}
		}
	} else {
		buf := matchBufs.Get().(*[]bytetrie.Match)
		ms := l.trie.MatchAll(hay, starts, (*buf)[:0])
		for _, m := range ms {
			out = l.accept(out, text, int(m.Start), int(m.End), int(m.Pattern))
		}
		*buf = ms
		matchBufs.Put(buf)
	}
	return sortHits(out)
}

// sortHits sorts hits by start and then by length, longest first, and
// keeps one of the same word as the same kind found twice (a form and a
// stem): the one that says more (a gendered verb form).
func sortHits(out []hit) []hit {
	slices.SortFunc(out, func(a, b hit) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(b.End, a.End); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(b.val, a.val)
	})
	kept := out[:0]
	for _, h := range out {
		if n := len(kept); n > 0 && kept[n-1].Span == h.Span && kept[n-1].kind == h.kind {
			continue
		}
		kept = append(kept, h)
	}
	return kept
}

// pairedLexicons are two lexicons matched in one walk of one trie: a
// language's words and the roster's names. The trie extends b's (see
// bytetrie.Trie.Extend), so that the roster's nodes are one copy for all
// languages, which stays in the cache from document to document: b's
// patterns are numbered first.
type pairedLexicons struct {
	a, b *lexicon
	trie *bytetrie.Trie
	same map[int]int // b's pattern -> a's equal pattern, which the trie does not report
}

// pair compiles a and b into one trie, or returns nil when a walk of each
// is needed: a pattern of either may start inside a word.
func pair(a, b *lexicon) *pairedLexicons {
	if a.anyStart || b.anyStart {
		return nil
	}
	p := &pairedLexicons{a: a, b: b, trie: b.trie.Extend(a.patterns), same: map[int]int{}}
	at := map[string]int{}
	for i, w := range b.patterns {
		at[w] = i
	}
	for i, w := range a.patterns {
		if k, ok := at[w]; ok {
			p.same[k] = i
		}
	}
	return p
}

// find is a.find and b.find, in one walk from each start.
// The hits are appended to bufA[:0] and bufB[:0].
func (p *pairedLexicons) find(text string, hay []byte, starts []int32, bufA, bufB []hit) (ha, hb []hit) {
	t, split := p.trie, len(p.b.patterns)
	// room for the hits news text has, about one start in six for a's
	// words and one in nine for b's names, so that few grow
	ha = slices.Grow(bufA[:0], len(starts)/5+8)
	hb = slices.Grow(bufB[:0], len(starts)/8+8)
	buf := matchBufs.Get().(*[]bytetrie.Match)
	ms := t.MatchAll(hay, starts, (*buf)[:0])
	for _, m := range ms {
		i, end, k := int(m.Start), int(m.End), int(m.Pattern)
		if k >= split {
			ha = p.a.accept(ha, text, i, end, k-split)
			continue
		}
		hb = p.b.accept(hb, text, i, end, k)
		if ka, ok := p.same[k]; ok {
			ha = p.a.accept(ha, text, i, end, ka)
		}
	}
	*buf = ms
	matchBufs.Put(buf)
	return sortHits(ha), sortHits(hb)
}

// matchBufs holds buffers for the trie matches of a document, reused from
// document to document.
var matchBufs = sync.Pool{New: func() any { return new([]bytetrie.Match) }}

// matchAt appends the hits of the patterns that start at hay[i:].
func (l *lexicon) matchAt(out []hit, text string, hay []byte, i int) []hit {
	var buf [8]bytetrie.Match
	for _, m := range l.trie.Matches(hay, i, buf[:0]) {
		out = l.accept(out, text, i, int(m.End), int(m.Pattern))
	}
	return out
}

// accept appends the hits of pattern pat matched at text[start:end] whose
// entries the text around allows: a word end (or a stem's rest of the word,
// or a name's inflectional ending) and the case the entry asks for.
func (l *lexicon) accept(out []hit, text string, start, end int, pat int) []hit {
	for _, e := range l.entries[pat] {
		s := Span{start, end}
		ok := true
		ending := 0
		switch {
		case l.noSpaces:
		case e.stem:
			for s.End < len(text) {
				r, n := runes.Decode(text, s.End)
				if !isWordRune(r) {
					break
				}
				s.End += n
			}
		default:
			ok = wordEnd(text, s.End)
			if !ok && e.kind == hitName {
				if n := l.ending(text, s.End); n > 0 {
					s.End += n
					ok, ending = true, n
				} else if camelBreak(text, s.End) {
					ok = true
				}
			}
		}
		if ok && e.caps != 0 {
			first := nextRune(text, s.Start)
			switch {
			case e.caps == 'A':
				ok = isAllUpper(text[start:end])
			case e.caps == 'C':
				ok = !runes.IsLower(first) || unicode.Is(unicode.Georgian, first)
			}
		}
		if ok {
			out = append(out, hit{Span: s, kind: e.kind, val: e.val, ending: uint8(min(ending, 255))})
		}
	}
	return out
}

// midWord reports whether off lies between two word characters of a
// script written with spaces.
func midWord(text string, off int) bool {
	if p, c := text[off-1], text[off]; p < utf8.RuneSelf && c < utf8.RuneSelf {
		return isWordRune(rune(p)) && isWordRune(rune(c))
	}
	r, f := prevRune(text, off), nextRune(text, off)
	return isWordRune(r) && isWordRune(f) && !isHan(r) && !isHan(f)
}

// wordEnd reports whether off ends a word: no word rune follows that would
// continue the one before it.
func wordEnd(text string, off int) bool {
	if off >= len(text) {
		return true
	}
	r, p := nextRune(text, off), prevRune(text, off)
	if !isWordRune(r) || isHan(r) || isHan(p) {
		return true
	}
	return !isWordRune(p)
}

// ending returns the byte length of an inflectional ending at off that ends a word.
func (l *lexicon) ending(text string, off int) int {
	for _, e := range l.endings {
		if strings.HasPrefix(text[off:], e) && wordEnd(text, off+len(e)) {
			return len(e)
		}
	}
	return 0
}

// camelBreak reports a lower-to-upper case change at off, where a lost line
// break glued two words ("ZakharovaOfficial").
func camelBreak(text string, off int) bool {
	p, n := prevRune(text, off), nextRune(text, off)
	return p >= 0 && n >= 0 && isLower(p) && isUpper(n)
}
