package graph

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// Benchmarks on the bolt backend with synthetic documents shaped like real summaries: one
// resolution, a country concerned and two mentioned, an agreement, five institutions and
// groups, two topics, four demands and two stances (about 25 edges, 150 quads).
//
//	go test ./graph -run '^$' -bench . -benchtime 200x

var benchCountries = strings.Fields("KZ CN RU BY MM IR SY TR AZ AM GE UA MD RS VE NI CU EG SA AF ET NG KE UG BI")

// synthDoc is the i-th synthetic document; version changes its text (and so its SHA256).
func synthDoc(i, version int) *Document {
	country := benchCountries[i%len(benchCountries)]
	other1, other2 := benchCountries[(i+3)%len(benchCountries)], benchCountries[(i+7)%len(benchCountries)]
	var b strings.Builder
	fmt.Fprintf(&b, "Resolution %d (version %d) on the situation in %s, with regard to %s and %s. ", i, version, country, other1, other2)
	fmt.Fprintf(&b, "Adopted by 500 votes to 20, with 30 abstentions, tabled by EPP, S&D, Renew and Greens/EFA. ")
	fmt.Fprintf(&b, "Recalls the partnership and cooperation agreement between the EU and %s. ", country)
	for d := 1; d <= 4; d++ {
		fmt.Fprintf(&b, "Demand %d: calls on the government of %s to release political prisoner number %d and end torture. ", d, country, i*10+d)
	}
	b.WriteString("Condemns the crackdown. Welcomes the release of some detainees. ")
	b.WriteString(strings.Repeat("Further considerations of the Parliament. ", 20))
	text := b.String()
	key := fmt.Sprintf("bench/%d", i)
	agr := Agreement{Kind: AgreementPCA, Parties: []Party{{Institution: CodeEU}, {Country: country}},
		Names:  map[string]string{"en": "EU-" + country + " partnership and cooperation agreement"},
		Signed: PartialDate{Year: 1999}, Evidence: spanOf(text, "the partnership and cooperation agreement")}
	gov := "GOVERNMENT:" + country
	doc := &Document{
		Source: Source{Key: key, Kind: DocOEILSummary, Format: "synthetic", Language: "en", SHA256: digest(text),
			IngestedAt: t0.Add(time.Duration(i)*time.Minute + time.Duration(version)*time.Hour), Text: text},
		Resolution: &Resolution{Reference: fmt.Sprintf("2020/%04d(RSP)", i), Title: "Situation in " + country,
			Adopted: Day(2020+i%4, 1+i%12, 1+i%28), Stage: "Text adopted by Parliament, single reading",
			Vote: &Vote{500, 20, 30}, VoteEvidence: spanOf(text, "500 votes to 20, with 30 abstentions"), AdoptedBy: CodeEP,
			TabledBy: []GroupRef{{"EPP", spanOf(text, "EPP")}, {"SD", spanOf(text, "S&D")}, {"RENEW", spanOf(text, "Renew")},
				{"GREEN_EFA", spanOf(text, "Greens/EFA")}}},
		Countries: []CountryFact{
			{Code: country, Names: map[string]string{"en": country}, Role: RoleConcerns, Evidence: spanOf(text, country)},
			{Code: other1, Names: map[string]string{"en": other1}, Role: RoleMentions, Evidence: spanOf(text, other1)},
			{Code: other2, Names: map[string]string{"en": other2}, Role: RoleMentions, Evidence: spanOf(text, other2)},
		},
		Agreements:   []Agreement{agr},
		Institutions: []Institution{{Key: gov, Kind: InstGovernment, Country: country, Names: map[string]string{"en": "government of " + country}}},
		Topics: []Topic{{Key: "political-prisoners", Names: map[string]string{"en": "political prisoners"}},
			{Key: "torture", Names: map[string]string{"en": "torture"}}},
		Stances: []Stance{{Position: 1, Kind: StanceCondemns, Text: "the crackdown", Evidence: spanOf(text, "Condemns the crackdown.")},
			{Position: 2, Kind: StanceWelcomes, Text: "the release", Evidence: spanOf(text, "Welcomes the release of some detainees.")}},
	}
	for d := 1; d <= 4; d++ {
		sentence := fmt.Sprintf("Demand %d: calls on the government of %s to release political prisoner number %d and end torture.", d, country, i*10+d)
		dm := Demand{Position: d, Text: sentence, Evidence: spanOf(text, sentence), Addressees: []string{gov},
			Topics: []string{"political-prisoners", "torture"}}
		if d == 4 {
			dm.Agreements = []string{agr.Key()}
		}
		doc.Demands = append(doc.Demands, dm)
	}
	return doc
}

func openBench(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), Config{Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func report(b *testing.B, docs, quads int) {
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(docs)/sec, "docs/s")
	b.ReportMetric(float64(quads)/sec, "quads/s")
	b.ReportMetric(float64(quads)/float64(docs), "quads/doc")
}

// BenchmarkPutOneDocPerTx puts b.N new documents, one transaction each.
func BenchmarkPutOneDocPerTx(b *testing.B) {
	ctx := context.Background()
	s := openBench(b)
	docs := make([]*Document, b.N)
	for i := range docs {
		docs[i] = synthDoc(i, 0)
	}
	quads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := s.Put(ctx, docs[i])
		if err != nil {
			b.Fatal(err)
		}
		quads += res.QuadsAdded
	}
	b.StopTimer()
	report(b, b.N, quads)
}

