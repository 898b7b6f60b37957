// Command eurel-bench measures eurel against the targets of issue 4 in one run, on a bbolt
// store of N synthetic OEIL summaries (internal/synth):
//
//  1. corpus: writes the N summaries into DIR/synth-N (reused when complete);
//  2. bulk ingest: execs `eurel ingest --json` (the binary built from this module) into a
//     fresh store: summaries/s and quads/s, end to end;
//  3. start-up: execs `eurel serve` on the store and times exec → first 200 from /healthz;
//  4. the frontend suite over HTTP: six queries with arguments picked from the data, each
//     run R times after a warm-up: p50, p99, mean;
//  5. the ingest mutation: M single texts (summaries the corpus does not hold) over HTTP,
//     then deleted again: median, p90, p99;
//  6. the server's resident memory (VmRSS, VmHWM) after all that; then the server stops;
//  7. the baseline: the same six answers computed field by field from Cayley paths
//     (graph.Naive) in process on the same store, checked against eurel's answers, and the
//     ratio of its p50 to eurel's.
//
// It prints a table and where each target is met or missed (or JSON with -json). Run it from
// the repository root:
//
//	go run ./cmd/eurel-bench -n 2000                        # a quick run, a few minutes
//	go run ./cmd/eurel-bench                                # 100,000 summaries, 20 to 40 minutes
//	go run ./cmd/eurel-bench -skip-ingest -store DIR        # the suite again on an existing store
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
)

// config is the command line.
type config struct {
	N              int
	Dir            string
	Store          string
	SkipIngest     bool
	Eurel          string
	Runs           int
	Warmup         int
	Mutations      int
	BaselineRuns   int
	BaselineBudget time.Duration
	StartupTimeout time.Duration
	JSON           bool
	CPUProfile     string
	Quiet          bool
	NoAnswerCache  bool
}

