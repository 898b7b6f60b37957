package search

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// The analyzers, by the names the index mapping stores. Changing what either does changes the
// terms in the index: bump schemaVersion with it, so that old indexes are refused and rebuilt.
const (
	// analyzerEN is Bleve's "en" analyzer (possessives, lower case, English stop words,
	// Porter stemming) with accent folding before the stemmer, which only knows ASCII:
	// "Türkiye" and "Turkiye", "Côte d'Ivoire" and "Cote d'Ivoire" give the same terms.
	analyzerEN = "eurel_en"
	// analyzerFR is Bleve's "fr" analyzer (lower case, elision of l' d' qu'…, French stop
	// words, light stemming) whose stemmer is replaced by frStemFold: stemming, then accent
	// folding, with a second form for the words whose stem depends on their accents.
	analyzerFR = "eurel_fr"

	// foldFilter folds accents and ligatures to ASCII.
	foldFilter = "eurel_fold"
	// frStemFoldFilter is the French light stemmer followed by accent folding.
	frStemFoldFilter = "eurel_fr_stem_fold"
)

func init() {
	// Registered once per process, like Bleve's own filters; the names are ours alone.
	if err := registry.RegisterTokenFilter(foldFilter, newFoldTokens); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(frStemFoldFilter, newFRStemFold); err != nil {
		panic(err)
	}
}

// addAnalyzers defines the two custom analyzers on m. The definitions are saved with the
// index, so that an index reopens with the analyzers it was built with.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	err := m.AddCustomAnalyzer(analyzerEN, map[string]any{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []any{
			en.PossessiveName,
			lowercase.Name,
			foldFilter,
			en.StopName,
			porter.Name,
		},
	})
	if err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerFR, map[string]any{
		"type":      custom.Name,
		"tokenizer": unicode.Name,
		"token_filters": []any{
			lowercase.Name,
			fr.ElisionName,
			fr.StopName,
			frStemFoldFilter,
		},
	})
}

// foldTokens folds each token's term to ASCII with Bleve's asciifolding table ("é" → "e",
// "œ" → "oe", "ß" → "ss"). It is a token filter, not Bleve's char filter, so that tokens
// keep their offsets into the original text and the highlighter marks the right bytes.
type foldTokens struct {
	fold *asciifolding.AsciiFoldingFilter
}

func newFoldTokens(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
	return foldTokens{fold: asciifolding.New()}, nil
}

// Filter folds the terms in place. Terms that are already ASCII, most of them, are left
// as they are without allocating.
func (f foldTokens) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		if !isASCII(tok.Term) {
			tok.Term = f.fold.Filter(tok.Term)
		}
	}
	return input
}

// frStemFold stems French words with Bleve's light stemmer, then folds accents. The light
// stemmer reads accents to find endings, so stemming first conflates the inflections of
// accented words ("prisonnière", "prisonniers" → "prisoni"); but a user who types without
// accents ("prisonnieres") gets another stem ("prisonier"). So where stemming the folded
// word gives another term, that term follows at the same position, in the index and in
// queries alike: "prisonnières" is indexed as both, and the query "prisonnieres" finds it.
type frStemFold struct {
	stem analysis.TokenFilter
	fold *asciifolding.AsciiFoldingFilter
}

func newFRStemFold(_ map[string]any, cache *registry.Cache) (analysis.TokenFilter, error) {
	stem, err := cache.TokenFilterNamed(fr.LightStemmerName)
	if err != nil {
		return nil, fmt.Errorf("%s needs %s: %w", frStemFoldFilter, fr.LightStemmerName, err)
	}
	return frStemFold{stem: stem, fold: asciifolding.New()}, nil
}

// Filter stems every token and folds it; a token whose folded form stems differently is
// followed by that second form, with the same position and offsets. The input stream is
// returned, stemmed in place, unless a second form was added.
func (f frStemFold) Filter(input analysis.TokenStream) analysis.TokenStream {
	var out analysis.TokenStream // nil until a second form is added
	for i, tok := range input {
		if isASCII(tok.Term) {
			f.stem.Filter(input[i : i+1])
			if out != nil {
				out = append(out, tok)
			}
			continue
		}
		alt := *tok
		alt.Term = f.fold.Filter(tok.Term)
		f.stem.Filter(analysis.TokenStream{tok, &alt})
		tok.Term = f.fold.Filter(tok.Term)
		if bytes.Equal(tok.Term, alt.Term) {
			if out != nil {
				out = append(out, tok)
			}
			continue
		}
		if out == nil {
			out = append(make(analysis.TokenStream, 0, len(input)+4), input[:i]...)
		}
		out = append(out, tok, &alt)
	}
	if out == nil {
		return input
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
