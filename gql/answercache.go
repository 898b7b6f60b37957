package gql

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Generational is a Reader whose graph has a generation: a number that changes whenever what
// reads answer may change (every write, and on a shared store every write another server
// made), odd while a write is being applied. graph.Store is one.
type Generational interface {
	Generation() uint64
}

// answerCache keeps the answers to queries: a frontend asks the same pages again and again
// (a country, an agreement), and between two writes the same query with the same variables
// has the same answer. An answer is kept under its query text, operation name and variables,
// for the generation it was computed in; it is served only while the generation is still
// the reader's, so no answer older than the graph is ever served. Answers with errors are
// not kept, nor are mutations. Past max bytes the cache starts again empty.
type answerCache struct {
	gen   func() uint64
	max   int
	mu    sync.Mutex
	at    uint64 // the generation of every entry
	m     map[string]json.RawMessage
	bytes int
}

func newAnswerCache(gen func() uint64, maxBytes int) *answerCache {
	return &answerCache{gen: gen, max: maxBytes, m: map[string]json.RawMessage{}}
}

var (
	_ graphql.HandlerExtension    = (*answerCache)(nil)
	_ graphql.ResponseInterceptor = (*answerCache)(nil)
)

func (c *answerCache) ExtensionName() string                   { return "AnswerCache" }
func (c *answerCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse answers a query from the cache when it can, and keeps what it computes.
func (c *answerCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	key, err := answerKey(oc)
	if err != nil {
		return next(ctx)
	}
	gen := c.gen() // before the read: a write during it makes the answer unkeepable
	if data, ok := c.get(key, gen); ok {
		return &graphql.Response{Data: data}
	}
	resp := next(ctx)
	// An answer computed while the request was being cancelled may lack what the reads
	// gave up on: it is not kept.
	if gen%2 == 0 && resp != nil && len(resp.Errors) == 0 && resp.HasNext == nil && resp.Data != nil && ctx.Err() == nil {
		c.put(key, gen, resp.Data)
	}
	return resp
}

// answerKey is the query text, operation name and variables (JSON, keys sorted).
func answerKey(oc *graphql.OperationContext) (string, error) {
	vars, err := json.Marshal(oc.Variables)
	if err != nil {
		return "", err
	}
	return oc.RawQuery + "\x00" + oc.OperationName + "\x00" + string(vars), nil
}

func (c *answerCache) get(key string, gen uint64) (json.RawMessage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != gen || c.gen() != gen {
		return nil, false
	}
	data, ok := c.m[key]
	return data, ok
}

func (c *answerCache) put(key string, gen uint64, data json.RawMessage) {
	size := len(key) + len(data)
	if size > c.max/4 {
		return // one answer may not crowd out the others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen() != gen {
		return // a write began after the read did: the answer may already be stale
	}
	if c.at != gen || c.bytes+size > c.max {
		clear(c.m)
		c.at, c.bytes = gen, 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = data
		c.bytes += size
	}
}
