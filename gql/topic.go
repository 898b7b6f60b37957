package gql

import (
	"context"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type topicResolver resolver

// Name is the name in lang, else English, else any (by language code), else the key.
func (r *topicResolver) Name(_ context.Context, obj *graph.TopicRecord, lang *string) (string, error) {
	l, err := langArg(lang)
	if err != nil {
		return "", err
	}
	return graph.PickName(obj.Names, l, obj.Key), nil
}

// Demands are those about the topic, in the order of Query.demands.
func (r *topicResolver) Demands(ctx context.Context, obj *graph.TopicRecord) ([]*graph.DemandRecord, error) {
	l := (*resolver)(r).loadersFrom(ctx)
	return loadList(ctx, l.demandLists, l.demands, graph.DemandFilter{Topic: obj.ID})
}

// DemandPage is a page of Demands (as Query.demands with the topic filter).
func (r *topicResolver) DemandPage(ctx context.Context, obj *graph.TopicRecord, first *int, after *string) (*model.DemandConnection, error) {
	return demandConnection(ctx, (*resolver)(r), graph.DemandFilter{Topic: obj.ID}, first, after)
}

func (r *topicResolver) Names(_ context.Context, obj *graph.TopicRecord) ([]*model.LocalizedText, error) {
	return localized(obj.Names), nil
}
