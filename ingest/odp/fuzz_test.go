package odp

import (
	"encoding/json"
	"testing"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input/inputtest"
)

// FuzzParse feeds Parse arbitrary bytes, seeded with the record written for the tests and,
// when the corpus is there, the real records with every list cut to its first two
// elements (see smallSeed). Parse must not panic; a refusal must be an *Error with a kind and
// a reason wrapping graph.ErrBadInput; an accepted record must have an id, links to ELI ids,
// a title span inside its text, and be recognised by Detect.
func FuzzParse(f *testing.F) {
	inputtest.AddSeeds(f, "*.json", "odp", smallSeed)
	f.Add([]byte(`{"data":[{"id":"eli/dl/proc/2021-1","process_type":"x/RSP","consists_of":["eli/dl/event/1",{"id":1}]}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := Parse(raw)
		if err != nil {
			inputtest.CheckRefusal(t, err)
			return
		}
		if r.ID == "" || r.Kind == "" {
			t.Errorf("accepted without id or kind: %+v", r)
		}
		for _, l := range r.Links {
			if l.Relation == "" || len(l.Target) < 4 || l.Target[:4] != "eli/" {
				t.Errorf("link %+v", l)
			}
		}
		if _, err := graph.Quote(r.Text, r.TitleSpan); err != nil {
			t.Errorf("title span: %v", err)
		}
		if !Detect(raw) {
			t.Error("Parse accepted what Detect does not recognise")
		}
	})
}

// smallSeed cuts every list of a real record to its first two elements and every map of
// titles by language to English and French: small seeds keep each execution, and the
// minimisation of each new input, short.
func smallSeed(b []byte) []byte {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return b
	}
	out, err := json.Marshal(cut(v))
	if err != nil {
		return b
	}
	return out
}

func cut(v any) any {
	switch x := v.(type) {
	case []any:
		x = x[:min(len(x), 2)]
		for i := range x {
			x[i] = cut(x[i])
		}
		return x
	case map[string]any:
		languages := len(x) > 3
		for k := range x {
			languages = languages && len(k) == 2
		}
		for k := range x {
			if languages && k != "en" && k != "fr" {
				delete(x, k)
				continue
			}
			x[k] = cut(x[k])
		}
	}
	return v
}
