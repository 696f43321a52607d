package quotes

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLexiconFind checks matching on word boundaries, overlapping and
// nested patterns, stems, name endings and case rules, in scripts with and
// without spaces, and that a lexicon whose patterns may start inside a
// word (they begin with punctuation) still finds what the starts list
// would have found.
func TestLexiconFind(t *testing.T) {
	type word struct {
		w    string
		kind hitKind
	}
	tests := []struct {
		name     string
		words    []word
		noSpaces bool
		endings  []string
		text     string
		want     string // "start-end:text" of each hit, in order
	}{
		{"word boundaries", []word{{"said", hitVerb}}, false, nil,
			"She said it; unsaid, saidx, SAID.",
			"4-8:said 28-32:SAID"},
		{"phrase and its first word", []word{{"said", hitVerb}, {"said that", hitVerb}}, false, nil,
			"He said that it was over.",
			"3-12:said that 3-7:said"},
		{"stem takes the rest of the word", []word{{"powiedzia*", hitVerb}}, false, nil,
			"Jak powiedziała wczoraj, powiedział też.",
			"4-16:powiedziała 26-37:powiedział"},
		{"name endings", []word{{"Tokajew", hitName}}, false, []string{"a", "owi"},
			"Tokajewa i Tokajewowi, nie Tokajewski.",
			"0-8:Tokajewa 11-21:Tokajewowi"},
		{"capitalized name in lowercase text", []word{{"Rose", hitName}}, false, nil,
			"a rose for Rose",
			"11-15:Rose"},
		{"Cyrillic", []word{{"заявил", hitVerb}}, false, nil,
			"Он заявил, что незаявил.",
			"5-17:заявил"},
		{"no spaces", []word{{"表示", hitVerb}, {"他", hitPronoun}}, true, nil,
			"他表示，其他人也表示同意。",
			"0-3:他 3-9:表示 15-18:他 24-30:表示"},
		{"Han in a spaced lexicon", []word{{"绍伊古", hitName}}, false, nil,
			"国防部长绍伊古说",
			"12-21:绍伊古"},
		{"pattern starting with punctuation", []word{{"#nato", hitScare}, {"nato", hitName}}, false, nil,
			"See #NATO and NATO, not #natoish.",
			"4-9:#NATO 5-9:NATO 14-18:NATO"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newLexiconBuilder(true)
			for _, w := range tc.words {
				b.add(w.w, w.kind, 0)
			}
			l := b.build(tc.noSpaces, tc.endings)
			_, _, starts := indexText(tc.text)
			var got []string
			for _, h := range l.find(tc.text, fold(tc.text), starts) {
				got = append(got, fmt.Sprintf("%d-%d:%s", h.Start, h.End, tc.text[h.Start:h.End]))
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("find(%q)\n got %s\nwant %s", tc.text, g, tc.want)
			}
		})
	}
}

// TestFoldIntoMatchesToLower checks the shortcuts of foldInto against
// unicode.ToLower for every code point beyond ASCII.
func TestFoldIntoMatchesToLower(t *testing.T) {
	buf := make([]byte, 4)
	for r := rune(0x80); r <= 0x2FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		n := utf8.EncodeRune(buf, r)
		want := append([]byte(nil), buf[:n]...)
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(want, l)
		}
		foldInto(buf, 0, r, n)
		if string(buf[:n]) != string(want) {
			t.Errorf("foldInto(%U) = %q, want %q", r, buf[:n], want)
		}
	}
}

// TestIndexText checks the folded copy, word starts and match starts of
// indexText against fold and a rune-by-rune reading.
func TestIndexText(t *testing.T) {
	text := "Он сказал: «Да». 他说：“好的”。 She SAID—twice, तोकायेव ने कहा। ÉTAT 2,000 นายปูตินกล่าวว่า ภารกิจสำเร็จ"
	folded, words, starts := indexText(text)
	if string(folded) != string(fold(text)) {
		t.Errorf("folded %q, want %q", folded, fold(text))
	}
	var wantWords, wantStarts []int32
	in, han := false, 0
	for i, r := range text {
		if isHan(r) {
			if han%hanStep(r) == 0 {
				wantWords = append(wantWords, int32(i))
			}
			wantStarts = append(wantStarts, int32(i))
			han++
			in = false
			continue
		}
		w := isWordRune(r)
		if w && !in {
			wantWords = append(wantWords, int32(i))
			wantStarts = append(wantStarts, int32(i))
		}
		han, in = 0, w
	}
	if fmt.Sprint(words) != fmt.Sprint(wantWords) {
		t.Errorf("words %v, want %v", words, wantWords)
	}
	if fmt.Sprint(starts) != fmt.Sprint(wantStarts) {
		t.Errorf("starts %v, want %v", starts, wantStarts)
	}
}

// TestScriptIndex checks scriptIndex, its table below U+10000 included,
// against the Unicode script tables.
func TestScriptIndex(t *testing.T) {
	for r := rune(-1); r <= 0x2FFFF; r++ {
		want := -1
		for k, st := range scriptTables {
			if unicode.Is(st.table, r) {
				want = k
				break
			}
		}
		if got := scriptIndex(r); got != want {
			t.Errorf("scriptIndex(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestPairedLexicons checks that one walk of the paired trie finds what
// the two lexicons find on their own, patterns both hold included.
func TestPairedLexicons(t *testing.T) {
	ab := newLexiconBuilder(true)
	ab.addAll([]string{"said", "said that", "nato", "minister"}, hitVerb, 0)
	bb := newLexiconBuilder(true)
	bb.addAll([]string{"NATO", "Jan Kowalski", "Kowalsk", "said"}, hitName, 1)
	a, b := ab.build(false, nil), bb.build(false, []string{"iego", "i"})
	p := pair(a, b)
	if p == nil {
		t.Fatal("no pair")
	}
	for _, text := range []string{
		"NATO said that Jan Kowalski, the minister, said nothing.",
		"Ministra Jana Kowalskiego nie było; NATO milczy.",
		"",
	} {
		folded, _, starts := indexText(text)
		ha, hb := p.find(text, folded, starts, nil, nil)
		wa, wb := a.find(text, folded, starts), b.find(text, folded, starts)
		if fmt.Sprint(ha) != fmt.Sprint(wa) || fmt.Sprint(hb) != fmt.Sprint(wb) {
			t.Errorf("%q:\n paired %v | %v\n alone  %v | %v", text, ha, hb, wa, wb)
		}
	}
}
