package graph

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrInvalidDocument is wrapped by every error Validate returns (and so by Put and PutBatch
// when they refuse a document): test with errors.Is.
var ErrInvalidDocument = errors.New("invalid document")

// InvalidDocumentError lists everything wrong with a document. It wraps ErrInvalidDocument.
type InvalidDocumentError struct {
	Key      string   // Source.Key, possibly empty
	Problems []string // one line each, in document order
}

func (e *InvalidDocumentError) Error() string {
	return fmt.Sprintf("invalid document %q: %s", e.Key, strings.Join(e.Problems, "; "))
}

// Unwrap makes errors.Is(err, ErrInvalidDocument) true.
func (e *InvalidDocumentError) Unwrap() error { return ErrInvalidDocument }

// Validate checks what Store.Put needs to write the document: a Source.Key, a SHA256 and a
// language tag; spans inside Source.Text; well-formed dates; country codes that look like
// ISO 3166-1 alpha-2 (two upper-case letters); unique positions ≥ 1 for demands and stances;
// addressee, topic and agreement keys of demands that refer to entries of the Document's
// Institutions, Topics and Agreements; a Resolution whenever there are demands or stances;
// for the procedure (see procedure): unique procedure document references, and references
// to them (Source.Document, Replaces, AdoptedAs, an event's Document) that are entries of
// ProcedureDocuments; citations that identify a resolution; recipients that are one
// institution of the Document or one country.
// It returns nil or an *InvalidDocumentError listing every problem.
func (d *Document) Validate() error {
	if d == nil {
		return &InvalidDocumentError{Problems: []string{"nil document"}}
	}
	v := validator{n: utf8.RuneCountInString(d.Source.Text)}
	src := d.Source
	if strings.TrimSpace(src.Key) == "" {
		v.add("Source.Key is empty")
	}
	if !isHex(src.SHA256) {
		v.add("Source.SHA256 %q is not a hex digest", src.SHA256)
	}
	if !isLangTag(src.Language) {
		v.add("Source.Language %q is not an ISO 639 code", src.Language)
	}
	if !utf8.ValidString(src.Text) {
		v.add("Source.Text is not valid UTF-8")
	}

	if r := d.Resolution; r != nil {
		if strings.TrimSpace(r.Reference) == "" {
			v.add("resolution: empty Reference")
		}
		v.date("resolution: Adopted", r.Adopted)
		if r.Vote != nil {
			if r.Vote.For < 0 || r.Vote.Against < 0 || r.Vote.Abstentions < 0 {
				v.add("resolution: negative vote figures %+v", *r.Vote)
			}
			v.span("resolution: VoteEvidence", r.VoteEvidence)
		}
		for i, g := range r.TabledBy {
			if strings.TrimSpace(g.Code) == "" {
				v.add("resolution: TabledBy[%d] has no code", i)
			}
			v.span(fmt.Sprintf("resolution: TabledBy[%d] %s", i, g.Code), g.Evidence)
		}
	}

	for i, c := range d.Countries {
		what := fmt.Sprintf("country[%d] %q", i, c.Code)
		if !isCountryCode(c.Code) {
			v.add("%s: code is not an ISO 3166-1 alpha-2 code", what)
		}
		if d.Resolution != nil && c.Role != RoleConcerns && c.Role != RoleMentions {
			v.add("%s: role %q is neither CONCERNS nor MENTIONS", what, c.Role)
		}
		v.names(what, c.Names)
		v.span(what, c.Evidence)
	}

	agreements := map[string]bool{}
	for i, a := range d.Agreements {
		what := fmt.Sprintf("agreement[%d] %s", i, a.Key())
		agreements[a.Key()] = true
		if a.Kind == "" {
			v.add("%s: empty Kind", what)
		}
		if len(a.Parties) == 0 {
			v.add("%s: no parties", what)
		}
		for j, p := range a.Parties {
			switch {
			case (p.Country == "") == (p.Institution == ""):
				v.add("%s: party %d must name exactly one of a country or an institution", what, j)
			case p.Country != "" && !isCountryCode(p.Country):
				v.add("%s: party %q is not an ISO 3166-1 alpha-2 code", what, p.Country)
			}
		}
		v.names(what, a.Names)
		v.date(what+": Signed", a.Signed)
		v.date(what+": InForce", a.InForce)
		v.span(what, a.Evidence)
	}

	institutions := map[string]bool{}
	for i, in := range d.Institutions {
		what := fmt.Sprintf("institution[%d] %q", i, in.Key)
		institutions[in.Key] = true
		if strings.TrimSpace(in.Key) == "" {
			v.add("%s: empty Key", what)
		}
		if in.Country != "" && !isCountryCode(in.Country) {
			v.add("%s: country %q is not an ISO 3166-1 alpha-2 code", what, in.Country)
		}
		v.names(what, in.Names)
	}

	topics := map[string]bool{}
	for i, t := range d.Topics {
		topics[t.Key] = true
		if strings.TrimSpace(t.Key) == "" {
			v.add("topic[%d]: empty Key", i)
		}
		v.names(fmt.Sprintf("topic[%d] %q", i, t.Key), t.Names)
		v.span(fmt.Sprintf("topic[%d] %q", i, t.Key), t.Evidence)
	}
	if r := d.Resolution; r != nil {
		if !isProcedureType(r.ProcedureType) {
			v.add("resolution: ProcedureType %q is not upper-case letters", r.ProcedureType)
		}
		for i, k := range r.Subjects {
			if !topics[k] {
				v.add("resolution: Subjects[%d] %q is not a topic of the document", i, k)
			}
		}
	}

	if d.Resolution == nil && (len(d.Demands) > 0 || len(d.Stances) > 0) {
		v.add("demands and stances need a Resolution")
	}
	seen := map[int]bool{}
	for i, dm := range d.Demands {
		what := fmt.Sprintf("demand[%d] (position %d)", i, dm.Position)
		if dm.Position < 1 {
			v.add("%s: position must be ≥ 1", what)
		} else if seen[dm.Position] {
			v.add("%s: position is used twice", what)
		}
		seen[dm.Position] = true
		if strings.TrimSpace(dm.Text) == "" {
			v.add("%s: empty Text", what)
		}
		v.span(what, dm.Evidence)
		for _, k := range dm.Addressees {
			if !institutions[k] {
				v.add("%s: addressee %q is not among the document's Institutions", what, k)
			}
		}
		for _, k := range dm.Topics {
			if !topics[k] {
				v.add("%s: topic %q is not among the document's Topics", what, k)
			}
		}
		for _, k := range dm.Agreements {
			if !agreements[k] {
				v.add("%s: agreement %q is not among the document's Agreements", what, k)
			}
		}
	}
	seen = map[int]bool{}
	for i, st := range d.Stances {
		what := fmt.Sprintf("stance[%d] (position %d)", i, st.Position)
		if st.Position < 1 {
			v.add("%s: position must be ≥ 1", what)
		} else if seen[st.Position] {
			v.add("%s: position is used twice", what)
		}
		seen[st.Position] = true
		if st.Kind == "" {
			v.add("%s: empty Kind", what)
		}
		v.span(what, st.Evidence)
	}

	v.procedure(d, institutions)

	if len(v.problems) > 0 {
		return &InvalidDocumentError{Key: src.Key, Problems: v.problems}
	}
	return nil
}

type validator struct {
	n        int // length of the text in code points
	problems []string
}

func (v *validator) add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *validator) span(what string, s Span) {
	if s.Start < 0 || s.End < s.Start || s.End > v.n {
		v.add("%s: span [%d,%d) lies outside the text of %d characters", what, s.Start, s.End, v.n)
	}
}

