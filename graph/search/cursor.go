package search

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"unicode/utf8"
)

// A cursor is where a page ended: the sort key of its last hit (score, then ID), the
// matching mode the first page chose, and a fingerprint of the query, so that a cursor is
// only accepted for the query that made it. It travels as unpadded base64url; its layout
// is private and may change with cursorVersion.
type cursor struct {
	mode  mode
	fp    uint64 // fingerprint of the query text and kinds
	score float64
	id    string
}

const (
	cursorVersion = 1
	cursorHead    = 1 + 1 + 8 + 8 // version, mode, fingerprint, score
	maxIDLen      = 512
)

func (c cursor) String() string {
	b := make([]byte, cursorHead, cursorHead+len(c.id))
	b[0] = cursorVersion
	b[1] = byte(c.mode)
	binary.BigEndian.PutUint64(b[2:], c.fp)
	binary.BigEndian.PutUint64(b[10:], math.Float64bits(c.score))
	b = append(b, c.id...)
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseCursor decodes s and checks it belongs to the query with fingerprint fp. Its errors
// wrap ErrBadQuery.
func parseCursor(s string, fp uint64) (cursor, error) {
	bad := func(why string) (cursor, error) {
		return cursor{}, fmt.Errorf("%w: invalid cursor: %s", ErrBadQuery, why)
	}
	if len(s) > base64.RawURLEncoding.EncodedLen(cursorHead+maxIDLen) {
		return bad("too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad("not a cursor")
	}
	if len(b) <= cursorHead || b[0] != cursorVersion {
		return bad("not a cursor")
	}
	c := cursor{
		mode:  mode(b[1]),
		fp:    binary.BigEndian.Uint64(b[2:]),
		score: math.Float64frombits(binary.BigEndian.Uint64(b[10:])),
		id:    string(b[cursorHead:]),
	}
	switch {
	case c.mode != allWords && c.mode != anyWord:
		return bad("not a cursor")
	case math.IsNaN(c.score) || math.IsInf(c.score, 0):
		return bad("not a cursor")
	case !utf8.ValidString(c.id):
		return bad("not a cursor")
	case c.fp != fp:
		return bad("it belongs to another query")
	}
	return c, nil
}

// fingerprint identifies a query for its cursors: the text as searched and the set of
// kinds (in any order), not the page size.
func fingerprint(text string, kinds []string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(text))
	ks := slices.Clone(kinds)
	slices.Sort(ks)
	for _, k := range slices.Compact(ks) {
		h.Write([]byte{0})
		h.Write([]byte(k))
	}
	return h.Sum64()
}
