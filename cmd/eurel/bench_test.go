package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
	"github.com/eurel/eurel/internal/corpus"
	"github.com/eurel/eurel/internal/synth"
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

// benchDirN is how many synthetic summaries BenchmarkIngestDir writes and ingests: 2,000
// unless EUREL_BENCH_N says otherwise (100000 for the figures in BENCHMARKS.md).
func benchDirN(b *testing.B) int {
	n := 2000
	if v := os.Getenv("EUREL_BENCH_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("EUREL_BENCH_N=%q: want a positive number", v)
		}
	}
	return n
}

// benchPuts is how many single-document Puts BenchmarkIngestDir times on the loaded store.
const benchPuts = 200

// BenchmarkIngestDir writes N synthetic OEIL summaries (internal/synth; N from EUREL_BENCH_N,
// default 2,000) into files, runs `eurel ingest DIR` on them into a fresh bbolt store, and
// reports summaries/s, quads/s and the store's size on disk; then it times benchPuts
// single-document Puts (one transaction each, as the ingest mutation does) of other synthetic
// summaries on the loaded store and reports their median and 90th percentile. The corpus is
// written to EUREL_BENCH_DIR when set (and reused if it is already there), else to a
// temporary directory. Run it once per measurement:
//
//	EUREL_BENCH_N=100000 go test -run '^$' -bench IngestDir -benchtime 1x -timeout 2h ./cmd/eurel
func BenchmarkIngestDir(b *testing.B) {
	n := benchDirN(b)
	ctx := context.Background()
	gen := synth.New(synth.Config{Seed: 1, N: n + benchPuts})
	dir := os.Getenv("EUREL_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	dir = filepath.Join(dir, fmt.Sprintf("synth-%d", n))
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err != nil {
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		if err := synth.New(synth.Config{Seed: 1, N: n}).WriteDir(dir); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".complete"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		store := filepath.Join(b.TempDir(), "store")
		var stdout, stderr bytes.Buffer
		start := time.Now()
		err := ingestCmd(ctx, []string{"--store", store, "--json", dir}, nil, &stdout, &stderr)
		took := time.Since(start)
		if err != nil {
			b.Fatalf("eurel ingest: %v\n%s", err, stderr.Bytes())
		}
		quads, docs := 0, 0
		dec := json.NewDecoder(&stdout)
		for {
			var r fileResult
			if err := dec.Decode(&r); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			if r.Status != "added" {
				b.Fatalf("%s: %s %s", r.File, r.Status, r.Error)
			}
			docs++
			quads += r.Counts.Quads
		}
		if docs != n {
			b.Fatalf("%d results for %d summaries", docs, n)
		}
		b.ReportMetric(float64(n)/took.Seconds(), "docs/s")
		b.ReportMetric(float64(quads)/took.Seconds(), "quads/s")
		b.ReportMetric(float64(quads)/float64(n), "quads/doc")
		b.ReportMetric(float64(dirSize(b, store))/1e6, "MB")

		// One document per transaction on the loaded store.
		st, err := openStore(ctx, store)
		if err != nil {
			b.Fatal(err)
		}
		lat := make([]time.Duration, 0, benchPuts)
		for i := n; i < n+benchPuts; i++ {
			name, raw := gen.Summary(i)
			doc, err := ingest.Parse(ctx, raw, name, nil)
			if err != nil {
				b.Fatal(err)
			}
			t := time.Now()
			r, err := st.Put(ctx, doc)
			lat = append(lat, time.Since(t))
			if err != nil {
				b.Fatal(err)
			}
			if r.Status != graph.PutAdded {
				b.Fatalf("summary %d: %s", i, r.Status)
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "put-p50-ms")
		b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "put-p90-ms")
	}
}

// dirSize is the bytes the files under dir take on disk.
func dirSize(b *testing.B, dir string) int64 {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			size += st.Blocks * 512
		} else {
			size += info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return size
}
