package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// Lists, counts and facets are answered from the view (view.go): set operations over
// in-memory adjacency, never a scan of the store. Text filters ask the search index first
// (see searchIDs) and intersect.

// ListResolutions returns the resolutions matching f, newest adoption first (unknown dates
// last), then by reference, then ID.
func (s *Store) ListResolutions(ctx context.Context, f ResolutionFilter) ([]ID, error) {
	ids, _, err := s.resolutions(ctx, f, false)
	return ids, err
}

// ResolutionFacets counts the resolutions matching f, in all and per country they concern,
// year of adoption, topic (OEIL subject, or a topic one of its demands is about) and kind of
// institution its demands are addressed to.
func (s *Store) ResolutionFacets(ctx context.Context, f ResolutionFilter) (Facets, error) {
	_, facets, err := s.resolutions(ctx, f, true)
	return facets, err
}

// ListDemands returns the demands matching f, by resolution (newest first, as
// ListResolutions), then in source order (document ingest time, document, position).
func (s *Store) ListDemands(ctx context.Context, f DemandFilter) ([]ID, error) {
	ids, _, err := s.demands(ctx, f, false)
	return ids, err
}

// DemandFacets counts the demands matching f, in all and per country (that their resolution
// concerns), year (of their resolution's adoption), topic and kind of addressee.
func (s *Store) DemandFacets(ctx context.Context, f DemandFilter) (Facets, error) {
	_, facets, err := s.demands(ctx, f, true)
	return facets, err
}

// ListAgreements returns the agreements matching f, ordered by name: the English name, else
// the name in the first language in alphabetical order of codes, else the key; then by ID.
func (s *Store) ListAgreements(ctx context.Context, f AgreementFilter) ([]ID, error) {
	var ids []ID
	if err := s.viewRead(ctx, func(v *view) {
		if f.Country == "" {
			ids = v.ids(v.ofKind(KindAgreement))
		} else if c, ok := v.lookup(CountryID(f.Country), KindCountry); ok {
			ids = v.ids(v.neighbours(c, PartyTo, true))
		}
	}); err != nil {
		return nil, err
	}
	return s.sortAgreements(ctx, ids)
}

// ListInstitutions returns the institutions matching f, by key, then ID.
func (s *Store) ListInstitutions(ctx context.Context, f InstitutionFilter) ([]ID, error) {
	var ids []ID
	err := s.viewRead(ctx, func(v *view) {
		var ns []int32
		if f.Country == "" {
			ns = v.ofKind(KindInstitution)
		} else if c, ok := v.lookup(CountryID(f.Country), KindCountry); ok {
			ns = v.neighbours(c, BelongsTo, false)
		}
		ids = v.sortedBy(ns, pKey)
	})
	return ids, err
}

// ListCountries returns the countries present in the graph, by code.
func (s *Store) ListCountries(ctx context.Context) ([]ID, error) {
	var ids []ID
	err := s.viewRead(ctx, func(v *view) { ids = v.sortedBy(v.ofKind(KindCountry), pCode) })
	return ids, err
}

// viewRead runs fn over the view under its read lock; the IDs fn returns are never nil.
func (s *Store) viewRead(ctx context.Context, fn func(v *view)) error {
	if s.isClosed() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.view.mu.RLock()
	defer s.view.mu.RUnlock()
	fn(s.view)
	return nil
}

// sortAgreements orders agreements by name (English, else the first language, else the key).
func (s *Store) sortAgreements(ctx context.Context, ids []ID) ([]ID, error) {
	keys := make(map[ID]string, len(ids))
	err := s.viewRead(ctx, func(v *view) {
		for _, id := range ids {
			n, ok := v.find(id)
			if !ok {
				continue
			}
			keys[id] = strings.ToLower(PickName(v.langMap(n, pName), "en", v.propString(n, pKey)))
		}
	})
	if err != nil {
		return nil, err
	}
	return sortByKey(ids, func(id ID) string { return keys[id] }, cmp.Compare[string]), nil
}

