package prosener

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

const benchText = "Rustam Nazarov, who chairs the water committee of the upper chamber, told the Senate in Tashkent on Monday that the new canal would take a third of the river's flow."

// BenchmarkEntities compares the entities of one sentence here and in
// prose itself.
func BenchmarkEntities(b *testing.B) {
	m := testModel(b)
	b.Run("prosener", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			m.Entities(benchText)
		}
	})
	b.Run("prose", func(b *testing.B) {
		b.SetBytes(int64(len(benchText)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			doc, err := prose.NewDocument(benchText, prose.UsingModel(proseModel), prose.WithSegmentation(false))
			if err != nil {
				b.Fatal(err)
			}
			doc.Entities()
		}
	})
}
