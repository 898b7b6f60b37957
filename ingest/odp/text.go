package odp

import (
	"sort"
	"strings"

	"github.com/eurel/eurel/ingest/internal/input"
)

// Title returns the record's title in a language, else in English, else the first in
// language order; "" when it has none.
func (r *Record) Title(lang string) string {
	if t := r.Titles[lang]; t != "" {
		return t
	}
	if t := r.Titles["en"]; t != "" {
		return t
	}
	langs := make([]string, 0, len(r.Titles))
	for l := range r.Titles {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	if len(langs) == 0 {
		return ""
	}
	return r.Titles[langs[0]]
}

// layout writes Text: the title, then the record's facts one per line, then its links and
// events.
//
//	Return of Ukrainian children forcibly transferred and deported by Russia
//
//	Record: eli/dl/proc/2025-2691 (Process)
//	Procedure: 2025/2691(RSP)
//	Subject: http://eurovoc.europa.eu/3916
//	created_a_realization_of: eli/dl/doc/RC-10-2025-0249
//	Event: 2025-05-08 Decision eli/dl/event/2025-2691-DEC-DCPL-2025-05-08
func (r *Record) layout() {
	var w input.Builder
	title := r.Title("en")
	if title == "" {
		title = r.ID
	}
	r.TitleSpan = w.Write(title)
	w.Write("\n")
	field := func(label, value string) {
		if value != "" {
			w.Line(label + ": " + value)
		}
	}
	field("Record", strings.TrimSpace(r.ID+" ("+r.Type+")"))
	field("Identifier", r.Identifier)
	field("Label", r.Label)
	field("Document type", r.WorkType)
	field("Procedure", r.Procedure)
	field("Procedure type", r.ProcedureType)
	field("Date", r.Date.String())
	field("Term", r.Term)
	for _, s := range r.Subjects {
		field("Subject", s)
	}
	for _, l := range r.Links {
		field(l.Relation, l.Target)
	}
	for _, e := range r.Events {
		field("Event", strings.Join(nonEmpty(e.Date.String(), e.Type, e.ActivityType, e.ID), " "))
	}
	r.Text = w.String()
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
