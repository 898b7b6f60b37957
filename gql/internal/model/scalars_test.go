package model

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/eurel/eurel/graph"
)

func marshal(m graphql.Marshaler) string {
	var b bytes.Buffer
	m.MarshalGQL(&b)
	return b.String()
}

func TestDateScalars(t *testing.T) {
	t.Run("output keeps the precision known and writes the zero date as null", func(t *testing.T) {
		for d, want := range map[graph.PartialDate]string{
			graph.Day(2021, 2, 11): `"2021-02-11"`,
			{Year: 2020, Month: 3}: `"2020-03"`,
			{Year: 2015}:           `"2015"`,
			{}:                     `null`,
		} {
			if got := marshal(MarshalPartialDate(d)); got != want {
				t.Errorf("MarshalPartialDate(%v) = %s, want %s", d, got, want)
			}
			if got := marshal(MarshalDate(d)); got != want {
				t.Errorf("MarshalDate(%v) = %s, want %s", d, got, want)
			}
		}
	})
	t.Run("PartialDate reads a year, a month or a day", func(t *testing.T) {
		for in, want := range map[string]graph.PartialDate{"2015": {Year: 2015}, "2015-12": {Year: 2015, Month: 12}, "2015-12-21": graph.Day(2015, 12, 21)} {
			got, err := UnmarshalPartialDate(in)
			if err != nil || got != want {
				t.Errorf("UnmarshalPartialDate(%q) = %v, %v", in, got, err)
			}
		}
	})
	t.Run("Date reads a day only", func(t *testing.T) {
		got, err := UnmarshalDate("2021-02-11")
		if err != nil || got != graph.Day(2021, 2, 11) {
			t.Errorf("UnmarshalDate = %v, %v", got, err)
		}
	})
	bad := []struct {
		name string
		f    func(any) (graph.PartialDate, error)
		in   any
		msg  string
	}{
		{"Date refuses a month", UnmarshalDate, "2021-02", "want a day"},
		{"Date refuses an impossible day", UnmarshalDate, "2021-02-30", "has no day 30"},
		{"Date refuses another format", UnmarshalDate, "11/02/2021", "want YYYY"},
		{"Date refuses a number", UnmarshalDate, 20210211, "want a string"},
		{"PartialDate refuses a thirteenth month", UnmarshalPartialDate, "2021-13", "month 13"},
		{"PartialDate refuses a year out of range", UnmarshalPartialDate, "0999", "year 999"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.f(c.in)
			wantBadInput(t, err, c.msg)
		})
	}
}

func TestTimeScalar(t *testing.T) {
	at := time.Date(2024, 5, 1, 11, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	if got := marshal(MarshalTime(at)); got != `"2024-05-01T09:30:00Z"` {
		t.Errorf("MarshalTime = %s", got)
	}
	got, err := UnmarshalTime("2024-05-01T09:30:00Z")
	if err != nil || !got.Equal(at) {
		t.Errorf("UnmarshalTime = %v, %v", got, err)
	}
	_, err = UnmarshalTime("yesterday")
	wantBadInput(t, err, "RFC 3339")
}

func wantBadInput(t *testing.T, err error, msg string) {
	t.Helper()
	e, ok := err.(*gqlerror.Error)
	if !ok || e.Extensions["code"] != CodeBadInput || !strings.Contains(e.Message, msg) {
		t.Errorf("err = %#v, want a BAD_INPUT error mentioning %q", err, msg)
	}
}
