package gql_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

const ingestMutation = `mutation($text: String!, $name: String) {
	ingest(input: {text: $text, name: $name}) {
		status warnings
		document { id key kind language name sha256 ingestedAt text }
		resolution { reference title demands { text } }
	}
}`

type ingestAnswer struct {
	Ingest struct {
		Status   string
		Warnings []string
		Document struct {
			ID                                graph.ID
			Key, Kind, Language, Sha256, Text string
			Name                              *string
			IngestedAt                        string
		}
		Resolution *struct {
			Reference, Title string
			Demands          []struct{ Text string }
		}
	}
}

// graphSnapshot is everything the API shows of a store, to compare before and after.
func graphSnapshot(t *testing.T, srv *testServer) string {
	t.Helper()
	a := srv.post(t, `{
		countries { code name institutions { key } agreements { id } }
		resolutions(first: 100) { totalCount nodes { reference title adopted demands { id text } sources { id sha256 } } }
		demands(first: 100) { totalCount nodes { id text } }
		agreements { id name resolutions { reference } }
	}`, nil)
	if len(a.Errors) > 0 {
		t.Fatalf("snapshot: %+v", a.Errors)
	}
	return string(a.Data)
}

func TestIngest(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, kzEN())
		srv := serve(t, st)
		doc := mm()

		t.Run("a new text is added and answered with its document and resolution", func(t *testing.T) {
			var got ingestAnswer
			srv.ok(t, ingestMutation, map[string]any{"text": asText(doc), "name": "myanmar.txt"}, &got)
			in := got.Ingest
			if in.Status != "ADDED" || in.Document.ID != doc.Source.ID() || in.Document.Key != doc.Source.Key ||
				in.Document.Name == nil || *in.Document.Name != "myanmar.txt" || in.Document.Text != mmText || in.Document.Language != "en" {
				t.Errorf("ingest = %+v", in)
			}
			if in.Resolution == nil || in.Resolution.Reference != "2021/2540(RSP)" || len(in.Resolution.Demands) != 1 {
				t.Errorf("resolution = %+v", in.Resolution)
			}
			if len(in.Warnings) != 0 {
				t.Errorf("warnings = %q, want none", in.Warnings)
			}
			var after struct{ Resolution *struct{ Title string } }
			srv.ok(t, `{ resolution(reference: "2021/2540(RSP)") { title } }`, nil, &after)
			if after.Resolution == nil || after.Resolution.Title != "Myanmar" {
				t.Errorf("after ingest, resolution = %+v", after.Resolution)
			}
		})
		t.Run("the same text again is unchanged, with a warning", func(t *testing.T) {
			var got ingestAnswer
			srv.ok(t, ingestMutation, map[string]any{"text": asText(doc), "name": "myanmar.txt"}, &got)
			if got.Ingest.Status != "UNCHANGED" || !slices.Contains(got.Ingest.Warnings, "unchanged: the same text was already stored") {
				t.Errorf("status %s, warnings %q", got.Ingest.Status, got.Ingest.Warnings)
			}
		})
		t.Run("a new version of the same source replaces it, and the next query sees it", func(t *testing.T) {
			v2 := mm()
			v2.Source.Text += " Parliament also calls for elections."
			v2.Source.SHA256 = digest(v2.Source.Text)
			v2.Resolution.Title = "Situation in Myanmar"
			var got ingestAnswer
			srv.ok(t, `mutation($text: String!) {
				ingest(input: {text: $text}) { status resolution { title } }
				after: ingest(input: {text: $text}) { status resolution { title } }
			}`, map[string]any{"text": asText(v2)}, &got)
			if got.Ingest.Status != "REPLACED" || got.Ingest.Resolution.Title != "Situation in Myanmar" {
				t.Errorf("ingest = %+v", got.Ingest)
			}
		})
		t.Run("a text without a resolution is stored with a warning", func(t *testing.T) {
			note := &graph.Document{Source: graph.Source{Key: "note/1", Kind: graph.DocOther, Language: "en", Text: "A note.", SHA256: digest("A note.")}}
			var got ingestAnswer
			srv.ok(t, ingestMutation, map[string]any{"text": asText(note)}, &got)
			if got.Ingest.Resolution != nil || len(got.Ingest.Warnings) != 1 || !strings.HasPrefix(got.Ingest.Warnings[0], "no resolution") {
				t.Errorf("ingest = %+v", got.Ingest)
			}
		})
	})
}

