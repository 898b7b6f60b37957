package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// schemaVersion names what the index holds and how it is analysed. Open refuses an index
// written with another version (ErrUnreadable), so the caller rebuilds it. Bump it whenever
// the mapping, an analyzer or the document layout changes.
const schemaVersion = "eurel-search/1"

// schemaKey is the internal key under which the index records its schemaVersion.
var schemaKey = []byte("eurel.schema")

// The node fields a Text may come from (Text.Field), in the order Search prefers them when
// two fields match equally well.
var textFields = []string{"title", "name", "text"}

// The languages a Text may be in (Text.Lang); "" means unknown and is indexed as both.
var langs = []string{"en", "fr"}

// kindField is the keyword field (indexed and stored as is) holding Entry.Kind.
const kindField = "kind"

// indexField names the Bleve field holding the texts of one node field in one language:
// "title_en", "text_fr"…
func indexField(field, lang string) string { return field + "_" + lang }

// searchFields lists every text field of the index, in textFields order then langs order.
var searchFields = func() []string {
	var fs []string
	for _, f := range textFields {
		for _, l := range langs {
			fs = append(fs, indexField(f, l))
		}
	}
	return fs
}()

// newMapping describes the documents: a stored keyword "kind" and, per node field and
// language, a stored text field (the highlighter cuts snippets from the stored texts).
// Nothing is dynamic and there is no _all field: only what is listed is indexed.
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

	for _, f := range textFields {
		for _, l := range langs {
			fm := bleve.NewTextFieldMapping()
			fm.Analyzer = analyzerEN
			if l == "fr" {
				fm.Analyzer = analyzerFR
			}
			fm.Store = true
			fm.IncludeTermVectors = false // see Index.describe
			fm.IncludeInAll = false
			fm.DocValues = false
			doc.AddFieldMappingsAt(indexField(f, l), fm)
		}
	}
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerEN
	return m, nil
}
