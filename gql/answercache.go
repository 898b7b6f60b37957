package gql

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
)

// Generational is a Reader whose graph has a generation: a number that changes whenever what
// reads answer may change (every write, and on a shared store every write another server
// made), odd while a write is being applied. graph.Store is one.
type Generational interface {
	Generation() uint64
}

// answerCache keeps the answers to queries: a frontend asks the same pages again and again
// (a country, an agreement), and between two writes the same request has the same answer.
// An answer is kept as the bytes served, under the request's query text, operation name and
// variables, for the generation it was computed in; it is served only while the generation
// is still the reader's, so no answer older than the graph is ever served. A kept answer is
// written as it is, before gqlgen parses anything: the request that computed it was valid.
// Answers with errors are not kept, nor are mutations, nor requests with extensions. Past
// max bytes the cache starts again empty.
//
// What may be kept is what watchRuns says of the run served; rerunTorn keeps it (see keep),
// graphqlEndpoint serves kept answers.
type answerCache struct {
	gen   func() uint64
	max   int
	mu    sync.Mutex
	at    uint64 // the generation of every entry
	m     map[string][]byte
	bytes int
}

func newAnswerCache(gen func() uint64, maxBytes int) *answerCache {
	return &answerCache{gen: gen, max: maxBytes, m: map[string][]byte{}}
}

// answerKeyKey holds a request's key in the kept answers in its context.
type answerKeyKey struct{}

// key is the request's key in the kept answers: query text, operation name and variables
// (JSON, keys sorted); false for a request never kept (one with extensions).
func (p gqlParams) key() (string, bool) {
	if len(p.Extensions) > 0 {
		return "", false
	}
	vars, err := json.Marshal(p.Variables)
	if err != nil {
		return "", false
	}
	return p.Query + "\x00" + p.OperationName + "\x00" + string(vars), true
}

// keep keeps a copy of the answer a run served (status and body) when the run's state says
// it may be kept and the request has a key. c may be nil: nothing is kept.
func (c *answerCache) keep(r *http.Request, st *runState, status int, body []byte) {
	if c == nil || !st.keep || status != http.StatusOK {
		return
	}
	if key, _ := r.Context().Value(answerKeyKey{}).(string); key != "" {
		c.put(key, st.gen, bytes.Clone(body))
	}
}

// get is the answer kept for a key, if it was computed in the current generation.
func (c *answerCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != c.gen() {
		return nil, false
	}
	body, ok := c.m[key]
	return body, ok
}

func (c *answerCache) put(key string, gen uint64, body []byte) {
	size := len(key) + len(body)
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
		c.m[key] = body
		c.bytes += size
	}
}