func (v *validator) date(what string, d PartialDate) {
	if d.IsZero() {
		if d.Month != 0 || d.Day != 0 {
			v.add("%s: month or day without a year", what)
		}
		return
	}
	if err := d.Validate(); err != nil {
		v.add("%s: %v", what, err)
	}
}

func (v *validator) names(what string, names map[string]string) {
	for lang, name := range names {
		if !isLangTag(lang) {
			v.add("%s: name language %q is not an ISO 639 code", what, lang)
		}
		if strings.TrimSpace(name) == "" {
			v.add("%s: empty name in %q", what, lang)
		}
	}
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// isLangTag accepts a BCP 47 language tag whose primary subtag is an ISO 639 code in lower
// case: "en", "fr", "und", "pt-BR", "zh-Hant".
func isLangTag(s string) bool {
	for i, sub := range strings.Split(s, "-") {
		if i == 0 && (len(sub) < 2 || len(sub) > 3) || len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, r := range sub {
			lower := r >= 'a' && r <= 'z'
			if i == 0 && !lower || !lower && !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

// isProcedureType accepts "" (unknown) or upper-case ASCII letters: RSP, INI, NLE, COD, ...
func isProcedureType(s string) bool {
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// procedure checks the procedure documents, events, citations and recipients.
func (v *validator) procedure(d *Document, institutions map[string]bool) {
	refs := map[string]bool{}
	for i, pd := range d.ProcedureDocuments {
		what := fmt.Sprintf("procedure document[%d] %q", i, pd.Reference)
		if strings.TrimSpace(pd.Reference) == "" {
			v.add("%s: empty Reference", what)
		} else if refs[pd.Reference] {
			v.add("%s: listed twice", what)
		}
		refs[pd.Reference] = true
		if pd.Kind == "" {
			v.add("%s: empty Kind", what)
		}
		v.date(what+": Date", pd.Date)
		v.span(what, pd.Evidence)
	}
	known := func(what, ref string) {
		if ref != "" && !refs[ref] {
			v.add("%s: %q is not among the document's ProcedureDocuments", what, ref)
		}
	}
	known("Source.Document", d.Source.Document)
	for i, pd := range d.ProcedureDocuments {
		for _, r := range pd.Replaces {
			known(fmt.Sprintf("procedure document[%d] replaces", i), r)
		}
		known(fmt.Sprintf("procedure document[%d] adopted as", i), pd.AdoptedAs)
	}
	if d.Resolution == nil && (len(d.Events) > 0 || len(d.Citations) > 0 || len(d.Recipients) > 0) {
		v.add("events, citations and recipients need a Resolution")
	}
	for i, e := range d.Events {
		what := fmt.Sprintf("event[%d] %q", i, e.Name)
		if strings.TrimSpace(e.Name) == "" {
			v.add("%s: empty Name", what)
		}
		v.date(what+": Date", e.Date)
		known(what, e.Document)
		v.span(what, e.Evidence)
	}
	for i, c := range d.Citations {
		what := fmt.Sprintf("citation[%d]", i)
		if CitationID(c) == "" {
			v.add("%s: neither a reference nor a full date and a title: it identifies no resolution", what)
		}
		v.date(what+": Adopted", c.Adopted)
		v.span(what, c.Evidence)
	}
	for i, r := range d.Recipients {
		what := fmt.Sprintf("recipient[%d]", i)
		switch {
		case (r.Institution == "") == (r.Country == ""):
			v.add("%s: must name exactly one of an institution or a country", what)
		case r.Institution != "" && !institutions[r.Institution]:
			v.add("%s: institution %q is not among the document's Institutions", what, r.Institution)
		case r.Country != "" && !isCountryCode(r.Country):
			v.add("%s: country %q is not an ISO 3166-1 alpha-2 code", what, r.Country)
		}
		v.span(what, r.Evidence)
	}
}
