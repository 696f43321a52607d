package prosener

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

//go:embed emoticons.txt
var emoticonList string

// prose's patterns of the tokens it tags as they are
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// tagger is prose's averaged-perceptron part-of-speech tagger.
type tagger struct {
	classes []string
	tags    map[string]string // words that always take one tag
	// feats indexes the weights by feature: its key -> weights[from:to],
	// one per class the feature has a weight for
	feats     *table
	weights   []labelWeight
	emoticons map[string]bool
}

func loadTagger() (*tagger, error) {
	var wts map[string]map[string]float64
	t := &tagger{emoticons: map[string]bool{}}
	for _, a := range []struct {
		name string
		into any
	}{{"classes", &t.classes}, {"tags", &t.tags}, {"weights", &wts}} {
		data, err := prose.Asset("model/AveragedPerceptron/" + a.name + ".gob")
		if err != nil {
			return nil, fmt.Errorf("prosener: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("prosener: model/AveragedPerceptron/%s.gob: %w", a.name, err)
		}
	}
	class := map[string]int{}
	for i, c := range t.classes {
		class[c] = i
	}
	t.feats = newTable(len(wts))
	for f, ws := range wts {
		r := run{from: int32(len(t.weights))}
		for c, w := range ws {
			i, ok := class[c]
			if !ok {
				// prose scores such a class too; keep it, at the end
				i = len(t.classes)
				class[c] = i
				t.classes = append(t.classes, c)
			}
			t.weights = append(t.weights, labelWeight{i, w})
		}
		r.to = int32(len(t.weights))
		if !t.feats.put(f, r) {
			return nil, fmt.Errorf("prosener: tagger feature %q: table full", f)
		}
	}
	for _, l := range strings.Split(emoticonList, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			t.emoticons[l] = true
		}
	}
	return t, nil
}

// tag sets the part-of-speech tag of every token, as prose's tagger does.
func (t *tagger) tag(toks []prose.Token) {
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, tok := range toks {
		ctx[i+2] = normalize(tok.Text)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	scores := make([]float64, len(t.classes))
	seen := make([]bool, len(t.classes))
	p1, p2 := "-START-", "-START2-"
	var key []byte
	for i := range toks {
		word := toks[i].Text
		var tag string
		switch {
		case word == "-":
			tag = "-"
		case t.emoticons[word]:
			tag = "SYM"
		case commonregex.LinkRegex.MatchString(word) || commonregex.EmailRegex.MatchString(word) || strings.HasPrefix(word, "@"):
			tag = "NN"
		case noneRE.MatchString(word):
			tag = "-NONE-"
		case keepRE.MatchString(word):
			tag = word
		default:
			var ok bool
			if tag, ok = t.tags[word]; !ok {
				tag = t.predict(i, ctx, word, p1, p2, scores, seen, &key)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// predict scores the features of the word at i, as prose's featurize and
// predict do, and returns the best class; "" when no feature is known.
func (t *tagger) predict(i int, ctx []string, w, p1, p2 string, scores []float64, seen []bool, key *[]byte) string {
	clear(scores)
	clear(seen)
	i += 2
	suffix := func(s string) string { return s[len(s)-min(len(s), 3):] }
	add := func(parts ...string) {
		k := (*key)[:0]
		for j, p := range parts {
			if j > 0 {
				k = append(k, ' ')
			}
			k = append(k, p...)
		}
		*key = k
		r, ok := t.feats.get(k)
		if !ok {
			return
		}
		for _, lw := range t.weights[r.from:r.to] {
			scores[lw.label] += lw.w
			seen[lw.label] = true
		}
	}
	add("bias")
	add("i suffix", suffix(w))
	pref1 := "" // prose fails on an empty word; its tokens have none
	if w != "" {
		pref1 = string(rune(w[0])) // a byte as a code point, as prose has it
	}
	add("i pref1", pref1)
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", suffix(ctx[i-1]))
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", suffix(ctx[i+1]))
	add("i+2 word", ctx[i+2])
	best, bestScore := "", math.Inf(-1)
	for c, s := range scores {
		if seen[c] && s > bestScore {
			best, bestScore = t.classes[c], s
		}
	}
	return best
}

// normalize is prose's form of a word in the tagger's context.
func normalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
