package quotesheet

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/quotesheet/quotesheet/internal/testfs"
	"github.com/quotesheet/quotesheet/reports"
)

// update rewrites the expected files of the golden cases from the engine's
// output: go test -run TestGolden -update .
var update = flag.Bool("update", false, "rewrite the golden files")

// goldenDir holds one folder per case: input.txt and expected/*.csv.
const goldenDir = "testdata/golden"

var (
	engineOnce sync.Once
	engine     *Engine
	engineErr  error
)

// builtinEngine returns an Engine built once from the built-in configuration.
func builtinEngine(tb testing.TB) *Engine {
	tb.Helper()
	engineOnce.Do(func() {
		cfg, err := LoadConfig("", nil)
		if err != nil {
			engineErr = err
			return
		}
		engine, engineErr = NewEngine(cfg)
	})
	if engineErr != nil {
		tb.Fatal(engineErr)
	}
	return engine
}

// goldenCases returns the names of the case folders under goldenDir.
func goldenCases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if e.IsDir() {
			cases = append(cases, e.Name())
		}
	}
	if len(cases) == 0 {
		t.Fatalf("no golden cases in %s", goldenDir)
	}
	return cases
}

// docName is the name a case's document is reported under: its path
// relative to goldenDir, as `quotesheet extract testdata/golden` names it.
func docName(name string) string { return name + "/input.txt" }

// renderReports runs one input through the engine and returns the three
// reports as they are written to disk, by file name.
func renderReports(t *testing.T, name string, data []byte) map[string][]byte {
	t.Helper()
	rows, err := builtinEngine(t).Document(Input{Name: docName(name), Data: data})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	reports.SortQuotes(rows)
	positions, speakers := Summaries(rows)
	var q, p, s bytes.Buffer
	if err := reports.WriteQuotes(&q, rows); err != nil {
		t.Fatal(err)
	}
	if err := reports.WritePositions(&p, positions); err != nil {
		t.Fatal(err)
	}
	if err := reports.WriteSpeakers(&s, speakers); err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		reports.QuotesFile:    q.Bytes(),
		reports.PositionsFile: p.Bytes(),
		reports.SpeakersFile:  s.Bytes(),
	}
}

// goldenInput returns a case's folder and the bytes of its input.txt.
func goldenInput(t *testing.T, name string) (string, []byte) {
	t.Helper()
	dir := filepath.Join(goldenDir, name)
	data, err := os.ReadFile(filepath.Join(dir, "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return dir, data
}

// TestGolden runs every case's input.txt through the built-in configuration
// and compares the reports byte for byte with its expected files.
func TestGolden(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			dir, data := goldenInput(t, name)
			got := renderReports(t, name, data)
			for _, file := range []string{reports.QuotesFile, reports.PositionsFile, reports.SpeakersFile} {
				path := filepath.Join(dir, "expected", file)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got[file], 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -run TestGolden -update . to create it)", err)
				}
				if !bytes.Equal(got[file], want) {
					t.Errorf("%s differs from the engine's output:\n%s", path, testfs.LineDiff(string(want), string(got[file])))
				}
			}
		})
	}
}

// TestGoldenOffsets checks the report contract on every expected row:
// the document's text, read as Python reads it (no byte order mark, CRLF as
// LF), sliced at the code point offsets [start:end] is the quote, line is
// the 1-based line of start, and id and doc name the document.
func TestGoldenOffsets(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			dir, data := goldenInput(t, name)
			text := strings.TrimPrefix(string(data), "\ufeff")
			text = strings.ReplaceAll(text, "\r\n", "\n")
			runes := []rune(text)
			f, err := os.Open(filepath.Join(dir, "expected", reports.QuotesFile))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := reports.ReadQuotes(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Fatal("expected quotes.csv has no rows")
			}
			for i, r := range rows {
				if r.Start < 0 || r.End < r.Start || r.End > len(runes) {
					t.Errorf("row %d: offsets [%d:%d] outside a text of %d code points", i+1, r.Start, r.End, len(runes))
					continue
				}
				if got := string(runes[r.Start:r.End]); got != r.Quote {
					t.Errorf("row %d: text[%d:%d] = %q, quote column %q", i+1, r.Start, r.End, got, r.Quote)
				}
				if line := 1 + strings.Count(string(runes[:r.Start]), "\n"); r.Line != line {
					t.Errorf("row %d: line %d, the quote starts on line %d", i+1, r.Line, line)
				}
				if r.Doc != docName(name) || r.ID != reports.QuoteID(r.Doc, r.Start) {
					t.Errorf("row %d: doc %q id %q, want doc %q id %q", i+1, r.Doc, r.ID, docName(name), reports.QuoteID(docName(name), r.Start))
				}
				if r.MentionStart != nil && r.MentionEnd != nil {
					if got := string(runes[*r.MentionStart:*r.MentionEnd]); got != r.SpeakerMention {
						t.Errorf("row %d: text[%d:%d] = %q, speaker_mention %q", i+1, *r.MentionStart, *r.MentionEnd, got, r.SpeakerMention)
					}
				}
				if r.CueStart != nil && r.CueEnd != nil {
					if got := string(runes[*r.CueStart:*r.CueEnd]); got != r.Cue {
						t.Errorf("row %d: text[%d:%d] = %q, cue %q", i+1, *r.CueStart, *r.CueEnd, got, r.Cue)
					}
				}
			}
		})
	}
}
