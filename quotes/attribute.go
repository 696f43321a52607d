package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Confidence of an attribution by how it was found.
var baseConfidence = map[Attribution]float64{
	ByLabel:        0.95,
	ByName:         0.9,
	ByContinuation: 0.75,
	ByRole:         0.7,
	ByPronoun:      0.65,
	ByNearest:      0.4,
	ByNone:         0,
}

// isCueKind reports the hits that link a speaker to speech.
func isCueKind(k hitKind) bool {
	return k == hitVerb || k == hitNested || k == hitSource || k == hitFinal
}

// pickSpeaker chooses the speaker of a cue among the mentions in region:
// a subject-marked mention first, then the nearest to the cue (those after
// it count half a word farther), names before role nouns before pronouns.
// Object-marked mentions and those whose gender the verb rules out are
// passed over. It looks for names off the roster when none is on it.
func (st *docState) pickSpeaker(region Span, cue hit) (resolved, bool) {
	return st.pickSpeakerOpt(region, cue, false)
}

// pickSpeakerOpt is pickSpeaker; with allowObject, object-marked mentions
// count too (a source phrase marks its speaker as an object: "X के अनुसार").
func (st *docState) pickSpeakerOpt(region Span, cue hit, allowObject bool) (resolved, bool) {
	if region.Empty() {
		return resolved{}, false
	}
	cands := st.mentionsIn(region)
	for _, m := range cands {
		// the cue holds its own subject ("a-t-il expliqué", "dit-elle"):
		// "L'Union européenne, a-t-il expliqué, « … »" is his, not the EU's
		if m.how == ByPronoun && !cue.Empty() && m.Start > cue.Start && m.End <= cue.End {
			if r := st.resolveFor(m, cue.val); r.known {
				return r, true
			}
		}
	}
	hasName, hasAny := false, false
	for _, m := range cands {
		if !m.object && !m.quoted {
			hasAny = true
			// names off the roster found before do not stop the search for
			// others nearer the cue
			hasName = hasName || m.how == ByName && m.speaker >= 0
		}
	}
	best, found := st.bestOf(cands, region, cue, allowObject)
	if !hasName && (!found || !best.known || best.how == ByName && best.speaker < 0) {
		// names off the roster only where no known mention answers:
		// prose's NER only where nothing else could be the speaker
		// a name off the roster already found outranks a lone capitalized
		// word beside the cue, which may be a place ("sakė Almatoje")
		offBest := found && best.known && best.how == ByName && best.speaker < 0
		extra := st.unknownNames(region, cue, !hasAny)
		if len(extra) == 0 && !offBest {
			extra = st.knownSurnames(region)
		}
		if len(extra) == 0 && !cue.Empty() && !offBest {
			extra = st.surnameBeside(region, cue)
		}
		if len(extra) == 0 && !offBest {
			extra = st.earlierSurnames(region)
		}
		if len(extra) == 0 && st.forQuote && !offBest {
			// for a quotation, whose row stands anyway: the words before
			// a subject marker; reported speech needs a surer speaker
			extra = st.markedSubjects(region)
		}
		if len(extra) == 0 {
			extra = st.uncasedNames(region, cue)
		}
		if len(extra) > 0 {
			if b, ok := st.bestOf(append(cands, extra...), region, cue, allowObject); ok && b.known {
				best, found = b, true
			}
		}
	}
	if found && best.how == ByRole && !hasName {
		// "Foreign Minister Ann Linde": a name off the roster right after
		// the role noun is who holds it here, not the roster's holder
		e, ok := st.nameRightAfter(best.mention, st.unknownNames(region, cue, false))
		if !ok {
			e, ok = st.nameRightAfter(best.mention, st.surnameBeside(region, cue))
		}
		if ok {
			best = resolved{speaker: -1, name: e.name, mention: e.Span, how: ByName, known: true}
		}
	}
	if !found || !best.known {
		// a role noun no roster speaker holds here: the latest speaker off
		// the roster ("political scientist Jan Novák …" … "the analyst added")
		if r, ok := st.offRosterRole(cands, cue, allowObject); ok {
			best, found = r, true
		}
	}
	if found && best.how == ByName && !cue.Empty() && cue.Start >= best.mention.End {
		if head, ok := st.appositionHead(cands, best.mention, cue); ok {
			best = st.resolve(head)
		}
	}
	if found {
		best = st.nameFor(best, region)
	}
	if found && best.how == ByRole && !st.c.pack.NoSpaces {
		// "Szijjártó Péter külügyminiszter", "Ministrul Finanțelor, Adrian
		// Câciu": a role noun beside a name off the roster is that
		// person's title, not a roster speaker who holds the role
		if n, ok := st.nameBesideRole(best.mention, region); ok {
			best = resolved{speaker: -1, name: st.text[n.Start:n.End], mention: n, how: ByName, known: true}
		}
	}
	if found && best.how == ByName && best.speaker < 0 {
		best.name = st.fullName(st.baseName(best.name), best.mention.Start)
		st.addMention(mention{Span: best.mention, how: ByName, speaker: -1, name: best.name})
	}
	return best, found
}

