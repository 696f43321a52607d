package quotes

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// reported finds statements reported without quote marks, sentence by
// sentence:
//
//   - a reporting verb and its complementizer: "X said that …", "X заявил,
//     что …", "X ने कहा कि …", "صرّح X بأن …"; "quoted X as saying …" hands the
//     words to X;
//   - a source phrase: "according to X, …", "по словам X, …", "X के अनुसार, …";
//   - an attribution after the clause: "…, Zas emphasized.", "… – powiedział X.";
//   - a speech act that ends a verb-final sentence: "X ने … धन्यवाद दिया।";
//   - a headline "X: statement" or "statement – X".
//
// A clause that is a marked quotation already is left to it.
//
// With sketch, the rows are sketches that hold only the clause and its
// speaker: what the first reading, whose rows are dropped, reads of them.
func (st *docState) reported(marked []markedSpan, sketch bool) {
	var taken []Span // the clauses given rows, disjoint, by start
	add := func(clause Span, cue hit, r resolved, ok bool) {
		if !ok || !r.known {
			return // a statement without a speaker is nobody's reported speech
		}
		clause = st.trimClause(clause)
		if st.words(clause) < 3 {
			return
		}
		// the first clause that ends after this one starts must not begin
		// before it ends
		k := sort.Search(len(taken), func(k int) bool { return taken[k].End > clause.Start })
		if k < len(taken) && taken[k].Start < clause.End || st.coveredByMarked(marked, clause) {
			return
		}
		taken = slices.Insert(taken, k, clause)
		if sketch {
			st.out = append(st.out, st.sketch(clause, r))
			return
		}
		a := attribution{found: ok, r: r, cue: cue.Span, adjacent: true}
		q := st.quote(Indirect, clause, a)
		q.Confidence *= 0.9
		st.out = append(st.out, q)
	}
	for si, s := range st.sents {
		hs := st.hitsIn(s)
		// the marked quotations that may hold a hit of the sentence
		near := st.markedNear(marked, s)
		for i, h := range hs {
			if !reportingCue(h.kind) || len(near) > 0 && st.insideMarked(near, h.Span) || len(taken) > 0 && inside(taken, h.Start) {
				continue
			}
			switch h.kind {
			case hitNested:
				r, ok := st.pickSpeaker(Span{s.Start, h.Start}, h)
				add(Span{h.End, s.End}, h, r, ok)
			case hitVerb, hitContinuation:
				limit := min(s.End, st.nearWordsAfter(h.End, 12))
				var start = -1
				for _, c := range hs[i+1:] {
					if c.Start >= limit {
						break
					}
					if c.Start < h.End {
						continue // overlaps the verb
					}
					if c.kind == hitComp {
						gap := st.text[h.End:c.Start]
						if i := commasSemis.LastIndex(gap); i >= 0 && strings.TrimSpace(gap[runeEnd(gap, i):]) != "" {
							break // "said Tuesday, after a week that …": a relative clause
						}
						start = c.End
						break
					}
					if c.kind == hitVerb || c.kind == hitNested {
						break
					}
				}
				if start < 0 {
					if j := indexColon(st.text[h.End:limit]); j >= 0 && !st.insideMarked(marked, Span{h.End + j, h.End + j + 1}) {
						start = runeEnd(st.text, h.End+j)
					}
				}
				if start < 0 && st.c.pack.Reporting.CommaClause && !st.afterComma(h.Start) {
					if j := commaCJK.Index(st.text[h.End:limit]); j >= 0 && st.words(Span{h.End, h.End + j}) <= 3 && st.words(Span{h.End + j, s.End}) >= 3 {
						start = runeEnd(st.text, h.End+j)
					}
				}
				if start < 0 && st.isHit(h.Span, hitBare) {
					start = st.bareClause(s, h)
				}
				if start < 0 && st.c.pack.VerbFinal && st.words(Span{h.End, s.End}) <= 1 {
					_, object := st.hitBefore(h.Start, hitObject) // "आपातकाल की घोषणा की": a noun, not a clause
					if r, ok := st.pickSubject(Span{s.Start, h.Start}, h); ok && !object && r.mention.End < h.Start && !st.overlapsStatement(marked, Span{s.Start, h.Start}) {
						add(Span{st.afterSubject(r.mention.End), st.cutQuotative(h.Start)}, h, r, true)
						continue
					}
				}
				if start < 0 {
					if prev, w, ok := st.anaphoric(si, h); ok && !st.insideMarked(marked, prev) {
						r, found := st.pickSpeaker(Span{w.End, s.End}, h)
						if found && r.mention.Start >= w.End {
							add(prev, h, r, found)
						}
						continue
					}
					if clause, cue, ok := st.trailingAttribution(s, h); ok {
						if r, found := st.pickSpeaker(Span{clause.End, s.End}, cue); found {
							add(clause, cue, r, found)
						}
					}
					continue
				}
				r, ok := st.pickSpeaker(Span{s.Start, start}, h)
				if ok && r.mention.Start >= start {
					ok = false
				}
				if !ok && (h.val != 0 || st.c.pack.ProDrop) {
					// a gendered verb with no subject: the latest speaker of
					// that gender ("وأضافت أن …", "заявила, что …")
					r, ok = st.prodrop(h)
				}
				add(Span{start, st.beforeContinuation(hs[i+1:], start, s.End)}, h, r, ok)
			case hitSource:
				st.source(s, h, add)
			case hitAnaphora:
				st.anaphora(si, h, marked, add)
			case hitFinal:
				if st.words(Span{h.End, s.End}) > 2 {
					continue
				}
				pick := st.pickSpeaker
				if st.c.pack.VerbFinal {
					// the subject opens the sentence; names nearer the verb
					// are its objects ("… Putin'e teşekkür etti")
					pick = st.pickSubject
				}
				r, ok := pick(Span{s.Start, h.Start}, h)
				if !ok {
					continue
				}
				if r.mention.Empty() || r.mention.End > h.Start {
					continue
				}
				add(Span{st.afterSubject(r.mention.End), s.End}, h, r, true)
			}
		}
	}
	st.subjunctive(marked, add)
	st.headlines(marked, add)
}

