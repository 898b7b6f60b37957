package main

// Helpers of TestConcurrentIngestAndQueriesOnLoopback (soak_test.go): the server on loopback,
// an HTTP client that goroutines may share, the ledger of what writers sent and the server
// acknowledged, and latency percentiles.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/synth"
)

// soakDuration is how long writers and readers run: a minute, 5 s with -short, or what
// EUREL_SOAK says (a Go duration such as 30s). It is cut to a third of the time left before
// the test's deadline, so that the checks that follow the soak always have time to run.
func soakDuration(t *testing.T) time.Duration {
	t.Helper()
	d := time.Minute
	if testing.Short() {
		d = 5 * time.Second
	}
	if v := os.Getenv("EUREL_SOAK"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil || d <= 0 {
			t.Fatalf("EUREL_SOAK=%q: want a positive duration such as 30s", v)
		}
	}
	if deadline, ok := t.Deadline(); ok {
		if left := time.Until(deadline) / 3; d > left {
			t.Logf("soaking for %v instead of %v: the test's deadline is %v away", left.Round(time.Second), d, time.Until(deadline).Round(time.Second))
			d = left
		}
	}
	return d
}

// soakServer is the server under test: the handler `eurel serve` runs, on an embedded bbolt
// store, behind a real TCP listener on 127.0.0.1.
type soakServer struct {
	*httptest.Server
	store *graph.Store
	dir   string      // the store's directory
	logs  *syncBuffer // what the server logged at level WARN and above
}

// startSoakServer wires the store and the handler as `eurel serve` does (openStore, gqlConfig)
// and serves it as corpusServer does, with httptest, whose listener is 127.0.0.1:0.
func startSoakServer(t *testing.T) *soakServer {
	t.Helper()
	dir := t.TempDir()
	st, err := openStore(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if st.Backend() != graph.BackendBolt {
		t.Fatalf("the store in %s is %s, want bolt", dir, st.Backend())
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := httptest.NewServer(gql.NewHandler(gqlConfig(st, log)))
	t.Cleanup(srv.Close)
	return &soakServer{Server: srv, store: st, dir: dir, logs: logs}
}

// syncBuffer is a bytes.Buffer that many goroutines may write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// gqlClient posts GraphQL requests over one pool of keep-alive connections. Unlike the post
// and query helpers of serve_test.go it returns errors instead of calling t.Fatal, so that
// any goroutine may use it, and every request is bounded by a timeout.
type gqlClient struct {
	url  string
	http *http.Client
}

// requestTimeout bounds one request. It is above the handler's own limit (gql.DefaultTimeout),
// so that a slow request shows as the server's TIMEOUT error rather than as a client timeout.
const requestTimeout = gql.DefaultTimeout + 15*time.Second

func newGQLClient(t *testing.T, srv *soakServer, conns int) *gqlClient {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, IdleConnTimeout: time.Minute}
	t.Cleanup(tr.CloseIdleConnections)
	return &gqlClient{url: srv.URL + "/graphql", http: &http.Client{Transport: tr, Timeout: requestTimeout}}
}

// do posts a query and decodes its data into out. Any failure is an error: a transport
// error, a status other than 200, a body that is not a GraphQL answer, an answer with errors
// or without data.
func (c *gqlClient) do(ctx context.Context, query string, vars map[string]any, out any) error {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("reading the answer (status %d): %w", res.StatusCode, err)
	}
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("status %d, not a GraphQL answer: %v: %.300s", res.StatusCode, err, raw)
	}
	if len(r.Errors) > 0 || res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d, errors %+v", res.StatusCode, r.Errors)
	}
	if len(r.Data) == 0 || string(r.Data) == "null" {
		return fmt.Errorf("status %d, an answer without data: %.300s", res.StatusCode, raw)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		return fmt.Errorf("decoding %.300s: %w", r.Data, err)
	}
	return nil
}

// soakDoc is one synthetic OEIL summary and its two versions: 1 as internal/synth writes it,
// 2 the same text with the votes in favour corrected (one more). Both have the same source key
// (procedure reference, stage, language), so version 2 replaces version 1.
type soakDoc struct {
	facts synth.Facts
	name  string
	texts [3][]byte // by version; texts[0] is unused (version 0 is "not in the graph")
	shas  [3]string

	// guarded by ledger.mu
	sent      int    // the highest version a writer sent
	acked     int    // the highest version the server acknowledged
	changedAt uint64 // the ledger's clock at the last send or acknowledgement
}

