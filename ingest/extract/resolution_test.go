package extract

import (
	"slices"
	"testing"

	"github.com/eurel/eurel/graph"
)

// resolutionInput builds an Input as the doceo parser hands one over: a title, citations and
// recitals as context paragraphs, then operative paragraphs ("- " starts a sub-item).
func resolutionInput(lang, title string, context []string, paras ...string) Input {
	var w inputBuilder
	w.title(title)
	for _, c := range context {
		w.in.Paragraphs = append(w.in.Paragraphs, Paragraph{Span: w.write(c), Text: c, Context: true})
	}
	for _, p := range paras {
		if rest, ok := cutBullet(p); ok {
			w.para(rest, true)
			continue
		}
		w.para(p, false)
	}
	return w.input(lang, graph.Day(2025, 5, 7))
}

func cutBullet(p string) (string, bool) {
	if len(p) > 2 && p[:2] == "- " {
		return p[2:], true
	}
	return "", false
}

// TestOperativeParagraphsOfResolutions: the operative paragraphs of a resolution have their
// subject, the Parliament, at the top of the text ("The European Parliament, … 1. Condemns
// …; 2. Calls on …"): each starts with its verb.
func TestOperativeParagraphsOfResolutions(t *testing.T) {
	tests := []struct {
		name    string
		lang    string
		para    string
		demands []wantDemand
		stances []graph.StanceKind
	}{
		{"a paragraph starting with a demand verb is a demand to its object", "en",
			"Urges the EU to hold those responsible to account;", []wantDemand{{[]string{"EU"}, "Urges the EU"}}, nil},
		{"a stance and a demand after a semicolon are two clauses", "en",
			"Strongly condemns the crackdown; calls on the Council to adopt sanctions;",
			[]wantDemand{{[]string{"COUNCIL"}, "calls on the Council"}}, []graph.StanceKind{graph.StanceCondemns}},
		{"a renewed call is a demand to the object of the call", "en",
			"Reiterates its call on the Chinese authorities to release Ilham Tohti immediately;",
			[]wantDemand{{[]string{"AUTHORITIES:CN"}, "Reiterates its call"}}, nil},
		{"a renewed call with an adjective is a demand", "en",
			"Renews its urgent call on the Commission to review the agreement;",
			[]wantDemand{{[]string{"COMMISSION"}, "Renews its urgent call"}}, nil},
		{"a renewed call for something names no addressee", "en",
			"Reiterates its calls for the immediate release of all political prisoners;",
			[]wantDemand{{nil, "Reiterates its calls for"}}, nil},
		{"reiterating a position is still a stance", "en",
			"Reiterates its position that dialogue must continue;", nil, []graph.StanceKind{graph.StanceOther}},
		{"a demand verb may be followed by a phrase between commas", "en",
			"Calls, once again, on the Commission to propose sanctions;",
			[]wantDemand{{[]string{"COMMISSION"}, "Calls, once again, on the Commission"}}, nil},
		{"commending is welcoming", "en",
			"Commends the work of civil society organisations;", nil, []graph.StanceKind{graph.StanceWelcomes}},
		{"taking note is a stance", "en",
			"Takes note of the statement of the Commission;", nil, []graph.StanceKind{graph.StanceOther}},
		{"forwarding the resolution is neither a demand nor a stance", "en",
			"Instructs its President to forward this resolution to the Council and the Commission.", nil, nil},
		{"a French renewed call is a demand to the object of the call", "fr",
			"Réitère son appel aux autorités chinoises à libérer Ilham Tohti ;",
			[]wantDemand{{[]string{"AUTHORITIES:CN"}, "Réitère son appel"}}, nil},
		{"taking note in French is a stance", "fr",
			"Prend acte de la déclaration de la Commission ;", nil, []graph.StanceKind{graph.StanceOther}},
		{"forwarding the resolution in French is nothing", "fr",
			"Charge sa présidente de transmettre la présente résolution au Conseil et à la Commission.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extractOK(t, resolutionInput(tt.lang, "Resolution on China", nil, tt.para))
			checkDemands(t, doc, tt.demands)
			checkStances(t, doc, tt.stances)
		})
	}
}

func TestContextParagraphs(t *testing.T) {
	context := []string{
		"having regard to the EU–Kazakhstan Enhanced Partnership and Cooperation Agreement, signed on 21 December 2015,",
		"having regard to its resolution on Belarus, which called on the Commission to act,",
		"whereas a law was adopted in Belarus by 120 votes to 3; whereas a text was tabled by the EPP group;",
	}
	t.Run("context gives mentioned countries and agreements but no demand, stance, vote or group", func(t *testing.T) {
		doc := extractOK(t, resolutionInput("en", "Resolution on Kazakhstan", context, "Calls on the Commission to act;"))
		concerns, mentions := roles(doc)
		if !slices.Equal(concerns, []string{"KZ"}) || !slices.Equal(mentions, []string{"BY"}) {
			t.Errorf("concerns %v, mentions %v", concerns, mentions)
		}
		if len(doc.Agreements) != 1 || doc.Agreements[0].Kind != graph.AgreementEPCA || doc.Agreements[0].Signed.String() != "2015-12-21" {
			t.Errorf("agreements %+v", doc.Agreements)
		}
		checkDemands(t, doc, []wantDemand{{[]string{"COMMISSION"}, "Calls on the Commission"}})
		checkStances(t, doc, nil)
		if doc.Resolution.Vote != nil || len(doc.Resolution.TabledBy) > 0 {
			t.Errorf("vote %+v, tabled by %+v read from context", doc.Resolution.Vote, doc.Resolution.TabledBy)
		}
	})
	t.Run("context does not decide the country concerned when the title names none", func(t *testing.T) {
		doc := extractOK(t, resolutionInput("en", "Resolution on human rights", []string{"having regard to its resolution on Belarus,"},
			"Calls on the Commission to act;"))
		if concerns, _ := roles(doc); len(concerns) != 0 {
			t.Errorf("concerns %v, want none", concerns)
		}
	})
	t.Run("a context paragraph ends the bullets of a lead", func(t *testing.T) {
		in := resolutionInput("en", "Resolution on China", nil, "Calls on the Commission to:", "- act;")
		in.Paragraphs = append(in.Paragraphs[:1], Paragraph{Span: in.Paragraphs[1].Span, Text: in.Paragraphs[1].Text, Context: true})
		doc := extractOK(t, in)
		if len(doc.Demands) != 1 || doc.Demands[0].Text != "Calls on the Commission to" {
			t.Errorf("demands %+v", doc.Demands)
		}
	})
}