// reportingCue reports the kinds of hit that reported reads as the cue of
// a statement.
func reportingCue(k hitKind) bool {
	switch k {
	case hitNested, hitVerb, hitContinuation, hitSource, hitAnaphora, hitFinal:
		return true
	}
	return false
}

// sketch is the row of reported speech the first reading keeps of clause:
// its span and its speaker r, all that subjunctive carries on and run
// takes for the clauses.
func (st *docState) sketch(clause Span, r resolved) Quote {
	q := Quote{Kind: Indirect, Span: clause, Speaker: r.display(st.x.roster)}
	if r.speaker >= 0 {
		q.spk = r.speaker + 1
	}
	return q
}

// anaphora handles "Clause. Об этом заявил X.": a phrase that opens
// sentence si and points back, a reporting verb and a speaker in that
// sentence make the sentence before, in the same paragraph, the speaker's.
// A single word ("Det oplyser politiet.") is read with its verb, by
// anaphoric.
func (st *docState) anaphora(si int, h hit, marked []markedSpan, add func(Span, hit, resolved, bool)) {
	s := st.sents[si]
	if si == 0 || st.sentP[si-1] != st.sentP[si] || st.words(Span{s.Start, h.Start}) > 1 {
		return
	}
	if !strings.ContainsRune(st.text[h.Start:h.End], ' ') {
		return // a single word points back only right before its verb: see anaphoric
	}
	prev := st.sents[si-1]
	if overlapsMarked(marked, prev) || overlapsMarked(marked, s) {
		return
	}
	cue, ok := st.firstCue(Span{h.Start, s.End}, hitVerb)
	if !ok {
		return
	}
	if r, ok := st.pickSpeaker(Span{h.End, s.End}, cue); ok {
		add(prev, cue, r, ok)
	}
}

