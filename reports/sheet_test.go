package reports

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/quotesheet/quotesheet/internal/testfs"
)

// corpusRows are the rows of many documents, several speakers each, with
// optional offsets that are absent, zero and positive.
func corpusRows(docs int) []QuoteRow {
	speakers := []string{"Maria Zakharova", "Vladimir Putin", "", "Antony Blinken", "Jen Psaki"}
	stances := []string{"favor", "against", "none", ""}
	kinds := []string{"direct", "indirect", "partial", "scare", "label", "pull"}
	var rows []QuoteRow
	for d := range docs {
		doc := fmt.Sprintf("news/%03d.txt", d)
		for i := range 1 + d%7 {
			start := 10*i + d%3
			r := QuoteRow{
				ID: QuoteID(doc, start), Doc: doc, Lang: []string{"en", "ru", "hi"}[d%3],
				Kind: kinds[(d+i)%len(kinds)], Speaker: speakers[(d*3+i)%len(speakers)],
				SpeakerMention: fmt.Sprintf("m%d", i%3), Quote: fmt.Sprintf("quote, \"%d\"\n%d", d, i),
				Start: start, End: start + 5, Line: 1 + i, Stance: stances[(d+2*i)%len(stances)],
				StanceScore: Float(float64(i%3-1) / 2), Confidence: 0.5, Flags: List{"unclosed"}[:i%2],
			}
			switch i % 3 {
			case 1:
				r.MentionStart, r.MentionEnd, r.CueStart, r.CueEnd = Offset(0), Offset(0), Offset(0), Offset(3)
			case 2:
				r.MentionStart, r.MentionEnd = Offset(start+7), Offset(start+9)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// readReports returns the three reports of dir by file name.
func readReports(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range []string{QuotesFile, PositionsFile, SpeakersFile} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	return out
}

// TestSheetMatchesWriteFiles checks that a Sheet writes, byte for byte, the
// reports that Aggregate and WriteFiles write from all rows at once, with
// rows added in any order and any number of runs on disk.
func TestSheetMatchesWriteFiles(t *testing.T) {
	rows := corpusRows(60)
	want := t.TempDir()
	sorted := append([]QuoteRow(nil), rows...)
	SortQuotes(sorted)
	pos, spk := Aggregate(sorted, majority)
	if err := WriteFiles(want, sorted, pos, spk); err != nil {
		t.Fatal(err)
	}
	wantFiles := readReports(t, want)

	tests := []struct {
		name    string
		limit   int
		shuffle bool
		batch   int
	}{
		{"in memory", 0, false, 1},
		{"in memory, shuffled", 0, true, 5},
		{"a run per row", 1, true, 1},
		{"runs of 7", 7, true, 3},
		{"runs of 7, in order", 7, false, 4},
		{"one run and the rest", len(rows) - 3, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]QuoteRow(nil), rows...)
			if tt.shuffle {
				r := rand.New(rand.NewPCG(1, uint64(tt.limit)))
				r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
			}
			tmp := t.TempDir()
			s := &Sheet{Limit: tt.limit, TempDir: tmp}
			for i := 0; i < len(in); i += tt.batch {
				if err := s.Add(in[i:min(i+tt.batch, len(in))]...); err != nil {
					t.Fatal(err)
				}
			}
			if s.Len() != len(rows) {
				t.Errorf("Len = %d, want %d", s.Len(), len(rows))
			}
			dir := filepath.Join(t.TempDir(), "out")
			st, err := s.WriteFiles(dir, majority)
			if err != nil {
				t.Fatal(err)
			}
			if want := (SheetStats{Quotes: len(rows), Positions: len(pos), Speakers: len(spk)}); st != want {
				t.Errorf("stats = %+v, want %+v", st, want)
			}
			got := readReports(t, dir)
			for name, w := range wantFiles {
				if !bytes.Equal(got[name], w) {
					t.Errorf("%s differs from WriteFiles':\n%s", name, testfs.LineDiff(string(w), string(got[name])))
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("Close left %d runs behind", len(left))
			}
		})
	}
}

// TestSheetEmpty checks that a sheet without rows writes the header rows.
func TestSheetEmpty(t *testing.T) {
	dir := t.TempDir()
	var s Sheet
	if _, err := s.WriteFiles(dir, majority); err != nil {
		t.Fatal(err)
	}
	got := readReports(t, dir)
	want := t.TempDir()
	if err := WriteFiles(want, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, readReports(t, want)) {
		t.Errorf("empty sheet: %q", got)
	}
}

// TestSheetErrors checks that a run that cannot be written and a report
// folder that cannot be made are errors, and that no report is left half
// written.
func TestSheetErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := &Sheet{Limit: 2, TempDir: filepath.Join(file, "runs")}
	if err := s.Add(corpusRows(2)...); err == nil {
		t.Error("Add with a run under a regular file succeeded")
	}
	s = &Sheet{}
	if err := s.Add(corpusRows(3)...); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteFiles(filepath.Join(file, "out"), majority); err == nil {
		t.Error("WriteFiles under a regular file succeeded")
	}
	// A run removed behind the sheet's back is an error naming it.
	dir := t.TempDir()
	s = &Sheet{Limit: 2, TempDir: dir}
	if err := s.Add(corpusRows(4)...); err != nil {
		t.Fatal(err)
	}
	runs, _ := filepath.Glob(filepath.Join(dir, "quotesheet-run-*"))
	if len(runs) == 0 {
		t.Fatal("no run written")
	}
	if err := os.WriteFile(runs[0], []byte("not a run"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	_, err := s.WriteFiles(out, majority)
	if err == nil || !strings.Contains(err.Error(), runs[0]) {
		t.Errorf("WriteFiles over a broken run: %v, want an error naming %s", err, runs[0])
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Errorf("a failed WriteFiles left %d files in %s", len(left), out)
	}
	s.Close()
}
