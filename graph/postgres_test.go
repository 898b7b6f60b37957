package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"slices"
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
	if os.Getenv(postgresEnv) == "" {
		return backend{}, false
	}
	return backend{"postgres", func(t testing.TB) *Store {
		t.Helper()
		return openStore(t, Config{Backend: BackendPostgres, Path: postgresDatabase(t)})
	}}, true
}

// postgresDatabase creates a database of its own for a test, dropped at its end (after the
// stores the test opens on it close), and returns its DSN.
func postgresDatabase(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(postgresEnv)
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
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	own := *base
	own.Path = "/" + name
	return own.String()
}

func TestServersSharingAPostgresGraphSeeEachOthersWrites(t *testing.T) {
	if os.Getenv(postgresEnv) == "" {
		t.Skipf("postgres backend not tested: set %s", postgresEnv)
	}
	ctx := context.Background()
	dsn := postgresDatabase(t)
	a := openStore(t, Config{Backend: BackendPostgres, Path: dsn, PollInterval: 20 * time.Millisecond})
	b := openStore(t, Config{Backend: BackendPostgres, Path: dsn, PollInterval: 20 * time.Millisecond})
	eventually := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if ok() {
				return
			}
		}
		t.Fatalf("%s: not within 30 s", what)
	}
	listed := func(s *Store, ref string) bool {
		ids, err := s.ListResolutions(ctx, ResolutionFilter{})
		return err == nil && slices.Contains(ids, ResolutionID(ref))
	}
	found := func(s *Store, text string) bool {
		p, err := s.Search(ctx, SearchQuery{Text: text})
		return err == nil && p.Total > 0
	}
	put(t, a, kzFR())
	eventually("the other server lists what one wrote", func() bool { return listed(b, "2021/2544(RSP)") })
	eventually("and finds it by text", func() bool { return found(b, "prisonniers politiques") })
	put(t, b, mmDated())
	eventually("and the other way", func() bool { return listed(a, "2021/2540(RSP)") && found(a, "coup") })
	if _, err := a.Delete(ctx, kzFR().Source.ID()); err != nil {
		t.Fatal(err)
	}
	eventually("a delete too", func() bool { return !listed(b, "2021/2544(RSP)") && !found(b, "prisonniers politiques") })
	sa, _ := a.Stats(ctx)
	eventually("and their counts agree", func() bool {
		sb, _ := b.Stats(ctx)
		return equalStats(sa, sb)
	})
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
