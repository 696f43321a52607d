package stance

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// ErrNoTerms reports a target without a single term to recognize it by.
var ErrNoTerms = errors.New("target has no terms")

// Tuning. doc.go describes what each does; keep the two in step.
const (
	// threshold is the least |Score| that gives a label other than None.
	threshold = 0.2
	// topicQuote, topicParagraph and topicDocument weigh evidence by where
	// the target is named: in the quote, its context or its cue; only in the
	// paragraph around it; only elsewhere in the document (which is enough
	// for an attack on the target's critics, and nothing else).
	topicQuote     = 1.0
	topicParagraph = 0.6
	topicDocument  = 0.4
	// contextOnly weighs a context that does not contain its quote (so that
	// what is attribution and what is quote is not known).
	contextOnly = 0.6
	// offTarget weighs a cue in a clause that does not name the target when
	// another clause of the same region (the quote, or its attribution) does.
	offTarget = 0.5
	// afterContrast and beforeContrast weigh a cue after and before a
	// contrast word in its sentence; a contrast word that opens a sentence
	// also weighs down the sentence before it.
	afterContrast  = 1.5
	beforeContrast = 0.5
	// negationWords and negationRunes bound how far a negator reaches: in
	// words for languages with spaces, in characters for those without. A
	// negated cue that ends its clause is reached from up to farNegation
	// times as far ("did not know if the request ... was legitimate").
	negationWords = 8
	negationRunes = 10
	farNegation   = 3
	// negationBack and negationBackRunes bound how far back a negator that
	// follows its cue reaches (see negatorOf).
	negationBack      = 2
	negationBackRunes = 3
	// continuationScore scales the score a row without evidence of its own
	// inherits from its speaker's previous row.
	continuationScore = 0.7
	// negatorJoin is the most words between a negator and its cue for the
	// two to be reported as one cue ("not legitimate", "not fully legitimate").
	negatorJoin = 3
)

// Judge judges quotes for their stance toward one target. It compiles the
// lexicon of every language once; it is safe for concurrent use.
type Judge struct {
	target  Target
	langs   map[string]*lexicon
	generic *lexicon  // the "all" terms and critics, for languages without a pack
	scratch sync.Pool // *scratch, reused from document to document
}

// New validates the target and compiles, for every language of packs and
// every language the target names, one lexicon of its stance words, terms
// and critics. packs may be nil: then only the target's terms are known and
// every quote is judged None.
func New(t Target, packs *lang.Set) (*Judge, error) {
	for _, m := range []map[string][]string{t.Terms, t.Critics} {
		for code := range m {
			if code != "all" && !isCode(code) {
				return nil, fmt.Errorf("stance: target %q: key %q is not a language code or \"all\"", t.Name, code)
			}
		}
	}
	n := 0
	for _, list := range t.Terms {
		n += len(list)
	}
	if n == 0 {
		return nil, fmt.Errorf("stance: target %q: %w", t.Name, ErrNoTerms)
	}
	codes := map[string]bool{}
	if packs != nil {
		for _, c := range packs.Codes() {
			codes[c] = true
		}
	}
	for _, m := range []map[string][]string{t.Terms, t.Critics} {
		for c := range m {
			if c != "all" {
				codes[c] = true
			}
		}
	}
	j := &Judge{target: t, langs: map[string]*lexicon{}}
	var err error
	if j.generic, err = compileLexicon("", false, targetSources(t, "all")); err != nil {
		return nil, fmt.Errorf("stance: %w", err)
	}
	for c := range codes {
		var p *lang.Pack
		if packs != nil {
			p = packs.Get(c)
		}
		srcs := append(targetSources(t, "all"), targetSources(t, c)...)
		noSpaces := false
		if p != nil {
			noSpaces = p.NoSpaces
			srcs = append(srcs, packSources(p)...)
		}
		lx, err := compileLexicon(c, noSpaces, srcs)
		if err != nil {
			return nil, fmt.Errorf("stance: %w", err)
		}
		j.langs[c] = lx
	}
	return j, nil
}

