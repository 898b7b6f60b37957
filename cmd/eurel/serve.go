package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
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

// defaultMemoryLimitMB is serve's soft heap limit: the view of a 100,000-resolution graph is
// about 1.3 GB, and without a limit the heap grows to twice what is live between collections.
const defaultMemoryLimitMB = 1792

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
