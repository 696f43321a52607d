package reports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// GoldQuote is one annotated quote of a gold folder's quotes.csv.
type GoldQuote struct {
	Doc     string // the document's base name
	Lang    string
	Kind    string
	Speaker string // the speaker; alternatives are split by '|'
	Stance  string
	Quote   string
	Line    int // where the row starts in quotes.csv
}

// GoldPosition is one row of a gold folder's positions.csv.
type GoldPosition struct {
	Doc     string
	Speaker string // alternatives are split by '|'
	Stance  string
	Line    int
}

// Gold is a gold folder: its quotes, and its positions when it has a
// positions.csv.
type Gold struct {
	Dir          string
	Quotes       []GoldQuote
	Positions    []GoldPosition
	HasPositions bool
}

// ReadGold reads the gold folder dir: quotes.csv with the columns doc, lang,
// kind, speaker, stance and quote, and, if present, positions.csv with doc,
// speaker and stance. Errors name the file and line.
func ReadGold(dir string) (*Gold, error) {
	g := &Gold{Dir: dir}
	path := filepath.Join(dir, QuotesFile)
	err := readTable(path, []string{"doc", "lang", "kind", "speaker", "stance", "quote"}, func(line int, c []string) {
		g.Quotes = append(g.Quotes, GoldQuote{Doc: c[0], Lang: c[1], Kind: c[2], Speaker: c[3], Stance: c[4], Quote: c[5], Line: line})
	})
	if err != nil {
		return nil, err
	}
	path = filepath.Join(dir, PositionsFile)
	err = readTable(path, []string{"doc", "speaker", "stance"}, func(line int, c []string) {
		g.Positions = append(g.Positions, GoldPosition{Doc: c[0], Speaker: c[1], Stance: c[2], Line: line})
	})
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		g.HasPositions = true
	}
	return g, nil
}

// readTable reads the CSV file at path, finds the columns cols by their
// header names and calls row with each record's cells in that order.
func readTable(path string, cols []string, row func(line int, cells []string)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err == io.EOF {
		return fmt.Errorf("%s:1: no header row", path)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	idx := make([]int, len(cols))
	for i, col := range cols {
		idx[i] = -1
		for j, h := range header {
			if h == col {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return fmt.Errorf("%s:1: missing column %q", path, col)
		}
	}
	cells := make([]string, len(cols))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		for i, j := range idx {
			cells[i] = rec[j]
		}
		row(line, cells)
	}
}
