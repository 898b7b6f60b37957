package graph

import (
	"strings"
	"unicode"
)

// CitationKey is what identifies a resolution in a citation when no procedure reference is
// given: its adoption date (to the day) and its title reduced to its subject, lower-cased, so
// that the title a text about the resolution gives ("Resolution on the situation in Myanmar",
// "European Parliament resolution of 11 February 2021 on the situation in Myanmar
// (2021/2540(RSP))", "Situation in Myanmar") and the one a later text cites it by ("its
// resolution of 11 February 2021 on the situation in Myanmar") give the same key:
// "2021-02-11|situation in myanmar". Titles in different languages give different keys. It is ""
// when the date is not a full day or the title is empty.
func CitationKey(adopted PartialDate, title string) string {
	if adopted.Day == 0 {
		return ""
	}
	subject := citationSubject(title)
	if subject == "" {
		return ""
	}
	return adopted.String() + "|" + subject
}

// citationSubject reduces a title to its subject: lower case, curly quotes straightened, white
// space collapsed; a trailing procedure reference in parentheses and trailing punctuation
// dropped; everything up to the first "on" / "sur" / "concernant" after the word resolution
// dropped, then a leading "on", "sur" and article.
func citationSubject(title string) string {
	t := strings.ToLower(strings.Join(strings.Fields(title), " "))
	t = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "«", "\"", "»", "\"").Replace(t)
	if i := strings.LastIndex(t, " ("); i > 0 && strings.HasSuffix(t, ")") {
		t = t[:i]
	}
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	words := strings.Fields(t)
	if i := indexWord(words, "resolution", "résolution", "resolutions", "résolutions"); i >= 0 {
		if j := indexWord(words[i+1:], "on", "sur", "concernant"); j >= 0 {
			words = words[i+1+j:]
		}
	}
	for len(words) > 1 && isLeadWord(words[0]) {
		words = words[1:]
	}
	if len(words) > 0 && strings.HasPrefix(words[0], "l'") {
		words[0] = strings.TrimPrefix(words[0], "l'")
	}
	return strings.Join(words, " ")
}

func indexWord(words []string, any ...string) int {
	for i, w := range words {
		for _, a := range any {
			if w == a {
				return i
			}
		}
	}
	return -1
}

func isLeadWord(w string) bool {
	switch w {
	case "on", "sur", "concernant", "the", "la", "le", "les":
		return true
	}
	return false
}
