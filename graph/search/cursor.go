package search

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
)

// A cursor is where a page ended: how many hits came before the next one, the matching
// mode the first page chose, and a fingerprint of the query, so that a cursor is only
// accepted for the query that made it. It travels as unpadded base64url; its layout is
// private and may change with cursorVersion.
type cursor struct {
	mode   mode
	fp     uint64 // fingerprint of the query text and kinds
	offset int    // hits before the next one, 1..MaxHits
}

const (
	cursorVersion = 1
	cursorLen     = 1 + 1 + 8 + 4 // version, mode, fingerprint, offset
)

func (c cursor) String() string {
	var b [cursorLen]byte
	b[0] = cursorVersion
	b[1] = byte(c.mode)
	binary.BigEndian.PutUint64(b[2:], c.fp)
	binary.BigEndian.PutUint32(b[10:], uint32(c.offset))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// parseCursor decodes s and checks it belongs to the query with fingerprint fp. Its errors
// wrap ErrBadQuery.
func parseCursor(s string, fp uint64) (cursor, error) {
	bad := func(why string) (cursor, error) {
		return cursor{}, fmt.Errorf("%w: invalid cursor: %s", ErrBadQuery, why)
	}
	if len(s) > base64.RawURLEncoding.EncodedLen(cursorLen) {
		return bad("too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != cursorLen || b[0] != cursorVersion {
		return bad("not a cursor")
	}
	c := cursor{
		mode:   mode(b[1]),
		fp:     binary.BigEndian.Uint64(b[2:]),
		offset: int(binary.BigEndian.Uint32(b[10:])),
	}
	switch {
	case c.mode != allWords && c.mode != anyWord:
		return bad("not a cursor")
	case c.offset < 1 || c.offset > MaxHits:
		return bad("not a cursor")
	case c.fp != fp:
		return bad("it belongs to another query")
	}
	return c, nil
}

// fingerprint identifies a query for its cursors: the text as searched, its other wordings
// and the set of kinds (in any order), not the page size.
func fingerprint(text string, also []Wording, kinds []string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(text))
	for _, a := range also {
		h.Write([]byte{1})
		h.Write([]byte(a.Lang))
		h.Write([]byte{1})
		h.Write([]byte(a.Text))
	}
	ks := slices.Clone(kinds)
	slices.Sort(ks)
	for _, k := range slices.Compact(ks) {
		h.Write([]byte{0})
		h.Write([]byte(k))
	}
	return h.Sum64()
}
