// Package prosener runs the English named-entity model of prose
// (github.com/jdkato/prose/v2) and gives the entities prose gives, at a
// fraction of its cost.
//
// prose tokenizes and tags the text itself. The entity classifier, which
// prose runs by joining three strings, looking each up in a map and
// compiling two regular expressions for every feature, token and label, is
// run here over the same model data (prose's own assets) with the features
// computed once a token and the weights indexed by feature. The labels are
// prose's, weight sums added in prose's order; where two labels tie, which
// prose leaves to map order, the first in the model's list wins.
// TestAgreesWithProse checks the entities against prose's own.
//
// The word list of the model's "en-wordlist" feature, unexported in prose,
// is copied into basicwords.txt by internal/prosegen.
package prosener
