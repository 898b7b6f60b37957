package graph

import (
	"cmp"
	"context"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// Naive is a benchmark baseline, and nothing else: it answers the six queries of the
// frontend suite of cmd/eurel-bench (a country page, an agreement page, a neighbourhood, a
// path, a search, a filtered list with facets) the way a first, naive GraphQL server on
// Cayley would have: every field of every node resolved by its own Cayley path query
// (path.StartPath(qs, node).Out(predicate) / .In(predicate)), straight from the quad store,
// with no view, no dataloader, no batching and no cache. Lists are sorted and filtered by
// reading the sort key of every member, facets are counted by walking paths, search is a
// case-insensitive substring scan over every title and demand text, and neighbourhood and
// path are breadth-first walks issuing one path query per node and predicate.
//
// Its answers are the same data as the Store's Reader answers (the same rules pick a value
// when documents disagree: the most recently ingested document wins), so that the
// benchmark's ratio compares like with like; naive_test.go checks that they agree. Its
// search matches substrings rather than stemmed words, so it finds other hits than the
// full-text index.
//
// Every method takes the store's read lock for the whole query and gives up with ctx's error
// when ctx ends (the benchmark gives each query a time budget).
type Naive struct {
	s  *Store
	qs cgraph.QuadStore
}

// Naive returns the baseline for this store (see Naive).
func (s *Store) Naive() *Naive { return &Naive{s: s, qs: s.qs} }

// NaiveCountryPage answers country(code:) { name resolutions(first:) { totalCount nodes {
// reference title adopted demands { text addressees { name kind } evidence { quote } } } } }.
type NaiveCountryPage struct {
	ID          ID
	Code        string
	Name        string // in English, else any language, else the code
	TotalCount  int
	Resolutions []NaiveResolution
}

// NaiveResolution is a resolution with the fields the suite asks for.
type NaiveResolution struct {
	ID        ID
	Reference string
	Title     string // in English, else any language, else the reference
	Adopted   PartialDate
	Demands   []NaiveDemand // in source order; nil when not asked
}

// NaiveDemand is a demand with the fields the suite asks for.
type NaiveDemand struct {
	ID         ID
	Text       string
	Addressees []NaiveAddressee // the institutions it is addressed to, by ID
	Quote      string           // its evidence's quote; "" when not asked
}

// NaiveAddressee is an institution a demand is addressed to.
type NaiveAddressee struct {
	ID   ID
	Name string          // in English, else any language, else the key
	Kind InstitutionKind // "" when not asked
}

// NaiveAgreementPage answers agreement(id:) { name parties { __typename }
// resolutionPage(first:) { totalCount nodes { reference title adopted demands { text
// addressees { name kind } evidence { quote } } } } }.
type NaiveAgreementPage struct {
	ID          ID
	Name        string
	Parties     []SubgraphNode // countries and institutions, by ID (Depth unused)
	TotalCount  int            // resolutions referring to it
	Resolutions []NaiveResolution
}

// NaiveSubgraph is a neighbourhood with the quotes of each edge's evidence (Evidence[i] for
// Edges[i]), as neighbourhood { nodes { id __typename } edges { from to type evidence {
// quote } } truncated } asks.
type NaiveSubgraph struct {
	Subgraph
	Evidence [][]string
}

// NaiveResolutionList answers resolutions(country:, adoptedFrom:, first:) { totalCount nodes
// { reference title adopted } facets { countries years topics addresseeKinds } }.
type NaiveResolutionList struct {
	TotalCount  int
	Resolutions []NaiveResolution
	Facets      Facets
}

// NaiveSearchPage answers search(query:, first:) { totalCount edges { snippet field node {
// id __typename } } }.
type NaiveSearchPage struct {
	TotalCount int
	Hits       []NaiveSearchHit
}

// NaiveSearchHit is one node whose title or text contains every word of the query.
type NaiveSearchHit struct {
	ID      ID
	Kind    NodeKind
	Field   string // "title" or "text"
	Snippet string // HTML: the text around the first match, the match in <mark>…</mark>
}

// CountryPage answers the country page; nil when the graph has no such country.
func (n *Naive) CountryPage(ctx context.Context, code string, first int) (*NaiveCountryPage, error) {
	unlock, err := n.s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	id := CountryID(code)
	if k, err := n.kind(ctx, id); err != nil || k != KindCountry {
		return nil, err
	}
	page := &NaiveCountryPage{ID: id}
	c, err := n.one(ctx, id, pCode)
	if err != nil {
		return nil, err
	}
	page.Code = str(c)
	if page.Name, err = n.name(ctx, id, pName, page.Code); err != nil {
		return nil, err
	}
	list, err := n.resolutionsIn(ctx, id, Concerns)
	if err != nil {
		return nil, err
	}
	page.TotalCount = len(list)
	for _, r := range list[:min(first, len(list))] {
		res, err := n.resolution(ctx, r.id, fields{demands: true, addresseeKind: true, evidence: true})
		if err != nil {
			return nil, err
		}
		page.Resolutions = append(page.Resolutions, res)
	}
	return page, nil
}

// AgreementPage answers the agreement page with its first resolutions, newest first; nil
// when the graph has no such agreement.
func (n *Naive) AgreementPage(ctx context.Context, id ID, first int) (*NaiveAgreementPage, error) {
	unlock, err := n.s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if k, err := n.kind(ctx, id); err != nil || k != KindAgreement {
		return nil, err
	}
	page := &NaiveAgreementPage{ID: id}
	names, err := n.langMap(ctx, id, pName)
	if err != nil {
		return nil, err
	}
	page.Name = PickName(names, "en", "")
	if page.Name == "" {
		kind, err := n.one(ctx, id, pAgreementKind)
		if err != nil {
			return nil, err
		}
		page.Name = str(kind)
	}
	parties, err := n.in(ctx, id, PartyTo.IRI())
	if err != nil {
		return nil, err
	}
	for _, p := range sortedIDs(parties) {
		k, err := n.kind(ctx, p)
		if err != nil {
			return nil, err
		}
		if k == KindCountry || k == KindInstitution {
			page.Parties = append(page.Parties, SubgraphNode{ID: p, Kind: k})
		}
	}
	list, err := n.resolutionsIn(ctx, id, RefersTo)
	if err != nil {
		return nil, err
	}
	page.TotalCount = len(list)
	for _, r := range list[:min(first, len(list))] {
		res, err := n.resolution(ctx, r.id, fields{demands: true, addresseeKind: true, evidence: true})
		if err != nil {
			return nil, err
		}
		page.Resolutions = append(page.Resolutions, res)
	}
	return page, nil
}

// ResolutionList answers the filtered list of the resolutions concerning a country adopted
// on or after from, newest first, its first page and its facets.
func (n *Naive) ResolutionList(ctx context.Context, country string, from PartialDate, first int) (NaiveResolutionList, error) {
	var out NaiveResolutionList
	unlock, err := n.s.readLock()
	if err != nil {
		return out, err
	}
	defer unlock()
	list, err := n.resolutionsIn(ctx, CountryID(country), Concerns)
	if err != nil {
		return out, err
	}
	list = slices.DeleteFunc(list, func(r listed) bool { return !within(r.adopted, from, PartialDate{}) })
	out.TotalCount = len(list)
	for _, r := range list[:min(first, len(list))] {
		res, err := n.resolution(ctx, r.id, fields{})
		if err != nil {
			return out, err
		}
		out.Resolutions = append(out.Resolutions, res)
	}
	out.Facets, err = n.facets(ctx, list)
	return out, err
}

// Neighbourhood answers neighbourhood(id:, depth:, limit:) over every edge type, as
// Store.Neighbourhood does, with the first `evidence` evidence quotes of each edge (all when
// evidence < 0), as GraphEdge.evidence(first:) gives them. An unknown node is ErrNotFound.
func (n *Naive) Neighbourhood(ctx context.Context, id ID, depth, limit, evidence int) (NaiveSubgraph, error) {
	var sg NaiveSubgraph
	unlock, err := n.s.readLock()
	if err != nil {
		return sg, err
	}
	defer unlock()
	depth = min(max(depth, 0), MaxNeighbourhoodDepth)
	limit = max(limit, 1)
	k, err := n.kind(ctx, id)
	if err != nil {
		return sg, err
	}
	if k == "" {
		return sg, ErrNotFound
	}
	dist := map[ID]int{id: 0}
	kinds := map[ID]NodeKind{id: k}
	order, frontier := []ID{id}, []ID{id}
	for d := 1; d <= depth && len(frontier) > 0 && !sg.Truncated; d++ {
		var next []ID
	expand:
		for _, x := range frontier {
			around, err := n.around(ctx, x)
			if err != nil {
				return sg, err
			}
			for _, m := range around {
				if _, seen := dist[m]; seen {
					continue
				}
				k, err := n.kind(ctx, m)
				if err != nil {
					return sg, err
				}
				if k == "" {
					continue
				}
				if len(order) >= limit {
					sg.Truncated = true
					break expand
				}
				dist[m], kinds[m] = d, k
				order = append(order, m)
				next = append(next, m)
			}
		}
		frontier = next
	}
	for _, x := range order {
		sg.Nodes = append(sg.Nodes, SubgraphNode{ID: x, Kind: kinds[x], Depth: dist[x]})
		for _, p := range Predicates {
			tos, err := n.out(ctx, x, p.IRI())
			if err != nil {
				return sg, err
			}
			for _, to := range sortedIDs(tos) {
				if _, in := dist[to]; in {
					sg.Edges = append(sg.Edges, Edge{From: x, Pred: p, To: to})
				}
			}
		}
	}
	for _, e := range sg.Edges {
		quotes, err := n.edgeQuotes(ctx, e)
		if err != nil {
			return sg, err
		}
		if evidence >= 0 && evidence < len(quotes) {
			quotes = quotes[:evidence]
		}
		sg.Evidence = append(sg.Evidence, quotes)
	}
	return sg, nil
}

// Path answers path(from:, to:, maxDepth:) over every edge type: a breadth-first walk from
// from, one path query per node and predicate each way, until it reaches to. It gives a
// shortest path, as Store.Path does, though not necessarily the same one when several are
// as short. found is false when there is none within maxDepth; an unknown end is ErrNotFound.
func (n *Naive) Path(ctx context.Context, from, to ID, maxDepth int) (sg Subgraph, found bool, err error) {
	unlock, err := n.s.readLock()
	if err != nil {
		return sg, false, err
	}
	defer unlock()
	maxDepth = min(max(maxDepth, 1), MaxPathDepth)
	kinds := map[ID]NodeKind{}
	for _, x := range []ID{from, to} {
		if kinds[x], err = n.kind(ctx, x); err != nil {
			return sg, false, err
		}
		if kinds[x] == "" {
			return sg, false, ErrNotFound
		}
	}
	parent := map[ID]ID{from: ""}
	frontier := []ID{from}
	for depth := 0; depth < maxDepth && len(frontier) > 0 && from != to; depth++ {
		var next []ID
		for _, x := range frontier {
			around, err := n.around(ctx, x)
			if err != nil {
				return sg, false, err
			}
			for _, m := range around {
				if _, seen := parent[m]; seen {
					continue
				}
				parent[m] = x
				next = append(next, m)
			}
			if _, ok := parent[to]; ok || len(parent) > pathVisitLimit {
				break
			}
		}
		if _, ok := parent[to]; ok || len(parent) > pathVisitLimit {
			break
		}
		frontier = next
	}
	if _, ok := parent[to]; !ok {
		return Subgraph{}, false, nil
	}
	var nodes []ID
	for x := to; x != ""; x = parent[x] {
		nodes = append(nodes, x)
	}
	slices.Reverse(nodes)
	for i, x := range nodes {
		k := kinds[x]
		if k == "" {
			if k, err = n.kind(ctx, x); err != nil {
				return Subgraph{}, false, err
			}
		}
		sg.Nodes = append(sg.Nodes, SubgraphNode{ID: x, Kind: k, Depth: i})
		if i > 0 {
			e, err := n.edgeBetween(ctx, nodes[i-1], x)
			if err != nil {
				return Subgraph{}, false, err
			}
			sg.Edges = append(sg.Edges, e)
		}
	}
	return sg, true, nil
}

// Search finds the resolutions whose title and the demands whose text contain every word of
// query, case-insensitively, by scanning every title and every demand text: resolutions
// first, then demands, each in the store's order; it returns the first page and the count.
func (n *Naive) Search(ctx context.Context, query string, first int) (NaiveSearchPage, error) {
	var out NaiveSearchPage
	unlock, err := n.s.readLock()
	if err != nil {
		return out, err
	}
	defer unlock()
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return out, nil
	}
	seen := map[ID]bool{}
	scan := func(p *path.Path, kind NodeKind, field string) error {
		return p.Iterate(ctx).TagValues(n.qs, func(tags map[string]quad.Value) error {
			id, text := idOfValue(tags["node"]), str(tags["text"])
			if id == "" || seen[id] {
				return nil
			}
			lower := strings.ToLower(text)
			for _, w := range words {
				if !strings.Contains(lower, w) {
					return nil
				}
			}
			seen[id] = true
			out.TotalCount++
			if len(out.Hits) < first {
				out.Hits = append(out.Hits, NaiveSearchHit{ID: id, Kind: kind, Field: field, Snippet: snippet(text, lower, words[0])})
			}
			return nil
		})
	}
	titles := path.StartPath(n.qs, quad.String(KindResolution)).In(pKind).Tag("node").Out(pTitle).Tag("text")
	if err := scan(titles, KindResolution, "title"); err != nil {
		return out, err
	}
	texts := path.StartPath(n.qs, quad.String(KindDemand)).In(pKind).Tag("node").Out(pText).Tag("text")
	err = scan(texts, KindDemand, "text")
	return out, err
}