// subjunctive carries a speaker's words on into the sentences after them
// that are in the mood of reported speech and hold no reporting word of
// their own: "„…“, sagte Tokajew. Der Einsatz werde nur wenige Tage dauern."
func (st *docState) subjunctive(marked []markedSpan, add func(Span, hit, resolved, bool)) {
	if len(st.c.pack.Reporting.Subjunctive) == 0 {
		return
	}
	// the quotes with a speaker, by where they end
	var qs []int
	for k := range st.out {
		if st.out[k].Speaker != "" {
			qs = append(qs, k)
		}
	}
	sort.Slice(qs, func(a, b int) bool { return st.out[qs[a]].Span.End < st.out[qs[b]].Span.End })
	j, last := 0, -1 // last: the latest quote that ends before the sentence
	for i := 1; i < len(st.sents); i++ {
		s, prev := st.sents[i], st.sents[i-1]
		for j < len(qs) && st.out[qs[j]].Span.End <= s.Start {
			if last < 0 || st.out[qs[j]].Span.End >= st.out[last].Span.End {
				last = qs[j]
			}
			j++
		}
		if last < 0 || st.out[last].Span.End <= prev.Start || st.paraAt(s.Start)-st.paraAt(st.out[last].Span.End) > 1 {
			continue
		}
		if overlapsMarked(marked, s) || st.hasReportingHit(s) {
			continue
		}
		var cue hit
		for _, w := range st.wordsIn(s) {
			if st.isHit(w, hitSubjunctive) {
				cue = hit{Span: w, kind: hitSubjunctive}
				break
			}
		}
		if cue.Empty() {
			continue
		}
		q := st.out[last]
		n := len(st.out)
		add(s, cue, resolved{speaker: q.spk - 1, name: q.Speaker, how: ByContinuation, known: true}, true)
		if len(st.out) > n {
			last = n // the statement goes on from here
		}
	}
}

// hasReportingHit reports whether s holds a reporting verb, source phrase,
// continuation cue or nested phrase.
func (st *docState) hasReportingHit(s Span) bool {
	for _, h := range st.hitsIn(s) {
		switch h.kind {
		case hitVerb, hitSource, hitContinuation, hitNested, hitFinal:
			return true
		}
	}
	return false
}

// source handles "according to X, clause" and "clause, according to X".
func (st *docState) source(s Span, h hit, add func(Span, hit, resolved, bool)) {
	lo, hi := st.wordsBackTo(s.Start, h.Start, 6), st.wordsAfterTo(h.End, 10, s.End)
	if i := commasSemisArm.LastIndex(st.text[lo:h.Start]); i >= 0 {
		lo = runeEnd(st.text, lo+i)
	}
	if i := commasSemisArm.Index(st.text[h.End:hi]); i >= 0 {
		hi = h.End + i
	}
	region := Span{lo, hi}
	r, ok := resolved{}, false
	for _, m := range st.mentionsIn(Span{lo, h.Start}) {
		// "Peskovin mukaan", "Hänen mukaansa": a mention right before the
		// source word, with nothing between, is its speaker
		if m.End <= h.Start && strings.TrimSpace(st.text[m.End:h.Start]) == "" {
			r, ok = st.pickSpeakerOpt(m.Span, h, true)
			if ok {
				r = st.nameFor(r, region)
			}
		}
	}
	if !ok {
		r, ok = st.pickSpeakerOpt(region, h, true)
	}
	if !ok {
		st.appositionSource(s, h, add)
		return
	}
	head := Span{s.Start, min(h.Start, r.mention.Start)}
	// "the spokesman, Peskov, according-to the troops will stay": a source
	// word after its speaker, with the clause going on after it
	post := !r.mention.Empty() && r.mention.End <= h.Start && st.words(Span{h.End, s.End}) >= 3
	if post || st.words(head) <= 1 || !commas.In(st.text[head.Start:head.End]) {
		// at the head of the sentence: the clause follows the speaker's comma
		from := max(h.End, r.mention.End)
		if i := commasArm.Index(st.text[from:s.End]); i >= 0 && st.words(Span{from, from + i}) <= 3 {
			from = runeEnd(st.text, from+i)
			// "according to the Kremlin spokesman, Dmitry Peskov, …": the
			// name in apposition is the speaker's, and the clause follows it
			for _, m := range st.mentionsIn(Span{from, min(s.End, st.nearWordsAfter(from, 5))}) {
				if m.how == ByName && m.speaker >= 0 && m.speaker == r.speaker && st.words(Span{from, m.Start}) == 0 {
					if j := commasArm.Index(st.text[m.End:s.End]); j >= 0 && st.words(Span{m.End, m.End + j}) == 0 {
						r.mention, r.how = m.Span, ByName
						from = runeEnd(st.text, m.End+j)
					}
					break
				}
			}
		}
		add(Span{from, s.End}, h, r, true)
		return
	}
	// "clause, according to X": the source (or its speaker) follows the
	// comma; words between them ("X, the coach of the team according-to")
	// make the head no clause
	if i := commas.LastIndex(st.text[head.Start:head.End]); i >= 0 && strings.TrimSpace(st.text[runeEnd(st.text, head.Start+i):head.End]) != "" {
		// "Marco Rossi, the coach of the team, according-to the team is
		// ready": the name before the apposition speaks, the clause follows
		if r.mention.Start > h.Start {
			st.appositionSource(s, h, add)
		}
		return
	}
	add(Span{s.Start, min(h.Start, r.mention.Start)}, h, r, true)
}

