// Package synth generates realistic synthetic corpora of Legislative Observatory (OEIL)
// document summaries, in English and French, as plain text and as OEIL web pages, for
// benchmarks at the size of the whole Observatory (100,000 resolutions and more).
//
// Summary i of a Generator is a pure function of the Config (N aside) and i: any summary can
// be made on its own, in any order, in parallel, by any build of the same code. Each summary
// reports on one resolution about one third country, drawn from the real country list (CLDR,
// through package lexicon, EU Member States left out) with a Zipf-like skew: a few countries
// are hubs with thousands of resolutions, most have few. The texts say what real summaries
// say, in the phrasing eurel's extractor reads (see ingest/extract): the vote, the groups
// that tabled the text (the groups that sat on the adoption date), sometimes an agreement
// between the EU and the country with its signature and entry-into-force dates, stances,
// demand sentences, a lead announcing two to nine bulleted demands, mentions of other
// countries, and background paragraphs drawn to reach the lengths of real summaries.
//
// Facts(i) says what summary i states, as the extractor should read it back; the tests check
// that it does.
//
// Files, one concern each:
//
//	config.go      Config, its defaults and limits
//	generator.go   Generator: New, Summary, Facts, Ranking, Agreement
//	facts.go       the Facts a summary states
//	writedir.go    WriteDir: a whole corpus on disk, in parallel
//	random.go      per-summary random streams, the reference permutation, Zipf sampling
//	countries.go   the country list, its ranking, names and prepositions in each language
//	groups.go      the political groups sitting on a date, by the names texts give them
//	agreements.go  each country's agreement with the EU: kind and dates
//	dates.go       adoption dates (plenary weekdays) and dates as each language writes them
//	compose.go     one summary: reference, language, format, date, country, title, vote,
//	               tabling groups, agreement
//	body.go        its body: background, stances, demand leads and bullets, demand sentences
//	expand.go      the templates of the phrase banks
//	phrases.go     what a phrase bank holds; phrases_en.go and phrases_fr.go the banks
//	text.go        the plain-text format; html.go the web page; chrome.go its boilerplate
package synth
