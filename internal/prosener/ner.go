package prosener

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
)

//go:generate go run ../prosegen -d .
//go:embed basicwords.txt
var basicWords string

// featureOrder is the order in which prose adds a label's feature weights.
var featureOrder = [...]string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// Model is prose's English tagger and entity classifier. It is safe for
// concurrent use.
type Model struct {
	tagger *tagger
	labels []string
	// feats indexes the weights by feature: "name\x00value" -> the run of
	// weights[from:to], one per label that has the feature
	feats   *table
	weights []labelWeight
	basic   map[string]bool
}

type run struct{ from, to int32 }

type labelWeight struct {
	label int
	w     float64
}

// Load loads prose's English model. It takes about half a second; load it
// once and share it.
func Load() (*Model, error) {
	var mapping map[string]int
	var weights []float64
	var labels []string
	var err error
	for _, a := range []struct {
		name string
		into any
	}{{"mapping", &mapping}, {"weights", &weights}, {"labels", &labels}} {
		data, err := prose.Asset("model/Maxent/" + a.name + ".gob")
		if err != nil {
			return nil, fmt.Errorf("prosener: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("prosener: model/Maxent/%s.gob: %w", a.name, err)
		}
	}
	m := &Model{labels: labels, basic: map[string]bool{}}
	if len(labels) == 0 {
		return nil, fmt.Errorf("prosener: the model has no labels")
	}
	// prose's mapping keys are "name-value-label": split them back
	type entry struct {
		label int
		w     float64
	}
	byFeat := map[string][]entry{}
	var keys []string
	for k, idx := range mapping {
		name, value, label, err := split(k, labels)
		if err != nil {
			return nil, err
		}
		if idx < 0 || idx >= len(weights) {
			return nil, fmt.Errorf("prosener: feature %q has weight %d of %d", k, idx, len(weights))
		}
		f := name + "\x00" + value
		if _, ok := byFeat[f]; !ok {
			keys = append(keys, f)
		}
		byFeat[f] = append(byFeat[f], entry{label, weights[idx]})
	}
	m.weights = make([]labelWeight, 0, len(mapping))
	m.feats = newTable(len(keys))
	for _, f := range keys {
		r := run{from: int32(len(m.weights))}
		for _, e := range byFeat[f] {
			m.weights = append(m.weights, labelWeight(e))
		}
		r.to = int32(len(m.weights))
		if !m.feats.put(f, r) {
			return nil, fmt.Errorf("prosener: feature %q: table full", f)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(basicWords))
	for sc.Scan() {
		if w := sc.Text(); w != "" && !strings.HasPrefix(w, "#") {
			m.basic[w] = true
		}
	}
	if m.tagger, err = loadTagger(); err != nil {
		return nil, err
	}
	return m, nil
}

// split splits a key of prose's feature mapping into the feature's name,
// its value and the label. Exactly one split must fit.
func split(k string, labels []string) (name, value string, label int, err error) {
	n := 0
	for _, f := range featureOrder {
		if len(k) <= len(f) || k[len(f)] != '-' || k[:len(f)] != f {
			continue
		}
		for i, l := range labels {
			if e := len(k) - len(l); e >= len(f)+1 && k[e-1] == '-' && k[e:] == l {
				name, value, label = f, k[len(f)+1:e-1], i
				n++
			}
		}
	}
	if n != 1 {
		return "", "", 0, fmt.Errorf("prosener: feature %q splits %d ways into name, value and label", k, n)
	}
	return name, value, label, nil
}

// Entities returns the named entities prose finds in text, a sentence or
// a part of one: their words joined by single spaces, and their labels
// (PERSON, GPE, ORGANIZATION, ...).
func (m *Model) Entities(text string) []prose.Entity {
	toks, ok := tokenize(text)
	if !ok {
		return nil
	}
	m.tagger.tag(toks)
	m.classify(toks)
	return chunk(toks)
}

// tokenize splits text into tokens with prose's tokenizer. It reports
// false where prose fails: its tokenizer slices a word at offsets found in
// the word's lower case, and panics where that is longer ("ȺȺȺ'm").
func tokenize(text string) (toks []prose.Token, ok bool) {
	defer func() {
		if recover() != nil {
			toks, ok = nil, false
		}
	}()
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	return doc.Tokens(), true
}

// classify labels the tagged tokens, as prose's entity classifier does.
func (m *Model) classify(toks []prose.Token) {
	history := make([]string, len(toks))
	scores := make([]float64, len(m.labels))
	var key []byte
	for i := range toks {
		var f [len(featureOrder)]string
		word := toks[i].Text
		lower := strings.ToLower(word)
		prevShape := "None"
		f[0] = "True"
		if m.basic[word] {
			f[1] = "True"
		} else {
			f[1] = "False"
		}
		if i == len(toks)-1 {
			f[3], f[2] = "None", "None"
		} else {
			f[3] = strings.ToLower(toks[i+1].Text)
			f[2] = strings.ToLower(toks[i+1].Tag)
		}
		f[4] = toks[i].Tag
		switch i {
		case 0:
			f[8], f[9], f[7] = "None", "None", "None"
		default:
			f[9] = strings.ToLower(toks[i-1].Text)
			f[7] = toks[i-1].Tag
			f[8] = history[i-1]
			if i > 1 {
				prevShape = shape(toks[i-1].Text)
			}
		}
		f[5] = f[4] + "+" + f[8]
		f[6] = strings.ToLower(word[:min(len(word), 3)])
		f[10] = shape(word)
		f[11] = prevShape + "+" + f[8]
		f[12] = strings.ToLower(word[len(word)-min(len(word), 3):])
		f[13] = word
		f[14] = lower + "+" + f[2]
		f[15] = lower
		f[16] = strconv.Itoa(len(word))

		clear(scores)
		for k, name := range featureOrder {
			key = append(append(append(key[:0], name...), 0), f[k]...)
			r, ok := m.feats.get(key)
			if !ok {
				continue
			}
			for _, lw := range m.weights[r.from:r.to] {
				scores[lw.label] += lw.w
			}
		}
		best, bestScore := 0, math.Inf(-1)
		for l, s := range scores {
			if s > bestScore {
				best, bestScore = l, s
			}
		}
		toks[i].Label = m.labels[best]
		history[i] = simplePOS(toks[i].Label)
	}
}

// shape is prose's word shape: "number", "punct" (the word ends in a
// character that is not an ASCII letter, digit or underscore), "downcase",
// "upcase", "mixedcase", or "other" for the empty word.
func shape(word string) string {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return "number"
	}
	if word == "" {
		return "other"
	}
	if c := word[len(word)-1]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_') {
		return "punct"
	}
	switch {
	case strings.ToLower(word) == word:
		return "downcase"
	case strings.Title(word) == word: //nolint:staticcheck // prose's own test
		return "upcase"
	}
	return "mixedcase"
}