// snippet is up to 160 characters of text around the first occurrence of word (lower is
// text in lower case), HTML-escaped, the occurrence in <mark>…</mark>.
func snippet(text, lower, word string) string {
	i := strings.Index(lower, word)
	if i < 0 || len(lower) != len(text) { // lower-casing changed the byte length: no offsets
		return html.EscapeString(text)
	}
	lo, hi := max(0, i-80), min(len(text), i+len(word)+80)
	return html.EscapeString(text[lo:i]) + "<mark>" + html.EscapeString(text[i:i+len(word)]) + "</mark>" + html.EscapeString(text[i+len(word):hi])
}

// --- the fields of one node, one path query each ---

// fields says which nested fields of a resolution a query asks for.
type fields struct {
	demands       bool // demands { text addressees { name } }
	addresseeKind bool // addressees { kind }
	evidence      bool // demands { evidence { quote } }
}

func (n *Naive) resolution(ctx context.Context, id ID, f fields) (NaiveResolution, error) {
	res := NaiveResolution{ID: id}
	ref, err := n.one(ctx, id, pReference)
	if err != nil {
		return res, err
	}
	res.Reference = str(ref)
	if res.Title, err = n.name(ctx, id, pTitle, res.Reference); err != nil {
		return res, err
	}
	adopted, err := n.one(ctx, id, pAdopted)
	if err != nil {
		return res, err
	}
	res.Adopted = date(adopted)
	if !f.demands {
		return res, nil
	}
	ds, err := n.demandsOf(ctx, id)
	if err != nil {
		return res, err
	}
	res.Demands = []NaiveDemand{}
	for _, d := range ds {
		dem, err := n.demand(ctx, d, f)
		if err != nil {
			return res, err
		}
		res.Demands = append(res.Demands, dem)
	}
	return res, nil
}

