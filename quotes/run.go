package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// run extracts every quotation of the document into st.out.
func (st *docState) run() {
	marked, orphans := scanMarks(st.text, st.paras, st.c.pairs, st.stops)
	marked = append(marked, st.recoverOrphans(orphans, marked)...)
	if st.c.pack.DialogueDash {
		marked = append(marked, st.dialogues(marked)...)
	}
	marked = st.splitIncises(marked)
	st.appositionNames()
	sort.Slice(marked, func(i, j int) bool { return marked[i].content.Start < marked[j].content.Start })
	st.kinds = make(map[Span]Kind, len(marked))
	for i := range st.ments {
		st.ments[i].quoted = st.insideMarked(marked, st.ments[i].Span)
	}
	// room for every marked quote and about one reported clause in four sentences
	st.out = make([]Quote, 0, len(marked)+len(st.sents)/4+1)
	var prev *Quote
	prevEnd := -1
	for _, m := range marked {
		q := st.marked(m, prevEnd, prev)
		prevEnd = max(m.close.End, m.content.End)
		if q == nil {
			continue
		}
		st.kinds[m.content] = q.Kind
		st.out = append(st.out, *q)
		if q.Kind != Scare {
			prev = &st.out[len(st.out)-1]
		}
	}
	st.labels(marked)
	st.pulls(marked)
	st.reported(marked)
	sort.SliceStable(st.out, func(i, j int) bool {
		if st.out[i].Span.Start != st.out[j].Span.Start {
			return st.out[i].Span.Start < st.out[j].Span.Start
		}
		return st.out[i].Span.End < st.out[j].Span.End
	})
}

// windows returns the parts of the quote's sentence(s) before and after the
// quote, cut at the previous quote and at the next opening mark.
func (st *docState) windows(m markedSpan, prevEnd int) (before, after Span) {
	openAt := m.content.Start
	if !m.open.Empty() {
		openAt = m.open.Start
	}
	si := st.sentenceAt(openAt)
	lo := st.sents[si].Start
	if lo > openAt {
		lo = openAt
	}
	if prevEnd > lo && prevEnd <= openAt {
		lo = prevEnd
	}
	before = Span{lo, openAt}
	if isOnlyPunct(st.text, before) && prevEnd <= st.sents[si].Start {
		// the quote opens its sentence: a colon at the end of the sentence before introduces it
		if si > 0 && st.sentP[si-1] >= st.sentP[si]-1 && st.endsWithColon(st.sents[si-1]) && st.sents[si-1].Start >= prevEnd {
			before = st.sents[si-1]
		}
	}
	closeAt := m.content.End
	if !m.close.Empty() {
		closeAt = m.close.End
	}
	ei := st.sentenceAt(max(closeAt-1, 0))
	end := st.sents[ei].End
	if end <= closeAt {
		// the quote ends its sentence: what follows attributes it only if it
		// continues in lower case or after a dash ("… .” — сказал Путин.")
		if ei+1 < len(st.sents) && st.sentP[ei+1] == st.sentP[ei] {
			next := st.sents[ei+1]
			r := nextRune(st.text, next.Start)
			short := st.words(next) <= 8 && !strings.ContainsAny(st.text[next.Start:next.End], "\"“”«»„「」")
			if isLower(r) || r == '—' || r == '–' || r == '-' || r == ',' || short && st.hasCue(next) {
				end = next.End
			}
		}
	}
	if end < closeAt {
		end = closeAt
	}
	para := st.paras[st.paraAt(closeAt)]
	end = min(end, para.End)
	after = Span{closeAt, end}
	// stop at the next opening mark
	for _, mk := range findMarks(st.text, after, st.c.pairs, st.stops) {
		if mk.canOpen && !mk.canClose {
			after.End = mk.Start
			break
		}
	}
	return before, after
}

