package quotesheet

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quotesheet/quotesheet/internal/testfs"
)

// got is what ReadInputs emitted for one input, for comparing.
type got struct {
	name, data, lang, url, date string
	err                         string // "" when the input was read
}

func readAll(t *testing.T, paths []string, stdin string) []got {
	t.Helper()
	var gs []got
	ReadInputs(paths, strings.NewReader(stdin), func(in Input) {
		g := got{name: in.Name, data: string(in.Data), lang: in.Lang, url: in.URL, date: in.Date}
		if in.Err != nil {
			g.err = in.Err.Error()
			if in.Data != nil {
				t.Errorf("%s: emitted with both data and error %v", in.Name, in.Err)
			}
		}
		gs = append(gs, g)
	})
	return gs
}

// check compares gs with want; a want err is a piece the error must hold.
func check(t *testing.T, gs, want []got) {
	t.Helper()
	if len(gs) != len(want) {
		t.Errorf("%d inputs, want %d:\n got %q\nwant %q", len(gs), len(want), gs, want)
	}
	for i := range min(len(gs), len(want)) {
		g, w := gs[i], want[i]
		gerr, werr := g.err, w.err
		g.err, w.err = "", ""
		if g != w || (werr == "") != (gerr == "") || !strings.Contains(gerr, werr) {
			t.Errorf("input %d:\n got %q (error %q)\nwant %q (error holding %q)", i, g, gerr, w, werr)
		}
	}
}

func TestReadInputsFolder(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"b.txt":                 "bee",
		"a.md":                  "ay",
		"Zeta.TXT":              "zeta",
		"sub/c.txt":             "see",
		"sub/deeper/d.md":       "dee",
		"sub/recs.jsonl":        `{"id":"r1","text":"record"}` + "\n",
		"README.md":             "about this folder",
		"sub/readme.MD":         "about sub",
		"notes.html":            "<p>not an article</p>",
		"data.csv":              "a,b",
		".git/HEAD.txt":         "hidden folder",
		"sub/.cache/e.txt":      "hidden folder",
		".draft.txt":            "hidden file",
		"sub/._c.txt":           "\x00\x05\x16\x07 resource fork",
		"folder.txt/inside.txt": "a folder named like a file",
	})
	check(t, readAll(t, []string{dir}, ""), []got{
		{name: "Zeta.TXT", data: "zeta"},
		{name: "a.md", data: "ay"},
		{name: "b.txt", data: "bee"},
		{name: "folder.txt/inside.txt", data: "a folder named like a file"},
		{name: "sub/c.txt", data: "see"},
		{name: "sub/deeper/d.md", data: "dee"},
		{name: "r1", data: "record"},
	})
	// A file named on the command line is read whatever its name, under its base name.
	check(t, readAll(t, []string{filepath.Join(dir, "notes.html"), filepath.Join(dir, "sub", "c.txt")}, ""), []got{
		{name: "notes.html", data: "<p>not an article</p>"},
		{name: "c.txt", data: "see"},
	})
}

func TestReadInputsJSONL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.jsonl")
	lines := []string{
		"\ufeff" + `{"id":"kz-001","text":"first","lang":"kk","url":"https://example.kz/1","date":"2022-01-06"}`, // 1, after a byte order mark
		`{"text":"no id here","lang":"ru"}`, // 2
		``,                                  // 3: blank lines are skipped
		`{"id":"kz-004","text":`,            // 4: cut short
		`{"id":"kz-005","lang":"en"}`,       // 5: no text
		`{"id":"kz-006","text":""}`,         // 6: empty text is the engine's to refuse
		`{"id":"kz-007","text":"one"} {"id":"kz-008","text":"two"}`,   // 7: two records on a line
		`{"id":"kz-001","text":"again"}`,                              // 8: an id taken by line 1
		`  {"id":"kz-009","text":"spaced\nlines","extra":1}  ` + "\r", // 9: unknown fields ignored, CRLF
		`["not", "an", "object"]`,                                     // 10
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check(t, readAll(t, []string{path}, ""), []got{
		{name: "kz-001", data: "first", lang: "kk", url: "https://example.kz/1", date: "2022-01-06"},
		{name: "feed.jsonl:2", data: "no id here", lang: "ru"},
		{name: "feed.jsonl:4", err: "bad JSON record"},
		{name: "feed.jsonl:5", err: `no "text"`},
		{name: "kz-006", data: ""},
		{name: "feed.jsonl:7", err: "bad JSON record"},
		{name: "kz-001", err: "already taken by " + path + ":1"},
		{name: "kz-009", data: "spaced\nlines"},
		{name: "feed.jsonl:10", err: "bad JSON record"},
	})
}

func TestReadInputsStdinAndErrors(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"one/x.txt": "first x", "two/x.txt": "second x"})
	missing := filepath.Join(dir, "missing.txt")
	gs := readAll(t, []string{"-", missing, filepath.Join(dir, "one", "x.txt"), filepath.Join(dir, "two", "x.txt"), "-"}, "from standard input")
	check(t, gs, []got{
		{name: "-", data: "from standard input"},
		{name: missing, err: "no such file"},
		{name: "x.txt", data: "first x"},
		// Two documents of one name would share their ids in the reports.
		{name: "x.txt", err: filepath.Join(dir, "two", "x.txt") + ": the name is already taken by " + filepath.Join(dir, "one", "x.txt")},
		{name: "-", err: "already taken by standard input"},
	})

	// The error of a missing input is fs.ErrNotExist, without the path twice.
	ReadInputs([]string{missing}, nil, func(in Input) {
		if !errors.Is(in.Err, fs.ErrNotExist) || strings.Contains(in.Err.Error(), missing) {
			t.Errorf("missing input: error %v, want fs.ErrNotExist not naming the path again", in.Err)
		}
	})
}
