package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/abadojack/whatlanggo"

	"github.com/quotesheet/quotesheet/internal/modsrc"
)

// scripts names the script of each profile list of the module.
var scripts = map[string]string{
	"latinLangs":      "Latin",
	"cyrillicLangs":   "Cyrillic",
	"arabicLangs":     "Arabic",
	"devanagariLangs": "Devanagari",
	"hebrewLangs":     "Hebrew",
	"ethiopicLangs":   "Ethiopic",
}

// single are the scripts the module gives one language without trigrams.
var single = [][2]string{
	{"Han", "zh"}, {"Japanese", "ja"}, {"Hangul", "ko"}, {"Georgian", "ka"}, {"Greek", "el"},
}

func main() {
	out := flag.String("o", "quotes/trigrams.tsv", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "trigramgen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	modDir, version, err := modsrc.Locate("github.com/abadojack/whatlanggo")
	if err != nil {
		return err
	}
	file := filepath.Join(modDir, "lang.go")
	lits, err := modsrc.Literals(file)
	if err != nil {
		return err
	}
	var lines []string
	for name, script := range scripts {
		list, ok := lits[name]
		if !ok {
			return fmt.Errorf("%s: no composite literal %s", file, name)
		}
		for _, el := range list.Elts {
			kv := el.(*ast.KeyValueExpr)
			code := strings.ToLower(kv.Key.(*ast.Ident).Name)
			if c := whatlanggo.CodeToLang(code).Iso6391(); c != "" {
				code = c
			}
			var tris []string
			for _, t := range kv.Value.(*ast.CompositeLit).Elts {
				s, err := strconv.Unquote(t.(*ast.BasicLit).Value)
				if err != nil {
					return err
				}
				if strings.ContainsAny(s, "|\t\n") {
					return fmt.Errorf("%s: trigram %q of %s holds a separator", file, s, code)
				}
				tris = append(tris, s)
			}
			lines = append(lines, script+"\t"+code+"\t"+strings.Join(tris, "|"))
		}
	}
	if len(lines) == 0 {
		return fmt.Errorf("%s: no profiles found", file)
	}
	sort.Strings(lines)
	for _, s := range single {
		lines = append(lines, s[0]+"\t"+s[1]+"\t")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Trigram profiles of github.com/abadojack/whatlanggo %s (MIT licence, see its LICENSE),\n", version)
	fmt.Fprintf(&b, "# written by internal/trigramgen. script<TAB>language<TAB>trigrams, most frequent first, '|' between.\n")
	fmt.Fprintf(&b, "# A script with one language and no trigrams is that language.\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}
