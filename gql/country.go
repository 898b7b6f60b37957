package gql

import (
	"context"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type countryResolver resolver

func (r *countryResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

// Name is the name in lang, else English, else any (by language code), else the code.
func (r *countryResolver) Name(_ context.Context, obj *graph.CountryRecord, lang *string) (string, error) {
	l, err := langArg(lang)
	if err != nil {
		return "", err
	}
	return graph.PickName(obj.Names, l, obj.Code), nil
}

func (r *countryResolver) Names(_ context.Context, obj *graph.CountryRecord) ([]*model.LocalizedText, error) {
	return localized(obj.Names), nil
}

func (r *countryResolver) Resolutions(ctx context.Context, obj *graph.CountryRecord, first *int, after *string) (*model.ResolutionConnection, error) {
	return resolutionConnection(ctx, (*resolver)(r), graph.ResolutionFilter{Country: obj.Code}, first, after)
}

// Agreements are those the country is a party to, by name (as Query.agreements).
func (r *countryResolver) Agreements(ctx context.Context, obj *graph.CountryRecord) ([]*graph.AgreementRecord, error) {
	l := r.ld(ctx)
	return loadList(ctx, l.agreementLists, l.agreements, graph.AgreementFilter{Country: obj.Code})
}

// Institutions are those belonging to the country, by key.
func (r *countryResolver) Institutions(ctx context.Context, obj *graph.CountryRecord) ([]*graph.InstitutionRecord, error) {
	l := r.ld(ctx)
	return loadList(ctx, l.institutionLists, l.institutions, graph.InstitutionFilter{Country: obj.Code})
}
