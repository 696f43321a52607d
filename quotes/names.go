package quotes

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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
// language pack are left out of the name. With initial, a sentence's first
// word may open a run when a capitalized word follows it.
//
// The document's runs are read once for each mode (rawRuns); a region takes
// the words of the runs that lie in it, so that attribution, which asks for
// many overlapping regions, reads no character twice.
func (st *docState) capitalNames(s Span, initial bool) []Span {
	return st.appendCapitalNames(nil, s, initial)
}

// appendCapitalNames appends the names capitalNames finds in s to out,
// growing it at most once.
func (st *docState) appendCapitalNames(out []Span, s Span, initial bool) []Span {
	runs := st.rawRuns(initial)
	// the first run that ends after s starts
	m := 0
	if initial {
		m = 1
	}
	last := func(k int) int { return runs[k][len(runs[k])-1].End }
	if st.runBlocks[m] == nil {
		st.runBlocks[m] = newBlockIndex(len(st.text), len(runs), last)
	}
	k := st.runBlocks[m].start(s.Start + 1)
	for k < len(runs) && last(k) <= s.Start {
		k++
	}
	end := k // the runs that start in s
	for end < len(runs) && runs[end][0].Start < s.End {
		end++
	}
	var buf [8]Span
	in := buf[:0] // the words of one run that lie in s
	for ; k < end; k++ {
		in = in[:0]
		for _, w := range runs[k] {
			if w.Start >= s.Start && w.End <= s.End {
				in = append(in, w)
			}
		}
		if r, ok := st.nameRun(in, initial); ok {
			out = append(slices.Grow(out, end-k), r)
		}
	}
	return out
}

// nameRun returns the name a run of capitalized words makes, if any.
func (st *docState) nameRun(run []Span, initial bool) (Span, bool) {
	// a sentence-initial word joins a run only as the first name of
	// a lone surname: before a full name it is a capitalized noun
	// ("Taxichauffeur Daulet Ospanov")
	if initial && len(run) >= 3 && st.sentenceInitial(run[0].Start) {
		run = run[1:]
	}
	if len(run) > 4 {
		// a place or an organization before the name ("Quảng Nam Lê
		// Trí Thanh"): the last three words
		run = run[len(run)-3:]
	}
	if len(run) < 2 {
		return Span{}, false
	}
	return Span{run[0].Start, run[len(run)-1].End}, true
}

// rawRuns returns, read once, the document's runs of capitalized words, each
// as its words, in text order: words that could be part of a name, taken
// together where only spaces and name particles stand between them.
func (st *docState) rawRuns(initial bool) [][]Span {
	if !st.runsDone {
		st.runsDone = true
		st.runs = st.readRuns(st.buffers, true)
	}
	if initial {
		return st.runs[1]
	}
	return st.runs[0]
}

