package extract

import (
	"slices"

	"github.com/eurel/eurel/ingest/lexicon"
)

// Regions returns the English names of the world regions ("Central Asia", "Western
// Balkans"; see lexicon.Regions) the title and body of a text name, in order of first
// mention, each once; nil for an Input Extract would refuse. graph.Document has no place for
// regions yet: this is how they are exposed until it does.
func Regions(in Input) []string {
	d, err := newDoc(in)
	if err != nil {
		return nil
	}
	var out []string
	all := lexicon.Regions()
	scan := func(r rng) {
		for _, mt := range lexicon.RegionMatcher().FindAll(d.toks[r.lo:r.hi]) {
			for _, i := range mt.Values {
				if n := all[i].Names["en"]; !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	scan(d.title)
	for _, p := range d.paras {
		scan(p.toks)
	}
	return out
}
