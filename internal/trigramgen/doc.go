// Command trigramgen writes the trigram profiles of the whatlanggo module
// (github.com/abadojack/whatlanggo, MIT licence) as a data file that the
// quotes package reads: one line a language, its script, its ISO 639-1
// code (639-3 where it has none) and its trigrams, most frequent first.
//
//	go run ./internal/trigramgen -o quotes/trigrams.tsv
//
// The profiles are the module's own; quotes scores them itself because the
// module's scoring, run once a document, cost more than the extraction.
package main
