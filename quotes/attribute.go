package quotes

import (
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
			hasName = hasName || m.how == ByName
		}
	}
	best, found := st.bestOf(cands, region, cue, allowObject)
	if !hasName && (!found || !best.known) {
		// names off the roster only where no known mention answers:
		// prose's NER only where nothing else could be the speaker
		extra := st.unknownNames(region, cue, !hasAny)
		if len(extra) == 0 && !cue.Empty() {
			extra = st.surnameBeside(region, cue)
		}
		if len(extra) == 0 && st.forQuote {
			// for a quotation, whose row stands anyway: the words before
			// a subject marker; reported speech needs a surer speaker
			extra = st.markedSubjects(region)
		}
		if len(extra) > 0 {
			if b, ok := st.bestOf(append(cands, extra...), region, cue, allowObject); ok && b.known {
				best, found = b, true
			}
		}
	}
	if found {
		best = st.nameFor(best, region)
	}
	if found && best.how == ByName && best.speaker < 0 {
		st.addMention(mention{Span: best.mention, how: ByName, speaker: -1, name: best.name})
	}
	return best, found
}

// bestOf scores the candidates of pickSpeakerOpt and returns the best.
func (st *docState) bestOf(cands []mention, region Span, cue hit, allowObject bool) (resolved, bool) {
	best, bestScore, found := resolved{}, 0.0, false
	for _, m := range cands {
		if m.object && !allowObject {
			continue
		}
		if st.orgModifier(m, cands) {
			continue
		}
		if m.how == ByPronoun && m.gender == 'n' && m.Start >= cue.End {
			continue // "said it …": "it" after the verb belongs to what was said
		}
		r := st.resolveFor(m, cue.val)
		if !r.known && m.how == ByPronoun {
			continue
		}
		if !verbFits(cue.val, r.gender) || (m.how == ByPronoun && !verbFits(cue.val, m.gender)) {
			continue
		}
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
		if !found || dist < bestScore {
			best, bestScore, found = r, dist, true
		}
	}
	return best, found
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
		return resolved{}, false
	}
	return *first, true
}

// nameFor turns a role noun that the article binds to a name ("President
// Kassym-Jomart Tokayev") into that name, when the name stands in region.
func (st *docState) nameFor(r resolved, region Span) resolved {
	if r.how != ByRole || r.speaker < 0 {
		return r
	}
	for _, m := range st.mentionsIn(region) {
		if m.how == ByName && m.speaker == r.speaker {
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
		if st.words(gap) <= 3 && !strings.ContainsAny(st.text[gap.Start:gap.End], ",.;:!?،।") {
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

// isOnlyPunct reports whether s holds no word.
func isOnlyPunct(text string, s Span) bool { return countWords(text, s) == 0 }

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
			region := Span{after.Start, min(after.End, st.wordsAfter(cue.End, 3))}
			if r, ok := st.pickSpeaker(region, cue); ok {
				a.r, a.cue, a.found, a.after, a.speech = r, cue.Span, true, true, true
				return a
			}
			if r, ok := st.continues(cue, prev); ok {
				a.r, a.cue, a.found, a.after, a.speech = r, cue.Span, true, true, true
				return a
			}
		}
		if cue, ok := st.firstCue(after, hitVerb, hitNested); ok && st.wordsBetween(after.Start, cue.Start) <= 8 {
			a.speech = true
			region := Span{after.Start, min(after.End, st.wordsAfter(cue.End, 6))}
			if r, ok := st.pickSpeaker(region, cue); ok {
				a.r, a.cue, a.found, a.after = r, cue.Span, true, true
				return a
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
		}
	}
	// a verb-final attribution: the speaker opens what follows the quote and
	// the verb closes it
	if !after.Empty() && !a.found {
		lead := Span{after.Start, min(after.End, st.wordsAfter(after.Start, 2))}
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
			if r, ok := st.pickSpeaker(Span{before.Start, end}, cue); ok {
				a.r, a.cue, a.found = r, cue.Span, true
				return a
			}
			if cont, ok := st.lastCue(Span{cue.Start, before.End}, hitContinuation); ok && cont.Start == cue.Start {
				if r, ok := st.continues(cont, prev); ok {
					a.r, a.cue, a.found = r, cont.Span, true
					return a
				}
			}
			if cue.val != 0 && a.adjacent {
				// a gendered verb with no subject ("وقال عقب الاتصال: …")
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
	return r == ':' || r == '：'
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
func (st *docState) wordsAfter(off, n int) int {
	in := false
	for i, r := range st.text[off:] {
		w := isWordRune(r) || r == '-'
		if w && !in {
			if n == 0 {
				return off + i
			}
			n--
		}
		in = w
	}
	return len(st.text)
}
