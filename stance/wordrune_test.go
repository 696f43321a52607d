package stance

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestWordRuneFastPaths checks isWordRune against Unicode, joiners and soft hyphen included.
func TestWordRuneFastPaths(t *testing.T) {
	for _, rg := range [][2]rune{{0x0410, 0x044F}, {0x0900, 0x097F}, {0x0621, 0x0669}, {0x00C0, 0x024F}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x0080, 0x00BF}, {0x2000, 0x206F}, {0xFF01, 0xFF0F}, {0x0531, 0x0587}, {0x10D0, 0x10FA}} {
		for r := rg[0]; r <= rg[1]; r++ {
			want := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 0x200C || r == 0x200D || r == 0x00AD
			if got := isWordRune(r); got != want {
				t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
			}
		}
	}
	// scripts without case fold to themselves
	for _, r := range []rune{'क', 'ب', '中', '한', 'ש'} {
		if foldRune(r) != r {
			t.Errorf("foldRune(%c) = %c", r, foldRune(r))
		}
	}
}

// TestFoldRuneCase checks that foldRune lower-cases as unicode.ToLower does
// wherever it keeps a letter and has no folding of its own.
func TestFoldRuneCase(t *testing.T) {
	for r := rune(0x80); r < 0x3000; r++ {
		f := foldRune(r)
		if f < 0 || r == 'ё' || r == 'Ё' || r >= 0x0590 && r < 0x1E00 {
			continue // dropped, or folded beyond case
		}
		if want := unicode.ToLower(r); f != want {
			t.Errorf("foldRune(%U) = %U, want %U", r, f, want)
		}
	}
}

// TestWordTable checks the table of foldWord against isWordRune and foldRune.
func TestWordTable(t *testing.T) {
	for r := rune(0x80); r < wordTableSize; r++ {
		e := wordTable[r]
		var want []byte
		if f := foldRune(r); f >= 0 {
			want = utf8.AppendRune(nil, f)
		}
		if e.word != isWordRune(r) || string(e.fold[:e.n]) != string(want) {
			t.Errorf("wordTable[%U] = %v %q, want %v %q", r, e.word, e.fold[:e.n], isWordRune(r), want)
		}
	}
}

// TestTokenizeForms checks that tokenize reads every form of UTF-8 alike:
// words of one, two, three and four bytes a character, and bytes that are
// not UTF-8, which end a word as a character that is not one does.
func TestTokenizeForms(t *testing.T) {
	for _, text := range []string{
		"Ab Ёлка, नमस्ते ĲSSEL ঀ 𝐀𝐁c\u00ADd ab\xffcd e\xe0\xa4f ॐ\u200d… “Quote” ẞ Ἀθῆναι end",
		// two-byte characters: one that folds to three, marks, a mark
		// that is no letter, a cut one, and one that ends the text
		"aȺb ЖИ\u0306Вёт «ёж»ж щ\xd0 x\xd0\xd0y Ωμέγα ж",
		"щ\xd0",
		"ЖжЖ",
	} {
		checkTokenize(t, text)
	}
}

// checkTokenize checks tokenize on text against isWordRune and foldRune,
// one rune at a time.
func checkTokenize(t *testing.T, text string) {
	t.Helper()
	toks, buf := tokenize(text, nil, nil)
	var got []string
	for _, tk := range toks {
		got = append(got, text[tk.start:tk.end]+"="+string(buf[tk.fs:tk.fe]))
	}
	// the same words, one rune at a time
	var want []string
	start, word := -1, []byte(nil)
	for i, r := range text + " " {
		if i < len(text) && isWordRune(r) {
			if start < 0 {
				start = i
			}
			if f := foldRune(r); f >= 0 {
				word = utf8.AppendRune(word, f)
			}
			continue
		}
		if start >= 0 {
			want = append(want, text[start:i]+"="+string(word))
			start, word = -1, nil
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokenize:\n got %q\nwant %q", got, want)
	}
}
