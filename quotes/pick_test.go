package quotes

import (
	"strings"
	"testing"
)

// bestOfPlain is bestOf as a walk over the candidates in order that
// resolves each and keeps the first with the lowest score.
func (st *docState) bestOfPlain(cands []mention, cue hit, allowObject bool) (resolved, bool) {
	best, bestScore, found := resolved{}, 0.0, false
	for _, m := range cands {
		if m.object && !allowObject || st.orgModifier(m, cands) || m.how == ByPronoun && m.gender == 'n' && m.Start >= cue.End {
			continue
		}
		r := st.resolveFor(m, cue.val)
		if !r.known && m.how == ByPronoun {
			continue
		}
		if !verbFits(cue.val, r.gender) || (m.how == ByPronoun && !verbFits(cue.val, m.gender)) {
			continue
		}
		if dist := st.speakerDist(m, cue); !found || dist < bestScore {
			best, bestScore, found = r, dist, true
		}
	}
	return best, found
}

// TestBestOfTakesTheLowestScore checks bestOf, which resolves the
// candidates in the order of their scores, against the walk that resolves
// them all, for every cue of every sentence of the extraction cases and the
// mentions of its sentence, and that a pronoun right before the verb and a
// subject-marked mention score lower than a name farther away.
func TestBestOfTakesTheLowestScore(t *testing.T) {
	packs, texts := caseTexts(t)
	x, err := New(Config{Packs: packs})
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for code, ts := range texts {
		for _, text := range ts {
			d, err := NewDocument("t.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			d.Lang = code
			st := x.newState(d)
			st.run()
			for _, s := range st.sents {
				cands := st.mentionsIn(s)
				for _, h := range st.hitsIn(s) {
					if !isCueKind(h.kind) {
						continue
					}
					for _, allow := range []bool{false, true} {
						got, gotOK := st.bestOf(cands, s, h, allow)
						want, wantOK := st.bestOfPlain(cands, h, allow)
						if got != want || gotOK != wantOK {
							t.Fatalf("%s: bestOf(%q, cue %q) = %+v, %v; want %+v, %v", code, text[s.Start:s.End], text[h.Start:h.End], got, gotOK, want, wantOK)
						}
						if len(cands) > 1 && wantOK {
							compared++
						}
					}
				}
			}
		}
	}
	if compared < 100 {
		t.Errorf("only %d picks among several mentions compared", compared)
	}

	text := "Tokayev met Putin and she said no."
	st := wordState(text)
	at := func(w string) Span {
		i := len(text) - len(" said no.") - len(w)
		if w == "Tokayev" {
			i = 0
		}
		return Span{i, i + len(w)}
	}
	cue := hit{Span: Span{len("Tokayev met Putin and she "), len("Tokayev met Putin and she said")}, kind: hitVerb}
	name := mention{Span: at("Tokayev"), how: ByName, speaker: -1}
	she := mention{Span: at("she"), how: ByPronoun, speaker: -1, gender: 'f'}
	if d := st.speakerDist(she, cue); d != 4-10 {
		t.Errorf("speakerDist(she) = %v, want -6", d)
	}
	if d := st.speakerDist(name, cue); d != 4 {
		t.Errorf("speakerDist(Tokayev) = %v, want 4", d)
	}
	name.subject = true
	if d := st.speakerDist(name, cue); d != 4-20 {
		t.Errorf("speakerDist(subject Tokayev) = %v, want -16", d)
	}
}

// TestNameRightAfter checks that only a name after the role noun with
// nothing but white space between is taken, the first of them.
func TestNameRightAfter(t *testing.T) {
	text := "Kelly, the minister  Ann Linde and Ola Berg"
	st := &docState{text: text}
	span := func(w string) Span {
		i := strings.Index(text, w)
		return Span{i, i + len(w)}
	}
	role := span("minister")
	kelly := mention{Span: span("Kelly"), name: "Kelly"}
	ann := mention{Span: span("Ann Linde"), name: "Ann Linde"}
	ola := mention{Span: span("Ola Berg"), name: "Ola Berg"}
	if e, ok := st.nameRightAfter(role, []mention{kelly, ann, ola}); !ok || e.name != "Ann Linde" {
		t.Errorf("nameRightAfter = %q, %v; want Ann Linde", e.name, ok)
	}
	if e, ok := st.nameRightAfter(role, []mention{kelly, ola}); ok {
		t.Errorf("nameRightAfter = %q: a name with words between taken", e.name)
	}
}
