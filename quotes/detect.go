package quotes

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
	"github.com/quotesheet/quotesheet/quotes/lang"
)

// Detector identifies a document's language among those that have a pack.
type Detector struct {
	opts    whatlanggo.Options
	letters map[string]string // code -> distinctive letters
	allowed map[string]bool
	def     string
}

// detectSample is how much of a document detection reads.
const detectSample = 4096

// NewDetector builds a Detector limited to codes (every pack when empty).
// def is returned when nothing can be told.
func NewDetector(packs *lang.Set, codes []string, def string) *Detector {
	if len(codes) == 0 {
		codes = packs.Codes()
	}
	d := &Detector{opts: whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}, letters: map[string]string{}, allowed: map[string]bool{}, def: def}
	known := map[string]whatlanggo.Lang{}
	for l := whatlanggo.Lang(0); l < 200; l++ {
		if c := l.Iso6391(); c != "" {
			known[c] = l
		}
	}
	for _, c := range codes {
		d.allowed[c] = true
		if l, ok := known[c]; ok {
			d.opts.Whitelist[l] = true
		}
		if p := packs.Get(c); p != nil && p.Letters != "" {
			d.letters[c] = p.Letters
		}
	}
	return d
}

// Detect returns the ISO 639-1 code of text's language.
func (d *Detector) Detect(text string) string {
	if len(text) > detectSample {
		cut := detectSample
		for cut < len(text) && text[cut]&0xC0 == 0x80 {
			cut++
		}
		text = text[:cut]
	}
	code := ""
	if len(d.opts.Whitelist) > 0 {
		if info := whatlanggo.DetectWithOptions(text, d.opts); info.Lang.Iso6391() != "" {
			code = info.Lang.Iso6391()
		}
	}
	// distinctive letters decide for languages the model lacks, and between
	// languages that share a script
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	best, bestRatio := "", 0.0
	for c, set := range d.letters {
		n := 0
		for _, r := range text {
			if strings.ContainsRune(set, r) {
				n++
			}
		}
		if letters > 0 {
			if ratio := float64(n) / float64(letters); ratio >= 0.004 && ratio > bestRatio {
				best, bestRatio = c, ratio
			}
		}
	}
	if best != "" {
		if own, ok := d.letters[code]; !ok || best == code || ratioOf(text, own, letters) < bestRatio {
			code = best
		}
	}
	if code == "" || !d.allowed[code] {
		return d.def
	}
	return code
}

func ratioOf(text, set string, letters int) float64 {
	if letters == 0 {
		return 0
	}
	n := 0
	for _, r := range text {
		if strings.ContainsRune(set, r) {
			n++
		}
	}
	return float64(n) / float64(letters)
}