// marked turns a marked span into a Quote: its kind, speaker and evidence.
func (st *docState) marked(m markedSpan, prevEnd int, prev *Quote) *Quote {
	before, after := st.windows(m, prevEnd)
	a := st.attributeMarked(m, before, after, prev)
	kind := st.classify(m, before, after, a)
	if !a.found && kind != Scare && a.cue.Empty() {
		// no cue of its own: the previous speaker goes on, or the nearest
		if prev != nil && prev.Speaker != "" && st.paraAt(prev.Span.Start) >= st.paraAt(m.content.Start)-1 && !st.nameBetween(max(prev.Span.End, prev.MentionSpan.End), m.content.Start) {
			a.r = resolved{speaker: prev.spk - 1, name: prev.Speaker, how: ByContinuation, known: true}
			a.found = true
		} else if r, ok := st.nearest(m.content); ok {
			a.r, a.found = r, true
			a.r.how = ByNearest
		}
	} else if !(a.found && a.r.known) && kind != Scare {
		// a cue whose subject is left out or does not resolve ("», sagt
		// sie.", "», cuenta."): the person the paragraph named last before
		// the quote, on the roster or not
		pi := st.paraAt(m.content.Start)
		r, ok := st.nameBefore(Span{max(prevEnd, st.paras[pi].Start), min(m.open.Start, m.content.Start)})
		if !ok && pi > 0 && prevEnd < st.paras[pi].Start {
			// the paragraph before, when no quotation stands between
			r, ok = st.nameBefore(Span{max(prevEnd, st.paras[pi-1].Start), st.paras[pi-1].End})
		}
		if ok {
			a.r, a.found = r, true
			if !a.cue.Empty() && a.cue.Start >= m.content.End {
				a.after = true
				kind = st.classify(m, before, after, a)
			}
		} else if prev != nil && prev.Speaker != "" && prevEnd >= 0 && st.paraAt(prevEnd) == st.paraAt(m.content.Start) && st.words(Span{prevEnd, m.content.Start}) <= 5 {
			// the second part of a quotation split by its incise
			a.r = resolved{speaker: prev.spk - 1, name: prev.Speaker, how: ByContinuation, known: true}
			a.found = true
		}
	}
	q := st.quote(kind, m.content, a)
	q.Flags = append(q.Flags, m.flags...)
	if kind == Scare {
		q.Speaker, q.Mention, q.MentionSpan, q.Attribution, q.Confidence, q.spk = "", "", Span{}, ByNone, 0, 0
	}
	return q
}

// quote builds a Quote from a span and its attribution.
func (st *docState) quote(kind Kind, s Span, a attribution) *Quote {
	q := &Quote{
		Doc: st.d.Name, Lang: st.d.Lang, Kind: kind, Span: s, Text: st.d.Slice(s), Line: st.d.Line(s.Start),
		Attribution: ByNone, CueSpan: a.cue,
	}
	if !a.cue.Empty() {
		q.Cue = st.text[a.cue.Start:a.cue.End]
	}
	if a.found && a.r.known {
		q.Speaker = a.r.display(st.x.roster)
		if a.r.speaker >= 0 {
			q.spk = a.r.speaker + 1
			q.SpeakerKind = "person"
			if st.x.roster.speakers[a.r.speaker].isOrg() {
				q.SpeakerKind = "organization"
			}
		}
		q.MentionSpan = a.r.mention
		if !a.r.mention.Empty() {
			q.Mention = st.text[a.r.mention.Start:a.r.mention.End]
		}
		q.Attribution = a.r.how
		q.Confidence = baseConfidence[a.r.how]
		if a.r.how == ByName && a.r.speaker < 0 {
			q.Confidence = 0.75
		}
		if !a.adjacent && !a.after && a.r.how != ByContinuation && a.r.how != ByNearest && a.r.how != ByLabel {
			q.Confidence *= 0.9
		}
	}
	q.Context = st.contextOf(s, a)
	return q
}

// contextOf is the span of the sentences holding the quote, its cue and mention.
func (st *docState) contextOf(s Span, a attribution) Span {
	lo, hi := s.Start, s.End
	for _, x := range []Span{a.cue, a.r.mention} {
		if !x.Empty() && st.paraAt(x.Start) == st.paraAt(s.Start) {
			lo, hi = min(lo, x.Start), max(hi, x.End)
		}
	}
	return Span{st.sents[st.sentenceAt(lo)].Start, max(hi, st.sents[st.sentenceAt(max(hi-1, 0))].End)}
}