// readRuns reads the runs of capitalized words of the text (see rawRuns).
// Where no run is open, only a word that opens with a capital changes
// anything: with skip, the reading skips to the next one (see
// skipToCapital); without, it reads every character, to the same runs.
func (st *docState) readRuns(buf *textIndex, skip bool) [2][][]Span {
	// both modes at once, each word read once: [0] without sentence-initial
	// words, [1] with those a capitalized word follows
	b := runBuilder{all: buf.runWords[:0], runs: [2][][]Span{buf.runs[0][:0], buf.runs[1][:0]}}
	text := st.text
	end := len(text)
	si := 0           // the sentence of i, as sentenceAt finds it: i only grows
	k, upper := 0, -1 // the word index's cursor, and the capital skipped to
	i := 0
	for i < end {
		if skip && i > upper && !b.open(0) && !b.open(1) {
			if i, upper = st.skipToCapital(i, &k); i >= end {
				break
			}
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(text, i)
		}
		if !isWordRune(r) {
			if r != ' ' && r != '\u00a0' {
				b.end(0)
				b.end(1)
			}
			i += n
			continue
		}
		j := i
		for j < end {
			if c := text[j]; c < 0x80 && c != '\'' && c != '`' {
				// ASCII, read inline: letters, digits and hyphens go on
				if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' {
					j++
					continue
				}
				break
			}
			r2, n2 := runes.Decode(text, j)
			if isApostrophe(r2) {
				// an apostrophe inside a name (O'Brien, Ulug'bek), but not
				// one that opens a case ending (Erdem'e, Bakanlığı'ndan)
				if j+n2 < end && isWordRune(nextRune(text, j+n2)) && !st.isEnding(j, end) {
					j += n2
					continue
				}
				break
			}
			if !isWordRune(r2) && r2 != '-' {
				break
			}
			j += n2
		}
		if !runes.IsUpper(r) {
			// a word in lower case ends both runs, or is a name particle
			// inside them ("Jan de Vries")
			if b.open(0) || b.open(1) {
				b.other(0, text[i:j], st.c.particles)
				b.other(1, text[i:j], st.c.particles)
			}
			i = j
			continue
		}
		word := text[i:j]
		capital := utf8.RuneCountInString(word) > 1 && !isAllUpper(word) && !st.isTitle(Span{i, j})
		in := [2]bool{capital, capital}
		if capital {
			for si+1 < len(st.sents) && st.sents[si].End <= i {
				si++
			}
			if st.opensSentence(si, i) {
				in[0], in[1] = false, st.capitalNext(j, end)
			}
		}
		for m := range 2 {
			if in[m] {
				b.name(m, Span{i, j})
			} else {
				b.other(m, word, st.c.particles)
			}
		}
		i = j
	}
	b.end(0)
	b.end(1)
	buf.runWords, buf.runs = b.all, b.runs
	return b.runs
}

// isApostrophe reports the apostrophes a word of a name may hold.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == '`' }

// skipToCapital returns where readRuns, at i with no run open, may go on
// reading as if it had read up to there, and the offset of the capital it
// skipped to: the first word of the index at i or after it that opens with
// a capital letter and follows no word character, less the words and
// hyphens and apostrophes that may join it to a word before it
// ("anti-Putin"). No word before that opens with a capital, so reading
// them would open no run. k is a cursor into the word index, moved
// forward; with no capital left, both are the end of the text.
func (st *docState) skipToCapital(i int, k *int) (int, int) {
	text, words := st.text, st.wordIdx
	for *k < len(words) && int(words[*k]) < i {
		*k++
	}
	for ; *k < len(words); *k++ {
		p := int(words[*k])
		if c := text[p]; c < utf8.RuneSelf {
			if c-'A' >= 26 { // ASCII's capitals are A to Z
				continue
			}
		} else if r, _ := runes.Decode(text, p); !runes.IsUpper(r) {
			continue
		}
		if isWordRune(prevRune(text, p)) {
			continue
		}
		h := p
		for h > i {
			q, n := runes.DecodeLast(text, h)
			if !isWordRune(q) && q != '-' && !isApostrophe(q) {
				break
			}
			h -= n
		}
		return h, p
	}
	return len(text), len(text)
}

// runBuilder gathers the runs of capitalized words of both modes of
// readRuns.
type runBuilder struct {
	all       []Span      // the words of every run, one after another
	runs      [2][][]Span // the runs, views of all
	run       [2][]Span   // the run being read
	particles [2]int      // name particles ("van", "de") waiting for a capitalized word
}

// open reports whether mode m has a run or particles waiting.
func (b *runBuilder) open(m int) bool { return len(b.run[m]) > 0 || b.particles[m] > 0 }

// name adds a capitalized word to mode m's run.
func (b *runBuilder) name(m int, w Span) {
	b.run[m] = append(b.run[m], w)
	if b.particles[m] > 0 {
		b.end(m) // the surname after the particles ends the name
	}
	b.particles[m] = 0
}

// other reads a word that is not part of a name in mode m: a name
// particle inside a run goes on waiting for a capital, anything else ends
// the run.
func (b *runBuilder) other(m int, word string, particles map[string]bool) {
	switch {
	case len(b.run[m]) > 0 && b.particles[m] < 2 && len(particles) > 0 && particles[strings.ToLower(word)]:
		b.particles[m]++
	case b.open(m):
		b.end(m)
	}
}