// nameRightAfter returns the first of names that follows the role noun at
// role with nothing but white space between.
func (st *docState) nameRightAfter(role Span, names []mention) (mention, bool) {
	for _, e := range names {
		if e.Start >= role.End && strings.TrimSpace(st.text[role.End:e.Start]) == "" {
			return e, true
		}
	}
	return mention{}, false
}

// offRosterRole resolves the role noun among cands nearest the cue, which no
// roster speaker answers, to the latest name off the roster before it.
func (st *docState) offRosterRole(cands []mention, cue hit, allowObject bool) (resolved, bool) {
	var role *mention
	bestDist := 0
	for i := range cands {
		m := &cands[i]
		if m.how != ByRole || m.quoted || m.object && !allowObject || st.resolveFor(*m, cue.val).known {
			continue
		}
		d := st.wordsBetween(m.End, cue.Start)
		if m.Start >= cue.End {
			d = st.wordsBetween(cue.End, m.Start)
		}
		if role == nil || d < bestDist {
			role, bestDist = m, d
		}
	}
	if role == nil {
		return resolved{}, false
	}
	n, ok := st.latestOffRoster(role.Start)
	if !ok {
		return resolved{}, false
	}
	return resolved{speaker: -1, name: n.name, mention: role.Span, how: ByRole, known: true}, true
}

// bestOf scores the candidates of pickSpeakerOpt and returns the best:
// the one with the lowest score, the first of them on a tie, among those
// that resolve to a speaker the cue admits. A score needs no resolving, so
// the candidates are resolved in the order of their scores, and the first
// that passes is the best.
func (st *docState) bestOf(cands []mention, region Span, cue hit, allowObject bool) (resolved, bool) {
	var buf [16]scoredMention
	order := buf[:0]
	for i, m := range cands {
		if m.object && !allowObject {
			continue
		}
		if m.how == ByPronoun && m.gender == 'n' && m.Start >= cue.End {
			continue // "said it …": "it" after the verb belongs to what was said
		}
		order = append(order, scoredMention{i: i, dist: st.speakerDist(m, cue)})
	}
	slices.SortStableFunc(order, func(a, b scoredMention) int { return cmp.Compare(a.dist, b.dist) })
	for _, o := range order {
		m := cands[o.i]
		if st.orgModifier(m, cands) {
			continue
		}
		r := st.resolveFor(m, cue.val)
		if !r.known && m.how == ByPronoun {
			continue
		}
		if !verbFits(cue.val, r.gender) || (m.how == ByPronoun && !verbFits(cue.val, m.gender)) {
			continue
		}
		return r, true
	}
	return resolved{}, false
}

// scoredMention is a candidate of bestOf, by its index, with its score.
type scoredMention struct {
	i    int
	dist float64
}

