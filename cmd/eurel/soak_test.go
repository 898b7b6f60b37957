package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/internal/synth"
)

// The soak's shape: how many goroutines write and read, and the corpus writers draw from.
const (
	soakWriters = 3
	soakReaders = 4
	soakSeed    = 20240501
	// soakCorpus is how many distinct summaries writers may add: far more than a minute
	// ingests. internal/synth gives each a procedure reference of its own.
	soakCorpus = 100_000
	// What a writer does when it has texts already: resend one (the server must answer
	// UNCHANGED) or correct one (REPLACED), else it adds a new one (ADDED).
	resendShare  = 0.2
	correctShare = 0.2
	// hotShare is the share of single-resolution reads aimed at a document being written
	// right then, where a stale or torn answer would show.
	hotShare = 0.25
	pageSize = 20
)

// strictSnapshotsEnv, when set (to anything), makes a torn answer fail the test: an answer
// that mixes a document before and after a write that overlapped the request (see
// worker.torn). Without it such answers are only counted and logged.
const strictSnapshotsEnv = "EUREL_SOAK_STRICT_SNAPSHOTS"

// TestConcurrentIngestAndQueriesOnLoopback runs, for a minute (EUREL_SOAK overrides, 5 s with
// -short), writers that ingest synthetic OEIL summaries through the GraphQL ingest mutation
// and readers that ask what the frontend asks, all over HTTP on loopback against a server on a
// bbolt store. Every answer must be free of errors, well-formed and consistent with itself and
// with what writers were told; afterwards every document a writer got an OK for must be in the
// graph as last sent, the counts must match, and the store on disk must hold no duplicate quad.
// It logs throughput and latency but asserts no timing.
func TestConcurrentIngestAndQueriesOnLoopback(t *testing.T) {
	d := soakDuration(t)
	srv := startSoakServer(t)
	s := newSoak(t, srv)

	start := time.Now()
	until := start.Add(d)
	var wg sync.WaitGroup
	var workers []*worker
	for i := range soakWriters + soakReaders {
		w := s.worker(i)
		workers = append(workers, w)
		if i < soakWriters {
			wg.Go(func() { w.writeUntil(until) })
		} else {
			wg.Go(func() { w.readUntil(until) })
		}
	}
	wg.Wait()
	elapsed := time.Since(start)
	s.report(workers, elapsed)
	if t.Failed() {
		return
	}

	// The writes have ended: nothing may be lost or stale now.
	docs := s.ledger.all()
	s.checkEveryDocumentAsLastSent(docs)
	s.checkCounts(len(docs))
	srv.Close()
	if err := srv.store.Close(); err != nil {
		t.Fatal(err)
	}
	s.checkStoreOnDisk(srv.dir, len(docs))
	if logs := srv.logs.String(); logs != "" {
		t.Errorf("the server logged warnings or errors:\n%s", logs)
	}
}

// soak is what the goroutines of the test share.
type soak struct {
	t      *testing.T
	ctx    context.Context // ends at the first failure, or shortly before the test's deadline
	cancel context.CancelCauseFunc
	client *gqlClient
	gen    *synth.Generator
	ledger *ledger
	strict bool // torn answers fail the test
}

func newSoak(t *testing.T, srv *soakServer) *soak {
	ctx := t.Context()
	if deadline, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-5*time.Second))
		t.Cleanup(cancel)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	t.Cleanup(func() { cancel(nil) })
	return &soak{
		t: t, ctx: ctx, cancel: cancel,
		client: newGQLClient(t, srv, soakWriters+soakReaders),
		gen:    synth.New(synth.Config{Seed: soakSeed, N: soakCorpus}),
		ledger: newLedger(),
		strict: os.Getenv(strictSnapshotsEnv) != "",
	}
}