// anaphoric reports whether sentence si opens with one of the language's
// anaphora and the reporting verb v right after it ("Det oplyser
// alliancen.", "Dat meldt de NOS."; not the article of "Det ryska
// ministeriet meddelade"): then the sentence
// before it in its paragraph is what was said. It returns that sentence and
// the anaphor.
func (st *docState) anaphoric(si int, v hit) (Span, Span, bool) {
	if len(st.c.anaphora) == 0 || si == 0 {
		return Span{}, Span{}, false
	}
	s, prev := st.sents[si], st.sents[si-1]
	w := st.firstWord(s)
	if w.Empty() || st.words(Span{w.End, v.Start}) > 0 || !st.c.anaphora[strings.ToLower(st.text[w.Start:w.End])] {
		return Span{}, Span{}, false
	}
	if st.paraAt(prev.Start) != st.paraAt(s.Start) || st.words(prev) < 3 {
		return Span{}, Span{}, false
	}
	return prev, w, true
}

// trailingAttribution recognizes "clause, Zas emphasized." and "clause –
// powiedział X.": a short tail after the last comma or dash that holds the
// verb and its speaker.
func (st *docState) trailingAttribution(s Span, v hit) (Span, hit, bool) {
	// a comma more than four words before the verb is too far: look no
	// farther back than the fifth word
	from := s.Start
	if k := st.startsBefore(v.Start) - 5; k >= 0 {
		from = max(from, int(st.wordIdx[k]))
	}
	i := commaOrDash.LastIndex(st.text[from:v.Start])
	if i < 0 {
		return Span{}, v, false
	}
	cut := from + i
	if st.words(Span{cut, v.Start}) > 4 {
		return Span{}, v, false
	}
	tail := Span{v.End, s.End}
	// a comma past the fifth word leaves too long a tail: look no farther
	look := tail
	if k := st.startsBefore(v.End) + 5; k < len(st.wordIdx) {
		look.End = min(look.End, int(st.wordIdx[k]))
	}
	if i := commasSemis.Index(st.text[look.Start:look.End]); i >= 0 {
		tail.End = tail.Start + i
	}
	if st.words(Span{s.Start, cut}) < 4 && st.words(Span{tail.End, s.End}) >= 3 {
		// "L'Union européenne, a-t-il expliqué, « … »": an incise in the
		// middle of the statement; the words before it are its subject
		return Span{}, v, false
	}
	// a long tail is only adverbials after the speaker (the costliest
	// test, so the last)
	if st.words(tail) > 4 && !st.speakerOpens(tail, v) {
		return Span{}, v, false
	}
	return Span{s.Start, cut}, v, true
}

