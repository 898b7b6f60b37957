package gql

import (
	"bytes"
	"context"
	"net/http"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// A query reads the graph in several batches (one per level of the answer); a write that
// commits between two of them would give an answer that is half before it, half after. When
// the graph's generation (see Generational) changed while a query ran, the query is run
// again, with fresh loaders, up to maxQueryRuns times in all; the answer served is the first
// that no write interrupted (or the last run's, when writes keep coming).

// maxQueryRuns is how many times a query is run at most.
const maxQueryRuns = 3

// tornKey marks a request's context with the flag the interceptor raises.
type tornKey struct{}

// tornQueries raises the request's flag when a query's reads spanned a write.
type tornQueries struct{ gen func() uint64 }

var (
	_ graphql.HandlerExtension    = tornQueries{}
	_ graphql.ResponseInterceptor = tornQueries{}
)

func (tornQueries) ExtensionName() string                   { return "TornQueries" }
func (tornQueries) Validate(graphql.ExecutableSchema) error { return nil }

func (t tornQueries) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	flag, _ := ctx.Value(tornKey{}).(*atomic.Bool)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query || flag == nil {
		return next(ctx)
	}
	gen := t.gen()
	resp := next(ctx)
	if gen%2 == 1 || t.gen() != gen { // odd: a write was being applied
		flag.Store(true)
	}
	return resp
}

// rerunTorn runs a request again while its query's reads spanned a write, and writes the
// answer of the last run, which answers keeps when it may (answers may be nil). next must be
// the handler that gives each run its own loaders. A body must have been read whole
// (readBody) to be read again; any other is run once.
func rerunTorn(next http.Handler, answers *answerCache) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, rewinds := r.Body.(requestBody)
		runs := maxQueryRuns
		if !rewinds && r.Body != nil && r.Body != http.NoBody {
			runs = 1
		}
		var (
			rec  *recorder
			slot *answerSlot
		)
		for run := 1; run <= runs; run++ {
			torn := &atomic.Bool{}
			slot = &answerSlot{}
			ctx := context.WithValue(context.WithValue(r.Context(), tornKey{}, torn), answerSlotKey{}, slot)
			req := r.WithContext(ctx)
			if rewinds {
				req.Body = body.again()
			}
			rec = &recorder{header: http.Header{}, status: http.StatusOK}
			next.ServeHTTP(rec, req)
			if !torn.Load() || r.Context().Err() != nil {
				break
			}
		}
		rec.writeTo(w)
		answers.keep(r, slot, rec.status, rec.body.Bytes())
	})
}

// recorder keeps a run's answer until it is known to be the one served.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }

func (r *recorder) writeTo(w http.ResponseWriter) {
	for k, v := range r.header {
		w.Header()[k] = v
	}
	w.WriteHeader(r.status)
	_, _ = w.Write(r.body.Bytes())
}
