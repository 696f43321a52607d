package quotes_test

import (
	"testing"

	"github.com/quotesheet/quotesheet"
	"github.com/quotesheet/quotesheet/quotes"
)

// TestRoleCovers checks that role_covers decides whom a broader role noun
// names: with "minister" covering "foreign_minister", the Hungarian
// "tárcavezető" (minister) after "Kovács Anna külügyminiszter" is she, not
// the roster's foreign minister named before her; without it, the roster's.
func TestRoleCovers(t *testing.T) {
	cfg, err := quotesheet.LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	packs := defaultPacks(t)
	text := "Szergej Lavrov orosz külügyminiszter kedden Moszkvában beszélt a helyzetről.\n\n" +
		"Kovács Anna külügyminiszter szerdán Szegeden tárgyalt a szerb kollégájával. " +
		"„A határ nyitva marad, a forgalom zavartalan” – mondta a tárcavezető.\n"
	tests := []struct {
		name   string
		covers map[string][]string
		want   string
	}{
		{"built-in covers", cfg.RoleCovers, "Kovács Anna"},
		{"none", nil, "Sergei Lavrov"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := quotes.New(quotes.Config{Packs: packs, Speakers: cfg.Speakers, RoleCovers: tt.covers})
			if err != nil {
				t.Fatal(err)
			}
			d, err := quotes.NewDocument("a.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			d.Lang = "hu"
			qs := x.Extract(d)
			if len(qs) != 1 || qs[0].Speaker != tt.want || qs[0].Attribution != quotes.ByRole {
				t.Fatalf("got %+v, want one quote by role of %s", qs, tt.want)
			}
		})
	}
}
