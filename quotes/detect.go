package quotes

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
	"github.com/quotesheet/quotesheet/quotes/lang"
)

// Detector identifies a document's language among those that have a pack.
type Detector struct {
	model    *trigramModel       // the profiles of the languages it may answer
	full     *trigramModel       // every profile, to tell how sure a short text is
	packs    []string            // the allowed languages, in order
	answers  []string            // the languages the model may answer: packs and their aliases
	aliases  map[string][]string // pack code -> the close languages that stand for it
	letters  map[string]string   // code -> distinctive letters
	nletters map[string]int      // code -> how many distinctive letters
	byLetter map[rune][]int      // distinctive letter -> indices in codes, once a pack listing it
	codes    []string            // codes with distinctive letters, sorted, once each
	codeAt   map[string]int      // code -> index in codes
	// asciiLetter: some language's distinctive letters are ASCII
	asciiLetter bool
	// distinct marks the distinctive letters below U+10000, so that most
	// letters are passed over without a map lookup
	distinct [1 << 16 / 64]uint64
	allowed  map[string]bool
	def      string
	// alphabet holds, for each language of a cased script, the letters
	// beyond ASCII that its pack's words use, and share how often they do:
	// a sample with letters a language lacks, or long without the letters it
	// uses often, is not in it. This prunes the statistical model's list.
	alphabet map[string]map[rune]bool
	share    map[string]float64
	latin    map[string]bool // codes written in Latin script
	// latinAlphabets are the alphabets of the allowed Latin-script
	// languages, by code
	latinAlphabets []latinAlphabet
	// vocabWords holds the single words of the reporting, pronoun and
	// function lists of the packs of the languages with spaces, folded,
	// each with the vocabID of the languages that list it: between two
	// close languages the model is unsure of (Danish and Norwegian), the
	// one whose words the text uses decides.
	vocabWords map[string][]int32
	vocabID    map[string]int32 // code -> id, for the languages with spaces
	// cased holds the same for each other cased script that several
	// allowed languages share (Cyrillic): the letters a sample uses rule
	// out the languages whose alphabets lack them (ы and э are not
	// Bulgarian, и is not Belarusian)
	cased map[string][]latinAlphabet
	// alias maps a code the model may report to the pack code it stands for.
	alias map[string]string
	// byScript maps each script that only one allowed language is written
	// in to that language: no statistics are needed there.
	byScript map[string]string
	// base maps a script whose languages all have distinctive letters but
	// one to that one: the letters decide, and without them it is the base
	// (Arabic script: Persian and Urdu letters, else Arabic).
	base map[string]string
}

// latinAlphabet is one Latin-script language's letters beyond ASCII and
// how often its words use them.
type latinAlphabet struct {
	code  string
	set   map[rune]bool
	share float64
	// low marks the letters of set below U+0590 (Latin, Greek, Cyrillic,
	// Armenian), which are read without a map lookup
	low [(0x590 + 63) / 64]uint64
}

// newAlphabet returns the alphabet of code: set, and share.
func newAlphabet(code string, set map[rune]bool, share float64) latinAlphabet {
	la := latinAlphabet{code: code, set: set, share: share}
	for r := range set {
		if r >= 0 && r < 0x590 {
			la.low[r>>6] |= 1 << (r & 63)
		}
	}
	return la
}

// has reports whether r is a letter of the alphabet.
func (la *latinAlphabet) has(r rune) bool {
	if r >= 0 && r < 0x590 {
		return la.low[r>>6]&(1<<(r&63)) != 0
	}
	return la.set[r]
}

// isASCIILetter reports whether r is one of a-z and A-Z: setting the bit
// 0x20 lowers the capitals and leaves the small letters.
func isASCIILetter(r rune) bool {
	return uint32(r|0x20)-'a' < 26
}