// sortedBy sorts nodes by a property's value, then ID.
func (v *view) sortedBy(ns []int32, p quad.IRI) []ID {
	ns = sortKeyed(slices.Clone(ns), func(n int32) string { return v.propString(n, p) }, cmp.Compare[string], v.byID)
	return nonNil(v.ids(ns))
}

func nonNil(ids []ID) []ID {
	if ids == nil {
		return []ID{}
	}
	return ids
}

// cachedListEntry is a list and, when counted, its facets, as the cache keeps them.
type cachedListEntry struct {
	ids    []ID
	facets *Facets
}

// cachedList answers a list (and its facets when asked) from the record cache, or computes
// it with fn and keeps it until the next write (a list depends on every node).
func (s *Store) cachedList(kind byte, key string, facets bool, fn func(facets bool) ([]ID, Facets, error)) ([]ID, Facets, error) {
	gen := s.cache.generation()
	k := cacheKey{kind, key}
	if v, ok := s.cache.get(k, gen); ok {
		l := v.(cachedListEntry)
		if !facets {
			return l.ids, Facets{}, nil
		}
		if l.facets != nil {
			return l.ids, *l.facets, nil
		}
	}
	ids, fc, err := fn(facets)
	if err != nil {
		return nil, Facets{}, err
	}
	l := cachedListEntry{ids: ids}
	if facets {
		l.facets = &fc
	}
	s.cache.put(gen, []cacheKey{k}, []any{l}, nil)
	return ids, fc, nil
}

// resolutions selects, orders and (when asked) counts the resolutions matching f, through the
// cache: a page, its next page and its facets compute the list once.
func (s *Store) resolutions(ctx context.Context, f ResolutionFilter, facets bool) ([]ID, Facets, error) {
	return s.cachedList(cachedResolutionList, fmt.Sprintf("%#v", f), facets, func(facets bool) ([]ID, Facets, error) {
		return s.selectResolutionsFor(ctx, f, facets)
	})
}

func (s *Store) selectResolutionsFor(ctx context.Context, f ResolutionFilter, facets bool) ([]ID, Facets, error) {
	textHits, err := s.textFilter(ctx, f.Text, KindResolution, KindDemand, KindStance)
	if err != nil {
		return nil, Facets{}, err
	}
	var (
		ids []ID
		fc  Facets
	)
	err = s.viewRead(ctx, func(v *view) {
		ns := v.selectResolutions(f, textHits)
		v.newestFirst(ns)
		ids = nonNil(v.ids(ns))
		if facets {
			fc = v.resolutionFacets(ns)
		}
	})
	return ids, fc, err
}

// selectResolutions applies a filter: the sets of the filter's nodes intersected, then the
// dates, languages and text hits checked on each.
func (v *view) selectResolutions(f ResolutionFilter, textHits map[ID]bool) []int32 {
	var sets [][]int32
	set := func(id ID, kinds []NodeKind, pred Predicate, hop func([]int32) []int32) {
		n, ok := v.lookup(id, kinds...)
		if !ok {
			sets = append(sets, nil)
			return
		}
		ns := v.neighbours(n, pred, false)
		if hop != nil {
			ns = hop(ns)
		}
		sets = append(sets, ns)
	}
	ofDemands := func(ds []int32) []int32 {
		var out []int32
		for _, d := range ds {
			out = append(out, v.neighbours(d, HasDemand, false)...)
		}
		return out
	}
	if f.Country != "" {
		set(CountryID(f.Country), []NodeKind{KindCountry}, Concerns, nil)
	}
	if f.Agreement != "" {
		set(f.Agreement, []NodeKind{KindAgreement}, RefersTo, nil)
	}
	if f.Topic != "" {
		n, ok := v.lookup(f.Topic, KindTopic)
		var ns []int32
		if ok {
			ns = append(v.neighbours(n, HasSubject, false), ofDemands(v.neighbours(n, About, false))...)
		}
		sets = append(sets, ns)
	}
	if f.Addressee != "" {
		set(f.Addressee, []NodeKind{KindInstitution, KindCountry}, AddressedTo, ofDemands)
	}
	if f.Group != "" {
		set(InstitutionID(f.Group), []NodeKind{KindInstitution}, TabledBy, nil)
	}
	var ns []int32
	if len(sets) == 0 {
		ns = v.ofKind(KindResolution)
		claimed := map[int32]bool{}
		for _, n := range ns {
			if len(v.neighbours(n, CitedAs, false)) > 0 {
				claimed[n] = true // a citation's node for a resolution the graph has under its reference
			}
		}
		ns = slices.DeleteFunc(ns, func(n int32) bool { return claimed[n] })
	} else {
		ns = intersectIdx(sets)
	}
	return slices.DeleteFunc(ns, func(n int32) bool {
		if v.kindOf(n) != KindResolution {
			return true
		}
		if (!f.From.IsZero() || !f.To.IsZero()) && !within(date(v.prop(n, pAdopted)), f.From, f.To) {
			return true
		}
		if f.Language != "" && !slices.Contains(v.languages(n), f.Language) {
			return true
		}
		if textHits != nil && !textHits[v.nodes[n].id] && !v.anyHit(n, textHits, HasDemand, HasStance) {
			return true
		}
		return false
	})
}

