package gql

import (
	"encoding/base64"
	"slices"
	"strings"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

// Page sizes of connections: first defaults to defaultPageSize in the schema and may not exceed
// maxPageSize.
const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// page is one window of a filtered list of IDs, as a Relay connection shows it.
type page struct {
	ids     []graph.ID // the window
	cursors []string   // one per id
	info    *model.PageInfo
	total   int
}

// paginate cuts the window after the cursor after (exclusive) of at most first IDs out of all.
//
// A cursor is the base64url of "kind:ID": opaque to clients, stable when documents are added
// (an offset would shift), and an after that names no item of this list, or names one of another
// kind of list, is a BAD_INPUT error rather than a silent empty page.
func paginate(kind graph.NodeKind, all []graph.ID, first *int, after *string) (*page, error) {
	n := defaultPageSize
	if first != nil {
		n = *first
	}
	if n < 0 || n > maxPageSize {
		return nil, badInputf("first must be between 0 and %d, got %d", maxPageSize, n)
	}
	start := 0
	if after != nil {
		id, ok := decodeCursor(kind, *after)
		i := slices.Index(all, id)
		if !ok || i < 0 {
			return nil, badInputf("after: unknown cursor %q (cursors come from pageInfo.endCursor or edges.cursor of the same list)", *after)
		}
		start = i + 1
	}
	end := min(start+n, len(all))
	p := &page{
		ids:     all[start:end],
		cursors: make([]string, 0, end-start),
		total:   len(all),
		info: &model.PageInfo{
			HasNextPage:     end < len(all),
			HasPreviousPage: start > 0,
		},
	}
	for _, id := range p.ids {
		p.cursors = append(p.cursors, encodeCursor(kind, id))
	}
	if len(p.cursors) > 0 {
		p.info.StartCursor = &p.cursors[0]
		p.info.EndCursor = &p.cursors[len(p.cursors)-1]
	}
	return p, nil
}

func encodeCursor(kind graph.NodeKind, id graph.ID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(string(kind) + ":" + string(id)))
}

func decodeCursor(kind graph.NodeKind, cursor string) (graph.ID, bool) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return "", false
	}
	id, ok := strings.CutPrefix(string(b), string(kind)+":")
	return graph.ID(id), ok && id != ""
}

// edgesOf pairs the records read for a page with their cursors, as a connection's edges and
// nodes; a record that no longer exists (nil) is left out of both.
func edgesOf[R any, E any](p *page, recs []*R, edge func(cursor string, node *R) E) ([]E, []*R) {
	edges := make([]E, 0, len(recs))
	nodes := make([]*R, 0, len(recs))
	for i, rec := range recs {
		if rec != nil {
			edges = append(edges, edge(p.cursors[i], rec))
			nodes = append(nodes, rec)
		}
	}
	return edges, nodes
}
