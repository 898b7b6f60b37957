package graph

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// The records of countries, institutions, topics and agreements come from the view
// (viewrecords.go). The functions below read them from the store's quads, as reads did
// before: the oracle the view's records are checked against.

func (r *reader) country(id ID) *CountryRecord {
	qs := r.props(id, pKind, pCode, pName)
	if !hasKind(qs, KindCountry) {
		return nil
	}
	return &CountryRecord{
		ID:    id,
		Code:  str(r.latest(qs, pCode)),
		Names: r.langMap(qs, pName),
	}
}

func (r *reader) agreement(id ID) *AgreementRecord {
	qs := r.out(id)
	if !hasKind(qs, KindAgreement) {
		return nil
	}
	return &AgreementRecord{
		ID:      id,
		Kind:    AgreementKind(str(r.latest(qs, pAgreementKind))),
		Names:   r.langMap(qs, pName),
		Parties: sortedIDs(r.in(id, PartyTo)),
		Signed:  date(r.latest(qs, pSigned)),
		InForce: date(r.latest(qs, pInForce)),
	}
}

func (r *reader) institution(id ID) *InstitutionRecord {
	qs := r.props(id, pKind, pKey, pInstitutionKind, pCode, pName, BelongsTo.IRI())
	if !hasKind(qs, KindInstitution) {
		return nil
	}
	rec := &InstitutionRecord{
		ID:    id,
		Key:   str(r.latest(qs, pKey)),
		Kind:  InstitutionKind(str(r.latest(qs, pInstitutionKind))),
		Code:  str(r.latest(qs, pCode)),
		Names: r.langMap(qs, pName),
	}
	rec.Country = idOfValue(r.latest(qs, BelongsTo.IRI()))
	return rec
}

func (r *reader) topic(id ID) *TopicRecord {
	qs := r.out(id)
	if !hasKind(qs, KindTopic) {
		return nil
	}
	return &TopicRecord{
		ID:    id,
		Key:   str(r.latest(qs, pKey)),
		Names: r.langMap(qs, pName),
	}
}

// rival states KZ, its authorities, a topic and the EPCA again, later, with other names and
// dates: the view must pick as the store's reads pick.
func rival() *Document {
	return changed(kzEN(), func(d *Document) {
		d.Source.Key = "oeil-summary/2021/2544(RSP)/en-rival"
		d.Source.Text += " Rival."
		d.Source.IngestedAt = d.Source.IngestedAt.Add(48 * time.Hour)
		d.Countries = []CountryFact{{Code: "KZ", Names: map[string]string{"en": "Republic of Kazakhstan", "de": "Kasachstan"}, Role: RoleConcerns}}
		d.Institutions = []Institution{{Key: "AUTHORITIES:KZ", Kind: InstGovernment, Country: "KZ", Names: map[string]string{"en": "the authorities of Kazakhstan"}}}
		d.Topics = []Topic{{Key: "political-prisoners", Names: map[string]string{"en": "prisoners of conscience"}}}
		agr := kzFR().Agreements[0]
		agr.Names = map[string]string{"en": "the EPCA"}
		agr.Signed = PartialDate{Year: 2015}
		agr.Evidence = Span{}
		d.Agreements = []Agreement{agr}
		d.Demands = nil
	})
}

func TestVocabularyRecordsFromTheViewAreThoseTheQuadsGive(t *testing.T) {
	forEachBackend(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		s := storeWith(t, b, kzFR(), kzEN(), mm(), rcProcedure(), rcJointMotion())
		check := func(when string) {
			t.Helper()
			s.view.mu.RLock()
			var ids [4][]ID
			for i, k := range []NodeKind{KindCountry, KindInstitution, KindTopic, KindAgreement} {
				ids[i] = s.view.ids(s.view.ofKind(k))
			}
			s.view.mu.RUnlock()
			if len(ids[0]) == 0 || len(ids[1]) == 0 || len(ids[2]) == 0 || len(ids[3]) == 0 {
				t.Fatalf("%s: the fixtures lack a kind: %v", when, ids)
			}
			compare(t, when, s, ids[0], s.Countries, (*reader).country)
			compare(t, when, s, ids[1], s.Institutions, (*reader).institution)
			compare(t, when, s, ids[2], s.Topics, (*reader).topic)
			compare(t, when, s, ids[3], s.Agreements, (*reader).agreement)
		}
		check("as ingested")
		put(t, s, rival())
		check("with a later document naming them otherwise")
		if _, err := s.Delete(ctx, kzEN().Source.ID()); err != nil {
			t.Fatal(err)
		}
		check("after a delete")
		if _, err := s.Delete(ctx, rival().Source.ID()); err != nil {
			t.Fatal(err)
		}
		check("after deleting the later document")
	})
}

func compare[T any](t *testing.T, when string, s *Store, ids []ID, fromView func(context.Context, []ID) ([]*T, error), fromQuads func(*reader, ID) *T) {
	t.Helper()
	got, err := fromView(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	want, err := batch(s, context.Background(), ids, fromQuads)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ids {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s: %s from the view %+v, from the quads %+v", when, ids[i], got[i], want[i])
		}
	}
}
