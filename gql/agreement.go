package gql

import (
	"context"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type agreementResolver resolver

func (r *agreementResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

// Name is the name in lang, else English, else any (by language code), else the kind's name.
func (r *agreementResolver) Name(_ context.Context, obj *graph.AgreementRecord, lang *string) (string, error) {
	l, err := langArg(lang)
	if err != nil {
		return "", err
	}
	return graph.PickName(obj.Names, l, agreementFallbackName(obj.Kind)), nil
}

func (r *agreementResolver) Names(_ context.Context, obj *graph.AgreementRecord) ([]*model.LocalizedText, error) {
	return localized(obj.Names), nil
}

// Parties are countries and institutions. Every party ID is looked up as both (a Reader
// answers nil for a node of another kind), which costs no extra call and needs no Kinds read
// first; the order of the record is kept.
func (r *agreementResolver) Parties(ctx context.Context, obj *graph.AgreementRecord) ([]model.Party, error) {
	out := make([]model.Party, 0, len(obj.Parties))
	if len(obj.Parties) == 0 {
		return out, nil
	}
	l := r.ld(ctx)
	countryThunk := l.countries.LoadAllThunk(ctx, obj.Parties)
	institutionThunk := l.institutions.LoadAllThunk(ctx, obj.Parties)
	countries, err := countryThunk()
	if err != nil {
		return nil, firstError(err)
	}
	institutions, err := institutionThunk()
	if err != nil {
		return nil, firstError(err)
	}
	for i := range obj.Parties {
		switch {
		case countries[i] != nil:
			out = append(out, countries[i])
		case institutions[i] != nil:
			out = append(out, institutions[i])
		}
	}
	return out, nil
}

// Resolutions are those referring to the agreement, newest first (as Query.resolutions).
func (r *agreementResolver) Resolutions(ctx context.Context, obj *graph.AgreementRecord) ([]*graph.ResolutionRecord, error) {
	l := r.ld(ctx)
	return loadList(ctx, l.resolutionLists, l.resolutions, graph.ResolutionFilter{Agreement: obj.ID})
}

// ResolutionPage is a page of Resolutions (as Query.resolutions with the agreement filter).
func (r *agreementResolver) ResolutionPage(ctx context.Context, obj *graph.AgreementRecord, first *int, after *string) (*model.ResolutionConnection, error) {
	return resolutionConnection(ctx, (*resolver)(r), graph.ResolutionFilter{Agreement: obj.ID}, first, after)
}

// Demands are those targeting the agreement, in the order of Query.demands.
func (r *agreementResolver) Demands(ctx context.Context, obj *graph.AgreementRecord) ([]*graph.DemandRecord, error) {
	l := r.ld(ctx)
	return loadList(ctx, l.demandLists, l.demands, graph.DemandFilter{Agreement: obj.ID})
}

// DemandPage is a page of Demands (as Query.demands with the agreement filter).
func (r *agreementResolver) DemandPage(ctx context.Context, obj *graph.AgreementRecord, first *int, after *string) (*model.DemandConnection, error) {
	return demandConnection(ctx, (*resolver)(r), graph.DemandFilter{Agreement: obj.ID}, first, after)
}
