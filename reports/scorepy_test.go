package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// scorePy locates the reference scorer: the shared folder sits beside the
// repository.
func scorePy(t *testing.T) string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "shared", "tools", "score.py"))
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no reference scorer: %v", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	return script
}

// Documents of the synthetic corpus, written for this test.
var pyDocs = map[string]string{
	"en1.txt": "The minister spoke to reporters on Friday.\n" +
		"“We will not send troops anywhere without a clear request,” Petrov said.\n" +
		"He added that the talks would resume next week.\n" +
		"Critics called the plan an “adventure” and demanded a vote.\n" +
		"“Thank you.” “Thank you.”\n" +
		"“Our partners asked for help,” she said. “The border stays closed,” he said.\n" +
		"Officials said the convoy left at noon.\n",
	"hi1.txt": "रक्षा मंत्री ने कहा कि \"सेना केवल हवाई अड्डों की सुरक्षा करेंगी\" और जल्द लौट आएगी।\n" +
		"उन्होंने बताया कि बातचीत जारी रहेगी।\n",
	"ar1.txt": "وقال المتحدث باسم الوزارة: \"إن الوضع في العاصمة مستقر تماما الآن\"، مضيفا أن القوات ستبقى أسبوعين.\n" +
		"وأكد الوزير أن الحكومة تدعم المهمة بشكل كامل.\n",
	"pl1.txt": "„Nie widzimy żadnego zagrożenia dla sąsiadów” - czytamy we wpisach ministra Nowaka.\n" +
		"Żołnierze wrócą do koszar w przyszłym miesiącu, zapowiedział Nowak.\n",
	"de1.txt":  "„Die Straße bleibt gesperrt“, sagte Weiß. Es gehe um „gemeinsame Verantwortung“.\n",
	"crlf.txt": "\ufeffLine one.\r\n“Second line quote here,” she said.\r\n",
}

var pyGold = [][]string{
	{"doc", "lang", "kind", "speaker", "stance", "quote"},
	{"en1.txt", "en", "direct", "Ivan Petrov|Petrov", "against", "We will not send troops anywhere without a clear request"},
	{"en1.txt", "en", "indirect", "Ivan Petrov", "none", "the talks would resume next week"},
	{"en1.txt", "en", "scare", "", "none", "adventure"},
	{"en1.txt", "en", "direct", "Anna Rowe", "none", "Thank you."},
	{"en1.txt", "en", "direct", "Anna Rowe", "none", "Thank you."},
	{"en1.txt", "en", "label", "Anna Rowe", "favor", "We support the request of our allies"},
	{"en1.txt", "en", "direct", "Anna Rowe", "favor", "Our partners asked for help"},
	{"en1.txt", "en", "direct", "Ivan Petrov", "none", "Border stays closed"},
	{"en1.txt", "en", "indirect", "", "none", "convoy reached the city"},
	{"hi1.txt", "hi", "direct", "Sergei Shoigu|शोइगु", "favor", "सेना केवल हवाई अड्डे की सुरक्षा करेगी"},
	{"hi1.txt", "hi", "indirect", "Sergei Shoigu", "none", "बातचीत जारी रहेगी"},
	{"ar1.txt", "ar", "direct", "Maria Zakharova|زاخاروفا", "favor", "إن الوضع في العاصمة مستقر تماما الآن"},
	{"ar1.txt", "ar", "indirect", "Maria Zakharova", "favor", "القوات ستبقى أسبوعين"},
	{"ar1.txt", "ar", "indirect", "Sergei Lavrov", "favor", "الحكومة تدعم المهمة بشكل كامل"},
	{"pl1.txt", "pl", "direct", "Jan Nowak", "against", "Nie widzimy żadnego zagrożenia dla sąsiadów"},
	{"pl1.txt", "pl", "indirect", "Jan Nowak", "none", "Żołnierze wrócą do koszar w przyszłym miesiącu"},
	{"de1.txt", "de", "direct", "Klaus Weiß", "none", "Die Straße bleibt gesperrt"},
	{"de1.txt", "de", "partial", "Wang Yi", "favor", "gemeinsame Verantwortung"},
	{"crlf.txt", "en", "pull", "Anna Rowe", "none", "Second line quote here"},
}

var pyGoldPositions = [][]string{
	{"doc", "speaker", "stance"},
	{"en1.txt", "Ivan Petrov", "against"},
	{"ar1.txt", "Maria Zakharova|زاخاروفا", "favor"},
	{"hi1.txt", "Sergei Shoigu", "favor"},
	{"pl1.txt", "Jan Nowak", "against"},
	{"de1.txt", "Wang Yi", "favor"},
}

