package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// caseTexts returns the texts of each embedded pack's extraction cases
// (quotes/testdata/lang), by language code.
func caseTexts(tb testing.TB) (*lang.Set, map[string][]string) {
	tb.Helper()
	packs, err := lang.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]string{}
	for _, code := range packs.Codes() {
		data, err := os.ReadFile(filepath.Join("testdata", "lang", code+".yaml"))
		if err != nil {
			continue
		}
		var cases []struct {
			Text string `yaml:"text"`
		}
		if err := yaml.Unmarshal(data, &cases); err != nil {
			tb.Fatal(err)
		}
		for _, c := range cases {
			out[code] = append(out[code], c.Text)
		}
	}
	if len(out) == 0 {
		tb.Skip("no case texts")
	}
	return packs, out
}

// lexDoc is a text indexed for a lexicon benchmark, with its language's
// compiled pack.
type lexDoc struct {
	c      *compiled
	text   string
	folded []byte
	starts []int32
}

// newLexDoc indexes text for the lexicons of c.
func newLexDoc(c *compiled, text string) lexDoc {
	folded, _, starts := indexText(text)
	return lexDoc{c, text, folded, starts}
}

// BenchmarkLexicon runs each language pack's lexicon over the texts of its
// extraction cases, all languages in one op.
func BenchmarkLexicon(b *testing.B) {
	packs, texts := caseTexts(b)
	var docs []lexDoc
	var total int64
	for _, code := range packs.Codes() {
		if len(texts[code]) == 0 {
			continue
		}
		text := strings.Join(texts[code], "\n\n")
		docs = append(docs, newLexDoc(compile(packs.Get(code)), text))
		total += int64(len(text))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.c.lex.find(d.text, d.folded, d.starts)
		}
	}
}

// BenchmarkDetect detects the language of each pack's case texts, each text
// a document, as short news items would come.
func BenchmarkDetect(b *testing.B) {
	packs, byCode := caseTexts(b)
	d, err := NewDetector(packs, nil, "en")
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var total int64
	for _, code := range packs.Codes() {
		for _, t := range byCode[code] {
			texts = append(texts, t)
			total += int64(len(t))
		}
	}
	runDetect(b, d, texts, total)
}

// evalDocs returns the articles of the evaluation corpus (testdata/eval),
// each with the language of its folder.
func evalDocs(tb testing.TB) []*Document {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "eval", "*", "docs", "*.txt"))
	var out []*Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := NewDocument(p, data)
		if err != nil {
			tb.Fatal(err)
		}
		d.Lang = filepath.Base(filepath.Dir(filepath.Dir(p)))
		out = append(out, d)
	}
	if len(out) == 0 {
		tb.Skip("no evaluation corpus")
	}
	return out
}

// BenchmarkDetectEval detects the language of each article of the
// evaluation corpus.
func BenchmarkDetectEval(b *testing.B) {
	packs, err := lang.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	d, err := NewDetector(packs, nil, "en")
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var total int64
	for _, d := range evalDocs(b) {
		texts = append(texts, d.Text)
		total += int64(len(d.Text))
	}
	runDetect(b, d, texts, total)
}

// runDetect times the detection of texts, total bytes in all.
func runDetect(b *testing.B, d *Detector, texts []string, total int64) {
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			d.Detect(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts))/1e3, "µs/text")
}

// BenchmarkNamesEval finds the lexicon words and the roster's names of
// config.yaml in each article of the evaluation corpus, each read as the
// language of its folder, as a document's state does.
func BenchmarkNamesEval(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "config.yaml"))
	if err != nil {
		b.Skip("no config.yaml")
	}
	var cfg struct {
		Speakers []Speaker `yaml:"speakers"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		b.Fatal(err)
	}
	packs, err := lang.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	x, err := New(Config{Packs: packs, Speakers: cfg.Speakers})
	if err != nil {
		b.Fatal(err)
	}
	var docs []lexDoc
	var total int64
	for _, d := range evalDocs(b) {
		docs = append(docs, newLexDoc(x.pack(d.Lang), d.Text))
		total += int64(len(d.Text))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	var nameStarts []int32
	var bufA, bufB []hit
	for b.Loop() {
		for _, d := range docs {
			switch c := d.c; {
			case c.both != nil:
				bufA, bufB = c.both.find(d.text, d.folded, d.starts, bufA, bufB)
			case len(c.prefixes) > 0:
				nameStarts = c.prefixStarts(nameStarts[:0], d.folded, d.text, d.starts)
				c.lex.find(d.text, d.folded, d.starts)
				c.names.find(d.text, d.folded, nameStarts)
			default:
				c.lex.find(d.text, d.folded, d.starts)
				c.names.find(d.text, d.folded, d.starts)
			}
		}
	}
}
