package stance

import "math"

// minWeight is the least a labelled result weighs in a position, so that an
// inherited result with a small score still counts.
const minWeight = 0.1

// Position sums up a speaker's position toward the target from the results
// of all their quotes in a document, or in the corpus.
//
// Each Favor or Against result weighs its |Score|. The side that weighs more
// is the position; None when no result is Favor or Against, or when the two
// sides weigh the same. The confidence (0..1) grows with agreement (the
// winning side's share of the weight) and with the number of results on the
// winning side, and shrinks a little with the share of None results. For an
// all-None speaker it grows with the number of quotes.
func Position(rs []Result) (label string, confidence float64) {
	if len(rs) == 0 {
		return None, 0
	}
	var f, a float64
	var nf, na, nn int
	for _, r := range rs {
		switch r.Label {
		case Favor:
			f += max(math.Abs(r.Score), minWeight)
			nf++
		case Against:
			a += max(math.Abs(r.Score), minWeight)
			na++
		default:
			nn++
		}
	}
	if nf+na == 0 {
		return None, round3(1 - math.Pow(0.5, float64(nn+1)))
	}
	if f == a {
		return None, 0
	}
	label, win, k := Favor, f, nf
	if a > f {
		label, win, k = Against, a, na
	}
	agreement := win / (f + a)
	count := 1 - math.Pow(0.5, float64(k+1))
	noneShare := float64(nn) / float64(len(rs))
	return label, round3(agreement * count * (1 - 0.25*noneShare))
}
