package gql

import (
	"bytes"
	"context"
	"net/http"

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

// runKey holds a run's *runState in its context.
type runKey struct{}

// runState is what a run of a query learnt about its reads.
type runState struct {
	gen  uint64 // the generation they began in
	torn bool   // a write was being applied, or committed, while they ran
	keep bool   // not torn, and the answer has data, no error, and was not cut short
}

// watchRuns fills the run's state in for each query run (see rerunTorn).
type watchRuns struct{ gen func() uint64 }

var (
	_ graphql.HandlerExtension    = watchRuns{}
	_ graphql.ResponseInterceptor = watchRuns{}
)

func (watchRuns) ExtensionName() string                   { return "WatchRuns" }
func (watchRuns) Validate(graphql.ExecutableSchema) error { return nil }

func (t watchRuns) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	st, _ := ctx.Value(runKey{}).(*runState)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query || st == nil {
		return next(ctx)
	}
	st.gen = t.gen()
	resp := next(ctx)
	st.torn = st.gen%2 == 1 || t.gen() != st.gen // odd: a write was being applied
	// An answer computed while the request was being cancelled may lack what the reads
	// gave up on: it is not kept.
	st.keep = !st.torn && resp != nil && len(resp.Errors) == 0 && resp.HasNext == nil &&
		resp.Data != nil && ctx.Err() == nil
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
			rec *recorder
			st  *runState
		)
		for run := 1; run <= runs; run++ {
			st = &runState{}
			req := r.WithContext(context.WithValue(r.Context(), runKey{}, st))
			if rewinds {
				req.Body = body.again()
			}
			rec = &recorder{header: http.Header{}, status: http.StatusOK}
			next.ServeHTTP(rec, req)
			if !st.torn || r.Context().Err() != nil {
				break
			}
		}
		rec.writeTo(w)
		answers.keep(r, st, rec.status, rec.body.Bytes())
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