// nameBetween reports whether a name is mentioned between a and b.
func (st *docState) nameBetween(a, b int) bool {
	for _, m := range st.mentionsIn(Span{a, b}) {
		if m.how == ByName {
			return true
		}
	}
	return false
}

// nearest returns the named speaker nearest to s in its paragraph.
func (st *docState) nearest(s Span) (resolved, bool) {
	p := st.paras[st.paraAt(s.Start)]
	best, bestD := mention{}, -1
	// mentions are disjoint and sorted, so their ends ascend too
	i := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].End > p.Start })
	for _, m := range st.ments[i:] {
		if m.Start >= p.End {
			break
		}
		if m.how != ByName || m.object {
			continue
		}
		if m.Start >= s.Start && m.End <= s.End {
			continue
		}
		d := m.Start - s.End
		if m.End <= s.Start {
			d = s.Start - m.End
		}
		if bestD < 0 || d < bestD {
			best, bestD = m, d
		}
	}
	if bestD < 0 {
		return resolved{}, false
	}
	return st.resolve(best), true
}

// appositionNames adds as mentions the names off the roster that stand in
// apposition to a role noun, between commas or before the period: "die
// Sprecherin des Auswärtigen Amts, Andrea Sasse.", "a Treasury spokesman,
// John Smith, said". Pronouns after them then find them.
func (st *docState) appositionNames() {
	for _, s := range st.sents {
		for _, r := range st.capitalNames(s) {
			before := strings.TrimRight(st.text[s.Start:r.Start], " \u00a0")
			after := strings.TrimLeft(st.text[r.End:s.End], " \u00a0")
			if !strings.HasSuffix(before, ",") || after != "" && !strings.ContainsAny(after[:1], ",.;") {
				continue
			}
			if overlapsMention(st.ments, r) {
				continue
			}
			role := false
			for _, h := range st.hitsIn(Span{st.wordsBefore(r.Start, 7), r.Start}) {
				if h.kind == hitRole {
					role = true
				}
			}
			if role {
				st.addMention(mention{Span: r, how: ByName, speaker: -1, name: st.text[r.Start:r.End]})
			}
		}
	}
}

// splitIncises cuts a quotation in two where the author's attribution
// stands inside its marks, as French and Spanish print it: « Je reste, dit-
// elle. Mon dos tiendra. », «No hay nada que ocultar —declaró—; las tropas
// …». The incise is a reporting verb of at most five words between a comma
// or dash and a comma, period, semicolon or dash; set off by commas it must
// hold its speaker (a pronoun, role or name). Each part keeps one real mark.
func (st *docState) splitIncises(marked []markedSpan) []markedSpan {
	n := len(marked)
	for k := 0; k < n; k++ {
		m := marked[k]
		if m.open.Empty() || m.close.Empty() || hasFlag(m.flags, "dialogue") {
			continue
		}
		for _, h := range st.hitsIn(m.content) {
			if h.kind != hitVerb && h.kind != hitContinuation {
				continue
			}
			head := strings.TrimRight(st.text[m.content.Start:h.Start], " \u00a0")
			lead, size := utf8.DecodeLastRuneInString(head)
			if lead != ',' && lead != '—' && lead != '–' || st.words(Span{m.content.Start, h.Start}) < 3 {
				continue
			}
			e := strings.IndexAny(st.text[h.End:m.content.End], ",.;—–")
			if e < 0 {
				continue
			}
			e += h.End
			tailEnd := e
			if st.words(Span{h.Start, e}) > 5 {
				continue
			}
			if lead == ',' && len(st.mentionsIn(Span{h.Start, e})) == 0 && len(st.surnameBeside(Span{h.Start, e}, h)) == 0 {
				continue
			}
			// the second part starts at the next word after the incise's punctuation
			rest := Span{tailEnd, m.content.End}
			for rest.Start < rest.End {
				r, sz := utf8.DecodeRuneInString(st.text[rest.Start:])
				if isWordRune(r) {
					break
				}
				rest.Start += sz
			}
			if st.words(rest) < 2 {
				continue
			}
			cut := m.content.Start + len(head) - size
			first := markedSpan{open: m.open, close: Span{cut, cut + size}, content: trimSpan(st.text, Span{m.content.Start, cut}), flags: m.flags}
			_, psz := utf8.DecodeRuneInString(st.text[tailEnd:])
			second := markedSpan{open: Span{tailEnd, tailEnd + psz}, close: m.close, content: rest, flags: m.flags}
			marked[k] = first
			marked = append(marked, second)
			break
		}
	}
	return marked
}

