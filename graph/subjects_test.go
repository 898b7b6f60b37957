package graph

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

const mmProcText = "Resolution on the situation in Myanmar\n" +
	"Type: RSP - Resolutions on topical subjects\n" +
	"Subject: 6.10.04 Third-country political situation, local and regional conflicts\n" +
	"Subject: 6.10.08 Fundamental freedoms, human rights, democracy in general\n"

// mmSummary is mm() with the procedure type its reference gives.
func mmSummary() *Document {
	d := mm()
	d.Resolution.ProcedureType = "RSP"
	return d
}

// mmProcedure is the procedure file of 2021/2540(RSP), with its two OEIL subjects (listed
// out of key order, to check that records sort them).
func mmProcedure() *Document {
	text := mmProcText
	return &Document{
		Source: Source{
			Key: "oeil-procedure/2021/2540(RSP)", Kind: DocOEILProcedureFile, Format: "oeil-procedure-text",
			Language: "en", SHA256: digest(text), IngestedAt: t0.Add(3 * time.Hour), Text: text,
		},
		Resolution: &Resolution{Reference: "2021/2540(RSP)", Title: "Resolution on the situation in Myanmar",
			ProcedureType: "RSP", Subjects: []string{"oeil-subject:6.10.08", "oeil-subject:6.10.04"}},
		Topics: []Topic{
			{Key: "oeil-subject:6.10.08", Names: map[string]string{"en": "Fundamental freedoms, human rights, democracy in general"},
				Evidence: spanOf(text, "6.10.08 Fundamental freedoms, human rights, democracy in general")},
			{Key: "oeil-subject:6.10.04", Names: map[string]string{"en": "Third-country political situation, local and regional conflicts"}},
		},
	}
}

func TestProcedureTypeAndSubjectsRoundTripAndGoWithTheirProcedureFile(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, mmSummary(), mmProcedure())
		res := ResolutionID("2021/2540(RSP)")
		t04, t08 := TopicID("oeil-subject:6.10.04"), TopicID("oeil-subject:6.10.08")

		recs, err := s.Resolutions(ctx, []ID{res})
		if err != nil || recs[0] == nil {
			t.Fatalf("Resolutions: %v, %v", recs, err)
		}
		r := recs[0]
		if r.ProcedureType != "RSP" {
			t.Errorf("ProcedureType = %q, want RSP", r.ProcedureType)
		}
		if !slices.Equal(r.Topics, []ID{t04, t08}) {
			t.Errorf("Topics = %v, want [6.10.04 6.10.08] = %v", r.Topics, []ID{t04, t08})
		}
		if len(r.Sources) != 2 {
			t.Errorf("Sources = %v, want the summary and the procedure file", r.Sources)
		}
		topics, err := s.Topics(ctx, []ID{t04})
		if err != nil || topics[0] == nil || topics[0].Key != "oeil-subject:6.10.04" {
			t.Errorf("Topics(6.10.04) = %+v, %v", topics, err)
		}

		proc := mmProcedure().Source.ID()
		ev, err := s.EdgeEvidence(ctx, res, HasSubject, t08)
		if err != nil || len(ev) != 1 || ev[0].Document != proc ||
			ev[0].Quote != "6.10.08 Fundamental freedoms, human rights, democracy in general" {
			t.Errorf("HAS_SUBJECT 6.10.08 evidence = %+v, %v; want the subject's line", ev, err)
		}
		ev, err = s.EdgeEvidence(ctx, res, HasSubject, t04)
		if err != nil || len(ev) != 1 || ev[0].Document != proc || ev[0].Span != (Span{}) {
			t.Errorf("HAS_SUBJECT 6.10.04 evidence = %+v, %v; want the document as a whole", ev, err)
		}

		if ok, err := s.Delete(ctx, proc); !ok || err != nil {
			t.Fatalf("Delete(procedure file) = %v, %v", ok, err)
		}
		recs, err = s.Resolutions(ctx, []ID{res})
		if err != nil || recs[0] == nil {
			t.Fatalf("Resolutions after deleting the procedure file: %v, %v", recs, err)
		}
		r = recs[0]
		if len(r.Topics) != 0 {
			t.Errorf("Topics after deleting the procedure file = %v, want none", r.Topics)
		}
		if r.ProcedureType != "RSP" || !slices.Equal(r.Concerns, []ID{CountryID("MM")}) || len(r.Demands) != 1 {
			t.Errorf("the summary's facts did not survive: %+v", r)
		}
		if ev, err := s.EdgeEvidence(ctx, res, HasSubject, t04); len(ev) != 0 || err != nil {
			t.Errorf("HAS_SUBJECT evidence after deleting the procedure file = %+v, %v", ev, err)
		}
		sameGraph(t, s, storeWith(t, b, mmSummary()))
	})
}

func TestValidateRefusesABadProcedureTypeAndSubjectsWithoutTopics(t *testing.T) {
	for name, edit := range map[string]func(*Document){
		"lower-case type":  func(d *Document) { d.Resolution.ProcedureType = "rsp" },
		"type with digits": func(d *Document) { d.Resolution.ProcedureType = "RSP1" },
		"unknown subject":  func(d *Document) { d.Resolution.Subjects = append(d.Resolution.Subjects, "oeil-subject:9.99") },
	} {
		d := mmProcedure()
		edit(d)
		if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "resolution") {
			t.Errorf("%s: Validate() = %v, want an error about the resolution", name, err)
		}
	}
	if err := mmProcedure().Validate(); err != nil {
		t.Errorf("Validate(procedure file) = %v", err)
	}
}
