package lang

import (
	"path"
	"strings"
	"testing"
)

func TestEmbeddedPacksParse(t *testing.T) {
	s, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Codes()) == 0 {
		t.Fatal("no embedded packs")
	}
	for _, code := range s.Codes() {
		p := s.Get(code)
		if want := strings.TrimSuffix(path.Base(p.File), ".yaml"); want != code {
			t.Errorf("%s: code %q does not match the file name", p.File, code)
		}
		if p.Name == "" || p.Script == "" {
			t.Errorf("%s: name and script are required", p.File)
		}
	}
}

func TestParseRejectsUnknownKeysWithLine(t *testing.T) {
	_, err := Parse("x.yaml", []byte("code: en\nname: English\nreportin:\n  verbs: [said]\n"))
	if err == nil {
		t.Fatal("unknown key accepted")
	}
	if !strings.Contains(err.Error(), "x.yaml:3:") || !strings.Contains(err.Error(), "reportin") {
		t.Errorf("error %q does not name file, line and key", err)
	}
}

func TestMergeExtendsLists(t *testing.T) {
	s := &Set{packs: map[string]*Pack{}}
	s.Merge(&Pack{Code: "xx", Reporting: Reporting{Verbs: []string{"said"}}})
	s.Merge(&Pack{Code: "xx", Reporting: Reporting{Verbs: []string{"quipped"}}, Roles: map[string][]string{"spokesperson": {"spokeswoman"}}})
	p := s.Get("xx")
	if got := strings.Join(p.Reporting.Verbs, ","); got != "said,quipped" {
		t.Errorf("verbs = %s", got)
	}
	if len(p.Roles["spokesperson"]) != 1 {
		t.Errorf("roles not merged: %v", p.Roles)
	}
}
