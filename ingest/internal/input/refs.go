package input

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/eurel/eurel/graph"
)

// ProcedurePattern is a procedure reference as OEIL writes it, 2021/2544(RSP), tolerating
// spaces and a lower-case type: year, number, type.
const ProcedurePattern = `(\d{4})\s*/\s*(\d{1,4})\s*\(\s*([A-Za-z]{3,4})\s*\)`

var procedureRe = regexp.MustCompile(ProcedurePattern)

// Procedure finds the first procedure reference in s and returns it as OEIL writes it
// (four-digit number, upper-case type): "2021/2540(RSP)". It returns "" when s holds none or
// only references no procedure can have (a year before 1950, number 0).
func Procedure(s string) string {
	for _, m := range procedureRe.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1]) // digits only: cannot fail
		n, _ := strconv.Atoi(m[2])
		if y >= 1950 && n > 0 {
			return fmt.Sprintf("%s/%04d(%s)", m[1], n, strings.ToUpper(m[3]))
		}
	}
	return ""
}

var (
	slashDateRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	dotDateRe   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	isoDateRe   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
)

// Date reads a full date written dd/mm/yyyy (OEIL), d.m.yyyy (European Parliament
// documents) or yyyy-mm-dd (ISO 8601, with anything after the day, such as a time). It
// refuses partial and impossible dates.
func Date(s string) (graph.PartialDate, error) {
	s = strings.TrimSpace(s)
	var d, m, y string
	if p := slashDateRe.FindStringSubmatch(s); p != nil {
		d, m, y = p[1], p[2], p[3]
	} else if p := dotDateRe.FindStringSubmatch(s); p != nil {
		d, m, y = p[1], p[2], p[3]
	} else if p := isoDateRe.FindStringSubmatch(s); p != nil {
		y, m, d = p[1], p[2], p[3]
	} else {
		return graph.PartialDate{}, fmt.Errorf("%s is not a date (want dd/mm/yyyy, d.m.yyyy or yyyy-mm-dd)", Excerpt(s))
	}
	dd, _ := strconv.Atoi(d) // digits only: cannot fail
	mm, _ := strconv.Atoi(m)
	yy, _ := strconv.Atoi(y)
	date := graph.Day(yy, mm, dd)
	err := date.Validate()
	switch {
	case mm == 0:
		err = fmt.Errorf("month 0 out of range")
	case dd == 0:
		err = fmt.Errorf("day 0 out of range")
	}
	if err != nil {
		return graph.PartialDate{}, fmt.Errorf("bad date %s: %v", s, err)
	}
	return date, nil
}
