// Package quotes finds the quotations of news articles and says who said
// them.
//
// A Document is an article's own text; every Quote, speaker mention and
// reporting cue keeps its byte Span in it, and the Document converts spans
// to the code point offsets and line numbers the reports give. An
// Extractor, built once from the language packs (package lang) and the
// speaker roster, finds in a document:
//
//   - quotations between marks of every common style, paired by what each
//     mark can do where it stands, with unclosed, unopened, nested,
//     interrupted and multi-paragraph quotes handled, and speech after a
//     dialogue dash;
//   - their speakers: a name, a role noun, a pronoun or a continuation cue
//     beside a reporting verb, before or after the quote, resolved against
//     the roster and the article's own appositions;
//   - reported speech without marks ("X said that …", "according to X, …",
//     verb-final clauses, headlines), transcript turns and pull quotes.
//
// Everything that differs between languages is data in the packs: no Go
// code here knows a word of any language. A Detector tells a document's
// language among those that have a pack.
package quotes
