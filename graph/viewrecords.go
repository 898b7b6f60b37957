package graph

import (
	"context"
	"maps"
	"slices"

	"github.com/cayleygraph/quad"
)

// Records of countries, institutions, topics and agreements, read from the view. Every
// document restates the kind, names and codes of those it names, each under its own label:
// in Cayley their facts are hubs, a quad per document, and reading the Commission's name
// there reads through a hundred thousand of them. The view keeps each distinct value once,
// with the documents stating it, and picks among values as Store reads do (the most recently
// ingested document's, then the greatest document ID, then the greatest value).

// viewRecords builds a record per ID from the view; nil where the view has no such node.
func viewRecords[T any](s *Store, ctx context.Context, ids []ID, one func(v *view, n int32, id ID) *T, kind NodeKind) ([]*T, error) {
	out := make([]*T, len(ids))
	err := s.viewRead(ctx, func(v *view) {
		for i, id := range ids {
			if n, ok := v.lookup(id, kind); ok {
				out[i] = one(v, n, id)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (v *view) countryRecord(n int32, id ID) *CountryRecord {
	return &CountryRecord{ID: id, Code: v.propString(n, pCode), Names: v.langMap(n, pName)}
}

func (v *view) institutionRecord(n int32, id ID) *InstitutionRecord {
	rec := &InstitutionRecord{
		ID:    id,
		Key:   v.propString(n, pKey),
		Kind:  InstitutionKind(v.propString(n, pInstitutionKind)),
		Code:  v.propString(n, pCode),
		Names: v.langMap(n, pName),
	}
	if c, ok := v.latestOut(n, BelongsTo); ok {
		rec.Country = v.nodes[c].id
	}
	return rec
}

func (v *view) topicRecord(n int32, id ID) *TopicRecord {
	return &TopicRecord{ID: id, Key: v.propString(n, pKey), Names: v.langMap(n, pName)}
}

func (v *view) agreementRecord(n int32, id ID) *AgreementRecord {
	return &AgreementRecord{
		ID:      id,
		Kind:    AgreementKind(v.propString(n, pAgreementKind)),
		Names:   v.langMap(n, pName),
		Parties: sortedIDs(v.ids(v.neighbours(n, PartyTo, false))),
		Signed:  date(v.prop(n, pSigned)),
		InForce: date(v.prop(n, pInForce)),
	}
}

// langMap gathers the language-tagged values of a property: language → value, picked within
// each language as prop picks.
func (v *view) langMap(n int32, p quad.IRI) map[string]string {
	pi := propIndex[p]
	var langs []string
	for _, x := range v.nodes[n].props {
		if ls, ok := x.val.(quad.LangString); ok && x.p == pi && !slices.Contains(langs, ls.Lang) {
			langs = append(langs, ls.Lang)
		}
	}
	out := make(map[string]string, len(langs))
	for _, lang := range langs {
		out[lang] = str(v.latestProp(n, p, func(val quad.Value) bool {
			ls, ok := val.(quad.LangString)
			return ok && ls.Lang == lang
		}))
	}
	return out
}

// names are the node's distinct names, as facts (never nil).
func (v *view) names(n int32) []fact {
	out := []fact{}
	pi := propIndex[pName]
	for _, x := range v.nodes[n].props {
		if x.p == pi {
			out = append(out, fact{p: pName, o: x.val})
		}
	}
	return out
}

// PickName chooses the name to show: in lang, else in English, else in the first language
// by code that has one, else fallback. It never returns "" while fallback is not "".
func PickName(names map[string]string, lang, fallback string) string {
	if v := names[lang]; v != "" {
		return v
	}
	if v := names["en"]; v != "" {
		return v
	}
	for _, l := range slices.Sorted(maps.Keys(names)) {
		if v := names[l]; v != "" {
			return v
		}
	}
	return fallback
}

// latestOut is the end of the node's edge of a predicate that a read gives when the
// property is single-valued: as prop picks among values.
func (v *view) latestOut(n int32, pred Predicate) (int32, bool) {
	pi := edgePreds[pred.IRI()]
	edges := func(yield func(*vedge) bool) {
		for i := range v.nodes[n].out {
			if e := &v.nodes[n].out[i]; e.pred == pi && !yield(e) {
				return
			}
		}
	}
	best := latest(v, edges, func(e *vedge) labels { return e.by }, func(e, best *vedge) bool {
		return v.nodes[e.other].id > v.nodes[best.other].id
	})
	if best == nil {
		return 0, false
	}
	return best.other, true
}

// byViewProp sorts ids by a property the view keeps (one of sortKeyPreds), then ID.
func (r *reader) byViewProp(ids []ID, p quad.IRI) []ID {
	for _, id := range ids {
		r.deps = append(r.deps, r.s.cache.sortKeySlot(id, p))
	}
	if r.err != nil {
		return ids
	}
	keys := make(map[ID]string, len(ids))
	r.err = r.s.viewRead(r.ctx, func(v *view) {
		for _, id := range ids {
			if n, ok := v.find(id); ok {
				keys[id] = v.propString(n, p)
			}
		}
	})
	return r.sortBy(ids, func(id ID) string { return keys[id] })
}