// anyHit reports whether one of the node's neighbours by these out-edges is a text hit.
func (v *view) anyHit(n int32, hits map[ID]bool, preds ...Predicate) bool {
	for _, e := range v.nodes[n].out {
		if slices.Contains(preds, Predicates[e.pred]) && hits[v.nodes[e.other].id] {
			return true
		}
	}
	return false
}

// newestFirst sorts resolutions by adoption date, newest first (unknown dates last), then by
// reference, then ID.
func (v *view) newestFirst(ns []int32) {
	sortKeyed(ns, v.newestKeyOf, func(a, b newestKey) int {
		if a.day != b.day {
			return cmp.Compare(b.day, a.day)
		}
		return cmp.Compare(a.ref, b.ref)
	}, v.byID)
}

// byID orders nodes by their IDs.
func (v *view) byID(a, b int32) int { return cmp.Compare(v.nodes[a].id, v.nodes[b].id) }

// demands selects, orders and (when asked) counts the demands matching f, through the cache.
func (s *Store) demands(ctx context.Context, f DemandFilter, facets bool) ([]ID, Facets, error) {
	return s.cachedList(cachedDemandList, fmt.Sprintf("%#v", f), facets, func(facets bool) ([]ID, Facets, error) {
		return s.selectDemandsFor(ctx, f, facets)
	})
}

func (s *Store) selectDemandsFor(ctx context.Context, f DemandFilter, facets bool) ([]ID, Facets, error) {
	textHits, err := s.textFilter(ctx, f.Text, KindDemand)
	if err != nil {
		return nil, Facets{}, err
	}
	var (
		ids []ID
		fc  Facets
	)
	err = s.viewRead(ctx, func(v *view) {
		ns := v.selectDemands(f, textHits)
		ns = v.demandOrder(ns)
		ids = nonNil(v.ids(ns))
		if facets {
			fc = v.demandFacets(ns)
		}
	})
	return ids, fc, err
}

func (v *view) selectDemands(f DemandFilter, textHits map[ID]bool) []int32 {
	var sets [][]int32
	in := func(id ID, kinds []NodeKind, pred Predicate) {
		n, ok := v.lookup(id, kinds...)
		if !ok {
			sets = append(sets, nil)
			return
		}
		sets = append(sets, v.neighbours(n, pred, false))
	}
	if f.Country != "" {
		var ns []int32
		if c, ok := v.lookup(CountryID(f.Country), KindCountry); ok {
			for _, res := range v.neighbours(c, Concerns, false) {
				ns = append(ns, v.neighbours(res, HasDemand, true)...)
			}
			for _, inst := range v.neighbours(c, BelongsTo, false) {
				ns = append(ns, v.neighbours(inst, AddressedTo, false)...)
			}
		}
		sets = append(sets, ns)
	}
	if f.Addressee != "" {
		in(f.Addressee, []NodeKind{KindInstitution, KindCountry}, AddressedTo)
	}
	if f.Agreement != "" {
		in(f.Agreement, []NodeKind{KindAgreement}, Targets)
	}
	if f.Topic != "" {
		in(f.Topic, []NodeKind{KindTopic}, About)
	}
	if f.Group != "" {
		var ns []int32
		if g, ok := v.lookup(InstitutionID(f.Group), KindInstitution); ok {
			for _, res := range v.neighbours(g, TabledBy, false) {
				ns = append(ns, v.neighbours(res, HasDemand, true)...)
			}
		}
		sets = append(sets, ns)
	}
	var ns []int32
	if len(sets) == 0 {
		ns = v.ofKind(KindDemand)
	} else {
		ns = intersectIdx(sets)
	}
	dated := !f.From.IsZero() || !f.To.IsZero()
	return slices.DeleteFunc(ns, func(n int32) bool {
		if v.kindOf(n) != KindDemand {
			return true
		}
		if dated {
			res := v.neighbours(n, HasDemand, false)
			if len(res) == 0 || !within(date(v.prop(res[0], pAdopted)), f.From, f.To) {
				return true
			}
		}
		if f.Language != "" && !slices.Contains(v.languages(n), f.Language) {
			return true
		}
		return textHits != nil && !textHits[v.nodes[n].id]
	})
}