func (n *Naive) demand(ctx context.Context, id ID, f fields) (NaiveDemand, error) {
	d := NaiveDemand{ID: id}
	text, err := n.one(ctx, id, pText)
	if err != nil {
		return d, err
	}
	d.Text = str(text)
	addressees, err := n.out(ctx, id, AddressedTo.IRI())
	if err != nil {
		return d, err
	}
	d.Addressees = []NaiveAddressee{}
	for _, a := range sortedIDs(addressees) {
		if k, err := n.kind(ctx, a); err != nil {
			return d, err
		} else if k != KindInstitution {
			continue // a country as such: Demand.addressees lists institutions
		}
		key, err := n.one(ctx, a, pKey)
		if err != nil {
			return d, err
		}
		ad := NaiveAddressee{ID: a}
		if ad.Name, err = n.name(ctx, a, pName, str(key)); err != nil {
			return d, err
		}
		if f.addresseeKind {
			k, err := n.one(ctx, a, pInstitutionKind)
			if err != nil {
				return d, err
			}
			ad.Kind = InstitutionKind(str(k))
		}
		d.Addressees = append(d.Addressees, ad)
	}
	if f.evidence {
		d.Quote, err = n.ownQuote(ctx, id)
	}
	return d, err
}

// demandsOf lists a resolution's demands in source order: by the ingest time of the document
// stating the demand's position, that document, then the position.
func (n *Naive) demandsOf(ctx context.Context, res ID) ([]ID, error) {
	ids, err := n.out(ctx, res, HasDemand.IRI())
	if err != nil {
		return nil, err
	}
	type keyed struct {
		id  ID
		t   time.Time
		doc string
		pos int
	}
	var ks []keyed
	for _, id := range ids {
		if k, err := n.kind(ctx, id); err != nil {
			return nil, err
		} else if k != KindDemand {
			continue
		}
		q, err := n.latestQuad(ctx, id.IRI(), pPosition)
		if err != nil {
			return nil, err
		}
		k := keyed{id: id}
		if q != nil {
			if k.t, err = n.docTime(ctx, q.Label); err != nil {
				return nil, err
			}
			k.doc, k.pos = quad.ToString(q.Label), integer(q.Object)
		}
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.doc, b.doc), cmp.Compare(a.pos, b.pos), cmp.Compare(a.id, b.id))
	})
	out := make([]ID, len(ks))
	for i, k := range ks {
		out[i] = k.id
	}
	return out, nil
}

