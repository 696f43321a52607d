package quotes_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/quotesheet/quotesheet/quotes"
)

// BenchmarkMentionsEval reads each article of the evaluation corpus, in the
// language of its folder, up to its mentions: what extraction reads of a
// document before it looks for quotations.
func BenchmarkMentionsEval(b *testing.B) {
	x := defaultExtractor(b)
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "eval", "*", "docs", "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []*quotes.Document
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d, err := quotes.NewDocument(p, data)
		if err != nil {
			continue
		}
		d.Lang = filepath.Base(filepath.Dir(filepath.Dir(p)))
		docs = append(docs, d)
		total += int64(len(d.Text))
	}
	if len(docs) == 0 {
		b.Skip("no evaluation corpus")
	}
	b.SetBytes(total)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			n += x.Mentions(d)
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "mentions/op")
}
