package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
	"github.com/eurel/eurel/internal/par"
)

// errRefused reports that some texts were refused; the command has said which and why.
var errRefused = errors.New("some texts were refused")

// batchSize is how many documents go into one store transaction in bulk ingestion. A bolt
// commit rewrites every page the transaction touched, and the new nodes of a batch land all
// over Cayley's hash-keyed node buckets, so the bigger the batch the fewer times each page
// is rewritten over a load; the next batch is parsed while one is written, so memory holds
// about two batches of documents (a few hundred MB at this size). If a batch's write fails,
// its documents are retried one by one, so one bad document costs only time.
const batchSize = 2048

// progressThreshold is the number of texts from which a progress bar is drawn on a terminal.
const progressThreshold = 20

// fileResult is one text's outcome, as printed (one line, or one JSON object with --json).
type fileResult struct {
	File      string  `json:"file"`
	Status    string  `json:"status"` // added, replaced, unchanged, refused, failed
	Reference string  `json:"reference,omitempty"`
	Language  string  `json:"language,omitempty"`
	Format    string  `json:"format,omitempty"`
	Document  string  `json:"document,omitempty"`
	Counts    *counts `json:"counts,omitempty"`
	Error     string  `json:"error,omitempty"`
}

// counts is what a document added to the graph.
type counts struct {
	Countries    int `json:"countries"`
	Agreements   int `json:"agreements"`
	Institutions int `json:"institutions"`
	Demands      int `json:"demands"`
	Stances      int `json:"stances"`
	Quads        int `json:"quads"`
}

// ingestCmd reads every text named on the command line into the store. Texts are parsed in
// parallel and written in batches, each document all-or-nothing; results are reported in the
// order of the command line.
func ingestCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	dir := storeFlag(fs)
	asJSON := fs.Bool("json", false, "write one JSON object per text instead of a line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: eurel ingest [--store DIR] [--json] PATH|URL|- ...")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	inputs := expandArgs(fs.Args(), stdin)
	st, err := openStore(ctx, *dir)
	if err != nil {
		return err
	}
	defer st.Close()

	// Into an empty store, the load need not wait for the disk at every batch: it syncs
	// once at the end (see graph.Store.BeginInitialLoad).
	end, unsynced, err := st.BeginInitialLoad(ctx)
	if err != nil {
		return err
	}
	rep := newReporter(stdout, stderr, *asJSON, len(inputs))
	start := time.Now()
	err = ingestAll(ctx, st, inputs, batchSize, rep.report)
	if unsynced {
		err = errors.Join(err, end())
	}
	if err != nil {
		return err
	}
	return rep.finish(time.Since(start))
}

