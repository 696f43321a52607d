package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/quotesheet/quotesheet/internal/testfs"
	"github.com/quotesheet/quotesheet/reports"
)

// result is what one run of the command line gave.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line args with stdin as standard input.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	r := result{code, out.String(), errb.String()}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "internal error") {
		t.Errorf("quotesheet %s: crashed:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// writeFile writes one file into a new temporary folder and returns its path.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{name: text})
	return filepath.Join(dir, name)
}

// table is a CSV report: its header and its rows keyed by column name.
type table struct {
	header []string
	rows   []map[string]string
}

func readCSV(t *testing.T, path string) table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: no header row", path)
	}
	tb := table{header: recs[0]}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		tb.rows = append(tb.rows, row)
	}
	return tb
}

// find returns the rows whose doc is doc.
func (tb table) find(doc string) []map[string]string {
	var rows []map[string]string
	for _, r := range tb.rows {
		if r["doc"] == doc {
			rows = append(rows, r)
		}
	}
	return rows
}

// The report contract's columns (spec/OUTPUT.md), which come first.
var (
	quoteColumns    = []string{"id", "doc", "lang", "kind", "speaker", "speaker_mention", "attribution", "cue", "quote", "start", "end", "line", "stance", "stance_score", "stance_cues", "confidence"}
	positionColumns = []string{"doc", "speaker", "quotes", "favor", "against", "none", "position", "confidence"}
	speakerColumns  = []string{"speaker", "docs", "quotes", "direct", "partial", "indirect", "favor", "against", "none", "position", "languages", "mentions"}
)

// Articles written for these tests: a short news text each, with one quote.
const (
	articleEN = `Russian leader speaks on unrest

MOSCOW, Jan 10 — The Russian president met his Security Council on Monday.

“We will stand by our friends in Central Asia and the peacekeepers will leave once order is restored,” Putin said at the meeting.
`
	articlePL = `Prezydent Kazachstanu o sytuacji w kraju

Prezydent Kazachstanu zwrócił się w poniedziałek wieczorem do narodu.

„Sytuacja w kraju jest stabilna, a siły pokojowe wkrótce wrócą do domu” – powiedział Tokajew w orędziu telewizyjnym.
`
	articleRU = `Кремль прокомментировал события

В понедельник в Кремле ответили на вопросы журналистов о событиях в регионе.

«Мы не видим никакой угрозы для соседей, миротворцы выполняют свою задачу», — заявил Песков журналистам.
`
	articleDE = `Außenminister äußert sich zur Lage in Zentralasien

Der russische Außenminister hat am Dienstag in Moskau Journalisten empfangen.

„Die Lage in Kasachstan hat sich stabilisiert, und die Soldaten werden bald nach Hause zurückkehren“, sagte Lawrow vor der Presse.
`
	articleMD = `Kazakh president addresses the nation

The president of Kazakhstan spoke on national television on Friday evening.

“Order has been restored in all regions of the country and the curfew will be lifted soon,” Tokayev said in his address.
`
	recordText = "Officials in the capital said on Wednesday that the situation was calm.\n\n“The situation is under control and the troops will go home soon,” Tokayev said in a televised address."
)

// goodArticles are the documents every good-input test reads, with a
// speaker and a piece of the quote each must give.
var goodArticles = []struct {
	doc, text, lang, speaker, quote string
}{
	{"en.txt", articleEN, "en", "Vladimir Putin", "We will stand by our friends in Central Asia"},
	{"pl.txt", articlePL, "pl", "Kassym-Jomart Tokayev", "Sytuacja w kraju jest stabilna"},
	{"ru.txt", articleRU, "ru", "Dmitry Peskov", "Мы не видим никакой угрозы для соседей"},
	{"news/de.txt", articleDE, "de", "Sergei Lavrov", "Die Lage in Kasachstan hat sich stabilisiert"},
	{"news/late/tokayev.md", articleMD, "en", "Kassym-Jomart Tokayev", "Order has been restored in all regions"},
}