func parseConfig(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("eurel-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.N, "n", 100000, "number of synthetic summaries in the corpus")
	fs.StringVar(&c.Dir, "dir", "/tmp/eurel-bench", "directory for the corpus (DIR/synth-N, reused when complete) and, by default, the store")
	fs.StringVar(&c.Store, "store", "", "store directory (default DIR/store-N); replaced by the ingest unless -skip-ingest")
	fs.BoolVar(&c.SkipIngest, "skip-ingest", false, "use the existing store as it is: no bulk ingest")
	fs.StringVar(&c.Eurel, "eurel", "", "eurel binary to run (default: build ./cmd/eurel into a temporary directory)")
	fs.IntVar(&c.Runs, "runs", 200, "measured runs of each suite query")
	fs.IntVar(&c.Warmup, "warmup", 20, "unmeasured runs of each suite query first")
	fs.IntVar(&c.Mutations, "mutations", 200, "ingest mutations to time")
	fs.IntVar(&c.BaselineRuns, "baseline-runs", 20, "most runs of each query by the baseline")
	fs.DurationVar(&c.BaselineBudget, "baseline-budget", time.Minute, "most time the baseline spends on one query (a run is cut there)")
	fs.DurationVar(&c.StartupTimeout, "startup-timeout", 5*time.Minute, "how long to wait for the server's first /healthz")
	fs.BoolVar(&c.JSON, "json", false, "print the results as JSON instead of a table")
	fs.StringVar(&c.CPUProfile, "cpuprofile", "", "also serve the suite in process on the store (after the baseline) and write its CPU profile here")
	fs.BoolVar(&c.Quiet, "q", false, "no progress messages on standard error")
	fs.BoolVar(&c.NoAnswerCache, "no-answer-cache", false, "run the server without its answer cache (every query read afresh)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./cmd/eurel-bench [flags]\n\nMeasures bulk ingest, start-up, the ingest mutation, the frontend suite, memory and\nthe naive baseline on a store of N synthetic summaries.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if c.N <= 0 || c.Runs <= 0 || c.Warmup < 0 || c.Mutations < 0 || c.BaselineRuns < 0 {
		return c, fmt.Errorf("-n and -runs must be positive, -warmup, -mutations and -baseline-runs not negative")
	}
	if c.Store == "" {
		c.Store = filepath.Join(c.Dir, fmt.Sprintf("store-%d", c.N))
	}
	return c, nil
}

// report is everything one run measured.
type report struct {
	Machine      machine          `json:"machine"`
	N            int              `json:"n"`
	Corpus       string           `json:"corpus"`
	Store        string           `json:"store"`
	StoreBytes   int64            `json:"store_bytes"`
	Ingest       *ingestResult    `json:"ingest,omitempty"` // nil with -skip-ingest
	Startup      time.Duration    `json:"startup_ns"`
	MemStarted   memory           `json:"memory_after_startup"`
	MemSuite     memory           `json:"memory_after_suite"`
	MemEnd       memory           `json:"memory_after_mutations"`
	Args         *suiteArgs       `json:"arguments"`
	Suite        []queryResult    `json:"suite"`
	Mutation     mutationResult   `json:"ingest_mutation"`
	BaselineOpen time.Duration    `json:"baseline_open_ns"`
	Targets      []targetOutcome  `json:"targets"`
	Notes        []string         `json:"notes,omitempty"`
	Config       config           `json:"config"`
	Phases       map[string]int64 `json:"phase_seconds"`
	// Load is the machine's load average (1, 5, 15 minutes) at the end of each phase: other
	// work on the machine slows every figure.
	Load map[string]string `json:"load_average"`
}

// machine is where the run happened.
type machine struct {
	Cores      int    `json:"cores"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	Go         string `json:"go"`
	OS         string `json:"os"`
	CPU        string `json:"cpu,omitempty"`
	MemTotal   string `json:"mem_total,omitempty"`
	Commit     string `json:"commit,omitempty"`
	Started    string `json:"started"`
	Load       string `json:"load_average_at_start"`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg, err := parseConfig(os.Args[1:], os.Stderr)
	if err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintln(os.Stderr, "eurel-bench:", err)
		}
		os.Exit(2)
	}
	rep, err := run(ctx, cfg, os.Stderr)
	if rep != nil {
		if cfg.JSON {
			enc := json.NewEncoder(os.Stdout)
			enc.SetIndent("", "  ")
			enc.Encode(rep)
		} else {
			printReport(os.Stdout, rep)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eurel-bench:", err)
		os.Exit(1)
	}
}

// run measures everything; on an error it returns what it measured so far with the error.
func run(ctx context.Context, cfg config, stderr io.Writer) (*report, error) {
	logf := func(format string, args ...any) {
		if !cfg.Quiet {
			fmt.Fprintf(stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
		}
	}
	rep := &report{Machine: describeMachine(ctx), N: cfg.N, Store: cfg.Store, Config: cfg, Phases: map[string]int64{}, Load: map[string]string{}}
	phase := func(name string, start time.Time) {
		rep.Phases[name] = int64(time.Since(start).Seconds())
		rep.Load[name] = loadAverage()
	}

	t := time.Now()
	corpus, written, took, err := ensureCorpus(cfg.Dir, cfg.N)
	if err != nil {
		return rep, err
	}
	rep.Corpus = corpus
	if written {
		logf("wrote %d summaries into %s in %.1fs", cfg.N, corpus, took.Seconds())
	} else {
		logf("reusing the corpus in %s", corpus)
	}
	phase("corpus", t)

	bin := cfg.Eurel
	if bin == "" {
		tmp, err := os.MkdirTemp("", "eurel-bench-")
		if err != nil {
			return rep, err
		}
		defer os.RemoveAll(tmp)
		logf("building eurel")
		if bin, err = buildEurel(ctx, tmp); err != nil {
			return rep, err
		}
	}

	if !cfg.SkipIngest {
		if err := freshStore(cfg.Store); err != nil {
			return rep, err
		}
		logf("eurel ingest of %d summaries into %s", cfg.N, cfg.Store)
		t = time.Now()
		res, err := runIngest(ctx, bin, cfg.Store, corpus)
		if err != nil {
			return rep, err
		}
		rep.Ingest = &res
		phase("ingest", t)
		logf("ingested: %s (%.0f summaries/s)", res.Summary, res.docsPerSecond())
	} else if _, err := os.Stat(filepath.Join(cfg.Store, "indexes.bolt")); err != nil {
		return rep, fmt.Errorf("-skip-ingest: no store in %s: %w", cfg.Store, err)
	}
	rep.StoreBytes = dirSize(cfg.Store)

	logf("starting eurel serve")
	t = time.Now()
	var serveArgs []string
	if cfg.NoAnswerCache {
		serveArgs = []string{"--answer-cache-mb", "0"}
	}
	srv, startup, err := startServer(ctx, bin, cfg.Store, filepath.Join(cfg.Dir, fmt.Sprintf("serve-%d.log", cfg.N)), cfg.StartupTimeout, serveArgs...)
	if err != nil {
		return rep, err
	}
	defer srv.stop()
	rep.Startup = startup
	rep.MemStarted, _ = srv.memory()
	logf("serving after %.2fs, VmRSS %s", startup.Seconds(), gib(rep.MemStarted.RSS))
	endpoint := srv.base + "/graphql"

	args, err := pickArgs(ctx, srv.client, endpoint)
	if err != nil {
		return rep, err
	}
	rep.Args = args
	phase("startup+arguments", t)

	logf("the frontend suite: %d runs of each query after %d warm-up runs", cfg.Runs, cfg.Warmup)
	t = time.Now()
	rep.Suite = runSuite(ctx, srv.client, endpoint, suiteQueries(args), cfg.Warmup, cfg.Runs, logf)
	rep.MemSuite, _ = srv.memory()
	phase("suite", t)

	if cfg.Mutations > 0 {
		logf("%d ingest mutations", cfg.Mutations)
		t = time.Now()
		rep.Mutation = runMutations(ctx, srv.client, endpoint, cfg.N, cfg.Mutations, suiteQueries(args)[0])
		phase("mutations", t)
	}
	rep.MemEnd, _ = srv.memory()
	if err := srv.stop(); err != nil {
		rep.Notes = append(rep.Notes, "the server did not stop cleanly: "+err.Error())
	}
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}

	if cfg.BaselineRuns > 0 {
		logf("the baseline: up to %d runs of each query, at most %v each", cfg.BaselineRuns, cfg.BaselineBudget)
		t = time.Now()
		rep.BaselineOpen, err = runBaseline(ctx, cfg.Store, args, rep.Suite, cfg.BaselineRuns, cfg.BaselineBudget)
		if err != nil {
			return rep, err
		}
		phase("baseline", t)
	}
	if cfg.CPUProfile != "" {
		logf("profiling the suite in process into %s", cfg.CPUProfile)
		if err := profileSuite(ctx, cfg, args, logf); err != nil {
			return rep, err
		}
	}
	rep.Targets = evaluate(rep)
	return rep, nil
}

// freshStore makes sure dir is an empty store directory: absent, empty, or a store this
// command may replace (it holds indexes.bolt).
func freshStore(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "indexes.bolt")); err != nil {
		return fmt.Errorf("%s holds files that are not a eurel store: not replacing it", dir)
	}
	return os.RemoveAll(dir)
}

// profileSuite serves the store in process (gql.NewHandler, as `eurel serve` wires it) and
// runs the suite once more under the CPU profiler.
func profileSuite(ctx context.Context, cfg config, args *suiteArgs, logf func(string, ...any)) error {
	st, err := graph.Open(ctx, graph.Config{Backend: graph.BackendBolt, Path: cfg.Store, OpenTimeout: 30 * time.Second})
	if err != nil {
		return err
	}
	defer st.Close()
	cacheBytes := 0 // the server's default
	if cfg.NoAnswerCache {
		cacheBytes = -1
	}
	h := gql.NewHandler(gql.Config{Reader: st, Writer: st, AnswerCacheBytes: cacheBytes,
		Parse: func(ctx context.Context, raw []byte, name string) (*graph.Document, error) {
			return ingest.Parse(ctx, raw, name, nil)
		},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	f, err := os.Create(cfg.CPUProfile)
	if err != nil {
		return err
	}
	defer f.Close()
	queries := suiteQueries(args)
	runSuite(ctx, srv.Client(), srv.URL+"/graphql", queries, cfg.Warmup, 1, logf) // warm the caches
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	runSuite(ctx, srv.Client(), srv.URL+"/graphql", queries, 0, min(cfg.Runs, 50), logf)
	pprof.StopCPUProfile()
	return nil
}

// describeMachine says where the run happens.
func describeMachine(ctx context.Context) machine {
	m := machine{Cores: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), Go: runtime.Version(),
		OS: runtime.GOOS + "/" + runtime.GOARCH, Started: time.Now().Format(time.RFC3339), Load: loadAverage()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && k == "MemTotal" {
				m.MemTotal = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.CommandContext(ctx, "git", "describe", "--always", "--dirty").Output(); err == nil {
		m.Commit = strings.TrimSpace(string(out))
	}
	return m
}

// loadAverage is the first three fields of /proc/loadavg.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return ""
}

// dirSize is the bytes the files under dir take.
func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512
			} else {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// --- the report ---

// targetOutcome is one target of the issue and how the run fared against it.
type targetOutcome struct {
	What   string `json:"what"`
	Target string `json:"target"`
	Value  string `json:"value"`
	Met    bool   `json:"met"`
	By     string `json:"by"` // how far from the target, either way
}

// evaluate compares the run with the targets.
func evaluate(rep *report) []targetOutcome {
	var out []targetOutcome
	atMost := func(what string, got, limit float64, unit string, format func(float64) string) {
		o := targetOutcome{What: what, Target: "≤ " + format(limit) + unit, Value: format(got) + unit, Met: got <= limit}
		if o.Met {
			o.By = fmt.Sprintf("met, %.1f× under", limit/max(got, 1e-9))
		} else {
			o.By = fmt.Sprintf("MISSED, %.1f× over", got/limit)
		}
		out = append(out, o)
	}
	atLeast := func(what string, got, limit float64, unit string, format func(float64) string) {
		o := targetOutcome{What: what, Target: "≥ " + format(limit) + unit, Value: format(got) + unit, Met: got >= limit}
		if o.Met {
			o.By = fmt.Sprintf("met, %.1f× above", got/limit)
		} else {
			o.By = fmt.Sprintf("MISSED, %.1f× short", limit/max(got, 1e-9))
		}
		out = append(out, o)
	}
	num := func(x float64) string { return fmt.Sprintf("%.0f", x) }
	ms := func(x float64) string { return fmt.Sprintf("%.2f", x) }
	sec := func(x float64) string { return fmt.Sprintf("%.1f", x) }
	gibs := func(x float64) string { return fmt.Sprintf("%.2f", x) }
	if rep.Ingest != nil {
		atLeast("bulk ingest from files", rep.Ingest.docsPerSecond(), 1000, " summaries/s", num)
	}
	if rep.Mutation.Latency.N > 0 {
		atMost("ingest mutation, median", millis(rep.Mutation.Latency.P50), 20, " ms", ms)
	}
	for _, q := range rep.Suite {
		if q.Latency.N == 0 || q.Failed == q.Latency.N {
			out = append(out, targetOutcome{What: q.Name, Target: "p50 ≤ 2 ms, p99 ≤ 10 ms", Value: "failed", By: "MISSED: " + q.Error})
			continue
		}
		atMost(q.Name+", p50", millis(q.Latency.P50), 2, " ms", ms)
		atMost(q.Name+", p99", millis(q.Latency.P99), 10, " ms", ms)
	}
	for _, q := range rep.Suite {
		if b := q.Baseline; b != nil && b.Ratio > 0 && q.Failed < q.Latency.N {
			prefix := ""
			if b.Latency.N == 0 {
				prefix = "≥ "
			}
			o := targetOutcome{What: "baseline / eurel, " + q.Name, Target: "≥ 10×", Value: fmt.Sprintf("%s%.1f×", prefix, b.Ratio), Met: b.Ratio >= 10}
			if o.Met {
				o.By = fmt.Sprintf("met, %.1f× above", b.Ratio/10)
			} else {
				o.By = fmt.Sprintf("MISSED, %.1f× short", 10/b.Ratio)
			}
			out = append(out, o)
		}
	}
	if rep.MemEnd.RSS > 0 {
		rss := max(rep.MemSuite.RSS, rep.MemEnd.RSS)
		atMost("server memory, resident after the suite", float64(rss)/(1<<30), 2, " GiB", gibs)
		atMost("server memory, peak resident (VmHWM)", float64(rep.MemEnd.HWM)/(1<<30), 2, " GiB", gibs)
	}
	if rep.Startup > 0 {
		atMost("start-up to serving", rep.Startup.Seconds(), 10, " s", sec)
	}
	return out
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func gib(b int64) string { return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30)) }

// dur prints a duration in milliseconds with three significant figures.
func dur(d time.Duration) string {
	ms := millis(d)
	switch {
	case ms >= 100:
		return fmt.Sprintf("%.0f ms", ms)
	case ms >= 10:
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.2f ms", ms)
}

// printReport writes the human report.
func printReport(w io.Writer, rep *report) {
	m := rep.Machine
	fmt.Fprintf(w, "eurel-bench  %s\n", m.Started)
	fmt.Fprintf(w, "machine      %d cores (GOMAXPROCS %d), %s, %s, %s, memory %s\n", m.Cores, m.GOMAXPROCS, m.CPU, m.Go, m.OS, m.MemTotal)
	fmt.Fprintf(w, "eurel        %s\n", m.Commit)
	fmt.Fprintf(w, "load average %s at start;", m.Load)
	for _, p := range []string{"ingest", "suite", "mutations", "baseline"} {
		if l, ok := rep.Load[p]; ok {
			fmt.Fprintf(w, " %s after %s (%d s);", l, p, rep.Phases[p])
		}
	}
	fmt.Fprintln(w, " (1, 5, 15 min; 2 means both cores busy)")
	fmt.Fprintf(w, "corpus       %d synthetic summaries in %s\n", rep.N, rep.Corpus)
	fmt.Fprintf(w, "store        %s, %.0f MB on disk\n", rep.Store, float64(rep.StoreBytes)/1e6)
	cache := "on (the server's default: a query asked again before the graph changes is answered from memory)"
	if rep.Config.NoAnswerCache {
		cache = "off (-no-answer-cache: every query read afresh)"
	}
	fmt.Fprintf(w, "answer cache %s\n\n", cache)

	if in := rep.Ingest; in != nil {
		fmt.Fprintf(w, "bulk ingest       %d texts in %.1f s: %.0f summaries/s, %.0f quads/s (%d quads, %.0f a summary)\n",
			in.Texts, in.Took.Seconds(), in.docsPerSecond(), in.quadsPerSecond(), in.Quads, float64(in.Quads)/float64(max(in.Texts, 1)))
		fmt.Fprintf(w, "                  statuses %v; eurel says: %s\n", in.Statuses, in.Summary)
		for _, e := range in.Errors {
			fmt.Fprintf(w, "                  refused: %s\n", e)
		}
	} else {
		fmt.Fprintf(w, "bulk ingest       skipped (-skip-ingest)\n")
	}
	if rep.Startup > 0 {
		fmt.Fprintf(w, "start-up          %.2f s from exec to the first 200 from /healthz\n", rep.Startup.Seconds())
		fmt.Fprintf(w, "memory            VmRSS %s after start-up, %s after the suite, %s after the mutations; VmHWM %s\n",
			gib(rep.MemStarted.RSS), gib(rep.MemSuite.RSS), gib(rep.MemEnd.RSS), gib(rep.MemEnd.HWM))
		fmt.Fprintf(w, "                  at the end: %s anonymous (heap), %s file pages (the bbolt map, reclaimable)\n",
			gib(rep.MemEnd.Anon), gib(rep.MemEnd.File))
	}
	if mu := rep.Mutation; mu.Latency.N > 0 || mu.Error != "" {
		fmt.Fprintf(w, "ingest mutation   %d texts: p50 %s, p90 %s, p99 %s, mean %s; statuses %v",
			mu.Latency.N, dur(mu.Latency.P50), dur(mu.Latency.P90), dur(mu.Latency.P99), dur(mu.Latency.Mean), mu.Statuses)
		if mu.Failed > 0 {
			fmt.Fprintf(w, "; %d failed: %s", mu.Failed, mu.Error)
		}
		fmt.Fprintf(w, "\n                  deleting them again (deleteDocument): p50 %s, p99 %s\n", dur(mu.Delete.P50), dur(mu.Delete.P99))
		if a := mu.AfterWrite; a.N > 0 {
			fmt.Fprintf(w, "                  the country page right after each: p50 %s, p90 %s, p99 %s\n", dur(a.P50), dur(a.P90), dur(a.P99))
		}
	}

	if len(rep.Suite) > 0 {
		fmt.Fprintf(w, "\n%-24s %5s %9s %9s %9s %9s %8s | %5s %10s %10s %9s %s\n", "query", "runs", "p50", "p90", "p99", "mean", "answer",
			"runs", "base p50", "base max", "ratio", "answers agree")
		for _, q := range rep.Suite {
			fmt.Fprintf(w, "%-24s %5d %9s %9s %9s %9s %7.0fk |", q.Name, q.Latency.N, dur(q.Latency.P50), dur(q.Latency.P90),
				dur(q.Latency.P99), dur(q.Latency.Mean), float64(q.MeanBytes)/1000)
			if b := q.Baseline; b != nil {
				ratio := "-"
				if b.Ratio > 0 {
					ratio = fmt.Sprintf("%.0f×", b.Ratio)
					if b.Latency.N == 0 {
						ratio = "≥ " + ratio
					}
				}
				base, baseMax := dur(b.Latency.P50), dur(b.Latency.Max)
				if b.Latency.N == 0 {
					base, baseMax = "-", "-"
				}
				if b.TimedOut {
					baseMax = "cut at budget"
				}
				agree := fmt.Sprintf("%d/%d", b.Agree, b.Checked)
				if q.Name == "search" {
					agree = "(not compared)"
				}
				fmt.Fprintf(w, " %5d %10s %10s %9s %s", b.Latency.N, base, baseMax, ratio, agree)
				if b.Error != "" {
					fmt.Fprintf(w, " error: %s", b.Error)
				}
			}
			fmt.Fprintln(w)
			if q.Failed > 0 {
				fmt.Fprintf(w, "    %d of %d runs FAILED: %s\n", q.Failed, q.Latency.N, q.Error)
			}
			if b := q.Baseline; b != nil && b.Mismatch != "" {
				fmt.Fprintf(w, "    baseline differs: %s\n", b.Mismatch)
			}
		}
		fmt.Fprintf(w, "(eurel over HTTP against the child server; the baseline in process on the same store after the server stopped, opened in %.1f s)\n", rep.BaselineOpen.Seconds())
	}
	if a := rep.Args; a != nil {
		fmt.Fprintf(w, "\narguments: countries")
		for _, c := range a.Countries {
			fmt.Fprintf(w, " %s (%d)", c.Code, c.Resolutions)
		}
		fmt.Fprintf(w, "; agreements of")
		for _, ag := range a.Agreements {
			fmt.Fprintf(w, " %s (%d resolutions)", ag.Country, ag.Resolutions)
		}
		fmt.Fprintf(w, "; %d path ends; searches %q\n", len(a.Paths), a.Searches)
	}
	if len(rep.Targets) > 0 {
		fmt.Fprintf(w, "\n%-46s %-26s %-14s %s\n", "target", "wanted", "measured", "")
		for _, t := range rep.Targets {
			fmt.Fprintf(w, "%-46s %-26s %-14s %s\n", t.What, t.Target, t.Value, t.By)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}