// pyPred are the predictions: a spread of exact, near and wrong matches,
// wrong speakers, a scare quote reported as speech, unknown documents.
// at is the text to find in the document for the offsets (the quote when
// empty); shift spoils them.
var pyPred = []struct {
	row   QuoteRow
	at    string
	shift int
}{
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Speaker: "Petrov", Stance: "Against", Quote: "We will not send troops anywhere without a clear request,"}},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Quote: "adventure"}},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "scare", Quote: "adventure"}, shift: 2},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "indirect", Speaker: "Ivan Petrov", Quote: "He added that the talks would resume next week"}},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Speaker: "Anna Rowe", Quote: "Thank you."}},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Speaker: "", Stance: "favor", Quote: "Thank you."}},
	{row: QuoteRow{Doc: "in/hi1.txt", Kind: "direct", Speaker: "शोइगु", Stance: "favor", Quote: "सेना केवल हवाई अड्डों की सुरक्षा करेंगी"}},
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Speaker: "Anna Rowe", Stance: "favor", Quote: "partners asked for help"}},         // overlap 0.8: a match
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "direct", Speaker: "Petrov", Quote: "The border stays closed"}},                             // overlap 0.75: none
	{row: QuoteRow{Doc: "in/en1.txt", Kind: "indirect", Speaker: "Officials", Quote: "the convoy left at noon"}, at: "the convoy left"}, // recall 0.5: a match
	{row: QuoteRow{Doc: "in/hi1.txt", Kind: "indirect", Speaker: "Shoigu", Quote: "बातचीत जारी रहेगी"}},
	{row: QuoteRow{Doc: "in/ar1.txt", Kind: "direct", Speaker: "زاخاروفا", Stance: "favor", Quote: "إن الوضع في العاصمة مستقر تماما الآن\"،"}, at: "إن الوضع في العاصمة مستقر تماما الآن\"،"},
	{row: QuoteRow{Doc: "in/ar1.txt", Kind: "indirect", Speaker: "Maria Zakharova", Stance: "favor", Quote: "القوات ستبقى"}},
	{row: QuoteRow{Doc: "in/ar1.txt", Kind: "indirect", Speaker: "Lavrov", Stance: "against", Quote: "وأكد الوزير"}},
	{row: QuoteRow{Doc: "in/pl1.txt", Kind: "direct", Speaker: "Nowaka", Stance: "against", Quote: "«Nie widzimy żadnego zagrożenia dla sąsiadów»"}, at: "Nie widzimy"},
	{row: QuoteRow{Doc: "in/pl1.txt", Kind: "indirect", Speaker: "Jan Nowak", Quote: "w przyszłym"}},
	{row: QuoteRow{Doc: "in/de1.txt", Kind: "direct", Speaker: "Weiss", Stance: "none", Quote: "Die Strasse bleibt gesperrt"}, at: "Die Straße bleibt gesperrt"},
	{row: QuoteRow{Doc: "in/de1.txt", Kind: "partial", Speaker: "Yi", Stance: "favor", Quote: "gemeinsame Verantwortung"}},
	{row: QuoteRow{Doc: "in/crlf.txt", Kind: "direct", Speaker: "Anna Rowe", Quote: "Second line quote here,"}},
	{row: QuoteRow{Doc: "in/de1.txt", Kind: "", Speaker: "Klaus Weiß", Quote: "Es gehe um"}},
	{row: QuoteRow{Doc: "in/other.txt", Kind: "direct", Speaker: "Ned Price", Quote: "Nothing to add"}},
}

