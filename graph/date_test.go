package graph

import "testing"

func TestAPartialDateIsReadAtItsPrecision(t *testing.T) {
	for _, c := range []struct {
		in   string
		want PartialDate
	}{
		{"2015", PartialDate{Year: 2015}},
		{"2015-03", PartialDate{Year: 2015, Month: 3}},
		{"2024-02-29", PartialDate{Year: 2024, Month: 2, Day: 29}},
	} {
		got, err := ParsePartialDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParsePartialDate(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

func TestAnythingButAPartialDateIsRefused(t *testing.T) {
	for _, in := range []string{
		"", "15", "2015-", "2015-3", "2015-03-", "2015-03-1", "2015-03-01-01", "2015/03/01",
		"2015-13", "2023-02-29", "2015-00-10", "2015-00", "2015-03-00", "1000-00", "0999", "+015", "2015-+1", "２０１５", "2015-03-01 ",
	} {
		if d, err := ParsePartialDate(in); err == nil {
			t.Errorf("ParsePartialDate(%q) = %+v, want an error", in, d)
		}
	}
}

// FuzzParsePartialDate checks that the parser never panics and that what it accepts is
// written back as it was read: a date has one spelling.
func FuzzParsePartialDate(f *testing.F) {
	for _, s := range []string{"2015", "2015-03", "2015-03-11", "2015-3", "2015-02-30", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePartialDate(s)
		if err != nil {
			return
		}
		if got := d.String(); got != s {
			t.Errorf("ParsePartialDate(%q) = %+v, written back %q", s, d, got)
		}
	})
}

func TestPackedDatesCompareAsBeforeDoes(t *testing.T) {
	ds := []PartialDate{{}, {Year: 2020}, {Year: 2020, Month: 1}, {Year: 2020, Month: 1, Day: 1},
		{Year: 2020, Month: 1, Day: 31}, {Year: 2020, Month: 2}, {Year: 2020, Month: 12, Day: 31},
		{Year: 2021}, {Year: 1999, Month: 12, Day: 31}, {Year: 9999, Month: 12, Day: 31}}
	for _, a := range ds {
		for _, b := range ds {
			if got := packDate(a) < packDate(b); got != a.Before(b) {
				t.Errorf("%v before %v: packed says %v, Before says %v", a, b, got, a.Before(b))
			}
		}
	}
}
