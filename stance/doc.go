// Package stance judges the stance a quotation takes toward a configured
// target: favor, against or none, as in SemEval-2016 Task 6 stance detection.
//
// # What counts
//
// Favor is requesting, defending, praising, thanking for or justifying the
// target, or attacking its critics. Against is questioning its legitimacy
// or need, calling it an occupation or an intervention, demanding that it
// end, raising "questions" or concerns about it. None is a quote that is not
// about the target, or a neutral fact about it: a timetable, a number, a
// description of events.
//
// # Data
//
// A Target (configuration, not code) names the target and lists, per
// language code or under "all", its terms and its critics. The stance words
// come from the language packs (quotes/lang): favor, against and attack
// words, negators and contrast words. New compiles, once per language, one
// lexicon of all of them. Entries match whole words, ignoring case; a
// trailing '*' makes a stem; an entry written in capitals ("US", "США")
// matches only in capitals, so that the critic "US" is not the pronoun "us".
// Words are compared folded: lower case, and without the differences writers
// make freely (Arabic short vowels and hamza seats, the Devanagari nukta, ё).
// Of two entries that match at one place the longer wins, and of two equally
// long the more specific: an exact word over a stem, a longer stem over a
// shorter one, so a pack can override "dəstəklə*" (support) with
// "dəstəkləmir*" (do not support). Packs marked no_spaces (Chinese,
// Japanese) are matched anywhere, leftmost-longest, with a byte trie.
//
// # How a quote is judged
//
// Document judges the rows of one document together. For each row:
//
//   - Topic. The row is about the target when its quote, its context
//     sentence or its cue names it (weight 1); when only the paragraph does
//     (weight 0.6, enough for explicit stance words); when only another row
//     of the document does (weight 0.4, enough only for an attack on the
//     target's critics). Otherwise it is None. A scare quote is always None.
//   - Evidence. Stance words are looked for in the context (the quote and
//     its attribution, so that the reporting verb counts: "thanked",
//     "criticized"), and in the cue when the context lacks it. A word in a
//     clause that does not name the target, when another clause of the
//     quote (or of the attribution) does, weighs half.
//   - Negation. A negator turns the polarity of a word after it in the same
//     clause (a clause ends at , ; : . ! ? dashes, brackets and contrast
//     words) within 8 words (10 characters without spaces), or within 24
//     when the word ends its clause: "did not know whether the request ...
//     was legitimate". A negator right after a word, with nothing of its own
//     to negate, turns that word: "legitim deyil", "वैध नहीं है". "Not X,
//     but Y" with X and Y on one side drops X rather than reversing it, so
//     "no longer a threat, it is an attack on the state" is not a denial.
//   - Contrast. Words after a contrast word in its sentence weigh 1.5, words
//     before it 0.5; a sentence that opens with one ("However, ...") weighs
//     down the sentence before it.
//   - Attacks. An attack word ("lies", "do not understand") in a clause with
//     a critic, or in a text that names a critic and not the target in that
//     clause, is favor: it disparages the critics. Aimed at an against word
//     of its sentence ("talk of an occupation is stupidity") it is favor too,
//     and the against word no longer counts. In a clause that names the
//     target it is against. An against word followed in its clause by a
//     critic ("dismissed Washington's claims") is favor.
//
// The signed sum of the evidence, weighed by topic, becomes Score =
// sum/(|sum|+1) in -1..1; |Score| >= 0.2 gives Favor or Against. Cues are the
// deciding words as written, a negator joined to its word when they are at
// most three words apart ("not legitimate").
//
// Continuation: a row without evidence of its own that continues its
// speaker's words (Attribution "continuation") takes the label of that
// speaker's previous row, with 0.7 of its score, and Inherited set. The
// speaker's next row in the same paragraph is judged on its own: a
// description that follows a stance is not a stance. A continuation that has
// evidence but does not name the target is judged with paragraph topicality.
//
// Position sums a speaker's results into one position with a confidence.
//
// # Tests
//
// testdata/lang/<code>.yaml holds stance cases per language, run against
// the embedded pack of that code by TestLanguageCases; testdata/cases_en.yaml
// carries its own lexicon. See caseFile in cases_test.go for the format.
package stance
