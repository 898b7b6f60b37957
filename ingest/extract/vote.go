package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
)

// num is a vote figure: digits, possibly grouped by threes with a space, a no-break or thin
// space, a comma or a full stop ("1 000", "1,000").
const num = `(\d{1,3}(?:[ \x{00A0}\x{202F}\x{2009}\x{2007},.]\d{3})+|\d+)`

// votePatterns read a roll-call result, in English and French. Groups are, in order, the
// votes for, against and the abstentions (empty when the text gives none, "no"/"aucune" for
// zero). The variants:
//
//	by 667 votes to 1, with 27 abstentions          by 370 votes to 160, with 107 abstentions
//	by 667 votes to 1 (no abstentions given)         by 500 votes to 10 with no abstentions
//	by 667 votes in favour, 1 against and 27 abstentions
//	par 598 voix pour, 43 contre et 52 abstentions  par 598 voix contre 43 et 52 abstentions
//	par 598 voix pour, 43 voix contre et 52 abstentions
var votePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bby\s+` + num + `\s+votes?\s+(?:in\s+favour|for)\s*,?\s*` + num + `\s+(?:votes?\s+)?against` +
		`(?:\s*,?\s*(?:and|with)\s+(` + `\d[\d \x{00A0}\x{202F},.]*\d|\d|no` + `)\s+abstentions?)?`),
	regexp.MustCompile(`(?i)\bby\s+` + num + `\s+votes?\s+(?:to|against)\s+` + num +
		`(?:\s*(?:votes?)?\s*,?\s*(?:and|with)\s+(` + `\d[\d \x{00A0}\x{202F},.]*\d|\d|no` + `)\s+abstentions?)?`),
	regexp.MustCompile(`(?i)\bpar\s+` + num + `\s+voix\s+pour\s*,?\s*` + num + `\s+(?:voix\s+)?contre` +
		`(?:\s*,?\s*(?:et|avec)?\s*(` + `\d[\d \x{00A0}\x{202F},.]*\d|\d|aucune` + `)\s+abstentions?)?`),
	regexp.MustCompile(`(?i)\bpar\s+` + num + `\s+voix\s+contre\s+` + num +
		`(?:\s*,?\s*(?:et|avec)?\s*(` + `\d[\d \x{00A0}\x{202F},.]*\d|\d|aucune` + `)\s+abstentions?)?`),
}

// vote reads the first roll-call result of the body: the figures and the span of the phrase
// that gives them. It returns nil when no paragraph gives figures.
func (d *doc) vote() (*graph.Vote, graph.Span) {
	for _, p := range d.paras {
		if p.Context {
			continue
		}
		best, bestAt := []int(nil), -1
		for _, re := range votePatterns {
			if m := re.FindStringSubmatchIndex(p.Text); m != nil && (bestAt < 0 || m[0] < bestAt) {
				best, bestAt = m, m[0]
			}
		}
		if best == nil {
			continue
		}
		f, ok1 := figure(p.Text, best[2], best[3])
		a, ok2 := figure(p.Text, best[4], best[5])
		ab, ok3 := 0, true
		if best[6] >= 0 {
			ab, ok3 = figure(p.Text, best[6], best[7])
		}
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		start := p.Span.Start + utf8.RuneCountInString(p.Text[:best[0]])
		end := start + utf8.RuneCountInString(p.Text[best[0]:best[1]])
		return &graph.Vote{For: f, Against: a, Abstentions: ab}, graph.Span{Start: start, End: end}
	}
	return nil, graph.Span{}
}

// figure reads a vote figure, ignoring group separators; "no" and "aucune" are zero.
func figure(s string, i, j int) (int, bool) {
	if i < 0 || j < i {
		return 0, false
	}
	t := strings.ToLower(s[i:j])
	if t == "no" || t == "aucune" {
		return 0, true
	}
	t = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, t)
	if t == "" || len(t) > 6 {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}