// ingestAll parses inputs on every core and writes them in batches of up to batch documents,
// the next batch parsed while one is written; it reports one result per input, in the order
// of inputs. It stops early only when ctx ends.
func ingestAll(ctx context.Context, st graph.Writer, inputs []input, batch int, report func(fileResult)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make([]parsed, len(inputs))
	ready := make([]chan struct{}, len(inputs))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	// tokens bounds how many parsed documents wait for the writer: one batch being
	// parsed while another is written.
	tokens := make(chan struct{}, batch)
	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // runs first: stop the parsers before waiting for them
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				slots[i] = parseOne(ctx, inputs[i])
				close(ready[i])
			}
		})
	}
	lo := 0
	for i := range inputs {
		select {
		case <-ready[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-tokens
		if i+1-lo == batch || i == len(inputs)-1 {
			for _, r := range writeBatch(ctx, st, inputs[lo:i+1], slots[lo:i+1]) {
				report(r)
			}
			clear(slots[lo : i+1])
			lo = i + 1
		}
	}
	return ctx.Err()
}

// parsed is one input after reading and parsing.
type parsed struct {
	doc *graph.Document
	err error
}

// ingestBatch parses inputs in parallel, writes the good ones in one transaction and returns
// a result per input, in order (see writeBatch).
func ingestBatch(ctx context.Context, st graph.Writer, inputs []input) []fileResult {
	return writeBatch(ctx, st, inputs, parseAll(ctx, inputs))
}

// writeBatch writes the documents parsed from inputs in one transaction and returns a result
// per input, in order. If the batch write fails, each document is retried alone so that one
// failure does not cost the others.
func writeBatch(ctx context.Context, st graph.Writer, inputs []input, docs []parsed) []fileResult {
	results := make([]fileResult, len(inputs))
	var batch []*graph.Document
	var where []int
	for i, p := range docs {
		results[i] = fileResult{File: inputs[i].name}
		if p.err != nil {
			results[i].Status = "refused"
			if !errors.Is(p.err, graph.ErrBadInput) {
				results[i].Status = "failed"
			}
			results[i].Error = p.err.Error()
			var ie *ingest.Error
			if errors.As(p.err, &ie) {
				results[i].Error = ie.Reason
			}
			continue
		}
		batch = append(batch, p.doc)
		where = append(where, i)
	}
	if len(batch) == 0 {
		return results
	}
	puts, err := st.PutBatch(ctx, batch)
	if err != nil {
		puts = make([]graph.PutResult, len(batch))
		for j, d := range batch {
			r, err := st.Put(ctx, d)
			if err != nil {
				results[where[j]].Status = "failed"
				results[where[j]].Error = err.Error()
				batch[j] = nil
				continue
			}
			puts[j] = r
		}
	}
	for j, d := range batch {
		if d == nil {
			continue
		}
		describe(&results[where[j]], d, puts[j])
	}
	return results
}

// parseAll reads and parses inputs on all cores.
func parseAll(ctx context.Context, inputs []input) []parsed {
	out := make([]parsed, len(inputs))
	par.Each(len(inputs), func(i int) { out[i] = parseOne(ctx, inputs[i]) })
	return out
}

// parseOne reads and parses one input; every refusal names the input.
func parseOne(ctx context.Context, in input) parsed {
	raw, err := in.read(ctx)
	if err != nil {
		var ie *ingest.Error
		if errors.As(err, &ie) {
			ie.Name = in.name
			return parsed{err: ie}
		}
		return parsed{err: &ingest.Error{Name: in.name, Reason: readReason(err)}}
	}
	name := in.name
	if name == "-" {
		name = "stdin"
	}
	doc, err := ingest.Parse(ctx, raw, name, nil)
	if err != nil {
		var ie *ingest.Error
		if errors.As(err, &ie) {
			ie.Name = in.name
		}
	}
	return parsed{doc: doc, err: err}
}

// readReason says why a text could not be read, without repeating its name.
func readReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// describe fills a result from the stored document.
func describe(r *fileResult, d *graph.Document, put graph.PutResult) {
	r.Status = string(put.Status)
	r.Document = string(put.Document)
	r.Language = d.Source.Language
	r.Format = d.Source.Format
	if d.Resolution != nil {
		r.Reference = d.Resolution.Reference
	}
	r.Counts = &counts{
		Countries:    len(d.Countries),
		Agreements:   len(d.Agreements),
		Institutions: len(d.Institutions),
		Demands:      len(d.Demands),
		Stances:      len(d.Stances),
		Quads:        put.QuadsAdded,
	}
}

// reporter prints results as lines or JSON objects, draws a progress bar on a terminal for
// long runs, and keeps the tallies for the summary line.
type reporter struct {
	out, errOut io.Writer
	json        bool
	bar         *progressbar.ProgressBar
	tally       map[string]int
	total       int
}

func newReporter(stdout, stderr io.Writer, asJSON bool, n int) *reporter {
	r := &reporter{out: stdout, errOut: stderr, json: asJSON, tally: map[string]int{}, total: n}
	if f, ok := stderr.(*os.File); ok && n >= progressThreshold && isTerminal(f) {
		r.bar = progressbar.NewOptions(n, progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	return r
}

func (r *reporter) report(res fileResult) {
	r.tally[res.Status]++
	if r.bar != nil {
		r.bar.Clear()
	}
	if r.json {
		b, _ := json.Marshal(res)
		fmt.Fprintf(r.out, "%s\n", b)
	} else {
		fmt.Fprintln(r.out, line(res))
	}
	if r.bar != nil {
		r.bar.Add(1)
	}
}

// line is the human form of one result.
func line(res fileResult) string {
	switch res.Status {
	case "refused", "failed":
		return fmt.Sprintf("%-9s %s: %s", res.Status, res.File, res.Error)
	}
	c := res.Counts
	return fmt.Sprintf("%-9s %s %s %s: %s, %s, %s, %s, %s", res.Status, res.Reference, res.Language, res.File,
		plural(c.Countries, "country", "countries"), plural(c.Agreements, "agreement", "agreements"),
		plural(c.Institutions, "institution", "institutions"), plural(c.Demands, "demand", "demands"),
		plural(c.Stances, "stance", "stances"))
}

// plural says "1 country", "2 countries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// finish prints the summary line to stderr and returns errRefused when any text was refused
// or failed.
func (r *reporter) finish(took time.Duration) error {
	if r.bar != nil {
		r.bar.Finish()
	}
	t := r.tally
	fmt.Fprintf(r.errOut, "%d texts in %.2fs: %d added, %d replaced, %d unchanged, %d refused, %d failed\n",
		r.total, took.Seconds(), t["added"], t["replaced"], t["unchanged"], t["refused"], t["failed"])
	if t["refused"]+t["failed"] > 0 {
		return errRefused
	}
	return nil
}

// isTerminal reports whether f is a character device (a terminal, not a file or pipe).
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
