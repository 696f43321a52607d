package quotes

import (
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// nerExtractor returns an Extractor of the embedded packs with prose's NER
// on, with no roster; it skips in short mode, since prose's model loads.
func nerExtractor(t *testing.T) *Extractor {
	t.Helper()
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	packs, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Config{Packs: packs, NER: true})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestNERRunsOnlyWhereNeeded checks that prose, at a tenth of a millisecond
// a word, runs only where a capitalized run away from the reporting verb
// could be a name, and that the speakers come out all the same.
func TestNERRunsOnlyWhereNeeded(t *testing.T) {
	x := nerExtractor(t)
	tests := []struct {
		name    string
		text    string
		speaker string
		prose   bool // whether prose must run
	}{
		{"name after the verb", "“We will build the bridge,” said Merdan Atayev, the engineer.", "Merdan Atayev", false},
		{"name before the verb", "“We will build the bridge,” Merdan Atayev said.", "Merdan Atayev", false},
		{"surname beside the verb", "“We will build the bridge,” said Atayev.", "Atayev", false},
		{"name away from the verb", "Merdan Atayev, who leads the works at the northern site, said that the bridge would be built by May.", "Merdan Atayev", true},
		{"no capitals", "“We will build the bridge,” said the engineer.", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := NewDocument("t.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			d.Lang = "en"
			before := x.ner.calls.Load()
			qs := x.Extract(d)
			ran := x.ner.calls.Load() > before
			if len(qs) == 0 {
				t.Fatalf("no quote in %q", tc.text)
			}
			if qs[0].Speaker != tc.speaker {
				t.Errorf("speaker %q, want %q", qs[0].Speaker, tc.speaker)
			}
			if ran != tc.prose {
				t.Errorf("prose ran: %v, want %v", ran, tc.prose)
			}
		})
	}
}

// TestNERFailureKeepsDocument checks that a window prose's tokenizer
// cannot read (it panics on "ȺȺȺ'm") costs that window's names and
// nothing else of the document.
func TestNERFailureKeepsDocument(t *testing.T) {
	x := nerExtractor(t)
	text := "ȺȺȺȺȺȺ'm Kowalski, who leads the works at the northern site, said that the bridge would be built by May.\n\n" +
		"Merdan Atayev, who leads the works at the southern site, said that the road would open in June.\n\n" +
		"“We will build the bridge,” said Jan Nowak."
	d, err := NewDocument("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d.Lang = "en"
	before := x.ner.calls.Load()
	speakers := map[string]bool{}
	for _, q := range x.Extract(d) {
		speakers[q.Speaker] = true
	}
	if x.ner.calls.Load() == before {
		t.Fatal("prose did not run")
	}
	for _, want := range []string{"Merdan Atayev", "Jan Nowak"} {
		if !speakers[want] {
			t.Errorf("no quote of %s; speakers %v", want, speakers)
		}
	}
}
