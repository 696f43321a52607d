package reports

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Scorecard holds what the reference scorer, score.py, reports: the same
// metrics under the same names, and the details its --verbose mode prints.
type Scorecard struct {
	// HasOffsets is set by CheckOffsets; OffsetsChecked rows had a
	// document to check against, OffsetsBad of them did not point at
	// their quote.
	HasOffsets     bool
	OffsetsChecked int
	OffsetsBad     int

	Marked   GroupScore // direct, partial, pull and label quotes
	Indirect GroupScore // reported speech

	// HasPositions is set when both gold and predicted positions were
	// given.
	HasPositions   bool
	PositionsGold  int
	PositionsFound int
	PositionsAcc   float64

	Misses         []Detail // gold quotes nothing matched
	FalsePositives []Detail // predicted quotes that matched no gold quote
	WrongSpeakers  []Detail // matched quotes with the wrong speaker
	PositionErrors []PositionError
}

// GroupScore is the score of one group of quotes (marked or indirect).
type GroupScore struct {
	Gold          int     // gold quotes in the group
	Pred          int     // predicted quotes in the group
	ScareAsSpeech int     // unmatched predictions that are gold scare quotes
	P, R, F1      float64 // detection
	AttrAcc       float64 // share of matched quotes with the right speaker
	E2EF1         float64 // F1 counting only matches with the right speaker
	StanceAcc     float64 // share of matched quotes with the gold stance
	StanceFavg    float64 // SemEval F_avg over favor and against
}

// Detail is one quote behind a miss, a false positive or a wrong speaker.
type Detail struct {
	Group       string // "marked" or "indirect"
	Doc         string // base name of the document
	GoldSpeaker string
	PredSpeaker string
	Quote       string
}

// PositionError is a gold position that was predicted wrong, or not found
// (Missing).
type PositionError struct {
	Doc, Speaker string // as in the gold
	Gold, Pred   string // the stances
	Missing      bool
}

// Metric is one named value of a Scorecard.
type Metric struct {
	Key   string
	Value float64
	Int   bool // a count, printed without decimals
}

// String formats the value as Python prints it: counts as integers,
// rates with a decimal point (0.0, 1.0, 0.667).
func (m Metric) String() string {
	if m.Int {
		return strconv.Itoa(int(m.Value))
	}
	return pyFloat(m.Value)
}

// marked is score.py's MARKED: the kinds of quotes in marks.
var marked = map[string]bool{"direct": true, "partial": true, "pull": true, "label": true}

// Score scores predicted quotes, and positions, against gold exactly as
// score.py does. Quotes are matched greedily in the order of pred, each to
// the unused gold quote of the same document (compared by base name) with
// the best token overlap: in the marked group both ways at least 0.8, in
// the indirect group 0.5 of the gold tokens; equal normalised text always
// matches. Pass nil positions to leave positions unscored, as score.py
// does without --positions.
func Score(g *Gold, pred []QuoteRow, positions []PositionRow) Scorecard {
	var sc Scorecard
	var scares []GoldQuote
	for _, x := range g.Quotes {
		if x.Kind == "scare" {
			scares = append(scares, x)
		}
	}
	for _, group := range []string{"marked", "indirect"} {
		strict := group == "marked"
		var gold []GoldQuote
		for _, x := range g.Quotes {
			if (strict && marked[x.Kind]) || (!strict && x.Kind == "indirect") {
				gold = append(gold, x)
			}
		}
		var p []QuoteRow
		for _, x := range pred {
			if (strict && x.Kind != "indirect" && x.Kind != "scare") || (!strict && x.Kind == "indirect") {
				p = append(p, x)
			}
		}
		gs := scoreGroup(&sc, group, gold, scares, p, strict)
		if strict {
			sc.Marked = gs
		} else {
			sc.Indirect = gs
		}
	}
	if g.HasPositions && positions != nil {
		sc.HasPositions = true
		ok, found := 0, 0
		for _, gp := range g.Positions {
			var cand *PositionRow
			for i := range positions {
				if pyBase(positions[i].Doc) == gp.Doc && SpeakerMatches(positions[i].Speaker, gp.Speaker) {
					cand = &positions[i]
					break
				}
			}
			if cand == nil {
				sc.PositionErrors = append(sc.PositionErrors, PositionError{Doc: gp.Doc, Speaker: gp.Speaker, Gold: gp.Stance, Missing: true})
				continue
			}
			found++
			st := strings.ToLower(cand.Position)
			if st == gp.Stance {
				ok++
			} else {
				sc.PositionErrors = append(sc.PositionErrors, PositionError{Doc: gp.Doc, Speaker: gp.Speaker, Gold: gp.Stance, Pred: st})
			}
		}
		sc.PositionsGold, sc.PositionsFound = len(g.Positions), found
		if len(g.Positions) > 0 {
			sc.PositionsAcc = round3(float64(ok) / float64(len(g.Positions)))
		}
	}
	return sc
}

