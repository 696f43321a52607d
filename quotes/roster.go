package quotes

import (
	"slices"
	"strings"
)

// Speaker is one entry of the roster: a person or an organization that
// speaks, with every way the press writes its name.
type Speaker struct {
	// Name is the canonical English name reported in the quote sheet.
	Name string `yaml:"name"`
	// Kind is "person" (the default) or "organization".
	Kind string `yaml:"kind"`
	// Gender is "f", "m", or "" (unknown; organizations).
	Gender string `yaml:"gender"`
	// Roles are role keys shared with the language packs ("spokesperson",
	// "secretary_general"): a role noun in an article resolves to a speaker
	// who holds that role.
	Roles []string `yaml:"roles"`
	// Org is the canonical name of the organization the speaker speaks for
	// ("Russian Foreign Ministry"): a role noun beside that organization's
	// name ("the ministry's spokeswoman") resolves to its own people first.
	Org string `yaml:"org"`
	// Aliases lists the names by language code: full names, surnames,
	// inflected and variant spellings, in the script of that language.
	// A trailing '*' marks a stem that takes any ending.
	Aliases map[string][]string `yaml:"aliases"`
}

// roster is the compiled speaker roster: one matcher for every alias in
// every script, matched case-insensitively on word boundaries, where a
// match in a cased script must start with a capital letter.
type roster struct {
	speakers []Speaker
	names    *lexicon
	// lastWords holds, by speaker, the last words of its aliases in every
	// language, less the '*' of a stem: what a possessive ending follows
	lastWords [][]string
}

func newRoster(speakers []Speaker) *roster {
	b := newLexiconBuilder(true)
	for i, s := range speakers {
		b.add(s.Name, hitName, i)
		for _, aliases := range s.Aliases {
			b.addAll(aliases, hitName, i)
		}
	}
	return &roster{speakers: speakers, names: b.build(false, nil), lastWords: aliasLastWords(speakers)}
}

// aliasLastWords returns the distinct last words of each speaker's aliases,
// less the trailing '*' of a stem.
func aliasLastWords(speakers []Speaker) [][]string {
	out := make([][]string, len(speakers))
	for i, s := range speakers {
		for _, aliases := range s.Aliases {
			for _, a := range aliases {
				a = strings.TrimSuffix(a, "*")
				a = a[strings.LastIndexByte(a, ' ')+1:]
				if !slices.Contains(out[i], a) {
					out[i] = append(out[i], a)
				}
			}
		}
	}
	return out
}

// dropNested keeps the longest of hits that overlap, hits sorted by start.
func dropNested(hs []hit) []hit {
	out := hs[:0]
	for _, h := range hs {
		if n := len(out); n > 0 && h.Start < out[n-1].End {
			if h.Len() > out[n-1].Len() {
				out[n-1] = h
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

func (s *Speaker) isOrg() bool { return s.Kind == "organization" || s.Kind == "org" }

func (s *Speaker) hasRole(role string) bool {
	for _, r := range s.Roles {
		if r == role {
			return true
		}
	}
	return false
}
