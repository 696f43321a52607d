package quotes

import (
	"slices"
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
		marked = st.splitInterrupted(marked)
		marked = append(marked, st.dialogues(marked)...)
	}
	marked = st.interruptions(marked)
	marked = st.splitIncises(marked)
	st.appositionNames()
	sort.Slice(marked, func(i, j int) bool { return marked[i].content.Start < marked[j].content.Start })
	st.kinds = make(map[Span]Kind, len(marked))
	for i := range st.ments {
		st.ments[i].quoted = st.insideMarked(marked, st.ments[i].Span)
	}
	st.roleNames()
	st.reportingSubjects(marked)
	// room for every marked quote and about one reported clause in four sentences
	st.out = make([]Quote, 0, len(marked)+len(st.sents)/4+1)
	// a first reading of the reported speech finds the speakers off the
	// roster that a quote's pronoun may refer to ("X berpendapat bahwa …
	// “…,” katanya"), and the clauses whose names are what was said
	st.reported(marked, true)
	rows := len(st.out)
	for _, q := range st.out {
		st.clauses = append(st.clauses, q.Span)
	}
	st.out = st.out[:0]
	var prev *Quote
	prevEnd := -1
	for _, m := range marked {
		q := st.marked(m, prevEnd, prev)
		if q.Kind != Scare && q.Kind != Partial {
			// a term in marks does not cut the next quote off the
			// attribution before it ("X told “Azattyk” radio: “…”")
			prevEnd = max(m.close.End, m.content.End)
		}
		st.kinds[m.content] = q.Kind
		st.out = append(st.out, q)
		if q.Kind != Scare {
			prev = &st.out[len(st.out)-1]
		}
	}
	st.dialogueAhead()
	st.backfillOpen()
	st.clauses = nil
	st.labels(marked)
	st.pulls(marked)
	// room for about as many rows of reported speech as the first reading
	// found
	st.out = slices.Grow(st.out, rows)
	st.reported(marked, false)
	sort.Stable(bySpan(st.out))
	st.continueReported()
}

// bySpan sorts quotes by where their spans start, then end.
type bySpan []Quote

func (q bySpan) Len() int      { return len(q) }
func (q bySpan) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q bySpan) Less(i, j int) bool {
	if q[i].Span.Start != q[j].Span.Start {
		return q[i].Span.Start < q[j].Span.Start
	}
	return q[i].Span.End < q[j].Span.End
}

// continueReported gives a quotation that only continues the previous
// speech, with no cue of its own, the speaker of the reported statement
// right before it, in its paragraph or the one before ("Daulet zegt dat hij
// de soldaten niet zag. „Ze staan bij het vliegveld.”"): the quotation was
// attributed before reported speech was read.
func (st *docState) continueReported() {
	for i := 1; i < len(st.out); i++ {
		q := &st.out[i]
		if q.Attribution != ByContinuation || q.Cue != "" || q.Kind == Indirect || q.Kind == Scare {
			continue
		}
		j := i - 1
		for j >= 0 && st.out[j].Kind == Scare {
			j--
		}
		if j < 0 {
			continue
		}
		r := &st.out[j]
		if r.Kind != Indirect || r.Speaker == "" || r.Speaker == q.Speaker || r.Span.End > q.Span.Start {
			continue
		}
		if pq, pr := st.paraAt(q.Span.Start), st.paraAt(r.Span.Start); pq != pr && pq != pr+1 {
			continue
		}
		q.Speaker, q.SpeakerKind, q.spk = r.Speaker, r.SpeakerKind, r.spk
		q.Mention, q.MentionSpan = r.Mention, Span{}
	}
}