// fail reports a goroutine's error and stops every goroutine; the errors that only say a
// goroutine was stopped are not reported.
func (s *soak) fail(who string, err error) {
	if stoppedBy(s.ctx, err) {
		return
	}
	s.t.Errorf("%s: %v", who, err)
	s.cancel(err)
}

// worker is one goroutine: a writer or a reader, with its own random stream and figures.
type worker struct {
	*soak
	name string
	id   int
	rng  *rand.Rand

	ingests       map[string]int // by status
	ingestLatency []time.Duration
	queries       int
	queryLatency  []time.Duration
	queriesBy     map[string]int // by kind of query
	tornAnswers   int            // answers read across a write (see torn)
	tornExamples  []string
}

func (s *soak) worker(id int) *worker {
	name := fmt.Sprintf("writer %d", id)
	if id >= soakWriters {
		name = fmt.Sprintf("reader %d", id-soakWriters)
	}
	return &worker{soak: s, name: name, id: id, rng: rand.New(rand.NewPCG(soakSeed, uint64(id))),
		ingests: map[string]int{}, queriesBy: map[string]int{}}
}

// query posts a read-only request, counting it and timing it.
func (w *worker) query(q string, vars map[string]any, out any) error {
	t0 := time.Now()
	err := w.client.do(w.ctx, q, vars, out)
	w.queryLatency = append(w.queryLatency, time.Since(t0))
	w.queries++
	return err
}

// --- writers ---

// writeUntil adds, resends and corrects texts until the time is up. Writer w adds summaries
// w, w + soakWriters, w + 2·soakWriters, ... of the corpus, so no two writers ever send the
// same procedure, and each knows exactly what the graph must say of its own.
func (w *worker) writeUntil(until time.Time) {
	var mine, uncorrected []*soakDoc
	next := w.id
	for time.Now().Before(until) && w.ctx.Err() == nil {
		var err error
		switch p := w.rng.Float64(); {
		case len(mine) > 0 && p < resendShare:
			d := mine[w.rng.IntN(len(mine))]
			_, v := w.ledger.state(d)
			err = w.ingest(d, v, "UNCHANGED")
		case len(uncorrected) > 0 && p < resendShare+correctShare:
			k := w.rng.IntN(len(uncorrected))
			d := uncorrected[k]
			uncorrected = slices.Delete(uncorrected, k, k+1)
			err = w.ingest(d, 2, "REPLACED")
		case next < soakCorpus:
			var d *soakDoc
			if d, err = newSoakDoc(w.gen, next); err == nil {
				next += soakWriters
				mine, uncorrected = append(mine, d), append(uncorrected, d)
				err = w.ingest(d, 1, "ADDED")
			}
		}
		if err != nil {
			w.fail(w.name, err)
			return
		}
	}
}

const ingestMutation = `mutation($text: String!, $name: String) {
	ingest(input: {text: $text, name: $name}) { status warnings document { id key sha256 } resolution { ...res } }
}` + resolutionFields

