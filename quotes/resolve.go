package quotes

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// resolved is a speaker found for a quotation, with the evidence.
type resolved struct {
	speaker int    // roster index, or -1
	name    string // the name as written, for speakers off the roster
	mention Span   // the words that identified the speaker
	how     Attribution
	gender  byte
	known   bool // whether a speaker was found (a role or pronoun may not resolve)
}

// display is the speaker's name for the report.
func (r resolved) display(ro *roster) string {
	if r.speaker >= 0 {
		return ro.speakers[r.speaker].Name
	}
	return r.name
}

func (st *docState) speakerGender(i int) byte {
	sp := &st.x.roster.speakers[i]
	if sp.Gender != "" {
		return sp.Gender[0]
	}
	if sp.isOrg() {
		return 'n'
	}
	return 0
}

// resolve finds who a mention stands for: a name is itself, a role noun is
// the holder the article named with it or the latest mentioned speaker
// holding it, a pronoun is the latest compatible speaker before it.
func (st *docState) resolve(m mention) resolved { return st.resolveFor(m, 0) }

// resolveFor is resolve for the subject of a verb of gender want ('f', 'm'
// or 0): a role noun goes to the latest holder of that gender.
func (st *docState) resolveFor(m mention, want int) resolved {
	r := resolved{speaker: m.speaker, name: m.name, mention: m.Span, how: m.how, gender: m.gender}
	switch m.how {
	case ByName:
		r.known = m.speaker >= 0 || m.name != ""
		return r
	case ByRole:
		if m.speaker >= 0 {
			r.known, r.gender = true, st.speakerGender(m.speaker)
			return r
		}
		if bs := st.roleOf[m.role]; len(bs) > 0 {
			for i := len(bs) - 1; i >= 0; i-- {
				if bs[i].at <= m.Start && bs[i].speaker < 0 && !st.quotedAt(bs[i].at) {
					// a name off the roster that the article gave the role
					r.name, r.known, r.gender = bs[i].name, true, 0
					return r
				}
				if bs[i].at <= m.Start && verbFits(want, st.speakerGender(bs[i].speaker)) && !st.quotedAt(bs[i].at) {
					r.speaker, r.known = bs[i].speaker, true
					r.gender = st.speakerGender(r.speaker)
					return r
				}
			}
		}
		holds := func(i int) bool {
			sp := &st.x.roster.speakers[i]
			return sp.hasRole(m.role) && (m.org == 0 || sp.Org == st.x.roster.speakers[m.org-1].Name) &&
				verbFits(want, st.speakerGender(i))
		}
		// the latest roster speaker named before m who holds the role,
		// unless the role noun named a person off the roster after that
		// ("Teisingumo ministrė Evelina Dobrovolska ... – sakė ministrė")
		latest := -1
		for i := st.mentionsBefore(m.Start) - 1; i >= 0; i-- {
			n := st.ments[i]
			if n.how == ByName && n.speaker >= 0 && !n.quoted && holds(n.speaker) {
				latest = i
				break
			}
		}
		after := -1
		if latest >= 0 {
			after = st.ments[latest].Start
		}
		if holderAt, holder := st.offRosterHolder(m, after); holderAt >= 0 {
			r.name, r.known, r.gender = st.text[holder.Start:holder.End], true, 0
			return r
		}
		if latest >= 0 {
			n := st.ments[latest]
			r.speaker, r.known = n.speaker, true
			r.gender = st.speakerGender(n.speaker)
			return r
		}
		// a role held by exactly one speaker the article names later
		found := -1
		for _, n := range st.ments {
			if n.how == ByName && n.speaker >= 0 && holds(n.speaker) {
				if found >= 0 && found != n.speaker {
					return r
				}
				found = n.speaker
			}
		}
		if found < 0 && m.org > 0 {
			// "the Kremlin spokesman": the one holder the roster knows
			for i := range st.x.roster.speakers {
				if holds(i) {
					if found >= 0 {
						return r
					}
					found = i
				}
			}
		}
		if found >= 0 {
			r.speaker, r.known = found, true
			r.gender = st.speakerGender(found)
		}
		return r
	case ByPronoun:
		var fallback *mention
		for i := st.mentionsBefore(m.Start) - 1; i >= 0; i-- {
			n := st.ments[i]
			if n.how == ByPronoun || n.quoted || st.inClause(n.Span, m.Span) {
				continue
			}
			if n.how == ByRole && n.speaker < 0 {
				continue
			}
			if n.how == ByName && n.speaker < 0 && n.name == "" {
				continue
			}
			g := n.gender
			if n.speaker >= 0 {
				g = st.speakerGender(n.speaker)
			}
			if !genderFits(m.gender, g) {
				continue
			}
			if n.object {
				if fallback == nil {
					nn := n
					fallback = &nn
				}
				continue
			}
			if (m.gender == 'f' || m.gender == 'm' || m.gender == 0) && !st.c.pack.NoSpaces {
				if name, ok := st.subjectOffRoster(n.End, m.Start); ok {
					r.speaker, r.name, r.gender, r.known = -1, name, 0, true
					return r
				}
			}
			r.speaker, r.name, r.gender, r.known = n.speaker, n.name, g, true
			return r
		}
		if (m.gender == 'f' || m.gender == 'm' || m.gender == 0) && !st.c.pack.NoSpaces {
			if name, ok := st.subjectOffRoster(0, m.Start); ok {
				r.speaker, r.name, r.gender, r.known = -1, name, 0, true
				return r
			}
		}
		if fallback != nil {
			r.speaker, r.name, r.gender, r.known = fallback.speaker, fallback.name, fallback.gender, true
		}
		return r
	}
	return r
}

