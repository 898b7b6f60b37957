package oeil

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// collapse trims s and turns every run of white space inside it into one ASCII space. White
// space is Unicode's: tabs, line breaks, no-break spaces (no-break is a hint for display, and
// word processors scatter U+00A0 around formatting) and the like; control characters count
// as white space too.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // start of the word being read; -1 in white space
	for i, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if word >= 0 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(s[word:i])
				word = -1
			}
			continue
		}
		if word < 0 {
			word = i
		}
	}
	if word >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:])
	}
	return b.String()
}

// isCollapsed reports whether collapse would return s unchanged: no white space but single
// ASCII spaces between other characters.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F || c == ' ' && s[i+1] == ' ' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return true
}

// isBlank reports whether s holds nothing but white space.
func isBlank(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }

// bulletMarkers start a bullet when followed by white space.
var bulletMarkers = []string{"-", "–", "—", "•", "*"}

// splitBullet returns the bullet marker of a collapsed paragraph and the text after it, or
// "" and the paragraph itself when it is not a bullet. A marker alone is not a bullet.
func splitBullet(s string) (marker, text string) {
	for _, m := range bulletMarkers {
		rest, ok := strings.CutPrefix(s, m)
		if !ok || rest == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsSpace(r) {
			continue
		}
		if rest = collapse(strings.TrimLeftFunc(rest, unicode.IsSpace)); rest != "" {
			return m, rest
		}
	}
	return "", s
}

// joinContinuations merges into the paragraph before it every paragraph that continues it:
// one that is not a bullet and starts with a lower-case letter, after a paragraph that does
// not end a sentence or clause. Word-processed pages split a bullet across two paragraphs
// this way ("... involved in the coup and other" / "legal entities directly owned ...").
func joinContinuations(in []para) []para {
	out := make([]para, 0, len(in))
	for i := 0; i < len(in); {
		j := i + 1
		for j < len(in) && in[j].marker == "" && startsLower(in[j].text) && !endsClause(in[j-1].text) {
			j++
		}
		p := in[i]
		if j > i+1 {
			texts := make([]string, 0, j-i)
			for _, q := range in[i:j] {
				texts = append(texts, q.text)
			}
			p.text = strings.Join(texts, " ")
		}
		out = append(out, p)
		i = j
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsClause reports whether s ends with . ; : ! ? or …, closing quotes and brackets aside.
func endsClause(s string) bool {
	s = strings.TrimRight(s, ")]}\"'»”’")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?…", r)
}
