package runes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSet(t *testing.T) {
	sets := []string{",;，،", ",.;:", "–—―", " \u00a0", ":：", ",", "日"}
	texts := []string{
		"", "a", ",", "abc, def; ghi", "Он сказал, что", "قال، إن", "一，二", "x – y — z",
		"no match here", "a\u00a0b", "時間：十", "日本日", "\xff,\xfe", "ends with ;",
	}
	for _, chars := range sets {
		s := NewSet(chars)
		for _, text := range texts {
			if got, want := s.Index(text), strings.IndexAny(text, chars); got != want {
				t.Errorf("NewSet(%q).Index(%q) = %d, want %d", chars, text, got, want)
			}
			if got, want := s.LastIndex(text), strings.LastIndexAny(text, chars); got != want {
				t.Errorf("NewSet(%q).LastIndex(%q) = %d, want %d", chars, text, got, want)
			}
			if got, want := s.In(text), strings.ContainsAny(text, chars); got != want {
				t.Errorf("NewSet(%q).In(%q) = %v, want %v", chars, text, got, want)
			}
		}
	}
}

func FuzzSet(f *testing.F) {
	f.Add(",;，،", "Он сказал, что")
	f.Add("–—", "a — b")
	f.Fuzz(func(t *testing.T, chars, text string) {
		if strings.ContainsRune(chars, '\uFFFD') || !utf8.ValidString(chars) || !utf8.ValidString(text) {
			t.Skip() // documents are valid UTF-8 by the time they are searched
		}
		s := NewSet(chars)
		if got, want := s.Index(text), strings.IndexAny(text, chars); got != want {
			t.Fatalf("Index = %d, want %d", got, want)
		}
		if got, want := s.LastIndex(text), strings.LastIndexAny(text, chars); got != want {
			t.Fatalf("LastIndex = %d, want %d", got, want)
		}
	})
}
