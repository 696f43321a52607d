package reports

import (
	"reflect"
	"testing"
)

// majority is a stand-in for the stance package's rule: the more frequent
// of favor and against, none on a tie or when neither occurs; confidence is
// the share of the winning label.
func majority(labels []string, _ []float64) (string, float64) {
	n := map[string]int{}
	for _, l := range labels {
		n[l]++
	}
	switch {
	case n[favor] > n[against]:
		return favor, float64(n[favor]) / float64(len(labels))
	case n[against] > n[favor]:
		return against, float64(n[against]) / float64(len(labels))
	}
	return none, 0
}

func TestAggregate(t *testing.T) {
	rows := []QuoteRow{
		{Doc: "b.txt", Lang: "ru", Kind: "direct", Speaker: "Sergei Lavrov", SpeakerMention: "Лавров", Stance: "favor", Start: 50},
		{Doc: "a.txt", Lang: "en", Kind: "indirect", Speaker: "Sergei Lavrov", SpeakerMention: "Lavrov", Stance: "Against", Start: 90},
		{Doc: "a.txt", Lang: "en", Kind: "partial", Speaker: "Sergei Lavrov", SpeakerMention: "the minister", Stance: "against", Start: 10},
		{Doc: "a.txt", Lang: "en", Kind: "label", Speaker: "Jen Psaki", SpeakerMention: "MS. PSAKI", Stance: "", Start: 200},
		{Doc: "a.txt", Lang: "en", Kind: "pull", Speaker: "Jen Psaki", SpeakerMention: "MS. PSAKI", Stance: "favor", Start: 300},
		{Doc: "b.txt", Lang: "ru", Kind: "direct", Speaker: "Sergei Lavrov", SpeakerMention: "Лавров", Stance: "favor", Start: 5},
		{Doc: "a.txt", Lang: "en", Kind: "scare", Speaker: "Jen Psaki", Stance: "against", Start: 400},
		{Doc: "a.txt", Lang: "en", Kind: "direct", Speaker: "", Stance: "favor", Start: 500},
		{Doc: "c.txt", Lang: "kk", Kind: "direct", Speaker: "Antonio Guterres", SpeakerMention: "Гутерриш", Stance: "none", Start: 1},
	}
	var calls [][]string
	record := func(labels []string, scores []float64) (string, float64) {
		calls = append(calls, append([]string(nil), labels...))
		return majority(labels, scores)
	}
	positions, speakers := Aggregate(rows, record)

	wantPos := []PositionRow{
		{Doc: "a.txt", Speaker: "Jen Psaki", Quotes: 2, Favor: 1, None: 1, Position: "favor", Confidence: 0.5},
		{Doc: "a.txt", Speaker: "Sergei Lavrov", Quotes: 2, Against: 2, Position: "against", Confidence: 1},
		{Doc: "b.txt", Speaker: "Sergei Lavrov", Quotes: 2, Favor: 2, Position: "favor", Confidence: 1},
		{Doc: "c.txt", Speaker: "Antonio Guterres", Quotes: 1, None: 1, Position: "none"},
	}
	if !reflect.DeepEqual(positions, wantPos) {
		t.Errorf("positions:\n got %+v\nwant %+v", positions, wantPos)
	}
	wantSpk := []SpeakerRow{
		{Speaker: "Sergei Lavrov", Docs: 2, Quotes: 4, Direct: 2, Partial: 1, Indirect: 1, Favor: 2, Against: 2,
			Position: "none", Languages: List{"en", "ru"}, Mentions: List{"Lavrov", "the minister", "Лавров"}},
		{Speaker: "Jen Psaki", Docs: 1, Quotes: 2, Direct: 2, Favor: 1, None: 1,
			Position: "favor", Languages: List{"en"}, Mentions: List{"MS. PSAKI"}},
		{Speaker: "Antonio Guterres", Docs: 1, Quotes: 1, Direct: 1, None: 1,
			Position: "none", Languages: List{"kk"}, Mentions: List{"Гутерриш"}},
	}
	if !reflect.DeepEqual(speakers, wantSpk) {
		t.Errorf("speakers:\n got %+v\nwant %+v", speakers, wantSpk)
	}
	// Labels reach the rule in report order (doc, then start), normalised.
	wantCall := []string{"against", "against"} // Lavrov in a.txt: starts 10, 90
	found := false
	for _, c := range calls {
		if reflect.DeepEqual(c, wantCall) {
			found = true
		}
	}
	if !found {
		t.Errorf("rule never called with %q; calls %q", wantCall, calls)
	}
	if got, want := rows[0].Start, 50; got != want {
		t.Errorf("Aggregate reordered its input: rows[0].Start = %d", got)
	}
}

func TestAggregateEmpty(t *testing.T) {
	positions, speakers := Aggregate([]QuoteRow{{Doc: "a.txt", Kind: "direct"}}, majority)
	if len(positions) != 0 || len(speakers) != 0 {
		t.Errorf("got %v, %v; want nothing for rows without a speaker", positions, speakers)
	}
}

func TestAggregateSpeakerOrder(t *testing.T) {
	var rows []QuoteRow
	for i, name := range []string{"Wang Yi", "Ned Price", "Wang Yi", "Dmitry Peskov", "Ned Price"} {
		rows = append(rows, QuoteRow{Doc: "a.txt", Kind: "direct", Speaker: name, Start: i})
	}
	_, speakers := Aggregate(rows, majority)
	var got []string
	for _, s := range speakers {
		got = append(got, s.Speaker)
	}
	if want := []string{"Ned Price", "Wang Yi", "Dmitry Peskov"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}
