package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"testing"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/options"
	"google.golang.org/protobuf/proto"
)

// kvDump is what a Cayley kv store holds, with node and quad IDs replaced by what they stand
// for (node values, quads as their nodes' values), so that two stores written in different
// ways compare equal when Cayley would read the same graph from them and would update it the
// same way: live nodes with their reference counts, live quads, every index entry (its live
// quads, which must be in increasing ID order), the size.
func kvDump(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	type entry struct{ k, v []byte }
	buckets := map[string][]entry{}
	err := hkv.View(ctx, s.kvdb.KV, func(tx hkv.Tx) error {
		it := tx.Scan(ctx, options.WithPrefixKV(hkv.Key{}))
		defer it.Close()
		for it.Next(ctx) {
			k := it.Key()
			if len(k) != 2 {
				return fmt.Errorf("key of %d parts: %q", len(k), k)
			}
			buckets[string(k[0])] = append(buckets[string(k[0])], entry{slices.Clone(k[1]), slices.Clone(it.Val())})
		}
		return it.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	uvarint := func(b []byte) uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			t.Fatalf("bad uvarint %x", b)
		}
		return v
	}
	log := map[uint64]*cproto.Primitive{}
	for _, e := range buckets["log"] {
		p := &cproto.Primitive{}
		if err := proto.Unmarshal(e.v, p); err != nil {
			t.Fatal(err)
		}
		if binary.BigEndian.Uint64(e.k) != p.ID {
			t.Fatalf("log key %x holds primitive %d", e.k, p.ID)
		}
		log[p.ID] = p
	}
	name := map[uint64]string{0: "-"}
	var out []string
	refsOf := map[string]uint64{}
	for b, es := range buckets {
		if b[0] == 'n' && len(b) == 3 {
			for _, e := range es {
				refsOf[string(e.k)] = uvarint(e.v)
			}
		}
	}
	for b, es := range buckets {
		if b[0] != 'v' || len(b) != 3 {
			continue
		}
		for _, e := range es {
			id := uvarint(e.v)
			p := log[id]
			if p == nil || p.Deleted || len(p.Value) == 0 {
				t.Fatalf("node %d of hash %x not in the log", id, e.k)
			}
			name[id] = fmt.Sprintf("%x", p.Value)
			out = append(out, fmt.Sprintf("node %x refs %d", p.Value, refsOf[string(e.k)]))
			delete(refsOf, string(e.k))
		}
	}
	if len(refsOf) != 0 {
		t.Errorf("%d reference counts of no node", len(refsOf))
	}
	quadName := func(p *cproto.Primitive) string {
		return strings.Join([]string{name[p.Subject], name[p.Predicate], name[p.Object], name[p.Label]}, " ")
	}
	live := 0
	for _, p := range log {
		if len(p.Value) == 0 && !p.Deleted {
			live++
			out = append(out, "quad "+quadName(p))
		}
	}
	for _, ind := range s.kvIndexes {
		for _, e := range buckets[string(indexBucket(ind))] {
			var ids []uint64
			for b := e.v; len(b) > 0; {
				v, n := binary.Uvarint(b)
				if n <= 0 {
					t.Fatalf("bad index entry %x", e.v)
				}
				ids = append(ids, v)
				b = b[n:]
			}
			if !slices.IsSorted(ids) {
				t.Errorf("index %v entry %x not sorted: %v", ind.Dirs, e.k, ids)
			}
			var quads []string
			for _, id := range ids {
				if p := log[id]; p != nil && !p.Deleted {
					quads = append(quads, quadName(p))
				}
			}
			slices.Sort(quads)
			if len(quads) > 0 {
				out = append(out, fmt.Sprintf("index %v: %s", ind.Dirs, strings.Join(quads, " | ")))
			}
		}
	}
	var size uint64
	for _, e := range buckets["meta"] {
		if string(e.k) == "size" {
			size = binary.LittleEndian.Uint64(e.v)
		}
	}
	if int(size) != live {
		t.Errorf("meta size %d, %d live quads", size, live)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestTheBulkWriterWritesWhatCayleyWould runs the same writes (new documents sharing nodes in
// batches, a replacement, the same document twice in a batch, an unchanged one, a delete)
// through the bulk writer and through Cayley's ApplyDeltas, and compares the kv stores.
func TestTheBulkWriterWritesWhatCayleyWould(t *testing.T) {
	ctx := context.Background()
	run := func(cfg Config, noBulk bool) *Store {
		s := openStore(t, cfg)
		s.noBulk = noBulk
		var first []*Document
		for i := range 30 {
			first = append(first, synthDoc(i, 0))
		}
		if _, err := s.PutBatch(ctx, first); err != nil {
			t.Fatal(err)
		}
		res, err := s.PutBatch(ctx, []*Document{synthDoc(3, 1), synthDoc(40, 0), synthDoc(41, 0), synthDoc(41, 1), synthDoc(7, 0), kzFR()})
		if err != nil {
			t.Fatal(err)
		}
		want := []PutStatus{PutReplaced, PutAdded, PutAdded, PutReplaced, PutUnchanged, PutAdded}
		for i, r := range res {
			if r.Status != want[i] {
				t.Errorf("noBulk=%v: document %d: %s, want %s", noBulk, i, r.Status, want[i])
			}
		}
		if ok, err := s.Delete(ctx, synthDoc(10, 0).Source.ID()); !ok || err != nil {
			t.Fatalf("Delete = %v, %v", ok, err)
		}
		put(t, s, kzEN())
		return s
	}
	bulk := run(Config{Backend: BackendBolt, Path: t.TempDir()}, false)
	cayley := run(Config{Backend: BackendBolt, Path: t.TempDir()}, true)
	if got, want := kvDump(t, bulk), kvDump(t, cayley); got != want {
		t.Errorf("the bulk writer's store differs from Cayley's:\n%s", diffLines(got, want))
	}
	sameGraph(t, bulk, cayley)
	sameGraph(t, bulk, run(Config{Backend: BackendMemory}, false))
}

// TestABigBatchWritesWhatCayleyWould: a batch big enough for the bulk writer to create every
// node bucket first (bigBatch) leaves what Cayley's ApplyDeltas would, and the next batch,
// into the buckets that now exist, too.
func TestABigBatchWritesWhatCayleyWould(t *testing.T) {
	ctx := context.Background()
	var big, next []*Document
	for i := range 200 {
		big = append(big, synthDoc(i, 0))
	}
	for i := range 20 {
		next = append(next, synthDoc(200+i, 0), synthDoc(i, 1))
	}
	run := func(noBulk bool) *Store {
		s := openStore(t, Config{Backend: BackendBolt, Path: t.TempDir()})
		s.noBulk = noBulk
		for _, batch := range [][]*Document{big, next} {
			if _, err := s.PutBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	bulk, cayley := run(false), run(true)
	if !bigBatch([]*freshDoc{{quads: make([]quad.Quad, 20_000)}}) || !bulk.allNodeBuckets {
		t.Fatal("the first batch did not create the node buckets")
	}
	if got, want := kvDump(t, bulk), kvDump(t, cayley); got != want {
		t.Errorf("the bulk writer's store differs from Cayley's:\n%s", diffLines(got, want))
	}
}