// afterComma reports whether a comma stands right before off: a verb
// there closes the clause before it ("…, schätzt Claudia Kemfert, Expertin
// am …") and opens none.
func (st *docState) afterComma(off int) bool {
	t := strings.TrimRight(st.text[:off], " \u00a0")
	return strings.HasSuffix(t, ",") || strings.HasSuffix(t, "，")
}

// speakerOpens reports whether a tail of at most ten words after a verb
// begins with a known mention ("…, sagte Tokajew am Montag bei einer
// Videokonferenz."): the speaker then stands by the verb, and the words
// after it are adverbials, not a clause of their own.
func (st *docState) speakerOpens(tail Span, v hit) bool {
	if st.words(tail) > 10 {
		return false
	}
	if _, ok := st.hitAfter(tail.Start, hitVerb, hitComp); ok {
		return false
	}
	w := trimSpan(st.text, tail)
	r, ok := st.pickSpeaker(w, v)
	return ok && r.mention.Start == w.Start
}

// headlines handles a paragraph "X: statement" or "statement – X" that is
// no transcript turn.
func (st *docState) headlines(marked []markedSpan, add func(Span, hit, resolved, bool)) {
	for _, p := range st.paras {
		if st.words(p) > 30 || overlapsMarked(marked, p) || inside(st.turns, trimSpan(st.text, p).End-1) {
			continue // a transcript turn is the label's
		}
		for _, m := range st.mentionsIn(p) {
			if m.how != ByName {
				continue
			}
			if m.Start == p.Start && st.endsWithColon(Span{p.Start, min(p.End, m.End+1)}) && !isWordRune(nextRune(st.text, m.End+1)) {
				colon := indexColon(st.text[m.End:p.End]) + m.End
				add(Span{runeEnd(st.text, colon), p.End}, hit{Span: Span{colon, runeEnd(st.text, colon)}}, st.resolve(m), true)
				break
			}
			if m.End == p.End {
				t := trimSpan(st.text, Span{p.Start, m.Start})
				r, n := utf8.DecodeLastRuneInString(st.text[t.Start:t.End])
				if r == '–' || r == '—' || r == '-' {
					add(Span{p.Start, t.End - n}, hit{Span: Span{t.End - n, t.End}}, st.resolve(m), true)
				}
			}
		}
	}
}

// isHit reports whether a hit of kind k covers exactly s.
func (st *docState) isHit(s Span, k hitKind) bool {
	if _, ok := st.wordHit(s, []hitKind{k}); ok {
		return true
	}
	for _, h := range st.hitsIn(s) {
		if h.Span == s && h.kind == k {
			return true
		}
	}
	return false
}

// bareClause returns where a clause without complementizer starts after
// the verb v ("Putin said the troops would leave"), or -1: the speaker must
// stand right before the verb, and the next word must not be a preposition,
// a time word, a quote mark or punctuation.
func (st *docState) bareClause(s Span, v hit) int {
	var subj bool
	from := st.wordsBeforeSkipDigits(v.Start, 3)
	for _, m := range st.mentionsIn(Span{st.sents[st.sentenceAt(v.Start)].Start, v.Start}) {
		if m.End > from && !m.object && (m.how == ByName || m.how == ByPronoun || m.how == ByRole) {
			subj = true // the speaker ends right before the verb ("Tokayev has said")
		}
	}
	if !subj && st.afterComma(v.Start) {
		// "Temur Umarov, a fellow at the Carnegie Center, said the …": a
		// name that opens the sentence, its apposition, then the verb
		sent := st.sents[st.sentenceAt(v.Start)]
		if m, ok := st.openingName(Span{sent.Start, v.Start}); ok && st.words(Span{m.End, v.Start}) <= 14 {
			st.addMention(m)
			subj = true
		}
	}
	if !subj && !st.c.pack.NoSpaces {
		// a name off the roster right before the verb ("Kepala BPBD Dani
		// Ramdan mengatakan …", "Lê Trí Thanh đã yêu cầu …"): a run of
		// capitalized words within the window, with no punctuation after it
		for _, r := range st.capitalNames(Span{st.wordsBackTo(s.Start, v.Start, 4), v.Start}, false) {
			_, prep := st.hitBefore(r.Start, hitPrep)
			subj = subj || st.besideCue(r, v) || r.End > from && !prep && !subjectPunct.In(st.text[r.End:v.Start])
		}
	}
	next := trimSpan(st.text, Span{v.End, s.End})
	if !subj || st.words(next) < 4 {
		return -1
	}
	if r := nextRune(st.text, next.Start); !isWordRune(r) {
		return -1
	}
	if _, ok := st.hitAfter(next.Start, hitStop, hitPrep, hitComp, hitVerb, hitPronoun); ok {
		if h, _ := st.hitAfter(next.Start, hitPronoun); h.kind != hitPronoun {
			return -1
		}
	}
	return next.Start
}

