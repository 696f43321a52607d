package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("o", "internal/prosener/basicwords.txt", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "prosegen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", "github.com/jdkato/prose/v2").Output()
	if err != nil {
		return fmt.Errorf("locating prose: %w", err)
	}
	modDir, version, _ := strings.Cut(strings.TrimSpace(string(dir)), " ")
	words, err := Words(filepath.Join(modDir, "words.go"))
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The word list of github.com/jdkato/prose/v2 %s (MIT licence, see its LICENSE),\n", version)
	fmt.Fprintf(&b, "# written by internal/prosegen: the words of prose's \"en-wordlist\" entity feature.\n")
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// Words returns the strings of the enWordList variable in file, in order.
func Words(file string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return nil, err
	}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if vs.Names[0].Name != "enWordList" || len(vs.Values) != 1 {
				continue
			}
			list, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok {
				return nil, fmt.Errorf("%s: enWordList is not a composite literal", file)
			}
			var words []string
			for _, el := range list.Elts {
				lit, ok := el.(*ast.BasicLit)
				if !ok {
					return nil, fmt.Errorf("%s: enWordList holds a non-literal", file)
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return nil, err
				}
				if s == "" || strings.ContainsAny(s, "\n#") {
					return nil, fmt.Errorf("%s: word %q cannot be written one a line", file, s)
				}
				words = append(words, s)
			}
			return words, nil
		}
	}
	return nil, fmt.Errorf("%s: no enWordList", file)
}
