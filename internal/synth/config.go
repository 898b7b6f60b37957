package synth

import (
	"errors"
	"fmt"
)

// Config describes a corpus. The zero value of every field but Seed takes its default.
type Config struct {
	// Seed selects the corpus: the same Seed (and the same other fields) gives the same
	// summaries, byte for byte.
	Seed int64
	// N is the number of summaries WriteDir writes; Summary and Facts accept any i in
	// [0, N). Default 1,000.
	N int
	// FrenchShare is the share of summaries written in French, in [0, 1]; zero takes the
	// default 0.3, a negative value means none.
	FrenchShare float64
	// HTMLShare is the share of summaries written as OEIL web pages rather than plain text,
	// in [0, 1]; zero takes the default 0.5, a negative value means none.
	HTMLShare float64
	// StartYear and EndYear bound the adoption dates, both included. Defaults 2004 and 2025
	// (the sixth to the tenth parliamentary terms); the earliest StartYear is 1994, the first
	// year of the groups eurel's tables date.
	StartYear, EndYear int
	// PageBoilerplate pads web pages with the navigation, menus and footer of the real OEIL
	// page (about 50 kB, as real pages are), so that parsing one costs what parsing a real
	// page costs. Without it a page is the same document trimmed to a few kilobytes.
	PageBoilerplate bool
}

// Defaults of Config.
const (
	DefaultN           = 1000
	DefaultFrenchShare = 0.3
	DefaultHTMLShare   = 0.5
	DefaultStartYear   = 2004
	DefaultEndYear     = 2025
	// MinYear is the earliest StartYear.
	MinYear = 1994
	// MaxPerYear is the most summaries a corpus can hold per year of its range: each summary
	// has a procedure reference of its own, and OEIL numbers them with four digits a year
	// (consent procedures, NLE, below 1000; own-initiative reports and resolutions on topical
	// subjects, INI and RSP, from 2001).
	MaxPerYear = 8000
)

// withDefaults returns c with its zero fields set to their defaults and negative shares to 0.
func (c Config) withDefaults() Config {
	if c.N == 0 {
		c.N = DefaultN
	}
	switch {
	case c.FrenchShare == 0:
		c.FrenchShare = DefaultFrenchShare
	case c.FrenchShare < 0:
		c.FrenchShare = 0
	}
	switch {
	case c.HTMLShare == 0:
		c.HTMLShare = DefaultHTMLShare
	case c.HTMLShare < 0:
		c.HTMLShare = 0
	}
	if c.StartYear == 0 {
		c.StartYear = DefaultStartYear
	}
	if c.EndYear == 0 {
		c.EndYear = max(DefaultEndYear, c.StartYear)
	}
	return c
}

// Validate reports what is wrong with a Config, after defaults: a negative N, a share above
// 1, years out of order or before MinYear, or more summaries than the years can number.
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	if c.N < 0 {
		errs = append(errs, fmt.Errorf("negative number of summaries (N = %d)", c.N))
	}
	if c.FrenchShare > 1 {
		errs = append(errs, fmt.Errorf("share of summaries in French (FrenchShare = %g) above 1", c.FrenchShare))
	}
	if c.HTMLShare > 1 {
		errs = append(errs, fmt.Errorf("share of summaries as web pages (HTMLShare = %g) above 1", c.HTMLShare))
	}
	switch {
	case c.StartYear < MinYear:
		errs = append(errs, fmt.Errorf("first year (StartYear = %d) before %d, the earliest", c.StartYear, MinYear))
	case c.EndYear < c.StartYear:
		errs = append(errs, fmt.Errorf("last year (EndYear = %d) before the first (StartYear = %d)", c.EndYear, c.StartYear))
	case c.EndYear > 2099:
		errs = append(errs, fmt.Errorf("last year (EndYear = %d) after 2099", c.EndYear))
	default:
		if years := c.EndYear - c.StartYear + 1; c.N > years*MaxPerYear {
			errs = append(errs, fmt.Errorf("%d summaries (N) do not fit in %d years, which hold at most %d (%d a year): widen the years", c.N, years, years*MaxPerYear, MaxPerYear))
		}
	}
	return errors.Join(errs...)
}
