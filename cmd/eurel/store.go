package main

import (
	"context"
	"flag"
	"os"
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
	return fs.String("store", def, "directory of the embedded store (env EUREL_STORE)")
}

// openStore opens the embedded bbolt store in dir. When a server holds it, the error says so
// within two seconds instead of hanging.
func openStore(ctx context.Context, dir string) (*graph.Store, error) {
	return graph.Open(ctx, graph.Config{Backend: "bolt", Path: dir, OpenTimeout: 2 * time.Second})
}
