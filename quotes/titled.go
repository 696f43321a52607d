package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// Limits on a name off the roster found beside a title.
const (
	titledWords = 4  // words of a name in a script with spaces
	titledMinHa = 2  // characters of a name, at least, unless named in full before
	titledMaxHa = 4  // and at most
	titledMaxFo = 16 // characters of a foreign name written with a middle dot
)

// namesBesideTitles returns the names off the roster that stand beside the pack's
// titles_before and titles_after in a script without capitals, where no run
// of capitals can show them ("研究员张宁在…", "المحلل السياسي دوسيم
// ساتباييف", "宇山智彦教授は", "김영진 교수는"), and the titles they were found
// by. taken reports spans that a mention already holds; a run that reaches
// a roster name is that name's modifier, not a name.
func (st *docState) namesBesideTitles(taken func(Span) bool) (names []mention, titles []Span) {
	last := [2]Span{{-1, -1}, {-1, -1}} // the latest title of each kind
	for i, h := range st.hits {
		if h.kind != hitTitleBefore && h.kind != hitTitleAfter {
			continue
		}
		k := 0
		if h.kind == hitTitleAfter {
			k = 1
		}
		if h.Start >= last[k].Start && h.End <= last[k].End {
			continue // inside a longer title
		}
		if longerTitleAt(st.hits[i+1:], h) {
			continue
		}
		last[k] = h.Span
		var s Span
		var ok bool
		if h.kind == hitTitleBefore {
			// after the longest title or role phrase that starts here:
			// "رئيس الوزراء" is a role, not a title and a name
			end := h.End
			lo := st.hitFrom(h.Start)
			for _, n := range st.hits[lo:] {
				if n.Start != h.Start {
					break
				}
				if n.kind == hitRole || n.kind == hitTitle {
					end = max(end, n.End)
				}
			}
			s, ok = st.uncasedAfterTitle(end)
		} else {
			s, ok = st.nameBeforeTitle(h.Start)
		}
		if !ok || taken(s) || overlapsAny(names, s) {
			continue
		}
		name := st.text[s.Start:s.End]
		if utf8.RuneCountInString(name) < titledMinHa {
			// a surname alone is the person named in full before
			// ("김 교수는", "汪氏は"), else no name
			if name = fullNameOf(names, name); name == "" {
				continue
			}
		}
		names = append(names, mention{Span: s, how: ByName, speaker: -1, name: name})
		titles = append(titles, h.Span)
	}
	if len(names) > 0 {
		names = st.surnamesAgain(names, taken)
	}
	return names, titles
}

// surnamesAgain adds, after each name of several words, the later
// mentions of its last word alone, the surname reporters repeat ("وقال
// ساتباييف", "दास ने कहा"), and in a script without spaces the later
// mentions of the whole name ("汪文斌回应称"), as the same person; names
// stays in text order.
func (st *docState) surnamesAgain(names []mention, taken func(Span) bool) []mention {
	var more []mention
	seen := map[string]bool{} // each surname is looked for once, from its first full name
	for _, m := range names {
		last := st.wordBefore(m.End)
		if st.c.pack.NoSpaces {
			// no word shows the surname: the name as written, again
			last = m.Span
			if m.name != st.text[m.Start:m.End] {
				continue
			}
		} else if last.Start <= m.Start || utf8.RuneCountInString(st.text[last.Start:last.End]) < 3 {
			continue
		}
		word := st.text[last.Start:last.End]
		if seen[word] {
			continue
		}
		seen[word] = true
		for from := m.End; from < len(st.text); {
			i := strings.Index(st.text[from:], word)
			if i < 0 {
				break
			}
			s := Span{from + i, from + i + len(word)}
			from = s.End
			if !st.c.pack.NoSpaces {
				if r, _ := runes.DecodeLast(st.text, s.Start); s.Start > 0 && isWordRune(r) {
					continue
				}
				if r, _ := runes.Decode(st.text, s.End); s.End < len(st.text) && isWordRune(r) {
					continue
				}
			}
			if taken(s) || overlapsAny(names, s) || overlapsAny(more, s) {
				continue
			}
			more = append(more, mention{Span: s, how: ByName, speaker: -1, name: m.name})
		}
	}
	if len(more) == 0 {
		return names
	}
	names = append(names, more...)
	slices.SortFunc(names, func(a, b mention) int { return a.Start - b.Start })
	return names
}