// stancePair is a (gold, predicted) stance of a matched quote.
type stancePair struct{ gold, pred string }

func scoreGroup(sc *Scorecard, group string, gold, scares []GoldQuote, pred []QuoteRow, strict bool) GroupScore {
	thr := 0.5
	if strict {
		thr = 0.8
	}
	goldNorm := make([]string, len(gold))
	goldToks := make([]map[string]int, len(gold))
	for i, gr := range gold {
		goldNorm[i] = normQuote(gr.Quote)
		goldToks[i] = counter(pyWords(goldNorm[i]))
	}
	used := make([]bool, len(gold))
	tp, fp, spkOK, scareLeak := 0, 0, 0, 0
	var pairs []stancePair
	var fps []Detail
	for _, pr := range pred {
		doc := pyBase(pr.Doc)
		prNorm := normQuote(pr.Quote)
		prToks := counter(pyWords(prNorm))
		best, bestsc := -1, 0.0
		for i, gr := range gold {
			if used[i] || doc != gr.Doc {
				continue
			}
			rg, rp := overlapCounts(prToks, goldToks[i])
			s := rg
			if strict {
				s = min(rg, rp)
			}
			if prNorm == goldNorm[i] {
				s = 1.0
			}
			if s >= thr && s > bestsc {
				best, bestsc = i, s
			}
		}
		if best < 0 {
			for _, x := range scares {
				if doc == x.Doc && prNorm == normQuote(x.Quote) {
					scareLeak++
					break
				}
			}
			fp++
			fps = append(fps, Detail{Group: group, Doc: doc, PredSpeaker: pr.Speaker, Quote: pr.Quote})
			continue
		}
		used[best] = true
		tp++
		gr := gold[best]
		if SpeakerMatches(pr.Speaker, gr.Speaker) {
			spkOK++
		} else {
			sc.WrongSpeakers = append(sc.WrongSpeakers, Detail{Group: group, Doc: gr.Doc, GoldSpeaker: gr.Speaker, PredSpeaker: pr.Speaker, Quote: gr.Quote})
		}
		st := pr.Stance
		if st == "" {
			st = none
		}
		pairs = append(pairs, stancePair{gr.Stance, strings.ToLower(st)})
	}
	for i, gr := range gold {
		if !used[i] {
			sc.Misses = append(sc.Misses, Detail{Group: group, Doc: gr.Doc, GoldSpeaker: gr.Speaker, Quote: gr.Quote})
		}
	}
	sc.FalsePositives = append(sc.FalsePositives, fps...)

	gs := GroupScore{Gold: len(gold), Pred: len(pred), ScareAsSpeech: scareLeak}
	P := ratio(tp, tp+fp)
	R := ratio(tp, len(gold))
	gs.P, gs.R, gs.F1 = round3(P), round3(R), round3(f1(P, R))
	if tp > 0 {
		gs.AttrAcc = round3(float64(spkOK) / float64(tp))
	}
	if spkOK > 0 {
		gs.E2EF1 = round3(f1(ratio(spkOK, tp+fp), ratio(spkOK, len(gold))))
	}
	if len(pairs) > 0 {
		agree := 0
		for _, p := range pairs {
			if p.gold == p.pred {
				agree++
			}
		}
		gs.StanceAcc = round3(float64(agree) / float64(len(pairs)))
	}
	gs.StanceFavg = round3((labelF1(pairs, favor) + labelF1(pairs, against)) / 2)
	return gs
}

