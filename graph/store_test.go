package graph

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// backend opens an empty store of one kind for a test.
type backend struct {
	name string
	open func(t testing.TB) *Store
}

func backends() []backend {
	bs := []backend{
		{"memory", func(t testing.TB) *Store { return openStore(t, Config{Backend: BackendMemory}) }},
		{"bolt", func(t testing.TB) *Store { return openStore(t, Config{Backend: BackendBolt, Path: t.TempDir()}) }},
		{"bolt-legacy", func(t testing.TB) *Store { return openStore(t, Config{Backend: BackendBolt, Path: legacyBoltDir(t)}) }},
	}
	if pg, ok := postgresBackend(); ok {
		bs = append(bs, pg)
	}
	return bs
}

func openStore(t testing.TB, cfg Config) *Store {
	t.Helper()
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%+v): %v", cfg, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// forEachBackend runs the same test over every backend.
func forEachBackend(t *testing.T, test func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { test(t, b) })
	}
}

func put(t testing.TB, s *Store, doc *Document) PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), doc)
	if err != nil {
		t.Fatalf("Put(%s): %v", doc.Source.Key, err)
	}
	return res
}

// export is the store's N-Quads, sorted.
func export(t testing.TB, s *Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &buf); err != nil {
		t.Fatalf("ExportNQuads: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return ""
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// storeWith is a fresh store of the backend holding exactly docs, put one by one.
func storeWith(t testing.TB, b backend, docs ...*Document) *Store {
	s := b.open(t)
	for _, d := range docs {
		put(t, s, d)
	}
	return s
}

// nodeCount counts the node entries Cayley keeps, which orphaned nodes would inflate.
func nodeCount(t testing.TB, s *Store) int {
	t.Helper()
	ctx := context.Background()
	it := s.qs.NodesAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

func sameGraph(t *testing.T, got, want *Store) {
	t.Helper()
	g, w := export(t, got), export(t, want)
	if g != w {
		t.Errorf("graphs differ:\n%s", diffLines(g, w))
	}
	if gn, wn := nodeCount(t, got), nodeCount(t, want); gn != wn {
		t.Errorf("node entries: got %d, want %d (orphaned nodes?)", gn, wn)
	}
}

func diffLines(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

func TestPuttingTheSameDocumentTwiceLeavesTheGraphIdentical(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR(), mm())
		before, nodes := export(t, s), nodeCount(t, s)

		res := put(t, s, kzFR())
		if res.Status != PutUnchanged || res.QuadsAdded != 0 || res.QuadsRemoved != 0 {
			t.Errorf("second Put = %+v, want unchanged with no quads", res)
		}
		// Same bytes ingested again later: still unchanged, ingestedAt kept.
		again := kzFR()
		again.Source.IngestedAt = again.Source.IngestedAt.Add(48 * 3600e9)
		if res := put(t, s, again); res.Status != PutUnchanged {
			t.Errorf("Put of the same bytes at another time = %s, want unchanged", res.Status)
		}
		if after := export(t, s); after != before {
			t.Errorf("graph changed:\n%s", diffLines(after, before))
		}
		if n := nodeCount(t, s); n != nodes {
			t.Errorf("node entries %d, want %d", n, nodes)
		}
	})
}

func TestPuttingAChangedDocumentReplacesExactlyItsOldFacts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		v2 := changed(kzFR(), func(d *Document) {
			d.Source.Text = strings.Replace(d.Source.Text, "Chine", "Russie", 1)
			d.Countries = []CountryFact{d.Countries[0],
				{Code: "RU", Names: map[string]string{"fr": "Russie"}, Role: RoleMentions, Evidence: spanOf(d.Source.Text, "Russie")}}
			d.Demands = d.Demands[:1]
			d.Resolution = &Resolution{Reference: "2021/2544(RSP)", Title: "Kazakhstan (rectifié)", Adopted: Day(2022, 2, 10), AdoptedBy: CodeEP}
		})
		s := storeWith(t, b, kzFR(), kzEN())
		res := put(t, s, v2)
		if res.Status != PutReplaced || res.QuadsAdded == 0 || res.QuadsRemoved == 0 {
			t.Errorf("Put(v2) = %+v, want replaced with quads added and removed", res)
		}
		want := storeWith(t, b, kzEN(), v2)
		sameGraph(t, s, want)
	})
}

