package quotes

import (
	_ "embed"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/quotesheet/quotesheet/internal/runes"
)

// The trigram profiles of whatlanggo (internal/trigramgen writes them).
// Scoring them here, with integer keys and no reflection, costs a tenth
// of what the module's own scoring does, which ran once a document.
//
//go:generate go run ../internal/trigramgen -o trigrams.tsv
//go:embed trigrams.tsv
var trigramData string

// Profile distances as whatlanggo measures them.
const (
	maxTrigramDistance = 300
	maxTotalDistance   = 90000
)

// maxScriptLanguages is how many languages one script's profiles may have:
// a set of them is a bit mask.
const maxScriptLanguages = 64

// trigramModel holds the profiles of each script's languages.
type trigramModel struct {
	scripts map[string]*scriptProfiles
	scratch sync.Pool // *trigramScratch
}

// trigramScratch holds the buffers of one detection, reused.
type trigramScratch struct {
	cands     []int
	scores    []langScore
	keys      []uint64
	runs, out []textTrigram
	start     []int
	gain      []int
}

// scriptProfiles are the languages of one script: for each trigram, the
// languages whose profile has it and at which rank, in flat arrays without
// pointers: a map of slices would cost a lookup a cache miss more, and the
// garbage collector a visit to every slice on every cycle.
type scriptProfiles struct {
	codes []string
	at    map[string]int // code -> index in codes
	sizes []int          // profile length of each language
	keys  []uint64       // the trigrams, ascending
	from  []int32        // keys[i]'s languages are ranks[from[i]:from[i+1]]
	ranks []langRank     // by language, ascending
	// langs[i] has bit l set for each language l whose profile has
	// keys[i]: scoring a few languages visits theirs alone
	langs []uint64
	// an open-addressing table of the trigrams: slots[h] is 1 + an index
	// in keys, or 0
	slots []int32
	shift uint
}

// slot returns the first slot to probe for trigram k.
func (sp *scriptProfiles) slot(k uint64) int {
	return int(k * 0x9E3779B97F4A7C15 >> sp.shift)
}

// find returns the index in keys of trigram k, or -1.
func (sp *scriptProfiles) find(k uint64) int {
	mask := len(sp.slots) - 1
	for h := sp.slot(k); ; h = (h + 1) & mask {
		i := int(sp.slots[h]) - 1
		if i < 0 || sp.keys[i] == k {
			return i
		}
	}
}

// setIndex sets the trigram arrays of sp from a map of trigram to the
// languages that have it.
func (sp *scriptProfiles) setIndex(index map[uint64][]langRank) {
	sp.keys = make([]uint64, 0, len(index))
	for k := range index {
		sp.keys = append(sp.keys, k)
	}
	slices.Sort(sp.keys)
	sp.from = make([]int32, 0, len(sp.keys)+1)
	sp.ranks = sp.ranks[:0]
	sp.langs = make([]uint64, 0, len(sp.keys))
	for _, k := range sp.keys {
		sp.from = append(sp.from, int32(len(sp.ranks)))
		lrs := index[k]
		slices.SortFunc(lrs, func(a, b langRank) int { return int(a.lang) - int(b.lang) })
		var langs uint64
		for _, lr := range lrs {
			langs |= 1 << lr.lang
		}
		sp.ranks = append(sp.ranks, lrs...)
		sp.langs = append(sp.langs, langs)
	}
	sp.from = append(sp.from, int32(len(sp.ranks)))
	bits := uint(4)
	for 1<<bits < 2*len(sp.keys) {
		bits++
	}
	sp.slots, sp.shift = make([]int32, 1<<bits), 64-bits
	mask := len(sp.slots) - 1
	for i, k := range sp.keys {
		h := sp.slot(k)
		for sp.slots[h] != 0 {
			h = (h + 1) & mask
		}
		sp.slots[h] = int32(i + 1)
	}
}

