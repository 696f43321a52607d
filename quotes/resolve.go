package quotes

import (
	"sort"
	"strings"
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
				if bs[i].at <= m.Start && verbFits(want, st.speakerGender(bs[i].speaker)) {
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
		// "Teisingumo ministrė Evelina Dobrovolska ... – sakė ministrė": the
		// role noun named a person off the roster before
		holderAt, holder := st.offRosterHolder(m)
		for i := st.mentionsBefore(m.Start) - 1; i >= 0; i-- {
			n := st.ments[i]
			if n.Start < holderAt {
				break
			}
			if n.how != ByName || n.speaker < 0 || n.quoted {
				continue
			}
			if holds(n.speaker) {
				r.speaker, r.known = n.speaker, true
				r.gender = st.speakerGender(n.speaker)
				return r
			}
		}
		if holderAt >= 0 {
			r.name, r.known, r.gender = st.text[holder.Start:holder.End], true, 0
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
			if n.how == ByPronoun || n.quoted {
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
			r.speaker, r.name, r.gender, r.known = n.speaker, n.name, g, true
			return r
		}
		if fallback != nil {
			r.speaker, r.name, r.gender, r.known = fallback.speaker, fallback.name, fallback.gender, true
		}
		return r
	}
	return r
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

// offRosterHolder finds, before the role mention m and within three
// paragraphs, an earlier mention of the same role with a name off the roster
// beside it ("Ministrul Finanțelor, Adrian Câciu"); it returns where that
// role stands, or -1, and the name.
func (st *docState) offRosterHolder(m mention) (int, Span) {
	if st.c.pack.NoSpaces || m.role == "" {
		return -1, Span{}
	}
	pm := st.paraAt(m.Start)
	for i := st.mentionsBefore(m.Start) - 1; i >= 0; i-- {
		n := st.ments[i]
		if st.paraAt(n.Start) < pm-3 {
			break
		}
		if n.how != ByRole || n.speaker >= 0 || n.quoted {
			continue
		}
		// the same role, or a longer title that holds the role noun
		// ("užsienio reikalų ministras" for "ministras")
		// "minister" also names the holder of any ministry
		general := m.role == "minister" && strings.HasSuffix(n.role, "_minister")
		if n.role != m.role && !general && !strings.Contains(strings.ToLower(st.text[n.Start:n.End]), strings.ToLower(st.text[m.Start:m.End])) {
			continue
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
