package gql

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/eurel/eurel/gql/internal/generated"
	"github.com/eurel/eurel/graph"
)

// Defaults of Config's limits.
const (
	DefaultMaxBodyBytes     = 12 << 20 // 12 MiB: the ingest mutation carries a whole text
	DefaultTimeout          = 30 * time.Second
	DefaultComplexityLimit  = 5000
	DefaultAnswerCacheBytes = 64 << 20
)

// Config is what NewHandler needs. Reader is required; Writer and Parse are needed by the
// mutations only (without them, mutations answer INTERNAL and queries work).
type Config struct {
	Reader graph.Reader
	Writer graph.Writer
	// Parse turns one raw text into a Document (injected by cmd from package ingest). Errors
	// wrapping graph.ErrBadInput are the user's bad input: the ingest mutation answers them with
	// BAD_INPUT and the error's own message.
	Parse func(ctx context.Context, raw []byte, name string) (*graph.Document, error)

	MaxBodyBytes    int64         // request body limit; 0 means DefaultMaxBodyBytes
	Timeout         time.Duration // per request; 0 means DefaultTimeout
	ComplexityLimit int           // query cost limit (see complexity.go); 0 means DefaultComplexityLimit
	// AnswerCacheBytes bounds the answers kept for queries asked again before the graph
	// changes (see answerCache; the Reader must be Generational); 0 means
	// DefaultAnswerCacheBytes, a negative value turns the cache off.
	AnswerCacheBytes int
	Logger           *slog.Logger // nil means slog.Default()
}

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.ComplexityLimit <= 0 {
		c.ComplexityLimit = DefaultComplexityLimit
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.AnswerCacheBytes == 0 {
		c.AnswerCacheBytes = DefaultAnswerCacheBytes
	}
	return c
}

// server holds what the handler's parts share.
type server struct {
	cfg     Config
	log     *slog.Logger
	answers *answerCache // nil when answers are not kept
}

// NewHandler serves the GraphQL API and its explorer:
//
//   - POST /graphql (application/json) and GET /graphql (?query=&variables=, queries only);
//   - GET /healthz: 200 {"status":"ok"};
//   - GET /: the explorer, a page to write queries, see the schema and ingest a text.
//
// Every error answer is JSON in GraphQL's shape, {"errors":[{"message","extensions":{"code"}}]}:
// a body over MaxBodyBytes is refused with 413 before it is parsed, a request running past
// Timeout gets 503 TIMEOUT, a query costing more than ComplexityLimit is refused before it runs,
// and panics become INTERNAL errors.
//
// It panics when cfg.Reader is nil.
func NewHandler(cfg Config) http.Handler {
	if cfg.Reader == nil {
		panic("gql.NewHandler: Config.Reader is nil")
	}
	cfg = cfg.withDefaults()
	s := &server{cfg: cfg, log: cfg.Logger}

	res := &resolver{reader: cfg.Reader, writer: cfg.Writer, parse: cfg.Parse, log: cfg.Logger}
	es := generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: complexityRoot()})
	res.satisfies = satisfiesOf(es.Schema())
	gq := handler.New(es)
	gq.AddTransport(transport.GET{})
	gq.AddTransport(transport.POST{})
	gq.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gq.Use(extension.Introspection{})
	gq.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	gq.Use(queriesOnlyOverGET{})
	var endpoint http.Handler = withLoaders(cfg.Reader, gq)
	if g, ok := cfg.Reader.(Generational); ok {
		gq.Use(watchRuns{g.Generation})
		if cfg.AnswerCacheBytes > 0 {
			s.answers = newAnswerCache(g.Generation, cfg.AnswerCacheBytes)
		}
		endpoint = rerunTorn(endpoint, s.answers)
	}
	gq.SetErrorPresenter(s.presentError)
	gq.SetRecoverFunc(s.recoverPanic)

	mux := http.NewServeMux()
	mux.Handle("/graphql", s.graphqlEndpoint(endpoint))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.Handle("GET /{$}", explorerHandler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, CodeNotFound, fmt.Sprintf("no such page: %s (the API is at /graphql)", r.URL.Path))
	})
	return s.recoverHTTP(mux)
}