// checkReports checks the three reports in dir: the contract's headers,
// a row for every want, and offsets that point at the quote in texts.
func checkReports(t *testing.T, dir string, texts map[string]string, want []struct{ doc, lang, speaker, quote string }) table {
	t.Helper()
	quotes := readCSV(t, filepath.Join(dir, "quotes.csv"))
	positions := readCSV(t, filepath.Join(dir, "positions.csv"))
	speakers := readCSV(t, filepath.Join(dir, "speakers.csv"))
	for _, c := range []struct {
		file string
		tb   table
		cols []string
	}{{"quotes.csv", quotes, quoteColumns}, {"positions.csv", positions, positionColumns}, {"speakers.csv", speakers, speakerColumns}} {
		if len(c.tb.header) < len(c.cols) || !slices.Equal(c.tb.header[:len(c.cols)], c.cols) {
			t.Errorf("%s header = %v, want it to begin with %v", c.file, c.tb.header, c.cols)
		}
	}
	for _, w := range want {
		found := false
		for _, r := range quotes.find(w.doc) {
			if strings.Contains(r["quote"], w.quote) {
				found = true
				if r["speaker"] != w.speaker || r["lang"] != w.lang {
					t.Errorf("%s: quote %q: speaker %q lang %q, want %q %q", w.doc, r["quote"], r["speaker"], r["lang"], w.speaker, w.lang)
				}
				if r["id"] != w.doc+"#"+r["start"] {
					t.Errorf("%s: id %q, want doc#start %q", w.doc, r["id"], w.doc+"#"+r["start"])
				}
			}
		}
		if !found {
			t.Errorf("quotes.csv: no quote of %s holds %q; rows: %v", w.doc, w.quote, quotes.find(w.doc))
		}
		pos := false
		for _, r := range positions.find(w.doc) {
			pos = pos || r["speaker"] == w.speaker
		}
		if !pos {
			t.Errorf("positions.csv: no row for %s, %s", w.doc, w.speaker)
		}
		spk := false
		for _, r := range speakers.rows {
			spk = spk || r["speaker"] == w.speaker
		}
		if !spk {
			t.Errorf("speakers.csv: no row for %s", w.speaker)
		}
	}
	// Offsets are code points into the text: text[start:end] == quote.
	for _, r := range quotes.rows {
		text, ok := texts[r["doc"]]
		if !ok {
			t.Errorf("quotes.csv: row of unexpected document %q", r["doc"])
			continue
		}
		start, err1 := strconv.Atoi(r["start"])
		end, err2 := strconv.Atoi(r["end"])
		runes := []rune(text)
		if err1 != nil || err2 != nil || start < 0 || start > end || end > len(runes) {
			t.Errorf("%s: bad offsets %q..%q", r["id"], r["start"], r["end"])
			continue
		}
		if got := string(runes[start:end]); got != r["quote"] {
			t.Errorf("%s: text[%d:%d] = %q, quote column %q", r["id"], start, end, got, r["quote"])
		}
	}
	return quotes
}