// fullNameOf returns the latest of names that begins with the short name
// and is longer, or "".
func fullNameOf(names []mention, short string) string {
	for i := len(names) - 1; i >= 0; i-- {
		if n := names[i].name; len(n) > len(short) && strings.HasPrefix(n, short) {
			return n
		}
	}
	return ""
}

// longerTitleAt reports whether a title among next (the hits after h, by
// start) starts with h and is longer.
func longerTitleAt(next []hit, h hit) bool {
	for _, n := range next {
		if n.Start != h.Start {
			return false
		}
		if (n.kind == hitTitleBefore || n.kind == hitTitleAfter) && n.End > h.End {
			return true
		}
	}
	return false
}

// uncased reports whether r is a letter of a script without capitals.
func uncased(r rune) bool {
	return isLetter(r) && !runes.IsUpper(r) && !runes.IsLower(r) && !unicode.IsTitle(r)
}

// nameGap reports whether r may stand between the words of a name: a space,
// or the zero-width non-joiner inside Persian words.
func nameGap(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u200c' }

// middleDot reports the marks that join the parts of a foreign name in
// Chinese and Japanese ("沙赫拉特·努雷舍夫").
func middleDot(r rune) bool { return r == '·' || r == '・' || r == '•' }

// hitStartsAt reports whether a lexicon hit starts at off, or the word there
// is one of the pack's positional words.
func (st *docState) hitStartsAt(off int) bool {
	i := st.hitFrom(off)
	if i < len(st.hits) && st.hits[i].Start == off {
		return true
	}
	if !st.c.words.empty() && !st.c.pack.NoSpaces {
		if w := st.wordFrom(off); !w.Empty() && st.c.words.of(st.folded[w.Start:w.End]) != 0 {
			return true
		}
	}
	return false
}

// hitEndsAt reports whether a lexicon hit ends at off.
func (st *docState) hitEndsAt(off int) bool {
	lo := st.hitFrom(max(0, off-64))
	for i := lo; i < len(st.hits) && st.hits[i].Start < off; i++ {
		if st.hits[i].End == off {
			return true
		}
	}
	return false
}

// uncasedAfterTitle reads the name that follows a title ending at off.
func (st *docState) uncasedAfterTitle(off int) (Span, bool) {
	if st.c.pack.NoSpaces {
		return st.hanNameAfter(off)
	}
	// a title after a comma stands in apposition to the name before it:
	// "رضوى السويفي، رئيسة قسم البحوث"
	if r, _ := runes.DecodeLast(st.text, st.titleStart(off)); r == ',' || r == '،' || r == '、' {
		return Span{}, false
	}
	i, end, n := off, off, 0
	for n <= titledWords {
		j := i
		for j < len(st.text) {
			r, k := runes.Decode(st.text, j)
			if !nameGap(r) {
				break
			}
			j += k
		}
		if n > 0 && j == i {
			break // no space: punctuation or the end
		}
		if j < len(st.text) && st.inMention(j) {
			return Span{}, false // "الرئيس الكازاخستاني قاسم جومارت توكاييف"
		}
		w := st.wordAt(j)
		if w.Empty() || !uncased(nextRune(st.text, w.Start)) || st.hitStartsAt(w.Start) {
			break
		}
		end, i, n = w.End, w.End, n+1
	}
	if n == 0 || n > titledWords {
		// a run that goes on describes where the title is held: "مديرة
		// مكتب البنك الأوروبي لإعادة الإعمار والتنمية في عمّان …"
		return Span{}, false
	}
	return trimSpan(st.text, Span{off, end}), true
}

// nameBeforeTitle reads the name that precedes a title starting at off.
func (st *docState) nameBeforeTitle(off int) (Span, bool) {
	if st.c.pack.NoSpaces {
		return st.hanNameBefore(off)
	}
	i, start, end, n := off, off, off, 0
	comma := false
	for n < titledWords {
		j := i
		for j > 0 {
			r, k := runes.DecodeLast(st.text, j)
			if nameGap(r) {
				j -= k
				continue
			}
			if n == 0 && !comma && (r == ',' || r == '،' || r == '、') {
				comma = true // "رضوى السويفي، رئيسة قسم البحوث"
				j -= k
				continue
			}
			break
		}
		if n > 0 && j == i {
			break
		}
		w := st.wordBefore(j)
		if w.Empty() || w.End != j || !uncased(nextRune(st.text, w.Start)) || st.hitStartsAt(w.Start) || st.hitEndsAt(w.End) {
			break
		}
		if st.inMention(w.Start) {
			return Span{}, false // "자하로바 대변인": the roster's
		}
		if n > 0 && st.endsInObjectMarker(w) {
			break // "국제대학원의 신범식 교수": whose, not who
		}
		if n == 0 {
			end = w.End
		}
		start, i, n = w.Start, w.Start, n+1
	}
	if n == 0 {
		return Span{}, false
	}
	if _, ok := st.hitBefore(start, hitTitle, hitTitleBefore, hitTitleAfter, hitRole); ok {
		return Span{}, false // "부총리 겸 기획재정부 장관": a second title, not a name
	}
	if st.c.pack.Names.OneWord {
		end = st.wordAt(start).End
	}
	return Span{start, end}, true
}

// hanNameAfter reads, in a script without spaces, the Han characters after
// a title up to a word the pack knows: two to four, or a foreign name
// joined by a middle dot. A run that goes on is no name.
func (st *docState) hanNameAfter(off int) (Span, bool) {
	i, han, dot := off, 0, false
	for i < len(st.text) {
		if st.inMention(i) {
			return Span{}, false
		}
		if st.hitStartsAt(i) {
			break
		}
		r, k := runes.Decode(st.text, i)
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case middleDot(r) && han > 0:
			dot = true
		default:
			return hanSpan(off, i, han, dot)
		}
		i += k
		if han > titledMaxFo || !dot && han > titledMaxHa+1 {
			return Span{}, false
		}
	}
	return hanSpan(off, i, han, dot)
}

