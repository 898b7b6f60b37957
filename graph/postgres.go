package graph

import (
	"context"
	"errors"
)

func openPostgres(ctx context.Context, cfg Config) (*Store, error) {
	return nil, errors.New("postgres backend: not built in")
}
