package synth

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/eurel/eurel/graph"
)

// daysIn is the number of days of a month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// adoptionDate draws a day of a year on which the Parliament votes in plenary: a Tuesday,
// Wednesday or Thursday, never in August (no sessions) nor in June of an election year
// (1994, 1999, ... 2024: the outgoing Parliament has risen).
func adoptionDate(r *rand.Rand, year int) graph.PartialDate {
	months := []int{1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12}
	if year%5 == 4 {
		months = []int{1, 2, 3, 4, 5, 7, 9, 10, 11, 12}
	}
	m := pick(r, months)
	d := between(r, 1, daysIn(year, m))
	t := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	for t.Weekday() < time.Tuesday || t.Weekday() > time.Thursday {
		t = t.AddDate(0, 0, 1)
	}
	if int(t.Month()) != m { // ran past the month's end: take the last Thursday instead
		t = t.AddDate(0, 0, -7)
	}
	return graph.Day(t.Year(), int(t.Month()), t.Day())
}

var (
	monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	monthsFR = [...]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
)

// writeDate writes a date as a sentence of a language does, at its precision: "1 March 2020",
// "March 2020", "2020"; "1er mars 2020", "mars 2020", "2020".
func writeDate(lang string, d graph.PartialDate) string {
	y := strconv.Itoa(d.Year)
	months := monthsEN
	if lang == "fr" {
		months = monthsFR
	}
	switch d.Precision() {
	case "year":
		return y
	case "month":
		return months[d.Month] + " " + y
	}
	day := strconv.Itoa(d.Day)
	if lang == "fr" && d.Day == 1 {
		day = "1er"
	}
	return day + " " + months[d.Month] + " " + y
}

// headerDate writes a date as OEIL's reference line and page subtitle do: 11/02/2021.
func headerDate(d graph.PartialDate) string {
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+d.Day/10), byte('0'+d.Day%10), '/', byte('0'+d.Month/10), byte('0'+d.Month%10), '/')
	return string(strconv.AppendInt(b, int64(d.Year), 10))
}

// atPrecision cuts a day down to a precision ("year", "month" or "day").
func atPrecision(d graph.PartialDate, p string) graph.PartialDate {
	switch p {
	case "year":
		return graph.PartialDate{Year: d.Year}
	case "month":
		return graph.PartialDate{Year: d.Year, Month: d.Month}
	}
	return d
}
