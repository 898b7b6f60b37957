package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/corpus"
)

// corpusServer serves a memory store holding every OEIL summary of the corpus, wired exactly
// as `eurel serve` wires it.
func corpusServer(t *testing.T) (*httptest.Server, *graph.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, r := range ingestBatch(ctx, st, expandArgs([]string{filepath.Join(corpus.Dir(t), "oeil-summary")}, nil)) {
		if r.Status != "added" {
			t.Fatalf("%s: %s %s", r.File, r.Status, r.Error)
		}
	}
	srv := httptest.NewServer(gql.NewHandler(gqlConfig(st, slog.New(slog.NewTextHandler(io.Discard, nil)))))
	t.Cleanup(srv.Close)
	return srv, st
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// query POSTs a query and decodes the data into out, failing on any GraphQL error.
func query(t *testing.T, srv *httptest.Server, q string, vars map[string]any, out any) {
	t.Helper()
	resp := post(t, srv, q, vars)
	if len(resp.Errors) > 0 {
		t.Fatalf("query failed: %+v", resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		t.Fatalf("%s: %v", resp.Data, err)
	}
}

func post(t *testing.T, srv *httptest.Server, q string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	res, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("status %d: %v", res.StatusCode, err)
	}
	return r
}

func dump(t *testing.T, st *graph.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.ExportNQuads(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestTheKazakhstanQuestion asks which demands the Parliament addressed to the government of
// Kazakhstan in the resolution that refers to the EU–Kazakhstan EPCA, with the sentence each
// was read from.
func TestTheKazakhstanQuestion(t *testing.T) {
	srv, _ := corpusServer(t)
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-summary", "2021-2544-RSP.fr.txt"))
	if err != nil {
		t.Fatal(err)
	}

	var kz struct {
		Country struct {
			Name         string
			Agreements   []struct{ ID, Name, Kind, Signed, InForce string }
			Institutions []struct{ ID, Name, Kind string }
		}
	}
	query(t, srv, `{ country(code: "KZ") { name agreements { id name kind signed inForce } institutions { id name kind } } }`, nil, &kz)
	if kz.Country.Name != "Kazakhstan" || len(kz.Country.Agreements) != 1 {
		t.Fatalf("country KZ: %+v", kz.Country)
	}
	epca := kz.Country.Agreements[0]
	if epca.Kind != "ENHANCED_PARTNERSHIP_AND_COOPERATION" || epca.Signed != "2015" || epca.InForce != "2020-03-01" {
		t.Errorf("agreement %+v", epca)
	}
	gov := ""
	for _, in := range kz.Country.Institutions {
		if in.Kind == "GOVERNMENT" {
			gov = in.ID
		}
	}
	if gov == "" {
		t.Fatalf("no government among %+v", kz.Country.Institutions)
	}

	var walk struct {
		Agreement struct {
			Resolutions []struct {
				Reference string
				Demands   []struct {
					Text       string
					Addressees []struct{ ID, Name string }
					Agreements []struct{ ID string }
					Evidence   struct {
						Quote      string
						Start, End int
						Document   struct{ Kind, Language string }
					}
				}
			}
		}
		Demands struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Text       string
					Resolution struct{ Reference string }
					Evidence   struct{ Quote string }
				}
			}
		}
	}
	query(t, srv, `query($a: ID!, $g: ID!) {
		agreement(id: $a) { resolutions { reference demands { text addressees { id name } agreements { id }
			evidence { quote start end document { kind language } } } } }
		demands(country: "KZ", addressee: $g, first: 50) { totalCount edges { node { text resolution { reference } evidence { quote } } } }
	}`, map[string]any{"a": epca.ID, "g": gov}, &walk)

	rs := walk.Agreement.Resolutions
	if len(rs) != 1 || rs[0].Reference != "2021/2544(RSP)" {
		t.Fatalf("agreement → resolutions: %+v", rs)
	}
	toGov, review := 0, 0
	for _, d := range rs[0].Demands {
		if d.Evidence.Quote != d.Text || !strings.Contains(string(raw), d.Evidence.Quote) {
			t.Errorf("demand %q: its quote %q is not the text's own words", d.Text, d.Evidence.Quote)
		}
		if d.Evidence.Document.Kind != "OEIL_SUMMARY" || d.Evidence.Document.Language != "fr" || d.Evidence.End <= d.Evidence.Start {
			t.Errorf("evidence %+v", d.Evidence)
		}
		for _, a := range d.Addressees {
			if a.ID == gov {
				toGov++
			}
		}
		if strings.Contains(d.Text, "examen complet de l'accord") {
			if len(d.Agreements) != 1 || d.Agreements[0].ID != epca.ID {
				t.Errorf("the review demand does not target the EPCA: %+v", d)
			}
			review++
		}
	}
	if toGov != 9 || review != 1 {
		t.Errorf("%d demands to the government (want 9), %d review demands (want 1)", toGov, review)
	}
	if walk.Demands.TotalCount != 9 || len(walk.Demands.Edges) != 9 {
		t.Errorf("demands(country: KZ, addressee: government): %d of %d, want 9", len(walk.Demands.Edges), walk.Demands.TotalCount)
	}
	for _, e := range walk.Demands.Edges {
		if e.Node.Resolution.Reference != "2021/2544(RSP)" || e.Node.Evidence.Quote == "" {
			t.Errorf("demand %+v", e.Node)
		}
	}
}