func TestScoreAgreesWithScorePy(t *testing.T) {
	script := scorePy(t)
	tests := []struct {
		name          string
		goldPositions bool
		predPositions bool
		docs          bool
		pred          func(rows []QuoteRow) []QuoteRow
	}{
		{name: "all", goldPositions: true, predPositions: true, docs: true},
		{name: "quotes only", goldPositions: true},
		{name: "no gold positions", predPositions: true, docs: true},
		{name: "marked only", goldPositions: true, predPositions: true, pred: func(rows []QuoteRow) []QuoteRow {
			var out []QuoteRow
			for _, r := range rows {
				if r.Kind != "indirect" {
					out = append(out, r)
				}
			}
			return out
		}},
		{name: "nothing predicted", goldPositions: true, predPositions: true, docs: true, pred: func([]QuoteRow) []QuoteRow { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			goldDir, predDir, docsDir := filepath.Join(dir, "gold"), filepath.Join(dir, "pred"), filepath.Join(dir, "docs")
			for _, d := range []string{goldDir, predDir, docsDir} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			writeCSVFile(t, filepath.Join(goldDir, "quotes.csv"), pyGold)
			if tt.goldPositions {
				writeCSVFile(t, filepath.Join(goldDir, "positions.csv"), pyGoldPositions)
			}
			for name, text := range pyDocs {
				if err := os.WriteFile(filepath.Join(docsDir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var rows []QuoteRow
			for _, p := range pyPred {
				r := p.row
				at := p.at
				if at == "" {
					at = r.Quote
				}
				r.Start = cpIndex(pyDocs[pyBase(r.Doc)], at) + p.shift
				r.End = r.Start + len([]rune(r.Quote))
				r.ID = QuoteID(r.Doc, r.Start)
				rows = append(rows, r)
			}
			if tt.pred != nil {
				rows = tt.pred(rows)
			}
			positions, _ := Aggregate(rows, majority)
			writeFile(t, filepath.Join(predDir, "quotes.csv"), func(b *bytes.Buffer) error { return WriteQuotes(b, rows) })
			writeFile(t, filepath.Join(predDir, "positions.csv"), func(b *bytes.Buffer) error { return WritePositions(b, positions) })

			args := []string{script, "--gold", goldDir, "--pred", filepath.Join(predDir, "quotes.csv"), "--verbose"}
			if tt.predPositions {
				args = append(args, "--positions", filepath.Join(predDir, "positions.csv"))
			}
			if tt.docs {
				args = append(args, "--docs", docsDir)
			}
			out, err := exec.Command("python3", args...).Output()
			if err != nil {
				t.Fatalf("score.py: %v", err)
			}
			lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			var want map[string]json.Number
			dec := json.NewDecoder(strings.NewReader(lines[len(lines)-1]))
			dec.UseNumber()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("score.py's last line: %v", err)
			}

			// Score what score.py read: the files, read back.
			g, err := ReadGold(goldDir)
			if err != nil {
				t.Fatal(err)
			}
			pred := readBack(t, filepath.Join(predDir, "quotes.csv"), ReadQuotes)
			var predPos []PositionRow
			if tt.predPositions {
				predPos = readBack(t, filepath.Join(predDir, "positions.csv"), ReadPositions)
				if predPos == nil {
					predPos = []PositionRow{}
				}
			}
			sc := Score(g, pred, predPos)
			if tt.docs {
				if err := sc.CheckOffsets(docsDir, pred); err != nil {
					t.Fatal(err)
				}
			}

			got := map[string]string{}
			for _, m := range sc.Metrics() {
				got[m.Key] = m.String()
				if w, ok := want[m.Key]; !ok {
					t.Errorf("%s: not in score.py's output", m.Key)
				} else if w.String() != m.String() {
					t.Errorf("%s = %s, score.py says %s", m.Key, m, w)
				}
			}
			for k := range want {
				if _, ok := got[k]; !ok {
					t.Errorf("%s: score.py reports it, Scorecard does not", k)
				}
			}
			// The verbose details and the metric lines, in order.
			var b bytes.Buffer
			if err := sc.WriteDetails(&b); err != nil {
				t.Fatal(err)
			}
			if err := sc.Write(&b); err != nil {
				t.Fatal(err)
			}
			if g, w := b.String(), strings.Join(lines[:len(lines)-1], "\n")+"\n"; g != w {
				t.Errorf("output differs from score.py's:\n got:\n%s\nwant:\n%s", g, w)
			}
			if tt.name == "all" && (sc.Marked.P == 0 || sc.Indirect.R == 0 || sc.OffsetsBad == 0 || len(sc.WrongSpeakers) == 0 || len(sc.PositionErrors) == 0) {
				t.Errorf("the synthetic corpus no longer exercises the scorer: %+v", sc)
			}
		})
	}
}

// cpIndex is the code point offset of sub in text as Python reads the file
// (line ends folded to LF, a byte order mark counted).
func cpIndex(text, sub string) int {
	t := string(pyText([]byte(text)))
	i := strings.Index(t, sub)
	if i < 0 {
		return 0
	}
	return len([]rune(t[:i]))
}

func writeCSVFile(t *testing.T, path string, records [][]string) {
	t.Helper()
	writeFile(t, path, func(b *bytes.Buffer) error {
		w := csv.NewWriter(b)
		w.WriteAll(records)
		return w.Error()
	})
}

func writeFile(t *testing.T, path string, write func(*bytes.Buffer) error) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readBack[T any](t *testing.T, path string, read func(r io.Reader) ([]T, error)) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}
