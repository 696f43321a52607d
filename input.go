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

	where string // the file, or file:line, the input was read from
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
// folder walked for *.txt, *.md and *.jsonl (README.md, hidden files and
// hidden folders left out), a *.jsonl file of records, or "-" for
// standard input. An input that cannot be read is emitted with Err set, so
// that the caller reports it and goes on. Names must be unique, since the
// reports identify documents by name: a document whose name another one
// already has is emitted with Err set.
func ReadInputs(paths []string, stdin io.Reader, emit func(Input)) {
	seen := map[string]string{} // name -> where it was first read
	emit = unique(seen, emit)
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				emit(Input{Name: "-", Err: err})
				continue
			}
			emit(Input{Name: "-", Data: data, where: "standard input"})
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
				emit(Input{Name: filepath.ToSlash(rel), Err: unwrapPath(err), where: path})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return fs.SkipDir
				}
				return nil
			}
			if hidden {
				return nil // editor backups, macOS "._x.txt" resource forks
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

// unique wraps emit so that a document whose name was already emitted is
// turned into an error naming where both came from.
func unique(seen map[string]string, emit func(Input)) func(Input) {
	return func(in Input) {
		if in.Err == nil {
			where := in.where
			if where == "" {
				where = in.Name
			}
			if first, ok := seen[in.Name]; ok {
				in = Input{Name: in.Name, Err: fmt.Errorf("%s: the name is already taken by %s", where, first)}
			} else {
				seen[in.Name] = where
			}
		}
		emit(in)
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
		emit(Input{Name: name, Err: unwrapPath(err), where: path})
		return
	}
	emit(Input{Name: name, Data: data, where: path})
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
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a byte order mark
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		var r record
		// Unmarshal, not a Decoder: a line holding more than one value is
		// an error, not a record and some ignored text.
		if err := json.Unmarshal(b, &r); err != nil {
			emit(Input{Name: where, Err: fmt.Errorf("bad JSON record: %w", err), where: fmt.Sprintf("%s:%d", path, line)})
			continue
		}
		if r.Text == nil {
			emit(Input{Name: where, Err: fmt.Errorf("record has no \"text\""), where: fmt.Sprintf("%s:%d", path, line)})
			continue
		}
		id := r.ID
		if id == "" {
			id = where
		}
		emit(Input{Name: id, Data: []byte(*r.Text), Lang: r.Lang, URL: r.URL, Date: r.Date,
			where: fmt.Sprintf("%s:%d", path, line)})
	}
	if err := sc.Err(); err != nil {
		emit(Input{Name: fmt.Sprintf("%s:%d", name, line+1), Err: err})
	}
}

// Where returns the file (or file:line) the input was read from, for error
// messages; its Name when it has no file.
func (in Input) Where() string {
	if in.where != "" {
		return in.where
	}
	return in.Name
}
