package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"strconv"
	gostrings "strings"

	"github.com/quotesheet/quotesheet/internal/modsrc"
)

func main() {
	dir := flag.String("d", "internal/prosener", "output directory")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "prosegen:", err)
		os.Exit(1)
	}
}

func run(outDir string) error {
	modDir, version, err := modsrc.Locate("github.com/jdkato/prose/v2")
	if err != nil {
		return err
	}
	for _, f := range []struct{ src, name, out, what string }{
		{"words.go", "enWordList", "basicwords.txt", `the words of prose's "en-wordlist" entity feature`},
		{"tokenize.go", "emoticons", "emoticons.txt", "the emoticons prose's tagger tags SYM"},
	} {
		words, err := strings(filepath.Join(modDir, f.src), f.name)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "# %s of github.com/jdkato/prose/v2 %s (MIT licence, see its LICENSE),\n", f.name, version)
		fmt.Fprintf(&b, "# written by internal/prosegen: %s.\n", f.what)
		for _, w := range words {
			b.WriteString(w + "\n")
		}
		if err := os.WriteFile(filepath.Join(outDir, f.out), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// strings returns the strings of the variable name in file, in order: the
// elements of a slice literal, or the keys of a map literal.
func strings(file, name string) ([]string, error) {
	lits, err := modsrc.Literals(file)
	if err != nil {
		return nil, err
	}
	list, ok := lits[name]
	if !ok {
		return nil, fmt.Errorf("%s: no composite literal %s", file, name)
	}
	var words []string
	for _, el := range list.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Key
		}
		lit, ok := el.(*ast.BasicLit)
		if !ok {
			return nil, fmt.Errorf("%s: %s holds a non-literal", file, name)
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return nil, err
		}
		if s == "" || gostrings.ContainsAny(s, "\n") || s[0] == '#' {
			return nil, fmt.Errorf("%s: word %q cannot be written one a line", file, s)
		}
		words = append(words, s)
	}
	return words, nil
}
