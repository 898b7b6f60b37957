// Package search is a full-text index of graph nodes, on Bleve (scorch). It knows nothing of
// the graph store or of GraphQL: the caller puts an Entry per node (its kind and its texts,
// each with the node field it comes from and its language), deletes entries, and searches.
//
// # Analysis
//
// Each text is indexed in one Bleve field per node field and language: "title_en",
// "title_fr", "name_en", …, "text_fr". English fields use Bleve's English analysis
// (possessives, lower case, stop words, Porter stemming) with accents folded before
// stemming; French fields use Bleve's French analysis (lower case, elision, stop words,
// light stemming) with accents folded after stemming, plus a second stem where the
// unaccented word stems differently (see frStemFold). A text whose language is unknown
// is indexed in both. So "political prisoner" finds "political prisoners", "elections"
// finds "election", "prisonniers politiques" finds "prisonnier politique" and "refugies"
// finds "réfugiés".
//
// # Queries
//
// The user's text is analysed by each analyzer and turned, in code, into Bleve term,
// conjunction and disjunction queries: no query-string syntax, so no input is a syntax
// error. A node matches when one of its fields holds all the words (or, when no node
// does, any of them); hits are ranked by Bleve's score, ties by ID, filtered by kind
// without changing scores, and paged with Bleve's SearchAfter from an opaque cursor.
// Each hit carries a snippet cut by Bleve's highlighter from its best-matching field.
package search
