package stance

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// testPacks returns a small, fixed lexicon for English and Chinese, so that
// these tests do not depend on the embedded packs, which change.
func testPacks() *lang.Set {
	return lang.NewSet(
		&lang.Pack{Code: "en", Stance: lang.Stance{
			Favor: []string{"support*", "thank*", "prais*", "request*", "help*", "legitimate",
				"justified", "necessary", "ally", "allies", "restore order", "welcome*", "peacekeepers"},
			Against: []string{"occupation", "intervention", "illegitimate", "questions", "concern*",
				"condemn*", "criticiz*", "threat", "dismiss*", "must leave", "mistake"},
			Attack: []string{"stupidity", "stupid", "lies", "nonsense", "distortion*",
				"does not understand", "do not understand", "hypocrisy"},
			Negators: []string{"not", "no", "never", "no longer", "without", "didn't", "doesn't"},
			Contrast: []string{"but", "however", "although", "yet"},
		}},
		&lang.Pack{Code: "hi", Stance: lang.Stance{
			Favor:    []string{"वैध", "समर्थन*", "धन्यवाद"},
			Against:  []string{"कब्ज़ा", "हस्तक्षेप"},
			Negators: []string{"नहीं", "न"},
			Contrast: []string{"लेकिन"},
		}},
		&lang.Pack{Code: "zh", NoSpaces: true, Stance: lang.Stance{
			Favor:    []string{"感谢", "支持", "合法", "帮助"},
			Against:  []string{"占领", "干涉", "质疑"},
			Attack:   []string{"愚蠢", "谎言", "不理解"},
			Negators: []string{"不", "没有"},
			Contrast: []string{"但是", "但"},
		}},
	)
}

// cstoTarget is the deployment the project is about.
var cstoTarget = Target{
	Name: "CSTO deployment in Kazakhstan",
	Terms: map[string][]string{
		"all": {"CSTO"},
		"en":  {"peacekeep*", "troops", "deployment", "Collective Security Treaty Organization"},
		"zh":  {"集安组织", "维和"},
		"hi":  {"सीएसटीओ", "शांति सैनिक*", "तैनाती"},
	},
	Critics: map[string][]string{
		"en": {"Washington", "United States", "US", "State Department"},
		"zh": {"美国", "华盛顿"},
	},
}

func newJudge(t testing.TB, tg Target) *Judge {
	t.Helper()
	j, err := New(tg, testPacks())
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// one judges a single row as a document of its own.
func one(j *Judge, in Input) Result {
	if in.Lang == "" {
		in.Lang = "en"
	}
	return j.Document([]Input{in})[0]
}

// rowCase is one row to judge and what it should get.
type rowCase struct {
	name string
	in   Input
	want string
	cues []string // each must be among the result's cues
}

func runRows(t *testing.T, j *Judge, cases []rowCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := one(j, c.in)
			if r.Label != c.want {
				t.Fatalf("label %s (score %.3f, cues %q), want %s", r.Label, r.Score, r.Cues, c.want)
			}
			checkScore(t, r)
			for _, cue := range c.cues {
				if !slices.Contains(r.Cues, cue) {
					t.Errorf("cues %q lack %q", r.Cues, cue)
				}
			}
		})
	}
}

// checkScore checks that a result's score agrees with its label.
func checkScore(t *testing.T, r Result) {
	t.Helper()
	switch {
	case r.Score < -1 || r.Score > 1:
		t.Errorf("score %v out of -1..1", r.Score)
	case r.Label == Favor && r.Score <= 0, r.Label == Against && r.Score >= 0:
		t.Errorf("score %v disagrees with label %s", r.Score, r.Label)
	case r.Label == None && len(r.Cues) > 0:
		t.Errorf("label none with cues %q", r.Cues)
	}
}

// ctx makes an input whose context is the quote with an attribution.
func ctx(quote, attribution string) Input {
	return Input{Kind: "direct", Quote: quote, Context: "“" + quote + "” " + attribution}
}

