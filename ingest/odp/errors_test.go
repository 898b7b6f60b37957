package odp

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/eurel/eurel/graph"
)

func TestParseRefusesBadInputs(t *testing.T) {
	lit := func(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }
	written := func(old, new string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			b := readTestdata(t, "written.json")
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("the written record has no %q", old)
			}
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		}
	}
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string
	}{
		{"an empty input is an empty text", lit(""), ErrEmpty, "empty text"},
		{"binary data is refused", lit("{\x00}"), ErrBinary, "NUL bytes"},
		{"an HTML page is not JSON", lit("<html></html>"), ErrWrongFormat, "not JSON data"},
		{"other JSON is not a record", lit(`{"source": "oeil-summary/1651118.en.html", "concerns": ["MM"]}`), ErrWrongFormat, "not an Open Data Portal record"},
		{"an answer cut in half is incomplete", func(t *testing.T) []byte {
			b := readCorpus(t, "odp/odp-procedure_2025-2691.json")
			return b[:len(b)/2]
		}, ErrIncomplete, "the JSON stops before its end: it looks cut short"},
		{"broken JSON is malformed", written(`"type": "Work",`, `"type": "Work",,`), ErrMalformed, "not valid JSON"},
		{"an answer without a record is incomplete", lit(`{"data": [], "x": "eli/dl/"}`), ErrIncomplete, "holds no record"},
		{"an answer with two records is refused", lit(`{"data": [{"id": "eli/dl/doc/A"}, {"id": "eli/dl/doc/B"}]}`), ErrMalformed, "holds 2 records; eurel reads one record per text"},
		{"a record without an id is malformed", lit(`{"data": [{"type": "Work", "based_on": "eli/dl/doc/A"}]}`), ErrMalformed, "the record has no id"},
		{"data that is not a list is malformed", lit(`{"data": {"id": "eli/dl/doc/A"}}`), ErrMalformed, "not a list of records"},
		{"an impossible date is malformed", written(`"2099-07-01"`, `"2099-02-30"`), ErrMalformed, "document_date: bad date 2099-02-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.raw(t))
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", r)
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.kind) || !errors.Is(err, graph.ErrBadInput) {
				t.Errorf("error %v (%T) is not an *Error of kind %v wrapping graph.ErrBadInput", err, err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("reason %q, want it to say %q", err, tt.reason)
			}
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte(`{"a":`), 50<<20/5+1)[:50<<20]
	raw[1] = 0
	var err error
	allocs := testing.AllocsPerRun(5, func() { _, err = Parse(raw) })
	if !errors.Is(err, ErrTooLarge) || err.Error() != "text of 52428800 bytes exceeds the 10 MiB limit" {
		t.Fatalf("error %v, want the size limit", err)
	}
	if allocs > 10 { // a refusal builds its message; processing the text would take many more
		t.Errorf("refusing it took %v allocations: it was processed", allocs)
	}
}