// restrict returns the model of the languages in codes alone: scoring
// reads the profiles of every language a trigram is in, and most are
// never asked about.
func (m *trigramModel) restrict(codes []string) *trigramModel {
	keep := map[string]bool{}
	for _, c := range codes {
		keep[c] = true
	}
	out := &trigramModel{scripts: map[string]*scriptProfiles{}}
	for name, sp := range m.scripts {
		np := &scriptProfiles{at: map[string]int{}}
		newID := make([]int16, len(sp.codes))
		for i, c := range sp.codes {
			newID[i] = -1
			if keep[c] {
				newID[i] = int16(len(np.codes))
				np.at[c] = len(np.codes)
				np.codes = append(np.codes, c)
				np.sizes = append(np.sizes, sp.sizes[i])
			}
		}
		if len(np.codes) == 0 {
			continue
		}
		index := map[uint64][]langRank{}
		for i, k := range sp.keys {
			for _, lr := range sp.ranks[sp.from[i]:sp.from[i+1]] {
				if id := newID[lr.lang]; id >= 0 {
					index[k] = append(index[k], langRank{id, lr.rank})
				}
			}
		}
		np.setIndex(index)
		out.scripts[name] = np
	}
	return out
}

type langRank struct {
	lang int16
	rank int16
}

var (
	modelOnce sync.Once
	model     *trigramModel
	modelErr  error
)

// trigrams returns the model read from the embedded profiles.
func trigrams() (*trigramModel, error) {
	modelOnce.Do(func() { model, modelErr = parseTrigrams(trigramData) })
	return model, modelErr
}

func parseTrigrams(data string) (*trigramModel, error) {
	m := &trigramModel{scripts: map[string]*scriptProfiles{}}
	index := map[*scriptProfiles]map[uint64][]langRank{}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("trigrams.tsv:%d: want 3 fields, have %d", n+1, len(f))
		}
		sp := m.scripts[f[0]]
		if sp == nil {
			sp = &scriptProfiles{at: map[string]int{}}
			m.scripts[f[0]] = sp
			index[sp] = map[uint64][]langRank{}
		}
		li := int16(len(sp.codes))
		if _, dup := sp.at[f[1]]; dup {
			return nil, fmt.Errorf("trigrams.tsv:%d: %s %s again", n+1, f[0], f[1])
		}
		if len(sp.codes) == maxScriptLanguages {
			return nil, fmt.Errorf("trigrams.tsv:%d: more than %d %s languages", n+1, maxScriptLanguages, f[0])
		}
		sp.at[f[1]] = len(sp.codes)
		sp.codes = append(sp.codes, f[1])
		size := 0
		if f[2] != "" {
			seen := map[uint64]bool{}
			for rank, t := range strings.Split(f[2], "|") {
				rs := []rune(t)
				if len(rs) != 3 {
					return nil, fmt.Errorf("trigrams.tsv:%d: %q is not three characters", n+1, t)
				}
				k := trigramKey(rs[0], rs[1], rs[2])
				if seen[k] {
					return nil, fmt.Errorf("trigrams.tsv:%d: %q twice", n+1, t)
				}
				seen[k] = true
				index[sp][k] = append(index[sp][k], langRank{li, int16(rank)})
				size++
			}
		}
		sp.sizes = append(sp.sizes, size)
	}
	for sp, ix := range index {
		sp.setIndex(ix)
	}
	return m, nil
}

// trigramKey packs three code points; keys order as their strings do.
func trigramKey(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// trigramChar is a character as the profiles see it: lowercase, and space
// for spaces, punctuation, symbols and digits.
func trigramChar(r rune) rune {
	if r < utf8.RuneSelf {
		return trigramASCII[r]
	}
	if isLetter(r) { // a letter is none of the others
		return runes.Lower(r)
	}
	if unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// trigramASCII holds trigramChar of the ASCII characters.
var trigramASCII = func() (t [utf8.RuneSelf]rune) {
	for r := range rune(utf8.RuneSelf) {
		switch {
		case 'A' <= r && r <= 'Z':
			t[r] = r + 'a' - 'A'
		case 'a' <= r && r <= 'z':
			t[r] = r
		case r < ' ' && (r < '\t' || r > '\r'), r == 0x7F:
			t[r] = r // control characters are none of them
		default:
			t[r] = ' '
		}
	}
	return t
}()

// langScore is a language's distance from a text's trigrams.
type langScore struct {
	lang, dist int
}

type textTrigram struct {
	key   uint64
	count int
}

// rankTrigrams returns text's trigrams, the most frequent first (ties by
// key, larger first, as whatlanggo orders them).
func rankTrigrams(text string, sc *trigramScratch) []textTrigram {
	keys := sc.keys[:0]
	defer func() { sc.keys = keys }()
	r1, r2, first := ' ', ' ', true
	add := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, trigramKey(r1, r2, r3))
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		c := trigramChar(r)
		if first {
			r2, first = c, false
			continue
		}
		add(c)
	}
	if first {
		return nil
	}
	add(' ')
	slices.Sort(keys)
	runs := sc.runs[:0]
	most := 0
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		runs = append(runs, textTrigram{keys[i], j - i})
		most = max(most, j-i)
		i = j
	}
	// by count, most first, and among equals by key, largest first: a
	// counting sort over the runs from the largest key down
	sc.runs = runs
	start := slices.Grow(sc.start[:0], most+2)[:most+2]
	clear(start)
	sc.start = start
	for _, t := range runs {
		start[most-t.count+1]++
	}
	for c := 1; c < len(start); c++ {
		start[c] += start[c-1]
	}
	out := slices.Grow(sc.out[:0], len(runs))[:len(runs)]
	sc.out = out
	for i := len(runs) - 1; i >= 0; i-- {
		t := runs[i]
		out[start[most-t.count]] = t
		start[most-t.count]++
	}
	return out
}

