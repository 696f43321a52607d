package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// This file mirrors the text handling of the reference scorer, score.py,
// function by function, with Python's semantics for str patterns: `\w` is a
// letter (L*), a number (N*) or '_', but not a combining mark, and `\s`,
// str.strip() and str.split() use Python's notion of whitespace.

// quoteChars are the marks score.py folds into '"' before comparing.
const quoteChars = "\"“”«»„‟‹›「」『』'‘’‚"

// trimChars are what score.py strips from both ends of a normalised quote.
const trimChars = " \"'.,،;:!?।-—–"

// isPyWord reports whether Python's re `\w` matches r in a str pattern.
func isPyWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isPySpace reports whether Python's str.isspace (and re `\s`) holds for r:
// the characters of category Zs or of bidirectional class WS, B or S.
func isPySpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= 0x20, r == 0x85, r == 0xa0, r == 0x1680,
		r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// casefold is Python's str.casefold: full Unicode case folding. Cherokee
// folds to its capital letters, as in CaseFolding.txt; x/text/cases folds
// the capitals to the small letters instead, so they are mapped back.
func casefold(s string) string {
	return strings.Map(cherokeeCapital, cases.Fold().String(s))
}

// cherokeeCapital maps a small Cherokee letter to its capital.
func cherokeeCapital(r rune) rune {
	switch {
	case r >= 0xab70 && r <= 0xabbf:
		return r - 0xab70 + 0x13a0
	case r >= 0x13f8 && r <= 0x13fd:
		return r - 0x13f8 + 0x13f0
	}
	return r
}

// collapseSpace is re.sub(r'\s+', ' ', s).strip().
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isPySpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// normQuote is score.py's norm: NFC, no-break space to space, quote marks
// to '"', whitespace collapsed, punctuation stripped from the ends,
// casefolded.
func normQuote(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(quoteChars, r) {
			return '"'
		}
		return r
	}, s)
	s = collapseSpace(s)
	s = strings.Trim(s, trimChars)
	return casefold(s)
}

// pyWords is re.findall(r'\w+', s).
func pyWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isPyWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// quoteTokens is score.py's toks: the words of the normalised quote.
func quoteTokens(s string) []string { return pyWords(normQuote(s)) }

// overlap is score.py's overlap: the share of b's tokens covered by a, and
// of a's tokens covered by b, counting repeated tokens as a multiset.
func overlap(a, b string) (float64, float64) {
	return overlapCounts(counter(quoteTokens(a)), counter(quoteTokens(b)))
}

// overlapCounts is overlap on token counts made beforehand.
func overlapCounts(ta, tb map[string]int) (float64, float64) {
	na, nb := total(ta), total(tb)
	if na == 0 || nb == 0 {
		return 0, 0
	}
	inter := 0
	for w, n := range ta {
		inter += min(n, tb[w])
	}
	return float64(inter) / float64(nb), float64(inter) / float64(na)
}

func counter(words []string) map[string]int {
	c := make(map[string]int, len(words))
	for _, w := range words {
		c[w]++
	}
	return c
}

func total(c map[string]int) int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// speakerNorm is score.py's spk_norm: NFKD, combining marks (canonical
// combining class > 0) dropped, every run of non-word characters turned into
// one space, ends trimmed, casefolded.
func speakerNorm(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	gap := false
	for _, r := range s {
		if norm.NFKD.PropertiesString(string(r)).CCC() != 0 {
			continue
		}
		if !isPyWord(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteRune(r)
	}
	return casefold(b.String())
}

// SpeakerMatches is score.py's speaker_ok: whether the predicted speaker
// names the gold one. gold may list alternatives split by '|'; a name
// matches one equal to it after normalisation, or one with the same last
// word when that word is longer than two characters.
func SpeakerMatches(pred, gold string) bool {
	p := speakerNorm(pred)
	if p == "" {
		return false
	}
	pw := strings.Fields(p)
	for alt := range strings.SplitSeq(gold, "|") {
		g := speakerNorm(alt)
		if g == "" {
			continue
		}
		if p == g {
			return true
		}
		gw := strings.Fields(g)
		last := gw[len(gw)-1]
		if pw[len(pw)-1] == last && utf8.RuneCountInString(last) > 2 {
			return true
		}
	}
	return false
}

// pyBase is os.path.basename on POSIX: what follows the last '/'.
func pyBase(p string) string {
	return p[strings.LastIndexByte(p, '/')+1:]
}

// pyPrefix is s[:n] in Python: the first n code points.
func pyPrefix(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
