package lexicon

import "sync"

// Region is a world region that resolutions name ("Central Asia"), with a stable key.
type Region struct {
	Key      string
	Names    map[string]string // language → name
	Patterns []string          // in either language; Capitalised words must be capitalised
}

var regions = []Region{
	{Key: "central-asia", Names: names("Central Asia", "Asie centrale"), Patterns: []string{"Central Asia", "Asie centrale"}},
	{Key: "south-caucasus", Names: names("South Caucasus", "Caucase du Sud"), Patterns: []string{"South Caucasus", "Southern Caucasus", "Caucase du Sud"}},
	{Key: "western-balkans", Names: names("Western Balkans", "Balkans occidentaux"), Patterns: []string{"Western Balkans", "Balkans occidentaux"}},
	{Key: "eastern-partnership", Names: names("Eastern Partnership", "Partenariat oriental"), Patterns: []string{"Eastern Partnership", "Partenariat oriental"}},
	{Key: "middle-east", Names: names("Middle East", "Moyen-Orient"), Patterns: []string{"Middle East", "Moyen-Orient", "Proche-Orient", "Near East"}},
	{Key: "north-africa", Names: names("North Africa", "Afrique du Nord"), Patterns: []string{"North Africa", "Afrique du Nord", "Maghreb"}},
	{Key: "sahel", Names: names("Sahel", "Sahel"), Patterns: []string{"Sahel"}},
	{Key: "horn-of-africa", Names: names("Horn of Africa", "Corne de l'Afrique"), Patterns: []string{"Horn of Africa", "Corne de l'Afrique"}},
	{Key: "great-lakes", Names: names("Great Lakes region", "région des Grands Lacs"), Patterns: []string{"Great Lakes region", "région des Grands Lacs"}},
	{Key: "sub-saharan-africa", Names: names("Sub-Saharan Africa", "Afrique subsaharienne"), Patterns: []string{"Sub-Saharan Africa", "sub-Saharan Africa", "Afrique subsaharienne"}},
	{Key: "south-east-asia", Names: names("South-East Asia", "Asie du Sud-Est"), Patterns: []string{"South-East Asia", "Southeast Asia", "Asie du Sud-Est"}},
	{Key: "latin-america", Names: names("Latin America", "Amérique latine"), Patterns: []string{"Latin America", "Amérique latine"}},
	{Key: "gulf", Names: names("Gulf region", "région du Golfe"), Patterns: []string{"Gulf region", "Gulf States", "région du Golfe", "États du Golfe"}},
	{Key: "arctic", Names: names("Arctic", "Arctique"), Patterns: []string{"Arctic", "Arctique"}},
	{Key: "indo-pacific", Names: names("Indo-Pacific", "Indo-Pacifique"), Patterns: []string{"Indo-Pacific", "Indo-Pacifique"}},
}

// Regions returns the region lexicon. The slice is shared: do not modify it.
func Regions() []Region { return regions }

// RegionMatcher finds region names; values are indexes into Regions().
var RegionMatcher = sync.OnceValue(func() *Matcher[int] {
	m := NewMatcher[int]()
	for i, r := range regions {
		for _, p := range r.Patterns {
			m.Add(p, Capitalised, i)
		}
	}
	return m
})
