package reports

import (
	"cmp"
	"slices"
	"strings"
)

// PositionFunc decides a speaker's position from the stance labels and
// scores of their quotes, given in report order; it returns the position
// ("favor", "against" or "none") and how sure it is (0..1). The stance
// package's decision rule is one.
type PositionFunc func(labels []string, scores []float64) (string, float64)

// Stance labels as written in the reports.
const (
	favor   = "favor"
	against = "against"
	none    = "none"
)

// Aggregate sums quote rows up into positions.csv rows, one per (doc,
// speaker), and speakers.csv rows, one per speaker across the corpus. Rows
// without a speaker and scare quotes (nobody's speech) are left out. A
// stance other than favor or against counts as none. Label and pull quotes
// are verbatim speech and count as direct.
//
// Positions are ordered by doc, then speaker; speakers by number of quotes,
// most first, then by name. The labels handed to position follow the quotes'
// report order (SortQuotes), whatever the order of rows.
func Aggregate(rows []QuoteRow, position PositionFunc) ([]PositionRow, []SpeakerRow) {
	sorted := slices.Clone(rows)
	SortQuotes(sorted)

	type tally struct {
		labels []string
		scores []float64
	}
	type docKey struct{ doc, speaker string }
	var (
		posOrder []docKey
		posTally = map[docKey]*tally{}
		posRows  = map[docKey]*PositionRow{}
		spkOrder []string
		spkTally = map[string]*tally{}
		spkRows  = map[string]*SpeakerRow{}
		spkDocs  = map[string]map[string]bool{}
		spkLangs = map[string]map[string]bool{}
		spkMents = map[string]map[string]bool{}
	)
	for _, r := range sorted {
		if r.Speaker == "" || r.Kind == "scare" {
			continue
		}
		label := normLabel(r.Stance)

		k := docKey{r.Doc, r.Speaker}
		p := posRows[k]
		if p == nil {
			p = &PositionRow{Doc: r.Doc, Speaker: r.Speaker}
			posRows[k] = p
			posTally[k] = &tally{}
			posOrder = append(posOrder, k)
		}
		p.Quotes++
		countLabel(label, &p.Favor, &p.Against, &p.None)
		pt := posTally[k]
		pt.labels = append(pt.labels, label)
		pt.scores = append(pt.scores, float64(r.StanceScore))

		s := spkRows[r.Speaker]
		if s == nil {
			s = &SpeakerRow{Speaker: r.Speaker}
			spkRows[r.Speaker] = s
			spkTally[r.Speaker] = &tally{}
			spkDocs[r.Speaker] = map[string]bool{}
			spkLangs[r.Speaker] = map[string]bool{}
			spkMents[r.Speaker] = map[string]bool{}
			spkOrder = append(spkOrder, r.Speaker)
		}
		s.Quotes++
		switch r.Kind {
		case "partial":
			s.Partial++
		case "indirect":
			s.Indirect++
		case "direct", "label", "pull":
			s.Direct++
		}
		countLabel(label, &s.Favor, &s.Against, &s.None)
		st := spkTally[r.Speaker]
		st.labels = append(st.labels, label)
		st.scores = append(st.scores, float64(r.StanceScore))
		spkDocs[r.Speaker][r.Doc] = true
		if lang := strings.TrimSpace(r.Lang); lang != "" {
			spkLangs[r.Speaker][lang] = true
		}
		if m := strings.TrimSpace(r.SpeakerMention); m != "" {
			spkMents[r.Speaker][m] = true
		}
	}

	positions := make([]PositionRow, 0, len(posOrder))
	for _, k := range posOrder {
		p := posRows[k]
		t := posTally[k]
		pos, conf := position(t.labels, t.scores)
		p.Position, p.Confidence = pos, Float(conf)
		positions = append(positions, *p)
	}
	slices.SortStableFunc(positions, func(a, b PositionRow) int {
		return cmp.Or(strings.Compare(a.Doc, b.Doc), strings.Compare(a.Speaker, b.Speaker))
	})

	speakers := make([]SpeakerRow, 0, len(spkOrder))
	for _, name := range spkOrder {
		s := spkRows[name]
		t := spkTally[name]
		s.Position, _ = position(t.labels, t.scores)
		s.Docs = len(spkDocs[name])
		s.Languages = sortedKeys(spkLangs[name])
		s.Mentions = sortedKeys(spkMents[name])
		speakers = append(speakers, *s)
	}
	slices.SortStableFunc(speakers, func(a, b SpeakerRow) int {
		return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), strings.Compare(a.Speaker, b.Speaker))
	})
	return positions, speakers
}

// normLabel maps a stance cell to favor, against or none.
func normLabel(s string) string {
	switch l := strings.ToLower(strings.TrimSpace(s)); l {
	case favor, against:
		return l
	}
	return none
}

func countLabel(label string, f, a, n *int) {
	switch label {
	case favor:
		*f++
	case against:
		*a++
	default:
		*n++
	}
}

func sortedKeys(set map[string]bool) List {
	if len(set) == 0 {
		return nil
	}
	keys := make(List, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