// nameBefore returns the last name in region, on the roster or a run of
// capitalized words off it, that is not marked as an object, as a speaker
// found by nearness; a name off the roster becomes a mention that later
// pronouns may refer to.
func (st *docState) nameBefore(region Span) (resolved, bool) {
	if region.Empty() {
		return resolved{}, false
	}
	best := mention{speaker: -1}
	for _, m := range st.mentionsIn(region) {
		if m.how == ByName && !m.object && !m.quoted {
			best = m
		}
	}
	var obj mention // a name after a preposition, the last resort ("For Sarah Kelly, a nurse, …")
	for _, m := range st.unknownNames(region, hit{}, false) {
		if !m.object && m.Start > best.Start {
			best = m
		} else if m.object {
			obj = m
		}
	}
	if m, ok := st.openingName(region); ok && m.Start > best.Start {
		best = m
	}
	if best.Empty() && !obj.Empty() {
		obj.object = false
		best = obj
	}
	if best.Empty() {
		return resolved{}, false
	}
	r := st.resolve(best)
	r.how = ByNearest
	if best.speaker < 0 {
		st.addMention(best)
	}
	return r, r.known
}

// openingName finds, in the last sentence that starts in region, two or
// three capitalized words that open it and a comma after them: a name and
// its apposition ("Petra Hoffmann, 52, Krankenpflegerin aus Hanau, sitzt
// …"), which capitalNames leaves out since a capital there says nothing.
func (st *docState) openingName(region Span) (mention, bool) {
	si := st.sentenceAt(region.End - 1)
	for si >= 0 && si < len(st.sents) && st.sents[si].Start >= region.End {
		si--
	}
	if si >= 0 && si < len(st.sents) && st.sents[si].Start >= region.Start {
		s := st.sents[si]
		ws := st.wordsIn(Span{s.Start, min(s.End, st.nearWordsAfter(s.Start, 4))})
		for n := 2; n <= 3 && n <= len(ws); n++ {
			w := ws[n-1]
			if st.text[w.End:min(w.End+1, len(st.text))] != "," {
				continue
			}
			ok := true
			for _, x := range ws[:n] {
				r, _ := utf8.DecodeRuneInString(st.text[x.Start:x.End])
				if !unicode.IsUpper(r) || isAllUpper(st.text[x.Start:x.End]) || st.isTitle(x) || !isOnlyPunct(st.text, Span{s.Start, ws[0].Start}) {
					ok = false
				}
			}
			sp := Span{ws[0].Start, w.End}
			if ok && !overlapsMention(st.ments, sp) && st.words(sp) == n && !strings.ContainsAny(st.text[sp.Start:sp.End], ",.;:") {
				return mention{Span: sp, how: ByName, speaker: -1, name: st.text[sp.Start:sp.End]}, true
			}
			break
		}
	}
	return mention{}, false
}

