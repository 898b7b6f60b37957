package graph

import (
	"context"
	"slices"
	"testing"
	"time"
)

const rcProcText = "Return of Ukrainian children\n" +
	"2025-05-07 Debate in Parliament\n" +
	"2025-05-08 Decision by Parliament T10-0096/2025\n" +
	"Motion for a resolution B10-0249/2025 2025-05-05\n" +
	"Motion for a resolution B10-0250/2025 2025-05-05\n" +
	"Joint motion for resolution RC-B10-0249/2025 2025-05-07\n" +
	"Text adopted by Parliament, single reading T10-0096/2025 2025-05-08\n"

// rcProcedure is the procedure file of 2025/2691(RSP): its documents and key events.
func rcProcedure() *Document {
	text := rcProcText
	doc := &Document{
		Source: Source{Key: "oeil-procedure/2025/2691(RSP)", Kind: DocOEILProcedureFile, Format: "oeil-procedure-text",
			Language: "en", SHA256: digest(text), IngestedAt: t0.Add(5 * time.Hour), Text: text},
		Resolution: &Resolution{Reference: "2025/2691(RSP)", Title: "Return of Ukrainian children", ProcedureType: "RSP",
			Adopted: Day(2025, 5, 8)},
		ProcedureDocuments: []ProcedureDocument{
			{Reference: "T10-0096/2025", Kind: DocTextAdopted, Label: "Text adopted by Parliament, single reading", Author: "European Parliament",
				Date: Day(2025, 5, 8), Evidence: spanOf(text, "Text adopted by Parliament, single reading T10-0096/2025 2025-05-08")},
			{Reference: "B10-0249/2025", Kind: DocMotion, Label: "Motion for a resolution", Date: Day(2025, 5, 5),
				Evidence: spanOf(text, "Motion for a resolution B10-0249/2025 2025-05-05")},
			{Reference: "B10-0250/2025", Kind: DocMotion, Label: "Motion for a resolution", Date: Day(2025, 5, 5),
				Evidence: spanOf(text, "Motion for a resolution B10-0250/2025 2025-05-05")},
			{Reference: "RC-B10-0249/2025", Kind: DocJointMotion, Label: "Joint motion for resolution", Date: Day(2025, 5, 7),
				Evidence: spanOf(text, "Joint motion for resolution RC-B10-0249/2025 2025-05-07")},
		},
		Events: []Event{
			{Date: Day(2025, 5, 8), Name: "Decision by Parliament", Document: "T10-0096/2025",
				Evidence: spanOf(text, "2025-05-08 Decision by Parliament T10-0096/2025")},
			{Date: Day(2025, 5, 7), Name: "Debate in Parliament", Evidence: spanOf(text, "2025-05-07 Debate in Parliament")},
		},
	}
	return doc
}

const rcText = "JOINT MOTION FOR A RESOLUTION RC-B10-0249/2025 replacing B10-0249/2025 and B10-0250/2025\n" +
	"– having regard to its resolution of 11 February 2021 on the situation in Myanmar,\n" +
	"– having regard to its resolution on Kazakhstan (2021/2544(RSP)),\n" +
	"9. Instructs its President to forward this resolution to the Council and the United States."

// rcJointMotion is the joint motion of 2025/2691(RSP): it replaces two motions, became the text
// adopted, cites two earlier resolutions (one by date and title, one by reference) and is
// forwarded to the Council and the United States.
func rcJointMotion() *Document {
	text := rcText
	head := spanOf(text, "JOINT MOTION FOR A RESOLUTION RC-B10-0249/2025 replacing B10-0249/2025 and B10-0250/2025")
	return &Document{
		Source: Source{Key: "doceo/RC-B10-0249/2025/en", Kind: DocJointMotion, Format: "doceo-html", Language: "en",
			SHA256: digest(text), IngestedAt: t0.Add(6 * time.Hour), Text: text, Document: "RC-B10-0249/2025"},
		Resolution: &Resolution{Reference: "2025/2691(RSP)", ProcedureType: "RSP"},
		ProcedureDocuments: []ProcedureDocument{
			{Reference: "RC-B10-0249/2025", Kind: DocJointMotion, Label: "Joint motion for a resolution", Date: Day(2025, 5, 7),
				Replaces: []string{"B10-0249/2025", "B10-0250/2025"}, AdoptedAs: "T10-0096/2025", Evidence: head},
			{Reference: "B10-0249/2025", Kind: DocMotion, Evidence: spanOf(text, "B10-0249/2025 ")},
			{Reference: "B10-0250/2025", Kind: DocMotion, Evidence: spanOf(text, "B10-0250/2025\n")},
			{Reference: "T10-0096/2025", Kind: DocTextAdopted},
		},
		Citations: []Citation{
			{Adopted: Day(2021, 2, 11), Title: "on the situation in Myanmar", Evidence: spanOf(text, "its resolution of 11 February 2021 on the situation in Myanmar")},
			{Reference: "2021/2544(RSP)", Evidence: spanOf(text, "its resolution on Kazakhstan (2021/2544(RSP))")},
		},
		Institutions: []Institution{{Key: CodeCouncil, Kind: InstEUInstitution, Code: CodeCouncil, Names: map[string]string{"en": "Council"}}},
		Recipients: []Recipient{
			{Institution: CodeCouncil, Evidence: spanOf(text, "Council")},
			{Country: "US", Evidence: spanOf(text, "United States")},
		},
	}
}