// speakerDist scores mention m as the speaker of cue, the lower the
// likelier: the words between them (those after the cue count half a word
// farther), more for a role noun or a pronoun, much less for a pronoun right
// before the verb or a subject-marked mention.
func (st *docState) speakerDist(m mention, cue hit) float64 {
	var dist float64
	if m.End <= cue.Start {
		dist = float64(st.wordsBetween(m.End, cue.Start))
	} else {
		dist = float64(st.wordsBetween(cue.End, m.Start)) + 0.5
	}
	switch m.how {
	case ByRole:
		dist += 4
	case ByPronoun:
		dist += 4
		if m.gender == 'n' {
			dist += 6 // "it" is seldom the one who speaks
		}
	}
	if m.how == ByPronoun && m.gender != 'n' && m.End <= cue.Start && st.wordsBetween(m.End, cue.Start) == 0 {
		// "Asked about the CSTO deployment, she said …": the pronoun
		// right before the verb is its subject, not a name before it
		dist -= 10
	}
	if m.subject {
		dist -= 20
	}
	return dist
}

// pickSubject chooses the speaker of a verb that closes its sentence, in
// the verb-final languages where the subject opens it: a subject-marked
// mention, else the first one ("Tokayev, KGAÖ barış gücünün … açıkladı").
func (st *docState) pickSubject(region Span, cue hit) (resolved, bool) {
	var first *resolved
	cands := st.mentionsIn(region)
	for _, m := range cands {
		if m.object || m.quoted || m.how == ByPronoun && m.gender == 'n' || st.orgModifier(m, cands) {
			continue
		}
		r := st.resolveFor(m, cue.val)
		if !r.known || !verbFits(cue.val, r.gender) {
			continue
		}
		r = st.nameFor(r, region)
		if m.subject {
			return r, true
		}
		if first == nil {
			first = &r
		}
	}
	if first == nil {
		// a role noun off the roster ("Vali, … ifade etti")
		return st.offRosterRole(cands, cue, false)
	}
	return *first, true
}

// nameFor turns a role noun that the article binds to a name ("President
// Kassym-Jomart Tokayev") into that name, when the name stands in region.
func (st *docState) nameFor(r resolved, region Span) resolved {
	if r.how != ByRole || r.speaker < 0 && r.name == "" {
		return r
	}
	for _, m := range st.mentionsIn(region) {
		if m.how == ByName && m.speaker == r.speaker && m.name == r.name {
			r.mention, r.how = m.Span, ByName
			break
		}
	}
	return r
}

// orgModifier reports an organization that only qualifies a person or a
// role beside it: "Kremlin spokesman Dmitry Peskov", "المتحدث باسم الكرملين".
func (st *docState) orgModifier(m mention, cands []mention) bool {
	if m.how != ByName || m.speaker < 0 || !st.x.roster.speakers[m.speaker].isOrg() {
		return false
	}
	for _, n := range cands {
		if n.Span == m.Span || n.how == ByPronoun {
			continue
		}
		person := n.how == ByRole || n.speaker < 0 || !st.x.roster.speakers[n.speaker].isOrg()
		if !person {
			continue
		}
		var gap Span
		switch {
		case n.Start >= m.End:
			gap = Span{m.End, n.Start}
		case n.End <= m.Start:
			gap = Span{n.End, m.Start}
		default:
			continue
		}
		if st.words(gap) <= 3 && !st.breakIn(gap) {
			return true
		}
	}
	return false
}

// addMention records a mention found late (a name off the roster), so that
// pronouns after it can refer to it.
func (st *docState) addMention(m mention) {
	if overlapsMention(st.ments, m.Span) {
		return
	}
	i := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].Start > m.Start })
	st.ments = slices.Insert(st.ments, i, m) // views from mentionsIn are stale now
}

// lastCue returns the last cue in s, preferring reporting verbs.
func (st *docState) lastCue(s Span, kinds ...hitKind) (hit, bool) {
	hs := st.hitsIn(s)
	for i := len(hs) - 1; i >= 0; i-- {
		for _, k := range kinds {
			if hs[i].kind == k {
				return hs[i], true
			}
		}
	}
	return hit{}, false
}

