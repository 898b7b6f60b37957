package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// ExportNQuads writes every quad of the graph as N-Quads, one per line, each with its
// document's IRI as label, in the backend's storage order (sort the lines to compare two
// exports).
func (s *Store) ExportNQuads(ctx context.Context, w io.Writer) error {
	unlock, err := s.readLock()
	if err != nil {
		return err
	}
	defer unlock()
	enc := nquads.NewWriter(w)
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := enc.WriteQuad(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return enc.Close()
}

// ImportBatch is how many documents ImportNQuads writes per transaction.
const ImportBatch = 500

// ImportNQuads reads N-Quads as ExportNQuads writes them and stores them document by
// document: the quads under each label replace whatever the store holds under that label
// (the same diff as Put, without the SHA256 check), ImportBatch documents per transaction.
// Every quad must have a urn:uuid label. It returns the number of documents and quads read.
// The whole input is held in memory, grouped by label.
func (s *Store) ImportNQuads(ctx context.Context, r io.Reader) (docs, quads int, err error) {
	dec := nquads.NewReader(r, false)
	byDoc := map[ID][]quad.Quad{}
	var order []ID
	for {
		q, err := dec.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return 0, 0, fmt.Errorf("reading N-Quads (line %d): %w", quads+1, err)
		}
		id := idOfValue(q.Label)
		if id == "" {
			return 0, 0, fmt.Errorf("reading N-Quads: quad %d has no urn:uuid document label: %v", quads+1, q)
		}
		if !q.IsValid() {
			return 0, 0, fmt.Errorf("reading N-Quads: quad %d is incomplete: %v", quads+1, q)
		}
		if t, ok := q.Object.(quad.Time); ok {
			q.Object = timeValue(timeOf(t))
		}
		if _, ok := byDoc[id]; !ok {
			order = append(order, id)
		}
		byDoc[id] = append(byDoc[id], q)
		quads++
	}
	for start := 0; start < len(order); start += ImportBatch {
		end := min(start+ImportBatch, len(order))
		plans := make([]docPlan, 0, end-start)
		for _, id := range order[start:end] {
			plans = append(plans, docPlan{id: id, quads: dedupe(byDoc[id])})
		}
		if _, err := s.write(ctx, plans); err != nil {
			return docs, quads, err
		}
		docs += len(plans)
	}
	return docs, quads, nil
}

func dedupe(qs []quad.Quad) []quad.Quad {
	seen := make(map[quadKey]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if k := keyOf(q); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}

func timeOf(t quad.Time) time.Time { return time.Time(t) }
