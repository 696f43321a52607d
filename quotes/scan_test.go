package quotes

import (
	"reflect"
	"strings"
	"testing"
)

func scanText(text string) ([]string, []string, int) {
	d, err := NewDocument("t", []byte(text))
	if err != nil {
		panic(err)
	}
	ms, orphans := scanMarks(d.Text, d.Paragraphs(), nil, nil)
	var got, flags []string
	for _, m := range ms {
		got = append(got, d.Text[m.content.Start:m.content.End])
		flags = append(flags, strings.Join(m.flags, "+"))
	}
	return got, flags, len(orphans)
}

func TestScanMarkStyles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		flags      []string
		orphans    int
	}{
		{"straight", `He said "we will stay" and left.`, []string{"we will stay"}, []string{""}, 0},
		{"curly English", `“We will stay,” he said.`, []string{"We will stay,"}, []string{""}, 0},
		{"German low-high", `Er sagte: „Wir bleiben hier.“ Dann ging er.`, []string{"Wir bleiben hier."}, []string{""}, 0},
		{"Polish low-right", `Powiedział: „Zostaniemy tu”.`, []string{"Zostaniemy tu"}, []string{""}, 0},
		{"guillemets", `Он сказал: «Мы останемся».`, []string{"Мы останемся"}, []string{""}, 0},
		{"French spaced guillemets", `Il a dit : « Nous restons ici ».`, []string{"Nous restons ici"}, []string{""}, 0},
		{"reversed guillemets", `Er sagte: »Wir bleiben«.`, []string{"Wir bleiben"}, []string{""}, 0},
		{"single angle", `Il a dit ‹ oui › hier.`, []string{"oui"}, []string{""}, 0},
		{"single curly", `She called it ‘a farce’ yesterday.`, []string{"a farce"}, []string{""}, 0},
		{"corner brackets", `彼は「部隊は撤退する」と述べた。`, []string{"部隊は撤退する"}, []string{""}, 0},
		{"white corner brackets", `彼は『平和維持』と述べた。`, []string{"平和維持"}, []string{""}, 0},
		{"Chinese curly", `他表示：“部队将撤出。”`, []string{"部队将撤出。"}, []string{""}, 0},
		{"mixed pair", `He said “we will stay" and left.`, []string{"we will stay"}, []string{""}, 0},
		{"stray space before closing", `قال: "هذا أمر مدهش "، وأضاف`, []string{"هذا أمر مدهش"}, []string{""}, 0},
		{"apostrophes are not marks", `The authorities’ request and the country’s army; ‘quoted’ here.`, []string{"quoted"}, []string{""}, 0},
		{"nested keeps the outer", `“He told me ‘never’ twice,” she said.`, []string{"He told me ‘never’ twice,"}, []string{""}, 0},
		{"nested guillemets and low marks", `«Он назвал это „миссией“», — сказал он.`, []string{"Он назвал это „миссией“"}, []string{""}, 0},
		{"interrupted quote gives two", `“First part,” she said, “second part.”`, []string{"First part,", "second part."}, []string{"", ""}, 0},
		{"unclosed stops at paragraph", "He said “we will stay\nNext paragraph here.", []string{"we will stay"}, []string{"unclosed"}, 0},
		{"multi-paragraph reopen", "“First paragraph of the speech.\n“Second paragraph ends it.”\nAfter.", []string{"First paragraph of the speech.\n“Second paragraph ends it."}, []string{"multi-paragraph"}, 0},
		{"lone closing mark", `कहा कि स्थिति नियंत्रण में" है।`, nil, nil, 1},
		{"inches are not quotes open", `A 12" screen and a 15" one.`, nil, nil, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, flags, orphans := scanText(tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("quotes = %q, want %q", got, tc.want)
			}
			if tc.flags != nil && strings.Join(flags, "|") != strings.Join(tc.flags, "|") {
				t.Errorf("flags = %q, want %q", flags, tc.flags)
			}
			if orphans != tc.orphans {
				t.Errorf("orphans = %d, want %d", orphans, tc.orphans)
			}
		})
	}
}

