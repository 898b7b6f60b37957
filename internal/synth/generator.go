package synth

import (
	"bytes"
	"fmt"
)

// Zipf-like skew of the countries summaries are about: rank k (from 1) has weight
// 1/(k+zipfQ)^zipfS. With the 200-odd third countries, the first takes about 13% of all
// summaries, the tenth 2%, the median country 0.1% (about 100 of 100,000) and the last
// 0.04%.
const (
	zipfS = 1.5
	zipfQ = 3
)

// Generator makes the summaries of one corpus. It is safe for concurrent use: Summary and
// Facts read only what New computed.
type Generator struct {
	cfg        Config
	countries  []*country // by rank: the most written about first
	byCode     map[string]*country
	zipf       zipf
	groups     []group
	agreements map[string]*agreement
	chromes    map[[2]string]*chrome // by language and "full" / "trimmed"

	unreadCountries, unreadGroups []string
}

// New prepares a Generator: the country list and its ranking, the groups and their names,
// each country's agreement, the pages' chrome. It panics on a Config that Validate refuses
// (as regexp.MustCompile does on a bad pattern): check a Config from a user first.
func New(cfg Config) *Generator {
	if err := cfg.Validate(); err != nil {
		panic("synth: " + err.Error())
	}
	cfg = cfg.withDefaults()
	g := &Generator{cfg: cfg, byCode: map[string]*country{}, agreements: map[string]*agreement{}, chromes: map[[2]string]*chrome{}}
	g.countries, g.unreadCountries = buildCountries(cfg.Seed)
	for _, c := range g.countries {
		g.byCode[c.code] = c
		if a := agreementOf(cfg.Seed, c.code); a != nil {
			g.agreements[c.code] = a
		}
	}
	g.zipf = newZipf(len(g.countries), zipfS, zipfQ)
	g.groups, g.unreadGroups = buildGroups()
	for _, lang := range []string{"en", "fr"} {
		g.chromes[[2]string{lang, "full"}] = buildChrome(lang, true)
		g.chromes[[2]string{lang, "trimmed"}] = buildChrome(lang, false)
	}
	return g
}

// Config returns the configuration, defaults applied.
func (g *Generator) Config() Config { return g.cfg }

// Summary returns summary i, 0 ≤ i < N: its file name (see Facts.Name) and its bytes. It
// depends on the Config and i only. It panics when i is out of range.
func (g *Generator) Summary(i int) (name string, raw []byte) {
	var b bytes.Buffer
	s := g.summary(i)
	g.encode(&b, s)
	return s.Name, b.Bytes()
}

// Facts returns what summary i states (see Facts). It panics when i is out of range.
func (g *Generator) Facts(i int) Facts { return g.summary(i).Facts }

// Ranking returns the codes of the countries summaries can be about, most written about
// first, with the share of summaries each is expected to get.
func (g *Generator) Ranking() (codes []string, shares []float64) {
	for k, c := range g.countries {
		codes = append(codes, c.code)
		shares = append(shares, g.zipf.share(k))
	}
	return codes, shares
}

// Agreement returns the agreement between the EU and a country that the corpus's summaries
// name (with its dates at day precision), or false when they name none.
func (g *Generator) Agreement(code string) (Agreement, bool) {
	a, ok := g.agreements[code]
	if !ok {
		return Agreement{}, false
	}
	return Agreement{Kind: a.kind, Country: code, Signed: a.signed, InForce: a.inForce}, true
}

func (g *Generator) summary(i int) *summary {
	if i < 0 || i >= g.cfg.N {
		panic(fmt.Sprintf("synth: summary %d out of range [0, %d)", i, g.cfg.N))
	}
	return g.compose(i, override{})
}

// encode writes a composed summary in its format.
func (g *Generator) encode(b *bytes.Buffer, s *summary) {
	if !s.HTML {
		b.Grow(6 << 10)
		writeText(b, s)
		return
	}
	kind := "trimmed"
	if g.cfg.PageBoilerplate {
		kind = "full"
	}
	b.Grow(8<<10 + boolInt(g.cfg.PageBoilerplate)*48<<10)
	// one page in seven writes its bullets as a list rather than as "- " paragraphs
	writeHTML(b, s, g.chromes[[2]string{s.Language, kind}], hash(g.cfg.Seed, uint64(s.docID))%7 == 0)
}
