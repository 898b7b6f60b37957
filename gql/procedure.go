package gql

import (
	"context"
	"strings"

	"github.com/eurel/eurel/gql/internal/model"
	"github.com/eurel/eurel/graph"
)

// Procedure is the resolution's node seen as its procedure: the same record, other fields.
type procedureResolver resolver

func (r *procedureResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

func (r *procedureResolver) Type(_ context.Context, obj *graph.ResolutionRecord) (*string, error) {
	return optional(obj.ProcedureType), nil
}

func (r *procedureResolver) Title(ctx context.Context, obj *graph.ResolutionRecord, lang *string) (string, error) {
	return (*resolutionResolver)(r).Title(ctx, obj, lang)
}

func (r *procedureResolver) Eli(_ context.Context, obj *graph.ResolutionRecord) (*string, error) {
	return optional(obj.ELI), nil
}

func (r *procedureResolver) Resolution(_ context.Context, obj *graph.ResolutionRecord) (*graph.ResolutionRecord, error) {
	return obj, nil
}

func (r *procedureResolver) KeyEvents(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.EventRecord, error) {
	return loadAll(ctx, r.ld(ctx).events, obj.Events)
}

func (r *procedureResolver) Documents(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.Documents)
}

func (r *procedureResolver) Sources(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.DocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).documents, obj.Sources)
}

// Procedure is the resolution of a procedure reference, as a Procedure.
func (r *queryResolver) Procedure(ctx context.Context, reference string) (*graph.ResolutionRecord, error) {
	return r.Resolution(ctx, reference)
}

// ProcedureDocument finds a procedure document by its reference in any of the forms the
// Parliament writes it (graph.DocumentReference).
func (r *queryResolver) ProcedureDocument(ctx context.Context, reference string) (*graph.ProcedureDocumentRecord, error) {
	ref, _ := graph.DocumentReference(reference)
	if ref == "" {
		return nil, badInputf("reference is empty: want a document reference such as RC-B10-0249/2025")
	}
	rec, err := oneNow(ctx, r.reader.ProcedureDocuments, r.ld(ctx).procDocs, graph.ProcedureDocumentID(ref))
	return oneWithLookahead(ctx, r, "ProcedureDocument", rec, err)
}

type procedureDocumentResolver resolver

func (r *procedureDocumentResolver) ld(ctx context.Context) *loaders {
	return (*resolver)(r).loadersFrom(ctx)
}

func (r *procedureDocumentResolver) Label(_ context.Context, obj *graph.ProcedureDocumentRecord) (*string, error) {
	return optional(obj.Label), nil
}

func (r *procedureDocumentResolver) Author(_ context.Context, obj *graph.ProcedureDocumentRecord) (*string, error) {
	return optional(obj.Author), nil
}

func (r *procedureDocumentResolver) Eli(_ context.Context, obj *graph.ProcedureDocumentRecord) (*string, error) {
	return optional(obj.ELI), nil
}

func (r *procedureDocumentResolver) URL(_ context.Context, obj *graph.ProcedureDocumentRecord) (*string, error) {
	return optional(obj.URL), nil
}

func (r *procedureDocumentResolver) Resolutions(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.ResolutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).resolutions, obj.Resolutions)
}

func (r *procedureDocumentResolver) Replaces(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.Replaces)
}

func (r *procedureDocumentResolver) ReplacedBy(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.ReplacedBy)
}

func (r *procedureDocumentResolver) AdoptedAs(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.AdoptedAs)
}

func (r *procedureDocumentResolver) AdoptedFrom(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.AdoptedFrom)
}

func (r *procedureDocumentResolver) Texts(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.DocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).documents, obj.Texts)
}

func (r *procedureDocumentResolver) Sources(ctx context.Context, obj *graph.ProcedureDocumentRecord) ([]*graph.DocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).documents, obj.Sources)
}

type eventResolver resolver

func (r *eventResolver) ld(ctx context.Context) *loaders { return (*resolver)(r).loadersFrom(ctx) }

func (r *eventResolver) Resolution(ctx context.Context, obj *graph.EventRecord) (*graph.ResolutionRecord, error) {
	return loadOne(ctx, r.ld(ctx).resolutions, obj.Resolution)
}

func (r *eventResolver) Documents(ctx context.Context, obj *graph.EventRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.Documents)
}

type claimResolver resolver

