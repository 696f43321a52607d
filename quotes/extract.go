package quotes

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// Config is what an Extractor is built from.
type Config struct {
	Packs    *lang.Set // language packs
	Speakers []Speaker // the roster
	// Fallback is the pack used for a language that has none ("en" if empty).
	Fallback string
	// NER turns on prose's English named-entity recognizer for speakers
	// that are not on the roster.
	NER bool
	// RoleCovers lists, by role key, the narrower role keys that it names
	// too: a person off the roster introduced with one of them ("the
	// foreign minister, X") is whom the broader role noun ("the minister")
	// means later.
	RoleCovers map[string][]string
}

// Extractor finds and attributes the quotations of documents. It is safe
// for concurrent use; language packs are compiled once, on first use.
type Extractor struct {
	cfg     Config
	roster  *roster
	mu      sync.Mutex
	packs   map[string]*compiled
	ner     *ner
	buffers sync.Pool // *textIndex, reused from document to document
}

// compiled is a language pack ready for matching.
type compiled struct {
	pack  *lang.Pack
	lex   *lexicon
	names *lexicon        // the roster's names, with the language's endings
	both  *pairedLexicons // lex and names in one walk, or nil
	roles []string        // role keys by hit value
	split *splitter
	// words holds the single-word entries of the kinds that are only ever
	// looked up at a position (markers, prepositions, titles, articles).
	// They stay out of the trie, whose cost grows with the number of
	// matches.
	words   positional
	pairs   map[rune]string
	endings []string
	// particles are the folded words of the pack's name particles
	// ("van", "de"), each word of a phrase on its own
	particles map[string]bool
	// possessive are the pack's possessive endings of names
	possessive []string
	// prefixes are the folded clitics a name may carry in front
	// (Names.Prefixes), longest first
	prefixes []string
	// objectEndings are the endings that mark a name as not the speaker
	objectEndings map[string]bool
	// anaphora are the pack's folded words that point back to the sentence
	// before as a statement
	anaphora map[string]bool
	// stopLeads holds the first bytes of the terminators and marks, for
	// the text index's stops
	stopLeads leadSet
}

// positional maps the folded single words of a pack that are looked up at a
// position to the bit set of their hit kinds. A filter by first and last
// byte and length turns most words of a text away before the map is asked.
type positional struct {
	kinds map[string]uint32
	all   uint32 // the kinds of every word
	// bit n%64 of first[b] (last[b]) is set when a word of n bytes starts
	// (ends) with byte b
	first, last [256]uint64
}

// add files the folded word w as one of kind k.
func (p *positional) add(w string, k hitKind) {
	if p.kinds == nil {
		p.kinds = map[string]uint32{}
	}
	p.kinds[w] |= 1 << k
	p.all |= 1 << k
	if w != "" {
		p.first[w[0]] |= 1 << (len(w) % 64)
		p.last[w[len(w)-1]] |= 1 << (len(w) % 64)
	}
}

// empty reports whether p holds no word.
func (p *positional) empty() bool { return len(p.kinds) == 0 }

// of returns the kinds of the folded word w, 0 for none.
func (p *positional) of(w []byte) uint32 {
	if n := len(w); n > 0 && (p.first[w[0]]&(1<<(n%64)) == 0 || p.last[w[n-1]]&(1<<(n%64)) == 0) {
		return 0
	}
	return p.kinds[string(w)]
}

// New builds an Extractor.
func New(cfg Config) (*Extractor, error) {
	if cfg.Packs == nil {
		return nil, fmt.Errorf("quotes: no language packs")
	}
	if cfg.Fallback == "" {
		cfg.Fallback = "en"
	}
	if cfg.Packs.Get(cfg.Fallback) == nil {
		return nil, fmt.Errorf("quotes: fallback language %q has no pack", cfg.Fallback)
	}
	for i, s := range cfg.Speakers {
		if strings.TrimSpace(s.Name) == "" {
			return nil, fmt.Errorf("quotes: speaker %d has no name", i+1)
		}
		switch s.Gender {
		case "", "f", "m":
		default:
			return nil, fmt.Errorf("quotes: speaker %q: gender %q is not f, m or empty", s.Name, s.Gender)
		}
	}
	x := &Extractor{cfg: cfg, roster: newRoster(cfg.Speakers), packs: map[string]*compiled{}}
	if cfg.NER {
		x.ner = newNER()
	}
	return x, nil
}

// pack returns the compiled pack for code, compiling it on first use.
func (x *Extractor) pack(code string) *compiled {
	x.mu.Lock()
	defer x.mu.Unlock()
	if c, ok := x.packs[code]; ok {
		return c
	}
	p := x.cfg.Packs.Get(code)
	if p == nil {
		p = x.cfg.Packs.Get(x.cfg.Fallback)
	}
	c := compile(p)
	names := *x.roster.names
	names.endings = c.endings
	c.names = &names
	if len(c.prefixes) == 0 {
		// a name after a prefix starts inside a word, where the words
		// of the language do not: the two walk different starts
		c.both = pair(c.lex, c.names)
	}
	x.packs[code] = c
	return c
}