// TestExtractMixedInputs runs extract over a folder of good articles in
// several languages and broken files, and over standard input: the broken
// ones are named on stderr with their reason, the good ones are in the
// reports (standard input as doc "-"), and the exit status is 1.
func TestExtractMixedInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seeds := filepath.Join(dir, "seeds")
	files := map[string]string{
		"empty.txt": "",
		"README.md": "“This is not an article,” the author said.\n",
		// Hidden files and folders are not articles: a macOS resource fork and a VCS folder.
		"._en.txt":      "\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
		".git/note.txt": "“Not read either,” Putin said.\n",
		"notes.html":    "<p>“Not read: not .txt, .md or .jsonl,” Putin said.</p>\n",
		"recs.jsonl": `{"id":"rec-1","lang":"en","url":"https://example.com/a","date":"2022-01-12","text":` + strconv.Quote(recordText) + "}\n" +
			`{"id": "rec-2", "text": ` + "\n" +
			`{"id":"rec-3","lang":"en"}` + "\n",
	}
	texts := map[string]string{"rec-1": recordText}
	for _, a := range goodArticles {
		files[a.doc] = a.text
		texts[a.doc] = a.text
	}
	testfs.Write(t, seeds, files)
	// Latin-1: "é" is the single byte 0xE9, at byte 3.
	if err := os.WriteFile(filepath.Join(seeds, "latin1.txt"), []byte("Caf\xe9 owner: \xabWe are open again\xbb, said the owner.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds, "bin.txt"), []byte("PK\x03\x04\x00\x00text"), 0o644); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(seeds, "locked.txt")
	if os.Geteuid() == 0 {
		// root reads any file: a link to nowhere cannot be opened either.
		if err := os.Symlink(filepath.Join(dir, "gone.txt"), locked); err != nil {
			t.Fatal(err)
		}
	} else {
		if err := os.WriteFile(locked, []byte(articleEN), 0o000); err != nil {
			t.Fatal(err)
		}
	}

	out := filepath.Join(dir, "out")
	r := runCLI(t, articleRU, "extract", "--out", out, seeds, "-")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	// Every broken input, with its reason, in name order.
	wantErrs := []string{
		"bin.txt: binary",
		"empty.txt: empty",
		"latin1.txt: not UTF-8 at byte 3",
		"locked.txt: open: ",
		`recs.jsonl:2: bad JSON record`,
		`recs.jsonl:3: record has no "text"`,
	}
	var errLines []string
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, ".txt:") || strings.Contains(l, ".jsonl:") {
			errLines = append(errLines, l)
		}
	}
	if len(errLines) != len(wantErrs) {
		t.Errorf("stderr names %d inputs, want %d:\n%s", len(errLines), len(wantErrs), r.stderr)
	}
	for i, w := range wantErrs {
		if i < len(errLines) && !strings.Contains(errLines[i], w) {
			t.Errorf("stderr line %d = %q, want it to hold %q", i+1, errLines[i], w)
		}
	}
	if !strings.Contains(r.stderr, "6 input(s) failed") {
		t.Errorf("stderr does not count the 6 failed inputs:\n%s", r.stderr)
	}
	texts["-"] = articleRU
	want := []struct{ doc, lang, speaker, quote string }{
		{"rec-1", "en", "Kassym-Jomart Tokayev", "The situation is under control"},
		{"-", "ru", "Dmitry Peskov", "миротворцы выполняют свою задачу"}, // standard input
	}
	for _, a := range goodArticles {
		want = append(want, struct{ doc, lang, speaker, quote string }{a.doc, a.lang, a.speaker, a.quote})
	}
	quotes := checkReports(t, out, texts, want)
	for _, r := range quotes.rows {
		if strings.Contains(r["quote"], "Not read") || strings.Contains(r["quote"], "not an article") {
			t.Errorf("quotes.csv has a quote of a file that is not an article: %v", r)
		}
	}
}

