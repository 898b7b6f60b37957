package gql

import (
	"context"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type resolutionResolver resolver

func (r *resolutionResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

// Title is the title in lang, else English, else any (by language code), else the reference.
func (r *resolutionResolver) Title(_ context.Context, obj *graph.ResolutionRecord, lang *string) (string, error) {
	l, err := langArg(lang)
	if err != nil {
		return "", err
	}
	return graph.PickName(obj.Titles, l, obj.Reference), nil
}

func (r *resolutionResolver) Titles(_ context.Context, obj *graph.ResolutionRecord) ([]*model.LocalizedText, error) {
	return localized(obj.Titles), nil
}

func (r *resolutionResolver) Stage(_ context.Context, obj *graph.ResolutionRecord) (*string, error) {
	return optional(obj.Stage), nil
}

func (r *resolutionResolver) ProcedureType(_ context.Context, obj *graph.ResolutionRecord) (*string, error) {
	return optional(obj.ProcedureType), nil
}

func (r *resolutionResolver) Topics(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.TopicRecord, error) {
	return loadAll(ctx, r.ld(ctx).topics, obj.Topics)
}

func (r *resolutionResolver) TabledBy(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.InstitutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).institutions, obj.TabledBy)
}

func (r *resolutionResolver) AdoptedBy(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.InstitutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).institutions, obj.AdoptedBy)
}

func (r *resolutionResolver) Concerns(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.CountryRecord, error) {
	return loadAll(ctx, r.ld(ctx).countries, obj.Concerns)
}

func (r *resolutionResolver) Mentions(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.CountryRecord, error) {
	return loadAll(ctx, r.ld(ctx).countries, obj.Mentions)
}

func (r *resolutionResolver) Agreements(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.AgreementRecord, error) {
	return loadAll(ctx, r.ld(ctx).agreements, obj.Agreements)
}

func (r *resolutionResolver) Demands(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.DemandRecord, error) {
	return loadAll(ctx, r.ld(ctx).demands, obj.Demands)
}

func (r *resolutionResolver) Stances(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.StanceRecord, error) {
	return loadAll(ctx, r.ld(ctx).stances, obj.Stances)
}

func (r *resolutionResolver) Sources(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.DocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).documents, obj.Sources)
}