// scriptTables are the scripts detection tells apart by their letters.
var scriptTables = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Arabic", unicode.Arabic},
	{"Devanagari", unicode.Devanagari}, {"Han", unicode.Han}, {"Japanese", unicode.Hiragana},
	{"Japanese", unicode.Katakana}, {"Hangul", unicode.Hangul}, {"Georgian", unicode.Georgian},
	{"Armenian", unicode.Armenian}, {"Greek", unicode.Greek}, {"Hebrew", unicode.Hebrew},
	{"Bengali", unicode.Bengali}, {"Thai", unicode.Thai},
}

// unsure is the trigram model's confidence below which it reads
// unsureSample bytes of the document instead of trigramSample.
const (
	unsure       = 0.6
	unsureSample = 1200
)

// detectSample is how much of a document detection reads.
const detectSample = 400

// wordSample is how much of a document the pack words are counted in when
// the trigram model is unsure between two languages.
const wordSample = 2000

// trigramSample is how much of that the trigram model reads: its cost
// grows with the sample, and among the few candidates left after the
// alphabets have spoken a few sentences are enough.
const trigramSample = 240

// prefix returns the first n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n < len(s) && s[n]&0xC0 == 0x80 {
		n++
	}
	return s[:n]
}

// NewDetector builds a Detector limited to codes (every pack when empty).
// def is returned when nothing can be told.
func NewDetector(packs *lang.Set, codes []string, def string) (*Detector, error) {
	if len(codes) == 0 {
		codes = packs.Codes()
	}
	m, err := trigrams()
	if err != nil {
		return nil, err
	}
	d := &Detector{full: m, aliases: map[string][]string{}, letters: map[string]string{}, allowed: map[string]bool{}, def: def}
	byLetter := map[rune][]string{}
	d.nletters = map[string]int{}
	d.alphabet, d.share = map[string]map[rune]bool{}, map[string]float64{}
	d.latin = map[string]bool{}
	for _, c := range codes {
		if p := packs.Get(c); p != nil && strings.Contains(p.Script, "Latin") {
			d.latin[c] = true
		}
	}
	d.vocabWords, d.vocabID = map[string][]int32{}, map[string]int32{}
	for _, c := range codes {
		if p := packs.Get(c); p != nil && !p.NoSpaces {
			d.alphabet[c], d.share[c] = alphabetOf(p)
			if _, ok := d.vocabID[c]; ok {
				continue
			}
			id := int32(len(d.vocabID))
			d.vocabID[c] = id
			for w := range vocabOf(p) {
				d.vocabWords[w] = append(d.vocabWords[w], id)
			}
		}
	}

	perScript := map[string][]string{}
	for _, c := range codes {
		d.allowed[c] = true
		d.packs = append(d.packs, c)
		d.answers = append(d.answers, c)
		if p := packs.Get(c); p != nil {
			for _, s := range strings.Split(p.Script, ",") {
				s = strings.TrimSpace(s)
				perScript[s] = append(perScript[s], c)
			}
		}
		if p := packs.Get(c); p != nil && p.Letters != "" {
			d.letters[c] = p.Letters
			d.codes = append(d.codes, c)
			for _, r := range p.Letters {
				d.nletters[c]++
				byLetter[r] = append(byLetter[r], c)
				if r < 1<<16 {
					d.distinct[r>>6] |= 1 << (r & 63)
				}
				d.asciiLetter = d.asciiLetter || r < 0x80
			}
		}
	}
	sort.Strings(d.codes)
	d.codes = slices.Compact(d.codes)
	d.codeAt = map[string]int{}
	for i, c := range d.codes {
		d.codeAt[c] = i
	}
	d.byLetter = map[rune][]int{}
	for r, cs := range byLetter {
		for _, c := range cs {
			d.byLetter[r] = append(d.byLetter[r], d.codeAt[c])
		}
	}
	for _, c := range packs.Codes() {
		if set, ok := d.alphabet[c]; ok && d.allowed[c] && d.latin[c] {
			share := d.share[c]
			if p := packs.Get(c); p != nil && p.Unaccented {
				share = 0 // a text without its letters may still be in it
			}
			d.latinAlphabets = append(d.latinAlphabets, newAlphabet(c, set, share))
		}
	}
	sort.Slice(d.latinAlphabets, func(i, j int) bool { return d.latinAlphabets[i].code < d.latinAlphabets[j].code })
	d.cased = map[string][]latinAlphabet{}
	for _, c := range codes {
		p := packs.Get(c)
		set, ok := d.alphabet[c]
		if p == nil || !ok || !d.allowed[c] {
			continue
		}
		for _, s := range strings.Split(p.Script, ",") {
			if s = strings.TrimSpace(s); s == "Cyrillic" || s == "Greek" || s == "Armenian" || s == "Georgian" {
				d.cased[s] = append(d.cased[s], newAlphabet(c, set, d.share[c]))
			}
		}
	}
	for s, as := range d.cased {
		sort.Slice(as, func(i, j int) bool { return as[i].code < as[j].code })
		if len(as) < 2 {
			delete(d.cased, s)
		}
	}
	// close languages the model knows and the packs do not
	d.alias = map[string]string{}
	for _, c := range codes {
		if p := packs.Get(c); p != nil {
			for _, a := range p.DetectAliases {
				if packs.Get(a) == nil {
					d.alias[a] = c
					d.answers = append(d.answers, a)
					d.aliases[c] = append(d.aliases[c], a)
				}
			}
		}
	}
	d.byScript = map[string]string{}
	d.base = map[string]string{}
	for s, cs := range perScript {
		if len(cs) == 1 {
			d.byScript[s] = cs[0]
			continue
		}
		var plain []string
		for _, c := range cs {
			if d.letters[c] == "" {
				plain = append(plain, c)
			}
		}
		if len(plain) == 1 {
			d.base[s] = plain[0]
		}
	}
	d.model = m.restrict(d.answers)
	return d, nil
}

