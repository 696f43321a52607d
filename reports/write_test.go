package reports

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleQuotes are quote rows in three languages, with the cells that need
// CSV quoting: commas, quote marks and a line break.
func sampleQuotes() []QuoteRow {
	return []QuoteRow{
		{
			ID: "news/en.txt#120", Doc: "news/en.txt", Lang: "en", Kind: "direct",
			Speaker: "Antony Blinken", SpeakerMention: "Blinken", Attribution: "name", Cue: "said",
			Quote: `We are watching closely, and we will respond "firmly" if needed`,
			Start: 120, End: 183, Line: 3, Stance: "against", StanceScore: -0.5,
			StanceCues: List{"respond firmly"}, Confidence: 0.9,
			MentionStart: Offset(190), MentionEnd: Offset(197), CueStart: Offset(198), CueEnd: Offset(202),
		},
		{
			ID: "news/en.txt#300", Doc: "news/en.txt", Lang: "en", Kind: "indirect",
			Speaker: "", Attribution: "none",
			Quote: "the convoy had left the airport\nbefore dawn", Start: 300, End: 343, Line: 7,
			Stance: "none", Confidence: 0.1, Flags: List{"multi-paragraph", "unclosed"},
		},
		{
			ID: "hi.txt#15", Doc: "hi.txt", Lang: "hi", Kind: "partial",
			Speaker: "Sergei Shoigu", SpeakerMention: "शोइगु", Attribution: "name", Cue: "ने कहा कि",
			Quote: "शांति सेना", Start: 15, End: 25, Line: 1, Stance: "favor", StanceScore: 2.0 / 3,
			StanceCues: List{"शांति", "सेना"}, Confidence: 0.85, MentionStart: Offset(0), MentionEnd: Offset(5),
		},
		{
			ID: "ar.txt#40", Doc: "ar.txt", Lang: "ar", Kind: "direct",
			Speaker: "Maria Zakharova", SpeakerMention: "زاخاروفا", Attribution: "name", Cue: "قالت",
			Quote: "نحن ندعم الشركاء، بلا شروط", Start: 40, End: 66, Line: 2, Stance: "favor", StanceScore: 1,
			Confidence: 1,
		},
	}
}

func TestWriteGolden(t *testing.T) {
	rows := sampleQuotes()
	pos, spk := Aggregate(rows, majority)
	tests := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"quotes", func(w io.Writer) error { return WriteQuotes(w, rows) }},
		{"quotes_empty", func(w io.Writer) error { return WriteQuotes(w, nil) }},
		{"positions", func(w io.Writer) error { return WritePositions(w, pos) }},
		{"speakers", func(w io.Writer) error { return WriteSpeakers(w, spk) }},
		{"speakers_empty", func(w io.Writer) error { return WriteSpeakers(w, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", tt.name+".csv")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", tt.name, golden, got, want)
			}
		})
	}
}