// afterSubject skips what follows a speaker's name before their words: a
// title, a subject marker, a comma ("ペスコフ大統領報道官は、").
func (st *docState) afterSubject(off int) int {
	for {
		s := trimSpanFunc(st.text, Span{off, len(st.text)}, func(r rune) bool { return isSpace(r) || r == ',' || r == '、' || r == '،' })
		h, ok := st.hitAfter(s.Start, hitSubject, hitTitle, hitRole)
		if !ok {
			return s.Start
		}
		off = h.End
	}
}

// cutQuotative returns where a reported clause ends before the verb at
// off: before a quotative particle ("と", "деп", the suffix "고") if the
// word before the verb ends with one.
func (st *docState) cutQuotative(off int) int {
	end := trimSpan(st.text, Span{0, off}).End
	for _, q := range st.c.pack.Reporting.Quotative {
		if q = strings.TrimSpace(q); q != "" && strings.HasSuffix(st.text[:end], q) {
			return end - len(q)
		}
	}
	return end
}

// dateline matches the dateline that opens an article's first sentence
// ("MOSCOW — ", "ALMATY, Jan 7 (Reuters) - ").
var dateline = regexp.MustCompile(`^\p{Lu}[\p{L}\p{N} .,'’()/]{1,40}?\s[—–-]\s`)

// trimClause trims white space, a final full stop, dangling commas and a
// dateline.
func (st *docState) trimClause(c Span) Span {
	if c.End <= c.Start {
		return Span{c.Start, c.Start}
	}
	// a dateline opens with a word in capitals: test that before the pattern
	if w := st.wordAt(c.Start); w.Len() > 1 && upperLabel(st.text[w.Start:w.End]) {
		if m := dateline.FindStringIndex(st.text[c.Start:min(c.End, c.Start+64)]); m != nil && m[0] == 0 {
			c.Start += m[1]
		}
	}
	return trimSpanFunc(st.text, c, clauseEdge)
}

// clauseEdge reports whether trimClause trims r off a clause: white space,
// the end of a sentence, a comma, semicolon or colon. No word rune is one,
// so a letter, the common case, is told at once.
func clauseEdge(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ',' || r == ';' || r == ':' || isTerminal(r) || isSpace(r)
	}
	if isWordRune(r) {
		return false
	}
	return isSpace(r) || isTerminal(r) || r == '،' || r == '，' || r == '、' || r == '：'
}

// markedNear returns the marked quotations whose content may touch s:
// those that start before s ends, from the last one that starts before s.
func (st *docState) markedNear(marked []markedSpan, s Span) []markedSpan {
	i := sort.Search(len(marked), func(i int) bool { return marked[i].content.Start >= s.Start })
	if i > 0 {
		i--
	}
	j := i
	for j < len(marked) && marked[j].content.Start <= s.End {
		j++
	}
	return marked[i:j]
}

