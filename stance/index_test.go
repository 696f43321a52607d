package stance

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	long := "the deployment of foreign troops is not legitimate"
	for _, c := range []struct{ s, sub string }{
		{"", ""},
		{"abc", ""},
		{"", "abc"},
		{"abc", "b"},
		{"“" + long + ",” a deputy said.", long},
		{"a deputy said: " + long, long},
		{long[:30] + " " + long, long},                     // the head found first where sub is not
		{strings.Repeat(long[:20], 9) + long + long, long}, // more false starts than index tries
		{strings.Repeat(long[:20], 9), long},
		{long[:len(long)-1], long},
		{"Депутат сказал: «Ввод иностранных войск нелегитимен»", "Ввод иностранных войск нелегитимен"},
		{strings.Repeat("а", 40), strings.Repeat("а", 20) + "б"},
		{strings.Repeat("а", 40), strings.Repeat("а", 20)},
	} {
		if got, want := index(c.s, c.sub), strings.Index(c.s, c.sub); got != want {
			t.Errorf("index(%q, %q) = %d, want %d", c.s, c.sub, got, want)
		}
	}
}
