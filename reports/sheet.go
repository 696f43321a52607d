package reports

import (
	"bufio"
	"container/heap"
	"encoding/csv"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gocarina/gocsv"
)

// DefaultSheetLimit is how many quote rows a Sheet holds in memory before it
// sorts them and moves them to a run on disk: some tens of megabytes.
const DefaultSheetLimit = 100_000

// Sheet gathers the quote rows of a run of any size and writes the three
// reports, with the rows in report order (SortQuotes), holding a bounded
// number of rows in memory. Rows may be added in any order. Beyond Limit
// rows it sorts what it holds and writes it to a temporary run; WriteFiles
// merges the runs with the rows still in memory, writing quotes.csv and
// positions.csv as the merged rows pass and keeping only one document's
// positions and a tally per speaker. Close removes the runs.
//
// The reports are the ones Aggregate and WriteFiles give for the same rows.
type Sheet struct {
	// Limit is how many rows are held in memory; 0 means
	// DefaultSheetLimit.
	Limit int
	// TempDir is where runs are written; empty means os.TempDir().
	TempDir string
	// Workbook also writes the reports as the sheets of WorkbookFile.
	Workbook bool

	rows []QuoteRow
	runs []string
	n    int
}

// Len returns how many rows were added.
func (s *Sheet) Len() int { return s.n }

// Add adds rows to the sheet. An error means a run could not be written;
// the rows held so far are kept.
func (s *Sheet) Add(rows ...QuoteRow) error {
	limit := s.Limit
	if limit <= 0 {
		limit = DefaultSheetLimit
	}
	s.rows = append(s.rows, rows...)
	s.n += len(rows)
	if len(s.rows) >= limit {
		return s.spill()
	}
	return nil
}

// runRow is a QuoteRow as a run stores it: gob leaves out a pointer to a
// zero, so the optional offsets travel as values with a flag each.
type runRow struct {
	Row     QuoteRow
	Offsets [4]int
	Set     [4]bool
}

// offsets are the optional offset fields of r.
func offsets(r *QuoteRow) [4]**int {
	return [4]**int{&r.MentionStart, &r.MentionEnd, &r.CueStart, &r.CueEnd}
}

func toRun(r QuoteRow) runRow {
	var w runRow
	for i, p := range offsets(&r) {
		if *p != nil {
			w.Offsets[i], w.Set[i] = **p, true
			*p = nil
		}
	}
	w.Row = r
	return w
}

func fromRun(w runRow) QuoteRow {
	r := w.Row
	for i, p := range offsets(&r) {
		if w.Set[i] {
			*p = Offset(w.Offsets[i])
		}
	}
	return r
}