// TestExitStatus checks the exit status and message of each way a
// command line can go.
func TestExitStatus(t *testing.T) {
	t.Parallel()
	seeds := t.TempDir()
	for _, a := range goodArticles {
		testfs.Write(t, seeds, map[string]string{a.doc: a.text})
	}
	misspelled := writeFile(t, "my.yaml", "lang: \"\"\nworkers: 1\nspeakrs:\n  - name: Somebody Else\n")
	badType := writeFile(t, "type.yaml", "workers: many\n")
	badNested := writeFile(t, "nested.yaml", "target:\n  name: Something\n  termz:\n    en: [something]\n")
	negative := writeFile(t, "neg.yaml", "workers: -3\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string // pieces the stderr must hold
	}{
		{"all good", []string{"extract", "--out", "OUT", seeds}, 0, []string{"quotes.csv"}},
		{"no arguments", nil, 2, []string{"Usage:", "extract"}},
		{"unknown command", []string{"extrakt", seeds}, 2, []string{`unknown command "extrakt"`}},
		{"extract without a path", []string{"extract", "--out", "OUT"}, 2, []string{"arg"}},
		{"unknown flag", []string{"extract", "--outt", "OUT", seeds}, 2, []string{"unknown flag: --outt"}},
		{"flag of the wrong type", []string{"extract", "--workers", "four", seeds}, 2, []string{"--workers"}},
		{"misspelled key", []string{"extract", "--out", "OUT", "--config", misspelled, seeds}, 2, []string{misspelled + ":3:", "speakrs"}},
		{"value of the wrong type", []string{"extract", "--out", "OUT", "--config", badType, seeds}, 2, []string{badType + ":1:", "many"}},
		{"misspelled nested key", []string{"extract", "--out", "OUT", "--config", badNested, seeds}, 2, []string{badNested + ":3:", "termz"}},
		{"negative workers", []string{"extract", "--out", "OUT", "--config", negative, seeds}, 2, []string{"workers", "-3"}},
		{"missing config file", []string{"extract", "--out", "OUT", "--config", filepath.Join(seeds, "none.yaml"), seeds}, 2, []string{"none.yaml"}},
		{"language without a pack", []string{"extract", "--out", "OUT", "--lang", "xx", seeds}, 2, []string{`"xx"`}},
		{"missing pack folder", []string{"extract", "--out", "OUT", "--pack-dir", filepath.Join(seeds, "nopacks"), seeds}, 2, []string{"pack_dir"}},
		{"eval without --gold", []string{"eval", seeds}, 2, []string{`"gold"`}},
		{"eval with a gold folder that is not there", []string{"eval", "--gold", filepath.Join(seeds, "nogold"), seeds}, 2, []string{"nogold"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			args := slices.Clone(tt.args)
			for i, a := range args {
				if a == "OUT" {
					args[i] = out
				}
			}
			r := runCLI(t, "", args...)
			if r.code != tt.code {
				t.Errorf("quotesheet %s: exit status %d, want %d; stderr:\n%s", strings.Join(args, " "), r.code, tt.code, r.stderr)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr does not hold %q:\n%s", s, r.stderr)
				}
			}
			if tt.code == 2 {
				if _, err := os.Stat(filepath.Join(out, "quotes.csv")); err == nil {
					t.Errorf("a usage error wrote reports")
				}
			}
			if tt.code == 0 {
				want := make([]struct{ doc, lang, speaker, quote string }, len(goodArticles))
				texts := map[string]string{}
				for i, a := range goodArticles {
					want[i] = struct{ doc, lang, speaker, quote string }{a.doc, a.lang, a.speaker, a.quote}
					texts[a.doc] = a.text
				}
				checkReports(t, out, texts, want)
			}
		})
	}
}

// TestPrecedence checks that flags beat QUOTESHEET_* variables, which
// beat the --config file, which beats the built-in configuration. lang
// shows in the lang column; workers, which does not show, is set to an
// invalid -1 in one layer and to a valid value in another: the run fails
// only when the layer holding -1 wins. (Each run that succeeds builds an
// engine, which takes a while; config_test.go checks every pair of layers
// through LoadConfig.)
func TestPrecedence(t *testing.T) {
	tests := []struct {
		name   string
		config string // --config file content; "" for none
		env    map[string]string
		flags  []string
		code   int
		lang   string // of every row, when code is 0
	}{
		{name: "config over built in", config: "lang: pl\nworkers: -1\n", code: 2},
		{name: "env over config", config: "lang: pl\nworkers: -1\n", env: map[string]string{"QUOTESHEET_LANG": "ru", "QUOTESHEET_WORKERS": "1"}, code: 0, lang: "ru"},
		{name: "env over config, invalid", config: "lang: pl\nworkers: 2\n", env: map[string]string{"QUOTESHEET_WORKERS": "-1"}, code: 2},
		{name: "flag over env", config: "lang: pl\nworkers: 1\n", env: map[string]string{"QUOTESHEET_LANG": "ru", "QUOTESHEET_WORKERS": "-1"}, flags: []string{"--lang", "de", "--workers", "2"}, code: 0, lang: "de"},
		{name: "flag over env, invalid", env: map[string]string{"QUOTESHEET_WORKERS": "2"}, flags: []string{"--workers", "-1"}, code: 2},
		{name: "invalid env", env: map[string]string{"QUOTESHEET_WORKERS": "several"}, code: 2},
	}
	doc := writeFile(t, "article.txt", articleEN)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			out := t.TempDir()
			args := []string{"extract", "--out", out}
			if tt.config != "" {
				args = append(args, "--config", writeFile(t, "quotesheet.yaml", tt.config))
			}
			args = append(append(args, tt.flags...), doc)
			r := runCLI(t, "", args...)
			if r.code != tt.code {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			if tt.code != 0 {
				if !strings.Contains(r.stderr, "workers") {
					t.Errorf("stderr does not name workers:\n%s", r.stderr)
				}
				return
			}
			quotes := readCSV(t, filepath.Join(out, "quotes.csv"))
			if len(quotes.rows) == 0 {
				t.Fatal("no quotes")
			}
			for _, row := range quotes.rows {
				if row["lang"] != tt.lang {
					t.Errorf("lang = %q, want %q", row["lang"], tt.lang)
				}
			}
		})
	}
}

