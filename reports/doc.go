// Package reports writes quotesheet's CSV reports and scores them against
// gold annotations.
//
// It is the last step of the pipeline: the quotes found and attributed by
// package quotes, with the stance package's labels, arrive here as QuoteRow
// values and leave as the three files of the report contract
// (spec/OUTPUT.md):
//
//   - quotes.csv, one QuoteRow per quotation or reported statement;
//   - positions.csv, one PositionRow per (document, speaker);
//   - speakers.csv, one SpeakerRow per speaker across the corpus.
//
// The contract's columns come first, in its order; extra columns (the
// offsets of the speaker mention and of the cue, flags) follow them. Offsets
// count Unicode code points. Files are UTF-8 without a byte order mark,
// RFC 4180, with one header row; rows are in a stable order (SortQuotes).
// Rows are encoded with github.com/gocarina/gocsv, each writer through a
// csv.Writer of its own: gocsv's package-level settings are never touched.
//
// Aggregate builds the position and speaker rows from the quote rows, given
// the stance package's rule for turning a speaker's labels into a position.
// A Sheet does the same for a run of any size: it gathers rows in any
// order, holds a bounded number in memory (sorted runs go to temporary
// files beyond that), and writes the three reports while it merges them,
// keeping one document's positions and a tally per speaker.
//
// ReadGold and Score are the evaluation behind `quotesheet eval`. Score is
// a faithful port of the reference scorer, tools/score.py: the same text
// normalisation (NFC, quote marks folded, whitespace collapsed, end
// punctuation stripped, Unicode case folding), the same tokens (Python's
// `\w+`, so that words split at combining marks such as Devanagari vowel
// signs), the same greedy matching and thresholds, the same speaker rule
// (alternatives split by '|', surname match) and the same rounding, so
// that its numbers equal the script's to the last digit.
//
//	rows := ... // from the pipeline
//	reports.SortQuotes(rows)
//	pos, spk := reports.Aggregate(rows, stance.Position)
//	err := reports.WriteFiles("out", rows, pos, spk)
//
//	sheet := &reports.Sheet{}
//	defer sheet.Close()
//	err = sheet.Add(rows...) // as each document is done, in any order
//	stats, err := sheet.WriteFiles("out", position)
//
//	gold, err := reports.ReadGold("../shared/gold")
//	card := reports.Score(gold, rows, pos)
//	card.Write(os.Stdout)
package reports
