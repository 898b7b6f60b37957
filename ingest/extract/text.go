package extract

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eurel/eurel/graph"
	"github.com/eurel/eurel/ingest/lexicon"
)

// doc is one input prepared for extraction: its runes, the tokens of the title and of the
// body paragraphs (never of the header line), and the sentences of the body.
type doc struct {
	in    Input
	lang  string
	rs    []rune
	toks  []lexicon.Token // title then paragraphs, in text order
	title rng             // tokens of the title
	paras []para
	sents []sentence

	countries []countryHit
	concerned []string // codes of the countries the resolution concerns
	insts     []instHit
	agrs      []agrMention // where agreements are named or referred to, in text order
}

// rng is a range [lo, hi) of token indexes.
type rng struct{ lo, hi int }

func (r rng) empty() bool { return r.hi <= r.lo }

type para struct {
	Paragraph
	toks  rng
	sents []int // indexes into doc.sents
}

// sentence is a sentence of a paragraph: code points [start, end) of the text, trimmed of
// white space, and its tokens.
type sentence struct {
	start, end int
	toks       rng
	para       int
}

// newDoc checks an Input and prepares it. The checks are those the contract of Input states:
// a language eurel reads, a text in UTF-8, spans inside the text in order, paragraph texts
// equal to what their spans cut out.
func newDoc(in Input) (*doc, error) {
	lang := strings.ToLower(in.Language)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if lang != "en" && lang != "fr" {
		return nil, fmt.Errorf("extract: language %q is not supported (want en or fr)", in.Language)
	}
	if !utf8.ValidString(in.Text) {
		return nil, fmt.Errorf("extract: the text is not valid UTF-8")
	}
	d := &doc{in: in, lang: lang, rs: []rune(in.Text)}
	n := len(d.rs)
	valid := func(s graph.Span) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= n }
	if !valid(in.Title) {
		return nil, fmt.Errorf("extract: title span [%d,%d) lies outside a text of %d characters", in.Title.Start, in.Title.End, n)
	}
	d.toks = lexicon.Tokenize(d.rs, in.Title.Start, in.Title.End)
	d.title = rng{0, len(d.toks)}
	last := 0
	for i, p := range in.Paragraphs {
		if !valid(p.Span) {
			return nil, fmt.Errorf("extract: paragraph %d: span [%d,%d) lies outside a text of %d characters", i, p.Span.Start, p.Span.End, n)
		}
		if p.Span.Start < last {
			return nil, fmt.Errorf("extract: paragraph %d: span [%d,%d) overlaps or precedes the paragraph before it", i, p.Span.Start, p.Span.End)
		}
		last = p.Span.End
		if !sameRunes(d.rs[p.Span.Start:p.Span.End], p.Text) {
			return nil, fmt.Errorf("extract: paragraph %d: Text is not what its span [%d,%d) cuts out of the text", i, p.Span.Start, p.Span.End)
		}
		lo := len(d.toks)
		d.toks = append(d.toks, lexicon.Tokenize(d.rs, p.Span.Start, p.Span.End)...)
		pp := para{Paragraph: p, toks: rng{lo, len(d.toks)}}
		for _, s := range splitSentences(d.rs, p.Span.Start, p.Span.End) {
			pp.sents = append(pp.sents, len(d.sents))
			d.sents = append(d.sents, sentence{start: s[0], end: s[1], toks: d.tokRange(s[0], s[1]), para: i})
		}
		d.paras = append(d.paras, pp)
	}
	return d, nil
}

// context reports whether a sentence lies in a context paragraph (see Paragraph).
func (d *doc) context(s sentence) bool { return d.paras[s.para].Context }

// tokRange returns the tokens lying within code points [start, end).
func (d *doc) tokRange(start, end int) rng {
	lo := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= start })
	hi := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].End > end })
	return rng{lo, max(lo, hi)}
}

// tok returns the folded token at i, or "" outside the tokens.
func (d *doc) fold(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].Fold
}

// span returns the code points covered by tokens [lo, hi).
func (d *doc) span(r rng) graph.Span {
	if r.empty() {
		return graph.Span{}
	}
	return graph.Span{Start: d.toks[r.lo].Start, End: d.toks[r.hi-1].End}
}

