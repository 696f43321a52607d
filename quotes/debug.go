package quotes

import "fmt"

// DebugMentions prints the mentions of d (development aid).
func DebugMentions(x *Extractor, d *Document) {
	st := x.newState(d)
	for _, m := range st.ments {
		fmt.Printf("M %s %q spk=%d role=%s org=%d obj=%v subj=%v\n", m.how, d.Text[m.Start:m.End], m.speaker, m.role, m.org, m.object, m.subject)
	}
	for _, h := range st.hits {
		fmt.Printf("H%d %q ", h.kind, d.Text[h.Start:h.End])
	}
	fmt.Println()
}
