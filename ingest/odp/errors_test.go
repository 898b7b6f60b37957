package odp

import (
	"bytes"
	"testing"

	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

func TestParseRefusesBadInputs(t *testing.T) {
	tests := []struct {
		name   string
		raw    func(t *testing.T) []byte
		kind   error
		reason string
	}{
		{"an empty input is an empty text", inputtest.Lit(""), ErrEmpty, "empty text"},
		{"binary data is refused", inputtest.Lit("{\x00}"), ErrBinary, "NUL bytes"},
		{"an HTML page is not JSON", inputtest.Lit("<html></html>"), ErrWrongFormat, "not JSON data"},
		{"other JSON is not a record", inputtest.Lit(`{"source": "oeil-summary/1651118.en.html", "concerns": ["MM"]}`), ErrWrongFormat, "not an Open Data Portal record"},
		{"an answer cut in half is incomplete", func(t *testing.T) []byte {
			b := inputtest.ReadCorpus(t, "odp/odp-procedure_2025-2691.json")
			return b[:len(b)/2]
		}, ErrIncomplete, "the JSON stops before its end: it looks cut short"},
		{"broken JSON is malformed", inputtest.Edited("written.json", `"type": "Work",`, `"type": "Work",,`), ErrMalformed, "not valid JSON"},
		{"an answer without a record is incomplete", inputtest.Lit(`{"data": [], "x": "eli/dl/"}`), ErrIncomplete, "holds no record"},
		{"an answer with two records is refused", inputtest.Lit(`{"data": [{"id": "eli/dl/doc/A"}, {"id": "eli/dl/doc/B"}]}`), ErrMalformed, "holds 2 records; eurel reads one record per text"},
		{"a record without an id is malformed", inputtest.Lit(`{"data": [{"type": "Work", "based_on": "eli/dl/doc/A"}]}`), ErrMalformed, "the record has no id"},
		{"data that is not a list is malformed", inputtest.Lit(`{"data": {"id": "eli/dl/doc/A"}}`), ErrMalformed, "not a list of records"},
		{"an impossible date is malformed", inputtest.Edited("written.json", `"2099-07-01"`, `"2099-02-30"`), ErrMalformed, "document_date: bad date 2099-02-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.raw(t))
			inputtest.Refused(t, r, err, tt.kind, tt.reason)
		})
	}
}

func TestParseRefusesFiftyMegabytesBeforeLookingAtThem(t *testing.T) {
	raw := bytes.Repeat([]byte(`{"a":`), 50<<20/5+1)[:50<<20]
	raw[1] = 0
	inputtest.RefusedBeforeLooking(t, raw, func(b []byte) error { _, err := Parse(b); return err })
}