// end closes mode m's run.
func (b *runBuilder) end(m int) {
	if !b.open(m) {
		return
	}
	if len(b.run[m]) > 0 {
		b.all = append(b.all, b.run[m]...)
		b.runs[m] = append(b.runs[m], b.all[len(b.all)-len(b.run[m]):len(b.all):len(b.all)])
	}
	b.run[m] = b.run[m][:0]
	b.particles[m] = 0
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
	if !runes.IsUpper(r) {
		return false
	}
	e := st.wordEnd(k, end)
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
		if runes.IsLower(r) {
			return false
		}
	}
	return true
}

func (st *docState) isTitle(s Span) bool {
	if _, ok := st.wordHit(s, []hitKind{hitTitle, hitRole}); ok {
		return true
	}
	if i := strings.LastIndexByte(st.text[s.Start:s.End], '-'); i > 0 && s.Start+i+1 < s.End && runes.IsUpper(nextRune(st.text, s.Start)) {
		// "ABVV-voorzitter", "Nato-chefen": an organization's name and a title
		if st.isTitle(Span{s.Start + i + 1, s.End}) {
			return true
		}
	}
	// a hit that is s starts where s does
	for i := st.hitFrom(s.Start); s.Start < s.End && i < len(st.hits) && st.hits[i].Start == s.Start; i++ {
		if h := st.hits[i]; h.End == s.End && (h.kind == hitTitle || h.kind == hitRole) {
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
	if len(spans) == 0 && st.c.pack.Names.AfterTitle {
		spans = st.titledNames(region)
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
	return gap.Start <= gap.End && st.words(gap) == 0 && !besidePunct.In(st.text[gap.Start:gap.End])
}

// sentenceInitial reports whether the word at off opens its sentence, where
// a capital says nothing about a name.
func (st *docState) sentenceInitial(off int) bool {
	return st.opensSentence(st.sentenceAt(off), off)
}

// opensSentence is sentenceInitial for the word at off in sentence si,
// as sentenceAt(off) gives it.
func (st *docState) opensSentence(si, off int) bool {
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
	// about as many as the word index counts there
	out := make([]Span, 0, st.words(region)+1)
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

// capitalWordsIn returns the words of region, as wordsIn finds them, that
// open with a capital letter. Past region's start such a word follows a
// character that is neither a word's nor a hyphen, so it starts a word of
// the index: only those are read.
func (st *docState) capitalWordsIn(region Span) []Span {
	var out []Span
	if region.Start < region.End && runes.IsUpper(nextRune(st.text, region.Start)) {
		out = append(out, st.wordAt(region.Start))
	}
	for k := st.startsBefore(region.Start + 1); k < len(st.wordIdx) && int(st.wordIdx[k]) < region.End; k++ {
		p := int(st.wordIdx[k])
		if !runes.IsUpper(nextRune(st.text, p)) {
			continue
		}
		if q := prevRune(st.text, p); isWordRune(q) || q == '-' {
			continue
		}
		out = append(out, st.wordAt(p))
	}
	return out
}

// casedWordIn reports whether a word of region, as wordsIn finds them,
// starts with a letter that has case.
func (st *docState) casedWordIn(region Span) bool {
	for i := region.Start; i < region.End; {
		r, n := rune(st.text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, i)
		}
		if !isWordRune(r) && r != '-' {
			i += n
			continue
		}
		if runes.IsUpper(r) || runes.IsLower(r) {
			return true
		}
		i = st.wordEnd(i, len(st.text))
	}
	return false
}

// subjectBefore gathers the words before off that form a subject.
func (st *docState) subjectBefore(region Span, off int) (mention, bool) {
	start, end := off, trimSpan(st.text, Span{region.Start, off}).End
	for n := 0; n < 4; n++ {
		w := st.wordBefore(start)
		if w.Empty() || w.Start < region.Start || st.words(Span{w.End, start}) > 0 {
			break
		}
		if gap := st.text[w.End:start]; gapPunct.In(gap) {
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
	if st.c.pack.Names.AfterTitle {
		return st.subjectAfter(region, cue)
	}
	var out []mention
	after := st.wordAt(trimSpan(st.text, Span{cue.End, region.End}).Start)
	for n := 0; n < 2 && !after.Empty() && after.End < region.End && st.isTitle(after) && !runes.IsUpper(nextRune(st.text, after.Start)); n++ {
		// "είπε ο κ. Μητσοτάκης", "– mówi pani Barbara", "zei premier
		// Rutte": the article and the title before the name
		gap := trimSpanFunc(st.text, Span{after.End, region.End}, func(r rune) bool { return isSpace(r) || r == '.' })
		next := st.wordAt(gap.Start)
		if next.Empty() || strings.TrimSpace(strings.TrimLeft(st.text[after.End:next.Start], ".")) != "" {
			break
		}
		after = next
	}
	cands := []Span{after, st.wordBefore(cue.Start)}
	if b := trimSpan(st.text, Span{max(region.Start, cue.Start-8), cue.Start}); !b.Empty() && st.text[b.End-1] == ',' {
		// "…, de taxichauffeur Daulet, zegt": an apposition's comma
		cands = append(cands, st.wordBefore(b.End-1))
	}
	for _, w := range cands {
		if w.Empty() || w.Start < region.Start || w.End > region.End {
			continue
		}
		r := nextRune(st.text, w.Start)
		if !runes.IsUpper(r) || isAllUpper(st.text[w.Start:w.End]) || st.isTitle(w) || st.inMention(w.Start) {
			continue
		}
		name := st.text[w.Start:w.End]
		if full, ok := st.earlierFullName(w); ok {
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

// earlierSurnames returns the capitalized words of region, even one that
// opens its sentence ("Yerlikaya, “…” dedi."), that repeat the last word
// of a name off the roster written in full before region, named by it.
func (st *docState) earlierSurnames(region Span) []mention {
	if st.c.pack.NoSpaces {
		return nil
	}
	var out []mention
	for i := region.Start; i < region.End; {
		r, n := rune(st.text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, i)
		}
		if !isWordRune(r) || !runes.IsUpper(r) {
			i += n
			continue
		}
		w := st.wordAt(i)
		if w.End > region.End || w.Empty() {
			break
		}
		if !st.inMention(w.Start) && !st.isTitle(w) {
			if full, ok := st.earlierName(w); ok && full.End <= region.Start {
				out = append(out, mention{Span: w, how: ByName, speaker: -1, name: st.text[full.Start:full.End]})
			}
		}
		i = w.End
	}
	return out
}

// earlierName returns the latest run of capitalized words before w, of two
// words or more, whose last word is w's word, both read without the
// language's name endings ("Pawła Kubisza" for "Kubisz").
func (st *docState) earlierName(w Span) (Span, bool) {
	stem := st.nameStem(st.text[w.Start:w.End])
	if utf8.RuneCountInString(stem) < 4 {
		return Span{}, false
	}
	st.indexSurnames()
	runs := st.bySurname[strings.ToLower(stem)]
	k := sort.Search(len(runs), func(k int) bool { return runs[k].Start >= w.Start })
	if k == 0 {
		return Span{}, false
	}
	return runs[k-1], true
}

// indexSurnames files, once, the person runs among the document's runs of
// capitalized words (see personRun) of two words or more by the stem of
// their last word, in text order.
func (st *docState) indexSurnames() {
	if st.bySurname != nil {
		return
	}
	st.indexCapRuns()
	st.bySurname = map[string][]Span{}
	for _, r := range st.capRuns {
		run, ok := st.personRun(r)
		if !ok {
			continue
		}
		last := st.wordBefore(run.End)
		if last.Start <= run.Start {
			continue
		}
		key := strings.ToLower(st.nameStem(st.text[last.Start:last.End]))
		st.bySurname[key] = append(st.bySurname[key], run)
	}
}

// indexCapRuns finds the document's runs of capitalized words, once.
func (st *docState) indexCapRuns() {
	if !st.capDone {
		st.capDone = true
		st.capRuns = st.capitalNames(Span{0, len(st.text)}, false)
	}
}

// personRun cuts a run of capitalized words before the first roster mention
// in it ("Белоруссии Александр Лукашенко" is no one's name off the roster;
// "Данияр Әшімбаев ҰҚШҰ-ның" is "Данияр Әшімбаев"), and reports whether
// two words at least are left.
func (st *docState) personRun(run Span) (Span, bool) {
	for _, m := range st.ments[mentionsNear(st.ments, run.Start):] {
		if m.Start >= run.End {
			break
		}
		if m.End > run.Start && m.speaker >= 0 {
			if m.Start <= run.Start {
				return Span{}, false
			}
			run.End = trimSpan(st.text, Span{run.Start, m.Start}).End
			break
		}
	}
	return run, spaces.In(st.text[run.Start:run.End])
}

// nameStem returns a word less the longest of the language's name endings
// it ends with, leaving three letters at least.
func (st *docState) nameStem(word string) string {
	for _, e := range st.c.endings {
		if strings.HasSuffix(word, e) && utf8.RuneCountInString(word)-utf8.RuneCountInString(e) >= 3 {
			return word[:len(word)-len(e)]
		}
	}
	return word
}

// subjectAfter returns, in a script without case (names.after_title), the
// words between a verb and the end of its sentence as the speaker
// ("‘…,’ বলেন সিকান্দার রাজা।"): up to three words, none a lexicon word or
// a known mention, with nothing but white space between them.
func (st *docState) subjectAfter(region Span, cue hit) []mention {
	si := st.sentenceAt(cue.Start)
	if si < 0 || si >= len(st.sents) {
		return nil
	}
	rest := trimSpanFunc(st.text, Span{cue.End, min(region.End, st.sents[si].End)}, func(r rune) bool { return isSpace(r) || isTerminal(r) })
	if rest.Empty() || st.words(rest) > 3 || st.inMention(rest.Start) {
		return nil
	}
	for _, w := range st.wordsIn(rest) {
		if w.End > rest.End || st.isTitle(w) {
			return nil
		}
	}
	for i := rest.Start; i < rest.End; {
		r, n := rune(st.text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, i)
		}
		if !isWordRune(r) && !isSpace(r) && r != '-' {
			return nil
		}
		i += n
	}
	if len(st.hitsIn(rest)) > 0 {
		return nil
	}
	return []mention{{Span: rest, how: ByName, speaker: -1, name: st.text[rest.Start:rest.End]}}
}

// wordAt returns the word that starts at off.
func (st *docState) wordAt(off int) Span { return Span{off, st.wordEnd(off, len(st.text))} }

// wordEnd returns where the word that starts at off ends, hyphens included
// ("Kassym-Jomart"), at end at the latest.
func (st *docState) wordEnd(off, end int) int {
	for off < end {
		r, n := rune(st.text[off]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, off)
		}
		if !isWordRune(r) && r != '-' {
			break
		}
		off += n
	}
	return off
}

// wordBefore returns the word that ends right before off, white space skipped.
func (st *docState) wordBefore(off int) Span {
	e := trimmedEnd(st.text, max(0, off-64), off)
	b := e
	for b > 0 {
		r, n := rune(st.text[b-1]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.DecodeLast(st.text, b)
		}
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
		if w && !in && runes.IsUpper(r) && !st.sentenceInitial(s.Start+i) && !st.inMention(s.Start+i) {
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
		if r, _ := runes.Decode(st.text, words[k].Start); !runes.IsUpper(r) {
			continue
		}
		j := k
		for j+1 < len(words) && startsUpper(st.text[words[j+1].Start:]) && !namePunct.In(st.text[words[j].End:words[j+1].Start]) {
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
	return runes.IsUpper(r)
}

// uncasedNames returns, in scripts without capital letters (Hebrew, Arabic),
// the names a capital cannot show: two or three words after a title or a
// role noun, a comma between allowed ("ח״כ יוסי לוי", "שר האוצר, אביגדור
// ליברמן"), and two or three words set off by commas right before the
// cue ("…, מודי שפריר, סבור"). No word of the name may be one the pack
// knows or a mention.
func (st *docState) uncasedNames(region Span, cue hit) []mention {
	if st.c.pack.NoSpaces {
		return nil
	}
	if st.casedWordIn(region) {
		return nil // a cased script: capitalNames reads it
	}
	words := st.wordsIn(region)
	var out []mention
	name := func(k int, requireComma bool) (Span, bool) {
		// words[k:] up to three plain words, ending at punctuation
		n := 0
		var s Span
		for j := k; j < len(words) && n < 3; j++ {
			w := words[j]
			if w.End > region.End || st.known(w) {
				break
			}
			if n > 0 && strings.TrimSpace(st.text[words[j-1].End:w.Start]) != "" {
				break
			}
			if n == 0 {
				s.Start = w.Start
			}
			s.End = w.End
			n++
		}
		if n < 2 {
			return s, false
		}
		rest := strings.TrimLeft(st.text[s.End:region.End], " \u00a0")
		if n == 3 && (rest == "" || isWordRune(nextRune(rest, 0))) {
			// a third word only where punctuation closes the name
			s.End = words[k+1].End
			rest = strings.TrimLeft(st.text[s.End:region.End], " \u00a0")
		}
		if requireComma && !strings.HasPrefix(rest, ",") {
			return s, false
		}
		return s, true
	}
	add := func(s Span) {
		if !overlapsMention(st.ments, s) {
			out = append(out, mention{Span: s, how: ByName, speaker: -1, name: st.text[s.Start:s.End]})
		}
	}
	for k, w := range words {
		if !st.isTitle(w) && !st.roleEnds(w) {
			continue
		}
		j := k + 1
		if j < len(words) && strings.TrimSpace(st.text[w.End:words[j].Start]) != "" {
			if strings.TrimSpace(st.text[w.End:words[j].Start]) != "," {
				continue
			}
		}
		if s, ok := name(j, false); ok {
			add(s)
		}
	}
	if !cue.Empty() {
		// ", X Y, verb"
		for k := range words {
			if k == 0 || strings.TrimSpace(st.text[words[k-1].End:words[k].Start]) != "," {
				continue
			}
			if s, ok := name(k, true); ok {
				if gap := strings.TrimSpace(st.text[s.End:cue.Start]); gap == "," {
					add(s)
				}
			}
		}
	}
	return out
}

// known reports whether the word w is one the pack knows (any lexicon hit
// or positional word) or lies in a mention.
func (st *docState) known(w Span) bool {
	if st.inMention(w.Start) {
		return true
	}
	for _, h := range st.hitsIn(Span{w.Start, w.End}) {
		if h.Start < w.End && h.End > w.Start {
			return true
		}
	}
	return st.c.words.of(st.folded[w.Start:w.End]) != 0
}

// roleEnds reports whether a role noun's hit ends with the word w.
func (st *docState) roleEnds(w Span) bool {
	h, ok := st.hitBefore(w.End, hitRole, hitTitle)
	return ok && h.End == w.End
}

// knownSurnames returns, in region, the surnames alone of speakers off the
// roster whom the article named in full before, with the language's name
// endings ("Дастан Бекешев … Бекешев", "Эмил Жораев … Жораевдин айтымында"):
// each stands for the full name.
func (st *docState) knownSurnames(region Span) []mention {
	named := false
	for _, m := range st.ments[:st.mentionsBefore(region.End)] {
		if m.how == ByName && m.speaker < 0 && strings.IndexByte(m.name, ' ') >= 0 {
			named = true
			break
		}
	}
	if !named {
		return nil
	}
	var out []mention
	for _, w := range st.capitalWordsIn(region) {
		if overlapsMention(st.ments, w) {
			continue
		}
		word := st.text[w.Start:w.End]
		for _, m := range st.ments[:st.mentionsBefore(w.Start)] {
			if m.how != ByName || m.speaker >= 0 {
				continue
			}
			sp := strings.LastIndexByte(m.name, ' ')
			if sp < 0 {
				continue
			}
			surname := m.name[sp+1:]
			if utf8.RuneCountInString(surname) < 3 || !strings.HasPrefix(word, surname) {
				continue
			}
			rest := word[len(surname):]
			ok := rest == ""
			for _, e := range st.c.endings {
				ok = ok || rest == e
			}
			if ok {
				n := mention{Span: w, how: ByName, speaker: -1, name: m.name}
				_, after := st.hitAfter(n.End, hitObject)
				_, before := st.hitBefore(n.Start, hitPrep)
				n.object = after || before
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// titledNames returns, where the pack finds names after titles (scripts
// without capitals), the words after each title in region as a name off
// the roster: up to three words, or where words are not spaced the run to
// the next space or lexicon word and one more such run (the given name and
// the surname), none holding a lexicon word, and no punctuation between.
func (st *docState) titledNames(region Span) []Span {
	var out []Span
	hs := st.hitsIn(region)
	for i, h := range hs {
		if h.kind != hitTitle {
			continue
		}
		// a longer word that starts with the title is not one ("นายก")
		longer := false
		for _, o := range hs[max(0, i-4):min(len(hs), i+5)] {
			longer = longer || o.Start == h.Start && o.End > h.End && o.kind != hitTitle
		}
		if !longer {
			if s := st.nameAfterTitle(h.End, region.End); !s.Empty() {
				out = append(out, s)
			}
		}
	}
	if !st.c.pack.NoSpaces {
		for _, w := range st.wordsIn(region) {
			if _, ok := st.wordHit(w, []hitKind{hitTitle}); ok {
				if s := st.nameAfterTitle(w.End, region.End); !s.Empty() {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// nameAfterTitle returns the name that follows a title ending at off, up
// to end (see titledNames), or an empty span.
func (st *docState) nameAfterTitle(off, end int) Span {
	// a lexicon word ends a name: it starts no part of it
	stop := func(a, b int) int {
		i := st.hitFrom(a)
		for ; i < len(st.hits) && st.hits[i].Start < b; i++ {
			if h := st.hits[i]; h.Start > a || h.kind != hitTitle {
				return h.Start
			}
		}
		return b
	}
	start := trimSpan(st.text, Span{off, end}).Start
	if start-off > 1 && st.c.pack.NoSpaces {
		return Span{}
	}
	name := Span{start, start}
	parts := 3
	if st.c.pack.NoSpaces {
		parts = 2
	}
	for n := 0; n < parts; n++ {
		a := trimSpan(st.text, Span{name.End, end}).Start
		if n > 0 && (a-name.End != 1 || !isSpace(nextRune(st.text, name.End))) {
			break // one space between the parts, no punctuation
		}
		b := st.wordEnd(a, end)
		if s := stop(a, b); s < b {
			if s > a {
				name.End = s // "นายเกรียงไกรกล่าว": the verb ends the name
			}
			break
		}
		if b == a || utf8.RuneCountInString(st.text[a:b]) > 20 {
			break
		}
		name.End = b
	}
	if name.Empty() || st.inMention(name.Start) {
		return Span{}
	}
	return name
}

// isEnding reports whether the rest of the word from off, up to end, is
// one of the language's name endings ("'ndan").
func (st *docState) isEnding(off, end int) bool {
	k := off
	if _, n := runes.Decode(st.text, k); n > 0 {
		k += n
	}
	for k < end {
		r, n := runes.Decode(st.text, k)
		if !isWordRune(r) {
			break
		}
		k += n
	}
	rest := st.text[off:k]
	for _, e := range st.c.endings {
		if rest == e {
			return true
		}
	}
	return false
}

// earlierFullName returns the full name of a person off the roster whom the
// article named before w, when the word at w is that name's last word, bare
// or with one of the language's endings ("Rehnin mukaan" after "Olli Rehn").
func (st *docState) earlierFullName(w Span) (string, bool) {
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

// hasWord reports whether w stands in the text as a whole word. Each word
// asked for is looked for once; few are asked for in a document.
func (st *docState) hasWord(w string) bool {
	if ok, seen := st.wordSeen[w]; seen {
		return ok
	}
	found := false
	if w != "" {
		for i := 0; !found; {
			k := strings.Index(st.text[i:], w)
			if k < 0 {
				break
			}
			at := i + k
			end := at + len(w)
			found = (at == 0 || !isWordRune(prevRune(st.text, at))) && (end == len(st.text) || !isWordRune(nextRune(st.text, end)))
			i = at + 1
		}
	}
	if st.wordSeen == nil {
		st.wordSeen = map[string]bool{}
	}
	st.wordSeen[w] = found
	return found
}
