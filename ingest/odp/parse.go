package odp

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Parse reads an Open Data Portal answer holding one record. It refuses with an *Error any
// input that is empty, binary, larger than MaxSize, not such an answer (ErrWrongFormat),
// cut short (ErrIncomplete), or not valid JSON, without a record, with several records, or
// with a record that has no id (ErrMalformed).
func Parse(raw []byte) (*Record, error) {
	b, err := input.Check(raw, MaxSize)
	if err != nil {
		return nil, err
	}
	if !input.LooksJSON(b) {
		return nil, input.Fail(ErrWrongFormat, "not JSON data: an Open Data Portal record is JSON-LD")
	}
	if !Detect(b) {
		return nil, input.Fail(ErrWrongFormat, "JSON data, but not an Open Data Portal record: no \"data\" list with an ELI id (eli/dl/…)")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, jsonError(err)
	}
	list := top["data"]
	if list == nil {
		list = top["@graph"]
	}
	var records []map[string]any
	if err := json.Unmarshal(list, &records); err != nil || list == nil {
		return nil, input.Fail(ErrMalformed, "the answer's \"data\" is not a list of records")
	}
	switch len(records) {
	case 0:
		return nil, input.Fail(ErrIncomplete, "the answer holds no record")
	case 1:
	default:
		return nil, input.Fail(ErrMalformed, fmt.Sprintf("the answer holds %d records; eurel reads one record per text", len(records)))
	}
	return read(records[0])
}

// jsonError explains a JSON syntax error: JSON that ends too soon was cut short.
func jsonError(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end") || strings.Contains(err.Error(), "unexpected end of JSON input") {
		return input.Fail(ErrIncomplete, "the JSON stops before its end: it looks cut short")
	}
	return input.Fail(ErrMalformed, "not valid JSON: "+err.Error())
}

// handled are the keys read into fields of their own; every other key whose values are ELI
// ids is a Link.
var handled = map[string]bool{
	"id": true, "type": true, "identifier": true, "label": true, "work_type": true, "parliamentary_term": true,
	"document_date": true, "title_dcterms": true, "process_title": true, "process_id": true, "process_type": true,
	"is_about": true, "isAboutSubjectMatter": true, "is_realized_by": true, "consists_of": true,
	"was_scheduled_in": true, "workHadParticipation": true, "had_participation": true, "creator": true,
	"current_stage": true, "identifierYear": true, "publisher": true, "originalLanguage": true,
	"isAboutDirectoryCode": true, "epNumber": true, "epNumberVersion": true, "notation_publicRegister": true,
}

// read turns one decoded record into a Record.
func read(m map[string]any) (*Record, error) {
	r := &Record{ID: str(m["id"]), Type: str(m["type"])}
	if r.ID == "" {
		return nil, input.Fail(ErrMalformed, "the record has no id")
	}
	switch {
	case strings.HasPrefix(r.ID, "eli/dl/doc/"):
		r.Kind = KindDocument
	case strings.HasPrefix(r.ID, "eli/dl/proc/"):
		r.Kind = KindProcedure
	default:
		r.Kind = KindOther
	}
	r.Identifier = firstOf(str(m["identifier"]), str(m["process_id"]))
	r.Label = input.Collapse(str(m["label"]))
	r.WorkType = lastSegment(str(m["work_type"]))
	r.Term = lastSegment(str(m["parliamentary_term"]))
	r.ProcedureType = lastSegment(str(m["process_type"]))
	if d := str(m["document_date"]); d != "" {
		date, err := input.Date(d)
		if err != nil {
			return nil, input.Fail(ErrMalformed, "document_date: "+err.Error())
		}
		r.Date = date
	}
	r.Titles = titles(m["title_dcterms"])
	if r.Titles == nil {
		r.Titles = titles(m["process_title"])
	}
	r.Subjects = strs(m["is_about"])
	r.SubjectMatters = strs(m["isAboutSubjectMatter"])
	for _, e := range list(m["is_realized_by"]) {
		if id := str(idOf(e)); id != "" {
			if lang := id[strings.LastIndexByte(id, '/')+1:]; lang != "" && !slices.Contains(r.Languages, lang) {
				r.Languages = append(r.Languages, lang)
			}
		}
	}
	sort.Strings(r.Languages)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // decoded maps lose the record's order: sort for a stable one
	for _, k := range keys {
		if handled[k] || k == "" {
			continue
		}
		for _, t := range ids(m[k]) {
			r.Links = append(r.Links, Link{Relation: k, Target: t})
		}
	}
	for _, k := range []string{"consists_of", "was_scheduled_in"} {
		for _, e := range list(m[k]) {
			ev, err := event(e)
			if err != nil {
				return nil, err
			}
			if ev.ID != "" {
				r.Events = append(r.Events, ev)
			}
		}
	}
	for _, k := range []string{"workHadParticipation", "had_participation"} {
		for _, e := range list(m[k]) {
			if p, ok := e.(map[string]any); ok {
				r.Participants = append(r.Participants, Participant{
					Role:         lastSegment(str(p["participation_role"])),
					Person:       first(strs(p["had_participant_person"])),
					Organization: first(strs(p["had_participant_organization"])),
					Group:        str(p["politicalGroup"]),
					OnBehalfOf:   str(p["participation_in_name_of"]),
				})
			}
		}
	}
	r.procedure(m)
	r.layout()
	return r, nil
}