// simplePOS is the history prose keeps of a label.
func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	s, _, _ := strings.Cut(label, "-")
	return s
}

// chunk joins the labelled tokens into entities, as prose does: an entity
// still open at the last token is not given.
func chunk(toks []prose.Token) []prose.Entity {
	var out []prose.Entity
	end := ""
	var parts []prose.Token
	for _, tok := range toks {
		label := tok.Label
		n := len(parts)
		if (label != "O" && label != end) || (n > 0 && tok.Tag == parts[n-1].Tag) || (n > 0 && tok.Tag == "CD" && parts[n-1].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, tok)
		} else if (label == "O" && end != "") || label == end {
			if label != "O" {
				parts = append(parts, tok)
			}
			out = append(out, coalesce(parts))
			end = ""
			parts = parts[:0:0]
		}
	}
	return out
}

// coalesce makes one entity of its tokens.
func coalesce(parts []prose.Token) prose.Entity {
	words := make([]string, len(parts))
	person := false
	for i, t := range parts {
		words[i] = t.Text
		person = person || t.Label == "B-PERSON"
	}
	label := "PERSON" // prose: "PERSON takes precedence because it's hard to identify"
	if !person || len(parts) != 2 {
		_, label, _ = strings.Cut(parts[0].Label, "-")
		label, _, _ = strings.Cut(label, "-")
	}
	return prose.Entity{Label: label, Text: strings.Join(words, " ")}
}