// firstCue returns the first hit of kinds in s.
func (st *docState) firstCue(s Span, kinds ...hitKind) (hit, bool) {
	for _, h := range st.hitsIn(s) {
		for _, k := range kinds {
			if h.kind == k {
				return h, true
			}
		}
	}
	return hit{}, false
}

// clauseEnd returns where the speaker's part of a cue ends: at the first
// complementizer or colon after the cue, since mentions after it belong to
// what was said.
func (st *docState) clauseEnd(cue hit, limit int) int {
	if c, ok := st.firstCue(Span{cue.End, limit}, hitComp); ok {
		return c.Start
	}
	if i := indexColon(st.text[cue.End:limit]); i >= 0 {
		return cue.End + i
	}
	return limit
}

// endsWithColon reports whether s ends with a colon, or with a mark the
// language uses as one.
func (st *docState) endsWithColon(s Span) bool {
	s = trimSpan(st.text, s)
	r, _ := utf8.DecodeLastRuneInString(st.text[s.Start:s.End])
	return r == ':' || r == '：' || st.c.split != nil && strings.ContainsRune(st.c.split.colons, r)
}

// attribution is the outcome of attributing one quotation.
type attribution struct {
	r        resolved
	cue      Span
	found    bool // a speaker was found
	adjacent bool // a cue or colon introduces the quote directly
	after    bool // the attribution follows the quote
	speech   bool // a reporting cue stands in the quote's sentence
}