// ingest sends version v of d through the ingest mutation and checks the answer: the status
// wanted (ADDED for a new text, UNCHANGED for the version stored already, REPLACED for a
// correction), the warning that goes with UNCHANGED and no other, the stored document (its key
// and the SHA-256 of the bytes sent), and the resolution as version v states it. Then it reads
// the resolution back in a request of its own.
func (w *worker) ingest(d *soakDoc, v int, want string) error {
	w.ledger.sending(d, v)
	var a struct {
		Ingest struct {
			Status     string
			Warnings   []string
			Document   struct{ ID, Key, SHA256 string }
			Resolution *resolutionJSON
		}
	}
	t0 := time.Now()
	err := w.client.do(w.ctx, ingestMutation, map[string]any{"text": string(d.texts[v]), "name": d.name}, &a)
	w.ingestLatency = append(w.ingestLatency, time.Since(t0))
	if err != nil {
		return fmt.Errorf("ingesting %s, version %d: %w", d.name, v, err)
	}
	w.ledger.acknowledged(d, v)
	w.ingests[a.Ingest.Status]++

	in := a.Ingest
	wantWarnings := []string{}
	if want == "UNCHANGED" {
		wantWarnings = []string{"unchanged: the same text was already stored"}
	}
	switch {
	case in.Status != want:
		return fmt.Errorf("ingesting %s, version %d: status %s, want %s", d.name, v, in.Status, want)
	case !slices.Equal(in.Warnings, wantWarnings):
		return fmt.Errorf("ingesting %s, version %d (%s): warnings %q, want %q", d.name, v, in.Status, in.Warnings, wantWarnings)
	case in.Document.Key != d.key() || in.Document.ID != string(graph.DocumentID(d.key())) || in.Document.SHA256 != d.shas[v]:
		return fmt.Errorf("ingesting %s, version %d: document %+v, want key %s and SHA-256 %s", d.name, v, in.Document, d.key(), d.shas[v])
	}
	// The mutation reads the resolution after its write: it is version v.
	if err := exactly(d, v, in.Resolution); err != nil {
		return fmt.Errorf("the answer to ingesting %s, version %d: %w", d.name, v, err)
	}
	// So is what the next request reads: the write is visible as soon as it is acknowledged.
	return w.readBack(d, v)
}

const readBackQuery = `query($ref: String!, $id: ID!) {
	resolution(reference: $ref) { ...res }
	node(id: $id) { id ... on Resolution { reference } }
}` + resolutionFields

// readBack reads d's resolution by reference and by node ID; both must be version v.
func (w *worker) readBack(d *soakDoc, v int) error {
	var a struct {
		Resolution *resolutionJSON
		Node       *struct{ ID, Reference string }
	}
	if err := w.query(readBackQuery, map[string]any{"ref": d.reference(), "id": graph.ResolutionID(d.reference())}, &a); err != nil {
		return fmt.Errorf("reading back %s: %w", d.reference(), err)
	}
	if err := exactly(d, v, a.Resolution); err != nil {
		return fmt.Errorf("reading back %s: %w", d.reference(), err)
	}
	if a.Node == nil || a.Node.ID != a.Resolution.ID || a.Node.Reference != d.reference() {
		return fmt.Errorf("node(id: %s) = %+v, want the resolution %s", graph.ResolutionID(d.reference()), a.Node, d.reference())
	}
	return nil
}

// exactly checks that r is version v of d, whole.
func exactly(d *soakDoc, v int, r *resolutionJSON) error {
	byVote, bySource, err := d.versions(r)
	if err != nil {
		return err
	}
	if byVote != v || bySource != v {
		return fmt.Errorf("%s: the vote is that of version %d, the source that of version %d, want version %d (0: no resolution)", d.reference(), byVote, bySource, v)
	}
	return nil
}

// --- readers ---

// readUntil asks the frontend's questions in turn until the time is up.
func (w *worker) readUntil(until time.Time) {
	reads := []struct {
		kind string
		read func() error
	}{
		{"resolution by reference", w.resolutionByReference},
		{"two pages of resolutions", w.resolutionPages},
		{"a country's resolutions", w.countryResolutions},
		{"demands with addressees and evidence", w.demandsWithEvidence},
	}
	for i := w.id; time.Now().Before(until) && w.ctx.Err() == nil; i++ {
		r := reads[i%len(reads)]
		w.queriesBy[r.kind]++
		if err := r.read(); err != nil {
			w.fail(w.name+": "+r.kind, err)
			return
		}
	}
}

// torn records an answer that mixes what a document said before and after a write the
// reader overlapped: each read of the store sees a write whole, but one GraphQL request makes
// several reads. Such answers are counted, and fail the test only under strictSnapshotsEnv;
// an answer about a document nobody wrote during the request must never be torn.
func (w *worker) torn(format string, args ...any) error {
	w.tornAnswers++
	msg := fmt.Sprintf(format, args...)
	if len(w.tornExamples) < 3 {
		w.tornExamples = append(w.tornExamples, msg)
	}
	if w.strict {
		return fmt.Errorf("torn answer (%s is set): %s", strictSnapshotsEnv, msg)
	}
	return nil
}

