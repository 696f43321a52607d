package modsrc

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLiterals(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	src := `package x

var (
	list = []string{"a", "b"}
	set  = map[string]int{"c": 1}
	n    = 3
	a, b = []int{1}, struct{}{}
)

var one = [...]string{"d"}
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lits, err := Literals(file)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"list": 2, "set": 1, "a": 1, "b": 0, "one": 1}
	if len(lits) != len(want) {
		t.Errorf("got %d literals, want %d", len(lits), len(want))
	}
	for name, n := range want {
		if lit, ok := lits[name]; !ok || len(lit.Elts) != n {
			t.Errorf("%s: got %v, want %d elements", name, lit, n)
		}
	}
	if _, err := Literals(filepath.Join(t.TempDir(), "missing.go")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestLocate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir, version, err := Locate("github.com/jdkato/prose/v2")
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil || version == "" {
		t.Errorf("Locate = %q, %q: %v", dir, version, err)
	}
}
