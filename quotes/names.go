package quotes

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/prosener"
	"github.com/quotesheet/quotesheet/internal/runes"
)

// ner finds English person names with prose's named-entity model. The
// model is loaded once and shared; it is run on short windows of
// candidate sentences only, since it is slow and English-only.
type ner struct {
	once  sync.Once
	model *prosener.Model
	err   error
	calls atomic.Int64 // model runs, for tests
}

func newNER() *ner { return &ner{} }

// persons returns the spans of the person names the model finds in s. The
// model is prose's embedded data, loaded on first use; should it fail to
// load, which prosener's tests rule out for the module in go.sum, no names
// are found.
func (n *ner) persons(text string, s Span) []Span {
	n.once.Do(func() { n.model, n.err = prosener.Load() })
	if n.err != nil {
		return nil
	}
	n.calls.Add(1)
	sent := text[s.Start:s.End]
	var out []Span
	from := 0
	for _, e := range n.model.Entities(sent) {
		if e.Label != "PERSON" {
			continue
		}
		i := strings.Index(sent[from:], e.Text)
		if i < 0 {
			continue
		}
		out = append(out, Span{s.Start + from + i, s.Start + from + i + len(e.Text)})
		from += i + len(e.Text)
	}
	return out
}

// capitalNames finds runs of two to four capitalized words in s, the way
// names stand in cased scripts (Latin, Cyrillic, Greek, Armenian, Georgian
// capitals): "Jerłan Turgumbajew", "Leonid Kalashnikov". Titles from the
// language pack are left out of the name.
func (st *docState) capitalNames(s Span, initial bool) []Span {
	var out []Span
	var run []Span
	flush := func() {
		if len(run) >= 2 && len(run) <= 4 {
			out = append(out, Span{run[0].Start, run[len(run)-1].End})
		}
		run = run[:0]
	}
	i := s.Start
	for i < s.End {
		r, n := runes.Decode(st.text, i)
		if !isWordRune(r) {
			if r != ' ' && r != '\u00a0' {
				flush()
			}
			i += n
			continue
		}
		j := i
		for j < s.End {
			r2, n2 := runes.Decode(st.text, j)
			if !isWordRune(r2) && r2 != '-' {
				break
			}
			j += n2
		}
		word := st.text[i:j]
		if unicode.IsUpper(r) && utf8.RuneCountInString(word) > 1 && !st.isTitle(Span{i, j}) && !isAllUpper(word) && (!st.sentenceInitial(i) || initial && st.capitalNext(j, s.End)) {
			run = append(run, Span{i, j})
		} else {
			flush()
		}
		i = j
	}
	flush()
	return out
}