// listed is a resolution of a list with its sort key.
type listed struct {
	id      ID
	adopted PartialDate
	ref     string
}

// resolutionsIn lists the resolutions with an edge of pred to node, newest adoption first
// (unknown dates last), then by reference, then ID: the kind, date and reference of each read
// one at a time.
func (n *Naive) resolutionsIn(ctx context.Context, node ID, pred Predicate) ([]listed, error) {
	ids, err := n.in(ctx, node, pred.IRI())
	if err != nil {
		return nil, err
	}
	var out []listed
	for _, id := range ids {
		if k, err := n.kind(ctx, id); err != nil {
			return nil, err
		} else if k != KindResolution {
			continue
		}
		adopted, err := n.one(ctx, id, pAdopted)
		if err != nil {
			return nil, err
		}
		ref, err := n.one(ctx, id, pReference)
		if err != nil {
			return nil, err
		}
		out = append(out, listed{id: id, adopted: date(adopted), ref: str(ref)})
	}
	slices.SortFunc(out, func(a, b listed) int {
		switch {
		case b.adopted.Before(a.adopted):
			return -1
		case a.adopted.Before(b.adopted):
			return 1
		}
		return cmp.Or(cmp.Compare(a.ref, b.ref), cmp.Compare(a.id, b.id))
	})
	return out, nil
}

