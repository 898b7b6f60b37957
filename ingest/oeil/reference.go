package oeil

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// A procedure reference as OEIL writes it, 2021/2544(RSP), tolerating spaces and a
// lower-case type: year, number, type.
const refPattern = `(\d{4})\s*/\s*(\d{1,4})\s*\(\s*([A-Za-z]{3})\s*\)`

// A date as OEIL writes it, 11/02/2021: day, month, year.
const datePattern = `(\d{1,2})/(\d{1,2})/(\d{4})`

var (
	refRe  = regexp.MustCompile(refPattern)
	dateRe = regexp.MustCompile(datePattern)
	// headerRe is the whole `reference - date - event` line, trimmed.
	headerRe = regexp.MustCompile(`^` + refPattern + `\s*[-–—]\s*` + datePattern + `\s*[-–—]\s*(\S.*)$`)
	// refStartRe is a line that begins with a reference, for diagnostics.
	refStartRe = regexp.MustCompile(`^` + refPattern)
)

// header is the `reference - date - event` line.
type header struct {
	reference string
	date      graph.PartialDate
	event     string
}

// isHeader reports whether a line has the shape of a `reference - date - event` line, valid
// date or not.
func isHeader(line string) bool {
	return headerRe.MatchString(strings.TrimSpace(line))
}

// parseHeader reads a `reference - date - event` line; lineNo (1-based) places its errors.
func parseHeader(line string, lineNo int) (header, error) {
	line = strings.TrimSpace(line)
	m := headerRe.FindStringSubmatch(line)
	if m == nil {
		if r := refStartRe.FindStringSubmatch(line); r != nil {
			ref := normalRef(r[1], r[2], r[3])
			if !dateRe.MatchString(line[len(r[0]):]) {
				return header{}, fail(ErrBadDate, lineNo, fmt.Sprintf("no dd/mm/yyyy date after the reference %s: want `reference - dd/mm/yyyy - event`", ref))
			}
			return header{}, fail(ErrNoReference, lineNo, fmt.Sprintf("the line of %s is not `reference - dd/mm/yyyy - event`: %s", ref, excerpt(line)))
		}
		return header{}, fail(ErrNoReference, lineNo, "no `reference - date - event` line after the title; this line reads "+excerpt(line))
	}
	if reason := badRef(m[1], m[2], m[3]); reason != "" {
		return header{}, fail(ErrNoReference, lineNo, reason)
	}
	d, err := input.Date(m[4] + "/" + m[5] + "/" + m[6]) // the dd/mm/yyyy of the line, as written
	if err != nil {
		return header{}, fail(ErrBadDate, lineNo, err.Error())
	}
	return header{reference: normalRef(m[1], m[2], m[3]), date: d, event: collapse(m[7])}, nil
}

// normalRef writes a reference as OEIL does: four-digit number, upper-case type.
func normalRef(year, number, kind string) string {
	n, _ := strconv.Atoi(number) // at most four digits: cannot fail
	return fmt.Sprintf("%s/%04d(%s)", year, n, strings.ToUpper(kind))
}

// badRef says what is wrong with a reference that has the shape of one, or returns "": OEIL
// numbers procedures from 1 each year, and has no procedure before 1950.
func badRef(year, number, kind string) string {
	y, _ := strconv.Atoi(year) // digits only: cannot fail
	n, _ := strconv.Atoi(number)
	switch {
	case y < 1950:
		return fmt.Sprintf("%s is not a procedure reference: no OEIL procedure dates from %d", normalRef(year, number, kind), y)
	case n == 0:
		return fmt.Sprintf("%s is not a procedure reference: procedures are numbered from 1", normalRef(year, number, kind))
	}
	return ""
}

// excerpt quotes the start of a line for an error message.
func excerpt(s string) string {
	const limit = 60
	cut := false
	if len(s) > 4*limit {
		s, cut = s[:4*limit], true // enough bytes for limit runes
	}
	if r := []rune(s); len(r) > limit {
		s, cut = string(r[:limit]), true
	}
	if cut {
		s += "…"
	}
	return strconv.Quote(s)
}