// coveredByMarked reports whether most of clause is a marked quotation
// (other than a scare or partial fragment).
func (st *docState) coveredByMarked(marked []markedSpan, c Span) bool {
	for _, m := range st.markedNear(marked, c) {
		if st.fragment(m.content) {
			continue // a partial or scare quote inside the clause: the clause stays
		}
		lo, hi := max(m.content.Start, c.Start), min(m.content.End, c.End)
		if hi > lo && (hi-lo)*2 > c.Len() {
			return true
		}
		// the clause opens with the quote: "said that “…”"
		if !m.open.Empty() && trimSpan(st.text, Span{c.Start, m.open.End}).Start == m.open.Start && st.words(m.content)*2 >= st.words(c) {
			return true
		}
		if m.open.Empty() && m.content.Start >= c.Start && st.words(Span{c.Start, m.content.Start}) == 0 {
			return true
		}
	}
	return false
}

// fragment reports whether the marked quotation at s was read as a
// fragment (partial or scare) rather than a statement.
func (st *docState) fragment(s Span) bool {
	k := st.kinds[s]
	return k == Partial || k == Scare
}

// insideMarked reports whether s lies within a marked quotation.
func (st *docState) insideMarked(marked []markedSpan, s Span) bool {
	for _, m := range st.markedNear(marked, s) {
		if s.Start >= m.content.Start && s.End <= m.content.End {
			return true
		}
	}
	return false
}

// inside reports whether off lies in one of spans, disjoint and by start.
func inside(spans []Span, off int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > off })
	return k < len(spans) && spans[k].Start <= off
}

// overlapsStatement reports whether a marked quotation that is a statement
// (not a partial or scare fragment) overlaps s.
func (st *docState) overlapsStatement(marked []markedSpan, s Span) bool {
	for _, m := range st.markedNear(marked, s) {
		if m.content.Start < s.End && m.content.End > s.Start && !st.fragment(m.content) {
			return true
		}
	}
	return false
}

// beforeContinuation returns where a reported clause that starts at start
// ends: before a comma and the continuation cue after it that opens a
// clause of its own ("…، مضيفا أن …", "…, adding that …"), else at end.
// hs are the sentence's hits after the verb, by start.
func (st *docState) beforeContinuation(hs []hit, start, end int) int {
	for j, c := range hs {
		if c.Start < start || c.kind != hitContinuation {
			continue
		}
		if c.Start >= end {
			break
		}
		b := trimSpan(st.text, Span{start, c.Start}).End
		r, n := runes.DecodeLast(st.text, b)
		if r != ',' && r != '،' && r != '，' {
			continue
		}
		// the cue opens a clause: a complementizer within two words of it
		for _, k := range hs[j+1:] {
			if k.Start >= end || st.wordsBetween(c.End, k.Start) > 2 {
				break
			}
			if k.kind == hitComp {
				return b - n
			}
		}
	}
	return end
}

// nameEndingAt returns the speaker named by the words that end region: a
// mention, or a run of capitalized words off the roster.
func (st *docState) nameEndingAt(region Span) (resolved, bool) {
	end := trimSpan(st.text, region).End
	for _, m := range st.mentionsIn(region) {
		if m.End == end && m.how == ByName && !m.object {
			return st.resolve(m), true
		}
	}
	for _, c := range st.capitalNames(region, true) {
		if c.End == end {
			m := mention{Span: c, how: ByName, speaker: -1, name: st.baseName(st.text[c.Start:c.End])}
			st.addMention(m)
			return st.resolve(m), true
		}
	}
	return resolved{}, false
}

// appositionSource reads "Name, apposition source-word clause" ("Tóth
// Gábor, a cég vezérigazgatója szerint a felújítás ..."): the name before the
// comma speaks and the clause follows the source word.
func (st *docState) appositionSource(s Span, h hit, add func(Span, hit, resolved, bool)) {
	i := commas.LastIndex(st.text[s.Start:h.Start])
	if i < 0 || st.words(Span{h.End, s.End}) < 3 {
		return
	}
	comma := s.Start + i
	gap := Span{runeEnd(st.text, comma), h.Start}
	if n := st.words(gap); n == 0 || n > 8 {
		return
	}
	if _, verb := st.firstCue(gap, hitVerb, hitComp); verb {
		return
	}
	if r, ok := st.nameEndingAt(Span{s.Start, comma}); ok {
		add(Span{h.End, s.End}, h, r, true)
	}
}