// attributeMarked finds who said the marked quotation m. before and after
// are the stretches of its sentence(s) on either side.
func (st *docState) attributeMarked(m markedSpan, before, after Span, prev *Quote) attribution {
	st.forQuote = true
	defer func() { st.forQuote = false }()
	var a attribution
	// after the quote: ", the secretary general added", "- czytamy we wpisach X", "— заявил Путин"
	if !after.Empty() {
		if cue, ok := st.firstCue(after, hitContinuation); ok && st.wordsBetween(after.Start, cue.Start) <= 3 && !st.introduces(cue, after) {
			// "“…,” he added", "「…」とも語った": the same speaker goes on
			region := Span{after.Start, st.wordsAfterTo(cue.End, 3, after.End)}
			if r, ok := st.pickSpeaker(region, cue); ok {
				a.r, a.cue, a.found, a.after, a.speech = r, cue.Span, true, true, true
				return a
			}
			// the subject stands before the quote, the cue after it ("Ал
			// «…» деп кошумчалады")
			if !before.Empty() {
				if _, ok := st.lastCue(before, hitVerb, hitNested, hitSource, hitContinuation); !ok {
					if r, ok := st.pickSpeaker(before, hit{Span: Span{before.End, before.End}, val: cue.val}); ok {
						a.r, a.cue, a.found, a.after, a.speech = r, cue.Span, true, true, true
						return a
					}
				}
			}
			if r, ok := st.continues(cue, prev); ok {
				a.r, a.cue, a.found, a.after, a.speech = r, cue.Span, true, true, true
				return a
			}
		}
		if cue, ok := st.firstCue(after, hitVerb, hitNested); ok && st.wordsBetween(after.Start, cue.Start) <= 8 {
			a.speech = true
			region := Span{after.Start, st.wordsAfterTo(cue.End, 6, after.End)}
			if r, ok := st.pickSpeaker(region, cue); ok {
				a.r, a.cue, a.found, a.after = r, cue.Span, true, true
				return a
			}
			if cue.val == 0 {
				cue.val = st.genderAt(cue) // "powiedział dziennikarzom": the gendered verb inside the phrase
			}
			if cue.val != 0 && st.wordsBetween(after.Start, cue.Start) == 0 && !st.introduces(cue, after) {
				// a gendered verb right after the quote, its subject left out
				// ("„…” – napisała w oświadczeniu.")
				if r, ok := st.prodrop(cue); ok {
					a.r, a.cue, a.found, a.after = r, cue.Span, true, true
					return a
				}
			}
			a.cue = cue.Span
			// the subject stands before the quote, the verb after it
			if !before.Empty() {
				if _, ok := st.lastCue(before, hitVerb, hitNested, hitSource); !ok {
					if r, ok := st.pickSpeaker(before, hit{Span: Span{before.End, before.End}, val: cue.val}); ok {
						a.r, a.found, a.after = r, true, true
						return a
					}
				}
			}
			// "«…», τόνισε.", "«…», τον ρώτησε.": a verb right after the
			// quote, or after a clitic pronoun, with no subject, where
			// subjects drop
			if st.c.pack.ProDrop && st.wordsBetween(after.Start, cue.Start) <= 1 {
				// the subject of the sentence before, in the paragraph,
				// named or not on the roster ("Η αναλύτρια Χ εκτιμά ότι …
				// «…», δήλωσε."), else the latest speaker
				if r, ok := st.sentenceSubject(m); ok {
					a.r, a.cue, a.found, a.after = r, cue.Span, true, true
					return a
				}
				if r, ok := st.prodrop(cue); ok {
					a.r, a.cue, a.found, a.after = r, cue.Span, true, true
					return a
				}
			}
		}
	}
	// a verb-final attribution: the speaker opens what follows the quote and
	// the verb closes it
	if !after.Empty() && !a.found {
		lead := Span{after.Start, st.wordsAfterTo(after.Start, 2, after.End)}
		if cue, ok := st.firstCue(after, hitVerb, hitNested, hitFinal); ok && st.wordsBetween(after.Start, cue.Start) <= 15 {
			for _, m := range st.mentionsIn(Span{lead.Start, cue.Start}) {
				if m.Start >= lead.End || m.object {
					continue
				}
				if r := st.resolve(m); r.known && verbFits(cue.val, r.gender) {
					a.r, a.cue, a.found, a.after, a.speech = st.nameFor(r, Span{after.Start, cue.Start}), cue.Span, true, true, true
					return a
				}
			}
		}
	}
	// before the quote: "قالت زاخاروفا:", "Tokayev said that", "X ने कहा कि"
	if !before.Empty() {
		tail := trimSpan(st.text, before)
		if st.endsWithColon(tail) {
			a.adjacent = true
		} else if c, ok := st.hitBefore(tail.End, hitComp, hitVerb, hitNested); ok && c.End == tail.End {
			a.adjacent = true
		}
		cue, ok := st.lastCue(before, hitVerb, hitNested, hitSource, hitFinal)
		if ok {
			a.speech = true
			if !a.adjacent && st.wordsBetween(cue.End, tail.End) <= 1 {
				a.adjacent = true
			}
			end := st.clauseEnd(cue, before.End)
			// a source phrase takes its speaker in an object's form
			// ("X के अनुसार", "তোকায়েভের দাবি")
			if r, ok := st.pickSpeakerOpt(Span{before.Start, end}, cue, cue.kind == hitSource); ok {
				a.r, a.cue, a.found = r, cue.Span, true
				return a
			}
			if cont, ok := st.lastCue(Span{cue.Start, before.End}, hitContinuation); ok && cont.Start == cue.Start {
				if r, ok := st.continues(cont, prev); ok {
					a.r, a.cue, a.found = r, cont.Span, true
					return a
				}
			}
			if (cue.val != 0 || st.c.pack.ProDrop) && a.adjacent {
				// a gendered verb with no subject ("وقال عقب الاتصال: …"),
				// or any verb where the language drops subjects
				if r, ok := st.prodrop(cue); ok {
					a.r, a.cue, a.found = r, cue.Span, true
					return a
				}
			}
			if a.cue.Empty() {
				a.cue = cue.Span
			}
		}
		if cont, ok := st.lastCue(before, hitContinuation); ok {
			if r, ok := st.continues(cont, prev); ok {
				a.speech = true
				a.r, a.cue, a.found = r, cont.Span, true
				return a
			}
		}
		if !ok && !a.adjacent && st.paraAt(tail.End) == 0 {
			// a headline's speaker right before the marks, with no
			// verb: "プーチン氏「任務は完了」", 푸틴 "임무 완수"
			var last mention
			named := false
			for _, m := range st.mentionsIn(before) {
				if m.how == ByName && !m.object && !m.quoted {
					last, named = m, true
				}
			}
			if named && st.afterSubject(last.End) >= tail.End {
				if r := st.resolve(last); r.known {
					a.r, a.found, a.adjacent = r, true, true
					return a
				}
			}
		}
		if !ok && a.adjacent {
			// "Putin: “...”" — a name right before a colon
			if r, ok := st.pickSpeaker(before, hit{Span: Span{tail.End, tail.End}}); ok {
				a.r, a.found = r, true
				a.cue = Span{tail.End - 1, tail.End}
				return a
			}
		}
	}
	return a
}

