// Package prosener runs the English named-entity model of prose
// (github.com/jdkato/prose/v2) and gives the entities prose gives, at a
// fraction of its cost.
//
// prose tokenizes the text. Its part-of-speech tagger and its entity
// classifier, which prose runs by building a map of feature strings for
// every token, and, for the classifier, joining three strings, looking
// each up and compiling two regular expressions for every feature, token
// and label, are run here over the same model data (prose's own assets),
// with each token's features built once and the weights indexed by
// feature. The tags and labels are prose's. The classifier adds its
// weights in prose's order; the tagger adds them in the order of prose's
// maps, which Go leaves unspecified, so prose's own sums may differ from
// run to run in the last bit. Where two labels tie, which prose leaves to
// map order, the first in the model's list wins. One difference is
// deliberate: prose's tokenizer gives the same token to every occurrence
// of a repeated word but the text's last, so the tag and label of the last
// occurrence overwrite the earlier ones' ("as much as": the first "as"
// takes the tag of the second); here each word keeps its own.
// TestAgreesWithProse checks the tags and entities against prose's own
// over texts without such repeats.
//
// Two lists the model needs and prose keeps unexported, the words of the
// "en-wordlist" feature and the emoticons the tagger tags SYM, are copied
// into basicwords.txt and emoticons.txt by internal/prosegen.
package prosener
