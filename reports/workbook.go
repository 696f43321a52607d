package reports

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WorkbookFile is the name of the workbook a Sheet writes when asked: the
// three reports as the sheets "quotes", "positions" and "speakers" of one
// .xlsx file. A spreadsheet opens it in any script without asking for an
// encoding, its text cells are never read as formulas, and each sheet has
// a frozen header row and filters.
const WorkbookFile = "quotesheet.xlsx"

// sheetRows is how many rows a worksheet holds; a report longer than that
// goes on in a second sheet ("quotes 2"), with the header row again.
var sheetRows = excelize.TotalRows

// workbook streams report rows into the sheets of an .xlsx file; the
// stream writers keep their data in temporary files beyond a few
// megabytes, so a workbook of any size is written in bounded memory.
type workbook struct {
	f                          *excelize.File
	quotes, positions, speaker *sheetStream
}

func newWorkbook() (*workbook, error) {
	f := excelize.NewFile()
	wb := &workbook{f: f}
	var err error
	if wb.quotes, err = newSheetStream[QuoteRow](f, "quotes"); err != nil {
		return nil, err
	}
	if wb.positions, err = newSheetStream[PositionRow](f, "positions"); err != nil {
		return nil, err
	}
	if wb.speaker, err = newSheetStream[SpeakerRow](f, "speakers"); err != nil {
		return nil, err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	f.SetActiveSheet(0)
	return wb, nil
}

// write finishes the sheets and writes the workbook to w.
func (wb *workbook) write(w io.Writer) error {
	for _, s := range []*sheetStream{wb.quotes, wb.positions, wb.speaker} {
		if err := s.finish(); err != nil {
			return err
		}
	}
	if err := wb.f.Write(w); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

// close removes the workbook's temporary files.
func (wb *workbook) close() error { return wb.f.Close() }

// sheetStream writes the rows of one report into one or more worksheets.
type sheetStream struct {
	f      *excelize.File
	name   string   // the first sheet's name; the next are "name 2", ...
	cols   []string // the report's column names
	widths []float64
	part   int // sheets begun
	sw     *excelize.StreamWriter
	row    int // rows written to sw, the header included
}

// columnWidths are the widths, in characters, of the columns that need
// more than the default.
var columnWidths = map[string]float64{
	"id": 28, "doc": 28, "speaker": 24, "speaker_mention": 20, "attribution": 12, "cue": 16,
	"quote": 80, "stance_cues": 24, "flags": 16, "languages": 14, "mentions": 40,
}

func newSheetStream[T any](f *excelize.File, name string) (*sheetStream, error) {
	s := &sheetStream{f: f, name: name, cols: columns[T]()}
	for _, c := range s.cols {
		w, ok := columnWidths[c]
		if !ok {
			w = max(9, float64(len(c))+3)
		}
		s.widths = append(s.widths, w)
	}
	return s, s.begin()
}

// begin starts the next worksheet with its header row.
func (s *sheetStream) begin() error {
	s.part++
	name := s.name
	if s.part > 1 {
		name = fmt.Sprintf("%s %d", s.name, s.part)
	}
	if _, err := s.f.NewSheet(name); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	sw, err := s.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	for i, w := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = c
	}
	s.sw, s.row = sw, 0
	return s.add(header)
}

// add writes one row of cells, beginning a new worksheet when this one is
// full.
func (s *sheetStream) add(cells []any) error {
	if s.row == sheetRows {
		if err := s.finish(); err != nil {
			return err
		}
		if err := s.begin(); err != nil {
			return err
		}
	}
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err == nil {
		err = s.sw.SetRow(cell, cells)
	}
	if err != nil {
		return fmt.Errorf("workbook: %s row %d: %w", s.name, s.row, err)
	}
	return nil
}

// finish ends the current worksheet: its rows become a table, with a
// filter on every column, and the stream is flushed.
func (s *sheetStream) finish() error {
	if s.sw == nil {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(len(s.cols), max(s.row, 2))
	if err == nil {
		err = s.sw.AddTable(&excelize.Table{
			Range: "A1:" + last, Name: fmt.Sprintf("%s_%d", s.name, s.part), StyleName: "TableStyleLight9",
		})
	}
	if err == nil {
		err = s.sw.Flush()
	}
	s.sw = nil
	if err != nil {
		return fmt.Errorf("workbook: %s: %w", s.name, err)
	}
	return nil
}

// cellsOf returns the cells of a report row in the order of columns[T]:
// text as text, counts and offsets as whole numbers, scores as numbers
// with the three decimals of the CSV, lists joined as in the CSV, and an
// unknown offset as an empty cell.
func cellsOf[T any](row T) []any {
	v := reflect.ValueOf(row)
	t := v.Type()
	var cells []any
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || strings.HasPrefix(f.Tag.Get("csv"), "-") {
			continue
		}
		switch x := v.Field(i).Interface().(type) {
		case string:
			cells = append(cells, x)
		case int:
			cells = append(cells, x)
		case Float:
			n, err := strconv.ParseFloat(x.String(), 64)
			if err != nil { // NaN and infinities stay text
				cells = append(cells, x.String())
				continue
			}
			cells = append(cells, n)
		case List:
			cells = append(cells, x.String())
		case *int:
			if x == nil {
				cells = append(cells, nil)
				continue
			}
			cells = append(cells, *x)
		default:
			cells = append(cells, fmt.Sprint(x))
		}
	}
	return cells
}