func FuzzScanMarks(f *testing.F) {
	for _, s := range []string{
		`“A,” she said, “B.”`, `„Tak” – powiedział.`, "«a\n«b»", `"a "، "b"`, `x" y`, "— Да, — сказал он. — Нет.",
		"「あ」『い』", "‘’‚‘", "\"\"\"", "“\n”", "a\r\n“b\r\n”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := NewDocument("fuzz", []byte(s))
		if err != nil {
			return
		}
		ms, orphans := scanMarks(d.Text, d.Paragraphs(), map[rune]string{'”': "”"}, nil)
		for _, m := range ms {
			if m.content.Start < 0 || m.content.End > len(d.Text) || m.content.Start > m.content.End {
				t.Fatalf("content span %v out of range %d", m.content, len(d.Text))
			}
			if !m.close.Empty() && m.close.Start < m.content.End {
				t.Fatalf("close %v before content end %v", m.close, m.content)
			}
		}
		for _, o := range orphans {
			if o.Start < 0 || o.End > len(d.Text) {
				t.Fatalf("orphan %v out of range", o)
			}
		}
	})
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Mr. Smith said so. Then he left.", 2},
		{"The U.S. said it. Moscow did not.", 2},
		{"यह एक है। यह दो है।", 2},
		{"他说了。她也说了。", 2},
		{"“We stay.” Then silence.", 2},
		{"2.5 thousand troops arrived.", 1},
	}
	abbrev := map[string]bool{"mr.": true, "u.s.": true}
	for _, tc := range tests {
		d, _ := NewDocument("t", []byte(tc.text))
		if got := sentences(d.Text, d.Paragraphs()[0], newSplitter(abbrev, "", ""), nil); len(got) != tc.want {
			t.Errorf("%q: %d sentences, want %d", tc.text, len(got), tc.want)
		}
	}
	// a language's own terminators, and marks it takes out of terminals
	extra := []struct {
		text, extra, colons string
		want                int
	}{
		{"ሰላም፧ ደህና ነኝ።", "፧", "", 2},
		{"ሰላም፧ ደህና ነኝ።", "", "", 1},
		{"Նա ասաց. «Այո»։ Վերջ։", "", ".", 2},
		{"Նա ասաց. «Այո»։ Վերջ։", "", "", 3},
	}
	for _, tc := range extra {
		d, _ := NewDocument("t", []byte(tc.text))
		if got := sentences(d.Text, d.Paragraphs()[0], newSplitter(nil, tc.extra, tc.colons), nil); len(got) != tc.want {
			t.Errorf("%q, extra %q, colons %q: %d sentences %v, want %d", tc.text, tc.extra, tc.colons, len(got), got, tc.want)
		}
	}
}

func TestDocumentOffsets(t *testing.T) {
	text := "\ufeffПривет\r\nмир “x”"
	d, err := NewDocument("t", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(d.Text, "x")
	// BOM not counted, CRLF read as one character
	if got := d.CodePoint(i); got != len([]rune("Привет\nмир “")) {
		t.Errorf("CodePoint = %d", got)
	}
	if d.Line(i) != 2 {
		t.Errorf("Line = %d", d.Line(i))
	}
}

func TestNewDocumentRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"blank", []byte(" \n\t"), ErrEmpty},
		{"bom only", []byte("\xef\xbb\xbf"), ErrEmpty},
		{"binary", []byte("abc\x00def"), ErrBinary},
		{"latin-1", []byte("caf\xe9 au lait"), ErrNotUTF8},
	}
	for _, tc := range tests {
		_, err := NewDocument(tc.name, tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want.Error()) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if _, err := NewDocument("x", []byte("caf\xe9")); err == nil || !strings.Contains(err.Error(), "byte 3") {
		t.Errorf("error does not say where: %v", err)
	}
}

// FuzzStops checks that the sentence splitter and the mark scanner find
// the same with the text index's stops as reading every byte, on lines of
// any bytes, with a language's own terminators and marks.
func FuzzStops(f *testing.F) {
	for _, s := range []string{
		`“A,” she said. “B.”`, "«a\n«b»!", "Он сказал: «Да». Потом ушёл", "他说。「好」！", "ሰላም፧ ደህና ነኝ።",
		"Նա ասաց. «Այո»։", "a\xe3.b\xe3\x80. c", "\xc2\xab x \xc2\xbb. \"y\"", "Mr. X? No! ‹a› ‚b‘ „c“",
	} {
		f.Add(s)
	}
	extra := map[rune]string{'”': "”", '፨': "፨", '‚': "‘"}
	splitters := []*splitter{newSplitter(map[string]bool{"mr.": true}, "", ""), newSplitter(nil, "፧", "."), nil}
	f.Fuzz(func(t *testing.T, s string) {
		var paras []Span
		from := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == '\n' {
				paras = append(paras, Span{from, i})
				from = i + 1
			}
		}
		for _, sp := range splitters {
			leads := stopLeads(sp, extra)
			var ix textIndex
			ix.index(s, &leads)
			for _, p := range paras {
				if a, b := findMarks(s, p, extra, nil), findMarks(s, p, extra, &ix.stops); !reflect.DeepEqual(a, b) {
					t.Fatalf("marks of %q in %v: %v, with stops %v", s, p, a, b)
				}
				if a, b := sentences(s, p, sp, nil), sentences(s, p, sp, &ix.stops); !reflect.DeepEqual(a, b) {
					t.Fatalf("sentences of %q in %v: %v, with stops %v", s, p, a, b)
				}
			}
		}
	})
}
