package procedure

import (
	"strings"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/internal/input"
)

// layout writes Text and the spans into it:
//
//	Title
//
//	Procedure: 2021/2540(RSP)
//	Type: RSP - Resolutions on topical subjects
//	Subject: 6.10.04 Third-country political situation, local and regional conflicts
//	Geographical area: Myanmar
//	Status: Procedure completed
//
//	Key events:
//	09/02/2021 - Debate in Parliament
//	11/02/2021 - Decision by Parliament - T9-0054/2021
//
//	Documents:
//	European Parliament: Motion for a resolution - B9-0116/2021 - 09/02/2021
//
// Lines with nothing to say are left out.
func (f *File) layout() {
	var w input.Builder
	f.TitleSpan = w.Write(f.Title)
	w.Write("\n")
	field := func(label, value string) graph.Span {
		if value == "" {
			return graph.Span{}
		}
		w.Line(label + ": ")
		return w.Write(value)
	}
	field("Procedure", f.Reference)
	field("Type", strings.TrimSuffix(f.Type+" - "+f.TypeName, " - "))
	field("Subtype", f.Subtype)
	field("Legislative instrument", f.Instrument)
	for i, s := range f.Subjects {
		f.Subjects[i].Span = field("Subject", s.Code+" "+s.Name)
	}
	for i, a := range f.Areas {
		f.Areas[i].Span = field("Geographical area", a.Name)
	}
	for _, r := range f.Related {
		field("Related procedure", strings.TrimSpace(r.Relation+" "+r.Procedure))
	}
	field("Status", f.Status)
	field("Stage reached in procedure", f.Stage)
	if len(f.KeyEvents) > 0 {
		w.Para("Key events:")
		for i, e := range f.KeyEvents {
			f.KeyEvents[i].Span = w.Line(joinParts(dmy(e.Date), e.Name, e.DocumentRef))
		}
	}
	if len(f.Documents) > 0 {
		w.Para("Documents:")
		for i, d := range f.Documents {
			line := joinParts(d.Kind, d.Body, d.Reference, dmy(d.Date))
			if d.Institution != "" {
				line = d.Institution + ": " + line
			}
			f.Documents[i].Span = w.Line(line)
		}
	}
	if a := f.FinalAct; a != nil {
		w.Para("Final act: " + joinParts(a.Title, a.Journal))
	}
	f.Text = w.String()
}

// joinParts joins the non-empty parts with " - ".
func joinParts(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " - ")
}

// dmy writes a date as OEIL does (dd/mm/yyyy), "" for the zero date.
func dmy(d graph.PartialDate) string {
	iso := d.String()
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}
