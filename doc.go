// Package quotesheet turns news articles into quote sheets: it reads
// documents, finds and attributes every quotation (package quotes), judges
// its stance toward a configured target (package stance) and writes the
// reports (package reports).
//
// This package holds what ties them together: the configuration, with the
// built-in config.yaml as its default, the readers of the inputs (files,
// folders, JSON Lines, standard input), and the Engine that runs a corpus
// through the pipeline with one error per bad input and nothing else lost.
package quotesheet