// byReferenceQuery is what a frontend asks to show one resolution: the writers' read-back.
const byReferenceQuery = readBackQuery

// resolutionByReference reads one resolution, often one being written, and checks the version
// it gets: no older than what was acknowledged before the request (no stale answer), no newer
// than what was sent by its end (no invented one), and the same version throughout unless a
// write overlapped the request.
func (w *worker) resolutionByReference() error {
	d := w.ledger.pick(w.rng, w.rng.Float64() < hotShare)
	if d == nil {
		return nil
	}
	since := w.ledger.now()
	_, ackedBefore := w.ledger.state(d)
	var a struct {
		Resolution *resolutionJSON
		Node       *struct{ ID, Reference string }
	}
	if err := w.query(byReferenceQuery, map[string]any{"ref": d.reference(), "id": graph.ResolutionID(d.reference())}, &a); err != nil {
		return err
	}
	sentAfter, _ := w.ledger.state(d)
	byVote, bySource, err := d.versions(a.Resolution)
	if err != nil {
		return err
	}
	for _, v := range []int{byVote, bySource} {
		if v < ackedBefore || v > sentAfter {
			return fmt.Errorf("%s: answered version %d (by its vote) and %d (by its source); version %d was acknowledged before the request and %d sent by its end",
				d.reference(), byVote, bySource, ackedBefore, sentAfter)
		}
	}
	nodeAgrees := (a.Node == nil) == (a.Resolution == nil) && (a.Node == nil || a.Node.Reference == d.reference())
	if byVote == bySource && nodeAgrees {
		return nil
	}
	if w.ledger.quiet(d, since) {
		return fmt.Errorf("%s, not written during the request: vote of version %d, source of version %d, node(id:) %+v", d.reference(), byVote, bySource, a.Node)
	}
	return w.torn("%s: vote of version %d, source of version %d, node(id:) %+v", d.reference(), byVote, bySource, a.Node)
}

const pagesQuery = `query($first: Int!, $after: String) {
	resolutions(first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id reference adopted } }
	}
}`

type resolutionPage struct {
	Resolutions struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID, Reference, Adopted string }
		}
	}
}

// resolutionPages reads the first two pages of all resolutions and fetches one it listed.
// The count lies between what was acknowledged before and what was sent after; each page is
// newest first then by reference, holds only resolutions writers sent, and the second follows
// the first without overlapping it; a resolution listed can be fetched by reference and by ID.
func (w *worker) resolutionPages() error {
	_, ackedBefore := w.ledger.counts("")
	var p1, p2 resolutionPage
	if err := w.query(pagesQuery, map[string]any{"first": pageSize}, &p1); err != nil {
		return err
	}
	sentAfter, _ := w.ledger.counts("")
	if n := p1.Resolutions.TotalCount; n < ackedBefore || n > sentAfter {
		return fmt.Errorf("resolutions: totalCount %d; %d were acknowledged before the request and %d sent by its end", n, ackedBefore, sentAfter)
	}
	total := p1.Resolutions.TotalCount
	if err := w.checkPage(&p1, total, total); err != nil {
		return fmt.Errorf("first page: %w", err)
	}
	if !p1.Resolutions.PageInfo.HasNextPage {
		return w.fetchOneOf(&p1)
	}
	if err := w.query(pagesQuery, map[string]any{"first": pageSize, "after": *p1.Resolutions.PageInfo.EndCursor}, &p2); err != nil {
		return err
	}
	// What follows the first page's last resolution: what followed it then (total - pageSize)
	// or more, and at most what the second request counts beyond the first page's.
	if err := w.checkPage(&p2, total-pageSize, p2.Resolutions.TotalCount-pageSize); err != nil {
		return fmt.Errorf("second page: %w", err)
	}
	if len(p2.Resolutions.Edges) > 0 {
		last, next := p1.Resolutions.Edges[pageSize-1].Node, p2.Resolutions.Edges[0].Node
		if !(last.Adopted > next.Adopted || last.Adopted == next.Adopted && last.Reference < next.Reference) {
			return fmt.Errorf("the second page starts with %s (%s), which does not follow the first page's last, %s (%s)", next.Reference, next.Adopted, last.Reference, last.Adopted)
		}
	}
	return w.fetchOneOf(&p1)
}