func TestAFactTwoDocumentsStateSurvivesDeletingOneOfThem(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN())
		res, kz := ResolutionID("2021/2544(RSP)"), CountryID("KZ")
		if ev, _ := s.EdgeEvidence(ctx, res, Concerns, kz); len(ev) != 2 {
			t.Fatalf("CONCERNS KZ has %d pieces of evidence, want 2: %+v", len(ev), ev)
		}

		if ok, err := s.Delete(ctx, kzFR().Source.ID()); !ok || err != nil {
			t.Fatalf("Delete(fr) = %v, %v", ok, err)
		}
		recs, err := s.Resolutions(ctx, []ID{res})
		if err != nil || recs[0] == nil {
			t.Fatalf("Resolutions after deleting fr: %v, %v", recs, err)
		}
		if !slices.Equal(recs[0].Concerns, []ID{kz}) {
			t.Errorf("Concerns = %v, want [KZ]", recs[0].Concerns)
		}
		if len(recs[0].Mentions) != 0 {
			t.Errorf("Mentions = %v, want none (only fr mentioned China)", recs[0].Mentions)
		}
		ev, err := s.EdgeEvidence(ctx, res, Concerns, kz)
		if err != nil || len(ev) != 1 || ev[0].Document != kzEN().Source.ID() || ev[0].Quote != "Kazakhstan" {
			t.Errorf("evidence after deleting fr = %+v, %v; want one from en quoting Kazakhstan", ev, err)
		}
		sameGraph(t, s, storeWith(t, b, kzEN()))

		if ok, err := s.Delete(ctx, kzEN().Source.ID()); !ok || err != nil {
			t.Fatalf("Delete(en) = %v, %v", ok, err)
		}
		if got := export(t, s); got != "" {
			t.Errorf("graph not empty after deleting both:\n%s", got)
		}
		if n := nodeCount(t, s); n != 0 {
			t.Errorf("%d node entries left after deleting every document (orphans)", n)
		}
		if recs, _ := s.Resolutions(ctx, []ID{res}); recs[0] != nil {
			t.Errorf("resolution still readable: %+v", recs[0])
		}
		if ok, err := s.Delete(ctx, kzEN().Source.ID()); ok || err != nil {
			t.Errorf("deleting a deleted document = %v, %v; want false, nil", ok, err)
		}
	})
}

func TestADeletedDocumentCanBePutAgain(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR())
		full, nodes := export(t, s), nodeCount(t, s)
		id := kzFR().Source.ID()
		for round := 0; round < 2; round++ {
			if ok, err := s.Delete(ctx, id); !ok || err != nil {
				t.Fatalf("round %d: Delete = %v, %v", round, ok, err)
			}
			if got := export(t, s); got != "" {
				t.Fatalf("round %d: graph not empty after Delete:\n%s", round, got)
			}
			if n := nodeCount(t, s); n != 0 {
				t.Fatalf("round %d: %d orphaned node entries", round, n)
			}
			if res := put(t, s, kzFR()); res.Status != PutAdded {
				t.Fatalf("round %d: Put after Delete = %s, want added", round, res.Status)
			}
			if got := export(t, s); got != full {
				t.Fatalf("round %d: graph after re-put differs:\n%s", round, diffLines(got, full))
			}
			if n := nodeCount(t, s); n != nodes {
				t.Fatalf("round %d: node entries %d, want %d", round, n, nodes)
			}
			docs, err := s.Documents(ctx, []ID{id})
			if err != nil || docs[0] == nil || docs[0].Text != kzTextFR {
				t.Fatalf("round %d: document not readable after re-put: %+v, %v", round, docs, err)
			}
		}
		s.Delete(ctx, id)
		if got := export(t, s); got != "" {
			t.Errorf("graph not empty after the final Delete:\n%s", got)
		}
	})
}

func TestAFailedPutLeavesTheGraphUnchanged(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR())
		before := export(t, s)

		bad := changed(kzFR(), func(d *Document) {
			d.Demands = slices.Clone(d.Demands)
			d.Demands[0].Addressees = []string{"NOBODY"}
		})
		if _, err := s.Put(ctx, bad); !errors.Is(err, ErrInvalidDocument) {
			t.Errorf("Put(invalid) error = %v, want ErrInvalidDocument", err)
		}
		_, err := s.PutBatch(ctx, []*Document{kzEN(), mm(), bad})
		var be *BatchError
		if !errors.As(err, &be) || be.Index != 2 || !errors.Is(err, ErrInvalidDocument) {
			t.Errorf("PutBatch error = %v, want a BatchError at index 2 wrapping ErrInvalidDocument", err)
		}
		// Documents are lowered in parallel: the error still names the first bad one.
		_, err = s.PutBatch(ctx, []*Document{kzEN(), bad, mm(), bad})
		if !errors.As(err, &be) || be.Index != 1 {
			t.Errorf("PutBatch with two bad documents: %v, want a BatchError at index 1", err)
		}
		if after := export(t, s); after != before {
			t.Errorf("graph changed by failed writes:\n%s", diffLines(after, before))
		}
	})
}