// detect returns the language of text among the script's languages that
// are in codes (all of them when codes is nil), and whatlanggo's
// confidence in it; "" when none of codes is of the script or the text
// matches none.
func (m *trigramModel) detect(text, script string, codes []string) (string, float64) {
	best, _, conf := m.detectTop(text, script, codes)
	return best, conf
}

// detectTop is detect that also names the runner-up ("" if none).
func (m *trigramModel) detectTop(text, script string, codes []string) (string, string, float64) {
	sp := m.scripts[script]
	if sp == nil {
		return "", "", 0
	}
	sc, _ := m.scratch.Get().(*trigramScratch)
	if sc == nil {
		sc = &trigramScratch{}
	}
	defer m.scratch.Put(sc)
	cands := sc.cands[:0]
	defer func() { sc.cands = cands }()
	var want uint64 // the languages of cands
	if codes == nil {
		for i := range sp.codes {
			cands = append(cands, i)
			want |= 1 << i
		}
	}
	for _, c := range codes {
		if i, ok := sp.at[c]; ok && want&(1<<i) == 0 {
			cands = append(cands, i)
			want |= 1 << i
		}
	}
	switch {
	case len(cands) == 0:
		return "", "", 0
	case len(cands) == 1:
		return sp.codes[cands[0]], "", 1
	}
	tris := rankTrigrams(text, sc)
	// a profile trigram the text lacks costs the most; one it has costs
	// the difference of the two ranks
	gain := slices.Grow(sc.gain[:0], len(sp.codes))[:len(sp.codes)]
	clear(gain)
	sc.gain = gain
	for pos, t := range tris {
		p := sp.find(t.key)
		if p < 0 {
			continue
		}
		// the candidates among the trigram's languages; the rank of
		// language l is after those of the languages below l
		has := sp.langs[p]
		for m := has & want; m != 0; m &= m - 1 {
			l := bits.TrailingZeros64(m)
			lr := sp.ranks[int(sp.from[p])+bits.OnesCount64(has&(1<<l-1))]
			d := pos - int(lr.rank)
			if d < 0 {
				d = -d
			}
			gain[l] += maxTrigramDistance - d
		}
	}
	ds := sc.scores[:0]
	for _, i := range cands {
		ds = append(ds, langScore{i, maxTrigramDistance*sp.sizes[i] - gain[i]})
	}
	sc.scores = ds
	// the best two, nearest first and, at equal distance, by code: the
	// first two that sorting would give
	before := func(a, b langScore) bool {
		return a.dist < b.dist || a.dist == b.dist && sp.codes[a.lang] < sp.codes[b.lang]
	}
	if before(ds[1], ds[0]) {
		ds[0], ds[1] = ds[1], ds[0]
	}
	for k := 2; k < len(ds); k++ {
		switch {
		case before(ds[k], ds[0]):
			ds[0], ds[1] = ds[k], ds[0]
		case before(ds[k], ds[1]):
			ds[1] = ds[k]
		}
	}
	score1, score2 := maxTotalDistance-ds[0].dist, maxTotalDistance-ds[1].dist
	switch {
	case score1 <= 0:
		return "", "", 0
	case score2 <= 0:
		return sp.codes[ds[0].lang], "", min(float64(score1)/500, 1)
	}
	second := sp.codes[ds[1].lang]
	rate := float64(score1-score2) / float64(score2)
	confident := 12/float64(len(tris)) + 0.05
	if rate > confident {
		return sp.codes[ds[0].lang], second, 1
	}
	return sp.codes[ds[0].lang], second, rate / confident
}
