package quotesheet

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Input is one document to read, or the reason it could not be read.
type Input struct {
	Name string // file path relative to its argument, or the record id
	Data []byte
	Lang string // given language, if any
	URL  string
	Date string
	Err  error // set when the input could not be read
}

// record is one line of a JSON Lines input.
type record struct {
	ID   string  `json:"id"`
	Text *string `json:"text"`
	Lang string  `json:"lang"`
	URL  string  `json:"url"`
	Date string  `json:"date"`
}

// maxRecord is the longest JSON Lines record accepted.
const maxRecord = 64 << 20

// ReadInputs calls emit for every document named by paths: a file, a
// folder walked for *.txt and *.md, a *.jsonl file of records, or "-" for
// standard input. An input that cannot be read is emitted with Err set, so
// that the caller reports it and goes on.
func ReadInputs(paths []string, stdin io.Reader, emit func(Input)) {
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				emit(Input{Name: "-", Err: err})
				continue
			}
			emit(Input{Name: "-", Data: data})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			emit(Input{Name: p, Err: unwrapPath(err)})
			continue
		}
		if !info.IsDir() {
			readFile(p, filepath.Base(p), emit)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				rel, _ := filepath.Rel(p, path)
				emit(Input{Name: filepath.ToSlash(rel), Err: unwrapPath(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md", ".jsonl":
				if !strings.EqualFold(d.Name(), "README.md") {
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			emit(Input{Name: p, Err: err})
		}
		sort.Strings(files)
		for _, f := range files {
			rel, _ := filepath.Rel(p, f)
			readFile(f, filepath.ToSlash(rel), emit)
		}
	}
}

// unwrapPath drops the *PathError's own path: the input's name says where.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func readFile(path, name string, emit func(Input)) {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		readJSONL(path, name, emit)
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		emit(Input{Name: name, Err: unwrapPath(err)})
		return
	}
	emit(Input{Name: name, Data: data})
}

// readJSONL emits one input per record; a bad record is an error naming
// the file and line, and the records after it are still read.
func readJSONL(path, name string, emit func(Input)) {
	f, err := os.Open(path)
	if err != nil {
		emit(Input{Name: name, Err: unwrapPath(err)})
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), maxRecord)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		var r record
		dec := json.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&r); err != nil {
			emit(Input{Name: where, Err: fmt.Errorf("bad JSON record: %w", err)})
			continue
		}
		if r.Text == nil {
			emit(Input{Name: where, Err: fmt.Errorf("record has no \"text\"")})
			continue
		}
		id := r.ID
		if id == "" {
			id = where
		}
		emit(Input{Name: id, Data: []byte(*r.Text), Lang: r.Lang, URL: r.URL, Date: r.Date})
	}
	if err := sc.Err(); err != nil {
		emit(Input{Name: fmt.Sprintf("%s:%d", name, line+1), Err: err})
	}
}