func TestPutBatchHasPutSemanticsForEachDocument(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		v2 := changed(kzFR(), func(d *Document) { d.Source.Text += " Fin." })
		s := b.open(t)
		res, err := s.PutBatch(ctx, []*Document{kzFR(), kzEN(), v2, kzEN()})
		if err != nil {
			t.Fatal(err)
		}
		got := []PutStatus{res[0].Status, res[1].Status, res[2].Status, res[3].Status}
		want := []PutStatus{PutAdded, PutAdded, PutReplaced, PutUnchanged}
		if !slices.Equal(got, want) {
			t.Errorf("statuses = %v, want %v", got, want)
		}
		sameGraph(t, s, storeWith(t, b, kzEN(), v2))

		res, err = s.PutBatch(ctx, []*Document{mm(), kzFR()})
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Status != PutAdded || res[1].Status != PutReplaced {
			t.Errorf("second batch = %+v", res)
		}
		sameGraph(t, s, storeWith(t, b, kzEN(), kzFR(), mm()))
	})
}

func TestEveryQuadCarriesItsDocumentAsLabel(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR(), kzEN(), mm())
		labels := map[string]bool{}
		for _, d := range []*Document{kzFR(), kzEN(), mm()} {
			labels["<urn:uuid:"+string(d.Source.ID())+">"] = true
		}
		for _, line := range strings.Split(export(t, s), "\n") {
			fields := strings.Fields(line)
			label := fields[len(fields)-2]
			if !labels[label] {
				t.Fatalf("quad without a document label: %s", line)
			}
		}
	})
}

func TestStatsCountNodesAsARecountWould(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := b.open(t)
		check := func(step string, docs int64) {
			t.Helper()
			kept, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if fresh := recount(t, s); !equalStats(kept, fresh) {
				t.Errorf("%s: kept counts %+v, recount %+v", step, kept, fresh)
			}
			if kept.Documents != docs {
				t.Errorf("%s: %d documents, want %d", step, kept.Documents, docs)
			}
			if want := int64(strings.Count(export(t, s), "\n")); export(t, s) != "" && kept.Quads != want+1 {
				t.Errorf("%s: %d quads, export has %d", step, kept.Quads, want+1)
			}
		}
		check("empty", 0)
		put(t, s, kzFR())
		check("fr", 1)
		put(t, s, kzEN())
		check("fr+en", 2)
		if st, _ := s.Stats(ctx); st.Nodes[KindCountry] != 2 || st.Nodes[KindResolution] != 1 || st.Nodes[KindDemand] != 3 {
			t.Errorf("nodes = %v, want 2 countries, 1 resolution, 3 demands", st.Nodes)
		}
		put(t, s, changed(kzFR(), func(d *Document) { d.Countries = d.Countries[:1]; d.Source.Text += "." }))
		check("fr v2", 2)
		s.Delete(ctx, kzEN().Source.ID())
		check("en deleted", 1)
		s.PutBatch(ctx, []*Document{kzEN(), mm()})
		check("batch", 3)
	})
}

func equalStats(a, b Stats) bool {
	return a.Documents == b.Documents && a.Quads == b.Quads && maps.Equal(a.Nodes, b.Nodes) && maps.Equal(a.Edges, b.Edges)
}

func isEdge(p quad.Value) bool {
	iri, _ := p.(quad.IRI)
	_, ok := edgePreds[iri]
	return ok
}

// recount counts the nodes, edges and quads of an export, as Stats should.
func recount(t *testing.T, s *Store) Stats {
	t.Helper()
	st := Stats{Nodes: map[NodeKind]int64{}, Edges: map[Predicate]int64{}}
	for _, k := range NodeKinds {
		st.Nodes[k] = 0
	}
	for _, p := range Predicates {
		st.Edges[p] = 0
	}
	kinds, edges := map[string]bool{}, map[string]bool{}
	r := nquads.NewReader(strings.NewReader(export(t, s)), false)
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		st.Quads++
		p := Predicate(strings.TrimPrefix(string(q.Predicate.(quad.IRI)), NS))
		switch key := quad.ToString(q.Subject) + " " + quad.ToString(q.Object); {
		case q.Predicate == pKind && !kinds[key]:
			kinds[key] = true
			st.Nodes[NodeKind(str(q.Object))]++
		case isEdge(q.Predicate) && !edges[string(p)+key]:
			edges[string(p)+key] = true
			st.Edges[p]++
		}
	}
	st.Documents = st.Nodes[KindDocument]
	return st
}

func TestTheSameBytesReadByANewerExtractorReplaceWhatTheOldOneSaid(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR())
		richer := kzFR()
		richer.Source.IngestedAt = richer.Source.IngestedAt.Add(3600e9)
		richer.Source.Name = "another-name.txt"
		if res := put(t, s, richer); res.Status != PutUnchanged {
			t.Fatalf("same bytes, same facts, other name and time: %s, want unchanged", res.Status)
		}
		richer.Stances = append(richer.Stances, Stance{Position: 99, Kind: StanceWelcomes, Text: richer.Demands[0].Text, Evidence: richer.Demands[0].Evidence})
		if res := put(t, s, richer); res.Status != PutReplaced || res.QuadsAdded == 0 {
			t.Fatalf("same bytes, one more stance: %+v, want replaced", res)
		}
		if export(t, s) != export(t, storeWith(t, b, richer)) {
			t.Error("the replaced document differs from the newer reading stored afresh")
		}
	})
}