func compile(p *lang.Pack) *compiled {
	c := &compiled{pack: p, pairs: map[rune]string{}}
	abbrev := map[string]bool{}
	b := newLexiconBuilder(true)
	r := p.Reporting
	b.addAll(r.Verbs, hitVerb, 0)
	b.addAll(r.VerbsF, hitVerb, 'f')
	b.addAll(r.VerbsM, hitVerb, 'm')
	b.addAll(r.Complementizers, hitComp, 0)
	b.addAll(r.Source, hitSource, 0)
	b.addAll(r.Continuation, hitContinuation, 0)
	b.addAll(r.Final, hitFinal, 0)
	b.addAll(r.Nested, hitNested, 0)
	b.addAll(r.Anaphora, hitAnaphora, 0)
	for _, pr := range p.Pronouns {
		g := 0
		if pr.Gender != "" {
			g = int(pr.Gender[0])
		}
		b.add(pr.Word, hitPronoun, g)
	}
	keys := make([]string, 0, len(p.Roles))
	for k := range p.Roles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		b.addAll(p.Roles[k], hitRole, i)

	}
	c.roles = keys
	positional := func(list []string, k hitKind) {
		for _, w := range list {
			w = strings.TrimSpace(w)
			if !p.NoSpaces && w != "" && isOneWord(w) {
				c.words.add(string(fold(w)), k)
				continue
			}
			b.add(w, k, 0)
		}
	}
	positional(p.Names.SubjectMarkers, hitSubject)
	positional(p.Names.ObjectMarkers, hitObject)
	positional(p.Names.Prepositions, hitPrep)
	positional(p.Names.OrgPrepositions, hitOrgPrep)
	positional(p.Reporting.BareStop, hitStop)
	positional(p.Reporting.BareVerbs, hitBare)
	positional(p.Names.Titles, hitTitle)
	positional(p.ScareBefore, hitScare)
	positional(p.ScareWeak, hitScareWeak)
	if p.NoSpaces {
		b.addAll(p.Plain, hitPlain, 0)
	}
	// in the trie, so that every one is a hit the names beside it are read from
	b.addAll(p.Names.TitlesBefore, hitTitleBefore, 0)
	b.addAll(p.Names.TitlesAfter, hitTitleAfter, 0)
	positional(p.Reporting.Subjunctive, hitSubjunctive)
	for _, a := range p.Abbreviations {
		abbrev[strings.ToLower(strings.TrimSpace(a))] = true
	}
	c.split = newSplitter(abbrev, strings.Join(p.SentenceEnd, ""), strings.Join(p.Colons, ""))
	for _, q := range p.Quotes {
		o, _ := utf8.DecodeRuneInString(q.Open)
		cl, _ := utf8.DecodeRuneInString(q.Close)
		if _, known := marks[o]; !known || !strings.ContainsRune(marks[o].closers, cl) {
			c.pairs[o] += string(cl)
		}
	}
	c.stopLeads = stopLeads(c.split, c.pairs)
	c.endings = append([]string(nil), p.Names.Endings...)
	c.possessive = append([]string(nil), p.Names.Possessive...)
	c.anaphora = map[string]bool{}
	for _, w := range p.Reporting.Anaphora {
		c.anaphora[strings.ToLower(strings.TrimSpace(w))] = true
	}
	c.particles = map[string]bool{}
	for _, w := range p.Names.Particles {
		for _, f := range strings.Fields(w) {
			c.particles[strings.ToLower(f)] = true
		}
	}
	c.objectEndings = map[string]bool{}
	for _, e := range p.Names.ObjectEndings {
		if e = strings.TrimSpace(e); e != "" {
			c.objectEndings[e] = true
			c.endings = append(c.endings, e)
		}
	}
	sort.Slice(c.endings, func(i, j int) bool { return len(c.endings[i]) > len(c.endings[j]) })
	for _, pr := range p.Names.Prefixes {
		if pr = strings.TrimSpace(pr); pr != "" && !p.NoSpaces {
			c.prefixes = append(c.prefixes, string(fold(pr)))
		}
	}
	sort.Slice(c.prefixes, func(i, j int) bool { return len(c.prefixes[i]) > len(c.prefixes[j]) })
	c.lex = b.build(p.NoSpaces, nil)
	return c
}

// maxPrefixes is how many clitic prefixes a name may carry.
const maxPrefixes = 3

// prefixStarts appends to out the word starts and, after each, the
// offsets past one to maxPrefixes of the clitic prefixes at its front,
// where a letter still follows: where a name may start.
func (c *compiled) prefixStarts(out []int32, hay []byte, text string, starts []int32) []int32 {
	for _, s := range starts {
		out = append(out, s)
		at := int(s)
		for n := 0; n < maxPrefixes; n++ {
			found := false
			for _, pr := range c.prefixes {
				e := at + len(pr)
				if e < len(hay) && string(hay[at:e]) == pr && isWordRune(nextRune(text, e)) {
					out = append(out, int32(e))
					at, found = e, true
					break
				}
			}
			if !found {
				break
			}
		}
	}
	return out
}

// isOneWord reports whether w is a single word of word runes, with no
// stem mark, space or punctuation.
func isOneWord(w string) bool {
	for _, r := range w {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// Extract finds every quotation in d and attributes it. d.Lang must be set
// (see Detect); a language without a pack is read with the fallback pack.
func (x *Extractor) Extract(d *Document) []Quote {
	st := x.newState(d)
	st.run()
	st.buffers.ments = st.ments // grown by attribution, for the next document
	x.buffers.Put(st.buffers)
	return st.out
}