// mmDated is the Myanmar summary with its full adoption date, so that a citation by date and
// title finds it.
func mmDated() *Document {
	d := mm()
	d.Resolution.Adopted = Day(2021, 2, 11)
	d.Resolution.Title = "Resolution on the situation in Myanmar"
	return d
}

func TestAProcedureKeepsItsDocumentsEventsCitationsAndRecipients(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, rcProcedure(), rcJointMotion(), kzFR())
		res := ResolutionID("2025/2691(RSP)")
		rec := resolutionOf(t, s, res)
		rc, b249, b250, ta := ProcedureDocumentID("RC-B10-0249/2025"), ProcedureDocumentID("B10-0249/2025"),
			ProcedureDocumentID("B10-0250/2025"), ProcedureDocumentID("T10-0096/2025")
		if want := []ID{b249, b250, rc, ta}; !slices.Equal(rec.Documents, want) {
			t.Errorf("Documents = %v, want by date then reference %v", rec.Documents, want)
		}
		debate, decision := EventID("2025/2691(RSP)", Day(2025, 5, 7), "Debate in Parliament"), EventID("2025/2691(RSP)", Day(2025, 5, 8), "Decision by Parliament")
		if want := []ID{debate, decision}; !slices.Equal(rec.Events, want) {
			t.Errorf("Events = %v, want by date %v", rec.Events, want)
		}
		if want := sortedIDs([]ID{InstitutionID(CodeCouncil), CountryID("US")}); !slices.Equal(rec.Recipients, want) {
			t.Errorf("Recipients = %v, want %v", rec.Recipients, want)
		}
		kz := ResolutionID("2021/2544(RSP)")
		if len(rec.Cites) != 2 || !slices.Contains(rec.Cites, kz) {
			t.Errorf("Cites = %v, want Kazakhstan and the Myanmar citation's node", rec.Cites)
		}
		if got := resolutionOf(t, s, kz).CitedBy; !slices.Equal(got, []ID{res}) {
			t.Errorf("Kazakhstan's CitedBy = %v, want [%s]", got, res)
		}

		docs, err := s.ProcedureDocuments(ctx, []ID{rc, ta, res})
		if err != nil {
			t.Fatal(err)
		}
		j := docs[0]
		if j == nil || docs[2] != nil {
			t.Fatalf("ProcedureDocuments = %+v", docs)
		}
		if j.Reference != "RC-B10-0249/2025" || j.Kind != DocJointMotion || j.Date != Day(2025, 5, 7) ||
			!slices.Equal(j.Replaces, sortedIDs([]ID{b249, b250})) || !slices.Equal(j.AdoptedAs, []ID{ta}) ||
			!slices.Equal(j.Resolutions, []ID{res}) || !slices.Equal(j.Texts, []ID{rcJointMotion().Source.ID()}) ||
			len(j.Sources) != 2 {
			t.Errorf("joint motion record = %+v", j)
		}
		if j.Evidence.Quote == "" {
			t.Errorf("the joint motion has no evidence: %+v", j.Evidence)
		}
		if !slices.Equal(docs[1].AdoptedFrom, []ID{rc}) || !slices.Equal(docs[1].Texts, nil) {
			t.Errorf("text adopted record = %+v", docs[1])
		}
		motions, _ := s.ProcedureDocuments(ctx, []ID{b249})
		if !slices.Equal(motions[0].ReplacedBy, []ID{rc}) {
			t.Errorf("the motion's ReplacedBy = %v, want the joint motion", motions[0].ReplacedBy)
		}

		evs, err := s.Events(ctx, []ID{decision})
		if err != nil || evs[0] == nil {
			t.Fatalf("Events: %v %v", evs, err)
		}
		if e := evs[0]; e.Name != "Decision by Parliament" || e.Resolution != res || !slices.Equal(e.Documents, []ID{ta}) ||
			e.Evidence.Quote != "2025-05-08 Decision by Parliament T10-0096/2025" {
			t.Errorf("event record = %+v", e)
		}

		ev, err := s.EvidenceOf(ctx, []Edge{{res, ForwardedTo, CountryID("US")}, {rc, Replaces, b250}}, -1)
		if err != nil || len(ev) != 2 || len(ev[0].Items) != 1 || ev[0].Items[0].Quote != "United States" || len(ev[1].Items) != 1 {
			t.Errorf("EvidenceOf = %+v, %v", ev, err)
		}
	})
}