// isCode reports whether s looks like an ISO 639 code.
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// targetSources returns the target's terms and critics for one key.
func targetSources(t Target, key string) []source {
	return []source{
		{where: "target terms[" + key + "]", list: t.Terms[key], cat: catTerm},
		{where: "target critics[" + key + "]", list: t.Critics[key], cat: catCritic},
	}
}

// packSources returns the stance lists of a pack.
func packSources(p *lang.Pack) []source {
	file := p.File
	if file == "" {
		file = "pack " + p.Code
	}
	st := p.Stance
	return []source{
		{where: file + ": stance.favor", list: st.Favor, cat: catFavor},
		{where: file + ": stance.against", list: st.Against, cat: catAgainst},
		{where: file + ": stance.attack", list: st.Attack, cat: catAttack},
		{where: file + ": stance.negators", list: st.Negators, cat: catNegator},
		{where: file + ": stance.contrast", list: st.Contrast, cat: catContrast},
		{where: file + ": stance.reason", list: st.Reason, cat: catReason},
		{where: file + ": stance.doubt", list: st.Doubt, cat: catDoubt | catAgainst},
		{where: file + ": stance.refute", list: st.Refute, cat: catRefute | catAttack},
	}
}

// Target returns the target the judge was built for.
func (j *Judge) Target() Target { return j.target }

// lexicon returns the lexicon for a language code ("en", "pt-BR").
func (j *Judge) lexicon(code string) *lexicon {
	if lx, ok := j.langs[code]; ok {
		return lx
	}
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	if lx, ok := j.langs[code]; ok {
		return lx
	}
	return j.generic
}

// Document judges the rows of one document, given in text order, and
// returns one Result per row.
//
// Rows are judged one by one, then joined: a row that continues its
// speaker's words (Attribution "continuation") and
// has no evidence of its own inherits the label of that speaker's previous
// row at a reduced score. A row that merely follows its speaker's previous
// one is judged on its own: a description after a stance is not a stance.
func (j *Judge) Document(in []Input) []Result {
	out := make([]Result, len(in))
	if len(in) == 0 {
		return out
	}
	sc, _ := j.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer func() {
		// the document is not kept
		sc.last.lx, sc.last.text = nil, ""
		clear(sc.cues)
		sc.cues = sc.cues[:0]
		j.scratch.Put(sc)
	}()
	// the lexicon of each row: rows mostly share their language
	lexs := make([]*lexicon, len(in))
	for i := range in {
		if i > 0 && in[i].Lang == in[i-1].Lang {
			lexs[i] = lexs[i-1]
		} else {
			lexs[i] = j.lexicon(in[i].Lang)
		}
	}
	rows := make([]evidence, len(in))
	for i := range in {
		if in[i].Kind != "scare" {
			rows[i] = analyze(lexs[i], &in[i], sc)
		}
	}
	// Whether a paragraph, or the document, names the target matters only
	// to rows with evidence: it is read when one asks, once a paragraph.
	paraTerm := map[string]bool{}
	topicOf := func(i int) float64 {
		ev := &rows[i]
		if !ev.term && !ev.paraKnown && in[i].Paragraph != "" {
			t, ok := paraTerm[in[i].Paragraph]
			if !ok {
				// A paragraph that is all the row's context has been read
				// with it, and does not name the target, or the row would.
				t = in[i].Paragraph != in[i].Context && lexs[i].hasTerm(in[i].Paragraph, sc)
				paraTerm[in[i].Paragraph] = t
			}
			ev.paraTerm, ev.paraKnown = t, true
		}
		return ev.topic()
	}
	docTerm, docKnown := false, false
	docTermOf := func() bool {
		for i := 0; !docKnown && i < len(in); i++ {
			docTerm = in[i].Kind != "scare" && topicOf(i) > 0
			docKnown = docTerm
		}
		docKnown = true
		return docTerm
	}
	last := map[string]int{} // speaker -> their previous row
	prev := -1               // the previous row that is somebody's speech
	for i := range in {
		if in[i].Kind == "scare" {
			out[i] = Result{Label: None}
			continue
		}
		ev := &rows[i]
		p := prev // the row this one may continue: the speaker's previous, if named
		if sp := in[i].Speaker; sp != "" {
			p = -1
			if k, ok := last[sp]; ok {
				p = k
			}
		}
		cont := in[i].Attribution == "continuation"
		switch {
		case !ev.any():
			// no evidence: only inheritance can give it a stance
			out[i] = Result{Label: None}
			if p >= 0 && (cont || ev.reason) && out[p].Label != None {
				out[i] = Result{Label: out[p].Label, Score: out[p].Score * continuationScore, Inherited: true}
			}
		case p >= 0 && cont && topicOf(i) == 0 && topicOf(p) > 0:
			// Continuing words on the target need not name it again.
			out[i] = ev.result(topicParagraph, ev.aimed != 0 && docTermOf())
		default:
			out[i] = ev.result(topicOf(i), ev.aimed != 0 && docTermOf())
		}
		if in[i].Speaker != "" {
			last[in[i].Speaker] = i
		}
		prev = i
	}
	return out
}

