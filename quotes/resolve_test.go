package quotes

import (
	"testing"

	"github.com/quotesheet/quotesheet/quotes/lang"
)

// TestRoleGoesToTheLatestHolder checks that a role noun resolves to the
// latest holder of the role named before it: the roster speaker, or the
// person off the roster the role noun named, whichever came last; and that
// offRosterHolder looks for that person only after the offset it is given.
func TestRoleGoesToTheLatestHolder(t *testing.T) {
	packs, err := lang.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(Config{Packs: packs, Speakers: []Speaker{{Name: "Maria Pop", Gender: "f", Roles: []string{"minister"}, Aliases: map[string][]string{"en": {"Maria Pop"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	const said = " The minister said the budget would pass."
	tests := []struct {
		text    string
		speaker int    // roster index, or -1
		name    string // the name off the roster
	}{
		{"Finance Minister Adrian Lane spoke on Monday." + said, -1, "Adrian Lane"},
		{"Finance Minister Adrian Lane spoke on Monday. Maria Pop met him." + said, 0, ""},
		{"Maria Pop met him. Finance Minister Adrian Lane spoke on Monday." + said, -1, "Adrian Lane"},
	}
	for _, tc := range tests {
		d, err := NewDocument("t.txt", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		d.Lang = "en"
		st := x.newState(d)
		st.run()
		m := st.ments[len(st.ments)-1]
		if m.how != ByRole || tc.text[m.Start:m.End] != "minister" {
			t.Fatalf("%q: the last mention is %q, not the role noun", tc.text, tc.text[m.Start:m.End])
		}
		r := st.resolve(m)
		if !r.known || r.speaker != tc.speaker || r.speaker < 0 && r.name != tc.name {
			t.Errorf("%q: the minister is %+v, want speaker %d %q", tc.text, r, tc.speaker, tc.name)
		}
		at, name := st.offRosterHolder(m, -1)
		if at < 0 || tc.text[name.Start:name.End] != "Adrian Lane" {
			t.Errorf("%q: offRosterHolder = %d, %q", tc.text, at, tc.text[name.Start:name.End])
		}
		if at, _ := st.offRosterHolder(m, at); at >= 0 {
			t.Errorf("%q: offRosterHolder after the holder found it at %d", tc.text, at)
		}
	}
}
