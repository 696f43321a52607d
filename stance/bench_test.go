package stance

import (
	"fmt"
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// benchRows makes n rows of made-up news quotes in English and Chinese,
// grouped in paragraphs of four, as a long document would give them.
func benchRows(n int) ([]Input, int64) {
	quotes := []struct{ lang, quote, attribution string }{
		{"en", "We thank the CSTO peacekeepers for restoring order so quickly", "the president said in a televised address on Monday."},
		{"en", "The deployment of foreign troops is not legitimate and looks like an occupation", "an opposition deputy told reporters outside parliament."},
		{"en", "Washington does not understand what is happening in Central Asia", "the ministry spokeswoman said at her weekly briefing."},
		{"en", "Shops were looted and cars burned in the centre of the city", "a resident said."},
		{"en", "We respect the request for help, but we have serious questions about the mission", "a State Department official said."},
		{"zh", "我们感谢集安组织维和部队的帮助", "总统在电视讲话中说。"},
	}
	rows := make([]Input, n)
	var size int64
	for i := range rows {
		q := quotes[i%len(quotes)]
		para := fmt.Sprintf("Paragraph %d of the report. ", i/4)
		for k := i / 4 * 4; k < i/4*4+4; k++ {
			o := quotes[k%len(quotes)]
			para += "“" + o.quote + ",” " + o.attribution + " "
		}
		rows[i] = Input{Lang: q.lang, Kind: "direct", Speaker: fmt.Sprintf("Speaker %d", i%7), Attribution: "name",
			Quote: q.quote, Cue: "said", Context: "“" + q.quote + ",” " + q.attribution, Paragraph: para}
		size += int64(len(rows[i].Quote) + len(rows[i].Context) + len(rows[i].Cue))
		if i%4 == 0 {
			size += int64(len(para))
		}
	}
	return rows, size
}

func benchmarkDocument(b *testing.B, packs *lang.Set) {
	j, err := New(cstoTarget, packs)
	if err != nil {
		b.Fatal(err)
	}
	rows, size := benchRows(3000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		j.Document(rows)
	}
}

// BenchmarkDocument judges 3,000 rows with the small test lexicon; the bytes
// are those of the quotes, contexts and cues, and of each paragraph once.
func BenchmarkDocument(b *testing.B) { benchmarkDocument(b, testPacks()) }

// BenchmarkDocumentEmbedded does the same with the embedded language packs.
func BenchmarkDocumentEmbedded(b *testing.B) {
	packs, err := lang.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkDocument(b, packs)
}

// BenchmarkNew measures compiling every lexicon of the embedded packs.
func BenchmarkNew(b *testing.B) {
	packs, err := lang.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := New(cstoTarget, packs); err != nil {
			b.Fatal(err)
		}
	}
}