// opinionArticle quotes an invented local figure, not on the roster: once
// in favor of the peacekeepers and once in favor of the protesters.
const opinionArticle = `Almaty residents speak out

ALMATY — Crowds gathered again in the central square on Tuesday, a week after the unrest.

“We welcome the peacekeepers and we thank them for restoring calm,” Omirbekov told reporters.

“The protesters are brave people and I support their just demands,” Omirbekov added.
`

// TestConfigFileChangesResults runs the same article with the built-in
// configuration and with --config files that add a speaker or change the
// target, and compares the speaker and stance columns.
func TestConfigFileChangesResults(t *testing.T) {
	t.Parallel()
	doc := writeFile(t, "almaty.txt", opinionArticle)
	const extra = `extra_speakers:
  - name: Talgat Omirbekov
    kind: person
    gender: m
    roles: [leader]
    aliases:
      en: [Talgat Omirbekov, Omirbekov]
      ru: [Талгат Омирбеков, Омирбеков*]
`
	const protesters = `target:
  name: Protest movement in Kazakhstan
  terms:
    all: []
    en: [protesters, protester, demonstrators, protest movement, rallies]
`
	// want: speaker of both quotes, stance of the first and of the second.
	// (One file does both changes: each run takes a while.)
	tests := []struct {
		name, config     string
		speaker          string
		stance1, stance2 string
	}{
		{"built in", "", "", "favor", "none"},
		{"extra speaker, protesters as target", extra + protesters, "Talgat Omirbekov", "none", "favor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			args := []string{"extract", "--out", out}
			if tt.config != "" {
				args = append(args, "--config", writeFile(t, "my.yaml", tt.config))
			}
			r := runCLI(t, "", append(args, doc)...)
			if r.code != 0 {
				t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
			}
			quotes := readCSV(t, filepath.Join(out, "quotes.csv"))
			if len(quotes.rows) != 2 {
				t.Fatalf("%d quotes, want 2: %v", len(quotes.rows), quotes.rows)
			}
			for i, want := range []string{tt.stance1, tt.stance2} {
				row := quotes.rows[i]
				switch {
				case tt.speaker == "":
					// Off the roster: the name as written, if found at all,
					// but never the roster's canonical name.
					if row["speaker"] == "Talgat Omirbekov" {
						t.Errorf("quote %d: speaker %q without the extra speaker", i+1, row["speaker"])
					}
				case row["speaker"] != tt.speaker || row["speaker_mention"] != "Omirbekov":
					t.Errorf("quote %d: speaker %q (mention %q), want %q (mention Omirbekov)", i+1, row["speaker"], row["speaker_mention"], tt.speaker)
				}
				if row["stance"] != want {
					t.Errorf("quote %d %q: stance %q, want %q", i+1, row["quote"], row["stance"], want)
				}
			}
		})
	}
}