// checkPage checks a page's order, that writers sent everything on it, and its size: between
// min(pageSize, lo) and min(pageSize, hi), where lo and hi bound how many resolutions follow
// the cursor, with hasNextPage exactly when the page is full and more follow.
func (w *worker) checkPage(p *resolutionPage, lo, hi int) error {
	edges := p.Resolutions.Edges
	n, next := len(edges), p.Resolutions.PageInfo.HasNextPage
	if n < min(pageSize, lo) || n > min(pageSize, hi) || next && (n < pageSize || hi <= pageSize) || !next && lo > pageSize {
		return fmt.Errorf("%d edges and hasNextPage %v, with %d to %d resolutions to list", n, next, lo, hi)
	}
	for k, e := range edges {
		r := e.Node
		if w.ledger.doc(r.Reference) == nil || r.ID != string(graph.ResolutionID(r.Reference)) || e.Cursor == "" {
			return fmt.Errorf("edge %d: %+v, which no writer sent", k, e)
		}
		if k > 0 {
			prev := edges[k-1].Node
			if !(prev.Adopted > r.Adopted || prev.Adopted == r.Adopted && prev.Reference < r.Reference) {
				return fmt.Errorf("edge %d: %s (%s) after %s (%s): not newest first, then by reference", k, r.Reference, r.Adopted, prev.Reference, prev.Adopted)
			}
		}
	}
	return nil
}

// fetchOneOf fetches a resolution the page listed: it was listed, so it exists, and both
// ways to it agree.
func (w *worker) fetchOneOf(p *resolutionPage) error {
	edges := p.Resolutions.Edges
	if len(edges) == 0 {
		return nil
	}
	n := edges[w.rng.IntN(len(edges))].Node
	var a struct {
		Resolution *resolutionJSON
		Node       *struct{ ID, Reference string }
	}
	if err := w.query(byReferenceQuery, map[string]any{"ref": n.Reference, "id": n.ID}, &a); err != nil {
		return err
	}
	if a.Resolution == nil || a.Node == nil || a.Resolution.ID != n.ID || a.Node.Reference != n.Reference {
		return fmt.Errorf("%s was listed, then fetched as %+v and node(id:) %+v", n.Reference, a.Resolution, a.Node)
	}
	_, _, err := w.ledger.doc(n.Reference).versions(a.Resolution)
	return err
}

const countryQuery = `query($code: String!, $id: ID!, $first: Int!) {
	country(code: $code) { id code name resolutions(first: $first) { totalCount edges { node { reference concerns { code } } } } }
	node(id: $id) { id ... on Country { code } }
}`