// facets counts the resolutions of a list per country concerned, year of adoption, topic
// (OEIL subject or a topic of a demand) and kind of addressee of a demand, walking the paths
// from each resolution.
func (n *Naive) facets(ctx context.Context, list []listed) (Facets, error) {
	countries, years, topics, kinds := facetCounter{}, facetCounter{}, facetCounter{}, facetCounter{}
	for _, r := range list {
		cs, err := n.out(ctx, r.id, Concerns.IRI())
		if err != nil {
			return Facets{}, err
		}
		for _, c := range cs {
			code, err := n.one(ctx, c, pCode)
			if err != nil {
				return Facets{}, err
			}
			countries.add(str(code), c)
		}
		if !r.adopted.IsZero() {
			years.add(strconv.Itoa(r.adopted.Year), "")
		}
		ts, err := n.out(ctx, r.id, HasSubject.IRI())
		if err != nil {
			return Facets{}, err
		}
		ds, err := n.out(ctx, r.id, HasDemand.IRI())
		if err != nil {
			return Facets{}, err
		}
		kindSeen := map[string]bool{}
		for _, d := range ds {
			about, err := n.out(ctx, d, About.IRI())
			if err != nil {
				return Facets{}, err
			}
			ts = append(ts, about...)
			addressees, err := n.out(ctx, d, AddressedTo.IRI())
			if err != nil {
				return Facets{}, err
			}
			for _, a := range addressees {
				k, err := n.kind(ctx, a)
				if err != nil {
					return Facets{}, err
				}
				kind := string(k)
				if k != KindCountry {
					v, err := n.one(ctx, a, pInstitutionKind)
					if err != nil {
						return Facets{}, err
					}
					kind = str(v)
				}
				if kind != "" && !kindSeen[kind] {
					kindSeen[kind] = true
					kinds.add(kind, "")
				}
			}
		}
		slices.Sort(ts)
		for _, t := range slices.Compact(ts) {
			key, err := n.one(ctx, t, pKey)
			if err != nil {
				return Facets{}, err
			}
			topics.add(str(key), t)
		}
	}
	return Facets{Total: len(list), Countries: countries.sorted(false), Years: years.sorted(true),
		Topics: topics.sorted(false), AddresseeKinds: kinds.sorted(false)}, nil
}

