// Package stance judges the stance a quotation takes toward a configured
// target: favor, against or none, as in SemEval-2016 stance detection.
package stance
