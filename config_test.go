package quotesheet

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/quotesheet/quotesheet/reports"
)

// configFile writes a configuration file and returns its path.
func configFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quotesheet.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// flagSet is a flag set with the flags that override configuration keys,
// as the command line declares them, parsed from args.
func flagSet(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.String("lang", "", "")
	fs.Int("workers", 0, "")
	fs.Bool("ner", true, "")
	fs.String("pack-dir", "", "")
	fs.Bool("xlsx", false, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	for flag := range Flags {
		if fs.Lookup(flag) == nil {
			t.Fatalf("Flags names --%s, which the test flag set lacks", flag)
		}
	}
	return fs
}

func TestLoadConfigBuiltIn(t *testing.T) {
	cfg, err := LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lang != "" || cfg.Workers != 0 || !cfg.NER || cfg.PackDir != "" || len(cfg.Packs) != 0 || len(cfg.ExtraSpeakers) != 0 {
		t.Errorf("built-in settings: lang %q workers %d ner %v pack_dir %q packs %d extra %d", cfg.Lang, cfg.Workers, cfg.NER, cfg.PackDir, len(cfg.Packs), len(cfg.ExtraSpeakers))
	}
	persons, names := 0, map[string]bool{}
	for _, s := range cfg.Speakers {
		if s.Name == "" || names[s.Name] {
			t.Errorf("roster: speaker name %q is empty or repeated", s.Name)
		}
		names[s.Name] = true
		switch s.Kind {
		case "person", "":
			persons++
		case "organization":
		default:
			t.Errorf("roster: %s: kind %q", s.Name, s.Kind)
		}
		if len(s.Aliases["en"]) == 0 {
			t.Errorf("roster: %s has no English alias", s.Name)
		}
	}
	if persons < 25 {
		t.Errorf("roster has %d persons, want at least 25", persons)
	}
	for _, name := range []string{"Kassym-Jomart Tokayev", "Vladimir Putin", "Dmitry Peskov", "Maria Zakharova", "CSTO", "Kremlin"} {
		if !names[name] {
			t.Errorf("roster lacks %s", name)
		}
	}
	if cfg.Target.Name == "" || len(cfg.Target.Terms["en"]) == 0 || len(cfg.Target.Terms["all"]) == 0 || len(cfg.Target.Critics["en"]) == 0 {
		t.Errorf("target: name %q, %d en terms, %d all terms, %d en critics", cfg.Target.Name, len(cfg.Target.Terms["en"]), len(cfg.Target.Terms["all"]), len(cfg.Target.Critics["en"]))
	}
	if !slices.Contains(cfg.Target.Terms["en"], "peacekeepers") {
		t.Errorf("target: en terms lack peacekeepers: %v", cfg.Target.Terms["en"])
	}
}

func TestStrictCheck(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // the error's lines; nil: no error
	}{
		{"valid", "lang: en\nworkers: 2\ntarget:\n  name: X\n", nil},
		{"empty", "", nil},
		{"comments only", "# nothing set\n", nil},
		{"misspelled key", "lang: en\nworkers: 2\nspeakrs: []\n", []string{`f.yaml:3: unknown key "speakrs"`}},
		{"nested key", "target:\n  name: X\n  termz: {}\n", []string{`f.yaml:3: unknown key "termz"`}},
		{"speaker key", "extra_speakers:\n  - name: Someone\n    alias: [S]\n", []string{`f.yaml:3: unknown key "alias"`}},
		{"pack key", "packs:\n  en:\n    reporting:\n      verb: [quipped]\n", []string{`f.yaml:4: unknown key "verb"`}},
		{"two errors", "speakrs: []\nlang: en\nner: maybe\n", []string{`f.yaml:1: unknown key "speakrs"`, "f.yaml:3: cannot unmarshal !!str `maybe` into bool"}},
		{"wrong type", "workers: many\n", []string{"f.yaml:1: cannot unmarshal !!str `many` into int"}},
		{"list for a string", "lang: [en, pl]\n", []string{"f.yaml:1: cannot unmarshal !!seq into string"}},
		{"not a mapping", "- lang\n", []string{"f.yaml:1: cannot unmarshal !!seq into quotesheet.Config"}},
		{"tab", "lang: en\n\tworkers: 2\n", []string{"f.yaml:2: found a tab character that violates indentation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := strictCheck("f.yaml", []byte(tt.yaml))
			if tt.want == nil {
				if err != nil {
					t.Errorf("error %v, want none", err)
				}
				return
			}
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("error %v, want an ErrConfig", err)
			}
			got := strings.Split(strings.TrimPrefix(err.Error(), ErrConfig.Error()+": "), "\n")
			if !slices.Equal(got, tt.want) {
				t.Errorf("error lines\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		env        map[string]string
		want       []string // pieces of the error
	}{
		{"misspelled key", "lang: en\n\nspeakrs: []\n", nil, []string{":3: ", `unknown key "speakrs"`}},
		{"negative workers", "workers: -2\n", nil, []string{"workers", "-2"}},
		{"env of the wrong type", "", map[string]string{"QUOTESHEET_WORKERS": "four"}, []string{"QUOTESHEET_", "workers"}},
		{"env of the wrong type for a bool", "", map[string]string{"QUOTESHEET_NER": "maybe"}, []string{"QUOTESHEET_", "ner"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			file := ""
			if tt.yaml != "" {
				file = configFile(t, tt.yaml)
			}
			_, err := LoadConfig(file, nil)
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("error %v, want an ErrConfig", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not hold %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
			if file != "" && !strings.Contains(err.Error(), file) && tt.name == "misspelled key" {
				t.Errorf("error %q does not name %s", err, file)
			}
		})
	}
	_, err := LoadConfig(filepath.Join(t.TempDir(), "absent.yaml"), nil)
	if !errors.Is(err, ErrConfig) || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "absent.yaml") {
		t.Errorf("missing file: error %v, want ErrConfig and fs.ErrNotExist naming it", err)
	}
}

// TestLoadConfigPrecedence checks every pair of layers: flags over
// QUOTESHEET_* variables over the --config file over config.yaml.
func TestLoadConfigPrecedence(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		env         map[string]string
		args        []string
		lang        string
		workers     int
		ner         bool
		packDirWant string
		xlsx        bool
	}{
		{name: "built in", lang: "", workers: 0, ner: true},
		{name: "file", file: "lang: pl\nworkers: 3\nner: false\n", lang: "pl", workers: 3, ner: false},
		{name: "env", env: map[string]string{"QUOTESHEET_LANG": "ru", "QUOTESHEET_WORKERS": "5", "QUOTESHEET_NER": "false"}, lang: "ru", workers: 5, ner: false},
		{name: "env over file", file: "lang: pl\nworkers: 3\n", env: map[string]string{"QUOTESHEET_LANG": "ru", "QUOTESHEET_WORKERS": "5"}, lang: "ru", workers: 5, ner: true},
		{name: "env for one key", file: "lang: pl\nworkers: 3\n", env: map[string]string{"QUOTESHEET_WORKERS": "5"}, lang: "pl", workers: 5, ner: true},
		{name: "flags", args: []string{"--lang", "de", "--workers", "7", "--ner=false"}, lang: "de", workers: 7, ner: false},
		{name: "flags over env over file", file: "lang: pl\nworkers: 3\nner: true\n", env: map[string]string{"QUOTESHEET_LANG": "ru", "QUOTESHEET_WORKERS": "5", "QUOTESHEET_NER": "true"}, args: []string{"--lang", "de", "--workers", "7", "--ner=false"}, lang: "de", workers: 7, ner: false},
		{name: "a flag left unset does not override", file: "lang: pl\n", env: map[string]string{"QUOTESHEET_WORKERS": "5"}, args: []string{"--ner=false"}, lang: "pl", workers: 5, ner: false},
		{name: "flag set to its default still overrides", file: "workers: 3\n", args: []string{"--workers", "0"}, workers: 0, ner: true},
		{name: "language codes are lower case", args: []string{"--lang", " EN "}, lang: "en", ner: true},
		{name: "pack dir from env", env: map[string]string{"QUOTESHEET_PACK_DIR": "/tmp/packs"}, ner: true, packDirWant: "/tmp/packs"},
		{name: "pack dir from flag", env: map[string]string{"QUOTESHEET_PACK_DIR": "/tmp/packs"}, args: []string{"--pack-dir", "mine"}, ner: true, packDirWant: "mine"},
		{name: "workbook from file", file: "xlsx: true\n", ner: true, xlsx: true},
		{name: "workbook from env", env: map[string]string{"QUOTESHEET_XLSX": "true"}, ner: true, xlsx: true},
		{name: "workbook flag over env", env: map[string]string{"QUOTESHEET_XLSX": "true"}, args: []string{"--xlsx=false"}, ner: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			file := ""
			if tt.file != "" {
				file = configFile(t, tt.file)
			}
			cfg, err := LoadConfig(file, flagSet(t, tt.args...))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Lang != tt.lang || cfg.Workers != tt.workers || cfg.NER != tt.ner || cfg.PackDir != tt.packDirWant || cfg.XLSX != tt.xlsx {
				t.Errorf("lang %q workers %d ner %v pack_dir %q xlsx %v, want %q %d %v %q %v", cfg.Lang, cfg.Workers, cfg.NER, cfg.PackDir, cfg.XLSX, tt.lang, tt.workers, tt.ner, tt.packDirWant, tt.xlsx)
			}
		})
	}
}

func TestLoadConfigLanguagesFromEnv(t *testing.T) {
	t.Setenv("QUOTESHEET_LANGUAGES", "en, RU,kk")
	cfg, err := LoadConfig(configFile(t, "languages: [pl]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"en", "ru", "kk"}; !slices.Equal(cfg.Languages, want) {
		t.Errorf("languages %q, want %q", cfg.Languages, want)
	}
}

func TestLoadConfigMerges(t *testing.T) {
	builtIn, err := LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(configFile(t, `
extra_speakers:
  - name: Aigerim Sarsenbayeva
    gender: f
    roles: [deputy]
    aliases:
      en: [Aigerim Sarsenbayeva, Sarsenbayeva]
target:
  name: Curfew in Almaty
  terms:
    en: [curfew]
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cfg.Speakers); n != len(builtIn.Speakers)+1 || cfg.Speakers[n-1].Name != "Aigerim Sarsenbayeva" {
		t.Errorf("extra_speakers: %d speakers ending with %q, want the %d built in and Aigerim Sarsenbayeva", n, cfg.Speakers[n-1].Name, len(builtIn.Speakers))
	}
	// Maps merge, lists are replaced: en terms are the file's, the others stay.
	if cfg.Target.Name != "Curfew in Almaty" || !slices.Equal(cfg.Target.Terms["en"], []string{"curfew"}) {
		t.Errorf("target: %q %v", cfg.Target.Name, cfg.Target.Terms["en"])
	}
	if !slices.Equal(cfg.Target.Terms["ru"], builtIn.Target.Terms["ru"]) || !slices.Equal(cfg.Target.Critics["en"], builtIn.Target.Critics["en"]) {
		t.Errorf("target: the file's en terms dropped the other languages' terms or the critics")
	}
}

// quipArticle is attributed by its reporting verb only when the verb is known.
const quipArticle = `Almaty, Jan 12 — The Russian president answered a question about the weather during his visit.

“The winter in Almaty is much milder than in Moscow,” Putin harrumphed.
`

// TestPackOverride adds a reporting verb with an inline pack in a --config
// file: the pack set holds it beside the built-in verbs, and the engine
// then attributes a quote by it.
func TestPackOverride(t *testing.T) {
	cfg, err := LoadConfig(configFile(t, "packs:\n  en:\n    reporting:\n      verbs: [harrumphed]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	set, err := cfg.PackSet()
	if err != nil {
		t.Fatal(err)
	}
	en := set.Get("en")
	if en == nil || !slices.Contains(en.Reporting.Verbs, "harrumphed") || !slices.Contains(en.Reporting.Verbs, "said") {
		t.Fatalf("en pack does not hold both harrumphed and said")
	}
	if len(set.Codes()) < 25 {
		t.Errorf("pack set has %d languages, want the built-in ones", len(set.Codes()))
	}

	builtIn, err := LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		cfg       *Config
		cue, attr string
	}{
		{"built in", builtIn, "", "nearest"},
		{"with harrumphed", cfg, "harrumphed", "name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.NER = false
			e, err := NewEngine(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := e.Document(Input{Name: "x", Data: []byte(quipArticle), Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			var q *reports.QuoteRow
			for i := range rows {
				if strings.HasPrefix(rows[i].Quote, "The winter in Almaty") {
					q = &rows[i]
				}
			}
			if q == nil {
				t.Fatalf("no quote found: %+v", rows)
			}
			if q.Speaker != "Vladimir Putin" || q.Cue != tt.cue || (tt.attr == "name") != (q.Attribution == "name") {
				t.Errorf("speaker %q cue %q attribution %q, want Vladimir Putin, cue %q, attribution %s", q.Speaker, q.Cue, q.Attribution, tt.cue, tt.attr)
			}
		})
	}
}

func TestPackSetErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"code that does not match its key", "packs:\n  en:\n    code: pl\n", "packs.en"},
		{"missing pack folder", "pack_dir: /nonexistent/packs\n", "pack_dir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := LoadConfig(configFile(t, tt.yaml), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = cfg.PackSet()
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an ErrConfig naming %s", err, tt.want)
			}
		})
	}
	cfg, err := LoadConfig("", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lang = "xx"
	if _, err := NewEngine(cfg); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), `"xx"`) {
		t.Errorf("lang xx: error %v, want an ErrConfig naming it", err)
	}
}

// TestRoleCoversUnknownKey checks that a role key in role_covers that no
// pack or speaker knows is a configuration error naming the key.
func TestRoleCoversUnknownKey(t *testing.T) {
	for _, covers := range []map[string][]string{
		{"minister": {"foreign_ministr"}},
		{"ministr": {"foreign_minister"}},
	} {
		cfg, err := LoadConfig("", nil)
		if err != nil {
			t.Fatal(err)
		}
		cfg.RoleCovers = covers
		_, err = NewEngine(cfg)
		if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "role_covers") || !strings.Contains(err.Error(), "ministr") {
			t.Errorf("role_covers %v: error %v, want an ErrConfig naming the key", covers, err)
		}
	}
}