// labelF1 is the F1 of one stance label over the matched quotes.
func labelF1(pairs []stancePair, label string) float64 {
	tp, pp, gg := 0, 0, 0
	for _, p := range pairs {
		if p.gold == label && p.pred == label {
			tp++
		}
		if p.pred == label {
			pp++
		}
		if p.gold == label {
			gg++
		}
	}
	return f1(ratio(tp, pp), ratio(tp, gg))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// round3 is Python's round(x, 3): x correctly rounded to three decimals.
func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// pyFloat formats x as Python's repr does.
func pyFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	}
	if a := math.Abs(x); a != 0 && (a < 1e-4 || a >= 1e16) {
		s := strconv.FormatFloat(x, 'e', -1, 64) // 1e-05, 1.5e+16
		mant, exp, _ := strings.Cut(s, "e")
		sign, digits := exp[:1], strings.TrimLeft(exp[1:], "0")
		if len(digits) < 2 {
			digits = fmt.Sprintf("%02s", digits)
		}
		if sign == "+" {
			return mant + "e+" + digits
		}
		return mant + "e-" + digits
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}

// Metrics lists the scorecard's values under score.py's JSON keys, in the
// order score.py prints them.
func (sc *Scorecard) Metrics() []Metric {
	var ms []Metric
	count := func(k string, v int) { ms = append(ms, Metric{Key: k, Value: float64(v), Int: true}) }
	rate := func(k string, v float64) { ms = append(ms, Metric{Key: k, Value: v}) }
	if sc.HasOffsets {
		count("offsets_checked", sc.OffsetsChecked)
		count("offsets_bad", sc.OffsetsBad)
	}
	for _, g := range []struct {
		name string
		s    GroupScore
	}{{"marked", sc.Marked}, {"indirect", sc.Indirect}} {
		count(g.name+"_gold", g.s.Gold)
		count(g.name+"_pred", g.s.Pred)
		count(g.name+"_scare_as_speech", g.s.ScareAsSpeech)
		rate(g.name+"_P", g.s.P)
		rate(g.name+"_R", g.s.R)
		rate(g.name+"_F1", g.s.F1)
		rate(g.name+"_attr_acc", g.s.AttrAcc)
		rate(g.name+"_e2e_F1", g.s.E2EF1)
		rate(g.name+"_stance_acc", g.s.StanceAcc)
		rate(g.name+"_stance_Favg", g.s.StanceFavg)
	}
	if sc.HasPositions {
		count("positions_gold", sc.PositionsGold)
		count("positions_found", sc.PositionsFound)
		rate("positions_acc", sc.PositionsAcc)
	}
	return ms
}

