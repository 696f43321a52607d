package quotesheet

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet/quotes"
	"github.com/quotesheet/quotesheet/quotes/lang"
	"github.com/quotesheet/quotesheet/stance"
)

// DefaultConfig is config.yaml as built into the binary.
//
//go:embed config.yaml
var DefaultConfig []byte

// Config is the whole configuration. Its YAML keys are those of config.yaml.
type Config struct {
	// Lang forces one language for every document; empty: detect it.
	Lang string `yaml:"lang"`
	// Languages limits detection to these codes; empty: every pack.
	Languages []string `yaml:"languages"`
	// Workers is how many documents are processed at once; 0: one per CPU.
	Workers int `yaml:"workers"`
	// NER turns on prose's English named-entity recognizer for speakers off the roster.
	NER bool `yaml:"ner"`
	// XLSX also writes the reports as the sheets of one workbook.
	XLSX bool `yaml:"xlsx"`
	// PackDir is a folder of extra language packs merged over the built-in ones.
	PackDir string `yaml:"pack_dir"`
	// Packs are inline language pack overrides, by code.
	Packs map[string]lang.Pack `yaml:"packs"`
	// ExtraSpeakers are added to Speakers.
	ExtraSpeakers []quotes.Speaker `yaml:"extra_speakers"`
	// RoleCovers lists, by role key, the narrower role keys it names too
	// (see quotes.Config.RoleCovers).
	RoleCovers map[string][]string `yaml:"role_covers"`
	// Target is what stance is judged toward.
	Target stance.Target `yaml:"target"`
	// Speakers is the roster.
	Speakers []quotes.Speaker `yaml:"speakers"`
}

// ErrConfig marks configuration errors (exit status 2).
var ErrConfig = errors.New("configuration error")

// Flags binds the command-line flags that override configuration keys.
var Flags = map[string]string{"lang": "lang", "workers": "workers", "ner": "ner", "pack-dir": "pack_dir", "xlsx": "xlsx"}

// LoadConfig reads the built-in configuration, merges file over it when
// file is not empty, then QUOTESHEET_* environment variables and the flags
// in fs that were set. Unknown or misspelled keys are rejected with the
// file and line.
func LoadConfig(file string, fs *pflag.FlagSet) (*Config, error) {
	if err := strictCheck("config.yaml (built in)", DefaultConfig); err != nil {
		return nil, err
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(DefaultConfig)); err != nil {
		return nil, fmt.Errorf("%w: config.yaml (built in): %w", ErrConfig, err)
	}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if err := strictCheck(file, data); err != nil {
			return nil, err
		}
		if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrConfig, file, err)
		}
	}
	v.SetEnvPrefix("QUOTESHEET")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()
	if fs != nil {
		for flag, key := range Flags {
			if f := fs.Lookup(flag); f != nil && f.Changed {
				if err := v.BindPFlag(key, f); err != nil {
					return nil, fmt.Errorf("%w: --%s: %w", ErrConfig, flag, err)
				}
			}
		}
	}
	var cfg Config
	err := v.Unmarshal(&cfg, func(dc *mapstructure.DecoderConfig) {
		dc.TagName = "yaml"
		dc.ErrorUnused = true
		dc.WeaklyTypedInput = true
	})
	if err != nil {
		// The files passed strictCheck and pflag typed the flags, so what
		// does not decode came from a QUOTESHEET_* environment variable.
		msg := strings.TrimPrefix(err.Error(), "decoding failed due to the following error(s):")
		msg = strings.Join(strings.Fields(msg), " ")
		return nil, fmt.Errorf("%w: QUOTESHEET_* environment: %w", ErrConfig, &flatError{msg, err})
	}
	cfg.Lang = strings.ToLower(strings.TrimSpace(cfg.Lang))
	for i, c := range cfg.Languages {
		cfg.Languages[i] = strings.ToLower(strings.TrimSpace(c))
	}
	cfg.Speakers = append(cfg.Speakers, cfg.ExtraSpeakers...)
	if cfg.Workers < 0 {
		return nil, fmt.Errorf("%w: workers: %d is negative", ErrConfig, cfg.Workers)
	}
	return &cfg, nil
}

// flatError is err with its message on one line.
type flatError struct {
	msg string
	err error
}

func (e *flatError) Error() string { return e.msg }
func (e *flatError) Unwrap() error { return e.err }

var (
	yamlLineRE    = regexp.MustCompile(`line (\d+): `)
	yamlUnknownRE = regexp.MustCompile(`field (\S+) not found in type \S+`)
)

// strictCheck decodes data into a Config with unknown fields rejected, so
// that a misspelled key is reported as `file:12: unknown key "speakrs"`.
func strictCheck(file string, data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Config
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
		var parts []string
		for _, l := range strings.Split(msg, "\n") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			if m := yamlLineRE.FindStringSubmatchIndex(l); m != nil && m[0] == 0 {
				l = file + ":" + l[m[2]:m[3]] + ": " + l[m[1]:]
			} else {
				l = file + ": " + l
			}
			l = yamlUnknownRE.ReplaceAllString(l, `unknown key "$1"`)
			parts = append(parts, l)
		}
		return fmt.Errorf("%w: %s", ErrConfig, strings.Join(parts, "\n"))
	}
	return nil
}

// PackSet returns the language packs: the built-in ones, those of
// cfg.PackDir, and the inline overrides, merged in that order.
func (cfg *Config) PackSet() (*lang.Set, error) {
	set, err := lang.Embedded()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if cfg.PackDir != "" {
		if err := set.LoadDir(cfg.PackDir); err != nil {
			return nil, fmt.Errorf("%w: pack_dir: %w", ErrConfig, err)
		}
	}
	for code, p := range cfg.Packs {
		p := p
		if p.Code == "" {
			p.Code = code
		}
		if p.Code != code {
			return nil, fmt.Errorf("%w: packs.%s: code %q does not match its key", ErrConfig, code, p.Code)
		}
		p.File = "config packs." + code
		if err := p.Validate(); err != nil {
			return nil, fmt.Errorf("%w: packs.%s: %w", ErrConfig, code, err)
		}
		set.Merge(&p)
	}
	return set, nil
}
