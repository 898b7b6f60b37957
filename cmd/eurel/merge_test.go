package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// wholeCorpusServer serves a memory store holding every text of the corpus and the two
// document pages written for the tests (a French joint motion and the English text adopted of
// the same invented procedure, 2099/9999(RSP)), ingested one by one as `eurel ingest` does.
func wholeCorpusServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	args := []string{corpus.Dir(t), filepath.Join("..", "..", "ingest", "doceo", "testdata", "joint-motion-fr.html"),
		filepath.Join("..", "..", "ingest", "doceo", "testdata", "text-adopted-en.html")}
	for _, in := range expandArgs(args, nil) {
		for _, r := range ingestBatch(ctx, st, []input{in}) {
			if r.Status == "failed" {
				t.Fatalf("%s: %s", r.File, r.Error)
			}
		}
	}
	srv := httptest.NewServer(gql.NewHandler(gqlConfig(st, slog.New(slog.NewTextHandler(io.Discard, nil)))))
	t.Cleanup(srv.Close)
	return srv
}

type procDoc struct {
	Reference, Kind string
	Date, Eli       *string
	Replaces        []struct{ Reference string }
	AdoptedAs       []struct{ Reference string }
	Texts           []struct{ Key string }
	Sources         []struct{ Key string }
}

const procedureQuery = `query($ref: String!) {
  procedure(reference: $ref) {
    reference type eli
    keyEvents { date name documents { reference kind } evidence { quote } }
    documents { reference kind date eli replaces { reference } adoptedAs { reference } texts { key } sources { key } }
    sources { key kind }
    resolution {
      tabledBy { code }
      concerns { code }
      agreements { kind resolutions { reference } }
      demands { text }
      recipients { __typename ... on Country { code } ... on Institution { key } }
      cites { reference adopted title(lang: "fr") }
      conflicts { property lang value document { key } }
    }
  }
}`

type procedureAnswer struct {
	Procedure *struct {
		Reference, Type string
		Eli             *string
		KeyEvents       []struct {
			Date, Name string
			Documents  []struct{ Reference, Kind string }
			Evidence   struct{ Quote string }
		}
		Documents  []procDoc
		Sources    []struct{ Key, Kind string }
		Resolution struct {
			TabledBy   []struct{ Code string }
			Concerns   []struct{ Code string }
			Agreements []struct {
				Kind        string
				Resolutions []struct{ Reference string }
			}
			Demands    []struct{ Text string }
			Recipients []struct{ Typename, Code, Key string }
			Cites      []struct {
				Reference, Title string
				Adopted          *string
			}
			Conflicts []struct {
				Property, Value string
				Lang            *string
				Document        struct{ Key string }
			}
		}
	}
}

func askProcedure(t *testing.T, srv *httptest.Server, ref string) procedureAnswer {
	t.Helper()
	var a procedureAnswer
	query(t, srv, procedureQuery, map[string]any{"ref": ref}, &a)
	if a.Procedure == nil {
		t.Fatalf("no procedure %s", ref)
	}
	return a
}

func docNamed(t *testing.T, docs []procDoc, ref string) procDoc {
	t.Helper()
	for _, d := range docs {
		if d.Reference == ref {
			return d
		}
	}
	t.Fatalf("no document %s among %+v", ref, docs)
	return procDoc{}
}