// spill sorts the rows held in memory and writes them to a new run.
func (s *Sheet) spill() error {
	SortQuotes(s.rows)
	f, err := os.CreateTemp(s.TempDir, "quotesheet-run-*.gob")
	if err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	bw := bufio.NewWriter(f)
	enc := gob.NewEncoder(bw)
	for _, r := range s.rows {
		if err = enc.Encode(toRun(r)); err != nil {
			break
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("reports: writing a run to %s: %w", f.Name(), err)
	}
	s.runs = append(s.runs, f.Name())
	s.rows = s.rows[:0]
	return nil
}

// Close removes the sheet's runs from disk.
func (s *Sheet) Close() error {
	var errs []error
	for _, r := range s.runs {
		if err := os.Remove(r); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	s.runs = nil
	return errors.Join(errs...)
}

// source is one sorted sequence of rows of a merge: a run on disk or the
// rows in memory.
type source struct {
	row  QuoteRow
	ord  int // which source: runs in the order written, memory last
	next func() (QuoteRow, bool, error)
}

// merger yields the rows of several sorted sources in report order; rows
// that compare equal come in the order of their sources, as a stable sort
// of all rows in the order added would give them.
type merger []*source

func (m merger) Len() int { return len(m) }
func (m merger) Less(i, j int) bool {
	if c := compareQuotes(m[i].row, m[j].row); c != 0 {
		return c < 0
	}
	return m[i].ord < m[j].ord
}
func (m merger) Swap(i, j int) { m[i], m[j] = m[j], m[i] }
func (m *merger) Push(x any)   { *m = append(*m, x.(*source)) }
func (m *merger) Pop() any {
	old := *m
	x := old[len(old)-1]
	*m = old[:len(old)-1]
	return x
}

// each calls fn with every row of the sheet in report order.
func (s *Sheet) each(fn func(QuoteRow) error) error {
	SortQuotes(s.rows)
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var m merger
	add := func(src *source) error {
		r, ok, err := src.next()
		if err != nil || !ok {
			return err
		}
		src.row = r
		heap.Push(&m, src)
		return nil
	}
	for i, path := range s.runs {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("reports: %w", err)
		}
		files = append(files, f)
		dec := gob.NewDecoder(bufio.NewReader(f))
		next := func() (QuoteRow, bool, error) {
			var w runRow
			switch err := dec.Decode(&w); {
			case err == io.EOF:
				return QuoteRow{}, false, nil
			case err != nil:
				return QuoteRow{}, false, fmt.Errorf("reports: reading the run %s: %w", path, err)
			}
			return fromRun(w), true, nil
		}
		if err := add(&source{ord: i, next: next}); err != nil {
			return err
		}
	}
	mem := s.rows
	next := func() (QuoteRow, bool, error) {
		if len(mem) == 0 {
			return QuoteRow{}, false, nil
		}
		r := mem[0]
		mem = mem[1:]
		return r, true, nil
	}
	if err := add(&source{ord: len(s.runs), next: next}); err != nil {
		return err
	}
	for m.Len() > 0 {
		src := m[0]
		if err := fn(src.row); err != nil {
			return err
		}
		r, ok, err := src.next()
		if err != nil {
			return err
		}
		if ok {
			src.row = r
			heap.Fix(&m, 0)
		} else {
			heap.Pop(&m)
		}
	}
	return nil
}

// rowWriter writes rows of one report through gocsv, a batch at a time.
type rowWriter[T any] struct {
	cw    *gocsv.SafeCSVWriter
	batch []T
}

func newRowWriter[T any](w io.Writer) (*rowWriter[T], error) {
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	if err := cw.Write(columns[T]()); err != nil {
		return nil, fmt.Errorf("writing csv: %w", err)
	}
	return &rowWriter[T]{cw: cw}, nil
}

// rowBatch is how many rows a rowWriter marshals at once.
const rowBatch = 512

func (w *rowWriter[T]) write(rows ...T) error {
	w.batch = append(w.batch, rows...)
	if len(w.batch) >= rowBatch {
		return w.flush()
	}
	return nil
}

func (w *rowWriter[T]) flush() error {
	if len(w.batch) > 0 {
		if err := gocsv.MarshalCSVWithoutHeaders(w.batch, w.cw); err != nil {
			return fmt.Errorf("writing csv: %w", err)
		}
		w.batch = w.batch[:0]
	}
	w.cw.Flush()
	return w.cw.Error()
}

// SheetStats counts what WriteFiles wrote.
type SheetStats struct {
	Quotes, Positions, Speakers int
}

// WriteFiles writes quotes.csv, positions.csv and speakers.csv into dir,
// creating dir if it is missing, with position deciding each speaker's
// position, and WorkbookFile too when s.Workbook is set. As with the
// package's WriteFiles, each report goes to a temporary file beside it and
// all are renamed into place only when complete.
func (s *Sheet) WriteFiles(dir string, position PositionFunc) (SheetStats, error) {
	var st SheetStats
	names := []string{QuotesFile, PositionsFile, SpeakersFile}
	var wb *workbook
	if s.Workbook {
		var err error
		if wb, err = newWorkbook(); err != nil {
			return st, err
		}
		defer wb.close()
		names = append(names, WorkbookFile)
	}
	err := writeReports(dir, names, func(ws []io.Writer) error {
		qw, err := newRowWriter[QuoteRow](ws[0])
		if err != nil {
			return err
		}
		pw, err := newRowWriter[PositionRow](ws[1])
		if err != nil {
			return err
		}
		agg := newAggregator(position, func(ps []PositionRow) error {
			st.Positions += len(ps)
			if wb != nil {
				for _, p := range ps {
					if err := wb.positions.add(cellsOf(p)); err != nil {
						return err
					}
				}
			}
			return pw.write(ps...)
		})
		err = s.each(func(r QuoteRow) error {
			st.Quotes++
			if err := qw.write(r); err != nil {
				return err
			}
			if wb != nil {
				if err := wb.quotes.add(cellsOf(r)); err != nil {
					return err
				}
			}
			return agg.add(r)
		})
		if err == nil {
			err = agg.flushDoc()
		}
		if err != nil {
			return err
		}
		if err := errors.Join(qw.flush(), pw.flush()); err != nil {
			return err
		}
		speakers := agg.speakers()
		st.Speakers = len(speakers)
		if err := WriteSpeakers(ws[2], speakers); err != nil {
			return err
		}
		if wb == nil {
			return nil
		}
		for _, sp := range speakers {
			if err := wb.speaker.add(cellsOf(sp)); err != nil {
				return err
			}
		}
		return wb.write(ws[3])
	})
	return st, err
}

// writeReports creates the files names as temporary files in dir, lets
// write fill them, in the order of names, and renames them into place when
// write and every close succeeded; otherwise it removes them.
func writeReports(dir string, names []string, write func([]io.Writer) error) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	files := make([]*os.File, 0, len(names))
	defer func() {
		if err != nil {
			for _, f := range files {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for _, name := range names {
		f, err := os.CreateTemp(dir, "."+name+".*.tmp")
		if err != nil {
			return fmt.Errorf("reports: %w", err)
		}
		files = append(files, f)
	}
	bufs := make([]*bufio.Writer, len(files))
	ws := make([]io.Writer, len(files))
	for i, f := range files {
		bufs[i] = bufio.NewWriterSize(f, 64<<10)
		ws[i] = bufs[i]
	}
	if err := write(ws); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	for i, f := range files {
		werr := bufs[i].Flush()
		if werr == nil {
			werr = f.Chmod(0o644)
		}
		if err := errors.Join(werr, f.Close()); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(dir, names[i]), err)
		}
	}
	for i, f := range files {
		if err := os.Rename(f.Name(), filepath.Join(dir, names[i])); err != nil {
			return fmt.Errorf("reports: %w", err)
		}
	}
	return nil
}
