package quotesheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/quotesheet/quotesheet/internal/testfs"
	"github.com/quotesheet/quotesheet/reports"
)

// evalDir holds the evaluation corpus: one folder per language, each with
// docs/*.txt (news articles written for the corpus; those named h1.txt,
// h2.txt, ... are the held-out articles, never used to tune the tool) and
// gold/quotes.csv (and gold/positions.csv) annotated by hand.
const evalDir = "testdata/eval"

// evalScores is the scores file of the corpus: one line per language and
// set, as the engine scores now. TestEvalCorpus compares with it, so that a
// change that moves any language's numbers shows which, and by how much.
var evalScores = filepath.Join(evalDir, "scores.tsv")

// evalColumns are the metrics of a scores line, after lang and set.
var evalColumns = []string{
	"docs", "marked_gold", "marked_F1", "marked_attr_acc", "marked_stance_acc",
	"indirect_gold", "indirect_F1", "indirect_attr_acc", "indirect_stance_acc", "positions_acc", "offsets_bad",
}

// evalLanguages lists the language folders of the corpus.
func evalLanguages(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(evalDir)
	if os.IsNotExist(err) {
		t.Skipf("no evaluation corpus in %s", evalDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, e := range entries {
		if e.IsDir() {
			langs = append(langs, e.Name())
		}
	}
	sort.Strings(langs)
	return langs
}

// scoreSet runs the documents of one language folder whose names keep
// passes through the engine and scores them against the folder's gold,
// restricted to those documents. It returns the scores line, or "" when
// no document of the set is there.
func scoreSet(t *testing.T, e *Engine, code, set string, keep func(name string) bool) string {
	t.Helper()
	dir := filepath.Join(evalDir, code)
	gold, err := reports.ReadGold(filepath.Join(dir, "gold"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "docs", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	names := map[string]bool{}
	for _, f := range files {
		if keep(filepath.Base(f)) {
			paths = append(paths, f)
			names[filepath.Base(f)] = true
		}
	}
	if len(paths) == 0 {
		return ""
	}
	sub := &reports.Gold{HasPositions: gold.HasPositions}
	for _, q := range gold.Quotes {
		if names[q.Doc] {
			sub.Quotes = append(sub.Quotes, q)
		}
	}
	for _, p := range gold.Positions {
		if names[p.Doc] {
			sub.Positions = append(sub.Positions, p)
		}
	}
	var rows []reports.QuoteRow
	for _, p := range paths {
		rows = append(rows, e.Run([]string{p}, nil, func(d DocError) { t.Errorf("%s: %v", p, d) })...)
	}
	positions, _ := Summaries(rows)
	sc := reports.Score(sub, rows, positions)
	if err := sc.CheckOffsets(filepath.Join(dir, "docs"), rows); err != nil {
		t.Fatal(err)
	}
	if sc.OffsetsBad > 0 {
		t.Errorf("%s: %d rows whose offsets do not point at their quote", code, sc.OffsetsBad)
	}
	values := map[string]string{"docs": fmt.Sprint(len(paths))}
	for _, m := range sc.Metrics() {
		values[m.Key] = m.String()
	}
	if !sc.HasPositions {
		values["positions_acc"] = "-"
	}
	cells := []string{code, set}
	for _, c := range evalColumns {
		cells = append(cells, values[c])
	}
	return strings.Join(cells, "\t")
}

// TestEvalCorpus scores the engine of the built-in configuration on every
// language of the evaluation corpus, the development articles and the
// held-out ones apart, and compares the scores with testdata/eval/scores.tsv
// (rewritten by go test -run TestEvalCorpus -update .). No row may point
// outside its quote.
func TestEvalCorpus(t *testing.T) {
	e := builtinEngine(t)
	var b strings.Builder
	b.WriteString("lang\tset\t" + strings.Join(evalColumns, "\t") + "\n")
	// held-out articles are named h1.txt, h2.txt, h-x.txt, ...
	heldOut := func(name string) bool {
		return len(name) > 1 && name[0] == 'h' && (name[1] >= '0' && name[1] <= '9' || name[1] == '-' || name[1] == '_')
	}
	for _, code := range evalLanguages(t) {
		for _, s := range []struct {
			name string
			keep func(string) bool
		}{{"dev", func(n string) bool { return !heldOut(n) }}, {"held-out", heldOut}} {
			if line := scoreSet(t, e, code, s.name, s.keep); line != "" {
				b.WriteString(line + "\n")
			}
		}
	}
	got := []byte(b.String())
	if *update {
		if err := os.WriteFile(evalScores, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(evalScores)
	if err != nil {
		t.Fatalf("%v (run go test -run TestEvalCorpus -update . to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the scores of the evaluation corpus moved (review, then go test -run TestEvalCorpus -update .):\n%s",
			testfs.LineDiff(string(want), string(got)))
	}
}
