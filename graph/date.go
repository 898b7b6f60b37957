package graph

import (
	"fmt"
	"time"
)

// PartialDate is a calendar date known to the precision a text gives: a year ("2015"), a
// month ("2015-12") or a day ("2015-12-21"). Month and Day are zero when unknown; the zero
// PartialDate means no date at all.
type PartialDate struct {
	Year, Month, Day int
}

// Day returns the full date d of month m of year y.
func Day(y, m, d int) PartialDate { return PartialDate{Year: y, Month: m, Day: d} }

// IsZero reports whether no date is known.
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// Precision is "year", "month", "day", or "" for the zero date.
func (d PartialDate) Precision() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

// String formats the date in ISO 8601 at its precision: 2015, 2015-12 or 2015-12-21; "" for
// the zero date.
func (d PartialDate) String() string {
	switch d.Precision() {
	case "year":
		return fmt.Sprintf("%04d", d.Year)
	case "month":
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case "day":
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Before orders dates by their earliest possible day; the zero date comes first.
func (d PartialDate) Before(o PartialDate) bool {
	if d.Year != o.Year {
		return d.Year < o.Year
	}
	if d.Month != o.Month {
		return d.Month < o.Month
	}
	return d.Day < o.Day
}

// ParsePartialDate reads an ISO 8601 date at year, month or day precision. It refuses
// impossible dates (2021-02-30) and years outside 1000–9999.
func ParsePartialDate(s string) (PartialDate, error) {
	n, ok := dateParts(s)
	if !ok {
		return PartialDate{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	d := PartialDate{Year: n[0], Month: n[1], Day: n[2]}
	if err := d.Validate(); err != nil {
		return PartialDate{}, fmt.Errorf("date %q: %w", s, err)
	}
	return d, nil
}

// dateParts reads the numbers of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII digits, these
// widths), 0 for the parts not given; false for anything else, a 00 month or day included.
func dateParts(s string) (n [3]int, ok bool) {
	widths := [3]int{4, 2, 2}
	pos := 0
	for part := range widths {
		if pos+widths[part] > len(s) {
			return n, false
		}
		for _, c := range []byte(s[pos : pos+widths[part]]) {
			if c < '0' || c > '9' {
				return n, false
			}
			n[part] = n[part]*10 + int(c-'0')
		}
		if part > 0 && n[part] == 0 { // "2015-00" is no month
			return n, false
		}
		pos += widths[part]
		if pos == len(s) {
			return n, true
		}
		if s[pos] != '-' {
			return n, false
		}
		pos++
	}
	return n, false // a fourth part
}

// Validate reports whether the known parts of d form a real calendar date.
func (d PartialDate) Validate() error {
	if d.Year < 1000 || d.Year > 9999 {
		return fmt.Errorf("year %d out of range", d.Year)
	}
	if d.Month == 0 {
		if d.Day != 0 {
			return fmt.Errorf("day without month")
		}
		return nil
	}
	if d.Month < 1 || d.Month > 12 {
		return fmt.Errorf("month %d out of range", d.Month)
	}
	if d.Day == 0 {
		return nil
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	if t.Day() != d.Day {
		return fmt.Errorf("%04d-%02d has no day %d", d.Year, d.Month, d.Day)
	}
	return nil
}
