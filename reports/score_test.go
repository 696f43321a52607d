package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The expectations below were checked against score.py's own functions.

func TestNormQuoteAndTokens(t *testing.T) {
	tests := []struct {
		in, norm string
		toks     []string
	}{
		// Devanagari words split at vowel signs (combining marks are not \w).
		{"सेना केवल हवाई अड्डे", "सेना केवल हवाई अड्डे", []string{"स", "न", "क", "वल", "हव", "ई", "अड", "ड"}},
		{"إن الوضع، مستقر", "إن الوضع، مستقر", []string{"إن", "الوضع", "مستقر"}},
		{"  «Die Straße» bleibt—gesperrt.  ", `die strasse" bleibt—gesperrt`, []string{"die", "strasse", "bleibt", "gesperrt"}},
		{"“Он сказал: ‘нет’.”", `он сказал: "нет`, []string{"он", "сказал", "нет"}},
		{"İstanbul ΣΟΦΟΣ ﬁx", "i\u0307stanbul σοφοσ fix", []string{"i", "stanbul", "σοφοσ", "fix"}},
		{"a_b 12³ x²", "a_b 12³ x²", []string{"a_b", "12³", "x²"}},
		{"line\u00a0one\n\t two ,", "line one two", []string{"line", "one", "two"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		if got := normQuote(tt.in); got != tt.norm {
			t.Errorf("normQuote(%q) = %q, want %q", tt.in, got, tt.norm)
		}
		if got := quoteTokens(tt.in); !reflect.DeepEqual(got, tt.toks) {
			t.Errorf("quoteTokens(%q) = %q, want %q", tt.in, got, tt.toks)
		}
	}
}

func TestOverlap(t *testing.T) {
	rg, rp := overlap("a b b c", "b b d")
	if rg != 2.0/3 || rp != 0.5 {
		t.Errorf("overlap = %v, %v; want 2/3, 1/2", rg, rp)
	}
	if rg, rp := overlap("...", "words"); rg != 0 || rp != 0 {
		t.Errorf("overlap with no tokens = %v, %v", rg, rp)
	}
}

func TestSpeakerNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"शोइगु", "श इग"},
		{"Kasyma-Żomarta Tokajewa", "kasyma zomarta tokajewa"},
		{"  Jen  Psaki ", "jen psaki"},
		{"Weiß", "weiss"},
		{"MS. PSAKI:", "ms psaki"},
		{"İlham Əliyev", "ilham əliyev"},
	}
	for _, tt := range tests {
		if got := speakerNorm(tt.in); got != tt.want {
			t.Errorf("speakerNorm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"Psaki", "Jen Psaki", true},
		{"Yi", "Wang Yi", false}, // surname of two letters
		{"शोइगु", "Sergei Shoigu|शोइगु", true},
		{"Tokajewa", "Kassym-Jomart Tokayev", false},
		{"", "Jen Psaki", false},
		{"Weiss", "Klaus Weiß", true},
		{"Klaus", "|", false},
		{"Sergei Shoigu", "शोइगु|Shoigu", true},
		{"Ned Price", "Antony Blinken", false},
	}
	for _, tt := range tests {
		if got := SpeakerMatches(tt.pred, tt.gold); got != tt.want {
			t.Errorf("SpeakerMatches(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestRound3AndPyFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {1, "1.0"}, {2.0 / 3, "0.667"}, {0.0005, "0.001"}, {0.1 + 0.2, "0.3"}, {0.8125, "0.812"},
		{5.0 / 9, "0.556"}, {0.9995, "1.0"}, {0.00049, "0.0"},
	}
	for _, tt := range tests {
		if got := pyFloat(round3(tt.in)); got != tt.want {
			t.Errorf("pyFloat(round3(%v)) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := pyFloat(0.00001); got != "1e-05" {
		t.Errorf("pyFloat(1e-5) = %q", got)
	}
}

func TestPyTextAndSlice(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"a\xe2\x82b", "a\uFFFDb"},
		{"\xff\xfe", "\uFFFD\uFFFD"},
		{"\xed\xa0\x80x", "\uFFFD\uFFFD\uFFFDx"},
		{"\xf0\x90\x80", "\uFFFD"},
		{"\xe0\x80\x80", "\uFFFD\uFFFD\uFFFD"},
		{"one\r\ntwo\rthree\n", "one\ntwo\nthree\n"},
		{"\ufeffमत", "\ufeffमत"},
	}
	for _, tt := range tests {
		if got := string(pyText([]byte(tt.in))); got != tt.want {
			t.Errorf("pyText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	text := []rune("सेना लौटी")
	for _, tt := range []struct {
		s, e int
		want string
	}{{0, 4, "सेना"}, {5, 99, "लौटी"}, {-4, 9, "लौटी"}, {6, 2, ""}} {
		if got := pySlice(text, tt.s, tt.e); got != tt.want {
			t.Errorf("pySlice(%d, %d) = %q, want %q", tt.s, tt.e, got, tt.want)
		}
	}
}

func TestReadGold(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("quotes.csv", "\ufeffdoc,lang,kind,speaker,stance,quote,note\n"+
		"a.txt,en,direct,Ned Price|Price,none,\"We have, as you know,\nnothing to add\",x\n"+
		"a.txt,en,scare,,none,occupation,\n")
	g, err := ReadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []GoldQuote{
		{Doc: "a.txt", Lang: "en", Kind: "direct", Speaker: "Ned Price|Price", Stance: "none", Quote: "We have, as you know,\nnothing to add", Line: 2},
		{Doc: "a.txt", Lang: "en", Kind: "scare", Stance: "none", Quote: "occupation", Line: 4},
	}
	if !reflect.DeepEqual(g.Quotes, want) || g.HasPositions {
		t.Errorf("gold = %+v, want %+v and no positions", g, want)
	}

	write("positions.csv", "doc,speaker,stance\na.txt,Ned Price,against\n")
	g, err = ReadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !g.HasPositions || !reflect.DeepEqual(g.Positions, []GoldPosition{{Doc: "a.txt", Speaker: "Ned Price", Stance: "against", Line: 2}}) {
		t.Errorf("positions = %+v", g.Positions)
	}

	tests := []struct {
		name, file, body, want string
	}{
		{"missing column", "quotes.csv", "doc,lang,kind,stance,quote\n", `quotes.csv:1: missing column "speaker"`},
		{"ragged row", "quotes.csv", "doc,lang,kind,speaker,stance,quote\na,en,direct,X,none,q\nb,en\n", "quotes.csv: record on line 3"},
		{"bad positions", "positions.csv", "doc,speaker\n", `positions.csv:1: missing column "stance"`},
		{"empty", "quotes.csv", "", "quotes.csv:1: no header row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "quotes.csv" {
				if err := os.WriteFile(filepath.Join(dir, "quotes.csv"), []byte("doc,lang,kind,speaker,stance,quote\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadGold(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := ReadGold(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("ReadGold of a missing folder succeeded")
	}
}

func TestScoreSmall(t *testing.T) {
	g := &Gold{
		Quotes: []GoldQuote{
			{Doc: "a.txt", Kind: "direct", Speaker: "Ned Price", Stance: "against", Quote: "We reject this step entirely"},
			{Doc: "a.txt", Kind: "scare", Quote: "peacekeepers"},
			{Doc: "a.txt", Kind: "indirect", Speaker: "Wang Yi", Stance: "favor", Quote: "the mission restored order quickly"},
		},
		Positions:    []GoldPosition{{Doc: "a.txt", Speaker: "Ned Price", Stance: "against"}},
		HasPositions: true,
	}
	pred := []QuoteRow{
		{Doc: "in/a.txt", Kind: "direct", Speaker: "Price", Stance: "against", Quote: "“We reject this step entirely.”"},
		{Doc: "in/a.txt", Kind: "direct", Speaker: "Ned Price", Quote: "Peacekeepers"},
		{Doc: "in/a.txt", Kind: "indirect", Speaker: "Ned Price", Stance: "favor", Quote: "the mission restored order"},
	}
	sc := Score(g, pred, []PositionRow{{Doc: "in/a.txt", Speaker: "Price", Position: "Against"}})
	var buf bytes.Buffer
	if err := sc.Write(&buf); err != nil {
		t.Fatal(err)
	}
	want := `marked_gold: 1
marked_pred: 2
marked_scare_as_speech: 1
marked_P: 0.5
marked_R: 1.0
marked_F1: 0.667
marked_attr_acc: 1.0
marked_e2e_F1: 0.667
marked_stance_acc: 1.0
marked_stance_Favg: 0.5
indirect_gold: 1
indirect_pred: 1
indirect_scare_as_speech: 0
indirect_P: 1.0
indirect_R: 1.0
indirect_F1: 1.0
indirect_attr_acc: 0.0
indirect_e2e_F1: 0.0
indirect_stance_acc: 1.0
indirect_stance_Favg: 0.5
positions_gold: 1
positions_found: 1
positions_acc: 1.0
`
	if got := buf.String(); got != want {
		t.Errorf("scorecard:\n%s\nwant:\n%s", got, want)
	}
	if len(sc.FalsePositives) != 1 || len(sc.WrongSpeakers) != 1 || len(sc.Misses) != 0 {
		t.Errorf("details: fp %v, wrong %v, misses %v", sc.FalsePositives, sc.WrongSpeakers, sc.Misses)
	}
}

func BenchmarkScore(b *testing.B) {
	g := &Gold{}
	var pred []QuoteRow
	size := 0
	for i := range 200 {
		doc := QuoteID("doc", i%10) + ".txt"
		q := strings.Repeat("सेना हवाई अड्डे की रक्षा करेगी and the talks resume ", 1+i%3)
		g.Quotes = append(g.Quotes, GoldQuote{Doc: doc, Kind: []string{"direct", "indirect"}[i%2], Speaker: "Sergei Shoigu", Stance: "favor", Quote: q})
		pred = append(pred, QuoteRow{Doc: "in/" + doc, Kind: []string{"direct", "indirect"}[(i/2)%2], Speaker: "Shoigu", Quote: q[:len(q)/2+i%5]})
		size += len(q)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		Score(g, pred, nil)
	}
}
