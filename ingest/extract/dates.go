package extract

import (
	"strconv"
	"strings"

	"github.com/eurel/eurel/graph"
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
	"septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}

// dateHit is a date written in a text, at the precision written.
type dateHit struct {
	toks rng
	date graph.PartialDate
}

// datesIn returns the dates written in tokens r: "1 March 2020", "1er mars 2020", "March 1,
// 2020" (day); "December 2015", "décembre 2015" (month); "2015" (a year from 1900 to 2099,
// year). Impossible dates are skipped. The English "May" counts only capitalised.
func (d *doc) datesIn(r rng) []dateHit {
	var out []dateHit
	month := func(i int) int {
		if i >= r.hi {
			return 0
		}
		m := months[d.toks[i].Fold]
		if m == 5 && d.toks[i].Text == "may" {
			return 0
		}
		return m
	}
	for i := r.lo; i < r.hi; i++ {
		var h dateHit
		switch {
		case dayNum(d.fold(i)) > 0 && month(i+1) > 0 && i+2 < r.hi && yearNum(d.fold(i+2)) > 0:
			h = dateHit{rng{i, i + 3}, graph.Day(yearNum(d.fold(i+2)), month(i+1), dayNum(d.fold(i)))}
		case month(i) > 0 && i+1 < r.hi && dayNum(d.fold(i+1)) > 0 && yearNum(d.fold(i+1)) == 0:
			j := i + 2
			if d.fold(j) == "," {
				j++
			}
			if j >= r.hi || yearNum(d.fold(j)) == 0 {
				continue
			}
			h = dateHit{rng{i, j + 1}, graph.Day(yearNum(d.fold(j)), month(i), dayNum(d.fold(i+1)))}
		case month(i) > 0 && i+1 < r.hi && yearNum(d.fold(i+1)) > 0:
			h = dateHit{rng{i, i + 2}, graph.PartialDate{Year: yearNum(d.fold(i + 1)), Month: month(i)}}
		case yearNum(d.fold(i)) > 0:
			h = dateHit{rng{i, i + 1}, graph.PartialDate{Year: yearNum(d.fold(i))}}
		default:
			continue
		}
		if h.date.Validate() != nil {
			continue
		}
		out = append(out, h)
		i = h.toks.hi - 1
	}
	return out
}

// dayNum reads a day of the month: "1" to "31", "1er".
func dayNum(s string) int {
	s = strings.TrimSuffix(s, "er")
	if len(s) == 0 || len(s) > 2 {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

// yearNum reads a year from 1900 to 2099.
func yearNum(s string) int {
	if len(s) != 4 {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1900 || n > 2099 {
		return 0
	}
	return n
}
