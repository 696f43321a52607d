package quotesheet

import (
	"os"
	"testing"
)

func BenchmarkOneDoc(b *testing.B) {
	e := builtinEngine(b)
	data, _ := os.ReadFile(os.Getenv("DOC"))
	in := Input{Name: "x", Data: data}
	e.Document(in)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		e.Document(in)
	}
}
