package reports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookMatchesCSV checks that the sheets of the workbook hold,
// cell for cell, what the CSV reports hold, a long report going on in
// further sheets that repeat the header row; and that text that looks like
// a formula stays text.
func TestWorkbookMatchesCSV(t *testing.T) {
	rows := corpusRows(40)
	rows = append(rows, QuoteRow{ID: "z.txt#0", Doc: "z.txt", Kind: "direct", Speaker: "Jen Psaki",
		Quote: "=HYPERLINK(\"http://example.com\")", Stance: "none", StanceScore: Float(2.0 / 3)})
	for _, perSheet := range []int{excelize.TotalRows, 25} {
		t.Run(fmt.Sprint(perSheet, " rows a sheet"), func(t *testing.T) {
			defer func(n int) { sheetRows = n }(sheetRows)
			sheetRows = perSheet
			s := &Sheet{Limit: 9, TempDir: t.TempDir(), Workbook: true}
			defer s.Close()
			if err := s.Add(rows...); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if _, err := s.WriteFiles(dir, majority); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(filepath.Join(dir, WorkbookFile))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			files := readReports(t, dir)
			for base, file := range map[string]string{"quotes": QuotesFile, "positions": PositionsFile, "speakers": SpeakersFile} {
				want, err := csv.NewReader(bytes.NewReader(files[file])).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				var got [][]string
				for part := 1; ; part++ {
					name := base
					if part > 1 {
						name = fmt.Sprintf("%s %d", base, part)
					}
					if idx, _ := f.GetSheetIndex(name); idx < 0 {
						break
					}
					sheet, err := f.GetRows(name)
					if err != nil {
						t.Fatal(err)
					}
					if len(sheet) > perSheet {
						t.Errorf("%s has %d rows, more than %d", name, len(sheet), perSheet)
					}
					if part > 1 {
						if !reflect.DeepEqual(sheet[0], want[0]) {
							t.Errorf("%s header %q, want %q", name, sheet[0], want[0])
						}
						sheet = sheet[1:]
					}
					got = append(got, sheet...)
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %d rows in the workbook, %d in the CSV", base, len(got), len(want))
				}
				for i := range want {
					g := append(got[i], make([]string, len(want[i])-len(got[i]))...) // GetRows drops empty trailing cells
					if !reflect.DeepEqual(g, want[i]) {
						t.Errorf("%s row %d:\n got %q\nwant %q", base, i+1, g, want[i])
					}
				}
			}
			if perSheet == excelize.TotalRows {
				for r := 2; r <= len(rows)+1; r++ {
					ref, _ := excelize.CoordinatesToCellName(9, r) // the quote column
					if formula, err := f.GetCellFormula("quotes", ref); err != nil || formula != "" {
						t.Errorf("quote %s became a formula: %q, %v", ref, formula, err)
					}
				}
			}
		})
	}
}
