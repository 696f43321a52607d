package quotes

import "github.com/quotesheet/quotesheet/internal/runes"

// The sets of punctuation that the scans search for, beyond ASCII: commas
// of Arabic (،), Chinese (，) and Armenian (՝), the Devanagari danda (।),
// long dashes and the quote marks. A runes.Set finds them byte by byte,
// where strings.IndexAny goes rune by rune.
var (
	spaces      = runes.NewSet(" \u00a0")
	longDashes  = runes.NewSet("–—―")
	colons      = runes.NewSet(":：")
	commaArabic = runes.NewSet(",،")
	commaCJK    = runes.NewSet(",，")
	commas      = runes.NewSet(",،，")
	commasArm   = runes.NewSet(",，،՝")
	commasSemis = runes.NewSet(",;，،")
	// commasSemisArm also holds the Armenian comma
	commasSemisArm = runes.NewSet(",،，;՝")
	commaOrDash    = runes.NewSet(",،—–")
	commaOrMarks   = runes.NewSet(",;\"“”«»")
	inciseEnd      = runes.NewSet(",.;—–")
	quoteMarks     = runes.NewSet("\"“”«»„")
	quoteMarksCJK  = runes.NewSet("\"“”«»„「」")
	sentencePunct  = runes.NewSet(".;:!?।")
	clausePunct    = runes.NewSet(",.;!?،।")
	listPunct      = runes.NewSet(",.;:!?،।")
	phraseEnd      = runes.NewSet(",.;:!?।،—–()")
	endOrMarks     = runes.NewSet(".!?।:\"“”«»")
	stopsOrMarks   = runes.NewSet(".;:!?\"„“”«»()")
	besidePunct    = runes.NewSet(".;:!?()\"“”«»—–")
	namePunct      = runes.NewSet(",.;:!?()\"“”«»")
	gapPunct       = runes.NewSet(",.;:!?।،\"“”«»()")
	subjectPunct   = runes.NewSet(",;:()\"“”«»")
)
