package quotes_test

import (
	"testing"

	"github.com/quotesheet/quotesheet/quotes"
)

// BenchmarkMentionsEval reads each article of the evaluation corpus, in the
// language of its folder, up to its mentions: what extraction reads of a
// document before it looks for quotations.
func BenchmarkMentionsEval(b *testing.B) {
	x := defaultExtractor(b)
	docs := quotes.EvalDocs(b)
	var total int64
	for _, d := range docs {
		total += int64(len(d.Text))
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
