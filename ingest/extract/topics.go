package extract

import (
	"slices"

	"github.com/eurel/eurel/ingest/lexicon"
)

// topicsIn returns the keys of the topics the words of tokens r are about (see
// lexicon.Topics), in order of first mention, each once. Matching ignores case, accents and
// plural or feminine endings ("prisonniers politiques" → political-prisoners); blocking
// phrases ("sanctions pénales") name no topic.
func (d *doc) topicsIn(r rng) []string {
	var out []string
	if r.empty() {
		return nil
	}
	for _, mt := range lexicon.TopicMatcher().FindAll(d.toks[r.lo:r.hi]) {
		for _, k := range mt.Values {
			if k != "" && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}
