package graph

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
)

// legacyBoltDir makes an empty bolt store with the indexes stores had before the labelled
// layout (subject+predicate, object+predicate+subject, label), which eurel still reads and
// writes: the "bolt-legacy" backend of the tests.
func legacyBoltDir(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := hbolt.Open(filepath.Join(dir, boltFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	useLabelledIndexes()
	if err := kv.Init(db, kvOptions); err != nil {
		t.Fatal(err)
	}
	meta, err := json.Marshal(layoutLegacy.all())
	if err != nil {
		t.Fatal(err)
	}
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, ind := range layoutLegacy.all() {
			if err := hkv.CreateBucket(ctx, tx, ind.Key(nil)[:1]); err != nil {
				return err
			}
		}
		return tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, meta)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestALegacyStoreIsReadWithItsOwnIndexes(t *testing.T) {
	s := openStore(t, Config{Path: legacyBoltDir(t)})
	if s.layout.sp.Dirs[len(s.layout.sp.Dirs)-1] != indexSP.Dirs[1] {
		t.Fatalf("layout = %+v, want the legacy one", s.layout)
	}
	fresh := openStore(t, Config{Path: t.TempDir()})
	if len(fresh.layout.sp.Dirs) != 3 || len(fresh.layout.ops.Dirs) != 4 {
		t.Fatalf("a new store's layout = %+v, want the labelled one", fresh.layout)
	}
}
