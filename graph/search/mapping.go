package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// schemaVersion names what the index holds and how it is analysed. Open refuses an index
// written with another version (ErrUnreadable), so the caller rebuilds it. Bump it whenever
// the mapping, an analyzer or the document layout changes.
const schemaVersion = "eurel-search/2"

// schemaKey is the internal key under which the index records its schemaVersion.
var schemaKey = []byte("eurel.schema")

// The node fields a Text may come from (Text.Field), in the order Search prefers them when
// two fields match equally well.
var textFields = []string{"title", "name", "text"}

// The languages a Text may be in (Text.Lang), each the name of the indexed field that holds
// all of a node's texts in that language; "" means unknown and is indexed as both.
var langs = []string{"en", "fr"}

// Searchable reports whether texts in lang have their own analyzer (a Wording may be in it).
func Searchable(lang string) bool { return slices.Contains(langs, lang) }

// kindField is the keyword field (indexed and stored as is) holding Entry.Kind.
const kindField = "kind"

// storedField names the stored-only field keeping the texts of one node field in one
// language, for snippets: "title_en", "text_fr"…
func storedField(field, lang string) string { return field + "_" + lang }

// storedFields lists every stored text field, in textFields order then langs order.
var storedFields = func() []string {
	var fs []string
	for _, f := range textFields {
		for _, l := range langs {
			fs = append(fs, storedField(f, l))
		}
	}
	return fs
}()

// newMapping describes the documents:
//
//   - "kind", a keyword, indexed and stored;
//   - "en" and "fr", all of a node's texts in that language, indexed (not stored) with the
//     language's analyzer: what queries search. One field per language rather than per node
//     field and language makes a query a disjunction of two field queries, not six, which
//     Bleve ranks faster; a node then matches when its texts in one language hold every
//     word, whether in its title or in its name;
//   - "title_en", "title_fr", "name_en", … "text_fr", the same texts stored (not indexed),
//     for snippets, with the language's analyzer to find the matches in them again.
//
// Nothing is dynamic and there is no _all field: only what is listed is kept.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzers(m); err != nil {
		return nil, err
	}
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()

	kind := bleve.NewKeywordFieldMapping()
	kind.Analyzer = keyword.Name
	kind.Store = true
	kind.IncludeInAll = false
	kind.IncludeTermVectors = false
	kind.DocValues = false
	doc.AddFieldMappingsAt(kindField, kind)

	for _, l := range langs {
		fm := textField(l)
		fm.Index = true
		doc.AddFieldMappingsAt(l, fm)
		for _, f := range textFields {
			fm := textField(l)
			fm.Store = true
			doc.AddFieldMappingsAt(storedField(f, l), fm)
		}
	}
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerEN
	return m, nil
}

// textField is a text field mapping with the analyzer of lang that neither indexes nor
// stores: the caller says which.
func textField(lang string) *mapping.FieldMapping {
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = analyzerEN
	if lang == "fr" {
		fm.Analyzer = analyzerFR
	}
	fm.Index = false
	fm.Store = false
	fm.IncludeTermVectors = false // see Index.describe
	fm.IncludeInAll = false
	fm.DocValues = false
	return fm
}
