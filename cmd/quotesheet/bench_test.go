package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet"
)

// root is the module's directory, where the corpora are, from this
// package's.
var root = filepath.Join("..", "..")

// builtinEngine returns the engine of the built-in configuration, built
// once.
func builtinEngine(tb testing.TB) *quotesheet.Engine {
	tb.Helper()
	benchOnce.Do(func() {
		cfg, err := quotesheet.LoadConfig("", nil)
		if err != nil {
			benchErr = err
			return
		}
		benchEngine, benchErr = quotesheet.NewEngine(cfg)
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchEngine
}

var (
	benchOnce   sync.Once
	benchEngine *quotesheet.Engine
	benchErr    error
)

// benchDoc is one document of the benchmark corpus.
type benchDoc struct {
	lang   string
	script string
	data   []byte
}

// benchMinDoc is the size a corpus document is grown to: a language's case
// texts are repeated until the document holds at least this many bytes.
const benchMinDoc = 8 << 10

var (
	corpusOnce sync.Once
	corpus     []benchDoc
	corpusErr  error
)

// benchCorpus builds, once, a multilingual corpus from the texts of every
// case in quotes/testdata/lang/*.yaml: one document per language, its case
// texts joined as paragraphs and repeated to 8-20 KB.
func benchCorpus(tb testing.TB) []benchDoc {
	tb.Helper()
	corpusOnce.Do(func() { corpus, corpusErr = loadCorpus() })
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return corpus
}

func loadCorpus() ([]benchDoc, error) {
	files, err := filepath.Glob(filepath.Join(root, "quotes", "testdata", "lang", "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no language cases in quotes/testdata/lang")
	}
	sort.Strings(files)
	cfg, err := quotesheet.LoadConfig("", nil)
	if err != nil {
		return nil, err
	}
	packs, err := cfg.PackSet()
	if err != nil {
		return nil, err
	}
	var docs []benchDoc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var cases []struct {
			Text string `yaml:"text"`
		}
		if err := yaml.Unmarshal(data, &cases); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		var texts []string
		for _, c := range cases {
			if t := strings.TrimSpace(c.Text); t != "" {
				texts = append(texts, t)
			}
		}
		if len(texts) == 0 {
			continue
		}
		unit := strings.Join(texts, "\n\n") + "\n\n"
		var b strings.Builder
		for b.Len() < benchMinDoc {
			b.WriteString(unit)
		}
		code := strings.TrimSuffix(filepath.Base(f), ".yaml")
		script := "Other"
		if p := packs.Get(code); p != nil {
			script, _, _ = strings.Cut(p.Script, ",")
		}
		docs = append(docs, benchDoc{lang: code, script: script, data: []byte(b.String())})
	}
	return docs, nil
}

// runExtract runs every document of docs through e once per iteration;
// with givenLang the documents come with their language, as a JSON Lines
// record's "lang" gives it, and detection is skipped.
func runExtract(b *testing.B, e *quotesheet.Engine, docs []benchDoc, givenLang bool) {
	b.Helper()
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	var total int64
	for _, d := range docs {
		total += int64(len(d.data))
	}
	inputs := make([]quotesheet.Input, len(docs))
	for i, d := range docs {
		inputs[i] = quotesheet.Input{Name: d.lang + ".txt", Data: d.data}
		if givenLang {
			inputs[i].Lang = d.lang
		}
	}
	// warm up: compile the packs and load the NER model before timing
	nq := 0
	for _, in := range inputs {
		rows, err := e.Document(in)
		if err != nil {
			b.Fatalf("%s: %v", in.Name, err)
		}
		nq += len(rows)
	}
	if nq == 0 {
		b.Fatal("the corpus gave no quotes")
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, in := range inputs {
			if _, err := e.Document(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(nq), "quotes/op")
}

// BenchmarkExtract runs the whole multilingual corpus through the engine of
// the built-in configuration (language detection, extraction, stance), the
// same with the language given (no detection), and each script's documents
// on their own.
func BenchmarkExtract(b *testing.B) {
	docs := benchCorpus(b)
	e := builtinEngine(b)
	b.Run("all", func(b *testing.B) { runExtract(b, e, docs, false) })
	b.Run("all-lang-given", func(b *testing.B) { runExtract(b, e, docs, true) })
	byScript := map[string][]benchDoc{}
	for _, d := range docs {
		byScript[d.script] = append(byScript[d.script], d)
	}
	scripts := make([]string, 0, len(byScript))
	for s := range byScript {
		scripts = append(scripts, s)
	}
	sort.Strings(scripts)
	for _, s := range scripts {
		b.Run(s, func(b *testing.B) { runExtract(b, e, byScript[s], false) })
	}
}

// BenchmarkExtractEnglish runs the English documents alone, with prose's
// NER on (the built-in configuration) and off, to show what it costs.
func BenchmarkExtractEnglish(b *testing.B) {
	var en []benchDoc
	for _, d := range benchCorpus(b) {
		if d.lang == "en" {
			en = append(en, d)
		}
	}
	b.Run("ner=on", func(b *testing.B) { runExtract(b, builtinEngine(b), en, false) })
	b.Run("ner=off", func(b *testing.B) {
		cfg, err := quotesheet.LoadConfig("", nil)
		if err != nil {
			b.Fatal(err)
		}
		cfg.NER = false
		e, err := quotesheet.NewEngine(cfg)
		if err != nil {
			b.Fatal(err)
		}
		runExtract(b, e, en, false)
	})
}

// BenchmarkExtractSeeds runs the sample articles of seeds/ (news as
// published, in Arabic, Hindi, English and Polish) through the engine.
func BenchmarkExtractSeeds(b *testing.B) {
	runExtract(b, builtinEngine(b), folderDocs(b, filepath.Join(root, "seeds")), false)
}

// BenchmarkExtractNews runs the news reports of testdata/news through the
// engine: 24 reports in 14 languages, briefs of a few hundred bytes and
// stories of 3-6 KB with the quotes, datelines and names off the roster of
// wire copy (written for the benchmark).
func BenchmarkExtractNews(b *testing.B) {
	runExtract(b, builtinEngine(b), folderDocs(b, filepath.Join(root, "testdata", "news")), false)
}

// BenchmarkExtractEval runs the articles of the evaluation corpus
// (testdata/eval/*/docs: 148 news articles in 39 languages, 1-6 KB each)
// through the engine: the multilingual news the tool is measured on.
func BenchmarkExtractEval(b *testing.B) {
	dirs, err := filepath.Glob(filepath.Join(root, "testdata", "eval", "*", "docs"))
	if err != nil || len(dirs) == 0 {
		b.Skip("no evaluation corpus")
	}
	var docs []benchDoc
	for _, d := range dirs {
		docs = append(docs, folderDocs(b, d)...)
	}
	runExtract(b, builtinEngine(b), docs, false)
}

// folderDocs reads the *.txt files of dir as benchmark documents.
func folderDocs(b *testing.B, dir string) []benchDoc {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no documents in %s", dir)
	}
	var docs []benchDoc
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, benchDoc{lang: filepath.Base(f), data: data})
	}
	return docs
}

// BenchmarkExtractLongDocument runs one long document (every language's
// cases repeated to about 1 MB) so that work that grows faster than the
// text shows up as a falling MB/s.
func BenchmarkExtractLongDocument(b *testing.B) {
	var long []byte
	for _, d := range benchCorpus(b) {
		long = append(long, d.data...)
		long = append(long, '\n')
	}
	for len(long) < 1<<20 {
		long = append(long, long...)
	}
	runExtract(b, builtinEngine(b), []benchDoc{{lang: "mixed", data: long}}, false)
}