func TestNegation(t *testing.T) {
	runRows(t, newJudge(t, cstoTarget), []rowCase{
		{name: "plain favor", in: ctx("The CSTO mission is legitimate,", "the minister said."), want: Favor,
			cues: []string{"legitimate"}},
		{name: "negated favor", in: ctx("The CSTO mission is not legitimate,", "the minister said."), want: Against,
			cues: []string{"not legitimate"}},
		{name: "negator two words away", in: ctx("The deployment of CSTO troops was not entirely legitimate,", "he said."),
			want: Against, cues: []string{"not entirely legitimate"}},
		{name: "far negation of the clause-final word",
			in: Input{Kind: "indirect",
				Quote:   "they were not sure whether inviting foreign troops under the CSTO banner was legitimate",
				Context: "Officials in Paris said they were not sure whether inviting foreign troops under the CSTO banner was legitimate."},
			want: Against, cues: []string{"not", "legitimate"}},
		{name: "far negator does not reach into the middle of a clause",
			in: Input{Kind: "indirect",
				Quote:   "he did not attend the long meeting in the capital where the CSTO troops were praised by all delegates present",
				Context: "The envoy said he did not attend the long meeting in the capital where the CSTO troops were praised by all delegates present."},
			want: Favor, cues: []string{"praised"}},
		{name: "negation stops at the clause",
			in: ctx("We have no illusions, the peacekeepers are legitimate,", "the deputy said."), want: Favor,
			cues: []string{"legitimate"}},
		{name: "negated against word", in: ctx("The CSTO deployment is not an occupation,", "the envoy insisted."),
			want: Favor, cues: []string{"not an occupation"}},
		{name: "correction: not X, but Y of the same side",
			in:   ctx("The CSTO deployment is not an intervention, it is an occupation,", "the activist said."),
			want: Against, cues: []string{"occupation"}},
		{name: "negator after its cue", in: Input{Lang: "hi", Kind: "indirect", Quote: "सीएसटीओ की तैनाती वैध नहीं है",
			Context: "उन्होंने कहा कि सीएसटीओ की तैनाती वैध नहीं है।"}, want: Against, cues: []string{"वैध नहीं"}},
		{name: "no negator after its cue", in: Input{Lang: "hi", Kind: "indirect", Quote: "सीएसटीओ की तैनाती वैध है",
			Context: "उन्होंने कहा कि सीएसटीओ की तैनाती वैध है।"}, want: Favor, cues: []string{"वैध"}},
		{name: "a negator before a cue negates forward", in: Input{Lang: "hi", Kind: "indirect",
			Quote:   "सीएसटीओ की तैनाती न कब्ज़ा है",
			Context: "उन्होंने कहा कि सीएसटीओ की तैनाती न कब्ज़ा है।"}, want: Favor, cues: []string{"न कब्ज़ा"}},
		{name: "negated contraction", in: ctx("The CSTO peacekeepers didn't help anyone,", "a protester said."),
			want: Against, cues: []string{"didn't help"}},
	})
}

func TestContrast(t *testing.T) {
	runRows(t, newJudge(t, cstoTarget), []rowCase{
		{name: "against after but",
			in:   ctx("We respect the request for help, but the CSTO deployment is an intervention,", "the senator said."),
			want: Against, cues: []string{"intervention"}},
		{name: "favor after but",
			in:   ctx("Some called the CSTO deployment an intervention, but it came at the request of an ally,", "the deputy said."),
			want: Favor, cues: []string{"request", "ally"}},
		{name: "contrast word ends a negation",
			in:   ctx("No one wanted this, yet the CSTO troops are necessary,", "the governor said."),
			want: Favor, cues: []string{"necessary"}},
	})
}

