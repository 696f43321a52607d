// Command prosegen writes the Basic English word list of the prose module
// (github.com/jdkato/prose/v2, MIT licence) as a data file that
// internal/prosener reads: one word a line, in the module's order. prose's
// named-entity model has a feature for whether a word is on that list, and
// the module keeps the list unexported.
//
//	go run ./internal/prosegen -o internal/prosener/basicwords.txt
package main