// Write prints one "key: value" line per metric, as score.py does.
func (sc *Scorecard) Write(w io.Writer) error {
	var b strings.Builder
	for _, m := range sc.Metrics() {
		fmt.Fprintf(&b, "%s: %s\n", m.Key, m)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDetails prints the lines score.py's --verbose mode prints before
// its metrics: per group the wrong speakers, misses and false positives,
// then the positions that were wrong or missing.
func (sc *Scorecard) WriteDetails(w io.Writer) error {
	var b strings.Builder
	for _, group := range []string{"marked", "indirect"} {
		for _, d := range sc.WrongSpeakers {
			if d.Group == group {
				fmt.Fprintf(&b, "  WRONG SPEAKER %s: gold=%s pred=%s :: %s\n", d.Doc, d.GoldSpeaker, d.PredSpeaker, pyPrefix(d.Quote, 60))
			}
		}
		for _, d := range sc.Misses {
			if d.Group == group {
				fmt.Fprintf(&b, "  MISS %s %s [%s] %s\n", group, d.Doc, d.GoldSpeaker, pyPrefix(d.Quote, 70))
			}
		}
		for _, d := range sc.FalsePositives {
			if d.Group == group {
				fmt.Fprintf(&b, "  FP %s %s [%s] %s\n", group, d.Doc, d.PredSpeaker, pyPrefix(d.Quote, 70))
			}
		}
	}
	for _, e := range sc.PositionErrors {
		if e.Missing {
			fmt.Fprintf(&b, "  POSITION MISSING %s %s\n", e.Doc, e.Speaker)
		} else {
			fmt.Fprintf(&b, "  POSITION %s %s: gold=%s pred=%s\n", e.Doc, e.Speaker, e.Gold, e.Pred)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CheckOffsets does what score.py does with --docs: for each row, if the
// folder docs holds a file named by the base name of its doc, it checks
// that the text's code points start..end are the row's quote. As in
// score.py, the file is read with Python's universal newlines (CR LF and CR
// become LF) and a byte order mark counts as a character.
func (sc *Scorecard) CheckOffsets(docs string, pred []QuoteRow) error {
	sc.HasOffsets = true
	sc.OffsetsChecked, sc.OffsetsBad = 0, 0
	cache := map[string][]rune{}
	for _, r := range pred {
		d := pyBase(r.Doc)
		text, ok := cache[d]
		if !ok {
			data, err := os.ReadFile(filepath.Join(docs, d))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				return fmt.Errorf("checking offsets: %w", err)
			}
			text = pyText(data)
			cache[d] = text
		}
		sc.OffsetsChecked++
		if pySlice(text, r.Start, r.End) != r.Quote {
			sc.OffsetsBad++
		}
	}
	return nil
}

// pyText decodes data as Python's open(..., errors='replace') does in text
// mode: invalid UTF-8 becomes U+FFFD, and line ends become '\n'.
func pyText(data []byte) []rune {
	var b strings.Builder
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			n = maximalSubpart(data)
		}
		b.WriteRune(r)
		data = data[n:]
	}
	s := strings.ReplaceAll(b.String(), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return []rune(s)
}

// pySlice is Python's t[s:e] on code points, with its clamping and
// negative indices.
func pySlice(t []rune, s, e int) string {
	n := len(t)
	fix := func(i int) int {
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	s, e = fix(s), fix(e)
	if s >= e {
		return ""
	}
	return string(t[s:e])
}

// maximalSubpart is the length of the ill-formed sequence at the start of
// data that Python's decoder (like the Unicode standard's "maximal subpart"
// practice) replaces with one U+FFFD: the longest prefix of a well-formed
// sequence, or one byte.
func maximalSubpart(data []byte) int {
	b0 := data[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf) // the range of the second byte
	switch {
	case b0 >= 0xc2 && b0 <= 0xdf:
		need = 2
	case b0 == 0xe0:
		need, lo = 3, 0xa0
	case b0 == 0xed:
		need, hi = 3, 0x9f
	case b0 >= 0xe1 && b0 <= 0xef:
		need = 3
	case b0 == 0xf0:
		need, lo = 4, 0x90
	case b0 == 0xf4:
		need, hi = 4, 0x8f
	case b0 >= 0xf1 && b0 <= 0xf3:
		need = 4
	default:
		return 1
	}
	n := 1
	for n < need && n < len(data) {
		c := data[n]
		if n == 1 && (c < lo || c > hi) || n > 1 && (c < 0x80 || c > 0xbf) {
			break
		}
		n++
	}
	return n
}