func TestIngestRefusesBadInputAndWritesNothing(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		srv := serve(t, st)
		before := graphSnapshot(t, srv)
		cases := []struct {
			name, text, code string
			parts            []string
		}{
			{"an empty text", "   ", "BAD_INPUT", []string{"bad input: the text is empty"}},
			{"a text the parser cannot read", "<html>not a summary</html>", "BAD_INPUT", []string{"bad input: not a eurel test document"}},
			{"a parser failure of ours", "FAIL", "INTERNAL", []string{"internal error (ref "}},
			{"a parser panic", "PANIC", "INTERNAL", []string{"internal error (ref "}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				a := srv.post(t, ingestMutation, map[string]any{"text": c.text})
				wantError(t, a, c.code, c.parts...)
				if string(a.Data) != "null" {
					t.Errorf("data = %s, want null", a.Data)
				}
				for _, e := range a.Errors {
					if strings.Contains(e.Message, "/secret/path") {
						t.Errorf("the error leaks details: %q", e.Message)
					}
				}
				if after := graphSnapshot(t, srv); after != before {
					t.Errorf("the graph changed after a refused ingest:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
		if logs := srv.log.String(); !strings.Contains(logs, "/secret/path/names.db") || !strings.Contains(logs, "parser exploded") {
			t.Errorf("the details of INTERNAL errors are not in the log:\n%s", logs)
		}
	})
}

func TestDeleteDocument(t *testing.T) {
	eachStore(t, func(t *testing.T, newStore storeFactory) {
		st := newStore(t, fixtureDocs()...)
		srv := serve(t, st)
		del := func(id graph.ID) bool {
			var got struct{ DeleteDocument bool }
			srv.ok(t, `mutation($id: ID!) { deleteDocument(id: $id) }`, map[string]any{"id": id}, &got)
			return got.DeleteDocument
		}
		if !del(mm().Source.ID()) {
			t.Fatal("deleteDocument of a stored document = false")
		}
		var got struct {
			Resolution  *struct{ ID string }
			Resolutions struct{ TotalCount int }
		}
		srv.ok(t, `{ resolution(reference: "2021/2540(RSP)") { id } resolutions { totalCount } }`, nil, &got)
		if got.Resolution != nil || got.Resolutions.TotalCount != 1 {
			t.Errorf("after the delete: %+v", got)
		}
		t.Run("what another document also says survives", func(t *testing.T) {
			if !del(kzFR().Source.ID()) {
				t.Fatal("deleteDocument = false")
			}
			var got struct {
				Resolution struct{ Titles []struct{ Lang string } }
			}
			srv.ok(t, `{ resolution(reference: "2021/2544(RSP)") { titles { lang } } }`, nil, &got)
			if len(got.Resolution.Titles) != 1 || got.Resolution.Titles[0].Lang != "en" {
				t.Errorf("titles = %+v", got.Resolution.Titles)
			}
		})
		t.Run("an unknown document is false, not an error", func(t *testing.T) {
			if del(mm().Source.ID()) || del("not-an-id") {
				t.Error("deleteDocument of an unknown document = true")
			}
		})
	})
}

func TestMutationsWithoutWriterAreInternal(t *testing.T) {
	srv := serve(t, openGraphStore(t), func(c *gql.Config) { c.Writer = nil; c.Parse = nil })
	a := srv.post(t, `mutation { deleteDocument(id: "x") }`, nil)
	wantError(t, a, "INTERNAL")
}