// around lists the nodes one edge away from x, either way, in predicate order then by ID,
// each once: two path queries (out and in) per predicate.
func (n *Naive) around(ctx context.Context, x ID) ([]ID, error) {
	var out []ID
	seen := map[ID]bool{}
	for _, p := range Predicates {
		outs, err := n.out(ctx, x, p.IRI())
		if err != nil {
			return nil, err
		}
		ins, err := n.in(ctx, x, p.IRI())
		if err != nil {
			return nil, err
		}
		for _, m := range sortedIDs(append(outs, ins...)) {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out, nil
}

// edgeBetween is an edge joining two adjacent nodes, in its own direction: the first
// predicate, in Predicates order, from a to b, else from b to a.
func (n *Naive) edgeBetween(ctx context.Context, a, b ID) (Edge, error) {
	for _, dir := range [][2]ID{{a, b}, {b, a}} {
		for _, p := range Predicates {
			tos, err := n.out(ctx, dir[0], p.IRI())
			if err != nil {
				return Edge{}, err
			}
			if slices.Contains(tos, dir[1]) {
				return Edge{From: dir[0], Pred: p, To: dir[1]}, nil
			}
		}
	}
	return Edge{}, nil
}

// edgeQuotes are the quotes of an edge's evidence (see Store.EdgeEvidence): each span a
// document gives for it, and for each other document stating it, the span of the edge's
// anchor in that document; by document ingest time, document, then span.
func (n *Naive) edgeQuotes(ctx context.Context, e Edge) ([]string, error) {
	type ev struct {
		doc  ID
		t    time.Time
		span Span
	}
	var evs []ev
	add := func(doc ID, span Span) error {
		t, err := n.docTime(ctx, doc.IRI())
		evs = append(evs, ev{doc, t, span})
		return err
	}
	explicit := map[ID]bool{}
	qs, err := n.quads(ctx, EdgeID(e.From, e.Pred, e.To).IRI(), pEvidence, nil)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		span, ok := parseSpan(q.Object)
		doc := idOfValue(q.Label)
		if !ok || doc == "" {
			continue
		}
		explicit[doc] = true
		if err := add(doc, span); err != nil {
			return nil, err
		}
	}
	stating, err := n.quads(ctx, e.From.IRI(), e.Pred.IRI(), e.To.IRI())
	if err != nil {
		return nil, err
	}
	for _, q := range stating {
		doc := idOfValue(q.Label)
		if doc == "" || explicit[doc] {
			continue
		}
		explicit[doc] = true
		span, err := n.nodeSpan(ctx, e.Pred.Anchor(e.From, e.To), doc)
		if err != nil {
			return nil, err
		}
		if err := add(doc, span); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(evs, func(a, b ev) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.doc, b.doc), cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(a.span.End, b.span.End))
	})
	quotes := make([]string, 0, len(evs))
	for _, x := range evs {
		text, err := n.one(ctx, x.doc, pText)
		if err != nil {
			return nil, err
		}
		q, _ := Quote(str(text), x.span)
		quotes = append(quotes, q)
	}
	return quotes, nil
}

