// Package lexicon holds the names eurel recognises in European Parliament texts, in English
// and French: countries (from CLDR, plus the adjectives, demonyms and alternative names CLDR
// lacks), EU institutions and other bodies, political groups with their validity dates,
// agreement kinds, topics and regions; and the small text machinery that finds them: a
// folding tokenizer whose positions are code points of the original text, and a
// longest-match phrase Matcher over its tokens.
//
// Everything here is data compiled into the binary: nothing is read from disk at run time, so
// a server needs no corpus or table file. Tests check the tables against the reference files
// of the corpus so that they cannot drift.
//
// Each kind of name lives in its own file: countries.go (CLDR), country_extras.go (what CLDR
// lacks), groups.go, institutions.go, topics.go, agreements.go, regions.go.
package lexicon