// demandOrder groups demands by resolution (newest first), each group in source order.
func (v *view) demandOrder(ns []int32) []int32 {
	byRes := map[int32][]int32{}
	var resolutions []int32
	orphans := []int32{}
	for _, n := range ns {
		res := v.neighbours(n, HasDemand, false)
		if len(res) == 0 {
			orphans = append(orphans, n)
			continue
		}
		r := slices.Min(res)
		if _, ok := byRes[r]; !ok {
			resolutions = append(resolutions, r)
		}
		byRes[r] = append(byRes[r], n)
	}
	v.newestFirst(resolutions)
	out := make([]int32, 0, len(ns))
	for _, r := range append(resolutions, -1) {
		group := byRes[r]
		if r == -1 {
			group = orphans
		}
		v.sourceOrder(group)
		out = append(out, group...)
	}
	return out
}

// sourceOrder sorts demands or stances by document (ingest time, then ID), then position.
func (v *view) sourceOrder(ns []int32) {
	type key struct {
		t   time.Time
		doc ID
		pos int
	}
	sortKeyed(ns, func(n int32) key {
		k := key{pos: integer(v.prop(n, pPosition))}
		if srcs := v.nodes[n].sources; srcs.first >= 0 {
			d := v.sets.max(srcs)
			k.t, k.doc = v.docTime(d), v.nodes[d].id
		}
		return k
	}, func(a, b key) int {
		return cmp.Or(a.t.Compare(b.t), cmp.Compare(a.doc, b.doc), cmp.Compare(a.pos, b.pos))
	}, v.byID)
}

// intersectIdx returns the distinct nodes present in every set, in index order (callers
// sort what they select), in a slice of its own (see distinctIdx).
func intersectIdx(sets [][]int32) []int32 {
	out := distinctIdx(sets[0])
	for _, set := range sets[1:] {
		other := slices.Sorted(slices.Values(set))
		out = slices.DeleteFunc(out, func(n int32) bool {
			_, found := slices.BinarySearch(other, n)
			return !found
		})
	}
	return out
}

// within reports whether a date lies in [from, to], either bound zero meaning open, at the
// precision each is given: 2021-05 lies within from 2021 to 2021, and 2021 within from
// 2021-03-01 (a date known only to the year is in a range that its year overlaps). The zero
// date lies within no range.
func within(d, from, to PartialDate) bool {
	if d.IsZero() {
		return false
	}
	lo, hi := daysOf(d)
	if !from.IsZero() {
		if f, _ := daysOf(from); hi.Before(f) {
			return false
		}
	}
	if !to.IsZero() {
		if _, t := daysOf(to); t.Before(lo) {
			return false
		}
	}
	return true
}

// daysOf is the first and last day a partial date may mean.
func daysOf(d PartialDate) (PartialDate, PartialDate) {
	lo, hi := d, d
	if d.Month == 0 {
		lo.Month, hi.Month = 1, 12
	}
	if d.Day == 0 {
		lo.Day, hi.Day = 1, 31
	}
	return lo, hi
}

