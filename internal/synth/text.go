package synth

import "bytes"

// writeText writes a summary in OEIL's plain-text format, as the corpus's
// 2021-2544-RSP.fr.txt lays it out: a blank line, the title as a Markdown heading, the
// `reference - dd/mm/yyyy - event` line, then the body, paragraphs separated by blank lines
// and the bullets of a list on consecutive lines.
func writeText(b *bytes.Buffer, s *summary) {
	b.WriteString("\n# ")
	b.WriteString(s.Title)
	b.WriteString("\n\n")
	b.WriteString(s.Reference)
	b.WriteString(" - ")
	b.WriteString(headerDate(s.Adopted))
	b.WriteString(" - ")
	b.WriteString(s.Event)
	for k, p := range s.paras {
		if p.bullet && k > 0 && s.paras[k-1].bullet {
			b.WriteString("\n- ")
		} else if p.bullet {
			b.WriteString("\n\n- ")
		} else {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text)
	}
	b.WriteString("\n")
}
