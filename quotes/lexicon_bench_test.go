package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// BenchmarkLexicon runs each language pack's lexicon over the texts of its
// extraction cases (quotes/testdata/lang), all languages in one op.
func BenchmarkLexicon(b *testing.B) {
	packs, err := lang.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		c      *compiled
		text   string
		folded []byte
		starts []int32
	}
	var docs []doc
	var total int64
	for _, code := range packs.Codes() {
		data, err := os.ReadFile(filepath.Join("testdata", "lang", code+".yaml"))
		if err != nil {
			continue
		}
		var cases []struct {
			Text string `yaml:"text"`
		}
		if err := yaml.Unmarshal(data, &cases); err != nil {
			b.Fatal(err)
		}
		var texts []string
		for _, c := range cases {
			texts = append(texts, c.Text)
		}
		text := strings.Join(texts, "\n\n")
		_, _, starts := indexText(text)
		docs = append(docs, doc{compile(packs.Get(code)), text, fold(text), starts})
		total += int64(len(text))
	}
	if len(docs) == 0 {
		b.Skip("no case texts")
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.c.lex.find(d.text, d.folded, d.starts)
		}
	}
}