// countryResolutions reads a country's resolutions: the country is there under its stable ID,
// its count lies between what was acknowledged before and what was sent after, and every
// resolution listed was sent by a writer about that country.
func (w *worker) countryResolutions() error {
	d := w.ledger.pick(w.rng, false)
	if d == nil {
		return nil
	}
	code := d.facts.Country
	_, ackedBefore := w.ledger.counts(code)
	var a struct {
		Country *struct {
			ID, Code, Name string
			Resolutions    struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Reference string
						Concerns  []struct{ Code string }
					}
				}
			}
		}
		Node *struct{ ID, Code string }
	}
	if err := w.query(countryQuery, map[string]any{"code": code, "id": graph.CountryID(code), "first": pageSize}, &a); err != nil {
		return err
	}
	sentAfter, _ := w.ledger.counts(code)
	c := a.Country
	if c == nil || c.Code != code || c.ID != string(graph.CountryID(code)) || c.Name == "" || a.Node == nil || a.Node.Code != code {
		return fmt.Errorf("country(code: %s) = %+v, node(id:) = %+v", code, c, a.Node)
	}
	rs := c.Resolutions
	if rs.TotalCount < ackedBefore || rs.TotalCount > sentAfter || len(rs.Edges) != min(pageSize, rs.TotalCount) {
		return fmt.Errorf("country %s: %d resolutions on a page of totalCount %d; %d were acknowledged before the request and %d sent by its end",
			code, len(rs.Edges), rs.TotalCount, ackedBefore, sentAfter)
	}
	for _, e := range rs.Edges {
		sent := w.ledger.doc(e.Node.Reference)
		if sent == nil || sent.facts.Country != code || !slices.ContainsFunc(e.Node.Concerns, func(c struct{ Code string }) bool { return c.Code == code }) {
			return fmt.Errorf("country %s lists %+v, which no writer sent about %s", code, e.Node, code)
		}
	}
	return nil
}

const demandsQuery = `query($ref: String!, $code: String!, $first: Int!) {
	resolution(reference: $ref) { reference demands { ...demand } }
	demands(country: $code, first: $first) { totalCount edges { node { ...demand } } }
}
fragment demand on Demand {
	id text position resolution { reference } addressees { id key name }
	evidence { start end quote document { id key sha256 text } }
}`

type demandJSON struct {
	ID         string
	Text       string
	Position   int
	Resolution struct{ Reference string }
	Addressees []struct{ ID, Key, Name string }
	Evidence   struct {
		Start, End int
		Quote      string
		Document   struct{ ID, Key, SHA256, Text string }
	}
}

// demandsWithEvidence reads the demands of one resolution (often one being written) and a page
// of the demands about its country, and checks each: it belongs to a resolution a writer sent,
// under its stable ID, its addressees (the extractor finds none for some clauses) have a key
// and a name, and its evidence quote is its document's text at its span.
func (w *worker) demandsWithEvidence() error {
	d := w.ledger.pick(w.rng, w.rng.Float64() < hotShare)
	if d == nil {
		return nil
	}
	since := w.ledger.now()
	_, ackedBefore := w.ledger.state(d)
	var a struct {
		Resolution *struct {
			Reference string
			Demands   []demandJSON
		}
		Demands struct {
			TotalCount int
			Edges      []struct{ Node demandJSON }
		}
	}
	if err := w.query(demandsQuery, map[string]any{"ref": d.reference(), "code": d.facts.Country, "first": pageSize / 2}, &a); err != nil {
		return err
	}
	demands := []demandJSON{}
	if a.Resolution == nil && ackedBefore > 0 {
		return fmt.Errorf("%s: no resolution, though it was acknowledged before the request", d.reference())
	}
	if a.Resolution != nil {
		if len(a.Resolution.Demands) == 0 {
			return fmt.Errorf("%s: no demands (internal/synth writes at least two)", d.reference())
		}
		demands = append(demands, a.Resolution.Demands...)
	}
	if len(a.Demands.Edges) != min(pageSize/2, a.Demands.TotalCount) {
		return fmt.Errorf("demands(country: %s): %d edges of totalCount %d", d.facts.Country, len(a.Demands.Edges), a.Demands.TotalCount)
	}
	for _, e := range a.Demands.Edges {
		demands = append(demands, e.Node)
	}
	for _, dm := range demands {
		if err := w.checkDemand(dm, since); err != nil {
			return err
		}
	}
	return nil
}

