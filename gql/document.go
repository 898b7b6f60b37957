package gql

import (
	"context"

	"github.com/eurel/eurel/graph"
)

type documentResolver resolver

// Name is the name given at ingest; null when none was.
func (r *documentResolver) Name(_ context.Context, obj *graph.DocumentRecord) (*string, error) {
	return optional(obj.Name), nil
}
