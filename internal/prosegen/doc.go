// Command prosegen writes two lists of the prose module
// (github.com/jdkato/prose/v2, MIT licence) as data files that
// internal/prosener reads, one entry a line, in the module's order: the
// Basic English words of the entity model's "en-wordlist" feature
// (basicwords.txt) and the emoticons the tagger tags SYM (emoticons.txt).
// The module keeps both unexported.
//
//	go run ./internal/prosegen -d internal/prosener
package main
