package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type mutationResolver resolver

// Ingest hands the text to Config.Parse and stores the Document it returns with one Put. A
// parse error wrapping graph.ErrBadInput reaches the client as BAD_INPUT with the parser's own
// message, and nothing is written.
func (r *mutationResolver) Ingest(ctx context.Context, input model.IngestInput) (*model.IngestResult, error) {
	if r.parse == nil || r.writer == nil {
		return nil, errors.New("ingest is not configured: Config.Parse or Config.Writer is nil")
	}
	var name string
	if input.Name != nil {
		name = *input.Name
	}
	doc, err := r.parse(ctx, []byte(input.Text), name)
	if err != nil {
		return nil, err // the presenter tells graph.ErrBadInput (the user's) from the rest (ours)
	}
	if doc == nil {
		return nil, errors.New("ingest: Config.Parse returned no document and no error")
	}
	put, err := r.writer.Put(ctx, doc)
	if err != nil {
		return nil, err
	}
	l := (*resolver)(r).loadersFrom(ctx)
	l.clear()
	r.log.InfoContext(ctx, "graphql: ingested", slog.String("document", string(put.Document)),
		slog.String("key", doc.Source.Key), slog.String("status", string(put.Status)),
		slog.Int("quads_added", put.QuadsAdded), slog.Int("quads_removed", put.QuadsRemoved))

	res := &model.IngestResult{Warnings: warnings(doc, put), Status: ingestStatus(put.Status)}
	if res.Document, err = mustLoad(ctx, l.documents.Load, put.Document, "ingest"); err != nil {
		return nil, err
	}
	if doc.Resolution != nil {
		if res.Resolution, err = loadOne(ctx, l.resolutions, graph.ResolutionID(doc.Resolution.Reference)); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// DeleteDocument removes what the document contributed; false when there was no such document.
func (r *mutationResolver) DeleteDocument(ctx context.Context, id graph.ID) (bool, error) {
	if r.writer == nil {
		return false, errors.New("deleteDocument is not configured: Config.Writer is nil")
	}
	ok, err := r.writer.Delete(ctx, id)
	if err != nil {
		return false, err
	}
	(*resolver)(r).loadersFrom(ctx).clear()
	if ok {
		r.log.InfoContext(ctx, "graphql: deleted document", slog.String("document", string(id)))
	}
	return ok, nil
}

// warnings are what an ingest reports without failing: a text stored already, a text with no
// resolution or no demands in it, evidence that does not lie within the text.
func warnings(doc *graph.Document, put graph.PutResult) []string {
	w := []string{}
	if put.Status == graph.PutUnchanged {
		w = append(w, "unchanged: the same text was already stored")
	}
	if doc.Resolution == nil {
		w = append(w, "no resolution: the text was stored, but it describes no resolution")
	} else if len(doc.Demands) == 0 {
		w = append(w, "no demands: no request of the resolution was found in the text")
	}
	bad := 0
	for _, d := range doc.Demands {
		if _, err := graph.Quote(doc.Source.Text, d.Evidence); err != nil {
			bad++
		}
	}
	if bad > 0 {
		w = append(w, fmt.Sprintf("evidence: %d demand(s) point outside the text", bad))
	}
	return w
}

func ingestStatus(s graph.PutStatus) model.IngestStatus {
	switch s {
	case graph.PutReplaced:
		return model.IngestStatusReplaced
	case graph.PutUnchanged:
		return model.IngestStatusUnchanged
	}
	return model.IngestStatusAdded
}