func TestWriteHeaders(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  string
	}{
		{"quotes", func(w io.Writer) error { return WriteQuotes(w, nil) },
			"id,doc,lang,kind,speaker,speaker_mention,attribution,cue,quote,start,end,line,stance,stance_score,stance_cues,confidence," +
				"mention_start,mention_end,cue_start,cue_end,flags"},
		{"positions", func(w io.Writer) error { return WritePositions(w, nil) },
			"doc,speaker,quotes,favor,against,none,position,confidence"},
		{"speakers", func(w io.Writer) error { return WriteSpeakers(w, []SpeakerRow{}) },
			"speaker,docs,quotes,direct,partial,indirect,favor,against,none,position,languages,mentions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want+"\n" {
				t.Errorf("header = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteQuotesQuoting(t *testing.T) {
	quote := "He said, \"no\",\nand left"
	rows := []QuoteRow{{ID: "a.txt#0", Doc: "a.txt", Kind: "direct", Quote: quote, End: 23, StanceScore: -1, Confidence: 0.125}}
	var buf bytes.Buffer
	if err := WriteQuotes(&buf, rows); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if want := `"He said, ""no"",` + "\nand left\""; !strings.Contains(raw, want) {
		t.Errorf("quote cell not RFC 4180 quoted: want %q in\n%s", want, raw)
	}
	if strings.HasPrefix(raw, "\ufeff") {
		t.Error("output starts with a byte order mark")
	}
	if strings.Contains(raw, "\r\n") {
		t.Error("output has CR LF line ends")
	}
	recs, err := csv.NewReader(strings.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1][8] != quote {
		t.Fatalf("records = %q, want the quote back in column 9", recs)
	}
	// stance_score, confidence; the unknown offsets are empty cells.
	if got := []string{recs[1][13], recs[1][15], recs[1][16], recs[1][19]}; !reflect.DeepEqual(got, []string{"-1", "0.125", "", ""}) {
		t.Errorf("cells = %q", got)
	}
}

func TestReadQuotesRoundTrip(t *testing.T) {
	rows := sampleQuotes()
	var buf bytes.Buffer
	if err := WriteQuotes(&buf, rows); err != nil {
		t.Fatal(err)
	}
	got, err := ReadQuotes(strings.NewReader("\ufeff" + buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	// The score 2/3 is written with three decimals.
	rows[2].StanceScore = 0.667
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, rows)
	}
}

func TestReadQuotesErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no header", "", "line 1: no header row"},
		{"missing quote", "doc,kind\na.txt,direct\n", `line 1: missing column "quote"`},
		{"bad start", "doc,quote,start\na.txt,\"two\nlines\",0\nb.txt,x,seven\n", "line 4: column 3"},
		{"bad quoting", "doc,quote\na.txt,\"open\n", "line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadQuotes(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadPositions(t *testing.T) {
	in := "doc,speaker,quotes,favor,against,none,position,confidence,extra\nx/a.txt,Wang Yi,2,1,0,1,favor,0.75,z\n"
	got, err := ReadPositions(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []PositionRow{{Doc: "x/a.txt", Speaker: "Wang Yi", Quotes: 2, Favor: 1, None: 1, Position: "favor", Confidence: 0.75}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestFloatString(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {1, "1"}, {-1, "-1"}, {0.85, "0.85"}, {-0.5, "-0.5"}, {2.0 / 3, "0.667"},
		{0.1 + 0.2, "0.3"}, {-0.0001, "0"}, {0.0005, "0.001"}, {12.5, "12.5"},
	}
	for _, tt := range tests {
		if got := Float(tt.in).String(); got != tt.want {
			t.Errorf("Float(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestListUnmarshal(t *testing.T) {
	tests := []struct {
		in   string
		want List
	}{
		{"", nil}, {"a", List{"a"}}, {"a; b;;c ", List{"a", "b", "c"}}, {";", nil},
	}
	for _, tt := range tests {
		var l List
		if err := l.UnmarshalCSV(tt.in); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(l, tt.want) {
			t.Errorf("List(%q) = %q, want %q", tt.in, l, tt.want)
		}
	}
}

func TestWriteFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "run")
	rows := sampleQuotes()
	pos, spk := Aggregate(rows, majority)
	// Twice: the second run replaces the first run's files.
	for range 2 {
		if err := WriteFiles(dir, rows, pos, spk); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"positions.csv", "quotes.csv", "speakers.csv"}; !reflect.DeepEqual(names, want) {
		t.Errorf("files = %q, want %q (no temporary files left)", names, want)
	}
	for name, write := range map[string]func(io.Writer) error{
		QuotesFile:    func(w io.Writer) error { return WriteQuotes(w, rows) },
		PositionsFile: func(w io.Writer) error { return WritePositions(w, pos) },
		SpeakersFile:  func(w io.Writer) error { return WriteSpeakers(w, spk) },
	} {
		var want bytes.Buffer
		if err := write(&want); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s differs from what its writer writes", name)
		}
	}
}

func TestWriteFilesError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFiles(filepath.Join(file, "out"), nil, nil, nil); err == nil {
		t.Error("WriteFiles under a regular file succeeded")
	}
}

func TestSortQuotes(t *testing.T) {
	rows := []QuoteRow{
		{Doc: "b.txt", Start: 5, End: 9, Kind: "direct"},
		{Doc: "a.txt", Start: 30, End: 40, Kind: "indirect"},
		{Doc: "a.txt", Start: 30, End: 35, Kind: "partial"},
		{Doc: "a.txt", Start: 2, End: 8, Kind: "direct"},
		{Doc: "a.txt", Start: 30, End: 35, Kind: "indirect"},
	}
	SortQuotes(rows)
	var got []string
	for _, r := range rows {
		got = append(got, QuoteID(r.Doc, r.Start)+"-"+r.Kind)
	}
	want := []string{"a.txt#2-direct", "a.txt#30-indirect", "a.txt#30-partial", "a.txt#30-indirect", "b.txt#5-direct"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
	if rows[1].End != 35 || rows[3].End != 40 {
		t.Errorf("ties on start not ordered by end: %+v", rows)
	}
}

func BenchmarkWriteQuotes(b *testing.B) {
	var rows []QuoteRow
	for range 250 {
		rows = append(rows, sampleQuotes()...)
	}
	var buf bytes.Buffer
	if err := WriteQuotes(&buf, rows); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		buf.Reset()
		if err := WriteQuotes(&buf, rows); err != nil {
			b.Fatal(err)
		}
	}
}
