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
// per node field and language ("title_en", …, "text_fr") for snippets; see mapping.go.
// English fields use Bleve's English analysis
// (possessives, lower case, stop words, Porter stemming) with accents folded before
// stemming; French fields use Bleve's French analysis (lower case, elision, stop words,
// light stemming) with accents folded after stemming, plus a second stem where the
// unaccented word stems differently (see analyzers.go). A text whose language is unknown
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
// Measured with the benchmarks in bench_test.go on 2 cores shared with other work, on a
// synthetic corpus shaped like the graph (titles of 15 words in both languages, demands of
// 30–50 words, names), whose two-word queries match from a few dozen nodes to two in five.
//
//   - Indexing costs about 100–120 µs of CPU an entry: 9,700 entries/s for 1,000,000
//     entries in batches of 5,000 (4,000–9,000/s on 200,000 when the machine was busy);
//     so rebuilding 1.1 million nodes takes about two minutes. Batches of 1,000 cost 3–15%
//     more CPU than batches of 5,000; batches of 100, three times the wall time.
//   - On disk: 40–42 MiB per 100,000 entries. The index keeps no term vectors (see
//     highlight.go), which saves a third.
//   - Search, first page of 20 hits with snippets, 20 two-word queries in turn: on 200,000
//     entries, median 1.4 ms taking each query's fastest run, 2.5 ms over all runs with
//     other work on the machine, p90 13 ms; on 1,000,000 entries, 5.1 ms, 6.7 ms and
//     56 ms. Ranking costs Bleve about 0.2 µs per node that holds all the query's words
//     (it scores them all), so a query's time follows their number: a few hundred take
//     under 1 ms, "human rights" (80,000 of 200,000 nodes) 11 ms. Snippets cost about
//     30 µs a hit, on up to GOMAXPROCS cores. A kinds filter adds about half.
package search