func TestACitationReachesTheResolutionWhicheverIsIngestedFirst(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		res, mmRes := ResolutionID("2025/2691(RSP)"), ResolutionID("2021/2540(RSP)")
		node := CitationID(Citation{Adopted: Day(2021, 2, 11), Title: "on the situation in Myanmar"})

		alone := storeWith(t, b, rcJointMotion())
		cites := resolutionOf(t, alone, res).Cites
		if !slices.Contains(cites, node) {
			t.Fatalf("Cites = %v, want the node the citation created, %s", cites, node)
		}
		placeholder := resolutionOf(t, alone, node)
		if placeholder.Titles["en"] != "on the situation in Myanmar" || placeholder.Adopted != Day(2021, 2, 11) ||
			placeholder.Reference != "" || !slices.Equal(placeholder.CitedBy, []ID{res}) {
			t.Errorf("the cited resolution's node = %+v", placeholder)
		}
		if all, _ := alone.ListResolutions(ctx, ResolutionFilter{}); !slices.Contains(all, node) {
			t.Errorf("ListResolutions = %v: the cited resolution is missing", all)
		}

		for name, order := range map[string][]*Document{
			"citing text first": {rcJointMotion(), mmDated()},
			"cited text first":  {mmDated(), rcJointMotion()},
		} {
			t.Run(name, func(t *testing.T) {
				s := storeWith(t, b, order...)
				if got := resolutionOf(t, s, res).Cites; !slices.Contains(got, mmRes) || slices.Contains(got, node) {
					t.Errorf("Cites = %v, want Myanmar %s rather than the citation's node", got, mmRes)
				}
				if got := resolutionOf(t, s, mmRes).CitedBy; !slices.Equal(got, []ID{res}) {
					t.Errorf("Myanmar's CitedBy = %v, want [%s]", got, res)
				}
				all, err := s.ListResolutions(ctx, ResolutionFilter{})
				if err != nil || slices.Contains(all, node) || !slices.Contains(all, mmRes) {
					t.Errorf("ListResolutions = %v, %v: want Myanmar once, not the citation's node", all, err)
				}
			})
		}
	})
}

func TestClaimsSayWhichTextSaysWhat(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		fr, en := kzFR(), kzEN()
		s := storeWith(t, b, fr, en)
		claims, err := s.Claims(ctx, []ID{ResolutionID("2021/2544(RSP)"), CountryID("KZ")})
		if err != nil {
			t.Fatal(err)
		}
		if claims[1] != nil {
			t.Errorf("a country has claims: %+v", claims[1])
		}
		var votes []Claim
		for _, c := range claims[0] {
			if c.Property == "vote" {
				votes = append(votes, c)
			}
		}
		if len(votes) != 2 {
			t.Fatalf("vote claims = %+v, want one per summary", votes)
		}
		if votes[0].Document != fr.Source.ID() || votes[0].Value != "633/12/40" || *votes[0].Evidence != fr.Resolution.VoteEvidence ||
			votes[1].Document != en.Source.ID() || votes[1].Value != "634/12/40" || *votes[1].Evidence != en.Resolution.VoteEvidence {
			t.Errorf("vote claims = %+v %+v, want the French 633 then the English 634, each with its span", votes[0], votes[1])
		}
		titles := 0
		for _, c := range claims[0] {
			if c.Property == "title" {
				titles++
				if c.Lang != map[ID]string{fr.Source.ID(): "fr", en.Source.ID(): "en"}[c.Document] {
					t.Errorf("title claim %+v has the wrong language", c)
				}
			}
		}
		if titles != 2 {
			t.Errorf("%d title claims, want one per summary", titles)
		}
	})
}

func TestDeletingTheJointMotionKeepsWhatTheProcedureFileSays(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		want := storeWith(t, b, rcProcedure())
		s := storeWith(t, b, rcProcedure(), rcJointMotion())
		if ok, err := s.Delete(ctx, rcJointMotion().Source.ID()); !ok || err != nil {
			t.Fatalf("Delete = %v, %v", ok, err)
		}
		sameGraph(t, s, want)
		rec := resolutionOf(t, s, ResolutionID("2025/2691(RSP)"))
		if len(rec.Cites) != 0 || len(rec.Recipients) != 0 || len(rec.Documents) != 4 {
			t.Errorf("after deleting the joint motion: %+v", rec)
		}
	})
}

func resolutionOf(t *testing.T, s *Store, id ID) *ResolutionRecord {
	t.Helper()
	recs, err := s.Resolutions(context.Background(), []ID{id})
	if err != nil || recs[0] == nil {
		t.Fatalf("Resolutions(%s) = %v, %v", id, recs, err)
	}
	return recs[0]
}
