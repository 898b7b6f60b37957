package gql

import (
	"context"
	"slices"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

// Lookahead.
//
// gqlgen resolves the items of a list in concurrent goroutines, and the loaders batch what
// those goroutines ask for within a short wait. How many goroutines make it into one batch
// depends on the scheduler: on a busy machine a level of a hundred items may be split into
// several batches. lookahead makes the batching independent of the scheduling: a root resolver
// that has its records in hand walks the query's selection below them one level at a time,
// gathers the IDs that the records of a level point to through the fields selected, reads them
// with one Reader call per kind (straight away: all the keys are known, there is nothing to
// wait for) and primes the loaders with them. The resolvers below then find what they ask for
// in the loaders' cache.
//
// Fields that records do not hold (the demands addressed to an institution, the resolutions
// referring to an agreement, ...) are lists a filter selects: lookahead reads one list per
// distinct filter, primes the list loaders with them, and goes on with the IDs listed.
//
// It only warms caches. What it does not know (a nested connection, a field with arguments) is
// left to the resolvers and the loaders' own batching; its errors are left for the resolvers,
// which meet the same cached errors and report them.

// edge says how a field of a GraphQL type leads to the records of another.
type edge struct {
	target string                                                    // GraphQL type of the records reached
	ids    func(parent any) []graph.ID                               // IDs to load, for fields that point to nodes
	list   func(ctx context.Context, w *walk, parent any) []graph.ID // IDs listed, for fields a filter selects
	kids   func(parent any) []any                                    // values at hand, for fields that hold them (evidence, edges)
}

func ids[P any](f func(*P) []graph.ID) func(any) []graph.ID {
	return func(p any) []graph.ID { return f(p.(*P)) }
}

func one[P any](f func(*P) graph.ID) func(any) []graph.ID {
	return func(p any) []graph.ID {
		if id := f(p.(*P)); id != "" {
			return []graph.ID{id}
		}
		return nil
	}
}

func kids[P any](f func(*P) []any) func(any) []any {
	return func(p any) []any { return f(p.(*P)) }
}

// listed is a field whose IDs are the list that filter selects for the parent: read (once per
// walk and filter) with read, and primed into the list loader that lists picks, which the
// field's resolver loads from.
func listed[P any, F comparable](filter func(*P) F, lists func(*loaders) *dataloadgen.Loader[F, []graph.ID],
	read func(graph.Reader, context.Context, F) ([]graph.ID, error)) func(context.Context, *walk, any) []graph.ID {
	return func(ctx context.Context, w *walk, p any) []graph.ID {
		f := filter(p.(*P))
		if ids, ok := w.lists[f]; ok {
			return ids
		}
		ids, err := read(w.r.reader, ctx, f)
		if err != nil {
			ids = nil // the resolver will meet the error and report it
		} else {
			lists(w.l).Prime(f, ids)
		}
		w.lists[f] = ids
		return ids
	}
}

func demandsWhere[P any](filter func(*P) graph.DemandFilter) func(context.Context, *walk, any) []graph.ID {
	return listed(filter, func(l *loaders) *dataloadgen.Loader[graph.DemandFilter, []graph.ID] { return l.demandLists },
		graph.Reader.ListDemands)
}

// edges are the fields lookahead follows, by "Type.field".
var edges = map[string]edge{
	"Resolution.tabledBy":   {target: "Institution", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.TabledBy })},
	"Resolution.adoptedBy":  {target: "Institution", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.AdoptedBy })},
	"Resolution.concerns":   {target: "Country", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Concerns })},
	"Resolution.mentions":   {target: "Country", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Mentions })},
	"Resolution.agreements": {target: "Agreement", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Agreements })},
	"Resolution.topics":     {target: "Topic", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Topics })},
	"Resolution.demands":    {target: "Demand", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Demands })},
	"Resolution.stances":    {target: "Stance", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Stances })},
	"Resolution.sources":    {target: "Document", ids: ids(func(r *graph.ResolutionRecord) []graph.ID { return r.Sources })},

	"Country.agreements": {target: "Agreement", list: listed(
		func(c *graph.CountryRecord) graph.AgreementFilter { return graph.AgreementFilter{Country: c.Code} },
		func(l *loaders) *dataloadgen.Loader[graph.AgreementFilter, []graph.ID] { return l.agreementLists },
		graph.Reader.ListAgreements)},
	"Country.institutions": {target: "Institution", list: listed(
		func(c *graph.CountryRecord) graph.InstitutionFilter { return graph.InstitutionFilter{Country: c.Code} },
		func(l *loaders) *dataloadgen.Loader[graph.InstitutionFilter, []graph.ID] { return l.institutionLists },
		graph.Reader.ListInstitutions)},

	"Agreement.parties": {target: "Party", ids: ids(func(a *graph.AgreementRecord) []graph.ID { return a.Parties })},
	"Agreement.resolutions": {target: "Resolution", list: listed(
		func(a *graph.AgreementRecord) graph.ResolutionFilter { return graph.ResolutionFilter{Agreement: a.ID} },
		func(l *loaders) *dataloadgen.Loader[graph.ResolutionFilter, []graph.ID] { return l.resolutionLists },
		graph.Reader.ListResolutions)},
	"Agreement.demands": {target: "Demand", list: demandsWhere(func(a *graph.AgreementRecord) graph.DemandFilter {
		return graph.DemandFilter{Agreement: a.ID}
	})},

	"Institution.country": {target: "Country", ids: one(func(i *graph.InstitutionRecord) graph.ID { return i.Country })},
	"Institution.demands": {target: "Demand", list: demandsWhere(func(i *graph.InstitutionRecord) graph.DemandFilter {
		return graph.DemandFilter{Addressee: i.ID}
	})},

	"Demand.resolution": {target: "Resolution", ids: one(func(d *graph.DemandRecord) graph.ID { return d.Resolution })},
	"Demand.addressees": {target: "Institution", ids: ids(func(d *graph.DemandRecord) []graph.ID { return d.Addressees })},
	"Demand.topics":     {target: "Topic", ids: ids(func(d *graph.DemandRecord) []graph.ID { return d.Topics })},
	"Demand.agreements": {target: "Agreement", ids: ids(func(d *graph.DemandRecord) []graph.ID { return d.Agreements })},
	"Demand.evidence":   {target: "Evidence", kids: kids(func(d *graph.DemandRecord) []any { return []any{&d.Evidence} })},

	"Stance.resolution": {target: "Resolution", ids: one(func(s *graph.StanceRecord) graph.ID { return s.Resolution })},
	"Stance.evidence":   {target: "Evidence", kids: kids(func(s *graph.StanceRecord) []any { return []any{&s.Evidence} })},

	"Topic.demands": {target: "Demand", list: demandsWhere(func(t *graph.TopicRecord) graph.DemandFilter {
		return graph.DemandFilter{Topic: t.ID}
	})},

	"Evidence.document": {target: "Document", ids: one(func(e *graph.Evidence) graph.ID { return e.Document })},

	"ResolutionConnection.nodes": {target: "Resolution", kids: kids(func(c *model.ResolutionConnection) []any { return anys(c.Nodes) })},
	"ResolutionConnection.edges": {target: "ResolutionEdge", kids: kids(func(c *model.ResolutionConnection) []any { return anys(c.Edges) })},
	"ResolutionEdge.node":        {target: "Resolution", kids: kids(func(e *model.ResolutionEdge) []any { return []any{e.Node} })},
	"DemandConnection.nodes":     {target: "Demand", kids: kids(func(c *model.DemandConnection) []any { return anys(c.Nodes) })},
	"DemandConnection.edges":     {target: "DemandEdge", kids: kids(func(c *model.DemandConnection) []any { return anys(c.Edges) })},
	"DemandEdge.node":            {target: "Demand", kids: kids(func(e *model.DemandEdge) []any { return []any{e.Node} })},
}

