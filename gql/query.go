package gql

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

type queryResolver resolver

func (r *queryResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

// Node finds the node's kind, then loads it with that kind's loader.
func (r *queryResolver) Node(ctx context.Context, id graph.ID) (model.Node, error) {
	l, rd := r.ld(ctx), r.reader
	kind, err := r.kindOf(ctx, id)
	if err != nil {
		return nil, err
	}
	var node model.Node
	switch kind {
	case graph.KindResolution:
		node, err = nodeOf(oneNow(ctx, rd.Resolutions, l.resolutions, id))
	case graph.KindCountry:
		node, err = nodeOf(oneNow(ctx, rd.Countries, l.countries, id))
	case graph.KindAgreement:
		node, err = nodeOf(oneNow(ctx, rd.Agreements, l.agreements, id))
	case graph.KindInstitution:
		node, err = nodeOf(oneNow(ctx, rd.Institutions, l.institutions, id))
	case graph.KindDemand:
		node, err = nodeOf(oneNow(ctx, rd.Demands, l.demands, id))
	case graph.KindStance:
		node, err = nodeOf(oneNow(ctx, rd.Stances, l.stances, id))
	case graph.KindTopic:
		node, err = nodeOf(oneNow(ctx, rd.Topics, l.topics, id))
	case graph.KindDocument:
		node, err = nodeOf(oneNow(ctx, rd.Documents, l.documents, id))
	case graph.KindProcedureDocument:
		node, err = nodeOf(oneNow(ctx, rd.ProcedureDocuments, l.procDocs, id))
	case graph.KindEvent:
		node, err = nodeOf(oneNow(ctx, rd.Events, l.events, id))
	}
	if node != nil {
		(*resolver)(r).lookahead(ctx, string(kind), []any{node})
	}
	return node, err
}

// nodeOf makes a loaded record a Node, nil (not a typed nil) when there is none.
func nodeOf[T any](rec *T, err error) (model.Node, error) {
	if rec == nil {
		return nil, err
	}
	return rec, err
}

// withLookahead warms the loaders for what the query selects below the records a root field
// returns (see lookahead.go), and returns them.
func withLookahead[T any](ctx context.Context, r *queryResolver, typ string, recs []*T, err error) ([]*T, error) {
	if err == nil {
		(*resolver)(r).lookahead(ctx, typ, anys(recs))
	}
	return recs, err
}

// oneWithLookahead is withLookahead for a root field that returns one record.
func oneWithLookahead[T any](ctx context.Context, r *queryResolver, typ string, rec *T, err error) (*T, error) {
	if rec != nil && err == nil {
		(*resolver)(r).lookahead(ctx, typ, []any{rec})
	}
	return rec, err
}

func (r *queryResolver) Resolution(ctx context.Context, reference string) (*graph.ResolutionRecord, error) {
	ref := strings.TrimSpace(reference)
	if ref == "" {
		return nil, badInputf("reference is empty: want a procedure reference such as 2021/2544(RSP)")
	}
	rec, err := oneNow(ctx, r.reader.Resolutions, r.ld(ctx).resolutions, graph.ResolutionID(ref))
	return oneWithLookahead(ctx, r, "Resolution", rec, err)
}

func (r *queryResolver) Resolutions(ctx context.Context, country *string, agreement, topic, addressee *graph.ID, group *string,
	adoptedFrom, adoptedTo *graph.PartialDate, language, text *string, first *int, after *string) (*model.ResolutionConnection, error) {
	var f graph.ResolutionFilter
	c, err := optionalCountryArg("country", country)
	if err != nil {
		return nil, err
	}
	f.Country = c
	if err := r.nodeArgs(ctx, []nodeArg{
		{"agreement", agreement, graph.KindAgreement, &f.Agreement},
		{"topic", topic, graph.KindTopic, &f.Topic},
		{"addressee", addressee, graph.KindInstitution, &f.Addressee},
	}); err != nil {
		return nil, err
	}
	if f.Group, f.From, f.To, f.Language, f.Text, err = commonFilters(group, adoptedFrom, adoptedTo, language, text); err != nil {
		return nil, err
	}
	return resolutionConnection(ctx, (*resolver)(r), f, first, after)
}

// nodeArg is a filter argument naming a node of a kind, and the filter field it sets.
type nodeArg struct {
	name string
	id   *graph.ID
	kind graph.NodeKind
	into *graph.ID
}

// nodeArgs checks that each argument given names a node of its kind (NOT_FOUND otherwise)
// and sets its filter field.
func (r *queryResolver) nodeArgs(ctx context.Context, args []nodeArg) error {
	for _, a := range args {
		if a.id != nil {
			if err := r.mustBe(ctx, a.name, *a.id, a.kind); err != nil {
				return err
			}
			*a.into = *a.id
		}
	}
	return nil
}

// commonFilters checks the filter arguments resolutions and demands share.
func commonFilters(group *string, from, to *graph.PartialDate, language, text *string) (g string, f, t graph.PartialDate, lang, q string, err error) {
	if group != nil {
		g = strings.ToUpper(strings.TrimSpace(*group))
	}
	if from != nil {
		f = *from
	}
	if to != nil {
		t = *to
	}
	if !f.IsZero() && !t.IsZero() && t.Before(f) {
		return "", f, t, "", "", badInputf("adoptedTo %s is before adoptedFrom %s", t, f)
	}
	if language != nil {
		if lang, err = langArg(language); err != nil {
			return "", f, t, "", "", err
		}
	}
	if text != nil {
		q = *text
	}
	return g, f, t, lang, q, nil
}

func (r *queryResolver) Country(ctx context.Context, code string) (*graph.CountryRecord, error) {
	c, err := countryArg("code", code)
	if err != nil {
		return nil, err
	}
	rec, err := oneNow(ctx, r.reader.Countries, r.ld(ctx).countries, graph.CountryID(c))
	return oneWithLookahead(ctx, r, "Country", rec, err)
}

func (r *queryResolver) Countries(ctx context.Context) ([]*graph.CountryRecord, error) {
	ids, err := r.reader.ListCountries(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := readNow(ctx, r.reader.Countries, r.ld(ctx).countries, ids)
	return withLookahead(ctx, r, "Country", present(recs), err)
}

func (r *queryResolver) Agreement(ctx context.Context, id graph.ID) (*graph.AgreementRecord, error) {
	rec, err := oneNow(ctx, r.reader.Agreements, r.ld(ctx).agreements, id)
	return oneWithLookahead(ctx, r, "Agreement", rec, err)
}

func (r *queryResolver) Agreements(ctx context.Context, country *string) ([]*graph.AgreementRecord, error) {
	var f graph.AgreementFilter
	c, err := optionalCountryArg("country", country)
	if err != nil {
		return nil, err
	}
	f.Country = c
	ids, err := r.reader.ListAgreements(ctx, f)
	if err != nil {
		return nil, err
	}
	recs, err := readNow(ctx, r.reader.Agreements, r.ld(ctx).agreements, ids)
	return withLookahead(ctx, r, "Agreement", present(recs), err)
}

func (r *queryResolver) Demands(ctx context.Context, country *string, addressee, agreement, topic *graph.ID, group *string,
	adoptedFrom, adoptedTo *graph.PartialDate, language, text *string, first *int, after *string) (*model.DemandConnection, error) {
	var f graph.DemandFilter
	c, err := optionalCountryArg("country", country)
	if err != nil {
		return nil, err
	}
	f.Country = c
	if err := r.nodeArgs(ctx, []nodeArg{
		{"addressee", addressee, graph.KindInstitution, &f.Addressee},
		{"agreement", agreement, graph.KindAgreement, &f.Agreement},
		{"topic", topic, graph.KindTopic, &f.Topic},
	}); err != nil {
		return nil, err
	}
	if f.Group, f.From, f.To, f.Language, f.Text, err = commonFilters(group, adoptedFrom, adoptedTo, language, text); err != nil {
		return nil, err
	}
	return demandConnection(ctx, (*resolver)(r), f, first, after)
}

// demandConnection is a page of the demands a filter selects: Query.demands, and the demand
// pages of an institution, a topic or an agreement.
func demandConnection(ctx context.Context, r *resolver, f graph.DemandFilter, first *int, after *string) (*model.DemandConnection, error) {
	l := r.loadersFrom(ctx)
	p, recs, alone, err := pageOf(ctx, r, graph.KindDemand, f, l.demandLists, r.reader.Demands, l.demands, first, after)
	if err != nil {
		return nil, err
	}
	conn := &model.DemandConnection{PageInfo: p.info, TotalCount: p.total, Filter: f}
	conn.Edges, conn.Nodes = edgesOf(p, recs, func(c string, n *graph.DemandRecord) *model.DemandEdge {
		return &model.DemandEdge{Cursor: c, Node: n}
	})
	if alone {
		r.lookahead(ctx, "DemandConnection", []any{conn})
	}
	return conn, nil
}

// Institution finds an institution by key, trying the key as given, then in upper case (keys
// such as GOVERNMENT:KZ are upper case).
func (r *queryResolver) Institution(ctx context.Context, key string) (*graph.InstitutionRecord, error) {
	k := strings.TrimSpace(key)
	if k == "" {
		return nil, badInputf("key is empty: want an institution key such as EP or GOVERNMENT:KZ")
	}
	l := r.ld(ctx)
	rec, err := oneNow(ctx, r.reader.Institutions, l.institutions, graph.InstitutionID(k))
	if rec == nil && err == nil && strings.ToUpper(k) != k {
		rec, err = oneNow(ctx, r.reader.Institutions, l.institutions, graph.InstitutionID(strings.ToUpper(k)))
	}
	return oneWithLookahead(ctx, r, "Institution", rec, err)
}

func (r *queryResolver) Topic(ctx context.Context, key string) (*graph.TopicRecord, error) {
	k := strings.TrimSpace(key)
	if k == "" {
		return nil, badInputf("key is empty: want a topic key such as political-prisoners")
	}
	rec, err := oneNow(ctx, r.reader.Topics, r.ld(ctx).topics, graph.TopicID(k))
	return oneWithLookahead(ctx, r, "Topic", rec, err)
}

func (r *queryResolver) Document(ctx context.Context, id graph.ID) (*graph.DocumentRecord, error) {
	return oneNow(ctx, r.reader.Documents, r.ld(ctx).documents, id)
}

// mustBe answers NOT_FOUND when the argument arg names no node of the kind want: a filter on an
// unknown ID is a mistake to report, not an empty list to return.
func (r *queryResolver) mustBe(ctx context.Context, arg string, id graph.ID, want graph.NodeKind) error {
	kind, err := r.kindOf(ctx, id)
	if err != nil {
		return err
	}
	if kind != want {
		return notFoundf("%s: no %s has the ID %q", arg, strings.ToLower(string(want)), id)
	}
	return nil
}

// kindOf reads a node's kind for a root field.
func (r *queryResolver) kindOf(ctx context.Context, id graph.ID) (graph.NodeKind, error) {
	kinds, err := readNow(ctx, r.reader.Kinds, r.ld(ctx).kinds, []graph.ID{id})
	if err != nil {
		return "", err
	}
	return kinds[0], nil
}

// resolutionConnection pages through the resolutions a filter selects (Query.resolutions,
// Country.resolutions, Agreement.resolutionPage).
func resolutionConnection(ctx context.Context, r *resolver, f graph.ResolutionFilter, first *int, after *string) (*model.ResolutionConnection, error) {
	l := r.loadersFrom(ctx)
	p, recs, alone, err := pageOf(ctx, r, graph.KindResolution, f, l.resolutionLists, r.reader.Resolutions, l.resolutions, first, after)
	if err != nil {
		return nil, err
	}
	conn := &model.ResolutionConnection{PageInfo: p.info, TotalCount: p.total, Filter: f}
	conn.Edges, conn.Nodes = edgesOf(p, recs, func(c string, n *graph.ResolutionRecord) *model.ResolutionEdge {
		return &model.ResolutionEdge{Cursor: c, Node: n}
	})
	if alone {
		r.lookahead(ctx, "ResolutionConnection", []any{conn})
	}
	return conn, nil
}

// pageOf reads a page of the records a filter lists: the list through its loader, then the
// page's records. When the field stands alone (not under a list), they are read at once and
// the caller looks ahead below them; under a list (Country.resolutions of every country) the
// records' loader gathers the siblings' reads, which separate lookaheads would not.
func pageOf[F comparable, T any](ctx context.Context, r *resolver, kind graph.NodeKind, f F,
	lists *dataloadgen.Loader[F, []graph.ID], read func(context.Context, []graph.ID) ([]*T, error),
	records *dataloadgen.Loader[graph.ID, *T], first *int, after *string) (p *page, recs []*T, alone bool, err error) {
	if _, err := paginate(kind, nil, first, nil); err != nil {
		return nil, nil, false, err // a bad first is refused before the list is read
	}
	ids, err := lists.Load(ctx, f)
	if err != nil {
		return nil, nil, false, firstError(err)
	}
	if p, err = paginate(kind, ids, first, after); err != nil {
		return nil, nil, false, err
	}
	if alone = !inList(ctx); alone {
		recs, err = readNow(ctx, read, records, p.ids)
	} else {
		recs, err = records.LoadAll(ctx, p.ids)
		err = firstError(err)
	}
	return p, recs, alone, err
}

// inList says whether the field being resolved is under an element of a list (then sibling
// resolvers run the same field for the other elements), rather than under the root alone or
// through single objects (a country's page of resolutions).
func inList(ctx context.Context) bool {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return true
		}
	}
	return false
}