// latestOffRoster returns the latest name off the roster before off, in
// its paragraph or the two before it, that is neither quoted nor an object.
func (st *docState) latestOffRoster(off int) (mention, bool) {
	lo := st.paras[max(st.paraAt(off)-2, 0)].Start
	for i := st.mentionsBefore(off) - 1; i >= 0 && st.ments[i].Start >= lo; i-- {
		n := st.ments[i]
		if n.how == ByName && n.speaker < 0 && n.name != "" && !n.quoted && !n.object {
			return n, true
		}
	}
	return mention{}, false
}

// mentionsBefore returns how many mentions start before off.
func (st *docState) mentionsBefore(off int) int {
	return sort.Search(len(st.ments), func(i int) bool { return st.ments[i].Start >= off })
}

// prodrop resolves the subject a gendered verb leaves out, as a pronoun of
// its gender standing at the verb.
func (st *docState) prodrop(v hit) (resolved, bool) {
	r := st.resolve(mention{Span: v.Span, how: ByPronoun, speaker: -1, gender: byte(v.val)})
	r.mention = v.Span
	return r, r.known
}

// genderFits reports whether a pronoun of gender want may refer to a
// speaker of gender have ('f', 'm', 'n' for organizations, 0 unknown).
func genderFits(want, have byte) bool {
	switch want {
	case 'f', 'm':
		return have == want || have == 0
	case 'n':
		return have == 'n'
	case 'p':
		return have == 'n' || have == 'p'
	}
	return have != 'n'
}

// verbFits reports whether a verb marked for gender g (0 unmarked) may
// have a speaker of gender have as its subject. Organizations take either.
func verbFits(g int, have byte) bool {
	if g == 0 || have == 0 || have == 'n' || have == 'p' {
		return true
	}
	return byte(g) == have
}

// subjectOffRoster finds, in the sentences between after and the sentence
// of before (at most three, nearest first), a person off the roster who
// opens a sentence as its subject: a run of capitalized words among its
// first words ("Klimaminister Lars Aagaard afviser kritikken."), or the
// surname of a speaker off the roster already found ("Smit wees de kritiek
// af."). A pronoun after it refers to that person rather than to an
// earlier speaker.
func (st *docState) subjectOffRoster(after, before int) (string, bool) {
	si := st.sentenceAt(before)
	for sj := si - 1; sj >= 0 && sj >= si-3; sj-- {
		s := st.sents[sj]
		if s.End <= after || s.Start < after {
			break
		}
		for _, run := range st.capitalNames(s, false) {
			if st.words(Span{s.Start, run.Start}) > 2 || overlapsMention(st.ments, run) || !st.personLike(s, run) {
				break
			}
			return st.text[run.Start:run.End], true
		}
		w := st.firstWord(s)
		if w.Empty() || !startsUpper(st.text[w.Start:w.End]) {
			continue
		}
		word := st.text[w.Start:w.End]
		for i := st.mentionsBefore(s.Start) - 1; i >= 0; i-- {
			n := st.ments[i]
			if n.how != ByName || n.speaker >= 0 || n.name == "" {
				continue
			}
			if n.name == word || strings.HasSuffix(n.name, " "+word) {
				return n.name, true
			}
		}
	}
	return "", false
}

