package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/quotesheet/quotesheet"
	"github.com/quotesheet/quotesheet/reports"
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	if len(args) == 0 {
		// Without a command there is nothing to do: a usage error.
		root.SetOut(stderr)
		_ = root.Usage()
		fmt.Fprintln(stderr, "quotesheet: a command is needed: extract or eval")
		return 2
	}
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "quotesheet:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "quotesheet:", err)
	return 2 // cobra's own errors: unknown flags, wrong arguments
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "quotesheet",
		Short:         "Quote sheets from news articles: who said what, and for or against what",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newExtract(stdin, stderr), newEval(stdin, stdout, stderr))
	return root
}

// common holds the flags every command shares.
type common struct {
	config string
}

func addCommon(cmd *cobra.Command, c *common) {
	f := cmd.Flags()
	f.StringVar(&c.config, "config", "", "configuration `FILE` merged over the built-in config.yaml")
	f.String("lang", "", "read every document as language `CODE` (ISO 639-1) instead of detecting it")
	f.Int("workers", 0, "documents processed at once (0: one per CPU)")
	f.Bool("ner", true, "use English named-entity recognition for speakers off the roster")
	f.String("pack-dir", "", "`DIR` of extra language packs (*.yaml)")
}

// engine loads the configuration and builds the engine; its errors exit with 2.
func engine(cmd *cobra.Command, c *common) (*quotesheet.Engine, *quotesheet.Config, error) {
	cfg, err := quotesheet.LoadConfig(c.config, cmd.Flags())
	if err != nil {
		return nil, nil, &exitError{2, err}
	}
	e, err := quotesheet.NewEngine(cfg)
	if err != nil {
		return nil, nil, &exitError{2, err}
	}
	return e, cfg, nil
}

// runEngine runs e over the documents of args and returns their rows in
// report order and how many documents failed, reported as eachDocument
// reports them.
func runEngine(e *quotesheet.Engine, args []string, stdin io.Reader, stderr io.Writer) ([]reports.QuoteRow, int) {
	var all []reports.QuoteRow
	failed := eachDocument(e, args, stdin, stderr, func(rows []reports.QuoteRow) { all = append(all, rows...) })
	reports.SortQuotes(all)
	return all, failed
}

// eachDocument runs e over the documents of args, hands each document's
// rows to onRows, and reports on stderr the documents that failed, sorted
// by name so that two runs print the same lines (the engine finishes
// documents in no fixed order). It returns how many failed.
func eachDocument(e *quotesheet.Engine, args []string, stdin io.Reader, stderr io.Writer, onRows func([]reports.QuoteRow)) int {
	var errs []quotesheet.DocError
	e.Each(args, stdin, func(de quotesheet.DocError) { errs = append(errs, de) }, onRows)
	slices.SortStableFunc(errs, func(a, b quotesheet.DocError) int { return compareNames(a.Name, b.Name) })
	for _, de := range errs {
		fmt.Fprintln(stderr, "quotesheet:", de)
	}
	return len(errs)
}

// compareNames orders document names as strings, except that names that
// differ only in a trailing ":LINE" (the records of a JSON Lines file) are
// in line order: "a.jsonl:2" before "a.jsonl:10".
func compareNames(a, b string) int {
	ab, al := splitLine(a)
	bb, bl := splitLine(b)
	if c := strings.Compare(ab, bb); c != 0 {
		return c
	}
	return cmp.Compare(al, bl)
}

// splitLine splits "file.jsonl:12" into "file.jsonl" and 12; a name
// without a line number is returned whole, with line 0.
func splitLine(name string) (string, int) {
	i := strings.LastIndexByte(name, ':')
	if i < 0 {
		return name, 0
	}
	n, err := strconv.Atoi(name[i+1:])
	if err != nil || n < 0 {
		return name, 0
	}
	return name[:i], n
}

func newExtract(stdin io.Reader, stderr io.Writer) *cobra.Command {
	var c common
	var out string
	cmd := &cobra.Command{
		Use:   "extract [--out DIR] [--config FILE] [--lang CODE] PATH...",
		Short: "Write quotes.csv, positions.csv and speakers.csv for the documents in PATH",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, cfg, err := engine(cmd, &c)
			if err != nil {
				return err
			}
			sheet := &reports.Sheet{Workbook: cfg.XLSX}
			defer sheet.Close()
			var addErr error
			failed := eachDocument(e, args, stdin, stderr, func(rows []reports.QuoteRow) {
				if addErr == nil {
					addErr = sheet.Add(rows...)
				}
			})
			if addErr != nil {
				return &exitError{1, addErr}
			}
			st, err := sheet.WriteFiles(out, quotesheet.Position)
			if err != nil {
				return &exitError{1, err}
			}
			fmt.Fprintf(stderr, "quotesheet: %d quotes, %d speakers -> %s\n", st.Quotes, st.Speakers, filepath.Join(out, "quotes.csv"))
			if failed > 0 {
				return &exitError{1, fmt.Errorf("%d input(s) failed; the others are in the reports", failed)}
			}
			return nil
		},
	}
	addCommon(cmd, &c)
	cmd.Flags().StringVarP(&out, "out", "o", "out", "`DIR` to write the reports into")
	cmd.Flags().Bool("xlsx", false, "also write "+reports.WorkbookFile+": the three reports as the sheets of one workbook")
	return cmd
}

func newEval(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var c common
	var gold string
	var verbose bool
	cmd := &cobra.Command{
		Use:   "eval --gold DIR PATH...",
		Short: "Score extraction against a gold folder: precision, recall, F1, attribution and stance",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := reports.ReadGold(gold)
			if err != nil {
				return &exitError{2, err}
			}
			e, _, err := engine(cmd, &c)
			if err != nil {
				return err
			}
			rows, failed := runEngine(e, args, stdin, stderr)
			positions, _ := quotesheet.Summaries(rows)
			sc := reports.Score(g, rows, positions)
			if verbose {
				if err := sc.WriteDetails(stdout); err != nil {
					return &exitError{1, err}
				}
			}
			if err := sc.Write(stdout); err != nil {
				return &exitError{1, err}
			}
			if failed > 0 {
				return &exitError{1, fmt.Errorf("%d input(s) failed", failed)}
			}
			return nil
		},
	}
	addCommon(cmd, &c)
	cmd.Flags().StringVar(&gold, "gold", "", "gold `DIR` holding quotes.csv and optionally positions.csv")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list misses, false positives and wrong speakers")
	_ = cmd.MarkFlagRequired("gold")
	return cmd
}
