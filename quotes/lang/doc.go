// Package lang holds the language packs: everything quotesheet knows about a
// language lives in one YAML file under packs/, named by its ISO 639-1 code.
//
// A pack lists the quote marks the language uses, its reporting verbs and
// complementizers, its pronouns with their gender, the role nouns that stand
// for a person ("the spokeswoman", "глава МИД"), the markers that tell a
// subject from an object next to a name, the endings that inflect a name, and
// the stance lexicon. The packs are embedded in the binary; a pack given in
// the configuration or loaded from a directory is merged over the embedded one
// of the same code, so a language is added or extended as data, never as code.
//
// Lexicon entries are words or phrases matched on word boundaries, ignoring
// case. An entry that ends in '*' is a stem: it matches any word that starts
// with it ("заяви*" matches заявил, заявила, заявили). In languages written
// without spaces (Chinese, Japanese) entries match anywhere.
//
// See README.md in this directory for the field-by-field reference.
package lang
