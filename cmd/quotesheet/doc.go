// Command quotesheet finds every quotation in news articles, says who said
// it and what stance it takes toward a target, and writes CSV quote sheets.
//
//	quotesheet extract [--out DIR] [--config FILE] [--lang CODE] PATH...
//	quotesheet eval --gold DIR [--verbose] PATH...
//
// PATH is a file, a folder (walked for .txt, .md and .jsonl; hidden files
// and README.md are left out), a .jsonl file of records {"id", "text",
// "lang", "url", "date"}, or - for standard input.
//
// Exit status: 0 when all went well, 1 when some input failed (the others
// are still processed and the reports written), 2 for usage and
// configuration errors.
package main
