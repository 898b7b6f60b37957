package graph

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// ListResolutions returns the resolutions matching f, newest adoption first (unknown dates
// last), then by reference.
func (s *Store) ListResolutions(ctx context.Context, f ResolutionFilter) ([]ID, error) {
	return list(s, ctx, func(r *reader) []ID {
		var sets [][]ID
		if f.Country != "" {
			sets = append(sets, r.in(CountryID(f.Country), Concerns))
		}
		if f.Agreement != "" {
			sets = append(sets, r.in(f.Agreement, RefersTo))
		}
		if len(sets) == 0 {
			// Every resolution, but not the nodes citations created for resolutions that are
			// in the graph under their reference (they are objects of CITED_AS).
			claimed := map[ID]bool{}
			for _, id := range r.objectsOf(CitedAs) {
				claimed[id] = true
			}
			sets = append(sets, slices.DeleteFunc(r.allOfKind(KindResolution), func(id ID) bool { return claimed[id] }))
		}
		return r.newestFirst(intersect(sets))
	})
}

// ListDemands returns the demands matching f, by resolution (newest first, as
// ListResolutions), then in source order (document ingest time, position).
func (s *Store) ListDemands(ctx context.Context, f DemandFilter) ([]ID, error) {
	return list(s, ctx, func(r *reader) []ID {
		var sets [][]ID
		if f.Country != "" {
			c := CountryID(f.Country)
			var ids []ID
			for _, res := range r.in(c, Concerns) {
				ids = append(ids, r.outIDs(res, HasDemand)...)
			}
			for _, inst := range r.in(c, BelongsTo) {
				ids = append(ids, r.in(inst, AddressedTo)...)
			}
			sets = append(sets, ids)
		}
		if f.Addressee != "" {
			sets = append(sets, r.in(f.Addressee, AddressedTo))
		}
		if f.Agreement != "" {
			sets = append(sets, r.in(f.Agreement, Targets))
		}
		if f.Topic != "" {
			sets = append(sets, r.in(f.Topic, About))
		}
		if len(sets) == 0 {
			sets = append(sets, r.allOfKind(KindDemand))
		}
		ids := intersect(sets)
		// Group by resolution, order the resolutions, then each group in source order.
		byRes := map[ID][]ID{}
		for _, id := range ids {
			res := first(sortedIDs(r.in(id, HasDemand)))
			byRes[res] = append(byRes[res], id)
		}
		var resolutions []ID
		for res := range byRes {
			if res != "" {
				resolutions = append(resolutions, res)
			}
		}
		var out []ID
		for _, res := range append(r.newestFirst(resolutions), "") {
			out = append(out, r.sourceOrder(byRes[res])...)
		}
		return out
	})
}

// ListAgreements returns the agreements matching f, ordered by name: the English name, else
// the name in the first language in alphabetical order of codes, else the key; then by ID.
func (s *Store) ListAgreements(ctx context.Context, f AgreementFilter) ([]ID, error) {
	return list(s, ctx, func(r *reader) []ID {
		var ids []ID
		if f.Country != "" {
			ids = r.outIDs(CountryID(f.Country), PartyTo)
		} else {
			ids = r.allOfKind(KindAgreement)
		}
		return r.sortBy(ids, func(id ID) string {
			names := r.langMap(r.facts(pattern{s: id.IRI(), p: pName}), pName)
			if n, ok := names["en"]; ok {
				return strings.ToLower(n)
			}
			if len(names) > 0 {
				return strings.ToLower(names[slices.Min(slices.Collect(maps.Keys(names)))])
			}
			return strings.ToLower(str(r.latest(r.facts(pattern{s: id.IRI(), p: pKey}), pKey)))
		})
	})
}

// ListInstitutions returns the institutions matching f, by key, then ID.
func (s *Store) ListInstitutions(ctx context.Context, f InstitutionFilter) ([]ID, error) {
	return list(s, ctx, func(r *reader) []ID {
		if f.Country != "" {
			return r.byInstitutionKey(r.in(CountryID(f.Country), BelongsTo))
		}
		return r.byInstitutionKey(r.allOfKind(KindInstitution))
	})
}

// ListCountries returns the countries present in the graph, by code.
func (s *Store) ListCountries(ctx context.Context) ([]ID, error) {
	return list(s, ctx, func(r *reader) []ID {
		return r.byCountryCode(r.allOfKind(KindCountry))
	})
}

func list(s *Store, ctx context.Context, fn func(*reader) []ID) ([]ID, error) {
	unlock, err := s.readLock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	r := s.newReader(ctx)
	ids := fn(r)
	if r.err != nil {
		return nil, r.err
	}
	if ids == nil {
		ids = []ID{}
	}
	return ids, nil
}

// allOfKind lists the nodes of a kind (an object+predicate scan).
func (r *reader) allOfKind(k NodeKind) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{p: pKind, o: quad.String(k)}, quad.Subject)
	r.err = err
	return ids
}

// objectsOf lists the distinct objects of every edge of a predicate (a predicate scan).
func (r *reader) objectsOf(p Predicate) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{p: p.IRI()}, quad.Object)
	r.err = err
	return ids
}

// outIDs returns the distinct objects of the node's edges of a predicate.
func (r *reader) outIDs(id ID, p Predicate) []ID {
	if r.err != nil {
		return nil
	}
	ids, err := r.s.ids(r.ctx, pattern{s: id.IRI(), p: p.IRI()}, quad.Object)
	r.err = err
	return ids
}

// intersect returns the distinct IDs present in every set.
func intersect(sets [][]ID) []ID {
	count := map[ID]int{}
	var out []ID
	for i, set := range sets {
		seen := map[ID]bool{}
		for _, id := range set {
			if seen[id] {
				continue
			}
			seen[id] = true
			count[id]++
			if i == len(sets)-1 && count[id] == len(sets) {
				out = append(out, id)
			}
		}
	}
	return out
}