// checkDemand checks one demand; since is when the request started (ledger.now).
func (w *worker) checkDemand(dm demandJSON, since uint64) error {
	d := w.ledger.doc(dm.Resolution.Reference)
	ev := dm.Evidence
	switch {
	case d == nil:
		return fmt.Errorf("demand %s of %s, which no writer sent", dm.ID, dm.Resolution.Reference)
	case dm.Text == "" || dm.Position < 1 || slices.ContainsFunc(dm.Addressees, func(a struct{ ID, Key, Name string }) bool { return a.Key == "" || a.Name == "" }):
		return fmt.Errorf("demand %s of %s: text %q, position %d, addressees %+v: want a text, a position and addressees with a key and a name", dm.ID, dm.Resolution.Reference, dm.Text, dm.Position, dm.Addressees)
	case dm.ID != string(graph.DemandID(d.key(), dm.Position)):
		return fmt.Errorf("demand %s at position %d of %s: not its stable ID", dm.ID, dm.Position, d.key())
	case ev.Document.Key != d.key() || (ev.Document.SHA256 != d.shas[1] && ev.Document.SHA256 != d.shas[2]):
		return fmt.Errorf("demand %s: evidence from %s (SHA-256 %s), not from a version of %s", dm.ID, ev.Document.Key, ev.Document.SHA256, d.key())
	}
	text := []rune(ev.Document.Text)
	if ev.Start >= 0 && ev.Start < ev.End && ev.End <= len(text) && string(text[ev.Start:ev.End]) == ev.Quote {
		return nil
	}
	if w.ledger.quiet(d, since) {
		return fmt.Errorf("demand %s of %s: the quote %q is not the document's text at [%d, %d)", dm.ID, d.reference(), ev.Quote, ev.Start, ev.End)
	}
	return w.torn("demand %s of %s: the quote %q is not the text at [%d, %d) of the document as read", dm.ID, d.reference(), ev.Quote, ev.Start, ev.End)
}

// --- after the writes ---

const finalCheckers = 4

// checkEveryDocumentAsLastSent reads every resolution a writer sent: each was acknowledged
// (no write failed) and each is, whole, the version last acknowledged (none lost, none stale).
func (s *soak) checkEveryDocumentAsLastSent(docs []*soakDoc) {
	jobs := make(chan *soakDoc)
	var wg sync.WaitGroup
	for i := range finalCheckers {
		w := s.worker(soakWriters + soakReaders + i)
		wg.Go(func() {
			for d := range jobs {
				sent, acked := s.ledger.state(d)
				err := fmt.Errorf("%s: version %d sent, %d acknowledged", d.reference(), sent, acked)
				if sent == acked {
					err = w.readBack(d, acked)
				}
				if err != nil {
					s.fail("after the writes", err)
				}
			}
		})
	}
	for _, d := range docs {
		if s.ctx.Err() != nil {
			break
		}
		jobs <- d
	}
	close(jobs)
	wg.Wait()
}

// checkCounts checks that the server counts exactly the resolutions written, in all and for
// each country.
func (s *soak) checkCounts(written int) {
	var all struct{ Resolutions struct{ TotalCount int } }
	if err := s.client.do(s.ctx, `{ resolutions(first: 0) { totalCount } }`, nil, &all); err != nil {
		s.t.Fatal(err)
	}
	if all.Resolutions.TotalCount != written {
		s.t.Errorf("the server counts %d resolutions, writers wrote %d", all.Resolutions.TotalCount, written)
	}
	for code, n := range s.ledger.countries() {
		var c struct {
			Country struct{ Resolutions struct{ TotalCount int } }
		}
		if err := s.client.do(s.ctx, `query($c: String!) { country(code: $c) { resolutions(first: 0) { totalCount } } }`, map[string]any{"c": code}, &c); err != nil {
			s.t.Fatal(err)
		}
		if got := c.Country.Resolutions.TotalCount; got != n.acked {
			s.t.Errorf("the server counts %d resolutions about %s, writers wrote %d", got, code, n.acked)
		}
	}
}

