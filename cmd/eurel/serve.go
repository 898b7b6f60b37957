package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest"
)

// serve runs the GraphQL server until ctx is cancelled (SIGINT, SIGTERM), then drains
// in-flight requests for up to ten seconds and closes the store.
func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", ":8080", "address to listen on")
	dir := storeFlag(fs)
	cacheMB := fs.Int("answer-cache-mb", gql.DefaultAnswerCacheBytes>>20, "MB of answers kept for queries asked again before the graph changes (0: none)")
	memMB := fs.Int("memory-limit-mb", defaultMemoryLimitMB, "soft limit of the Go heap in MB: the garbage collector works harder near it (0: none; GOMEMLIMIT, when set, wins)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eurel serve: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if os.Getenv("GOMEMLIMIT") == "" && *memMB > 0 {
		debug.SetMemoryLimit(int64(*memMB) << 20)
	}
	st, err := openStore(ctx, *dir)
	if err != nil {
		return err
	}
	defer st.Close()
	warnIfCrowded(log)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           gql.NewHandler(withAnswerCache(gqlConfig(st, log), *cacheMB)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      90 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "graphql", "http://"+displayAddr(ln.Addr())+"/graphql", "explorer", "http://"+displayAddr(ln.Addr())+"/", "store", *dir)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// gqlConfig wires the store and the ingest pipeline into the GraphQL handler.
func gqlConfig(st *graph.Store, log *slog.Logger) gql.Config {
	return gql.Config{
		Reader: st,
		Writer: st,
		Parse: func(ctx context.Context, raw []byte, name string) (*graph.Document, error) {
			return ingest.Parse(ctx, raw, name, nil)
		},
		Logger: log,
	}
}

// defaultMemoryLimitMB is serve's soft limit of the Go runtime's memory. Without one the heap
// grows to twice what is live between collections: the view of a 100,000-resolution graph is
// ~0.7 GB live, and the heap reached 1.46 GiB; under this limit it stays near 1.2 GiB, which
// leaves the collector ~0.5 GiB of room. Resident memory adds the pages of the bbolt file the
// reads have mapped: 0.5 GiB after the benchmark suite at that size, up to 3.3 GiB when the
// whole file is in the page cache (reclaimable: a memory limit on the process bounds both).
const defaultMemoryLimitMB = 1280

// crowdedShare is the share of the memory limit above which the heap live after opening the
// store leaves the collector too little room: it then runs often, up to half the CPU.
const crowdedShare = 0.75

// warnIfCrowded logs a warning when the heap live after opening the store (the graph's view,
// mostly) takes more than crowdedShare of the soft memory limit, saying how to raise it. It
// runs a collection to measure (~0.1–0.2 s at 100,000 resolutions).
func warnIfCrowded(log *slog.Logger) {
	limit := debug.SetMemoryLimit(-1)
	if limit <= 0 || limit == math.MaxInt64 {
		return
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := s[0].Value.Uint64()
	if float64(live) > crowdedShare*float64(limit) {
		log.Warn("the graph takes most of the memory limit: the garbage collector will run often; raise --memory-limit-mb (or GOMEMLIMIT)",
			"live_mb", live>>20, "limit_mb", limit>>20)
	}
}

// withAnswerCache sets the answer cache's size in MB (0 or less: no cache).
func withAnswerCache(c gql.Config, mb int) gql.Config {
	c.AnswerCacheBytes = -1
	if mb > 0 {
		c.AnswerCacheBytes = mb << 20
	}
	return c
}

// displayAddr turns a listener address into one a browser can open (":8080" → "localhost:8080").
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
