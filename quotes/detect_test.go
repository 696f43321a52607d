package quotes_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet"
	"github.com/quotesheet/quotesheet/quotes"
)

// TestDetectLanguages detects the language of every pack's case texts,
// joined as one document, and of each case text alone when it is long
// enough to tell.
func TestDetectLanguages(t *testing.T) {
	cfg, err := quotesheet.LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	packs, err := cfg.PackSet()
	if err != nil {
		t.Fatal(err)
	}
	d := quotes.NewDetector(packs, nil, "en")
	files, _ := filepath.Glob(filepath.Join("testdata", "lang", "*.yaml"))
	sort.Strings(files)
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".yaml")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []langCase
		if err := yaml.Unmarshal(data, &cases); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, c := range cases {
			all = append(all, c.Text)
			if len(c.Text) >= 300 {
				if got := d.Detect(c.Text); got != code {
					t.Errorf("%s %q: detected %s", code, c.Name, got)
				}
			}
		}
		if got := d.Detect(strings.Join(all, "\n")); got != code {
			t.Errorf("%s: all cases detected as %s", code, got)
		}
	}
}