// classify tells a full statement (direct) from a fragment of someone's
// words (partial) and a term the author puts in marks (scare).
func (st *docState) classify(m markedSpan, before, after Span, a attribution) Kind {
	if hasFlag(m.flags, "dialogue") {
		return Direct
	}
	words := st.words(m.content)
	if words <= 6 && !m.open.Empty() {
		if _, ok := st.hitBefore(m.open.Start, hitScare); ok {
			return Scare
		}
		if _, ok := st.hitBefore(m.open.Start, hitScareWeak); ok && !st.reportedBefore(m.open.Start) && !st.verbBefore(m.open.Start) {
			return Scare
		}
	}
	last, _ := utf8.DecodeLastRuneInString(st.text[m.content.Start:m.content.End])
	endsStatement := isTerminal(last) || last == ',' || last == '،' || last == ';' || last == '，'
	embedded := st.embeddedTail(after)
	inside := !a.adjacent && !a.after && words < 8 && !m.open.Empty() && !st.isOnlyPunctBefore(m) && st.reportedBefore(m.open.Start)
	switch {
	case endsStatement && words >= 3 && !inside:
		return Direct
	case a.adjacent && !embedded && words >= 3:
		return Direct
	case a.found && a.after && words >= 3:
		return Direct
	case isOnlyPunct(st.text, Span{st.paras[st.paraAt(m.content.Start)].Start, before.End}) && words >= 4 && !embedded:
		return Direct
	case words >= 4 && st.fillsSentence(m):
		return Direct // «La situazione è grave». : a sentence of its own, its period outside the marks
	}
	if inside || a.speech || a.found && a.r.how != ByNearest {
		return Partial
	}
	if words >= 8 {
		return Direct
	}
	return Scare
}

// fillsSentence reports whether the marks hold their whole sentence: no
// word stands in it before the opening mark or after the closing one.
func (st *docState) fillsSentence(m markedSpan) bool {
	if m.open.Empty() || m.close.Empty() {
		return false
	}
	si := st.sentenceAt(m.open.Start)
	if si < 0 || si != st.sentenceAt(m.close.Start) {
		return false
	}
	sent := st.sents[si]
	return isOnlyPunct(st.text, Span{sent.Start, m.open.Start}) && isOnlyPunct(st.text, Span{m.close.End, sent.End})
}

// isOnlyPunctBefore reports whether the quote opens its paragraph.
func (st *docState) isOnlyPunctBefore(m markedSpan) bool {
	p := st.paras[st.paraAt(m.content.Start)]
	return isOnlyPunct(st.text, Span{p.Start, m.open.Start})
}

// verbBefore reports whether a reporting verb stands before off in its
// sentence: "calificó el plan de “brutal”" quotes the speaker's own word.
func (st *docState) verbBefore(off int) bool {
	_, ok := st.firstCue(Span{st.sents[st.sentenceAt(off)].Start, off}, hitVerb)
	return ok
}

// reportedBefore reports whether a reporting verb and its complementizer
// or a source phrase stand before off in its sentence: what follows is
// someone's reported words.
func (st *docState) reportedBefore(off int) bool {
	s := Span{st.sents[st.sentenceAt(off)].Start, off}
	if _, ok := st.firstCue(s, hitSource, hitNested); ok {
		return true
	}
	v, ok := st.firstCue(s, hitVerb)
	if !ok {
		return false
	}
	if st.isHit(v.Span, hitBare) {
		return true // "told reporters the deployment would last “…”"
	}
	_, ok = st.firstCue(Span{v.End, off}, hitComp)
	return ok
}

// embeddedTail reports whether the quote's own clause goes on after it
// (two or more words before the next clause boundary that do not attribute
// it): then the quote is a fragment inside a sentence.
func (st *docState) embeddedTail(after Span) bool {
	t := st.text[after.Start:after.End]
	if i := strings.IndexAny(t, ",.;:!?।،—–()"); i >= 0 {
		t = t[:i]
	}
	s := Span{after.Start, after.Start + len(t)}
	if st.words(s) < 2 {
		return false
	}
	if _, ok := st.firstCue(s, hitVerb, hitNested); ok {
		return false
	}
	return true
}

