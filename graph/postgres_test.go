package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// The postgres backend runs the same suite as memory and bolt when EUREL_TEST_POSTGRES holds
// a URL-style DSN of a server where the user may create databases, e.g.
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable. Each store gets a database of
// its own, dropped after the test.
const postgresEnv = "EUREL_TEST_POSTGRES"

var pgSeq atomic.Int64

func postgresBackend() (backend, bool) {
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		return backend{}, false
	}
	return backend{"postgres", func(t testing.TB) *Store {
		t.Helper()
		base, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("%s: %v", postgresEnv, err)
		}
		admin, err := sql.Open("postgres", dsn)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("eurel_test_%d_%d", time.Now().UnixNano(), pgSeq.Add(1))
		if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
			admin.Close()
			t.Fatalf("creating a test database: %v", err)
		}
		own := *base
		own.Path = "/" + name
		s := openStore(t, Config{Backend: BackendPostgres, Path: own.String()})
		t.Cleanup(func() {
			s.Close()
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		})
		return s
	}}, true
}

func TestPostgresStoreIndexesQuadsByLabel(t *testing.T) {
	b, ok := postgresBackend()
	if !ok {
		t.Skipf("postgres backend not tested: set %s to a DSN (postgres://user@host:port/db?sslmode=disable) to run the store suite on it", postgresEnv)
	}
	s := b.open(t)
	put(t, s, kzFR())
	if s.Backend() != BackendPostgres {
		t.Errorf("backend %q", s.Backend())
	}
	db, err := sql.Open("postgres", s.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(context.Background(),
		`SELECT count(*) FROM pg_indexes WHERE tablename = 'quads' AND indexdef LIKE '%(label_hash)%'`).Scan(&n)
	if err != nil || n != 1 {
		t.Errorf("label_hash indexes on quads: %d, %v; want 1", n, err)
	}
}