// Facets are counts over a filtered list.
type Facets struct {
	Total          int
	Countries      []FacetCount // by ISO code: countries the resolutions concern
	Years          []FacetCount // by year of adoption, newest first
	Topics         []FacetCount // by topic key
	AddresseeKinds []FacetCount // by institution kind of the demands' addressees
}

// FacetCount is how many items of a list have one value.
type FacetCount struct {
	Value string // ISO code, year, topic key or institution kind
	Node  ID     // the country or topic; "" for years and kinds
	Count int
}

type facetCounter map[string]*FacetCount

func (fc facetCounter) add(value string, node ID) {
	if value == "" {
		return
	}
	c, ok := fc[value]
	if !ok {
		c = &FacetCount{Value: value, Node: node}
		fc[value] = c
	}
	c.Count++
}

// sorted orders counts by count (highest first), then value; years newest first.
func (fc facetCounter) sorted(years bool) []FacetCount {
	out := make([]FacetCount, 0, len(fc))
	for _, c := range fc {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b FacetCount) int {
		if years {
			return cmp.Compare(b.Value, a.Value)
		}
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return out
}

// counting gathers one item's distinct values per facet.
type counting struct {
	v                                   *view
	countries, years, topics, addressee facetCounter
}

func newCounting(v *view) *counting {
	return &counting{v: v, countries: facetCounter{}, years: facetCounter{}, topics: facetCounter{}, addressee: facetCounter{}}
}

// item counts one item with its countries, year, topics and addressees, each value once.
func (c *counting) item(countries []int32, adopted PartialDate, topics, addressees []int32) {
	v := c.v
	for _, n := range distinctIdx(countries) {
		c.countries.add(v.propString(n, pCode), v.nodes[n].id)
	}
	if !adopted.IsZero() {
		c.years.add(strconv.Itoa(adopted.Year), "")
	}
	for _, n := range distinctIdx(topics) {
		c.topics.add(v.propString(n, pKey), v.nodes[n].id)
	}
	kinds := map[string]bool{}
	for _, n := range addressees {
		k := v.propString(n, pInstitutionKind)
		if v.kindOf(n) == KindCountry {
			k = string(KindCountry)
		}
		if k != "" && !kinds[k] {
			kinds[k] = true
			c.addressee.add(k, "")
		}
	}
}

func (c *counting) facets(total int) Facets {
	return Facets{Total: total, Countries: c.countries.sorted(false), Years: c.years.sorted(true),
		Topics: c.topics.sorted(false), AddresseeKinds: c.addressee.sorted(false)}
}

func (v *view) resolutionFacets(ns []int32) Facets {
	c := newCounting(v)
	for _, n := range ns {
		topics := v.neighbours(n, HasSubject, true)
		var addressees []int32
		for _, d := range v.neighbours(n, HasDemand, true) {
			topics = append(topics, v.neighbours(d, About, true)...)
			addressees = append(addressees, v.neighbours(d, AddressedTo, true)...)
		}
		c.item(v.neighbours(n, Concerns, true), date(v.prop(n, pAdopted)), topics, addressees)
	}
	return c.facets(len(ns))
}

func (v *view) demandFacets(ns []int32) Facets {
	c := newCounting(v)
	for _, n := range ns {
		var countries []int32
		var adopted PartialDate
		if res := v.neighbours(n, HasDemand, false); len(res) > 0 {
			countries = v.neighbours(res[0], Concerns, true)
			adopted = date(v.prop(res[0], pAdopted))
		}
		c.item(countries, adopted, v.neighbours(n, About, true), v.neighbours(n, AddressedTo, true))
	}
	return c.facets(len(ns))
}

// distinctIdx returns the distinct nodes of ns, in index order, in a slice of its own.
func distinctIdx(ns []int32) []int32 {
	return slices.Compact(slices.Sorted(slices.Values(ns)))
}

// textFilter returns the IDs of the nodes of these kinds whose text matches a full-text query
// (see search.go); nil when there is no query.
func (s *Store) textFilter(ctx context.Context, text string, kinds ...NodeKind) (map[ID]bool, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	return s.searchIDs(ctx, text, kinds)
}
