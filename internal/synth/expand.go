package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/eurel/eurel/graph"
)

// expander fills the templates of one summary: {X}, {X^}, {inX}, {ofX} name the country it
// is about, {Y}, {Y^}, {inY}, {ofY} a country it mentions, {year} a recent year, {month} a
// recent month, and other keys the values set for them.
type expander struct {
	lang    string
	x, y    *country
	adopted graph.PartialDate
	r       *rand.Rand
	vars    map[string]string
}

func (e *expander) set(key, value string) {
	if e.vars == nil {
		e.vars = make(map[string]string, 16)
	}
	e.vars[key] = value
}

// expand fills a template. In French, "de" before a value starting with a vowel elides
// ("de intensifier" is written "d'intensifier").
func (e *expander) expand(tpl string) string {
	if strings.IndexByte(tpl, '{') < 0 {
		return tpl
	}
	var b strings.Builder
	b.Grow(len(tpl) + 64)
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		j := strings.IndexByte(tpl[i:], '}')
		if j < 0 {
			b.WriteString(tpl)
			return b.String()
		}
		head, key := tpl[:i], tpl[i+1:i+j]
		tpl = tpl[i+j+1:]
		v := e.value(key)
		if e.lang == "fr" && strings.HasSuffix(head, " de ") && startsWithVowel(v) {
			head = head[:len(head)-len("de ")] + "d'"
		}
		b.WriteString(head)
		b.WriteString(v)
	}
}

func (e *expander) value(key string) string {
	switch key {
	case "X":
		return e.x.name(e.lang, false)
	case "X^":
		return e.x.name(e.lang, true)
	case "inX":
		return e.x.in(e.lang)
	case "ofX":
		return e.x.of(e.lang)
	case "Y":
		return e.y.name(e.lang, false)
	case "Y^":
		return e.y.name(e.lang, true)
	case "inY":
		return e.y.in(e.lang)
	case "ofY":
		return e.y.of(e.lang)
	case "year":
		return strconv.Itoa(e.adopted.Year - e.r.IntN(3))
	case "month":
		m := e.adopted.Year*12 + e.adopted.Month - 1 - between(e.r, 1, 18)
		return writeDate(e.lang, graph.PartialDate{Year: m / 12, Month: m%12 + 1})
	}
	return e.vars[key]
}

// startsWithVowel reports whether a French word starts with a vowel (a mute h aside).
func startsWithVowel(s string) bool {
	for _, v := range []string{"a", "e", "i", "o", "u", "é", "è", "ê", "â", "î", "ô", "û", "y"} {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}