// recoverOrphans turns a closing mark whose opening mark is missing into a
// quotation that starts right after its reporting cue ("said that", "ने कहा
// कि", a colon) earlier in the paragraph. Without such a cue the mark is
// left alone.
func (st *docState) recoverOrphans(orphans []Span, marked []markedSpan) []markedSpan {
	var out []markedSpan
	for _, o := range orphans {
		p := st.paras[st.paraAt(o.Start)]
		lo := p.Start
		for _, m := range marked {
			if m.content.End <= o.Start && m.content.End > lo {
				lo = max(m.content.End, m.close.End)
			}
		}
		region := Span{lo, o.Start}
		start := -1
		hs := st.hitsIn(region)
		for i := len(hs) - 1; i >= 0 && start < 0; i-- {
			h := hs[i]
			if h.kind != hitComp && h.kind != hitNested {
				continue
			}
			if _, ok := st.lastCue(Span{max(lo, st.wordsBefore(h.Start, 6)), h.End}, hitVerb, hitNested); ok || h.kind == hitNested {
				start = h.End
			}
		}
		if start < 0 {
			if i := strings.LastIndexAny(st.text[region.Start:region.End], ":："); i >= 0 {
				start = runeEnd(st.text, region.Start+i)
			}
		}
		if start < 0 {
			continue
		}
		c := trimSpan(st.text, Span{start, o.Start})
		if st.words(c) < 3 {
			continue
		}
		out = append(out, markedSpan{open: Span{c.Start, c.Start}, close: o, content: c, flags: []string{"unopened"}})
	}
	return out
}

// wordsBefore returns the offset n words before off.
func (st *docState) wordsBefore(off, n int) int {
	in := false
	i := off
	for i > 0 {
		r, size := runes.DecodeLast(st.text, i)
		w := isWordRune(r)
		if !w && in {
			n--
			if n == 0 {
				return i
			}
		}
		in = w
		i -= size
	}
	return 0
}

// dialogues finds direct speech after a dash that opens a paragraph
// ("– Text – powiedziała."), in the languages whose pack says so. The speech
// runs to the next spaced dash, and resumes after the narration's dash.
func (st *docState) dialogues(marked []markedSpan) []markedSpan {
	var out []markedSpan
	for pi, p := range st.paras {
		r, n := runes.Decode(st.text, p.Start)
		if r != '–' && r != '—' && r != '―' && r != '-' {
			continue
		}
		if r == '-' && !isSpace(nextRune(st.text, p.Start+n)) {
			continue
		}
		inMarked := false
		for _, m := range marked {
			if m.content.Start < p.End && m.content.End > p.Start {
				inMarked = true
			}
		}
		if inMarked {
			continue
		}
		segs := dashSegments(st.text, Span{p.Start + n, p.End})
		speech := len(segs) > 1 && st.hasCue(segs[1])
		if !speech && pi > 0 {
			prevP := st.paras[pi-1]
			pr, _ := runes.Decode(st.text, prevP.Start)
			speech = st.endsWithColon(prevP) || pr == r
		}
		if !speech {
			continue
		}
		for i := 0; i < len(segs); i += 2 {
			c := trimSpan(st.text, segs[i])
			if c.Empty() {
				continue
			}
			open := Span{segs[i].Start, segs[i].Start}
			var cl Span
			if i+1 < len(segs) {
				cl = Span{segs[i].End, segs[i].End}
			}
			out = append(out, markedSpan{open: open, close: cl, content: c, flags: []string{"dialogue"}})
		}
	}
	return out
}

// dashSegments splits s at spaced dashes (" – ", " — ", ", –").
func dashSegments(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; {
		r, n := runes.Decode(text, i)
		sp, sn := isSpace(prevRune(text, i)), isSpace(nextRune(text, i+n))
		long := r == '–' || r == '—' || r == '―'
		if i > s.Start && (long && (sp || sn) && !(isWordRune(prevRune(text, i)) && isWordRune(nextRune(text, i+n))) || r == '-' && sp && sn) {
			out = append(out, Span{start, i})
			start = i + n
		}
		i += n
	}
	return append(out, Span{start, s.End})
}

// hasCue reports whether s holds a reporting verb.
func (st *docState) hasCue(s Span) bool {
	_, ok := st.firstCue(s, hitVerb, hitNested, hitContinuation)
	return ok
}