func TestAttackOnCritics(t *testing.T) {
	para := "The first CSTO peacekeepers landed in Almaty on Friday. " +
		"“Washington simply does not understand what is happening in Kazakhstan,” the spokeswoman said."
	runRows(t, newJudge(t, cstoTarget), []rowCase{
		{name: "critic does not understand",
			in: Input{Kind: "direct", Quote: "Washington simply does not understand what is happening in Kazakhstan",
				Context:   "“Washington simply does not understand what is happening in Kazakhstan,” the spokeswoman said.",
				Paragraph: para},
			want: Favor, cues: []string{"Washington", "does not understand"}},
		{name: "attack on the claims of occupation",
			in: Input{Kind: "indirect", Quote: "the talk of an occupation was nonsense and a distortion",
				Context:   "The secretary general said the talk of an occupation was nonsense and a distortion.",
				Paragraph: "The secretary general spoke after the CSTO troops took over the airport."},
			want: Favor, cues: []string{"occupation", "nonsense", "distortion"}},
		{name: "against verb aimed at a critic",
			in: Input{Kind: "indirect", Quote: "the remarks were baseless", Cue: "dismissed",
				Context:   "The minister dismissed the remarks from Washington, saying the remarks were baseless.",
				Paragraph: "The CSTO deployment drew remarks from abroad."},
			want: Favor, cues: []string{"dismissed", "Washington"}},
		{name: "critic criticizes the target",
			in:   Input{Kind: "indirect", Quote: "Washington criticized the CSTO deployment", Context: "Washington criticized the CSTO deployment."},
			want: Against, cues: []string{"criticized"}},
		{name: "critic named in the attribution, attack on the target",
			in:   ctx("The CSTO deployment is a stupid adventure,", "a US senator said."),
			want: Against, cues: []string{"stupid"}},
		{name: "attack on the target itself",
			in:   ctx("Sending CSTO troops was stupid,", "the opposition leader said."),
			want: Against, cues: []string{"stupid"}},
		{name: "the pronoun us is not the critic US",
			in: Input{Kind: "direct", Quote: "They do not understand us",
				Context:   "“They do not understand us,” he said.",
				Paragraph: "The CSTO troops stayed."},
			want: None},
	})
}

func TestTopic(t *testing.T) {
	quote := "People ask us to help them and to restore order"
	base := Input{Kind: "direct", Quote: quote, Context: "“" + quote + ",” the president said."}
	withPara := base
	withPara.Paragraph = "He turned to the CSTO on Wednesday night. “" + quote + ",” the president said."
	unrelated := base
	unrelated.Paragraph = "Fuel prices doubled on New Year's Day. “" + quote + ",” the president said."
	alone := base
	alone.Paragraph = base.Context
	runRows(t, newJudge(t, cstoTarget), []rowCase{
		{name: "no topic", in: base, want: None},
		{name: "the paragraph is the context", in: alone, want: None},
		{name: "paragraph names the target", in: withPara, want: Favor, cues: []string{"help", "restore order"}},
		{name: "paragraph on something else", in: unrelated, want: None},
		{name: "neutral fact about the target",
			in:   ctx("The CSTO troops will stay for several days,", "the general said."),
			want: None},
		{name: "a term that is also a favor word is no evidence",
			in:   ctx("The peacekeepers will fly home on Friday,", "the general said."),
			want: None},
		{name: "scare quote", in: Input{Kind: "scare", Quote: "occupation",
			Context: "Critics spoke of an “occupation” by CSTO troops."}, want: None},
		{name: "term in the cue only", in: Input{Kind: "direct", Quote: "We are grateful",
			Cue: "thanked the CSTO", Context: "“We are grateful,” he said."}, want: Favor, cues: []string{"thanked"}},
	})
	j := newJudge(t, cstoTarget)
	inCtx := base
	inCtx.Context = "“" + quote + ",” the president told the CSTO summit."
	strong := one(j, inCtx)
	weak := one(j, withPara)
	if !(strong.Score > weak.Score && weak.Score > 0) {
		t.Errorf("quote topicality %.3f should score above paragraph topicality %.3f > 0", strong.Score, weak.Score)
	}
}

func TestDocumentTopic(t *testing.T) {
	j := newJudge(t, cstoTarget)
	rows := []Input{
		{Lang: "en", Kind: "direct", Speaker: "A", Quote: "The CSTO will send troops",
			Context: "“The CSTO will send troops,” A said.", Paragraph: "“The CSTO will send troops,” A said."},
		{Lang: "en", Kind: "direct", Speaker: "B", Quote: "Washington spreads lies",
			Context: "“Washington spreads lies,” B said.", Paragraph: "“Washington spreads lies,” B said."},
		{Lang: "en", Kind: "direct", Speaker: "B", Quote: "We thank our friends",
			Context: "“We thank our friends,” B said.", Paragraph: "Later. “We thank our friends,” B said."},
	}
	got := j.Document(rows)
	if got[0].Label != None {
		t.Errorf("row 0: %s, want none (a plain fact)", got[0].Label)
	}
	if got[1].Label != Favor {
		t.Errorf("row 1: %s (%.3f), want favor: attacking critics in a document on the target", got[1].Label, got[1].Score)
	}
	if got[2].Label != None || got[2].Inherited {
		t.Errorf("row 2: %+v, want none: thanks far from any mention of the target", got[2])
	}
	alone := j.Document(rows[1:2])
	if alone[0].Label != None {
		t.Errorf("without the target in the document, the attack on critics gave %s", alone[0].Label)
	}
}

