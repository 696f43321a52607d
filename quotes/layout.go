package quotes

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// labels finds transcript turns: paragraphs that open with a speaker label
// and a colon ("MS. PSAKI:", "Q:", "Secretary General:"). A document needs
// two such paragraphs to be read as a transcript; a turn runs until the
// next label.
func (st *docState) labels(marked []markedSpan) {
	type turn struct {
		label Span
		body  Span
	}
	var turns []turn
	// a capitalized label that opens two paragraphs or more is a speaker's
	// too ("Интерфакс:", "Reporter:")
	seen := map[string]int{}
	for _, p := range st.paras {
		if l, ok := st.labelCandidate(p); ok {
			seen[strings.ToLower(st.text[l.Start:l.End])]++
		}
	}
	at := func(p Span) (Span, bool) {
		if l, ok := st.labelAt(p); ok {
			return l, true
		}
		if l, ok := st.labelCandidate(p); ok && runes.IsUpper(nextRune(st.text, l.Start)) && seen[strings.ToLower(st.text[l.Start:l.End])] >= 2 {
			return l, true
		}
		return Span{}, false
	}
	labs := make([]Span, len(st.paras))
	isLab := make([]bool, len(st.paras))
	last := -1
	for pi, p := range st.paras {
		labs[pi], isLab[pi] = at(p)
		if isLab[pi] {
			last = pi
		}
	}
	for pi, p := range st.paras {
		l, ok := labs[pi], isLab[pi]
		if !ok {
			continue
		}
		if c := trimSpan(st.text, Span{runeEnd(st.text, indexColon(st.text[l.End:p.End])+l.End), p.End}); !c.Empty() && strings.ContainsRune("«„“\"‘‹", nextRune(st.text, c.Start)) {
			continue // a headline "X: «…»" quotes X; it is no transcript turn
		}
		body := Span{l.End, p.End}
		// a turn runs over the paragraphs up to the next label; the last
		// turn keeps to its paragraph, since narration may follow it
		for pj := pi + 1; pj < len(st.paras) && pi != last && !isLab[pj]; pj++ {
			body.End = st.paras[pj].End
		}
		// the colon after the label
		body.Start = runeEnd(st.text, indexColon(st.text[body.Start:body.End])+body.Start)
		body = trimSpan(st.text, body)
		if body.Empty() {
			continue
		}
		turns = append(turns, turn{label: l, body: body})
	}
	if len(turns) < 2 {
		return
	}
	for _, t := range turns {
		colon := indexColon(st.text[t.label.End:t.body.Start]) + t.label.End
		a := attribution{found: true, adjacent: true, cue: Span{colon, runeEnd(st.text, colon)}}
		name := st.text[t.label.Start:t.label.End]
		if utf8.RuneCountInString(strings.Trim(name, ". ")) <= 2 {
			name = "" // "Q", "A": the questioner is nobody the sheet can name
		}
		a.r = resolved{speaker: -1, name: name, mention: t.label, how: ByLabel, known: true}
		for _, m := range st.mentionsIn(t.label) {
			r := st.resolve(m)
			if r.known {
				a.r.speaker, a.r.name = r.speaker, r.name
				break
			}
		}
		st.turns = append(st.turns, t.body)
		q := st.quote(Label, t.body, a)
		q.Attribution = ByLabel
		q.Confidence = baseConfidence[ByLabel]
		st.out = append(st.out, q)
	}
}

// labelCandidate returns what may be a speaker label opening paragraph p:
// at most four words before a colon, with no comma or quote mark.
func (st *docState) labelCandidate(p Span) (Span, bool) {
	end := min(p.End, p.Start+60)
	i := indexColon(st.text[p.Start:end])
	if i <= 0 {
		return Span{}, false
	}
	l := trimSpan(st.text, Span{p.Start, p.Start + i})
	if l.Empty() || st.words(l) > 4 || p.Start+i+1 >= p.End {
		return Span{}, false
	}
	if commaOrMarks.In(st.text[l.Start:l.End]) {
		return Span{}, false
	}
	return l, true
}

// labelAt returns the speaker label that opens paragraph p: a label
// candidate written in capitals or naming a speaker or role.
func (st *docState) labelAt(p Span) (Span, bool) {
	l, ok := st.labelCandidate(p)
	if !ok {
		return Span{}, false
	}
	word := st.text[l.Start:l.End]
	if upperLabel(word) {
		return l, true
	}
	for _, m := range st.mentionsIn(l) {
		if (m.how == ByName || m.how == ByRole) && st.words(l) <= st.words(m.Span)+1 {
			return l, true
		}
	}
	return Span{}, false
}

// upperLabel reports a label written in capitals ("MS. PSAKI", "Q").
func upperLabel(s string) bool {
	letters := 0
	for _, r := range s {
		if runes.IsLower(r) {
			return false
		}
		if runes.IsUpper(r) {
			letters++
		}
	}
	return letters >= 1
}

// pulls finds pull quotes that lost their marks: a paragraph with no marks
// and no reporting verb that ends with a speaker's full name, maybe
// followed by their title ("… American position Maria ZakharovaOfficial
// representative of …"). The words before the name are the quote.
func (st *docState) pulls(marked []markedSpan) {
	for _, p := range st.paras {
		if overlapsMarked(marked, p) || st.hasCue(p) {
			continue
		}
		for _, name := range st.mentionsIn(p) {
			if name.how != ByName || name.speaker < 0 || st.x.roster.speakers[name.speaker].isOrg() || st.words(name.Span) < 2 {
				continue
			}
			quote := trimSpan(st.text, Span{p.Start, name.Start})
			tail := Span{name.End, p.End}
			if st.words(quote) < 6 || st.words(tail) > 15 || endOrMarks.In(st.text[tail.Start:tail.End]) {
				continue
			}
			last, _ := utf8.DecodeLastRuneInString(st.text[quote.Start:quote.End])
			if isTerminal(last) || last == ':' || st.nameBetween(quote.Start, quote.End) {
				continue
			}
			a := attribution{found: true, r: st.resolve(name)}
			q := st.quote(Pull, quote, a)
			q.Confidence *= 0.8
			st.out = append(st.out, q)
			break
		}
	}
}

func overlapsMarked(marked []markedSpan, p Span) bool {
	i := sort.Search(len(marked), func(i int) bool { return marked[i].content.End > p.Start })
	for ; i < len(marked) && marked[i].content.Start < p.End; i++ {
		if marked[i].content.End > p.Start {
			return true
		}
	}
	return false
}