// backfillOpen gives a quotation left open at the end of its paragraph,
// with no speaker of its own, the speaker of its continuation in the next
// paragraph, whose attribution closes both.
func (st *docState) backfillOpen() {
	for i := 0; i+1 < len(st.out); i++ {
		q, next := &st.out[i], &st.out[i+1]
		if q.Speaker != "" || q.Kind == Scare || !hasFlag(q.Flags, "unclosed") || !hasFlag(next.Flags, "multi-paragraph") || next.Speaker == "" {
			continue
		}
		q.Speaker, q.spk, q.Mention, q.MentionSpan = next.Speaker, next.spk, next.Mention, next.MentionSpan
		q.Attribution, q.Confidence = ByContinuation, baseConfidence[ByContinuation]
	}
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
	if m.open.Empty() && prevEnd >= st.paras[st.paraAt(openAt)].Start && prevEnd < lo {
		// no opening mark: the quote goes on from the one before it in its
		// paragraph, and what lies between attributes it («…, – said X. – …»)
		lo = prevEnd
	}
	before = Span{lo, openAt}
	if noWord(st.text, before) && prevEnd <= st.sents[si].Start {
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
			short := st.words(next) <= 8 && !quoteMarksCJK.In(st.text[next.Start:next.End])
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
func (st *docState) marked(m markedSpan, prevEnd int, prev *Quote) Quote {
	before, after := st.windows(m, prevEnd)
	a := st.attributeMarked(m, before, after, prev)
	if !a.found && !a.cue.Empty() && st.isHit(a.cue, hitContinuation) {
		// "„…” – tette hozzá." after reported speech, which is read later:
		// the person named last before the quote in its paragraph goes on
		if r, ok := st.lastNamedBefore(m); ok {
			a.r, a.found = r, true
			a.r.how = ByContinuation
			a.after = a.after || a.cue.Start >= m.content.End
		}
	}
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
func (st *docState) quote(kind Kind, s Span, a attribution) Quote {
	q := Quote{
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
	var runs []Span // the sentence's names, in a buffer for every sentence
	for _, s := range st.sents {
		runs = st.appendCapitalNames(runs[:0], s, false)
		for _, r := range runs {
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
			e := inciseEnd.Index(st.text[h.End:m.content.End])
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
				if !runes.IsUpper(r) || isAllUpper(st.text[x.Start:x.End]) || st.isTitle(x) || !noWord(st.text, Span{s.Start, ws[0].Start}) {
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
// nameInMarks reports a short quotation that is a name, of a newspaper, an
// agency, a company or a place: it opens with a capital and ends with a
// letter or digit, and stands within its sentence right after a word.
func (st *docState) nameInMarks(m markedSpan) bool {
	c := st.text[m.content.Start:m.content.End]
	first, _ := utf8.DecodeRuneInString(c)
	last, _ := utf8.DecodeLastRuneInString(c)
	if !runes.IsUpper(first) || !isWordRune(last) {
		return false
	}
	si := st.sentenceAt(m.open.Start)
	if si < 0 || si >= len(st.sents) {
		return false
	}
	before := trimSpan(st.text, Span{st.sents[si].Start, m.open.Start})
	if before.Empty() {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(st.text[before.Start:before.End])
	return isWordRune(r)
}

// twoSentences reports whether a sentence of s ends inside it, before the
// last word.
func (st *docState) twoSentences(s Span) bool {
	si := st.sentenceAt(s.Start)
	return si >= 0 && si < len(st.sents) && st.sents[si].End < trimSpan(st.text, s).End-1 && st.sents[si].End > s.Start
}

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
	if words <= 3 && !m.open.Empty() && (st.nameInMarks(m) || !m.close.Empty() && !a.adjacent && st.isNameTerm(m) && !st.reportedBefore(m.open.Start)) {
		return Scare // a name in marks: "told «Interfax»", "газета «Известия»", «Азаттык» радиосуна
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
	case noWord(st.text, Span{st.paras[st.paraAt(m.content.Start)].Start, before.End}) && words >= 4 && !embedded:
		return Direct
	case words >= 4 && st.fillsSentence(m):
		return Direct // «La situazione è grave». : a sentence of its own, its period outside the marks
	}
	if words >= 4 && st.twoSentences(m.content) {
		return Direct // two sentences in marks are somebody's speech, not a term
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
	return noWord(st.text, Span{sent.Start, m.open.Start}) && noWord(st.text, Span{m.close.End, sent.End})
}

// noWord reports whether s holds no word, as countWords counts them, but
// stops at the first character of one instead of counting them all.
func noWord(text string, s Span) bool {
	if s.End <= s.Start {
		return true
	}
	for _, r := range text[s.Start:s.End] {
		if isWordRune(r) || isHan(r) {
			return false
		}
	}
	return true
}

// isOnlyPunctBefore reports whether the quote opens its paragraph.
func (st *docState) isOnlyPunctBefore(m markedSpan) bool {
	p := st.paras[st.paraAt(m.content.Start)]
	return noWord(st.text, Span{p.Start, m.open.Start})
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
	if i := phraseEnd.Index(t); i >= 0 {
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
// unclosedBefore reports whether a quotation left unclosed runs to the end of
// the paragraph before paragraph pi.
func (st *docState) unclosedBefore(marked []markedSpan, pi int) bool {
	if pi == 0 {
		return false
	}
	prev := st.paras[pi-1]
	for _, m := range marked {
		if hasFlag(m.flags, "unclosed") && m.content.Start >= prev.Start && m.content.End >= trimSpan(st.text, prev).End {
			return true
		}
	}
	return false
}

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
		if lo == p.Start && st.unclosedBefore(marked, st.paraAt(o.Start)) {
			// the quote left open at the end of the paragraph before goes
			// on here, and closes without reopening
			c := trimSpan(st.text, region)
			if st.words(c) >= 3 {
				out = append(out, markedSpan{open: Span{c.Start, c.Start}, close: o, content: c, flags: []string{"unopened", "multi-paragraph"}})
			}
			continue
		}
		hs := st.hitsIn(region)
		for i := len(hs) - 1; i >= 0 && start < 0; i-- {
			h := hs[i]
			if h.kind != hitComp && h.kind != hitNested {
				continue
			}
			if _, ok := st.lastCue(Span{st.wordsBackTo(lo, h.Start, 6), h.End}, hitVerb, hitNested); ok || h.kind == hitNested {
				start = h.End
			}
		}
		if start < 0 {
			if i := colons.LastIndex(st.text[region.Start:region.End]); i >= 0 {
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
func (st *docState) wordsBefore(off, n int) int { return st.wordsBackTo(0, off, n) }

// wordsBackTo is max(lo, st.wordsBefore(off, n)), found without reading
// the text before lo: in a script without spaces a word may run on for a
// whole paragraph.
func (st *docState) wordsBackTo(lo, off, n int) int {
	in := false
	i := off
	for i > lo {
		r, size := rune(st.text[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = runes.DecodeLast(st.text, i)
		}
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
	return lo
}

// dialogueAhead gives a paragraph of dash speech that names nobody the
// speaker of the dash speech in the next paragraph, which carries the
// attribution ("– Vi är oroade." "– Det är allvarligt, säger hon.").
func (st *docState) dialogueAhead() {
	for i := len(st.out) - 2; i >= 0; i-- {
		q, next := &st.out[i], &st.out[i+1]
		if q.Speaker != "" || next.Speaker == "" || !hasFlag(q.Flags, "dialogue") || !hasFlag(next.Flags, "dialogue") {
			continue
		}
		if st.paraAt(next.Span.Start) != st.paraAt(q.Span.Start)+1 {
			continue
		}
		q.Speaker, q.SpeakerKind, q.spk = next.Speaker, next.SpeakerKind, next.spk
		q.Mention, q.MentionSpan = next.Mention, Span{}
		q.Attribution = ByContinuation
		q.Confidence = min(next.Confidence, baseConfidence[ByContinuation])
	}
}

// wordsAfterTo returns where the word after the first n words from off
// starts (a word is a run of word characters and hyphens), or hi if it
// starts at hi or later, without reading the text from hi on (a rune
// boundary).
func (st *docState) wordsAfterTo(off, n, hi int) int {
	if off >= hi {
		return hi
	}
	in := false
	for i, r := range st.text[off:hi] {
		w := isWordRune(r) || r == '-'
		if w && !in {
			if n == 0 {
				return off + i
			}
			n--
		}
		in = w
	}
	return hi
}

// wordsBeforeSkipDigits is wordsBefore, where words of digits alone (a
// date, "ngày 11/1") do not count.
func (st *docState) wordsBeforeSkipDigits(off, n int) int {
	in, digits := false, true
	i := off
	for i > 0 {
		r, size := rune(st.text[i-1]), 1
		if r >= utf8.RuneSelf {
			r, size = runes.DecodeLast(st.text, i)
		}
		w := isWordRune(r)
		if !w && in {
			if !digits {
				n--
			}
			if n == 0 {
				return i
			}
			digits = true
		}
		if w && !unicode.IsDigit(r) {
			digits = false
		}
		in = w
		i -= size
	}
	return 0
}

// dialogues finds direct speech after a dash that opens a paragraph
// ("– Text – powiedziała."), in the languages whose pack says so. The speech
// runs to the next spaced dash, and resumes after the narration's dash. A
// dash that opens a sentence within a paragraph ("Zapowiedział apelację. –
// Text – powiedział.") opens speech too when the narration after the next
// dash holds a reporting verb.
func (st *docState) dialogues(marked []markedSpan) []markedSpan {
	var out []markedSpan
	si := 0
	for pi, p := range st.paras {
		out = st.dialogueAt(out, marked, pi, p.Start, true)
		for ; si < len(st.sents) && st.sentP[si] <= pi; si++ {
			s := st.sents[si]
			if st.sentP[si] == pi && s.Start > p.Start && st.opensWithDash(s.Start) && endsSentence(st.text, p.Start, s.Start) {
				out = st.dialogueAt(out, marked, pi, s.Start, false)
			}
		}
	}
	return out
}

// opensWithDash reports whether a dialogue dash stands at off.
func (st *docState) opensWithDash(off int) bool {
	r, n := runes.Decode(st.text, off)
	if r != '–' && r != '—' && r != '―' && r != '-' {
		return false
	}
	return r != '-' || isSpace(nextRune(st.text, off+n))
}

// endsSentence reports whether the text before off, back to lo and white
// space skipped, ends with a sentence's closing punctuation.
func endsSentence(text string, lo, off int) bool {
	e := trimSpan(text, Span{lo, off}).End
	if e <= lo {
		return false
	}
	r, _ := runes.DecodeLast(text, e)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// dialogueAt appends the speech of the dialogue dash at start, in paragraph
// pi, to out. At the head of a paragraph the dash may follow a speaker's
// colon ("Tokajev: – Troppene drar"), and a colon before it, a dash opening
// the paragraph before, or dash speech attributed in the next paragraph
// ("– Vi är oroade." "– Det är allvarligt, säger hon.") makes it speech too;
// inside one, a quotation in the sentence before it does; anywhere, a
// reporting verb in its narration does (see dashSpeech).
func (st *docState) dialogueAt(out, marked []markedSpan, pi, start int, head bool) []markedSpan {
	p := st.paras[pi]
	colon := false
	if !st.opensWithDash(start) {
		if !head {
			return out
		}
		at, ok := st.colonDash(p)
		if !ok || !st.opensWithDash(at) {
			return out
		}
		start, colon = at, true
	}
	r, n := runes.Decode(st.text, start)
	segs := dashSegments(st.text, Span{start + n, p.End})
	if len(segs) == 0 {
		return out
	}
	for _, m := range marked {
		// marks inside the speech make it a quotation of its own; a name in
		// marks in the narration after it ("w rozmowie z „Przeglądem
		// Sportowym”") does not
		if m.content.Start < segs[0].End && m.content.End > start {
			return out
		}
	}
	spans, cued := st.dashSpeech(segs)
	speech := cued || colon
	if !speech && head && pi > 0 {
		prevP := st.paras[pi-1]
		pr, _ := runes.Decode(st.text, prevP.Start)
		speech = st.endsWithColon(prevP) || pr == r
	}
	if !speech && head && pi+1 < len(st.paras) {
		next := st.paras[pi+1]
		if nr, nn := runes.Decode(st.text, next.Start); nr == r {
			_, speech = st.dashSpeech(dashSegments(st.text, Span{next.Start + nn, next.End}))
		}
	}
	if !speech && !head {
		// "…“, каза Лавров. – Мисията е временна.": a quotation in the
		// sentence before goes on after the dash
		if si := st.sentenceAt(start); si > 0 {
			from := st.sents[si-1].Start
			for _, m := range marked {
				speech = speech || m.content.Start >= from && m.content.End <= start
			}
		}
	}
	if !speech {
		return out
	}
	for _, sp := range spans {
		out = append(out, markedSpan{open: Span{sp.Start, sp.Start}, close: sp.close, content: sp.content, flags: []string{"dialogue"}})
	}
	return out
}

// dashSpan is one stretch of speech in a paragraph opened by a dash.
type dashSpan struct {
	Span
	content Span
	close   Span // empty where the paragraph ends the speech
}

// dashSpeech reads the segments of a dash paragraph (split at its spaced
// dashes) as speech and narration. Speech comes first; a dash ends it and
// the narration after it runs to the next dash ("– Tekst – powiedział X. –
// Dalej"), unless a comma and a reporting verb end the speech within its
// segment ("– Vi er bekymret, sier Støre. – Situasjonen er alvorlig."):
// then the narration is the rest of that segment and the next segment is
// speech again. cued reports whether some narration holds a reporting verb.
func (st *docState) dashSpeech(segs []Span) (spans []dashSpan, cued bool) {
	speech := true
	for i, seg := range segs {
		if !speech {
			cued = cued || st.hasCue(seg)
			speech = true
			continue
		}
		cl := Span{seg.End, seg.End}
		if cut := st.commaCue(seg); cut >= 0 {
			seg.End, cl = cut, Span{cut, cut}
			cued = true
		} else {
			speech = false
			if i+1 == len(segs) {
				cl = Span{}
			}
		}
		if c := trimSpan(st.text, seg); !c.Empty() {
			spans = append(spans, dashSpan{Span: seg, content: c, close: cl})
		}
	}
	return spans, cued
}

// colonDash returns where a dash stands that follows a colon and a space
// after the first few words of paragraph p ("Støre: – Vi er klare"), the
// headline form of speech opened by a dash.
func (st *docState) colonDash(p Span) (int, bool) {
	limit := min(p.End, p.Start+120)
	i := strings.IndexByte(st.text[p.Start:limit], ':')
	if i < 0 {
		return 0, false
	}
	at := p.Start + i + 1
	if at >= p.End || !isSpace(nextRune(st.text, at)) {
		return 0, false
	}
	_, sn := runes.Decode(st.text, at)
	d, dn := runes.Decode(st.text, at+sn)
	if d != '–' && d != '—' && d != '-' || !isSpace(nextRune(st.text, at+sn+dn)) {
		return 0, false
	}
	if w := st.words(Span{p.Start, p.Start + i}); w == 0 || w > 4 {
		return 0, false
	}
	return at + sn, true
}

// commaCue returns where the comma stands that a reporting verb follows in
// s (", säger hon", ", sagde ministeren"), the end of speech opened by a
// dash that no dash closes; -1 if there is none.
func (st *docState) commaCue(s Span) int {
	for _, h := range st.hitsIn(s) {
		if h.kind != hitVerb && h.kind != hitContinuation {
			continue
		}
		c := strings.LastIndexByte(st.text[s.Start:h.Start], ',')
		if c <= 0 {
			continue
		}
		c += s.Start
		// the verb right after the comma (", säger hon"), or after its
		// speaker in a short tail (", Orpo sanoi.")
		if between := st.words(Span{c + 1, h.Start}); between == 0 || between <= 3 && st.words(Span{c + 1, s.End}) <= 6 {
			return c
		}
	}
	return -1
}

// dashes are the characters dashSegments may split at.
var dashes = runes.NewSet("-–—―")

// dashSegments splits s at spaced dashes (" – ", " — ", ", –"): a long
// dash beside a space and not inside a word, or a hyphen between spaces.
// It looks only at the dashes, found by a byte scan.
func dashSegments(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; {
		j := dashes.Index(text[i:s.End])
		if j < 0 {
			break
		}
		i += j
		r, n := runes.Decode(text, i)
		if i > s.Start {
			prev, next := prevRune(text, i), nextRune(text, i+n)
			sp, sn := isSpace(prev), isSpace(next)
			if r != '-' && (sp || sn) && !(isWordRune(prev) && isWordRune(next)) || r == '-' && sp && sn {
				out = append(out, Span{start, i})
				start = i + n
			}
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

// interruptions splits a quotation that its attribution interrupts between
// spaced dashes inside its marks («…, – said X, – …», the Russian style that
// the press of many languages writes) into its two parts; the words between
// the dashes must be short, hold a reporting cue, and follow a comma or a
// full stop.
func (st *docState) interruptions(marked []markedSpan) []markedSpan {
	var out []markedSpan // nil until a quotation splits
	for i, m := range marked {
		first, last, ok := st.interruption(m)
		if !ok {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]markedSpan, 0, len(marked)+1), marked[:i]...)
		}
		out = append(out, first, last)
	}
	if out == nil {
		return marked
	}
	return out
}

// interruption returns the two parts of a quotation interrupted by its
// attribution between spaced dashes, if it is one.
func (st *docState) interruption(m markedSpan) (first, last markedSpan, ok bool) {
	if m.open.Empty() || m.close.Empty() {
		return first, last, false
	}
	if c := st.text[m.content.Start:m.content.End]; !longDashes.In(c) && !strings.Contains(c, " - ") {
		return first, last, false
	}
	segs := dashSegments(st.text, m.content)
	for i := 1; i+1 < len(segs); i++ {
		f, mid := trimSpan(st.text, Span{m.content.Start, segs[i-1].End}), segs[i]
		l := trimSpan(st.text, Span{segs[i+1].Start, m.content.End})
		if f.Empty() || l.Empty() || st.words(mid) > 6 || !st.hasCue(mid) {
			continue
		}
		if r := prevRune(st.text, f.End); r != ',' && r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		first = markedSpan{open: m.open, close: Span{f.End, f.End}, content: f, flags: m.flags}
		last = markedSpan{open: Span{l.Start, l.Start}, close: m.close, content: l, flags: m.flags}
		return first, last, true
	}
	return first, last, false
}

// reportingSubjects records, before any quotation is attributed, the names
// off the roster that stand as the subject of reported speech: in a
// sentence whose reporting cue has no roster name before it, the first run
// of capitalized words that no preposition or object marker rules out, or
// the name in apposition to it. A pronoun in a later quotation then
// finds them ("Deputy Ivan Petrov criticized the decision. “…,” he said.").
func (st *docState) reportingSubjects(marked []markedSpan) {
	if st.c.pack.NoSpaces || st.d.Lang == "en" && st.x.ner != nil {
		return // English names off the roster are prose's to confirm
	}
	for _, s := range st.sents {
		cue, ok := st.firstCue(s, hitVerb, hitFinal, hitSource)
		if !ok || st.insideMarked(marked, cue.Span) {
			continue
		}
		region := Span{s.Start, cue.Start}
		for _, m := range st.markedNear(marked, region) {
			if m.content.Start < region.End && m.content.End > region.Start {
				region.Start = max(region.Start, m.close.End, m.content.End) // the subject follows the last quote
			}
		}
		if region.Empty() {
			continue
		}
		known := false
		for _, m := range st.mentionsIn(region) {
			known = known || m.how == ByName && !m.object
		}
		if known {
			continue
		}
		var runs []Span
		for _, r := range st.capitalNames(region, false) {
			_, obj := st.hitAfter(r.End, hitObject)
			_, prep := st.hitBefore(r.Start, hitPrep)
			if !obj && !prep {
				runs = append(runs, r)
			}
		}
		if len(runs) == 0 {
			continue
		}
		r := st.appositionOf(runs, 0)
		st.addMention(mention{Span: r, how: ByName, speaker: -1, name: st.text[r.Start:r.End]})
	}
}

// appositionOf returns runs[i], or the name set off by a comma right after
// it, and so on: the subject of a clause is its first name, but a name in
// apposition to it is the person ("the leader of Cartel Alfa, Bogdan
// Hossu, said"; "In New York, Ivan Petrov said"). A name that follows the
// first in a phrase ("Jan de Vries of Leiden University") is not.
func (st *docState) appositionOf(runs []Span, i int) Span {
	for i+1 < len(runs) && strings.TrimSpace(st.text[runs[i].End:runs[i+1].Start]) == "," {
		i++
	}
	return runs[i]
}

// appositive reports whether what stands before a role noun, in s, ends
// with a name and a comma: the role noun is then in apposition to that name.
func (st *docState) appositive(s Span) bool {
	b := trimSpan(st.text, s)
	if b.Empty() || st.text[b.End-1] != ',' {
		return false
	}
	before := trimSpan(st.text, Span{b.Start, b.End - 1})
	for _, m := range st.mentionsIn(before) {
		if m.End == before.End && m.how == ByName {
			return true
		}
	}
	runs := st.capitalNames(before, true)
	return len(runs) > 0 && runs[len(runs)-1].End == before.End
}

// roleNames binds a role noun that the roster cannot resolve to the name
// off the roster right after it ("Minister of Agriculture Kurbon
// Hakimzoda"), so that the role noun alone names that speaker later ("…,"
// the minister said).
func (st *docState) roleNames() {
	if st.c.pack.NoSpaces || len(st.sents) == 0 {
		return
	}
	for i := 0; i < len(st.ments); i++ {
		m := st.ments[i]
		if m.how != ByRole || m.speaker >= 0 {
			continue
		}
		s := st.sents[st.sentenceAt(m.Start)]
		if st.appositive(Span{s.Start, m.Start}) {
			continue // "Said Iqbal, presiden Partai Buruh": the role is the name's before it
		}
		runs := st.capitalNames(Span{m.End, s.End}, false)
		if len(runs) == 0 || runs[0].Start >= st.nearWordsAfter(m.End, 5) {
			continue
		}
		if st.wordsBetween(m.End, runs[0].Start) > 2 || namePunct.In(st.text[m.End:runs[0].Start]) {
			continue
		}
		r := st.appositionOf(runs, 0)
		if overlapsMention(st.ments, r) {
			continue
		}
		b := roleBinding{at: m.Start, speaker: -1, name: st.text[r.Start:r.End]}
		bs := st.roleOf[m.role]
		k := sort.Search(len(bs), func(k int) bool { return bs[k].at > b.at })
		st.roleOf[m.role] = slices.Insert(bs, k, b)
		st.addMention(mention{Span: r, how: ByName, speaker: -1, name: b.name})
	}
}

// isNameTerm reports whether a short quotation is a name in marks (a radio
// station, a club, a market: «Азаттык» радиосу, “Paxtakor” klubi, бозори
// «Меҳргон» харид): every word capitalized, no punctuation of a statement,
// and the sentence going on right after the mark in lower case.
func (st *docState) isNameTerm(m markedSpan) bool {
	for _, w := range st.wordsIn(m.content) {
		if r, _ := utf8.DecodeRuneInString(st.text[w.Start:w.End]); !runes.IsUpper(r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(st.text[m.content.Start:m.content.End])
	if !isWordRune(last) {
		return false
	}
	i := m.close.End
	if r, n := utf8.DecodeRuneInString(st.text[i:]); r == ' ' {
		i += n
	}
	r, _ := utf8.DecodeRuneInString(st.text[i:])
	return runes.IsLower(r)
}

// splitInterrupted splits a quotation whose marks hold its own attribution
// between dashes into two: „Nincs mit rejtegetnünk – mondta Lavrov –, a
// csapatok távoznak”, „Neturime ko slėpti, – sakė jis. – Kariai išvyks.“
// The middle part must be short and hold a reporting verb.
func (st *docState) splitInterrupted(marked []markedSpan) []markedSpan {
	out := marked[:0:0]
	for _, m := range marked {
		segs := dashSegments(st.text, m.content)
		if len(segs) != 3 {
			out = append(out, m)
			continue
		}
		mid := segs[1]
		first := trimSpan(st.text, segs[0])
		second := trimSpan(st.text, segs[2])
		if _, ok := st.firstCue(mid, hitVerb); !ok || st.words(mid) > 6 || st.words(first) < 2 || st.words(second) < 2 {
			out = append(out, m)
			continue
		}
		// the comma or period that closes the first part, and the comma
		// after the second dash, stay outside the quotes
		first = trimPunct(st.text, first)
		second.Start = skipPunct(st.text, second.Start, second.End)
		if first.Empty() || second.Empty() {
			out = append(out, m)
			continue
		}
		out = append(out,
			markedSpan{open: m.open, close: Span{first.End, first.End}, content: first, flags: m.flags},
			markedSpan{open: Span{second.Start, second.Start}, close: m.close, content: second, flags: m.flags})
	}
	return out
}

// trimPunct drops the commas and periods that end s.
func trimPunct(text string, s Span) Span {
	for s.End > s.Start {
		r, n := runes.DecodeLast(text, s.End)
		if r != ',' && r != '.' && r != ';' {
			break
		}
		s.End -= n
	}
	return trimSpan(text, s)
}

// skipPunct moves off past commas and white space, up to end.
func skipPunct(text string, off, end int) int {
	for off < end {
		r, n := runes.Decode(text, off)
		if r != ',' && !isSpace(r) {
			break
		}
		off += n
	}
	return off
}

// lastNamedBefore returns the person named last before the marked span m in
// its paragraph: a mention by name, or a run of capitalized words off the
// roster, outside any quote.
func (st *docState) lastNamedBefore(m markedSpan) (resolved, bool) {
	start := m.content.Start
	if !m.open.Empty() {
		start = m.open.Start
	}
	p := st.paras[st.paraAt(start)]
	region := Span{p.Start, start}
	if region.Empty() {
		return resolved{}, false
	}
	var best mention
	found := false
	for _, n := range st.mentionsIn(region) {
		if n.how == ByName && !n.quoted && !n.object && (n.speaker < 0 || !st.x.roster.speakers[n.speaker].isOrg()) {
			best, found = n, true
		}
	}
	for _, c := range st.capitalNames(region, true) {
		if (!found || c.Start > best.End) && !overlapsMention(st.ments, c) {
			best, found = mention{Span: c, how: ByName, speaker: -1, name: st.baseName(st.text[c.Start:c.End])}, true
		}
	}
	if !found {
		return resolved{}, false
	}
	if best.speaker < 0 {
		st.addMention(best)
	}
	return st.resolve(best), true
}