func TestResolutionsPageThroughTheCorpus(t *testing.T) {
	srv, _ := corpusServer(t)
	type page struct {
		Resolutions struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Edges []struct{ Node struct{ Reference string } }
		}
	}
	var p1, p2 page
	query(t, srv, `{ resolutions(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { reference } } } }`, nil, &p1)
	if p1.Resolutions.TotalCount != 3 || len(p1.Resolutions.Edges) != 2 || !p1.Resolutions.PageInfo.HasNextPage {
		t.Fatalf("first page %+v", p1)
	}
	query(t, srv, `query($c: String) { resolutions(first: 2, after: $c) { totalCount pageInfo { hasNextPage endCursor } edges { node { reference } } } }`,
		map[string]any{"c": p1.Resolutions.PageInfo.EndCursor}, &p2)
	if len(p2.Resolutions.Edges) != 1 || p2.Resolutions.PageInfo.HasNextPage {
		t.Fatalf("second page %+v", p2)
	}
	seen := map[string]bool{}
	for _, e := range append(p1.Resolutions.Edges, p2.Resolutions.Edges...) {
		seen[e.Node.Reference] = true
	}
	if len(seen) != 3 {
		t.Errorf("pages gave %v", seen)
	}

	var myanmar struct {
		Resolution struct {
			Title    string
			Vote     struct{ For, Against, Abstentions int }
			Concerns []struct{ Code string }
			TabledBy []struct{ Code string }
			Stances  []struct{ Kind, Text string }
		}
	}
	query(t, srv, `{ resolution(reference: "2021/2540(RSP)") { title vote { for against abstentions } concerns { code } tabledBy { code } stances { kind text } } }`, nil, &myanmar)
	r := myanmar.Resolution
	if r.Vote.For != 667 || r.Vote.Against != 1 || r.Vote.Abstentions != 27 || len(r.Concerns) != 1 || r.Concerns[0].Code != "MM" || len(r.TabledBy) != 6 {
		t.Errorf("Myanmar resolution: %+v", r)
	}
}

func TestTheIngestMutationRefusesBadTextAndWritesNothing(t *testing.T) {
	srv, st := corpusServer(t)
	before := dump(t, st)
	for name, text := range map[string]string{
		"empty":   "",
		"spanish": "Resolución sobre la situación en Myanmar\n\n2021/2540(RSP) - 11/02/2021 - Texto aprobado por el Parlamento, lectura única\n\nEl Parlamento Europeo aprobó por 667 votos a favor, 1 en contra y 27 abstenciones una resolución sobre la situación en Myanmar.\n",
		"title":   "Resolution on the situation in Myanmar",
	} {
		r := post(t, srv, `mutation($t: String!, $n: String) { ingest(input: {text: $t, name: $n}) { document { id } } }`, map[string]any{"t": text, "n": name})
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "BAD_INPUT" || !strings.Contains(r.Errors[0].Message, name) {
			t.Errorf("%s: %+v", name, r.Errors)
		}
	}
	if dump(t, st) != before {
		t.Error("a refused text changed the graph")
	}
}

func TestTheIngestMutationAddsReplacesAndDeletes(t *testing.T) {
	srv, st := corpusServer(t)
	before := dump(t, st)
	raw, err := os.ReadFile(filepath.Join(corpus.Dir(t), "oeil-summary", "1651118.en.html"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Ingest struct {
			Document   struct{ ID string }
			Resolution struct{ Reference string }
			Warnings   []string
		}
	}
	const ingest = `mutation($t: String!, $n: String) { ingest(input: {text: $t, name: $n}) { document { id } resolution { reference } warnings } }`
	vars := map[string]any{"t": string(raw), "n": filepath.Join(corpus.Dir(t), "oeil-summary", "1651118.en.html")}
	query(t, srv, ingest, vars, &res)
	if res.Ingest.Resolution.Reference != "2021/2540(RSP)" || len(res.Ingest.Warnings) == 0 {
		t.Errorf("ingesting a stored text again: %+v (want a warning that it is unchanged)", res.Ingest)
	}
	if dump(t, st) != before {
		t.Error("ingesting the same text again changed the graph")
	}

	var del struct{ DeleteDocument bool }
	query(t, srv, `mutation($id: ID!) { deleteDocument(id: $id) }`, map[string]any{"id": res.Ingest.Document.ID}, &del)
	var after struct{ Resolution *struct{ Reference string } }
	query(t, srv, `{ resolution(reference: "2021/2540(RSP)") { reference } }`, nil, &after)
	if !del.DeleteDocument || after.Resolution != nil {
		t.Errorf("after deleting its only source, the resolution is %+v", after.Resolution)
	}
	query(t, srv, ingest, vars, &res)
	if got := withoutIngestTimes(dump(t, st)); got != withoutIngestTimes(before) {
		t.Errorf("ingesting a deleted text again did not restore the graph as it was (ingest times aside):\n%s", diffLines(withoutIngestTimes(before), got))
	}
}

// withoutIngestTimes drops the quads that record when a document was ingested.
func withoutIngestTimes(nquads string) string {
	var keep []string
	for _, l := range strings.Split(nquads, "\n") {
		if !strings.Contains(l, "#ingestedAt>") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// diffLines lists the lines only in a (-) and only in b (+).
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for l := range ma {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range mb {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

func TestServeWarnsWhenTheGraphCrowdsTheMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	keep := make([]byte, 8<<20) // live for sure at the collection warnIfCrowded runs
	for _, tc := range []struct {
		name  string
		limit int64
		warns bool
	}{
		{"a limit below what is live warns", 4 << 20, true},
		{"a roomy limit says nothing", 1 << 40, false},
		{"no limit says nothing", math.MaxInt64, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(tc.limit)
			var out bytes.Buffer
			warnIfCrowded(slog.New(slog.NewTextHandler(&out, nil)))
			if got := strings.Contains(out.String(), "raise --memory-limit-mb"); got != tc.warns {
				t.Errorf("warned %v, want %v: %q", got, tc.warns, out.String())
			}
		})
	}
	runtime.KeepAlive(keep)
}
