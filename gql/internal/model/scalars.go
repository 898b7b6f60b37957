package model

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/eurel/eurel/graph"
)

// The scalars Date and PartialDate are both graph.PartialDate in Go; they differ in what they
// accept as input. Both output the zero date as null, so a nullable field can be bound to a
// graph.PartialDate value.

// MarshalDate writes a Date: 2021-02-11, or null for the zero date. A date the graph knows
// only to the month or year is written at that precision rather than invented.
func MarshalDate(d graph.PartialDate) graphql.Marshaler { return marshalPartialDate(d) }

// UnmarshalDate reads a Date: a string holding a real calendar day (YYYY-MM-DD).
func UnmarshalDate(v any) (graph.PartialDate, error) {
	d, err := unmarshalPartialDate("Date", v)
	if err != nil {
		return graph.PartialDate{}, err
	}
	if d.Precision() != "day" {
		return graph.PartialDate{}, badInput("Date %q: want a day, YYYY-MM-DD (use PartialDate for a year or a month)", d.String())
	}
	return d, nil
}

// MarshalPartialDate writes a PartialDate at its precision (2015, 2015-12, 2015-12-21), or
// null for the zero date.
func MarshalPartialDate(d graph.PartialDate) graphql.Marshaler { return marshalPartialDate(d) }

// UnmarshalPartialDate reads a PartialDate: a string YYYY, YYYY-MM or YYYY-MM-DD that names a
// real year, month or day.
func UnmarshalPartialDate(v any) (graph.PartialDate, error) {
	return unmarshalPartialDate("PartialDate", v)
}

func marshalPartialDate(d graph.PartialDate) graphql.Marshaler {
	if d.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(d.String()))
	})
}

func unmarshalPartialDate(scalar string, v any) (graph.PartialDate, error) {
	s, ok := v.(string)
	if !ok {
		return graph.PartialDate{}, badInput("%s: want a string such as \"2021-02-11\", got %T", scalar, v)
	}
	d, err := graph.ParsePartialDate(s)
	if err != nil {
		return graph.PartialDate{}, badInput("%s: %v", scalar, err)
	}
	return d, nil
}

// MarshalTime writes a Time in RFC 3339 (UTC, with fractional seconds only when present).
func MarshalTime(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(time.RFC3339Nano)))
	})
}

// UnmarshalTime reads a Time in RFC 3339.
func UnmarshalTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, badInput("Time: want an RFC 3339 string such as \"2024-05-01T09:30:00Z\", got %T", v)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, badInput("Time %q: want RFC 3339, such as 2024-05-01T09:30:00Z", s)
	}
	return t, nil
}

// CodeBadInput is the extensions.code of errors about what the client sent.
const CodeBadInput = "BAD_INPUT"

// badInput is an error about a scalar's input, coded BAD_INPUT for the client.
func badInput(format string, args ...any) error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": CodeBadInput},
	}
}
