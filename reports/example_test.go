package reports_test

import (
	"fmt"
	"os"

	"github.com/quotesheet/quotesheet/reports"
)

func ExampleWritePositions() {
	rows := []reports.QuoteRow{
		{Doc: "kz.txt", Kind: "direct", Speaker: "Wang Yi", Stance: "favor", StanceScore: 0.8, Start: 40},
		{Doc: "kz.txt", Kind: "indirect", Speaker: "Wang Yi", Stance: "none", Start: 10},
		{Doc: "kz.txt", Kind: "scare", Quote: "liberation", Start: 90},
	}
	// A toy rule: favor if any quote favors.
	position := func(labels []string, _ []float64) (string, float64) {
		for _, l := range labels {
			if l == "favor" {
				return "favor", 0.75
			}
		}
		return "none", 0.5
	}
	positions, _ := reports.Aggregate(rows, position)
	if err := reports.WritePositions(os.Stdout, positions); err != nil {
		fmt.Println(err)
	}
	// Output:
	// doc,speaker,quotes,favor,against,none,position,confidence
	// kz.txt,Wang Yi,2,1,0,1,favor,0.75
}