var procIDRe = regexp.MustCompile(`^eli/dl/proc/(\d{4})-(\d{1,4})$`)

// procedure sets the procedure of the record: a procedure's label, or its id and type; a
// document's procedure reference from its titles and alternative titles, and the id of the
// procedure that created it.
func (r *Record) procedure(m map[string]any) {
	if r.Kind == KindProcedure {
		r.ProcedureID = r.ID
		r.Procedure = input.Procedure(r.Label)
		if p := procIDRe.FindStringSubmatch(r.ID); p != nil && r.Procedure == "" && r.ProcedureType != "" {
			r.Procedure = input.Procedure(p[1] + "/" + p[2] + "(" + r.ProcedureType + ")")
		}
		return
	}
	for _, l := range r.Links {
		if l.Relation == "inverse_created_a_realization_of" && strings.HasPrefix(l.Target, "eli/dl/proc/") {
			r.ProcedureID = l.Target
			break
		}
	}
	var texts []string
	for _, e := range list(m["is_realized_by"]) {
		if em, ok := e.(map[string]any); ok {
			for _, t := range titles(em["title_alternative"]) {
				texts = append(texts, t)
			}
		}
	}
	sort.Strings(texts)
	for _, t := range texts {
		if ref := input.Procedure(t); ref != "" {
			r.Procedure = ref
			return
		}
	}
}

// event reads one event of a procedure.
func event(v any) (Event, error) {
	switch e := v.(type) {
	case string:
		return Event{ID: e}, nil
	case map[string]any:
		ev := Event{ID: str(e["id"]), Type: str(e["type"]), ActivityType: lastSegment(str(e["had_activity_type"]))}
		if d := str(e["activity_date"]); d != "" {
			date, err := input.Date(d)
			if err != nil {
				return Event{}, input.Fail(ErrMalformed, "event "+ev.ID+": "+err.Error())
			}
			ev.Date = date
		}
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "id" || k == "" {
				continue
			}
			for _, t := range ids(e[k]) {
				ev.Links = append(ev.Links, Link{Relation: k, Target: t})
			}
		}
		return ev, nil
	}
	return Event{}, nil
}

// str returns a JSON string, "" for anything else.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// list returns a JSON list, or a one-element list for a single value, nil for nothing.
func list(v any) []any {
	switch l := v.(type) {
	case nil:
		return nil
	case []any:
		return l
	}
	return []any{v}
}

// idOf returns the id of an object, or the value itself.
func idOf(v any) any {
	if m, ok := v.(map[string]any); ok {
		return m["id"]
	}
	return v
}

// strs returns the strings of a value: a string, a list of strings or of objects with ids.
func strs(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s := str(idOf(e)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ids returns the ELI ids of a value (strings or objects with ids starting with "eli/").
func ids(v any) []string {
	var out []string
	for _, s := range strs(v) {
		if strings.HasPrefix(s, "eli/") {
			out = append(out, s)
		}
	}
	return out
}

// titles reads a language map into titles, white space collapsed; nil when it holds none.
func titles(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for lang, t := range m {
		if s := input.Collapse(strings.ReplaceAll(str(t), "<br/>", " - ")); s != "" && len(lang) >= 2 && len(lang) <= 3 {
			out[strings.ToLower(lang)] = s
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// lastSegment returns what follows the last "/" of a URI ("def/ep-procedure-types/RSP" →
// "RSP").
func lastSegment(s string) string { return s[strings.LastIndexByte(s, '/')+1:] }

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