func TestContinuation(t *testing.T) {
	j := newJudge(t, cstoTarget)
	para := "“We thank the CSTO for its help,” Tokayev said. “They came within hours.” Then he left."
	first := Input{Lang: "en", Kind: "direct", Speaker: "Kassym-Jomart Tokayev", Attribution: "name",
		Quote: "We thank the CSTO for its help", Context: "“We thank the CSTO for its help,” Tokayev said.", Paragraph: para}
	tests := []struct {
		name      string
		rows      []Input
		want      string
		inherited bool
		factor    float64 // of the first row's score, when inherited
	}{
		{name: "continuation inherits", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Kassym-Jomart Tokayev", Attribution: "continuation",
			Quote: "They came within hours", Context: "“They came within hours,” he added.", Paragraph: "Another paragraph."}},
			want: Favor, inherited: true, factor: continuationScore},
		{name: "same speaker, same paragraph", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Kassym-Jomart Tokayev", Attribution: "nearest",
			Quote: "They came within hours", Context: "“They came within hours.”", Paragraph: para}},
			want: None},
		{name: "same paragraph, but a fact naming the target", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Kassym-Jomart Tokayev", Attribution: "nearest",
			Quote: "The CSTO troops came within hours", Context: "“The CSTO troops came within hours.”", Paragraph: para}},
			want: None},
		{name: "another speaker in between", rows: []Input{first,
			{Lang: "en", Kind: "direct", Speaker: "Someone Else", Quote: "Fine", Context: "“Fine,” she said.", Paragraph: para},
			{Lang: "en", Kind: "direct", Speaker: "Kassym-Jomart Tokayev", Attribution: "nearest",
				Quote: "They came within hours", Context: "“They came within hours.”", Paragraph: para}},
			want: None},
		{name: "other speaker's continuation does not inherit", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Someone Else", Attribution: "continuation",
			Quote: "They came within hours", Context: "“They came within hours,” she added."}},
			want: None},
		{name: "own evidence wins", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Kassym-Jomart Tokayev", Attribution: "continuation",
			Quote: "but it was a mistake", Context: "“But it was a mistake,” he added.", Paragraph: para}},
			want: Against},
		{name: "continuation needs no new mention of the target", rows: []Input{first, {Lang: "en", Kind: "direct",
			Speaker: "Kassym-Jomart Tokayev", Attribution: "continuation",
			Quote: "Nobody can call this an intervention", Context: "“Nobody can call this an intervention,” he added."}},
			want: Against},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := j.Document(tc.rows)
			if len(got) != len(tc.rows) {
				t.Fatalf("%d results for %d rows", len(got), len(tc.rows))
			}
			if got[0].Label != Favor {
				t.Fatalf("first row: %+v, want favor", got[0])
			}
			r := got[len(got)-1]
			if r.Label != tc.want || r.Inherited != tc.inherited {
				t.Fatalf("last row: %+v, want %s inherited=%v", r, tc.want, tc.inherited)
			}
			if tc.inherited && math.Abs(r.Score-got[0].Score*tc.factor) > 1e-9 {
				t.Errorf("inherited score %.3f, want %.3f × %.2f", r.Score, got[0].Score, tc.factor)
			}
		})
	}
}

func TestNoSpaces(t *testing.T) {
	runRows(t, newJudge(t, cstoTarget), []rowCase{
		{name: "favor", in: Input{Lang: "zh", Kind: "indirect", Quote: "感谢集安组织维和部队的帮助",
			Context: "他表示感谢集安组织维和部队的帮助。"}, want: Favor, cues: []string{"感谢", "帮助"}},
		{name: "negated", in: Input{Lang: "zh", Kind: "indirect", Quote: "集安组织出兵不合法",
			Context: "他说集安组织出兵不合法。"}, want: Against, cues: []string{"不合法"}},
		{name: "attack on critic", in: Input{Lang: "zh", Kind: "direct", Quote: "美国不理解哈萨克斯坦发生了什么",
			Context: "她说：“美国不理解哈萨克斯坦发生了什么。”", Paragraph: "集安组织维和部队已经抵达。她说：“美国不理解哈萨克斯坦发生了什么。”"},
			want: Favor, cues: []string{"美国", "不理解"}},
		{name: "no topic", in: Input{Lang: "zh", Kind: "direct", Quote: "我们感谢大家", Context: "“我们感谢大家，”他说。"},
			want: None},
	})
}