// ownQuote is the quote of a node's own span in the most recently ingested document stating
// it (a demand's evidence).
func (n *Naive) ownQuote(ctx context.Context, id ID) (string, error) {
	q, err := n.latestQuad(ctx, id.IRI(), pKind)
	if err != nil || q == nil {
		return "", err
	}
	doc := idOfValue(q.Label)
	if doc == "" {
		return "", nil
	}
	span, err := n.nodeSpan(ctx, id, doc)
	if err != nil {
		return "", err
	}
	text, err := n.one(ctx, doc, pText)
	if err != nil {
		return "", err
	}
	quote, _ := Quote(str(text), span)
	return quote, nil
}

// nodeSpan is a node's own span in a document: the evidence of its SOURCE edge that the
// document states.
func (n *Naive) nodeSpan(ctx context.Context, node, doc ID) (Span, error) {
	if node == "" {
		return Span{}, nil
	}
	qs, err := n.quads(ctx, EdgeID(node, SourcePred, doc).IRI(), pEvidence, nil)
	if err != nil {
		return Span{}, err
	}
	for _, q := range qs {
		if idOfValue(q.Label) == doc {
			if sp, ok := parseSpan(q.Object); ok {
				return sp, nil
			}
		}
	}
	return Span{}, nil
}

// --- single path queries ---

// kind is the node's kind; "" when the graph has no such node.
func (n *Naive) kind(ctx context.Context, id ID) (NodeKind, error) {
	v, err := n.one(ctx, id, pKind)
	return NodeKind(str(v)), err
}

// name is a node's name (or title) in English, else in the first language by code, else
// fallback.
func (n *Naive) name(ctx context.Context, id ID, p quad.IRI, fallback string) (string, error) {
	names, err := n.langMap(ctx, id, p)
	return PickName(names, "en", fallback), err
}

// one is the value of a single-valued property: the only one, or when documents disagree,
// the one the most recently ingested document states.
func (n *Naive) one(ctx context.Context, id ID, p quad.IRI) (quad.Value, error) {
	vals, err := n.run(ctx, path.StartPath(n.qs, id.IRI()).Out(p))
	if err != nil || len(vals) <= 1 {
		if len(vals) == 1 {
			return vals[0], err
		}
		return nil, err
	}
	q, err := n.latestQuad(ctx, id.IRI(), p)
	if err != nil || q == nil {
		return nil, err
	}
	return q.Object, nil
}

// langMap is a node's language-tagged values of a predicate, by language, the most recently
// ingested document winning within a language.
func (n *Naive) langMap(ctx context.Context, id ID, p quad.IRI) (map[string]string, error) {
	vals, err := n.run(ctx, path.StartPath(n.qs, id.IRI()).Out(p))
	if err != nil {
		return nil, err
	}
	byLang := map[string][]quad.Value{}
	for _, v := range vals {
		if ls, ok := v.(quad.LangString); ok {
			byLang[ls.Lang] = append(byLang[ls.Lang], v)
		}
	}
	out := make(map[string]string, len(byLang))
	var stated []quad.Quad
	for lang, vs := range byLang {
		if len(vs) == 1 {
			out[lang] = str(vs[0])
			continue
		}
		if stated == nil {
			if stated, err = n.quads(ctx, id.IRI(), p, nil); err != nil {
				return nil, err
			}
		}
		inLang := slices.DeleteFunc(slices.Clone(stated), func(q quad.Quad) bool {
			ls, ok := q.Object.(quad.LangString)
			return !ok || ls.Lang != lang
		})
		best, err := n.latestOf(ctx, inLang)
		if err != nil {
			return nil, err
		}
		out[lang] = str(best.Object)
	}
	return out, nil
}