// BenchmarkPutBatch puts b.N new documents, 250 per transaction.
func BenchmarkPutBatch(b *testing.B) {
	const batch = 250
	ctx := context.Background()
	s := openBench(b)
	docs := make([]*Document, b.N)
	for i := range docs {
		docs[i] = synthDoc(i, 0)
	}
	quads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		res, err := s.PutBatch(ctx, docs[i:min(i+batch, b.N)])
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res {
			quads += r.QuadsAdded
		}
	}
	b.StopTimer()
	report(b, b.N, quads)
}

// prefilled is a bolt store holding benchDocs documents, shared by the benchmarks that need
// a store that is not empty.
var (
	prefillOnce sync.Once
	prefilled   *Store
	prefillErr  error
)

const benchDocs = 2000

func prefilledStore(b *testing.B) *Store {
	prefillOnce.Do(func() {
		dir, err := os.MkdirTemp("", "eurel-bench-")
		if err != nil {
			prefillErr = err
			return
		}
		prefilled, prefillErr = Open(context.Background(), Config{Path: dir})
		if prefillErr != nil {
			return
		}
		for i := 0; i < benchDocs && prefillErr == nil; i += 500 {
			docs := make([]*Document, 0, 500)
			for j := i; j < i+500; j++ {
				docs = append(docs, synthDoc(j, 0))
			}
			_, prefillErr = prefilled.PutBatch(context.Background(), docs)
		}
	})
	if prefillErr != nil {
		b.Fatal(prefillErr)
	}
	return prefilled
}

var replaceVersion = 0

// BenchmarkReplace replaces documents of a store holding 2,000 (about 300k quads) with a
// changed version, one transaction each: label-index lookup, diff, removals and additions.
func BenchmarkReplace(b *testing.B) {
	ctx := context.Background()
	s := prefilledStore(b)
	replaceVersion++
	docs := make([]*Document, b.N)
	for i := range docs {
		docs[i] = synthDoc((i*7919)%benchDocs, replaceVersion)
	}
	quads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := s.Put(ctx, docs[i])
		if err != nil {
			b.Fatal(err)
		}
		if res.Status != PutReplaced {
			b.Fatalf("status %s", res.Status)
		}
		quads += res.QuadsAdded + res.QuadsRemoved
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/replace")
	b.ReportMetric(float64(quads)/float64(b.N), "quads-changed/replace")
}

// BenchmarkDeleteByLabel deletes documents of the prefilled store (restoring each outside
// the timer): with the label index a delete reads only the document's quads, without it
// every quad of the store.
func BenchmarkDeleteByLabel(b *testing.B) {
	ctx := context.Background()
	s := prefilledStore(b)
	for i := 0; i < b.N; i++ {
		doc := synthDoc((i*7919)%benchDocs, replaceVersion)
		ok, err := s.Delete(ctx, doc.Source.ID())
		if err != nil || !ok {
			b.Fatal(ok, err)
		}
		b.StopTimer()
		if _, err := s.Put(ctx, doc); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/delete")
}

// BenchmarkReadResolution reads one resolution record (with its neighbours) from the
// prefilled store.
func BenchmarkReadResolution(b *testing.B) {
	ctx := context.Background()
	s := prefilledStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := ResolutionID(fmt.Sprintf("2020/%04d(RSP)", (i*7919)%benchDocs))
		recs, err := s.Resolutions(ctx, []ID{id})
		if err != nil || recs[0] == nil {
			b.Fatal(err)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if prefilled != nil {
		prefilled.Close()
		os.RemoveAll(prefilled.path)
	}
	os.Exit(code)
}

// BenchmarkReadHub reads the European Parliament's record, which every document of the
// prefilled store names (its facts are stated 2,000 times, once per document).
func BenchmarkReadHub(b *testing.B) {
	ctx := context.Background()
	s := prefilledStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs, err := s.Institutions(ctx, []ID{InstitutionID(CodeEP)})
		if err != nil || recs[0] == nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListResolutionsOfACountry lists the resolutions concerning one country of the
// prefilled store (80 of them), newest first.
func BenchmarkListResolutionsOfACountry(b *testing.B) {
	ctx := context.Background()
	s := prefilledStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ids, err := s.ListResolutions(ctx, ResolutionFilter{Country: "KZ"})
		if err != nil || len(ids) != benchDocs/len(benchCountries) {
			b.Fatal(len(ids), err)
		}
	}
}

// BenchmarkSelectResolutionsOnABigStore computes, without the cache, the list every write
// drops: the resolutions concerning Russia, newest first, on the bolt store in
// $EUREL_BENCH_STORE (made by eurel-bench: 11,930 of them at 100,000 summaries). The store is
// opened as it is, and saves its view again when closed.
func BenchmarkSelectResolutionsOnABigStore(b *testing.B) {
	dir := os.Getenv("EUREL_BENCH_STORE")
	if dir == "" {
		b.Skip("EUREL_BENCH_STORE names no store")
	}
	ctx := context.Background()
	s, err := Open(ctx, Config{Backend: BackendBolt, Path: dir, OpenTimeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := s.selectResolutionsFor(ctx, ResolutionFilter{Country: "RU"}, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildView reads a store of 2,000 documents into a new view, as Open does.
func BenchmarkBuildView(b *testing.B) {
	s := prefilledStore(b)
	ctx := context.Background()
	var quads int64
	for b.Loop() {
		v, err := s.buildView(ctx)
		if err != nil {
			b.Fatal(err)
		}
		quads = v.quads
	}
	b.ReportMetric(float64(quads)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}