// hanNameBefore reads the name before a title: a run of Han characters, or
// of katakana with a middle dot ("バキトジャン・サギンタエフ"), back to a
// character of another kind or a word the pack knows.
func (st *docState) hanNameBefore(off int) (Span, bool) {
	r0, _ := runes.DecodeLast(st.text, off)
	kata := unicode.Is(unicode.Katakana, r0)
	i, n, dot := off, 0, false
	for i > 0 {
		if st.hitEndsAt(i) {
			break
		}
		r, k := runes.DecodeLast(st.text, i)
		if kata && (unicode.Is(unicode.Katakana, r) || r == 'ー' || middleDot(r)) || !kata && unicode.Is(unicode.Han, r) {
			if middleDot(r) {
				dot = true
			} else {
				n++
			}
			i -= k
			if n > titledMaxFo {
				return Span{}, false
			}
			continue
		}
		break
	}
	if i < off && st.inMention(i) {
		return Span{}, false
	}
	if kata {
		if !dot || n < 2*titledMinHa {
			return Span{}, false
		}
		return Span{i, off}, true
	}
	if r, k := runes.DecodeLast(st.text, i); middleDot(r) && n > 0 {
		// "廣瀬陽子・慶応大教授": the name, then where the title is held
		if s, ok := st.hanNameBefore(i - k); ok {
			return s, true
		}
	}
	return hanSpan(i, off, n, dot)
}

// hanSpan returns the span a..b when it holds a name's count of characters.
func hanSpan(a, b, han int, dot bool) (Span, bool) {
	if han < 1 || !dot && han > titledMaxHa {
		return Span{}, false
	}
	return Span{a, b}, true
}

// endsInObjectMarker reports whether the word w ends in one of the pack's
// name endings that is an object marker (ko "의", "을"): in a language that
// attaches its particles, such a word is not part of a subject's name.
func (st *docState) endsInObjectMarker(w Span) bool {
	word := st.text[w.Start:w.End]
	for _, e := range st.c.pack.Names.Endings {
		if e == "" || len(e) >= len(word) || !strings.HasSuffix(word, e) {
			continue
		}
		if slices.Contains(st.c.pack.Names.ObjectMarkers, e) {
			return true
		}
	}
	return false
}

// titleStart returns where the title hit that ends at off starts, less the
// white space before it.
func (st *docState) titleStart(off int) int {
	lo := st.hitFrom(max(0, off-96))
	start := off
	for i := lo; i < len(st.hits) && st.hits[i].Start < off; i++ {
		h := st.hits[i]
		if h.End == off && (h.kind == hitTitleBefore || h.kind == hitRole || h.kind == hitTitle) {
			start = min(start, h.Start)
		}
	}
	return trimSpan(st.text, Span{0, start}).End
}