// introduces reports whether the cue at the end of after introduces the
// next quotation ("«…»، مضيفا: «…»") rather than closing this one.
func (st *docState) introduces(cue hit, after Span) bool {
	rest := trimSpan(st.text, Span{cue.End, after.End})
	if rest.Empty() {
		return true
	}
	r := nextRune(st.text, rest.Start)
	if r == ':' || r == '：' {
		return true
	}
	// "…"، محذرا من أن "…", "…," adding that "…": a complementizer, with
	// at most a word before it, opens the next quote
	if c, ok := st.firstCue(rest, hitComp); ok && st.wordsBetween(cue.End, c.Start) <= 1 {
		return trimSpan(st.text, Span{c.End, rest.End}).Empty()
	}
	return false
}

// genderAt returns the gender of a gendered reporting verb that starts
// where the cue does, or 0.
func (st *docState) genderAt(cue hit) int {
	for _, h := range st.hitsIn(cue.Span) {
		if h.Start == cue.Start && h.kind == hitVerb && h.val != 0 {
			return h.val
		}
	}
	return 0
}

// continues resolves a continuation cue ("dodał", "مضيفة", "he added"
// without its pronoun): a cue marked for gender goes to the latest speaker of
// that gender, as a subjectless verb does; otherwise to the previous quote's.
func (st *docState) continues(cue hit, prev *Quote) (resolved, bool) {
	for _, h := range st.hitsIn(cue.Span) {
		if h.Span == cue.Span && h.kind == hitVerb && h.val != 0 {
			cue.val = h.val // the gendered verb form that is the cue
		}
	}
	if cue.val != 0 {
		if r, ok := st.prodrop(cue); ok {
			r.how = ByContinuation
			return r, true
		}
	}
	if prev != nil && prev.Speaker != "" {
		return resolved{speaker: prev.spk - 1, name: prev.Speaker, how: ByContinuation, known: true, mention: cue.Span}, true
	}
	return resolved{}, false
}

// wordsAfter returns the offset after n words following off.
func (st *docState) wordsAfter(off, n int) int { return st.wordsAfterTo(off, n, len(st.text)) }

// nameBesideRole finds, in region, a run of capitalized words off the roster
// that stands beside the role noun at role: right before it, or right after
// it with at most one word and a comma between.
func (st *docState) nameBesideRole(role, region Span) (Span, bool) {
	near := Span{st.wordsBackTo(region.Start, role.Start, 4), st.wordsAfterTo(role.End, 6, region.End)}
	if near.Empty() {
		return Span{}, false
	}
	for _, c := range st.capitalNames(near, true) {
		if overlapsMention(st.ments, c) && !st.offRosterAt(c) {
			continue
		}
		if _, ok := st.hitBefore(c.Start, hitPrep); ok {
			continue
		}
		var gap Span
		switch {
		case c.End <= role.Start:
			gap = Span{c.End, role.Start}
		case c.Start >= role.End:
			gap = Span{role.End, c.Start}
		default:
			continue
		}
		if st.wordsBetween(gap.Start, gap.End) > 1 || stopsOrMarks.In(st.text[gap.Start:gap.End]) {
			continue
		}
		return c, true
	}
	return Span{}, false
}

