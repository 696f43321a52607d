package stance_test

import (
	"fmt"

	"github.com/quotesheet/quotesheet/quotes/lang"
	"github.com/quotesheet/quotesheet/stance"
)

func Example() {
	packs := lang.NewSet(&lang.Pack{Code: "en", Stance: lang.Stance{
		Favor:    []string{"thank*", "help*", "legitimate"},
		Against:  []string{"occupation"},
		Negators: []string{"not"},
	}})
	j, err := stance.New(stance.Target{
		Name:  "CSTO deployment in Kazakhstan",
		Terms: map[string][]string{"all": {"CSTO"}, "en": {"peacekeep*", "troops"}},
	}, packs)
	if err != nil {
		fmt.Println(err)
		return
	}
	rs := j.Document([]stance.Input{
		{Lang: "en", Kind: "direct", Speaker: "A", Quote: "We thank the CSTO for its help",
			Context: "“We thank the CSTO for its help,” A said."},
		{Lang: "en", Kind: "indirect", Speaker: "B", Quote: "the troops were not legitimate",
			Context: "B said the troops were not legitimate."},
		{Lang: "en", Kind: "direct", Speaker: "C", Quote: "The peacekeepers leave on Friday",
			Context: "“The peacekeepers leave on Friday,” C said."},
	})
	for _, r := range rs {
		fmt.Println(r.Label, r.Score, r.Cues)
	}
	fmt.Println(stance.Position(rs[:1]))
	// Output:
	// favor 0.667 [thank help]
	// against -0.5 [not legitimate]
	// none 0 []
	// favor 0.75
}
