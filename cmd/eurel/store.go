package main

import (
	"context"
	"flag"
	"os"
	"strings"
	"time"

	"github.com/eurel/eurel/graph"
)

// defaultStore is the embedded store's directory when neither --store nor EUREL_STORE is set.
const defaultStore = "eurel-data"

// storeFlag registers --store with its default from EUREL_STORE.
func storeFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("EUREL_STORE")
	if def == "" {
		def = defaultStore
	}
	return fs.String("store", def, "directory of the embedded store, or a postgres:// URL of a shared one (env EUREL_STORE)")
}

// openStore opens the store named by where: a postgres:// or postgresql:// URL opens the
// shared PostgreSQL store, anything else is the directory of the embedded bbolt store. When
// a server holds an embedded store, the error says so within two seconds instead of hanging.
func openStore(ctx context.Context, where string) (*graph.Store, error) {
	if strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://") {
		return graph.Open(ctx, graph.Config{Backend: graph.BackendPostgres, Path: where})
	}
	return graph.Open(ctx, graph.Config{Backend: graph.BackendBolt, Path: where, OpenTimeout: 2 * time.Second})
}
