package gql

import (
	"context"
	"fmt"

	"github.com/eurel/eurel/graph"
)

// Demands, stances and the evidence both carry.

type demandResolver resolver

func (r *demandResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

// Resolution is non-null: a demand whose resolution the graph lacks is an inconsistency of the
// store, answered INTERNAL.
func (r *demandResolver) Resolution(ctx context.Context, obj *graph.DemandRecord) (*graph.ResolutionRecord, error) {
	return mustLoad(ctx, r.ld(ctx).resolutions.Load, obj.Resolution, "demand "+string(obj.ID))
}

func (r *demandResolver) Addressees(ctx context.Context, obj *graph.DemandRecord) ([]*graph.InstitutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).institutions, obj.Addressees)
}

func (r *demandResolver) Topics(ctx context.Context, obj *graph.DemandRecord) ([]*graph.TopicRecord, error) {
	return loadAll(ctx, r.ld(ctx).topics, obj.Topics)
}

func (r *demandResolver) Agreements(ctx context.Context, obj *graph.DemandRecord) ([]*graph.AgreementRecord, error) {
	return loadAll(ctx, r.ld(ctx).agreements, obj.Agreements)
}

type stanceResolver resolver

func (r *stanceResolver) Resolution(ctx context.Context, obj *graph.StanceRecord) (*graph.ResolutionRecord, error) {
	return mustLoad(ctx, (*resolver)(r).loadersFrom(ctx).resolutions.Load, obj.Resolution, "stance "+string(obj.ID))
}

type evidenceResolver resolver

// Document is non-null, like Demand.resolution.
func (r *evidenceResolver) Document(ctx context.Context, obj *graph.Evidence) (*graph.DocumentRecord, error) {
	return mustLoad(ctx, (*resolver)(r).loadersFrom(ctx).documents.Load, obj.Document, "evidence")
}

func (r *evidenceResolver) Start(_ context.Context, obj *graph.Evidence) (int, error) {
	return obj.Span.Start, nil
}

func (r *evidenceResolver) End(_ context.Context, obj *graph.Evidence) (int, error) {
	return obj.Span.End, nil
}

// Quote is the record's quote; a store that left it empty gets it cut out of the document's
// text.
func (r *evidenceResolver) Quote(ctx context.Context, obj *graph.Evidence) (string, error) {
	if obj.Quote != "" || obj.Span.Len() == 0 {
		return obj.Quote, nil
	}
	doc, err := r.Document(ctx, obj)
	if err != nil {
		return "", err
	}
	return graph.Quote(doc.Text, obj.Span)
}

// mustLoad loads a record a non-null field requires.
func mustLoad[T any](ctx context.Context, load func(context.Context, graph.ID) (*T, error), id graph.ID, what string) (*T, error) {
	v, err := load(ctx, id)
	if err != nil {
		return nil, firstError(err)
	}
	if v == nil {
		return nil, fmt.Errorf("%s refers to %q, which the graph does not hold", what, id)
	}
	return v, nil
}