// capitalNext reports whether the word after the one ending at j, across a
// single space, is capitalized and is no title: a sentence that opens with a
// first name and a surname ("Gareth Southgate, the coach, ...") keeps the
// first name in the run.
func (st *docState) capitalNext(j, end int) bool {
	if j >= end || st.text[j] != ' ' {
		return false
	}
	k := j + 1
	r, _ := runes.Decode(st.text, k)
	if !unicode.IsUpper(r) {
		return false
	}
	e := k
	for e < end {
		r2, n2 := runes.Decode(st.text, e)
		if !isWordRune(r2) && r2 != '-' {
			break
		}
		e += n2
	}
	w := st.text[k:e]
	if utf8.RuneCountInString(w) <= 1 || isAllUpper(w) || st.isTitle(Span{k, e}) {
		return false
	}
	// the first word is no common word capitalized ("La București"): it
	// stands nowhere in the text in lower case
	first := st.text[st.wordsBefore(j, 1):j]
	return !st.hasWord(strings.ToLower(first))
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func (st *docState) isTitle(s Span) bool {
	if _, ok := st.wordHit(s, []hitKind{hitTitle, hitRole}); ok {
		return true
	}
	for _, h := range st.hitsIn(s) {
		if h.Span == s && (h.kind == hitTitle || h.kind == hitRole) {
			return true
		}
	}
	return false
}

// unknownNames returns mentions of people who are not on the roster, found
// in region: runs of capitalized words in cased scripts, which for English,
// when NER is on, prose confirms as persons (and reads the capitals itself
// where no run stands, for a surname alone).
func (st *docState) unknownNames(region Span, cue hit, useNER bool) []mention {
	var spans []Span
	if useNER && st.d.Lang == "en" && st.x.ner != nil {
		// prose is slow (a tenth of a millisecond a word): it confirms
		// the runs of capitalized words that could be names, and reads
		// the region's capitals itself only where there are no such runs
		// (a surname alone)
		if runs := st.capitalNames(region, false); len(runs) > 0 {
			wins := st.nerWindows(region)
			for _, r := range runs {
				if st.besideCue(r, cue) {
					// "said Jan Kowalski", "Jan Kowalski said": a name
					spans = append(spans, r)
					continue
				}
				for _, w := range wins {
					if w.Start >= r.End || w.End <= r.Start {
						continue
					}
					for _, p := range st.nerAt(w) {
						if p.Start < r.End && p.End > r.Start {
							spans = append(spans, p)
						}
					}
				}
			}
		} else if st.hasCapital(region, cue) {
			spans = st.nerIn(region)
		}
	} else if !st.c.pack.NoSpaces {
		spans = st.capitalNames(region, true)
	}
	var out []mention
	for _, s := range spans {
		if overlapsMention(st.ments, s) {
			continue
		}
		m := mention{Span: s, how: ByName, speaker: -1, name: st.text[s.Start:s.End]}
		if _, ok := st.hitAfter(m.End, hitObject); ok {
			m.object = true
		}
		if _, ok := st.hitBefore(m.Start, hitPrep); ok {
			m.object = true
		}
		if _, ok := st.hitAfter(m.End, hitSubject); ok {
			m.subject = true
		}
		out = append(out, m)
	}
	return out
}

// besideCue reports whether no word and no punctuation but a comma stand
// between s and the cue.
func (st *docState) besideCue(s Span, cue hit) bool {
	if cue.Empty() {
		return false
	}
	gap := Span{s.End, cue.Start}
	if cue.End <= s.Start {
		gap = Span{cue.End, s.Start}
	}
	return gap.Start <= gap.End && st.words(gap) == 0 && !strings.ContainsAny(st.text[gap.Start:gap.End], ".;:!?()\"“”«»—–")
}

// sentenceInitial reports whether the word at off opens its sentence, where
// a capital says nothing about a name.
func (st *docState) sentenceInitial(off int) bool {
	si := st.sentenceAt(off)
	if si < 0 || si >= len(st.sents) {
		return false
	}
	return st.words(Span{st.sents[si].Start, off}) == 0
}

// markedSubjects returns, in languages that mark the subject with a word
// after it (Hindi "ने", Urdu "نے"), the words before such a marker as a
// speaker off the roster, as written: up to four words, back to
// punctuation or to a word the pack knows for something else.
func (st *docState) markedSubjects(region Span) []mention {
	if st.c.pack.NoSpaces {
		return nil
	}
	var out []mention
	for _, w := range st.wordsIn(region) {
		if _, ok := st.wordHit(w, []hitKind{hitSubject}); ok {
			if m, ok := st.subjectBefore(region, w.Start); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// wordsIn returns the words that start in region, in order; the last may
// run past its end.
func (st *docState) wordsIn(region Span) []Span {
	var out []Span
	for i := region.Start; i < region.End; {
		w := st.wordAt(i)
		if w.Empty() {
			_, n := runes.Decode(st.text, i)
			i += n
			continue
		}
		out = append(out, w)
		i = w.End
	}
	return out
}

// subjectBefore gathers the words before off that form a subject.
func (st *docState) subjectBefore(region Span, off int) (mention, bool) {
	start, end := off, trimSpan(st.text, Span{region.Start, off}).End
	for n := 0; n < 4; n++ {
		w := st.wordBefore(start)
		if w.Empty() || w.Start < region.Start || st.words(Span{w.End, start}) > 0 {
			break
		}
		if gap := st.text[w.End:start]; strings.ContainsAny(gap, ",.;:!?।،\"“”«»()") {
			break
		}
		if _, known := st.wordHit(w, []hitKind{hitObject, hitPrep, hitSubject, hitStop}); known {
			break
		}
		if st.isTitle(w) || st.inMention(w.Start) {
			break
		}
		start = w.Start
	}
	if start >= end {
		return mention{}, false
	}
	s := Span{start, end}
	return mention{Span: s, how: ByName, speaker: -1, name: st.text[s.Start:s.End], subject: true}, true
}

// surnameBeside returns a lone capitalized word right before or right after
// the cue, within region: the surname reporters use alone ("…,” said
// Omirbekov", "— ответил Сидоров").
func (st *docState) surnameBeside(region Span, cue hit) []mention {
	if st.c.pack.NoSpaces {
		return nil
	}
	var out []mention
	for _, w := range []Span{st.wordAt(trimSpan(st.text, Span{cue.End, region.End}).Start), st.wordBefore(cue.Start)} {
		if w.Empty() || w.Start < region.Start || w.End > region.End {
			continue
		}
		r := nextRune(st.text, w.Start)
		if !unicode.IsUpper(r) || isAllUpper(st.text[w.Start:w.End]) || st.isTitle(w) || st.inMention(w.Start) {
			continue
		}
		name := st.text[w.Start:w.End]
		if full, ok := st.earlierName(w); ok {
			// the surname, perhaps inflected, of a person the article
			// named before, even where it opens the sentence
			name = full
		} else if st.sentenceInitial(w.Start) {
			continue
		}
		m := mention{Span: w, how: ByName, speaker: -1, name: name}
		out = append(out, m)
	}
	return out
}

// wordAt returns the word that starts at off.
func (st *docState) wordAt(off int) Span {
	e := off
	for e < len(st.text) {
		r, n := runes.Decode(st.text, e)
		if !isWordRune(r) && r != '-' {
			break
		}
		e += n
	}
	return Span{off, e}
}

// wordBefore returns the word that ends right before off, white space skipped.
func (st *docState) wordBefore(off int) Span {
	e := trimSpan(st.text, Span{max(0, off-64), off}).End
	b := e
	for b > 0 {
		r, n := runes.DecodeLast(st.text, b)
		if !isWordRune(r) && r != '-' {
			break
		}
		b -= n
	}
	return Span{b, e}
}

// hasCapital reports whether a word in s that does not open its sentence,
// and is no known mention or title, starts with a capital letter: a name
// off the roster may be there. A word beside the cue does not count: a
// surname alone there is surnameBeside's.
func (st *docState) hasCapital(s Span, cue hit) bool {
	in := false
	for i, r := range st.text[s.Start:s.End] {
		w := isWordRune(r)
		if w && !in && unicode.IsUpper(r) && !st.sentenceInitial(s.Start+i) && !st.inMention(s.Start+i) {
			e := s.Start + i
			for e < s.End {
				r2, n := runes.Decode(st.text, e)
				if !isWordRune(r2) {
					break
				}
				e += n
			}
			if word := (Span{s.Start + i, e}); !st.isTitle(word) && !st.besideCue(word, cue) {
				return true
			}
		}
		in = w
	}
	return false
}

// inMention reports whether off lies inside a mention.
func (st *docState) inMention(off int) bool {
	i := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].End > off })
	return i < len(st.ments) && st.ments[i].Start <= off
}

// nerIn returns the person names prose finds in region. prose costs about
// a tenth of a millisecond a word, so it reads only the runs of capitalized
// words in region, each with a word of context either side, and each such
// window once in a document.
func (st *docState) nerIn(region Span) []Span {
	var out []Span
	for _, w := range st.nerWindows(region) {
		for _, s := range st.nerAt(w) {
			if s.Start >= region.Start && s.End <= region.End {
				out = append(out, s)
			}
		}
	}
	return out
}

// nerAt returns the person names prose finds in the window w, running it
// once a window in the document.
func (st *docState) nerAt(w Span) []Span {
	if st.nerCache == nil {
		st.nerCache = map[Span][]Span{}
	}
	found, ok := st.nerCache[w]
	if !ok {
		found = st.x.ner.persons(st.text, w)
		st.nerCache[w] = found
	}
	return found
}

// nerWindows returns the runs of capitalized words in region, each grown
// by the word before and the word after it inside region, merged where
// they meet.
func (st *docState) nerWindows(region Span) []Span {
	words := st.wordsIn(region)
	if n := len(words); n > 0 {
		words[n-1].End = min(words[n-1].End, region.End)
	}
	var out []Span
	for k := 0; k < len(words); k++ {
		if r, _ := runes.Decode(st.text, words[k].Start); !unicode.IsUpper(r) {
			continue
		}
		j := k
		for j+1 < len(words) && startsUpper(st.text[words[j+1].Start:]) && !strings.ContainsAny(st.text[words[j].End:words[j+1].Start], ",.;:!?()\"“”«»") {
			j++
		}
		w := Span{words[max(k-1, 0)].Start, words[min(j+1, len(words)-1)].End}
		if n := len(out); n > 0 && w.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, w.End)
		} else {
			out = append(out, w)
		}
		k = j
	}
	return out
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// earlierName returns the full name of a person off the roster whom the
// article named before w, when the word at w is that name's last word, bare
// or with one of the language's endings ("Rehnin mukaan" after "Olli Rehn").
func (st *docState) earlierName(w Span) (string, bool) {
	word := st.text[w.Start:w.End]
	for i := len(st.ments) - 1; i >= 0; i-- {
		m := st.ments[i]
		if m.how != ByName || m.speaker >= 0 || m.Start >= w.Start || m.name == "" {
			continue
		}
		last := m.name[strings.LastIndexByte(m.name, ' ')+1:]
		if len(last) < 3 {
			continue
		}
		if word == last {
			return m.name, true
		}
		if strings.HasPrefix(word, last) {
			rest := word[len(last):]
			for _, e := range st.c.endings {
				if rest == e {
					return m.name, true
				}
			}
		}
	}
	return "", false
}

// baseName strips from the last word of a name off the roster one of the
// language's endings, when the bare form stands elsewhere in the article as
// a word of its own: "Dosym Satpajevin mielestä" names Dosym Satpajev where
// the article also writes "Satpajev sanoi".
func (st *docState) baseName(name string) string {
	i := strings.LastIndexByte(name, ' ') + 1
	last := name[i:]
	for _, e := range st.c.endings {
		if len(last) < len(e)+3 || !strings.HasSuffix(last, e) {
			continue
		}
		if base := last[:len(last)-len(e)]; st.hasWord(base) {
			return name[:i] + base
		}
	}
	return name
}

// hasWord reports whether w stands in the text as a whole word.
func (st *docState) hasWord(w string) bool {
	if st.wordSet == nil {
		st.wordSet = make(map[string]struct{}, len(st.text)/6)
		for i := 0; i < len(st.text); {
			r, n := runes.Decode(st.text, i)
			if !isWordRune(r) {
				i += n
				continue
			}
			j := i
			for j < len(st.text) {
				r2, n2 := runes.Decode(st.text, j)
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			st.wordSet[st.text[i:j]] = struct{}{}
			i = j
		}
	}
	_, ok := st.wordSet[w]
	return ok
}
