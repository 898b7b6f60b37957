package gql

import (
	"context"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type institutionResolver resolver

func (r *institutionResolver) ld(ctx context.Context) *loaders {
	return (*resolver)(r).loadersFrom(ctx)
}

// Name is the name in lang, else English, else any (by language code), else the key.
func (r *institutionResolver) Name(_ context.Context, obj *graph.InstitutionRecord, lang *string) (string, error) {
	l, err := langArg(lang)
	if err != nil {
		return "", err
	}
	return graph.PickName(obj.Names, l, obj.Key), nil
}

func (r *institutionResolver) Names(_ context.Context, obj *graph.InstitutionRecord) ([]*model.LocalizedText, error) {
	return localized(obj.Names), nil
}

func (r *institutionResolver) Code(_ context.Context, obj *graph.InstitutionRecord) (*string, error) {
	return optional(obj.Code), nil
}

func (r *institutionResolver) Country(ctx context.Context, obj *graph.InstitutionRecord) (*graph.CountryRecord, error) {
	return loadOne(ctx, r.ld(ctx).countries, obj.Country)
}

// Demands are those addressed to the institution, in the order of Query.demands.
func (r *institutionResolver) Demands(ctx context.Context, obj *graph.InstitutionRecord) ([]*graph.DemandRecord, error) {
	l := r.ld(ctx)
	return loadList(ctx, l.demandLists, l.demands, graph.DemandFilter{Addressee: obj.ID})
}

// DemandPage is a page of Demands (as Query.demands with the addressee filter).
func (r *institutionResolver) DemandPage(ctx context.Context, obj *graph.InstitutionRecord, first *int, after *string) (*model.DemandConnection, error) {
	return demandConnection(ctx, (*resolver)(r), graph.DemandFilter{Addressee: obj.ID}, first, after)
}