func refs[T any](xs []T, f func(T) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// TestEveryTextAboutAProcedureMergesIntoOneGraph asks GraphQL what the joint motion, the
// procedure's Open Data Portal records and its procedure file say together.
func TestEveryTextAboutAProcedureMergesIntoOneGraph(t *testing.T) {
	srv := wholeCorpusServer(t)
	ref := func(x struct{ Reference string }) string { return x.Reference }
	key := func(x struct{ Key string }) string { return x.Key }

	t.Run("the joint motion on Ukrainian children, its ODP record and its procedure's record are one procedure", func(t *testing.T) {
		p := askProcedure(t, srv, "2025/2691(RSP)").Procedure
		if p.Type != "RSP" || p.Eli == nil || *p.Eli != "eli/dl/proc/2025-2691" {
			t.Errorf("type %q, eli %v", p.Type, p.Eli)
		}
		srcs := refs(p.Sources, func(s struct{ Key, Kind string }) string { return s.Key })
		for _, want := range []string{"doceo/RC-B10-0249/2025/en", "odp/eli/dl/doc/RC-10-2025-0249", "odp/eli/dl/proc/2025-2691"} {
			if !slices.Contains(srcs, want) {
				t.Errorf("sources %q lack %s", srcs, want)
			}
		}
		jm := docNamed(t, p.Documents, "RC-B10-0249/2025")
		motions := []string{"B10-0249/2025", "B10-0250/2025", "B10-0252/2025", "B10-0255/2025", "B10-0258/2025"}
		if got := refs(jm.Replaces, ref); !sameSet(got, motions) {
			t.Errorf("the joint motion replaces %q, want %q", got, motions)
		}
		if jm.Kind != "JOINT_MOTION" || jm.Eli == nil || *jm.Eli != "eli/dl/doc/RC-10-2025-0249" || jm.Date == nil || *jm.Date != "2025-05-07" ||
			!slices.Equal(refs(jm.AdoptedAs, ref), []string{"T10-0096/2025"}) {
			t.Errorf("joint motion %+v", jm)
		}
		if got := refs(jm.Texts, key); !sameSet(got, []string{"doceo/RC-B10-0249/2025/en", "odp/eli/dl/doc/RC-10-2025-0249"}) {
			t.Errorf("the joint motion's texts %q: want its page and its ODP record", got)
		}
		if ta := docNamed(t, p.Documents, "T10-0096/2025"); ta.Kind != "TEXT_ADOPTED" {
			t.Errorf("text adopted %+v", ta)
		}
		docNamed(t, p.Documents, "B10-0247/2025") // only the procedure's ODP record lists it
		var groups, countries, recipients []string
		for _, g := range p.Resolution.TabledBy {
			groups = append(groups, g.Code)
		}
		for _, c := range p.Resolution.Concerns {
			countries = append(countries, c.Code)
		}
		for _, r := range p.Resolution.Recipients {
			recipients = append(recipients, r.Code+r.Key)
		}
		for _, g := range []string{"EPP", "SD", "ECR", "RENEW", "GREEN_EFA"} {
			if !slices.Contains(groups, g) {
				t.Errorf("tabled by %q, want %s among them", groups, g)
			}
		}
		if !sameSet(countries, []string{"RU", "UA"}) || len(p.Resolution.Demands) < 6 {
			t.Errorf("concerns %q with %d demands, want RU and UA and at least 6", countries, len(p.Resolution.Demands))
		}
		for _, r := range []string{"VPHR", "COUNCIL", "COMMISSION", "COE", "OSCE", "GOVERNMENT:UA", "US", "RU", "BY"} {
			if !slices.Contains(recipients, r) {
				t.Errorf("forwarded to %q, want %s among them", recipients, r)
			}
		}
	})

	t.Run("the Myanmar procedure file gives its key events, the decision naming the text adopted", func(t *testing.T) {
		p := askProcedure(t, srv, "2021/2540(RSP)").Procedure
		var names []string
		for _, e := range p.KeyEvents {
			names = append(names, e.Date+" "+e.Name)
			if e.Evidence.Quote == "" {
				t.Errorf("event %s has no evidence", e.Name)
			}
			if e.Name == "Decision by Parliament" && (len(e.Documents) != 1 || e.Documents[0].Reference != "T9-0054/2021" || e.Documents[0].Kind != "TEXT_ADOPTED") {
				t.Errorf("the decision names %+v, want the text adopted T9-0054/2021", e.Documents)
			}
		}
		want := []string{"2021-02-09 Debate in Parliament", "2021-02-11 Decision by Parliament", "2021-02-11 End of procedure in Parliament"}
		if !slices.Equal(names, want) {
			t.Errorf("key events %q, want %q", names, want)
		}
		if len(p.Documents) != 7 || len(p.Sources) != 2 {
			t.Errorf("%d documents and %d sources, want 7 and 2 (summary and procedure file)", len(p.Documents), len(p.Sources))
		}
	})

	t.Run("the Rules of Procedure report is one document whichever text names it, and its sources' titles conflict", func(t *testing.T) {
		p := askProcedure(t, srv, "2024/2006(REG)").Procedure
		report := docNamed(t, p.Documents, "A9-0163/2024")
		if got := refs(report.Texts, key); !sameSet(got, []string{"doceo/A9-0163/2024/en", "odp/eli/dl/doc/A-9-2024-0163"}) {
			t.Errorf("the report's texts %q: want its page and its ODP record", got)
		}
		if len(report.Sources) != 4 || report.Kind != "REPORT" || !slices.Equal(refs(report.AdoptedAs, ref), []string{"T9-0315/2024"}) {
			t.Errorf("report %+v: want four sources naming it (page, two ODP records, procedure file) and its text adopted", report)
		}
		// The procedure file writes the draft report PE759.748, the ODP record AFCO-PR-759748.
		if draft := docNamed(t, p.Documents, "PE759.748"); len(draft.Sources) != 2 {
			t.Errorf("the draft report has sources %q, want the procedure file and the ODP record", refs(draft.Sources, key))
		}
		titles := map[string]bool{}
		for _, c := range p.Resolution.Conflicts {
			if c.Property == "title" {
				titles[c.Value+" ("+c.Document.Key+")"] = true
			}
		}
		if len(titles) < 2 {
			t.Errorf("title conflicts %v: the four sources give different English titles", titles)
		}
	})

	t.Run("a joint motion's citations reach the agreement and the resolutions it cites", func(t *testing.T) {
		p := askProcedure(t, srv, "2099/9999(RSP)").Procedure
		found := false
		for _, a := range p.Resolution.Agreements {
			if a.Kind == "STABILISATION_AND_ASSOCIATION" {
				found = slices.Contains(refs(a.Resolutions, ref), "2099/9999(RSP)")
			}
		}
		if !found {
			t.Errorf("agreements %+v: the EU–Serbia SAA the motion cites does not list the resolution", p.Resolution.Agreements)
		}
		// The French motion and the English text adopted cite the same two resolutions, each in
		// its language: four nodes, as the graph has neither resolution under its reference.
		var cited []string
		for _, c := range p.Resolution.Cites {
			if c.Adopted != nil {
				cited = append(cited, *c.Adopted+" "+c.Title)
			}
		}
		for _, want := range []string{"2099-03-02 la Serbie", "2098-12-15 l’état de droit dans les Balkans occidentaux"} {
			if !slices.Contains(cited, want) {
				t.Errorf("cites %q, want %q", cited, want)
			}
		}
	})
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
