package modsrc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"strings"
)

// Locate returns the directory that holds module path, as this build
// requires it, and its version.
func Locate(path string) (dir, version string, err error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}} {{.Version}}", path).Output()
	if err != nil {
		return "", "", fmt.Errorf("locating %s: %w", path, err)
	}
	dir, version, _ = strings.Cut(strings.TrimSpace(string(out)), " ")
	if dir == "" {
		return "", "", fmt.Errorf("locating %s: the module is not downloaded", path)
	}
	return dir, version, nil
}

// Literals returns the package variables of a Go source file that are set
// to a composite literal, by name.
func Literals(file string) (map[string]*ast.CompositeLit, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		return nil, err
	}
	out := map[string]*ast.CompositeLit{}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.CompositeLit); ok {
						out[name.Name] = lit
					}
				}
			}
		}
	}
	return out, nil
}