// anys converts a slice of pointers for lookahead.
func anys[T any](xs []*T) []any {
	out := make([]any, 0, len(xs))
	for _, x := range xs {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}

// selected is one step of the walk: records of a type and what the query selects on them.
type selected struct {
	typ  string
	sel  ast.SelectionSet
	recs []any
	ids  []graph.ID // while the records are being read
}

// maxLookahead bounds the walk; the cost limit bounds queries well before.
const maxLookahead = 16

// lookahead warms the loaders for the selection of the current field, whose records of GraphQL
// type typ are recs.
func (r *resolver) lookahead(ctx context.Context, typ string, recs []any) {
	if len(recs) == 0 || !graphql.HasOperationContext(ctx) {
		return
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return
	}
	w := &walk{r: r, op: graphql.GetOperationContext(ctx), l: r.loadersFrom(ctx),
		known: map[string]map[graph.ID]any{}, lists: map[any][]graph.ID{}}
	level := []*selected{{typ: typ, sel: fc.Field.Selections, recs: recs}}
	for depth := 0; len(level) > 0 && depth < maxLookahead && ctx.Err() == nil; depth++ {
		w.remember(level)
		level = w.level(ctx, level)
	}
}

// walk is one lookahead: what it has read so far, so that a record met again at a deeper level
// (the country of an addressee, a demand's own resolution) is not read again.
type walk struct {
	r  *resolver
	op *graphql.OperationContext
	l  *loaders
	// known holds, by GraphQL type, the records read or at hand, and nil for IDs read and not
	// found (a party's ID is read as a country and as an institution: one of them misses).
	known map[string]map[graph.ID]any
	lists map[any][]graph.ID // lists read, by filter
}

func (w *walk) remember(level []*selected) {
	for _, s := range level {
		for _, rec := range s.recs {
			if id := idOf(rec); id != "" {
				w.knownOf(s.typ)[id] = rec
			}
		}
	}
}

func (w *walk) knownOf(typ string) map[graph.ID]any {
	if w.known[typ] == nil {
		w.known[typ] = map[graph.ID]any{}
	}
	return w.known[typ]
}

// level reads what the records of one level point to, one Reader call per kind, and returns
// the next level.
func (w *walk) level(ctx context.Context, level []*selected) []*selected {
	var next []*selected
	want := map[string][]graph.ID{}
	for _, s := range level {
		for _, f := range graphql.CollectFields(w.op, s.sel, w.r.satisfies[s.typ]) {
			e, ok := edges[s.typ+"."+f.Name]
			if !ok || len(f.Selections) == 0 {
				continue
			}
			n := &selected{typ: e.target, sel: f.Selections}
			for _, p := range s.recs {
				switch {
				case e.ids != nil:
					n.ids = append(n.ids, e.ids(p)...)
				case e.list != nil:
					n.ids = append(n.ids, e.list(ctx, w, p)...)
				default:
					n.recs = append(n.recs, e.kids(p)...)
				}
			}
			if e.target == "Party" { // a party is a country or an institution: ask both
				want["Country"] = append(want["Country"], n.ids...)
				want["Institution"] = append(want["Institution"], n.ids...)
			} else {
				want[e.target] = append(want[e.target], n.ids...)
			}
			next = append(next, n)
		}
	}
	// Read every kind at once, each in one call, leaving out what was read before.
	for typ, ids := range want {
		known := w.knownOf(typ)
		slices.Sort(ids)
		want[typ] = slices.DeleteFunc(slices.Compact(ids), func(id graph.ID) bool { _, ok := known[id]; return ok })
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for typ, ids := range want {
		if len(ids) == 0 {
			continue
		}
		known := w.known[typ]
		wg.Go(func() {
			m := w.r.readAndPrime(ctx, w.l, typ, ids)
			mu.Lock()
			defer mu.Unlock()
			for _, id := range ids {
				known[id] = m[id]
			}
		})
	}
	wg.Wait()
	var out []*selected
	for _, n := range next {
		if n.ids == nil {
			if len(n.recs) > 0 {
				out = append(out, n)
			}
			continue
		}
		types := []string{n.typ}
		if n.typ == "Party" { // the parties found as countries, then as institutions
			types = []string{"Country", "Institution"}
		}
		for _, typ := range types {
			if recs := w.pick(typ, n.ids); len(recs) > 0 {
				out = append(out, &selected{typ: typ, sel: n.sel, recs: recs})
			}
		}
	}
	return out
}

// pick returns the records of a type found for ids.
func (w *walk) pick(typ string, ids []graph.ID) []any {
	var out []any
	for _, id := range ids {
		if rec := w.known[typ][id]; rec != nil {
			out = append(out, rec)
		}
	}
	return out
}

// idOf is a record's ID; "" for what is not a node (evidence, edges, connections).
func idOf(rec any) graph.ID {
	switch v := rec.(type) {
	case *graph.ResolutionRecord:
		return v.ID
	case *graph.CountryRecord:
		return v.ID
	case *graph.AgreementRecord:
		return v.ID
	case *graph.InstitutionRecord:
		return v.ID
	case *graph.DemandRecord:
		return v.ID
	case *graph.StanceRecord:
		return v.ID
	case *graph.TopicRecord:
		return v.ID
	case *graph.DocumentRecord:
		return v.ID
	}
	return ""
}

// readAndPrime reads the records of ids of a GraphQL type straight from the Reader, in one
// call and without the loaders' wait, and primes the loader of that kind with them (nil for
// those not found, so the resolvers do not ask again). On an error it primes nothing: the
// resolvers will ask through the loader and report what they meet.
func (r *resolver) readAndPrime(ctx context.Context, l *loaders, typ string, ids []graph.ID) map[graph.ID]any {
	switch typ {
	case "Resolution":
		return readInto(ctx, r.reader.Resolutions, l.resolutions, ids)
	case "Country":
		return readInto(ctx, r.reader.Countries, l.countries, ids)
	case "Agreement":
		return readInto(ctx, r.reader.Agreements, l.agreements, ids)
	case "Institution":
		return readInto(ctx, r.reader.Institutions, l.institutions, ids)
	case "Demand":
		return readInto(ctx, r.reader.Demands, l.demands, ids)
	case "Stance":
		return readInto(ctx, r.reader.Stances, l.stances, ids)
	case "Topic":
		return readInto(ctx, r.reader.Topics, l.topics, ids)
	case "Document":
		return readInto(ctx, r.reader.Documents, l.documents, ids)
	}
	return nil
}

func readInto[T any](ctx context.Context, read func(context.Context, []graph.ID) ([]*T, error),
	ld *dataloadgen.Loader[graph.ID, *T], ids []graph.ID) map[graph.ID]any {
	recs, err := read(ctx, ids)
	if err != nil || len(recs) != len(ids) {
		return nil
	}
	m := make(map[graph.ID]any, len(recs))
	for i, rec := range recs {
		ld.Prime(ids[i], rec)
		if rec != nil {
			m[ids[i]] = rec
		}
	}
	return m
}

// satisfiesOf lists, for each object type of the schema, the type conditions its fields may be
// selected under: itself, its interfaces and the unions it belongs to.
func satisfiesOf(s *ast.Schema) map[string][]string {
	out := map[string][]string{}
	for name, def := range s.Types {
		if def.Kind != ast.Object {
			continue
		}
		out[name] = append([]string{name}, def.Interfaces...)
	}
	for name, def := range s.Types {
		if def.Kind != ast.Union {
			continue
		}
		for _, member := range def.Types {
			out[member] = append(out[member], name)
		}
	}
	return out
}
