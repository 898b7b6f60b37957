package oeil

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText reads the plain-text format: optional blank lines, a title line (a Markdown
// heading marker "# " is dropped), the `reference - dd/mm/yyyy - event` line as the next
// non-blank line, then the body. Body paragraphs are separated by blank lines; inside a
// block, a line starting with a bullet marker and a space ("- ") starts a bullet, and any
// other line continues the paragraph or bullet before it.
func parseText(b []byte) (*draft, error) {
	if name := otherFormat(b); name != "" {
		return nil, fail(ErrNotSummary, 0, name+", not an OEIL document summary")
	}
	lines := splitLines(string(b))
	i := nextNonBlank(lines, 0) // checkInput refused blank inputs: there is one
	if i == len(lines) {
		return nil, fail(ErrEmpty, 0, "empty text: nothing but white space")
	}
	if isHeader(lines[i]) {
		return nil, fail(ErrIncomplete, i+1, "no title before the `reference - date - event` line")
	}
	title := collapse(stripHeading(lines[i]))
	if title == "" {
		return nil, fail(ErrIncomplete, i+1, "the title line is empty")
	}
	j := nextNonBlank(lines, i+1)
	if j == len(lines) {
		return nil, fail(ErrNoBody, i+1, "the text is only a title: no `reference - date - event` line and no body")
	}
	h, err := parseHeader(lines[j], j+1)
	if err != nil {
		if errors.Is(err, ErrNoReference) {
			if k := findHeader(lines, j+1, 20); k >= 0 {
				return nil, fail(ErrNoReference, j+1, fmt.Sprintf("no `reference - date - event` line right after the title: it comes later, on line %d", k+1))
			}
		}
		return nil, err
	}
	paras := textParagraphs(lines[j+1:])
	if len(paras) == 0 {
		return nil, fail(ErrNoBody, j+1, "no body after the `reference - date - event` line")
	}
	return &draft{format: FormatText, title: title, reference: h.reference, date: h.date, event: h.event, paras: paras}, nil
}

// splitLines splits s at "\n", "\r\n" and lone "\r".
func splitLines(s string) []string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.Split(s, "\n")
}

// nextNonBlank returns the index of the first non-blank line at or after from, or len(lines).
func nextNonBlank(lines []string, from int) int {
	for from < len(lines) && isBlank(lines[from]) {
		from++
	}
	return from
}

// findHeader returns the index of a `reference - date - event` line among the n lines from
// from, or -1.
func findHeader(lines []string, from, n int) int {
	for k := from; k < len(lines) && k < from+n; k++ {
		if isHeader(lines[k]) {
			return k
		}
	}
	return -1
}

// stripHeading drops a Markdown heading marker ("# ", "## ", ...) from a title line; a "#"
// glued to a word ("#MeToo") is kept.
func stripHeading(line string) string {
	line = strings.TrimSpace(line)
	rest := strings.TrimLeft(line, "#")
	if rest == line {
		return line
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsSpace(r) {
		return rest
	}
	return line
}

// textParagraphs reads the body lines into paragraphs, white space collapsed.
func textParagraphs(lines []string) []para {
	var (
		paras  []para
		marker string   // of the paragraph being read
		parts  []string // its lines; nil when none is being read
	)
	flush := func() {
		if parts != nil {
			paras = append(paras, para{marker: marker, text: strings.Join(parts, " ")})
			parts = nil
		}
	}
	for _, l := range lines {
		l = collapse(l)
		if l == "" {
			flush()
			continue
		}
		if m, rest := splitBullet(l); m != "" {
			flush()
			marker, parts = m, append(parts, rest)
			continue
		}
		if parts == nil {
			marker = ""
		}
		parts = append(parts, l)
	}
	flush()
	return paras
}