// quote returns the text of a span of code points.
func (d *doc) quote(s graph.Span) string { return string(d.rs[s.Start:s.End]) }

// clip trims a span of code points of white space on both sides and of trailing
// punctuation (. ; , :) and a trailing conjunction ("; and", "; et"), so that a demand reads
// "release all political prisoners", not "release all political prisoners;".
func (d *doc) clip(s graph.Span) graph.Span {
	for {
		for s.Start < s.End && unicode.IsSpace(d.rs[s.Start]) {
			s.Start++
		}
		for s.End > s.Start && (unicode.IsSpace(d.rs[s.End-1]) || strings.ContainsRune(".;,:", d.rs[s.End-1])) {
			s.End--
		}
		trimmed := false
		for _, c := range []string{" and", " et", " or", " ou"} {
			k := len([]rune(c))
			if s.End-s.Start > k && strings.EqualFold(string(d.rs[s.End-k:s.End]), c) {
				s.End -= k
				trimmed = true
			}
		}
		if !trimmed {
			return s
		}
	}
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "No": true, "Nos": true,
	"Art": true, "art": true, "para": true, "paras": true, "cf": true, "vs": true, "approx": true,
	"Jr": true, "Sr": true, "Gen": true, "Col": true, "Lt": true, "Capt": true, "Rev": true, "Hon": true,
	"Vol": true, "vol": true, "pp": true, "p": true, "ibid": true, "Inc": true, "Ltd": true, "Co": true,
	"Corp": true, "Mme": true, "Mmes": true, "MM": true, "Me": true, "Mgr": true, "nr": true, "Nr": true,
	"Doc": true, "doc": true, "Rec": true, "Fig": true, "ch": true, "sect": true, "Sect": true, "al": true,
	"seq": true, "Rt": true, "resp": true, "incl": true, "e": true, "i": true, "viz": true,
	"Jan": true, "Feb": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true, "Sep": true, "Sept": true,
	"Oct": true, "Nov": true, "Dec": true, "janv": true, "févr": true, "avr": true, "juil": true, "sept": true,
	"oct": true, "nov": true, "déc": true,
}

// splitSentences splits code points [lo, hi) of rs into sentences: a sentence ends at ".",
// "!", "?" or "…" (with any closing quotes or brackets after it) followed by white space and
// a capital, a digit, an opening quote or bracket, or by the end. A full stop after an
// abbreviation ("Mr.", "Art."), an initial ("A.", "U.S.") or inside a number ("1.5") does
// not end a sentence. Semicolons and colons never do. Returned spans are trimmed of white
// space.
func splitSentences(rs []rune, lo, hi int) [][2]int {
	var out [][2]int
	emit := func(a, b int) {
		for a < b && unicode.IsSpace(rs[a]) {
			a++
		}
		for b > a && unicode.IsSpace(rs[b-1]) {
			b--
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	start := lo
	for i := lo; i < hi; i++ {
		r := rs[i]
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + 1
		for j < hi && strings.ContainsRune(".!?…)]\"'»”’", rs[j]) {
			j++
		}
		if j < hi && !unicode.IsSpace(rs[j]) {
			i = j - 1
			continue
		}
		k := j
		for k < hi && unicode.IsSpace(rs[k]) {
			k++
		}
		if k < hi {
			n := rs[k]
			if !unicode.IsUpper(n) && !unicode.IsDigit(n) && !strings.ContainsRune("\"'«“‘(-–—•", n) {
				continue
			}
			if r == '.' && isAbbreviation(rs, lo, i) {
				continue
			}
		}
		emit(start, j)
		start = k
		i = k - 1
	}
	emit(start, hi)
	return out
}

// isAbbreviation reports whether the full stop at rs[dot] ends an abbreviation or initial.
func isAbbreviation(rs []rune, lo, dot int) bool {
	b := dot
	for b > lo && unicode.IsLetter(rs[b-1]) {
		b--
	}
	w := string(rs[b:dot])
	if w == "" {
		return false
	}
	if len([]rune(w)) == 1 && (unicode.IsUpper(rs[b]) || b > lo && rs[b-1] == '.') {
		return true // "A. Smith", "U.S.", "e.g."
	}
	return abbreviations[w]
}

// sameRunes reports whether rs spells s.
func sameRunes(rs []rune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return i == len(rs)
}
