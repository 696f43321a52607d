package reports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/gocarina/gocsv"
)

// The names of the report files WriteFiles writes.
const (
	QuotesFile    = "quotes.csv"
	PositionsFile = "positions.csv"
	SpeakersFile  = "speakers.csv"
)

// WriteQuotes writes rows as quotes.csv: a header row, then one row per
// quote, in the order given (see SortQuotes).
func WriteQuotes(w io.Writer, rows []QuoteRow) error {
	return writeCSV(w, rows)
}

// WritePositions writes rows as positions.csv.
func WritePositions(w io.Writer, rows []PositionRow) error {
	return writeCSV(w, rows)
}

// WriteSpeakers writes rows as speakers.csv.
func WriteSpeakers(w io.Writer, rows []SpeakerRow) error {
	return writeCSV(w, rows)
}

// writeCSV marshals rows through a csv.Writer of its own, so that gocsv's
// package-level writer settings are neither used nor changed. The output is
// UTF-8 without a byte order mark, RFC 4180 with LF line ends. An empty
// slice still gets its header row.
//
// The header row is written here, from the struct tags: gocsv takes a tag
// that begins with "partial" for its partial-match option, not for a column
// name, and would head the partial column "Partial".
func writeCSV[T any](w io.Writer, rows []T) error {
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	if err := cw.Write(columns[T]()); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	if len(rows) == 0 {
		cw.Flush()
		return cw.Error()
	}
	if err := gocsv.MarshalCSVWithoutHeaders(rows, cw); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	return nil
}

// columns lists the column names of the row type T: the first entry of each
// exported field's csv tag, in field order, as gocsv lays the cells out.
func columns[T any]() []string {
	t := reflect.TypeFor[T]()
	var cols []string
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("csv"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		cols = append(cols, name)
	}
	return cols
}

// WriteFiles writes quotes.csv, positions.csv and speakers.csv into dir,
// creating dir if it is missing. Each file is written to a temporary file
// beside it and renamed into place only when all three are complete, so a
// reader never sees a half-written report. A Sheet writes the same reports
// from rows it gathered without holding them all in memory.
func WriteFiles(dir string, rows []QuoteRow, positions []PositionRow, speakers []SpeakerRow) error {
	return writeReports(dir, []string{QuotesFile, PositionsFile, SpeakersFile}, func(ws []io.Writer) error {
		if err := WriteQuotes(ws[0], rows); err != nil {
			return err
		}
		if err := WritePositions(ws[1], positions); err != nil {
			return err
		}
		return WriteSpeakers(ws[2], speakers)
	})
}

// ReadQuotes reads a quotes.csv written by WriteQuotes (or by another tool
// following the report contract) back into rows. Columns are found by their
// header names; unknown columns are ignored, and a leading byte order mark
// is skipped. Errors name the line.
func ReadQuotes(r io.Reader) ([]QuoteRow, error) {
	var rows []QuoteRow
	if err := readCSV(r, &rows, "doc", "quote"); err != nil {
		return nil, err
	}
	return rows, nil
}

// ReadPositions reads a positions.csv back into rows.
func ReadPositions(r io.Reader) ([]PositionRow, error) {
	var rows []PositionRow
	if err := readCSV(r, &rows, "doc", "speaker"); err != nil {
		return nil, err
	}
	return rows, nil
}

// readCSV unmarshals a CSV with a header row into out through a csv.Reader
// of its own, after checking that the header has the required columns.
func readCSV(r io.Reader, out any, required ...string) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	lr := &lineReader{r: csv.NewReader(bytes.NewReader(data))}
	lr.r.FieldsPerRecord = -1
	records, err := lr.ReadAll()
	if err != nil {
		return err
	}
	if len(records) == 0 {
		return errors.New("line 1: no header row")
	}
	for _, col := range required {
		if !slices.Contains(records[0], col) {
			return fmt.Errorf("line 1: missing column %q", col)
		}
	}
	if err := gocsv.UnmarshalCSV(&replay{records: records}, out); err != nil {
		var pe *csv.ParseError
		// gocsv counts records (header = 2nd... line 1); report the
		// physical line the record starts on.
		if errors.As(err, &pe) && pe.Line >= 2 && pe.Line-1 < len(lr.lines) {
			return fmt.Errorf("line %d: column %d: %w", lr.lines[pe.Line-1], pe.Column, pe.Err)
		}
		return err
	}
	return nil
}

const bom = "\ufeff"

// lineReader reads all records and remembers the line each one starts on.
type lineReader struct {
	r     *csv.Reader
	lines []int
}

// ReadAll reads every record.
func (l *lineReader) ReadAll() ([][]string, error) {
	var out [][]string
	for {
		rec, err := l.r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := l.r.FieldPos(0)
		l.lines = append(l.lines, line)
		out = append(out, rec)
	}
}

// replay hands records already read to gocsv (a gocsv.CSVReader).
type replay struct {
	records [][]string
	next    int
}

// Read returns the next record.
func (p *replay) Read() ([]string, error) {
	if p.next >= len(p.records) {
		return nil, io.EOF
	}
	p.next++
	return p.records[p.next-1], nil
}

// ReadAll returns the records not yet read.
func (p *replay) ReadAll() ([][]string, error) {
	rest := p.records[p.next:]
	p.next = len(p.records)
	return rest, nil
}
