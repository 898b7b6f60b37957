// Package search is a full-text index of graph nodes, on Bleve (scorch). It knows nothing of
// the graph store or of GraphQL: the caller puts an Entry per node (its kind and its texts,
// each with the node field it comes from and its language), deletes entries, and searches.
//
// # Life of an index
//
// Open the index's directory. When Open reports created, put every node (batches of a few
// thousand entries), then Compact. Afterwards put and delete entries as the graph changes:
// each Put or Delete is one batch, on disk when it returns. Whether the index is in step
// with the graph after a crash is for the caller to tell (the store stamps it at Close).
//
// # Analysis
//
// A node's texts are indexed in one Bleve field per language, "en" and "fr", and stored
// per node field and language ("title_en", …, "text_fr") for snippets; see newMapping.
// English fields use Bleve's English analysis
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
// error. A node matches when its texts in one language hold all the words (or, when no
// node's do, any of the query's rarest words); hits are ranked by Bleve's score, filtered by kind
// without changing scores, and paged by an opaque cursor. Each hit carries a snippet that
// Bleve's highlighter cuts from its best-matching field.
//
// # Performance
//
// Measured with the benchmarks in bench_test.go on 2 cores, on a synthetic corpus shaped
// like the graph (titles of 15 words in both languages, demands of 30–50 words, names),
// figures in the commit that last changed them. Ranking costs Bleve about 0.2 µs per
// matching node, so a query's time follows how many nodes have all its words: a few
// hundred (a name, "death penalty") take under 1 ms, a few thousand ("torture detention")
// about 2 ms, and "human rights", in two texts out of five, about 13 ms on 200,000 entries.
// The index keeps no term vectors (see Index.describe), which keeps it at about 42 MiB
// per 100,000 entries and spares the ranking from decoding term locations for every match.
package search