// TestEval scores an article against a gold folder written for it.
func TestEval(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"docs/tokayev.md": articleMD,
		"docs/lavrov.txt": articleDE,
		"gold/quotes.csv": `doc,lang,kind,speaker,stance,quote
tokayev.md,en,direct,Kassym-Jomart Tokayev|Tokayev,none,"Order has been restored in all regions of the country and the curfew will be lifted soon,"
lavrov.txt,de,direct,Sergei Lavrov,favor,"Die Lage in Kasachstan hat sich stabilisiert, und die Soldaten werden bald nach Hause zurückkehren"
`,
		"gold/positions.csv": "doc,speaker,stance\ntokayev.md,Kassym-Jomart Tokayev,none\n",
		"badgold/quotes.csv": "doc,speaker,quote\ntokayev.md,Tokayev,Order\n",
	})
	tests := []struct {
		name  string
		gold  string
		code  int
		lines []string // on stdout
		err   string   // on stderr
	}{
		{"right", "gold", 0, []string{"marked_gold: 2", "marked_pred: 2", "marked_P: 1.0", "marked_R: 1.0", "marked_F1: 1.0", "marked_attr_acc: 1.0", "positions_gold: 1", "positions_acc: 1.0"}, ""},
		{"gold without its columns", "badgold", 2, nil, "quotes.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runCLI(t, "", "eval", "--gold", filepath.Join(dir, tt.gold), filepath.Join(dir, "docs"))
			if r.code != tt.code {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			lines := strings.Split(r.stdout, "\n")
			for _, l := range tt.lines {
				if !slices.Contains(lines, l) {
					t.Errorf("stdout has no line %q:\n%s", l, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tt.err) {
				t.Errorf("stderr does not hold %q:\n%s", tt.err, r.stderr)
			}
		})
	}
}

// TestCompareNames checks the order failed inputs are reported in.
func TestCompareNames(t *testing.T) {
	names := []string{"b.txt", "recs.jsonl:10", "a.txt", "recs.jsonl:2", "recs.jsonl", "news/x.txt", "a:b.txt"}
	slices.SortFunc(names, compareNames)
	want := []string{"a.txt", "a:b.txt", "b.txt", "news/x.txt", "recs.jsonl", "recs.jsonl:2", "recs.jsonl:10"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
}

// TestWorkbook checks that --xlsx (or xlsx in the configuration) adds the
// workbook beside the CSV reports, whose quotes sheet holds the rows of
// quotes.csv, and that without it no workbook is written.
func TestWorkbook(t *testing.T) {
	doc := writeFile(t, "article.txt", articleEN)
	for _, tt := range []struct {
		name string
		args []string
		want bool
	}{
		{"default", nil, false},
		{"flag", []string{"--xlsx"}, true},
		{"config", []string{"--config", writeFile(t, "q.yaml", "xlsx: true\n")}, true},
		{"flag over config", []string{"--config", writeFile(t, "q.yaml", "xlsx: true\n"), "--xlsx=false"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			r := runCLI(t, "", append(append([]string{"extract", "--out", out}, tt.args...), doc)...)
			if r.code != 0 {
				t.Fatalf("exit status %d; stderr:\n%s", r.code, r.stderr)
			}
			path := filepath.Join(out, reports.WorkbookFile)
			f, err := excelize.OpenFile(path)
			if !tt.want {
				if err == nil {
					f.Close()
					t.Errorf("%s written without being asked for", path)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, want := f.GetSheetList(), []string{"quotes", "positions", "speakers"}; !slices.Equal(got, want) {
				t.Errorf("sheets %q, want %q", got, want)
			}
			sheet, err := f.GetRows("quotes")
			if err != nil {
				t.Fatal(err)
			}
			quotes := readCSV(t, filepath.Join(out, "quotes.csv"))
			if len(sheet) != len(quotes.rows)+1 || len(quotes.rows) == 0 {
				t.Fatalf("quotes sheet has %d rows, quotes.csv %d rows and a header", len(sheet), len(quotes.rows))
			}
			col := slices.Index(sheet[0], "quote")
			for i, row := range quotes.rows {
				if sheet[i+1][col] != row["quote"] {
					t.Errorf("row %d: sheet %q, csv %q", i+1, sheet[i+1][col], row["quote"])
				}
			}
		})
	}
}
