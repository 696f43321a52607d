package stance

import (
	"reflect"
	"testing"
)

func TestMatch(t *testing.T) {
	srcs := []source{
		{where: "t", list: []string{"CSTO", "peacekeep*", "restore order", "не понима*", "US"}, cat: catTerm},
		{where: "n", list: []string{"not", "no longer", "не"}, cat: catNegator},
		{where: "f", list: []string{"ёлка", "مساعدة", "मदद", "restore order"}, cat: catFavor},
	}
	lx, err := compileLexicon("xx", false, srcs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // matched texts, as written
	}{
		{"The CSTO peacekeepers will restore order.", []string{"CSTO", "peacekeepers", "restore order"}},
		{"Peacekeeping, not war.", []string{"Peacekeeping", "not"}},
		{"They will restore, order", nil},             // a phrase does not cross a comma
		{"no longer here", []string{"no longer"}},     // longest entry wins
		{"Они не понимают.", []string{"не понимают"}}, // stem in a phrase
		{"ЕЛКА и елка", []string{"ЕЛКА", "елка"}},     // ё folds to е, case folds
		{"طلب المُساعدة", nil},                        // the article is part of the word
		{"تقديم مُساعدة", []string{"مُساعدة"}},        // harakat are ignored
		{"उन्होंने मदद की", []string{"मदद"}},          // Devanagari
		{"help us, the US said", []string{"US"}},      // acronyms match only in capitals
		{"peacekeep", []string{"peacekeep"}},          // a stem matches itself
		{"CSTOs", nil},                                // whole words only
		{"the U.S. has CSTO", []string{"CSTO"}},       // abbreviations do not end sentences
	}
	sc := &scratch{}
	for _, tc := range tests {
		hits, _ := lx.match(tc.text, sc)
		var got []string
		for _, h := range hits {
			got = append(got, tc.text[h.start:h.end])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: matched %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestClauses(t *testing.T) {
	lx, err := compileLexicon("xx", false, []source{
		{where: "w", list: []string{"a", "b", "c", "d"}, cat: catFavor},
		{where: "c", list: []string{"but"}, cat: catContrast},
	})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scratch{}
	hits, _ := lx.match("a, b but c. The U.S. d 2,000 d", sc)
	var clause, sent []int
	for _, h := range hits {
		clause = append(clause, h.clause)
		sent = append(sent, h.sent)
	}
	// a | b | but c | d d   (the comma in 2,000 and the periods of U.S. do not break)
	if want := []int{0, 1, 2, 2, 3, 3}; !reflect.DeepEqual(clause, want) {
		t.Errorf("clauses %v, want %v", clause, want)
	}
	if want := []int{0, 0, 0, 0, 1, 1}; !reflect.DeepEqual(sent, want) {
		t.Errorf("sentences %v, want %v", sent, want)
	}
}

func TestMatchAnywhere(t *testing.T) {
	lx, err := compileLexicon("zh", true, []source{
		{where: "t", list: []string{"集安组织", "CSTO"}, cat: catTerm},
		{where: "n", list: []string{"不"}, cat: catNegator},
		{where: "f", list: []string{"合法", "合法性*"}, cat: catFavor},
	})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scratch{}
	text := "csto和集安组织不合法。合法性"
	hits, n := lx.match(text, sc)
	var got []string
	for _, h := range hits {
		got = append(got, text[h.start:h.end])
	}
	if want := []string{"csto", "集安组织", "不", "合法", "合法性"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("matched %q, want %q", got, want)
	}
	if n != 16 {
		t.Errorf("length %d runes, want 16", n)
	}
	if h := hits[3]; h.from != 10 || h.to != 12 || h.sent != 0 {
		t.Errorf("合法 at %d..%d sentence %d, want 10..12 sentence 0", h.from, h.to, h.sent)
	}
	if hits[4].sent != 1 {
		t.Errorf("second sentence not counted: %+v", hits[4])
	}
}

func TestSpecificity(t *testing.T) {
	lx, err := compileLexicon("az", false, []source{
		{where: "f", list: []string{"dəstəklə*", "help"}, cat: catFavor},
		{where: "a", list: []string{"dəstəkləmir*", "help"}, cat: catAgainst},
		{where: "t", list: []string{"peacekeep*"}, cat: catTerm},
		{where: "f2", list: []string{"peacekeepers"}, cat: catFavor},
	})
	if err != nil {
		t.Fatal(err)
	}
	sc := &scratch{}
	for _, tc := range []struct {
		text string
		want category
	}{
		{"dəstəkləyirik", catFavor},
		{"dəstəkləmirik", catAgainst},        // the longer stem wins
		{"help", catFavor | catAgainst},      // equal entries add up
		{"dəstəklə", catFavor},               // a stem matches itself
		{"peacekeepers", catTerm | catFavor}, // a more specific favor word does not hide a term
	} {
		hits, _ := lx.match(tc.text, sc)
		if len(hits) != 1 || hits[0].cats != tc.want {
			t.Errorf("%q: %+v, want one hit of %b", tc.text, hits, tc.want)
		}
	}
}

// TestMatchAgain checks that a text matched again, right after or after
// another, gives what it gave the first time, and that another lexicon
// matches it anew.
func TestMatchAgain(t *testing.T) {
	lx, err := compileLexicon("xx", false, []source{{where: "t", list: []string{"CSTO", "not", "restore order"}, cat: catTerm}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := compileLexicon("yy", false, []source{{where: "t", list: []string{"order"}, cat: catFavor}})
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		hits   []hit
		n      int
		breaks []int
	}
	run := func(lx *lexicon, text string, sc *scratch) result {
		hits, n := lx.match(text, sc)
		return result{append([]hit(nil), hits...), n, append([]int(nil), sc.breaks...)}
	}
	a, b := "The CSTO will restore order, not war.", "Not now: the CSTO."
	want := map[string]result{a: run(lx, a, &scratch{}), b: run(lx, b, &scratch{})}
	sc := &scratch{}
	for i, text := range []string{a, a, b, a, b, b} {
		if got := run(lx, text, sc); !reflect.DeepEqual(got, want[text]) {
			t.Errorf("match %d of %q = %+v, want %+v", i, text, got, want[text])
		}
	}
	if got, want := run(other, a, sc), run(other, a, &scratch{}); !reflect.DeepEqual(got, want) || len(got.hits) != 1 {
		t.Errorf("other lexicon: match of %q = %+v, want %+v", a, got, want)
	}
}

// TestHasTerm checks that hasTerm tells what the whole match tells: whether
// a hit is a term, where a term is hidden in a longer entry, or its first
// word is a common one.
func TestHasTerm(t *testing.T) {
	srcs := []source{
		{where: "t", list: []string{"the deployment", "troops", "CSTO*"}, cat: catTerm},
		{where: "a", list: []string{"foreign troops must leave", "condemn*"}, cat: catAgainst},
	}
	lx, err := compileLexicon("xx", false, srcs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"The weather is fine.", false},                    // "the" begins a term, but no term is here
		{"They condemn the deployment.", true},             // a phrase
		{"Foreign troops must leave, they said.", false},   // "troops" is inside a longer entry
		{"Foreign troops must stay.", true},                // but not here
		{"The CSTOs troops, and the deployment.", true},    // a stem; the match stops at the first term
		{"Deployment of the deployed troop.", false},       // words that only begin as terms do
		{"It was the\ndeployment", false},                  // a phrase does not cross a sentence
		{"condemned, condemning: the deployment!", true},   // after other hits
		{"Ten troops and more troops and troops.", true},   // several
		{"They condemn the deploy ment and troop.", false}, // nothing
	}
	for _, tc := range tests {
		for _, last := range []bool{false, true} {
			sc := &scratch{}
			if last {
				lx.match(tc.text, sc) // the text matched last is not matched again
			}
			if got := lx.hasTerm(tc.text, sc); got != tc.want {
				t.Errorf("hasTerm(%q), matched last %v = %v, want %v", tc.text, last, got, tc.want)
			}
			// and the whole match says the same
			hits, _ := lx.match(tc.text, sc)
			whole := false
			for _, h := range hits {
				whole = whole || h.cats&catTerm != 0
			}
			if whole != tc.want {
				t.Errorf("match(%q) names a term: %v, want %v", tc.text, whole, tc.want)
			}
		}
	}
	if longestWord([]lexWord{{s: "the"}, {s: "deployment"}, {s: "of"}, {s: "reinforced"}}) != "deployment" {
		t.Error("longestWord does not return the first of the longest words")
	}
}
