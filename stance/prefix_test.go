package stance

import "testing"

func TestByteStarts(t *testing.T) {
	var s byteStarts
	for _, p := range []string{"a", "not", "поддерж", "", "ü"} {
		s.add(p)
	}
	for _, c := range []struct {
		word string
		want bool
	}{
		{"", false},
		{"a", true},       // a pattern of one byte
		{"abc", true},     // which begins it
		{"no", true},      // the first two bytes of "not": it may begin
		{"nothing", true}, // and does
		{"n", false},      // too short for "not"
		{"on", false},
		{"поддержка", true}, // which begins it
		{"подход", true},    // "по", the first four bytes of "поддерж": it may begin
		{"против", false},   // "п", its first two, is not enough
		{"п", false},
		{"честно", false},
		{"über", true},
		{"u", false},
	} {
		if got := s.mayBegin([]byte(c.word)); got != c.want {
			t.Errorf("mayBegin(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestByteStartsLexicon checks that the filter of a lexicon passes every
// word that an entry begins.
func TestByteStartsLexicon(t *testing.T) {
	lx, err := compileLexicon("en", false, []source{{where: "test", list: []string{"support*", "not legitimate", "CSTO", "ОДКБ*", "a"}, cat: catFavor}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"supporting", "support", "not", "csto", "одкб", "одкбнын", "a"} {
		if !lx.starts.mayBegin([]byte(w)) {
			t.Errorf("mayBegin(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "legitimate", "b"} {
		if lx.starts.mayBegin([]byte(w)) {
			t.Errorf("mayBegin(%q) = true", w)
		}
	}
}

// TestTermStarts checks that the filter of a lexicon's terms passes every
// word that begins the longest word of a term, and that mayNameTerm
// finds the terms through it.
func TestTermStarts(t *testing.T) {
	lx, err := compileLexicon("en", false, []source{{where: "test", list: []string{"CSTO", "peacekeep*", "Collective Security Treaty Organization"}, cat: catTerm}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"csto", "peacekeepers", "organization"} {
		if !lx.termS.mayBegin([]byte(w)) {
			t.Errorf("mayBegin(%q) = false", w)
		}
	}
	var sc scratch
	for text, want := range map[string]bool{
		"The CSTO said":                  true,
		"peacekeepers arrived":           true,
		"the Collective Security Treaty": false, // no longest word of a term
		"the organization of it":         true,  // which may begin a term
		"nothing here":                   false,
	} {
		sc.toks, sc.buf = tokenize(text, sc.toks, sc.buf)
		if got := lx.mayNameTerm(sc.toks, sc.buf, &sc); got != want {
			t.Errorf("mayNameTerm(%q) = %v, want %v", text, got, want)
		}
	}
}