// checkStoreOnDisk runs `eurel stats` and `eurel export` on the store the server has closed:
// reopened from disk, it holds one document and one resolution per text written, and no quad
// twice.
func (s *soak) checkStoreOnDisk(dir string, written int) {
	t := s.t
	var out, errs bytes.Buffer
	if code := run(s.ctx, []string{"stats", "--json", "--store", dir}, nil, &out, &errs); code != exitOK {
		t.Fatalf("eurel stats: exit %d: %s", code, errs.String())
	}
	var stats graph.Stats
	if err := json.Unmarshal(out.Bytes(), &stats); err != nil {
		t.Fatalf("eurel stats --json: %v: %s", err, out.String())
	}
	if stats.Documents != int64(written) || stats.Nodes[graph.KindResolution] != int64(written) || stats.Nodes[graph.KindDocument] != int64(written) {
		t.Errorf("eurel stats: %d documents, %d resolutions, %d document nodes; writers wrote %d of each",
			stats.Documents, stats.Nodes[graph.KindResolution], stats.Nodes[graph.KindDocument], written)
	}

	export := filepath.Join(t.TempDir(), "export.nq")
	f, err := os.Create(export)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if code := run(s.ctx, []string{"export", "--store", dir}, nil, f, &errs); code != exitOK {
		t.Fatalf("eurel export: exit %d: %s", code, errs.String())
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	labels := map[string]bool{}
	lines, dups := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		lines++
		if seen[line] {
			if dups++; dups <= 3 {
				t.Errorf("eurel export writes this quad twice: %s", line)
			}
		}
		seen[line] = true
		fields := strings.Fields(strings.TrimSuffix(line, " ."))
		labels[fields[len(fields)-1]] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if dups > 0 || int64(lines) != stats.Quads || len(labels) != written {
		t.Errorf("eurel export: %d quads (%d of them twice) under %d labels; stats counts %d quads, writers wrote %d documents",
			lines, dups, len(labels), stats.Quads, written)
	}
}

// report logs what the soak did and how fast; speed is measured by benchmarks, never
// asserted here. Query figures are the readers'; writers' read-backs are counted apart.
func (s *soak) report(workers []*worker, elapsed time.Duration) {
	ingests := map[string]int{}
	byKind := map[string]int{}
	var ingestLat, queryLat []time.Duration
	readBacks, torn := 0, 0
	for _, w := range workers {
		for k, n := range w.ingests {
			ingests[k] += n
		}
		for k, n := range w.queriesBy {
			byKind[k] += n
		}
		ingestLat = append(ingestLat, w.ingestLatency...)
		if w.id < soakWriters {
			readBacks += w.queries
		} else {
			queryLat = append(queryLat, w.queryLatency...)
		}
		torn += w.tornAnswers
		for _, ex := range w.tornExamples {
			s.t.Logf("torn answer (%s): %s", w.name, ex)
		}
	}
	slices.Sort(ingestLat)
	slices.Sort(queryLat)
	sec := elapsed.Seconds()
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }
	s.t.Logf("%v, %d writers, %d readers, bbolt store, HTTP on loopback", elapsed.Round(time.Millisecond), soakWriters, soakReaders)
	s.t.Logf("ingests: %d, %.1f/s (%d added, %d replaced, %d unchanged), each read back; latency p50 %s, p99 %s",
		len(ingestLat), float64(len(ingestLat))/sec, ingests["ADDED"], ingests["REPLACED"], ingests["UNCHANGED"],
		ms(percentile(ingestLat, 50)), ms(percentile(ingestLat, 99)))
	s.t.Logf("queries: %d, %.1f/s (and %d read-backs by writers); latency p50 %s, p99 %s; reads %v; torn answers %d",
		len(queryLat), float64(len(queryLat))/sec, readBacks, ms(percentile(queryLat, 50)), ms(percentile(queryLat, 99)), byKind, torn)
}