// newSoakDoc makes summary i of g and its corrected version.
func newSoakDoc(g *synth.Generator, i int) (*soakDoc, error) {
	name, raw := g.Summary(i)
	d := &soakDoc{facts: g.Facts(i), name: name}
	phrase := "by %d votes" // the vote as synth writes it: "adopted by 667 votes to 1, ..."
	if d.facts.Language == "fr" {
		phrase = "par %d voix" // "a adopté par 598 voix pour, 43 contre ..."
	}
	old, corrected := fmt.Sprintf(phrase, d.facts.Vote.For), fmt.Sprintf(phrase, d.facts.Vote.For+1)
	if n := bytes.Count(raw, []byte(old)); n != 1 {
		return nil, fmt.Errorf("summary %d (%s) says %q %d times, want once: internal/synth writes votes otherwise now", i, name, old, n)
	}
	d.texts[1], d.texts[2] = raw, bytes.Replace(raw, []byte(old), []byte(corrected), 1)
	for v := 1; v <= 2; v++ {
		sum := sha256.Sum256(d.texts[v])
		d.shas[v] = hex.EncodeToString(sum[:])
	}
	return d, nil
}

func (d *soakDoc) reference() string { return d.facts.Reference }

// key is the document's source key as ingest gives it to an OEIL summary.
func (d *soakDoc) key() string {
	return "oeil-summary/" + d.facts.Reference + "/" + d.facts.Stage + "/" + d.facts.Language
}

// vote is the vote version v states.
func (d *soakDoc) vote(v int) graph.Vote {
	vote := d.facts.Vote
	vote.For += v - 1
	return vote
}

// resolutionFields is what the soak asks of every resolution, and resolutionJSON its answer.
const resolutionFields = `fragment res on Resolution {
	id reference titles { lang text } adopted vote { for against abstentions } concerns { code } sources { id key sha256 } }`

type resolutionJSON struct {
	ID        string
	Reference string
	Titles    []struct{ Lang, Text string }
	Adopted   string
	Vote      *graph.Vote
	Concerns  []struct{ Code string }
	Sources   []struct{ ID, Key, SHA256 string }
}

// versions reads an answer about d: which version its vote states and which version its
// source is (they differ only in a torn answer, read across a replacement). A null answer is
// version 0 for both. It is an error for the answer to be neither version, or to get what
// both versions say (reference, ID, title, adoption, country, source key) wrong.
func (d *soakDoc) versions(r *resolutionJSON) (byVote, bySource int, err error) {
	if r == nil {
		return 0, 0, nil
	}
	f := d.facts
	title := ""
	for _, t := range r.Titles {
		if t.Lang == f.Language {
			title = t.Text
		}
	}
	switch {
	case r.Reference != f.Reference || r.ID != string(graph.ResolutionID(f.Reference)):
		return 0, 0, fmt.Errorf("asked for %s, got %s (%s)", f.Reference, r.Reference, r.ID)
	case title != f.Title:
		return 0, 0, fmt.Errorf("%s: title in %s %q, want %q", f.Reference, f.Language, title, f.Title)
	case r.Adopted != f.Adopted.String():
		return 0, 0, fmt.Errorf("%s: adopted %s, want %s", f.Reference, r.Adopted, f.Adopted)
	case len(r.Concerns) != 1 || r.Concerns[0].Code != f.Country:
		return 0, 0, fmt.Errorf("%s: concerns %v, want [%s]", f.Reference, r.Concerns, f.Country)
	case len(r.Sources) != 1 || r.Sources[0].Key != d.key() || r.Sources[0].ID != string(graph.DocumentID(d.key())):
		return 0, 0, fmt.Errorf("%s: sources %+v, want the one document %s", f.Reference, r.Sources, d.key())
	}
	for v := 1; v <= 2; v++ {
		if r.Vote != nil && *r.Vote == d.vote(v) {
			byVote = v
		}
		if r.Sources[0].SHA256 == d.shas[v] {
			bySource = v
		}
	}
	if byVote == 0 || bySource == 0 {
		return 0, 0, fmt.Errorf("%s: vote %+v and source SHA-256 %.12s… are not those of a version sent (votes %+v, %+v; SHA-256 %.12s…, %.12s…)",
			f.Reference, r.Vote, r.Sources[0].SHA256, d.vote(1), d.vote(2), d.shas[1], d.shas[2])
	}
	return byVote, bySource, nil
}