// Detect returns the ISO 639-1 code of text's language.
func (d *Detector) Detect(text string) string {
	whole := text
	if len(text) > detectSample {
		cut := detectSample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	// the sample's characters, decoded once for the letter counts
	var buf [detectSample + utf8.UTFMax]rune
	rs := appendRunes(buf[:0], text)
	// a script that one language alone is written in decides at once;
	// kana among Chinese characters make Japanese
	script := dominantScript(rs)
	if c, ok := d.byScript[script]; ok {
		return c
	}
	if base, ok := d.base[script]; ok {
		if c, _ := d.letterShares(rs); c != "" {
			return c
		}
		return base
	}
	// too little text to tell Latin-script languages apart: the default
	if script == "Latin" && len(text) < 80 && d.allowed[d.def] {
		if _, conf := d.full.detect(text, script, nil); conf < 0.2 {
			return d.def
		}
	}
	code := ""
	answers := d.answers
	if alphabets, ok := d.cased[script]; ok {
		if cands := candidates(rs, alphabets, false); len(cands) == 1 {
			return cands[0]
		} else if len(cands) > 1 {
			answers = make([]string, 0, 2*len(cands))
			for _, c := range cands {
				answers = append(answers, c)
				answers = append(answers, d.aliases[c]...)
			}
		}
	}
	if script == "Latin" {
		cands := d.latinCandidates(rs)
		if len(cands) == 1 {
			return cands[0]
		}
		if len(cands) > 1 {
			answers = make([]string, 0, 2*len(cands))
			for _, c := range cands {
				answers = append(answers, c)
				answers = append(answers, d.aliases[c]...)
			}
		}
	}
	c, second, conf := d.model.detectTop(prefix(text, trigramSample), script, answers)
	if conf < unsure && len(whole) > trigramSample {
		// close languages of one script (Russian and Bulgarian) need
		// more text than the sample when it has few of the words that
		// tell them apart
		c, second, conf = d.model.detectTop(prefix(whole, unsureSample), script, answers)
	}
	if conf < 1 && second != "" && d.favours(prefix(whole, wordSample), second, c) {
		c = second
	}
	best, shares := d.letterShares(rs)
	if c != "" {
		code = c
		if to, ok := d.alias[code]; ok {
			// a close language stands for the pack's only when the
			// pack's own letters are there; else ask again without it
			if shares.of(to) > 0 {
				code = to
			} else {
				code, _ = d.model.detect(text, script, d.packs)
			}
		}
	}
	// distinctive letters decide for languages the model lacks, and between
	// languages that share a script
	if best != "" {
		if _, ok := d.letters[code]; !ok || shares.of(code) < shares.of(best) {
			code = best
		}
	}
	if code == "" || !d.allowed[code] {
		return d.def
	}
	return code
}

// letterShares returns, for each language with distinctive letters, the
// share of the letters of text (its characters) that are its own, and the
// language with the largest share of at least 0.4% ("" if none).
func (d *Detector) letterShares(text []rune) (string, letterShares) {
	letters := 0
	counts := make([]int, len(d.codes)) // by index in codes
	var seen []runeCount                // the distinctive letters found, and how often
	for _, r := range text {
		if r < 0x80 && !d.asciiLetter {
			if isASCIILetter(r) {
				letters++
			}
			continue
		}
		if isLetter(r) {
			letters++
		}
		if r < 1<<16 && d.distinct[r>>6]&(1<<(r&63)) == 0 {
			continue
		}
		cs := d.byLetter[r]
		if len(cs) == 0 {
			continue
		}
		k := 0
		for k < len(seen) && seen[k].r != r {
			k++
		}
		if k == len(seen) {
			seen = append(seen, runeCount{r, 0})
		}
		seen[k].n++
		for _, c := range cs {
			counts[c]++
		}
	}
	shares := letterShares{at: d.codeAt}
	if letters == 0 {
		return d.narrowest("", counts, seen, letters), shares
	}
	shares.shares = make([]float64, len(d.codes))
	best := -1
	for i := range d.codes {
		shares.shares[i] = float64(counts[i]) / float64(letters)
		if shares.shares[i] >= 0.004 && (best < 0 || shares.shares[i] > shares.shares[best]) {
			best = i
		}
	}
	if best < 0 {
		return d.narrowest("", counts, seen, letters), shares
	}
	return d.narrowest(d.codes[best], counts, seen, letters), shares
}

// runeCount is a character and how often a text has it.
type runeCount struct {
	r rune
	n int
}

// letterShares are the shares of a text's letters that are each language's
// distinctive letters, by index in the Detector's codes.
type letterShares struct {
	shares []float64      // nil when the text has no letters
	at     map[string]int // code -> index in shares
}

// of returns the share of code's distinctive letters, 0 for a language
// without them.
func (s letterShares) of(code string) float64 {
	if i, ok := s.at[code]; ok && s.shares != nil {
		return s.shares[i]
	}
	return 0
}

// narrowest returns, in place of best, a language with fewer distinctive
// letters that explains the text's as well: one for which the text holds no
// more than a trace of best's letters that are not its own, against many of
// its own. Kyrgyz writes Kazakh's ң ө ү and none of its ә ғ қ ұ һ;
// Belarusian, the ў that Uzbek shares with it and none of Uzbek's қ ғ ҳ.
func (d *Detector) narrowest(best string, counts []int, seen []runeCount, letters int) string {
	trace := max(2, letters/200)
	for changed := best != ""; changed; {
		changed = false
		for i, c := range d.codes {
			if c == best || counts[i]*250 < letters || d.nletters[c] >= d.nletters[best] {
				continue
			}
			extra := 0
			for _, s := range seen {
				if strings.ContainsRune(d.letters[best], s.r) && !strings.ContainsRune(d.letters[c], s.r) {
					extra += s.n
				}
			}
			if extra <= trace && extra*8 <= counts[i] {
				best, changed = c, true
				break
			}
		}
	}
	return best
}

// alphabetOf collects the letters beyond ASCII in a pack's words, and
// their share of all the letters there, leaving out the letters of the
// other scripts the tables know: the alphabet is the one Latin-script text
// is compared with, and a pack may list words in Cyrillic too.
func alphabetOf(p *lang.Pack) (map[rune]bool, float64) {
	var words []string
	r := p.Reporting
	for _, l := range [][]string{r.Verbs, r.VerbsF, r.VerbsM, r.Complementizers, r.Source, r.Continuation,
		p.Stance.Favor, p.Stance.Against, p.Stance.Attack, p.Stance.Negators, p.Names.Titles} {
		words = append(words, l...)
	}
	for _, l := range p.Roles {
		words = append(words, l...)
	}
	for _, pr := range p.Pronouns {
		words = append(words, pr.Word)
	}
	set := map[rune]bool{}
	letters, beyond := 0, 0
	for _, w := range words {
		for _, ch := range strings.ToLower(w) {
			if !unicode.IsLetter(ch) {
				continue
			}
			if k := scriptIndex(ch); ch >= 0x80 && k > 0 {
				continue // a letter of another script
			}
			if unicode.Is(unicode.Lm, ch) {
				set[ch] = true // ʻ ʼ: as often written as punctuation, ' ‘ ’
				continue
			}
			letters++
			if ch >= 0x80 {
				beyond++
				set[ch] = true
			}
		}
	}
	for _, ch := range strings.ToLower(p.Letters) {
		set[ch] = true
	}
	if letters == 0 {
		return set, 0
	}
	return set, float64(beyond) / float64(letters)
}

// latinCandidates returns the Latin-script languages text may be in: those
// whose alphabet holds its letters beyond ASCII (names may bring one or two
// others), and, in a sample long enough, not those whose words use such
// letters often when the sample has none.
func (d *Detector) latinCandidates(text []rune) []string {
	return candidates(text, d.latinAlphabets, true)
}

// candidates returns the languages of alphabets text (its characters) may
// be in: those
// whose alphabet holds its letters beyond ASCII, but for two or three
// (names may bring them). With often, also not those, in a sample long
// enough, whose words use such letters often when the sample has none.
func candidates(text []rune, alphabets []latinAlphabet, often bool) []string {
	letters := 0
	type count struct {
		r rune
		n int
	}
	var seenBuf [64]count
	seen := seenBuf[:0] // the letters beyond ASCII, lower-cased: few
	// at holds 1 + the index in seen of the letters below U+0590 (Latin,
	// Greek, Cyrillic, Armenian), whose alphabets are the longest
	var at [0x590]uint16
	for _, r := range text {
		if r < 0x80 {
			if isASCIILetter(r) {
				letters++
			}
			continue
		}
		if isLetter(r) {
			letters++
			l := runes.Lower(r)
			k := 0
			if l < rune(len(at)) && at[l] > 0 {
				k = int(at[l]) - 1
			} else {
				for k < len(seen) && seen[k].r != l {
					k++
				}
			}
			if k == len(seen) {
				seen = append(seen, count{l, 0})
				if l < rune(len(at)) && len(seen) <= 0xFFFF {
					at[l] = uint16(len(seen))
				}
			}
			seen[k].n++
		}
	}
	beyond := 0
	for _, c := range seen {
		beyond += c.n
	}
	out := make([]string, 0, len(alphabets))
	for i := range alphabets {
		la := &alphabets[i]
		foreign := 0
		for _, c := range seen {
			if !la.has(c.r) {
				foreign += c.n
			}
		}
		if foreign > 2 && float64(foreign) > 0.01*float64(letters) {
			continue
		}
		// with none of its letters in a long sample, a language that uses
		// them often is unlikely: (1-share)^letters
		if often && letters >= 150 && beyond-foreign == 0 && math.Pow(1-la.share, float64(letters)) < 0.01 {
			continue
		}
		out = append(out, la.code)
	}
	return out
}

// scriptIndex returns the index in scriptTables of the script of r, or
// -1: from a table below U+10000, from the script tables above.
func scriptIndex(r rune) int {
	if uint32(r) < uint32(len(scriptOf)) {
		return int(scriptOf[r])
	}
	for k, st := range scriptTables {
		if unicode.Is(st.table, r) {
			return k
		}
	}
	return -1
}

// scriptOf holds scriptIndex for the Basic Multilingual Plane, read off
// scriptTables: the first table that holds a code point names its script.
var scriptOf = func() *[1 << 16]int8 {
	t := new([1 << 16]int8)
	for i := range t {
		t[i] = -1
	}
	for k := len(scriptTables) - 1; k >= 0; k-- {
		for _, rg := range scriptTables[k].table.R16 {
			for c := uint32(rg.Lo); c <= uint32(rg.Hi); c += uint32(rg.Stride) {
				t[c] = int8(k)
			}
		}
	}
	return t
}()

// dominantScript names the script most letters of text (its characters)
// are written in.
func dominantScript(text []rune) string {
	var counts [16]int
	for _, r := range text {
		if r < 0x80 {
			if isASCIILetter(r) {
				counts[0]++
			}
			continue
		}
		if k := scriptIndex(r); k >= 0 {
			counts[k]++
		}
	}
	best := 0
	for k := range scriptTables {
		if counts[k] > counts[best] {
			best = k
		}
	}
	if counts[best] == 0 {
		return ""
	}
	name := scriptTables[best].name
	if name == "Han" && (counts[5] > 0 || counts[6] > 0) {
		return "Japanese"
	}
	if name == "Japanese" {
		return "Japanese"
	}
	return name
}

// vocabOf collects the single words of a pack's reporting verbs,
// complementizers, source and continuation phrases, pronouns, negators and
// contrast words, folded.
func vocabOf(p *lang.Pack) map[string]bool {
	set := map[string]bool{}
	lists := [][]string{p.Reporting.Verbs, p.Reporting.VerbsF, p.Reporting.VerbsM, p.Reporting.Complementizers,
		p.Reporting.Source, p.Reporting.Continuation, p.Stance.Negators, p.Stance.Contrast}
	for _, pr := range p.Pronouns {
		lists = append(lists, []string{pr.Word})
	}
	for _, l := range lists {
		for _, e := range l {
			if strings.HasSuffix(e, "*") {
				continue
			}
			for _, w := range strings.Fields(e) {
				set[strings.ToLower(w)] = true
			}
		}
	}
	return set
}

// favours reports whether text uses clearly more of the words of language
// b's pack than of a's: at least three, and twice as many, counting only
// the words one of the two packs has and the other lacks.
func (d *Detector) favours(text, b, a string) bool {
	if to, ok := d.alias[a]; ok {
		a = to
	}
	if to, ok := d.alias[b]; ok {
		b = to
	}
	ia, okA := d.vocabID[a]
	ib, okB := d.vocabID[b]
	if !okA || !okB || a == b {
		return false
	}
	na, nb := 0, 0
	var buf [64]byte
	for i := 0; i < len(text); {
		in, n := wordRuneAt(text, i)
		if !in {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			if in, n = wordRuneAt(text, j); !in {
				break
			}
			j += n
		}
		w := appendLower(buf[:0], text[i:j])
		i = j
		ids := d.vocabWords[string(w)]
		inA, inB := slices.Contains(ids, ia), slices.Contains(ids, ib)
		switch {
		case inA && !inB:
			na++
		case inB && !inA:
			nb++
		}
	}
	return nb >= 2 && nb >= 2*na
}

// appendLower appends the lower case of s (strings.ToLower's) to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, runes.Lower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// appendRunes appends the characters of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			buf = append(buf, rune(c))
			i++
			continue
		}
		r, n := runes.Decode2(s, i)
		if n == 0 {
			r, n = runes.Decode(s, i)
		}
		buf = append(buf, r)
		i += n
	}
	return buf
}

// wordRuneAt reports whether the character at s[i:] belongs to a word, and
// its length; ASCII is read without decoding.
func wordRuneAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return isWordRune(rune(c)), 1
	}
	r, n := runes.Decode(s, i)
	return isWordRune(r), n
}