// latestQuad is the quad of the node's predicate stated by the most recently ingested
// document (see latestOf); nil when there is none.
func (n *Naive) latestQuad(ctx context.Context, s quad.Value, p quad.IRI) (*quad.Quad, error) {
	qs, err := n.quads(ctx, s, p, nil)
	if err != nil || len(qs) == 0 {
		return nil, err
	}
	q, err := n.latestOf(ctx, qs)
	return &q, err
}

// latestOf picks, among quads, the one whose document (label) was ingested last, then the
// greatest label, then the greatest value, as Store reads do.
func (n *Naive) latestOf(ctx context.Context, qs []quad.Quad) (quad.Quad, error) {
	var (
		best  quad.Quad
		bestT time.Time
	)
	for i, q := range qs {
		t, err := n.docTime(ctx, q.Label)
		if err != nil {
			return quad.Quad{}, err
		}
		l, bl := quad.ToString(q.Label), quad.ToString(best.Label)
		if i == 0 || t.After(bestT) || t.Equal(bestT) && (l > bl || l == bl && quad.ToString(q.Object) > quad.ToString(best.Object)) {
			best, bestT = q, t
		}
	}
	return best, nil
}

// docTime is when the document a label names was ingested (zero if unknown).
func (n *Naive) docTime(ctx context.Context, label quad.Value) (time.Time, error) {
	if label == nil {
		return time.Time{}, nil
	}
	vals, err := n.run(ctx, path.StartPath(n.qs, label).Out(pIngestedAt))
	var t time.Time
	for _, v := range vals {
		if x, ok := v.(quad.Time); ok && time.Time(x).After(t) {
			t = time.Time(x)
		}
	}
	return t, err
}

// out is one path query: the distinct nodes the node's edges of a predicate point to.
func (n *Naive) out(ctx context.Context, id ID, p quad.IRI) ([]ID, error) {
	return n.runIDs(ctx, path.StartPath(n.qs, id.IRI()).Out(p))
}

// in is one path query: the distinct nodes whose edges of a predicate point to the node.
func (n *Naive) in(ctx context.Context, id ID, p quad.IRI) ([]ID, error) {
	return n.runIDs(ctx, path.StartPath(n.qs, id.IRI()).In(p))
}

func (n *Naive) runIDs(ctx context.Context, p *path.Path) ([]ID, error) {
	vals, err := n.run(ctx, p)
	out := make([]ID, 0, len(vals))
	for _, v := range vals {
		if id := idOfValue(v); id != "" {
			out = append(out, id)
		}
	}
	return out, err
}

// run runs one path query and returns the distinct values it reaches. The references are
// collected before their values are looked up, so that no lookup runs inside the iterator's
// read transaction.
func (n *Naive) run(ctx context.Context, p *path.Path) ([]quad.Value, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	refs, err := p.Iterate(ctx).All()
	if err != nil {
		return nil, err
	}
	out := make([]quad.Value, 0, len(refs))
	seen := make(map[any]bool, len(refs))
	for _, r := range refs {
		if seen[r.Key()] {
			continue
		}
		seen[r.Key()] = true
		v, err := n.qs.NameOf(r)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}

// quads is one Cayley query for the quads, labels included, with a subject, a predicate and
// (unless nil) an object: what a path cannot say, which document states a fact.
func (n *Naive) quads(ctx context.Context, s quad.Value, p quad.IRI, o quad.Value) ([]quad.Quad, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q := shape.Quads{
		{Dir: quad.Subject, Values: shape.Lookup{s}},
		{Dir: quad.Predicate, Values: shape.Lookup{p}},
	}
	if o != nil {
		q = append(q, shape.QuadFilter{Dir: quad.Object, Values: shape.Lookup{o}})
	}
	refs, err := iterator.Iterate(ctx, shape.BuildIterator(ctx, n.qs, q)).All()
	if err == nil {
		err = ctx.Err() // an iteration the context stopped ends early without an error
	}
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(refs))
	for _, r := range refs {
		qd, err := n.qs.Quad(r)
		if err != nil {
			return nil, err
		}
		out = append(out, qd)
	}
	return out, nil
}