// ledger is what the writers sent and what the server acknowledged, for readers to bound the
// answers they may get: a read that starts after an acknowledgement must see it, and no read
// may see what was not sent yet.
type ledger struct {
	mu        sync.Mutex
	clock     uint64              // advances at every send and acknowledgement
	docs      map[string]*soakDoc // by reference
	acked     []*soakDoc          // documents acknowledged at least once, in the order of their first acknowledgement
	inFlight  map[*soakDoc]bool   // documents sent and not yet acknowledged
	sentRefs  int                 // documents sent at least once
	byCountry map[string]*countryCount
}

// countryCount is how many resolutions about a country were sent and acknowledged.
type countryCount struct{ sent, acked int }

func newLedger() *ledger {
	return &ledger{docs: map[string]*soakDoc{}, inFlight: map[*soakDoc]bool{}, byCountry: map[string]*countryCount{}}
}

// sending records that version v of d is about to be sent.
func (l *ledger) sending(d *soakDoc, v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d.sent == 0 {
		l.docs[d.reference()] = d
		l.sentRefs++
		l.country(d.facts.Country).sent++
	}
	d.sent = max(d.sent, v)
	l.clock++
	d.changedAt = l.clock
	if d.acked < d.sent {
		l.inFlight[d] = true
	}
}

// acknowledged records that the server stored version v of d.
func (l *ledger) acknowledged(d *soakDoc, v int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d.acked == 0 {
		l.acked = append(l.acked, d)
		l.country(d.facts.Country).acked++
	}
	d.acked = max(d.acked, v)
	l.clock++
	d.changedAt = l.clock
	if d.acked == d.sent {
		delete(l.inFlight, d)
	}
}

func (l *ledger) country(code string) *countryCount {
	c := l.byCountry[code]
	if c == nil {
		c = &countryCount{}
		l.byCountry[code] = c
	}
	return c
}

// now reads the ledger's clock, before a request whose answer quiet will judge.
func (l *ledger) now() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.clock
}

// quiet reports whether no write of d can have overlapped a request that started when the
// ledger's clock read since: nothing was sent or acknowledged for d since then, and its last
// write was acknowledged before.
func (l *ledger) quiet(d *soakDoc, since uint64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return d.sent == d.acked && d.changedAt <= since
}

// state is d's sent and acknowledged versions.
func (l *ledger) state(d *soakDoc) (sent, acked int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return d.sent, d.acked
}

// doc is the document of a reference; nil when no writer sent it.
func (l *ledger) doc(reference string) *soakDoc {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.docs[reference]
}

// counts is how many resolutions were sent and acknowledged, in all or (code ≠ "") about a
// country.
func (l *ledger) counts(code string) (sent, acked int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if code == "" {
		return l.sentRefs, len(l.acked)
	}
	c := l.byCountry[code]
	if c == nil {
		return 0, 0
	}
	return c.sent, c.acked
}

// pick returns a document to read: one being written when asked for hot and there is one,
// else one acknowledged at random; nil when there is none yet.
func (l *ledger) pick(rng *rand.Rand, hot bool) *soakDoc {
	l.mu.Lock()
	defer l.mu.Unlock()
	if hot && len(l.inFlight) > 0 {
		for d := range l.inFlight { // map order is random enough
			return d
		}
	}
	if len(l.acked) == 0 {
		return nil
	}
	return l.acked[rng.IntN(len(l.acked))]
}

// all is every document sent, by reference.
func (l *ledger) all() []*soakDoc {
	l.mu.Lock()
	defer l.mu.Unlock()
	docs := make([]*soakDoc, 0, len(l.docs))
	for _, d := range l.docs {
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b *soakDoc) int { return strings.Compare(a.reference(), b.reference()) })
	return docs
}

// countries is every country a resolution sent is about, with its counts.
func (l *ledger) countries() map[string]countryCount {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := make(map[string]countryCount, len(l.byCountry))
	for code, c := range l.byCountry {
		m[code] = *c
	}
	return m
}

// percentile is the p-th percentile (0 < p ≤ 100) of sorted durations, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	k := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(k, 0), len(sorted)-1)]
}

// stoppedBy reports whether err only says that ctx stopped the soak (at a failure, whose
// error is ctx's cause, or at the test's deadline).
func stoppedBy(ctx context.Context, err error) bool {
	return ctx.Err() != nil && (errors.Is(err, ctx.Err()) || errors.Is(err, context.Cause(ctx)))
}
