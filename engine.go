package quotesheet

import (
	"fmt"
	"io"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/quotesheet/quotesheet/quotes"
	"github.com/quotesheet/quotesheet/quotes/lang"
	"github.com/quotesheet/quotesheet/reports"
	"github.com/quotesheet/quotesheet/stance"
)

// Engine runs documents through extraction and stance. It is built once
// per run: language packs, the roster and the stance lexicons are compiled
// once and shared by every document.
type Engine struct {
	cfg    *Config
	x      *quotes.Extractor
	judge  *stance.Judge
	detect *quotes.Detector
}

// NewEngine builds an Engine from cfg.
func NewEngine(cfg *Config) (*Engine, error) {
	packs, err := cfg.PackSet()
	if err != nil {
		return nil, err
	}
	if cfg.Lang != "" && packs.Get(cfg.Lang) == nil {
		return nil, fmt.Errorf("%w: lang: no language pack for %q (have %v)", ErrConfig, cfg.Lang, packs.Codes())
	}
	for _, c := range cfg.Languages {
		if packs.Get(c) == nil {
			return nil, fmt.Errorf("%w: languages: no language pack for %q", ErrConfig, c)
		}
	}
	if err := checkRoleCovers(cfg, packs); err != nil {
		return nil, err
	}
	x, err := quotes.New(quotes.Config{Packs: packs, Speakers: cfg.Speakers, NER: cfg.NER, RoleCovers: cfg.RoleCovers})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	j, err := stance.New(cfg.Target, packs)
	if err != nil {
		return nil, fmt.Errorf("%w: target: %w", ErrConfig, err)
	}
	det, err := quotes.NewDetector(packs, cfg.Languages, "en")
	if err != nil {
		return nil, fmt.Errorf("language detection: %w", err)
	}
	return &Engine{cfg: cfg, x: x, judge: j, detect: det}, nil
}

// Document extracts, attributes and judges the quotations of one input.
// A panic on input is turned into an error for that input alone.
func (e *Engine) Document(in Input) (rows []reports.QuoteRow, err error) {
	if in.Err != nil {
		return nil, in.Err
	}
	defer func() {
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	d, err := quotes.NewDocument(in.Name, in.Data)
	if err != nil {
		return nil, err
	}
	d.URL, d.Date = in.URL, in.Date
	switch {
	case in.Lang != "":
		d.Lang = in.Lang
	case e.cfg.Lang != "":
		d.Lang = e.cfg.Lang
	default:
		d.Lang = e.detect.Detect(d.Text)
	}
	qs := e.x.Extract(d)
	ins := make([]stance.Input, len(qs))
	for i, q := range qs {
		ins[i] = stance.Input{
			Lang: d.Lang, Kind: string(q.Kind), Speaker: q.Speaker, Attribution: string(q.Attribution),
			Quote: q.Text, Cue: q.Cue, Context: d.Slice(q.Context), Paragraph: d.Slice(d.ParagraphAt(q.Span.Start)),
		}
	}
	judged := e.judge.Document(ins)
	rows = make([]reports.QuoteRow, len(qs))
	for i, q := range qs {
		start := d.CodePoint(q.Span.Start)
		r := reports.QuoteRow{
			ID: reports.QuoteID(d.Name, start), Doc: d.Name, Lang: d.Lang, Kind: string(q.Kind),
			Speaker: q.Speaker, SpeakerMention: q.Mention, Attribution: string(q.Attribution), Cue: q.Cue,
			Quote: q.Text, Start: start, End: d.CodePoint(q.Span.End), Line: q.Line,
			Stance: judged[i].Label, StanceScore: reports.Float(judged[i].Score), StanceCues: judged[i].Cues,
			Confidence: reports.Float(q.Confidence), Flags: q.Flags,
		}
		if !q.MentionSpan.Empty() {
			r.MentionStart, r.MentionEnd = reports.Offset(d.CodePoint(q.MentionSpan.Start)), reports.Offset(d.CodePoint(q.MentionSpan.End))
		}
		if !q.CueSpan.Empty() {
			r.CueStart, r.CueEnd = reports.Offset(d.CodePoint(q.CueSpan.Start)), reports.Offset(d.CodePoint(q.CueSpan.End))
		}
		rows[i] = r
	}
	return rows, nil
}

// DocError is a document that could not be processed.
type DocError struct {
	Name string
	Err  error
}

func (e DocError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e DocError) Unwrap() error { return e.Err }

// Run processes every document named by paths, several at a time, and
// returns all their rows in report order. onErr is called, from one
// goroutine at a time, for each document that failed; the others are
// processed all the same.
func (e *Engine) Run(paths []string, stdin io.Reader, onErr func(DocError)) []reports.QuoteRow {
	var all []reports.QuoteRow
	e.Each(paths, stdin, onErr, func(rows []reports.QuoteRow) { all = append(all, rows...) })
	reports.SortQuotes(all)
	return all
}

// Each processes every document named by paths, several at a time, and
// hands each document's rows to onRows as the document is done, so that
// nothing of a document is held after it. onRows and onErr are called from
// one goroutine at a time, in the order the documents finish.
func (e *Engine) Each(paths []string, stdin io.Reader, onErr func(DocError), onRows func([]reports.QuoteRow)) {
	workers := e.cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan Input, workers)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				rows, err := e.Document(in)
				mu.Lock()
				if err != nil {
					onErr(DocError{Name: in.Where(), Err: err})
				} else if len(rows) > 0 {
					onRows(rows)
				}
				mu.Unlock()
			}
		}()
	}
	ReadInputs(paths, stdin, func(in Input) { jobs <- in })
	close(jobs)
	wg.Wait()
}

// Position is the stance package's rule for a speaker's position, in the
// form the reports take it.
func Position(labels []string, scores []float64) (string, float64) {
	rs := make([]stance.Result, len(labels))
	for i := range labels {
		rs[i] = stance.Result{Label: labels[i], Score: scores[i]}
	}
	return stance.Position(rs)
}

// Summaries builds positions.csv and speakers.csv rows from quote rows,
// with the stance package's rule for a speaker's position.
func Summaries(rows []reports.QuoteRow) ([]reports.PositionRow, []reports.SpeakerRow) {
	return reports.Aggregate(rows, Position)
}

// checkRoleCovers rejects a role key in role_covers that no language pack
// and no speaker of the roster knows: a misspelled key would cover nothing.
func checkRoleCovers(cfg *Config, packs *lang.Set) error {
	known := map[string]bool{}
	for _, code := range packs.Codes() {
		for k := range packs.Get(code).Roles {
			known[k] = true
		}
	}
	for _, sp := range cfg.Speakers {
		for _, r := range sp.Roles {
			known[r] = true
		}
	}
	keys := slices.Sorted(maps.Keys(cfg.RoleCovers))
	for _, k := range keys {
		for _, r := range append([]string{k}, cfg.RoleCovers[k]...) {
			if !known[r] {
				return fmt.Errorf("%w: role_covers: %q is no role key of the packs or the roster", ErrConfig, r)
			}
		}
	}
	return nil
}