func (r *claimResolver) Lang(_ context.Context, obj *graph.Claim) (*string, error) {
	return optional(obj.Lang), nil
}

func (r *claimResolver) Document(ctx context.Context, obj *graph.Claim) (*graph.DocumentRecord, error) {
	return loadOne(ctx, (*resolver)(r).loadersFrom(ctx).documents, obj.Document)
}

// Evidence is the span the claim's document gives it, with its quote; null without one.
func (r *claimResolver) Evidence(ctx context.Context, obj *graph.Claim) (*graph.Evidence, error) {
	if obj.Evidence == nil {
		return nil, nil
	}
	doc, err := loadOne(ctx, (*resolver)(r).loadersFrom(ctx).documents, obj.Document)
	if err != nil || doc == nil {
		return nil, err
	}
	ev := &graph.Evidence{Document: obj.Document, Span: *obj.Evidence}
	ev.Quote, _ = graph.Quote(doc.Text, ev.Span)
	return ev, nil
}

func (r *resolutionResolver) Eli(_ context.Context, obj *graph.ResolutionRecord) (*string, error) {
	return optional(obj.ELI), nil
}

func (r *resolutionResolver) Documents(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.ProcedureDocumentRecord, error) {
	return loadAll(ctx, r.ld(ctx).procDocs, obj.Documents)
}

func (r *resolutionResolver) KeyEvents(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.EventRecord, error) {
	return loadAll(ctx, r.ld(ctx).events, obj.Events)
}

func (r *resolutionResolver) Cites(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.ResolutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).resolutions, obj.Cites)
}

func (r *resolutionResolver) CitedBy(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.ResolutionRecord, error) {
	return loadAll(ctx, r.ld(ctx).resolutions, obj.CitedBy)
}

// Recipients are countries and institutions: the kind of each ID decides which loader reads it.
func (r *resolutionResolver) Recipients(ctx context.Context, obj *graph.ResolutionRecord) ([]model.Recipient, error) {
	l := r.ld(ctx)
	kinds, err := l.kinds.LoadAll(ctx, obj.Recipients)
	if err != nil {
		return nil, firstError(err)
	}
	out := make([]model.Recipient, 0, len(obj.Recipients))
	for i, id := range obj.Recipients {
		var rec model.Recipient
		switch kinds[i] {
		case graph.KindCountry:
			c, err := loadOne(ctx, l.countries, id)
			if err != nil {
				return nil, err
			}
			if c != nil {
				rec = c
			}
		case graph.KindInstitution:
			in, err := loadOne(ctx, l.institutions, id)
			if err != nil {
				return nil, err
			}
			if in != nil {
				rec = in
			}
		}
		if rec != nil {
			out = append(out, rec)
		}
	}
	return out, nil
}

// Claims are every value each source gives; property keeps one property.
func (r *resolutionResolver) Claims(ctx context.Context, obj *graph.ResolutionRecord, property *string) ([]*graph.Claim, error) {
	all, err := r.ld(ctx).claims.Load(ctx, obj.ID)
	if err != nil {
		return nil, firstError(err)
	}
	out := make([]*graph.Claim, 0, len(all))
	for i := range all {
		if property == nil || strings.EqualFold(*property, all[i].Property) {
			out = append(out, &all[i])
		}
	}
	return out, nil
}

// Conflicts are the claims of the properties (per language, for titles) given more than one
// value.
func (r *resolutionResolver) Conflicts(ctx context.Context, obj *graph.ResolutionRecord) ([]*graph.Claim, error) {
	all, err := r.Claims(ctx, obj, nil)
	if err != nil {
		return nil, err
	}
	values := map[string]map[string]bool{}
	for _, c := range all {
		k := c.Property + "@" + c.Lang
		if values[k] == nil {
			values[k] = map[string]bool{}
		}
		values[k][c.Value] = true
	}
	out := make([]*graph.Claim, 0)
	for _, c := range all {
		if len(values[c.Property+"@"+c.Lang]) > 1 {
			out = append(out, c)
		}
	}
	return out, nil
}

// ProcedureDocument is the procedure document the text is a version of; null when none.
func (r *documentResolver) ProcedureDocument(ctx context.Context, obj *graph.DocumentRecord) (*graph.ProcedureDocumentRecord, error) {
	return loadOne(ctx, (*resolver)(r).loadersFrom(ctx).procDocs, obj.ProcedureDocument)
}