// sentenceSubject returns the speaker the sentence before the quote's names,
// when that sentence is in the quote's paragraph and holds no quotation
// marks of its own.
func (st *docState) sentenceSubject(m markedSpan) (resolved, bool) {
	at := m.content.Start
	if !m.open.Empty() {
		at = m.open.Start
	}
	si := st.sentenceAt(at)
	if si <= 0 || si >= len(st.sents) || st.sentP[si-1] != st.sentP[si] {
		return resolved{}, false
	}
	prev := st.sents[si-1]
	if prev.End > at || quoteMarks.In(st.text[prev.Start:prev.End]) {
		return resolved{}, false
	}
	return st.pickSpeaker(prev, hit{Span: Span{prev.End, prev.End}})
}

// fullName returns the full name, off the roster, that the article gave
// before off to the one word name ("Maqdir Ismail … ujar Maqdir", "Temur
// Umarov … ông Umarov"), or name itself.
func (st *docState) fullName(name string, off int) string {
	if name == "" || spaces.In(name) {
		return name
	}
	for i := st.mentionsBefore(off) - 1; i >= 0; i-- {
		n := st.ments[i]
		if st.c.pack.NoSpaces && n.how == ByName && n.speaker < 0 && !n.quoted && len(n.name) > len(name) && strings.HasPrefix(n.name, name) {
			return n.name // "中村敬一 … 中村氏": the family name comes first
		}
		if n.how != ByName || n.speaker >= 0 || n.quoted || !strings.Contains(n.name, " ") {
			continue
		}
		for w := range strings.FieldsSeq(n.name) {
			if w == name {
				return n.name
			}
		}
	}
	return name
}

// breakIn reports whether s holds punctuation that parts a name from what
// stands beside it; a colon inside a word ("CSTO:n") does not.
func (st *docState) breakIn(s Span) bool {
	if clausePunct.In(st.text[s.Start:s.End]) {
		return true
	}
	for i := s.Start; i < s.End; i++ {
		if st.text[i] == ':' && !(i > 0 && isWordRune(prevRune(st.text, i)) && isWordRune(nextRune(st.text, i+1))) {
			return true
		}
	}
	return false
}

// offRosterAt reports whether a name off the roster was recorded at exactly s.
func (st *docState) offRosterAt(s Span) bool {
	i := sort.Search(len(st.ments), func(i int) bool { return st.ments[i].Start >= s.Start })
	return i < len(st.ments) && st.ments[i].Span == s && st.ments[i].how == ByName && st.ments[i].speaker < 0
}

// appositionHead returns the name that an apposition holding the name at
// n follows, when the apposition closes with a comma right before the cue:
// "Dana Whitfield, a senior fellow at the Atlantic Policy Institute, said"
// is Dana Whitfield speaking, not the institute.
func (st *docState) appositionHead(cands []mention, n Span, cue hit) (mention, bool) {
	if strings.TrimSpace(st.text[n.End:cue.Start]) != "," {
		return mention{}, false
	}
	for i := len(cands) - 1; i >= 0; i-- {
		m := cands[i]
		if m.End > n.Start || m.how != ByName || m.object || m.quoted {
			continue
		}
		gap := strings.TrimSpace(st.text[m.End:n.Start])
		// the apposition describes the head ("a senior fellow at"); a
		// name that opens it is the head's own apposition ("the CSTO's
		// secretary general, Stanislav Zas, said")
		if strings.HasPrefix(gap, ",") && strings.TrimSpace(gap[1:]) != "" && !strings.ContainsAny(gap[1:], ",.;:") {
			return m, true
		}
		return mention{}, false
	}
	return mention{}, false
}
