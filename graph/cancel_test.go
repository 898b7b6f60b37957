package graph

import (
	"context"
	"sync"
	"testing"
)

// doneAfter is a context whose Done channel closes at its n-th call: a request cancelled
// while a read is iterating.
type doneAfter struct {
	context.Context
	mu     sync.Mutex
	left   int
	ch     chan struct{}
	closed bool
}

func newDoneAfter(n int) *doneAfter {
	return &doneAfter{Context: context.Background(), left: n, ch: make(chan struct{})}
}

func (c *doneAfter) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left--; c.left <= 0 && !c.closed {
		close(c.ch)
		c.closed = true
	}
	return c.ch
}

func (c *doneAfter) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return context.Canceled
	}
	return nil
}

// Cayley's iterators stop when their context is done without reporting it: a read cut
// short must fail, not return the part it had read as the whole.
func TestAReadCancelledWhileIteratingFailsInsteadOfAnsweringLess(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		s := storeWith(t, b, kzFR(), kzEN())
		res := ResolutionID("2021/2544(RSP)")
		pt := pattern{s: res.IRI(), p: HasDemand.IRI()}
		full, err := s.match(context.Background(), pt)
		if err != nil || len(full) < 2 {
			t.Fatalf("the demands of %s: %d quads, %v", res, len(full), err)
		}
		naiveFull, err := s.Naive().quads(context.Background(), res.IRI(), HasDemand.IRI(), nil)
		if err != nil || len(naiveFull) != len(full) {
			t.Fatalf("the baseline's demands: %d quads, %v", len(naiveFull), err)
		}
		cut := 0
		for n := 1; n <= 3*len(full)+10; n++ {
			got, err := s.match(newDoneAfter(n), pt)
			if err == nil && len(got) != len(full) {
				t.Errorf("store, done at call %d: %d of %d quads and no error", n, len(got), len(full))
			}
			naive, err := s.Naive().quads(newDoneAfter(n), res.IRI(), HasDemand.IRI(), nil)
			if err == nil && len(naive) != len(full) {
				t.Errorf("baseline, done at call %d: %d of %d quads and no error", n, len(naive), len(full))
			}
			if err != nil {
				cut++
			}
		}
		if cut == 0 {
			t.Error("no read was cut short: the test checked nothing")
		}
	})
}