// TestTargets judges the same rows against different targets: the stance
// belongs to the pair of quote and target, not to the quote.
func TestTargets(t *testing.T) {
	protesters := Target{Name: "the protesters",
		Terms:   map[string][]string{"en": {"protest*", "demonstrators"}},
		Critics: map[string][]string{"en": {"the authorities", "the police"}}}
	fuel := Target{Name: "the fuel price rise",
		Terms:   map[string][]string{"en": {"fuel price*", "price rise", "price cap*"}},
		Critics: map[string][]string{"en": {"protest*", "drivers"}}}
	rows := []Input{
		ctx("We thank the CSTO peacekeepers for their help,", "the president said."),
		ctx("The demands of the protesters are legitimate, and the deployment of CSTO troops is an occupation,", "the activist said."),
		ctx("Scrapping the fuel price cap was a mistake, and we support the demonstrators,", "the opposition leader said."),
		ctx("The protests are nonsense staged from abroad,", "the governor said."),
	}
	for i := range rows {
		rows[i].Lang = "en"
	}
	want := map[string][]string{
		cstoTarget.Name: {Favor, Against, None, None},
		protesters.Name: {None, Favor, Favor, Against},
		fuel.Name:       {None, None, Against, Favor},
	}
	for _, tg := range []Target{cstoTarget, protesters, fuel} {
		got := newJudge(t, tg).Document(rows)
		for i, r := range got {
			if r.Label != want[tg.Name][i] {
				t.Errorf("%s, row %d %q: %s (%.3f %q), want %s", tg.Name, i, rows[i].Quote, r.Label, r.Score, r.Cues, want[tg.Name][i])
			}
		}
	}
}

