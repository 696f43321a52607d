package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

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
func engine(cmd *cobra.Command, c *common) (*quotesheet.Engine, error) {
	cfg, err := quotesheet.LoadConfig(c.config, cmd.Flags())
	if err != nil {
		return nil, &exitError{2, err}
	}
	e, err := quotesheet.NewEngine(cfg)
	if err != nil {
		return nil, &exitError{2, err}
	}
	return e, nil
}

func newExtract(stdin io.Reader, stderr io.Writer) *cobra.Command {
	var c common
	var out string
	cmd := &cobra.Command{
		Use:   "extract [--out DIR] [--config FILE] [--lang CODE] PATH...",
		Short: "Write quotes.csv, positions.csv and speakers.csv for the documents in PATH",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := engine(cmd, &c)
			if err != nil {
				return err
			}
			failed := 0
			rows := e.Run(args, stdin, func(de quotesheet.DocError) {
				failed++
				fmt.Fprintln(stderr, "quotesheet:", de)
			})
			positions, speakers := quotesheet.Summaries(rows)
			if err := reports.WriteFiles(out, rows, positions, speakers); err != nil {
				return &exitError{1, err}
			}
			fmt.Fprintf(stderr, "quotesheet: %d quotes, %d speakers -> %s\n", len(rows), len(speakers), filepath.Join(out, "quotes.csv"))
			if failed > 0 {
				return &exitError{1, fmt.Errorf("%d input(s) failed; the others are in the reports", failed)}
			}
			return nil
		},
	}
	addCommon(cmd, &c)
	cmd.Flags().StringVarP(&out, "out", "o", "out", "`DIR` to write the reports into")
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
			e, err := engine(cmd, &c)
			if err != nil {
				return err
			}
			failed := 0
			rows := e.Run(args, stdin, func(de quotesheet.DocError) {
				failed++
				fmt.Fprintln(stderr, "quotesheet:", de)
			})
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
