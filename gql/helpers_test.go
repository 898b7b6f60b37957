package gql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/eurel/eurel/gql"
	"github.com/eurel/eurel/graph"
)

// store is what the HTTP tests run over: the Reader and Writer, and a snapshot of what is stored.
type store interface {
	graph.Reader
	graph.Writer
}

// testServer is the handler behind a real HTTP server, with the log it wrote.
type testServer struct {
	*httptest.Server
	log *syncBuffer
}

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

// serve starts the handler over st (as Reader and Writer) with testParse; edit adjusts the
// config.
func serve(t testing.TB, st store, edit ...func(*gql.Config)) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	cfg := gql.Config{
		Reader: st, Writer: st, Parse: testParse,
		Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	for _, e := range edit {
		e(&cfg)
	}
	srv := httptest.NewServer(gql.NewHandler(cfg))
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, log: logs}
}

// gqlError is one error of an answer.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { s, _ := e.Extensions["code"].(string); return s }

// answer is a decoded GraphQL answer with its HTTP status.
type answer struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// decode reads the data into v.
func (a *answer) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.Data, v); err != nil {
		t.Fatalf("decoding data %s: %v", a.Data, err)
	}
}

// post sends a GraphQL request as JSON.
func (s *testServer) post(t testing.TB, query string, vars map[string]any) *answer {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return s.raw(t, http.MethodPost, "/graphql", "application/json", bytes.NewReader(body))
}

// get sends a GraphQL request as GET.
func (s *testServer) get(t testing.TB, query string, vars map[string]any) *answer {
	t.Helper()
	q := url.Values{"query": {query}}
	if vars != nil {
		b, _ := json.Marshal(vars)
		q.Set("variables", string(b))
	}
	return s.raw(t, http.MethodGet, "/graphql?"+q.Encode(), "", nil)
}

// raw sends any request and decodes the answer as GraphQL's JSON.
func (s *testServer) raw(t testing.TB, method, path, contentType string, body io.Reader) *answer {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := &answer{Status: res.StatusCode, Header: res.Header}
	if err := json.Unmarshal(b, a); err != nil {
		t.Fatalf("%s %s: answer is not JSON (%v): %.300s", method, path, err, b)
	}
	return a
}

// ok sends a query that must succeed and decodes its data into v.
func (s *testServer) ok(t testing.TB, query string, vars map[string]any, v any) {
	t.Helper()
	a := s.post(t, query, vars)
	if a.Status != http.StatusOK || len(a.Errors) > 0 {
		t.Fatalf("query failed: HTTP %d, errors %+v\nquery: %s", a.Status, a.Errors, query)
	}
	if v != nil {
		a.decode(t, v)
	}
}

// wantError checks the answer holds an error with the code whose message contains each of
// parts.
func wantError(t testing.TB, a *answer, code string, parts ...string) {
	t.Helper()
	for _, e := range a.Errors {
		if e.code() != code {
			continue
		}
		found := true
		for _, p := range parts {
			found = found && strings.Contains(e.Message, p)
		}
		if found {
			return
		}
	}
	t.Fatalf("want a %s error mentioning %q; got HTTP %d, errors %+v", code, parts, a.Status, a.Errors)
}