func TestPosition(t *testing.T) {
	f := func(s float64) Result { return Result{Label: Favor, Score: s} }
	a := func(s float64) Result { return Result{Label: Against, Score: -s} }
	n := Result{Label: None}
	tests := []struct {
		name    string
		rs      []Result
		want    string
		minConf float64
		maxConf float64
	}{
		{"empty", nil, None, 0, 0},
		{"all none", []Result{n, n}, None, 0.5, 1},
		{"one favor", []Result{f(0.5)}, Favor, 0.5, 0.8},
		{"favor and none", []Result{f(0.5), n}, Favor, 0.4, 0.75},
		{"favor dominates", []Result{f(0.5), f(0.6), a(0.3)}, Favor, 0.5, 0.9},
		{"against dominates", []Result{a(0.6), a(0.5), f(0.3)}, Against, 0.5, 0.9},
		{"tie", []Result{f(0.5), a(0.5)}, None, 0, 0},
		{"inherited weak favor counts", []Result{{Label: Favor, Score: 0.05, Inherited: true}}, Favor, 0.1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			label, conf := Position(tc.rs)
			if label != tc.want || conf < tc.minConf || conf > tc.maxConf {
				t.Errorf("Position = %s %.3f, want %s in [%.2f, %.2f]", label, conf, tc.want, tc.minConf, tc.maxConf)
			}
		})
	}
	_, c1 := Position([]Result{f(0.5)})
	_, c3 := Position([]Result{f(0.5), f(0.5), f(0.5)})
	_, cm := Position([]Result{f(0.5), f(0.5), f(0.5), a(0.5)})
	if !(c3 > c1 && c3 > cm) {
		t.Errorf("confidence should grow with count (%.3f > %.3f) and fall with disagreement (%.3f > %.3f)", c3, c1, c3, cm)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		tg   Target
		is   error
		msg  string
	}{
		{"no terms", Target{Name: "x"}, ErrNoTerms, "no terms"},
		{"empty entry", Target{Terms: map[string][]string{"en": {"CSTO", "*"}}}, ErrEntry, `target terms[en][1] "*"`},
		{"bad key", Target{Terms: map[string][]string{"English": {"CSTO"}}}, nil, `key "English"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.tg, testPacks())
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("%q does not say %q", err, tc.msg)
			}
		})
	}
	bad := lang.NewSet(&lang.Pack{Code: "en", File: "packs/en.yaml", Stance: lang.Stance{Favor: []string{"help", " "}}})
	_, err := New(cstoTarget, bad)
	if !errors.Is(err, ErrEntry) || !strings.Contains(err.Error(), "packs/en.yaml: stance.favor[1]") {
		t.Errorf("bad pack entry: %v", err)
	}
}

func TestDocumentShape(t *testing.T) {
	j := newJudge(t, cstoTarget)
	if got := j.Document(nil); len(got) != 0 {
		t.Errorf("Document(nil) = %v", got)
	}
	rows := []Input{{}, {Lang: "xx", Quote: "The CSTO is legitimate"}, {Lang: "EN-us", Quote: "The CSTO is legitimate"}}
	got := j.Document(rows)
	if len(got) != len(rows) {
		t.Fatalf("%d results for %d rows", len(got), len(rows))
	}
	if got[0].Label != None || got[1].Label != None {
		t.Errorf("empty row or unknown language: %+v %+v", got[0], got[1])
	}
	if got[2].Label != Favor {
		t.Errorf("language code with region: %+v", got[2])
	}
}

func TestConcurrent(t *testing.T) {
	j := newJudge(t, cstoTarget)
	rows, _ := benchRows(60)
	want := j.Document(rows)
	done := make(chan []Result)
	for range 4 {
		go func() { done <- j.Document(rows) }()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Fatal("concurrent Document gave other results")
		}
	}
}

// TestDoubt: favor words that a doubt word questions count against.
func TestDoubt(t *testing.T) {
	packs, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	j, err := New(Target{Name: "CSTO deployment", Terms: map[string][]string{"en": {"CSTO"}}}, packs)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ quote, want string }{
		{"Washington wants a clarification of why Astana asked for the CSTO's help to restore order", Against},
		{"Astana asked for the CSTO's help to restore order", Favor},
	}
	for _, tc := range tests {
		got := j.Document([]Input{{Lang: "en", Kind: "indirect", Quote: tc.quote, Context: tc.quote + "."}})[0]
		if got.Label != tc.want {
			t.Errorf("%q: %s (%v), want %s", tc.quote, got.Label, got.Cues, tc.want)
		}
	}
}

// FuzzJudge checks that any quote, context, cue and paragraph, in
// languages written with spaces and without, are judged without a panic,
// with a label and a score in range.
func FuzzJudge(f *testing.F) {
	for _, s := range []string{
		"“We support the CSTO peacekeepers,” she said.", "Мы не поддерживаем ввод войск ОДКБ.", "我们支持维和部队。",
		"not not never but however", "\xff\xfe ОДКБ \xc3", "",
	} {
		f.Add(s, "said")
	}
	packs, err := lang.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	j, err := New(cstoTarget, packs)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s, cue string) {
		half := len(s) / 2
		var rows []Input
		for _, l := range []string{"en", "ru", "zh", "ar", "hi", "de"} {
			rows = append(rows,
				Input{Lang: l, Kind: "direct", Attribution: "name", Speaker: "A", Quote: s[:half], Cue: cue, Context: s, Paragraph: s + " " + s},
				Input{Lang: l, Kind: "indirect", Attribution: "continuation", Speaker: "A", Quote: s[half:], Cue: cue, Context: cue, Paragraph: s},
			)
		}
		for i, r := range j.Document(rows) {
			if r.Score < -1 || r.Score > 1 || r.Label != Favor && r.Label != Against && r.Label != None {
				t.Fatalf("row %d: %+v", i, r)
			}
		}
	})
}

// TestContainsCue checks containsCue against strings.Contains: a cue
// before the quote, after it, inside it, across its edges, or nowhere.
func TestContainsCue(t *testing.T) {
	ctx := "The minister said: “We will stay,” she added."
	q := "We will stay"
	qs := strings.Index(ctx, q)
	for _, cue := range []string{"said", "added", "will", "“We", "stay,”", "warned", "", ctx} {
		for _, at := range []int{qs, -1} {
			if got, want := containsCue(ctx, at, len(q), cue), strings.Contains(ctx, cue); got != want {
				t.Errorf("containsCue(%q, %d) = %v, want %v", cue, at, got, want)
			}
		}
	}
}