// graphqlEndpoint checks what gqlgen's transports would answer without a code or with the whole
// body echoed back (a wrong method or content type, a body too large or not JSON), answers
// from the kept answers when it can, else runs the request under the time limit.
func (s *server) graphqlEndpoint(next http.Handler) http.Handler {
	timed := http.TimeoutHandler(next, s.cfg.Timeout, errorBody(CodeTimeout,
		fmt.Sprintf("the request took longer than its limit of %s", s.cfg.Timeout)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var (
			params gqlParams
			ok     bool
		)
		switch r.Method {
		case http.MethodGet:
			if params, ok = checkQueryString(w, r); !ok {
				return
			}
			r = r.WithContext(context.WithValue(r.Context(), overGETKey{}, true))
		case http.MethodPost:
			mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if err != nil || mt != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, CodeBadInput,
					"POST /graphql wants Content-Type: application/json")
				return
			}
			if params, ok = s.readBody(w, r); !ok {
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST")
			writeError(w, http.StatusMethodNotAllowed, CodeBadInput, "/graphql answers GET and POST")
			return
		}
		// The answer to a timeout is JSON too: TimeoutHandler keeps this header when it gives up.
		w.Header().Set("Content-Type", "application/json")
		if s.answers != nil {
			if key, ok := params.key(); ok {
				if body, ok := s.answers.get(key); ok {
					_, _ = w.Write(body)
					return
				}
				r = r.WithContext(context.WithValue(r.Context(), answerKeyKey{}, key))
			}
		}
		timed.ServeHTTP(w, r)
	})
}

// gqlParams are a GraphQL request's parameters, from a POST body or a GET query string.
type gqlParams struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
	Extensions    map[string]any `json:"extensions"`
}

// readBody reads the whole body under the size limit and checks it is a JSON object of a
// GraphQL request, answering 413 or 400 itself when not. The body is put back for gqlgen.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) (gqlParams, bool) {
	var params gqlParams
	limit := s.cfg.MaxBodyBytes
	tooLarge := func() (gqlParams, bool) {
		writeError(w, http.StatusRequestEntityTooLarge, CodeBadInput,
			fmt.Sprintf("the request body is larger than the limit of %s", formatBytes(limit)))
		return params, false
	}
	if r.ContentLength > limit {
		return tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return tooLarge()
		}
		writeError(w, http.StatusBadRequest, CodeBadInput, "could not read the request body: "+err.Error())
		return params, false
	}
	if err := json.Unmarshal(body, &params); err != nil {
		writeError(w, http.StatusBadRequest, CodeBadInput,
			`the request body is not a GraphQL request in JSON ({"query": "...", "variables": {...}}): `+err.Error())
		return params, false
	}
	r.Body = requestBody{bytes.NewReader(body), body}
	r.ContentLength = int64(len(body))
	return params, true
}

// requestBody is a request body read whole, which a run of the request can read again (see
// rerunTorn).
type requestBody struct {
	*bytes.Reader
	data []byte
}

func (requestBody) Close() error { return nil }

// again is the body from its start.
func (b requestBody) again() io.ReadCloser { return requestBody{bytes.NewReader(b.data), b.data} }

// checkQueryString checks what gqlgen's GET transport would refuse without a code: a query
// string that does not parse, variables or extensions that are not JSON.
func checkQueryString(w http.ResponseWriter, r *http.Request) (gqlParams, bool) {
	params := gqlParams{}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, CodeBadInput, "the query string does not parse: "+err.Error())
		return params, false
	}
	params.Query, params.OperationName = q.Get("query"), q.Get("operationName")
	for param, into := range map[string]*map[string]any{"variables": &params.Variables, "extensions": &params.Extensions} {
		if v := q.Get(param); v != "" && json.Unmarshal([]byte(v), into) != nil {
			writeError(w, http.StatusBadRequest, CodeBadInput, param+" is not a JSON object")
			return params, false
		}
	}
	return params, true
}

// overGETKey marks the context of a GET request, for queriesOnlyOverGET.
type overGETKey struct{}

// queriesOnlyOverGET refuses mutations sent with GET (a link or a prefetch must not write),
// with a coded error; gqlgen's GET transport would refuse them without a code.
type queriesOnlyOverGET struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queriesOnlyOverGET{}

func (queriesOnlyOverGET) ExtensionName() string                   { return "QueriesOnlyOverGET" }
func (queriesOnlyOverGET) Validate(graphql.ExecutableSchema) error { return nil }
func (queriesOnlyOverGET) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if get, _ := ctx.Value(overGETKey{}).(bool); !get || op.Operation == nil || op.Operation.Operation == ast.Query {
		return nil
	}
	err := gqlerror.Errorf("GET requests may only query: send a %s with POST", op.Operation.Operation)
	err.Extensions = map[string]any{"code": CodeBadInput}
	return err
}

// recoverHTTP answers a panic outside gqlgen's own recovery with a 500 INTERNAL error.
func (s *server) recoverHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			ref := errorRef()
			s.log.ErrorContext(r.Context(), "http: panic", slog.String("ref", ref), slog.String("path", r.URL.Path),
				slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
			writeError(w, http.StatusInternalServerError, CodeInternal, "internal error (ref "+ref+")")
		}()
		next.ServeHTTP(w, r)
	})
}

func errorBody(code, msg string) string {
	b, _ := json.Marshal(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}},
	})
	return string(b)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, errorBody(code, msg))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