// firstWord returns the first word of s.
func (st *docState) firstWord(s Span) Span {
	i := s.Start
	for i < s.End {
		r, n := rune(st.text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = runes.Decode(st.text, i)
		}
		if isWordRune(r) {
			break
		}
		i += n
	}
	return Span{i, st.wordEnd(i, s.End)}
}

// quotedAt reports whether the mention that starts at off stands inside a
// quotation: a role named there ("I thank President Putin") binds nobody
// in the narration.
func (st *docState) quotedAt(off int) bool {
	i := st.mentionsBefore(off)
	return i < len(st.ments) && st.ments[i].Start == off && st.ments[i].quoted
}

// personLike reports whether a run of capitalized words near the start of
// sentence s reads as a person: at most one word (a profession: "Anklager
// Mette Holm") or a title or role noun stands before it ("Lektor Jakob
// Tolstrup"), or a reporting verb follows it in the sentence ("Jan de Vries
// ... noemt"); where prose reads the language, it must also find a person
// there ("Human Rights Watch said" is none).
func (st *docState) personLike(s, run Span) bool {
	placed := st.words(Span{s.Start, run.Start}) <= 1 // the name or one word, mostly a profession, opens the sentence
	if !placed {
		if w := st.wordBefore(run.Start); !w.Empty() && w.Start >= s.Start && st.isTitle(w) {
			placed = true
		}
	}
	if !placed {
		_, placed = st.firstCue(Span{run.End, s.End}, hitVerb, hitContinuation)
	}
	if !placed || st.x.ner == nil || st.d.Lang != "en" {
		return placed
	}
	for _, p := range st.nerIn(run) { // prose is asked last: it costs most
		if p.Start < run.End && p.End > run.Start {
			return true
		}
	}
	return false
}

// inClause reports whether s lies in a reported clause of the first
// reading that does not hold m: a name someone said, not a speaker.
func (st *docState) inClause(s, m Span) bool {
	for _, c := range st.clauses {
		if s.Start >= c.Start && s.End <= c.End && (m.Start < c.Start || m.Start >= c.End) {
			return true
		}
	}
	return false
}

// offRosterHolder finds, before the role mention m, after the offset after
// and within three paragraphs, the latest earlier mention of the same role
// with a name off the roster beside it ("Ministrul Finanțelor, Adrian
// Câciu"); it returns where that role stands, or -1, and the name.
func (st *docState) offRosterHolder(m mention, after int) (int, Span) {
	if st.c.pack.NoSpaces || m.role == "" {
		return -1, Span{}
	}
	pm := st.paraAt(m.Start)
	covers := st.x.cfg.RoleCovers[m.role]
	noun := "" // the role noun of m, lowercased, once it is asked for
	for i := st.mentionsBefore(m.Start) - 1; i >= 0 && st.ments[i].Start > after; i-- {
		n := st.ments[i]
		if st.paraAt(n.Start) < pm-3 {
			break
		}
		if n.how != ByRole || n.speaker >= 0 || n.quoted {
			continue
		}
		// the same role, a narrower role it covers (Config.RoleCovers), or
		// a longer title that holds the role noun ("užsienio reikalų
		// ministras" for "ministras")
		if n.role != m.role && !slices.Contains(covers, n.role) {
			if noun == "" {
				noun = strings.ToLower(st.text[m.Start:m.End])
			}
			if !strings.Contains(strings.ToLower(st.text[n.Start:n.End]), noun) {
				continue
			}
		}
		si := st.sentenceAt(n.Start)
		if si < 0 || si >= len(st.sents) {
			continue
		}
		if name, ok := st.nameBesideRole(n.Span, st.sents[si]); ok {
			return n.Start, name
		}
	}
	return -1, Span{}
}
