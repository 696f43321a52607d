package quotes

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// TestClauseEdge checks clauseEdge against the plain test it stands for,
// over every code point.
func TestClauseEdge(t *testing.T) {
	plain := func(r rune) bool {
		return isSpace(r) || isTerminal(r) || r == ',' || r == '،' || r == '，' || r == '、' || r == ';' || r == ':' || r == '：'
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := clauseEdge(r), plain(r); got != want {
			t.Fatalf("clauseEdge(%U) = %v, want %v", r, got, want)
		}
	}
	for _, r := range ".,;: \u00a0\u200b。،" {
		if !clauseEdge(r) {
			t.Errorf("clauseEdge(%q) = false", r)
		}
	}
	for _, r := range "aЖ1ك" {
		if clauseEdge(r) {
			t.Errorf("clauseEdge(%q) = true", r)
		}
	}
}

// wordsAfterPlain is wordsAfter as a walk over the rest of the text.
func wordsAfterPlain(text string, off, n int) int {
	in := false
	for i, r := range text[off:] {
		w := isWordRune(r) || r == '-'
		if w && !in {
			if n == 0 {
				return off + i
			}
			n--
		}
		in = w
	}
	return len(text)
}

// TestBoundedWordSteps checks wordsBackTo and wordsAfterTo against
// wordsBefore and a walk over the rest of the text, clamped to their
// bound, at every pair of rune boundaries of a mixed-script text.
func TestBoundedWordSteps(t *testing.T) {
	text := "Putin said: “Мы уйдём”. टोकायव ने कहा कि सब ठीक है। 他说：“部队将撤出。” well-known قالت زاخاروفا: نعم"
	st := &docState{text: text}
	for a := 0; a <= len(text); a++ {
		for b := 0; b <= len(text); b++ {
			if !validBoundary(text, a) || !validBoundary(text, b) {
				continue
			}
			for _, n := range []int{1, 2, 4, 6, 10} {
				if got, want := st.wordsBackTo(a, b, n), max(a, st.wordsBefore(b, n)); got != want {
					t.Fatalf("wordsBackTo(%d, %d, %d) = %d, want %d", a, b, n, got, want)
				}
				if got, want := st.wordsAfterTo(a, n, b), min(b, wordsAfterPlain(text, a, n)); got != want {
					t.Fatalf("wordsAfterTo(%d, %d, %d) = %d, want %d", a, n, b, got, want)
				}
			}
		}
	}
	for a := 0; a <= len(text); a++ {
		if validBoundary(text, a) && st.wordsAfter(a, 3) != wordsAfterPlain(text, a, 3) {
			t.Fatalf("wordsAfter(%d, 3) = %d, want %d", a, st.wordsAfter(a, 3), wordsAfterPlain(text, a, 3))
		}
	}
	if got := st.wordsBackTo(0, len("Putin said"), 1); got != len("Putin ") {
		t.Errorf("wordsBackTo: the word before %q starts at %d", "said", got)
	}
	if got := st.wordsAfterTo(0, 1, len(text)); got != len("Putin ") {
		t.Errorf("wordsAfterTo: the word after %q starts at %d", "Putin", got)
	}
}

// dashSegmentsPlain is dashSegments as a plain walk over every rune.
func dashSegmentsPlain(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
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

// TestDashSegments checks dashSegments against the rune-by-rune walk on
// every span of texts with spaced and unspaced dashes and hyphens.
func TestDashSegments(t *testing.T) {
	for _, text := range []string{
		"– Vi er bekymret, sier Støre. – Situasjonen er alvorlig.",
		"„Nincs mit rejtegetnünk – mondta Lavrov –, a csapatok távoznak”",
		"well-known - spaced hyphen -tight- ―bar― x—y — z –",
		"Kassym-Jomart Tokayev: — Мы уйдём, — сказал он. —",
	} {
		for a := 0; a <= len(text); a++ {
			for b := a; b <= len(text); b++ {
				if !validBoundary(text, a) || !validBoundary(text, b) {
					continue
				}
				got, want := dashSegments(text, Span{a, b}), dashSegmentsPlain(text, Span{a, b})
				if !slices.Equal(got, want) {
					t.Fatalf("dashSegments(%q) = %v, want %v", text[a:b], got, want)
				}
			}
		}
	}
	text := "Tekst – powiedział X. – Dalej"
	if got := dashSegments(text, Span{0, len(text)}); len(got) != 3 || text[got[1].Start:got[1].End] != " powiedział X. " {
		t.Errorf("dashSegments(%q) = %v", text, got)
	}
}

// TestNoWord checks noWord against a count of the words on every span of
// a mixed-script text, Khmer punctuation included.
func TestNoWord(t *testing.T) {
	text := "“ ” — «Да», – 他说：“好。” ។ ៕ ! x, ٣ ; क्या"
	for a := 0; a <= len(text); a++ {
		for b := 0; b <= len(text); b++ {
			if !validBoundary(text, a) || !validBoundary(text, b) {
				continue
			}
			if got, want := noWord(text, Span{a, b}), countWords(text, Span{a, b}) == 0; got != want {
				t.Fatalf("noWord(%d, %d) = %v, want %v", a, b, got, want)
			}
		}
	}
	if noWord("a", Span{0, 1}) || !noWord(" – ", Span{0, len(" – ")}) {
		t.Error("noWord misreads a letter or a dash")
	}
}

// TestReportingCue checks that reported reads the cues of a statement as
// such, and no other kind of hit: a complementizer, a role noun, a pronoun
// or a title is read only beside a cue.
func TestReportingCue(t *testing.T) {
	cues := map[hitKind]bool{hitVerb: true, hitContinuation: true, hitNested: true, hitSource: true, hitAnaphora: true, hitFinal: true}
	for k := hitVerb; k <= hitSubjunctive; k++ {
		if got := reportingCue(k); got != cues[k] {
			t.Errorf("reportingCue(%d) = %v, want %v", k, got, cues[k])
		}
	}
}