// evidence is what one row's texts say.
type evidence struct {
	normal   float64 // signed weight of the cues that need the target named near
	ctx      float64 // the part of normal from the attribution around the quote
	reason   bool    // the attribution presents the quote as the reason for a stance
	aimed    float64 // signed weight of attacks on the target's critics or their claims
	cues     []cue   // in the cues of the document's scratch
	term     bool    // the target is named in the quote, its context or its cue
	paraTerm bool    // the target is named in the paragraph
	// paraKnown: paraTerm has been read
	paraKnown bool
}

// cue is one decisive word as written, with the sign of what it gave.
type cue struct {
	unit, start int
	text        string
	sign        float64
	ctx         bool // found in the attribution, outside the quote
}

// any reports whether the row has stance evidence of its own.
func (ev *evidence) any() bool { return ev.normal != 0 || ev.aimed != 0 }

// topic returns the weight of the row's own topicality.
func (ev *evidence) topic() float64 {
	switch {
	case ev.term:
		return topicQuote
	case ev.paraTerm:
		return topicParagraph
	}
	return 0
}

// result turns evidence into a Result under the given topicality.
func (ev *evidence) result(topic float64, docTerm bool) Result {
	aimedTopic := topic
	if docTerm {
		aimedTopic = max(aimedTopic, topicDocument)
	}
	// Words of the attribution around the quote judge the target only where
	// the quote or its sentence names it: "supporting his claims, Putin said
	// …" says nothing of a target named elsewhere in the paragraph.
	normal, ctxOK := ev.normal, ev.term
	if !ctxOK {
		normal -= ev.ctx
	}
	total := normal*topic + ev.aimed*aimedTopic
	score := total / (math.Abs(total) + 1)
	r := Result{Label: None, Score: round3(score)}
	switch {
	case score >= threshold:
		r.Label = Favor
	case score <= -threshold:
		r.Label = Against
	default:
		return r
	}
	sign := math.Copysign(1, score)
	slices.SortStableFunc(ev.cues, func(a, b cue) int {
		return cmp.Or(cmp.Compare(a.unit, b.unit), cmp.Compare(a.start, b.start))
	})
	for _, c := range ev.cues {
		if c.sign != sign || contains(r.Cues, c.text) || c.ctx && !ctxOK {
			continue
		}
		r.Cues = append(r.Cues, c.text)
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// round3 rounds to three decimals, so that scores print stably.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// analyze gathers the evidence of one row: its context (which holds the
// quote and its attribution) or, failing that, its quote, and its cue when
// the context does not hold it.
func analyze(lx *lexicon, in *Input, sc *scratch) evidence {
	var ev evidence
	first := len(sc.cues)
	q, ctx := in.Quote, in.Context
	unit := 0
	qs := -1
	if ctx != "" {
		qs = index(ctx, q)
	}
	if qs >= 0 {
		analyzeText(lx, ctx, span{qs, qs + len(q)}, 1, unit, &ev, sc)
	} else {
		if q != "" {
			analyzeText(lx, q, span{}, 1, unit, &ev, sc)
		}
		if ctx != "" {
			unit++
			analyzeText(lx, ctx, span{}, contextOnly, unit, &ev, sc)
		}
	}
	if c := in.Cue; c != "" && !containsCue(ctx, qs, len(q), c) && !strings.Contains(q, c) {
		unit++
		analyzeText(lx, c, span{}, 1, unit, &ev, sc)
	}
	ev.cues = sc.cues[first:len(sc.cues):len(sc.cues)]
	return ev
}

// containsCue reports whether ctx contains cue, as strings.Contains does.
// Where the quote lies in ctx, from byte qs on and n bytes long, it first
// looks in the attribution either side of the quote: it is short, and it
// is where a cue mostly is.
func containsCue(ctx string, qs, n int, cue string) bool {
	if qs >= 0 && (strings.Contains(ctx[:qs], cue) || strings.Contains(ctx[qs+n:], cue)) {
		return true
	}
	return strings.Contains(ctx, cue)
}

// span is a byte range of a text.
type span struct{ start, end int }

// polar is what one stance word of a text contributes.
type polar struct {
	hit  int     // index in the hits
	sign float64 // +1 favor, -1 against, 0 neither (attack, or both lists)
	neg  int     // the negator reaching it, or -1
	done bool    // settled by an attack: the attack itself, or the claim it attacks
}

// analyzeText adds the evidence of one text to ev. quote is where the quote
// lies in the text, if the text is a context that holds it.
func analyzeText(lx *lexicon, text string, quote span, weight float64, unit int, ev *evidence, sc *scratch) {
	hits, n := lx.match(text, sc)
	breaks := sc.breaks
	// the hits of each kind, in buffers of sc
	critics, terms, contrasts, doubts := sc.critics[:0], sc.terms[:0], sc.contrasts[:0], sc.doubts[:0]
	ps := sc.ps[:0]
	for k, h := range hits {
		if h.cats&catDoubt != 0 {
			doubts = append(doubts, k)
		}
		if h.cats&catReason != 0 && (quote.end == 0 || h.start >= quote.end || h.end <= quote.start) {
			ev.reason = true
		}
		if h.cats&catTerm != 0 {
			ev.term = true
			terms = append(terms, k)
		}
		if h.cats&catCritic != 0 {
			critics = append(critics, k)
		}
		if h.cats&catContrast != 0 {
			contrasts = append(contrasts, k)
		}
		if h.cats&catPolar != 0 {
			p := polar{hit: k, neg: negatorOf(lx, hits, breaks, k, n)}
			if p.neg < 0 && h.cats&catFavor != 0 && h.cats&catAgainst == 0 {
				// what a doubt word before it in the sentence questions
				for _, d := range doubts {
					if hits[d].clause == h.clause && d < k {
						p.neg = d
					}
				}
			}
			// A name of the target says what the quote is about, not what it
			// thinks of it: "peacekeepers" may be a favor word in a pack.
			switch cats := h.cats & (catFavor | catAgainst); {
			case h.cats&catTerm != 0:
			case cats == catFavor:
				p.sign = 1
			case cats == catAgainst:
				p.sign = -1
			}
			if p.sign != 0 || h.cats&catAttack != 0 {
				ps = append(ps, p)
			}
		}
	}
	sc.critics, sc.terms, sc.contrasts, sc.doubts, sc.ps = critics, terms, contrasts, doubts, ps
	if len(ps) == 0 {
		return
	}
	inClause := func(list []int, clause int) bool {
		for _, k := range list {
			if hits[k].clause == clause {
				return true
			}
		}
		return false
	}
	// The quote and its attribution are regions: a cue is off target when
	// its region names the target, but not in the cue's clause.
	inQuote := func(k int) bool { return hits[k].start >= quote.start && hits[k].end <= quote.end }
	offTargetAt := func(k int) bool {
		if hits[k].cats&catTerm != 0 || inClause(terms, hits[k].clause) {
			return false
		}
		for _, m := range terms {
			if inQuote(m) == inQuote(k) {
				return true
			}
		}
		return false
	}
	weigh := func(k int, local bool) float64 {
		w := weight
		var after, before bool
		for _, c := range contrasts {
			switch {
			case c == k:
			case hits[c].sent == hits[k].sent && hits[c].from < hits[k].from:
				after = true
			case hits[c].sent == hits[k].sent:
				before = true
			case hits[c].first && hits[c].sent == hits[k].sent+1:
				before = true // "X. But Y": the sentence before gives way
			}
		}
		if after {
			w *= afterContrast
		}
		if before {
			w *= beforeContrast
		}
		if local && offTargetAt(k) {
			w *= offTarget
		}
		return w
	}
	outside := func(k int) bool { return quote.end > 0 && !inQuote(k) }
	add := func(k int, sign float64, text string) {
		sc.cues = append(sc.cues, cue{unit: unit, start: hits[k].start, text: text, sign: sign})
	}
	// addNormal records a cue that needs the target named near it.
	addNormal := func(k int, sign float64, text string) {
		sc.cues = append(sc.cues, cue{unit: unit, start: hits[k].start, text: text, sign: sign, ctx: outside(k)})
	}
	// refuted counts an attack on the claims against the target in its
	// sentence for the target, and those claims with it.
	refuted := func(p *polar, h hit) {
		ev.aimed += weigh(p.hit, false)
		add(p.hit, 1, text[h.start:h.end])
		for j := range ps {
			o := &ps[j]
			if o.sign < 0 && o.neg < 0 && hits[o.hit].sent == h.sent && hits[o.hit].cats&catAttack == 0 {
				o.done = true
				add(o.hit, 1, text[hits[o.hit].start:hits[o.hit].end])
			}
		}
		p.done = true
	}
	// Attacks first: on critics, on the claims of critics, or on the target.
	for i := range ps {
		p := &ps[i]
		h := hits[p.hit]
		if h.cats&catAttack == 0 || p.neg >= 0 {
			continue
		}
		switch {
		case inClause(critics, h.clause) || len(critics) > 0 && !inClause(terms, h.clause) && !claimsAttacked(ps, hits, i):
			ev.aimed += weigh(p.hit, false)
			add(p.hit, 1, text[h.start:h.end])
			c := nearest(hits, critics, p.hit)
			add(c, 1, text[hits[c].start:hits[c].end])
			p.done = true
		case h.cats&catRefute != 0 && claimsAttacked(ps, hits, i):
			refuted(p, h)
		case inClause(terms, h.clause) && p.sign == 0:
			ev.normal -= weigh(p.hit, true)
			add(p.hit, -1, text[h.start:h.end])
			p.done = true
		case claimsAttacked(ps, hits, i):
			refuted(p, h)
		case len(critics) > 0:
			ev.aimed += weigh(p.hit, false)
			add(p.hit, 1, text[h.start:h.end])
			c := nearest(hits, critics, p.hit)
			add(c, 1, text[hits[c].start:hits[c].end])
			p.done = true
		}
	}
	for i := range ps {
		p := &ps[i]
		h := hits[p.hit]
		if p.done || p.sign == 0 {
			continue
		}
		if p.neg >= 0 {
			if corrected(ps, hits, i) {
				continue // "not X, (but) Y": the negated X is replaced, not reversed
			}
			neg := hits[p.neg]
			w := weigh(p.hit, true)
			ev.normal -= p.sign * w
			if outside(p.hit) {
				ev.ctx -= p.sign * w
			}
			switch {
			case neg.to <= h.from && h.from-neg.to <= negatorJoin:
				addNormal(p.neg, -p.sign, text[neg.start:h.end])
			case neg.from >= h.to && neg.from-h.to <= negatorJoin:
				addNormal(p.hit, -p.sign, text[h.start:neg.end]) // "legitim deyil", "वैध नहीं"
			default:
				addNormal(p.neg, -p.sign, text[neg.start:neg.end])
				addNormal(p.hit, -p.sign, text[h.start:h.end])
			}
			continue
		}
		if p.sign < 0 {
			// An against word aimed at a critic named after it, in a clause
			// that does not name the target: "dismissed Washington's claims".
			if c := criticAfter(hits, critics, p.hit); c >= 0 && !inClause(terms, h.clause) {
				ev.aimed += weigh(p.hit, false)
				add(p.hit, 1, text[h.start:h.end])
				add(c, 1, text[hits[c].start:hits[c].end])
				continue
			}
		}
		w := weigh(p.hit, true)
		ev.normal += p.sign * w
		if outside(p.hit) {
			ev.ctx += p.sign * w
		}
		addNormal(p.hit, p.sign, text[h.start:h.end])
	}
}

// negatorOf returns the index of the negator that reaches hit k, or -1.
// That is the nearest negator before it in its clause, within reach; or
// else a negator right after it that has nothing to negate after itself, as
// in languages that negate after the predicate ("legitim deyil", "वैध नहीं है").
func negatorOf(lx *lexicon, hits []hit, breaks []int, k, n int) int {
	reach, tail, back := negationWords, 1, negationBack
	if lx.noSpaces {
		reach, tail, back = negationRunes, 2, negationBackRunes
	}
	h := hits[k]
	for m := k - 1; m >= 0; m-- {
		g := hits[m]
		if g.clause != h.clause {
			break
		}
		if !isNegator(g) {
			continue
		}
		d := h.from - g.to
		if d <= reach || d <= farNegation*reach && clauseEnd(breaks, h.from, n)-h.to <= tail {
			return m
		}
		break
	}
	for m := k + 1; m < len(hits); m++ {
		g := hits[m]
		if g.clause != h.clause || g.from-h.to > back {
			return -1
		}
		if g.cats&catPolar != 0 {
			return -1 // the next cue comes first
		}
		if !isNegator(g) {
			continue
		}
		for _, o := range hits[m+1:] {
			if o.clause != g.clause || o.from-g.to > reach {
				break
			}
			if o.cats&catPolar != 0 {
				return -1 // it negates what follows it
			}
		}
		return m
	}
	return -1
}

// isNegator reports whether h is a negator and nothing else.
func isNegator(h hit) bool { return h.cats&catNegator != 0 && h.cats&catPolar == 0 }

// claimsAttacked reports whether attack ps[i] shares its sentence with an
// against word that is not itself negated or an attack: the attack is then
// aimed at that claim ("talk of an occupation is stupidity").
func claimsAttacked(ps []polar, hits []hit, i int) bool {
	s := hits[ps[i].hit].sent
	for j, o := range ps {
		if j != i && o.sign < 0 && o.neg < 0 && hits[o.hit].sent == s && hits[o.hit].cats&catAttack == 0 {
			return true
		}
	}
	return false
}

// corrected reports whether negated ps[i] is followed, in a later clause of
// its sentence, by a word of the same polarity that is not negated.
func corrected(ps []polar, hits []hit, i int) bool {
	h := hits[ps[i].hit]
	for _, o := range ps[i+1:] {
		g := hits[o.hit]
		if g.sent != h.sent {
			break
		}
		if g.clause > h.clause && o.neg < 0 && o.sign == ps[i].sign {
			return true
		}
	}
	return false
}

// criticAfter returns a critic named after hit k in its clause, or -1.
func criticAfter(hits []hit, critics []int, k int) int {
	for _, c := range critics {
		if c > k && hits[c].clause == hits[k].clause {
			return c
		}
	}
	return -1
}

// nearest returns the element of list nearest to hit k.
func nearest(hits []hit, list []int, k int) int {
	best, bd := list[0], math.MaxInt
	for _, c := range list {
		d := hits[c].from - hits[k].from
		if d < 0 {
			d = -d
		}
		if d < bd {
			best, bd = c, d
		}
	}
	return best
}
