package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
	"github.com/eurel/eurel/internal/corpus"
)

// corpusTexts reads the corpus summaries.
func corpusTexts(b *testing.B) [][]byte {
	dir := filepath.Join(corpus.Dir(b), "oeil-summary")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts [][]byte
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, raw)
	}
	return texts
}

// parseAs parses the i-th text of a cycle through texts and gives it the identity of a new
// document and a new procedure (the real text's facts, under reference 9999/NNNNNN(RSP)), so
// that every iteration writes a document the store has not seen.
func parseAs(b *testing.B, texts [][]byte, i int) *graph.Document {
	doc, err := ingest.Parse(context.Background(), texts[i%len(texts)], "bench", nil)
	if err != nil {
		b.Fatal(err)
	}
	res := *doc.Resolution
	res.Reference = fmt.Sprintf("9999/%06d(RSP)", i)
	doc.Resolution = &res
	doc.Source.Key = fmt.Sprintf("bench/%d", i)
	doc.Source.SHA256 = fmt.Sprintf("%064x", i)
	return doc
}

func benchStore(b *testing.B) *graph.Store {
	st, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkIngestOneDocPerTx: parse, extract and store one summary per bbolt transaction,
// as `eurel ingest FILE` and the ingest mutation do.
func BenchmarkIngestOneDocPerTx(b *testing.B) {
	texts, st := corpusTexts(b), benchStore(b)
	ctx := context.Background()
	quads := 0
	for i := 0; b.Loop(); i++ {
		r, err := st.Put(ctx, parseAs(b, texts, i))
		if err != nil {
			b.Fatal(err)
		}
		quads += r.QuadsAdded
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkIngestBulk: parse, extract and store summaries in batches of batchSize documents
// per bbolt transaction, as `eurel ingest DIR` does.
func BenchmarkIngestBulk(b *testing.B) {
	texts, st := corpusTexts(b), benchStore(b)
	ctx := context.Background()
	quads, n := 0, 0
	var batch []*graph.Document
	flush := func() {
		rs, err := st.PutBatch(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			quads += r.QuadsAdded
		}
		batch = batch[:0]
	}
	for b.Loop() {
		batch = append(batch, parseAs(b, texts, n))
		n++
		if len(batch) == batchSize {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
}

// benchBackground is how many other documents the query benchmark's store holds: copies of
// the corpus summaries that do not concern Kazakhstan, each under a procedure of its own.
const benchBackground = 1000

// BenchmarkKazakhstanQuery asks the Kazakhstan question over HTTP of a server on a bbolt store
// holding the corpus and 1,000 other documents.
func BenchmarkKazakhstanQuery(b *testing.B) {
	texts, st := corpusTexts(b), benchStore(b)
	ctx := context.Background()
	var docs, others []*graph.Document
	var otherTexts [][]byte
	for i, t := range texts {
		doc, err := ingest.Parse(ctx, t, fmt.Sprint("corpus", i), nil)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		if !concerns(doc, "KZ") {
			otherTexts = append(otherTexts, t)
		}
	}
	for i := range benchBackground {
		others = append(others, parseAs(b, otherTexts, i))
	}
	if _, err := st.PutBatch(ctx, others); err != nil {
		b.Fatal(err)
	}
	if _, err := st.PutBatch(ctx, docs); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(gql.NewHandler(gqlConfig(st, slog.New(slog.NewTextHandler(io.Discard, nil)))))
	defer srv.Close()
	body, _ := json.Marshal(map[string]any{
		"query": `query($g: ID!) { agreements(country: "KZ") { name signed inForce resolutions { reference adopted
			demands { text addressees { name } evidence { quote start end document { id } } } } }
			demands(country: "KZ", addressee: $g) { totalCount edges { node { text evidence { quote } } } } }`,
		"variables": map[string]any{"g": graph.InstitutionID("GOVERNMENT:KZ")},
	})
	b.ResetTimer()
	for b.Loop() {
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || bytes.Contains(out, []byte(`"errors"`)) {
			b.Fatalf("%d %s", resp.StatusCode, out)
		}
	}
}

// concerns reports whether doc's resolution concerns the country.
func concerns(doc *graph.Document, code string) bool {
	for _, c := range doc.Countries {
		if c.Code == code && c.Role == graph.RoleConcerns {
			return true
		}
	}
	return false
}
