package synth

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// body writes the background (naming the mentioned countries) and the stances, leads and
// demand sentences, up to a length drawn from the lengths of real summaries: background
// first, then the rest in a drawn order, and sometimes a closing stance.
func (cp *composer) body(mentions []*country) {
	r, b, x, f := cp.r, cp.b, cp.x, &cp.s.Facts
	target := int(math.Exp(math.Log(medianLength) + lengthSigma*r.NormFloat64()))
	target = min(max(target, minLength), maxLength)
	bg := &background{bank: b, x: x, order: r.Perm(len(b.background))}
	var named []string
	for k, m := range mentions {
		f.Mentions = append(f.Mentions, m.code)
		x.y = m
		named = append(named, x.expand(b.mentions[(k+r.IntN(len(b.mentions)))%len(b.mentions)]))
	}
	x.y = nil
	cp.add(para{text: bg.paragraph(r, between(r, 2, 4), named)})

	d := &drafter{r: r, b: b, x: x, f: f,
		gov:        &phrasePool{side: countrySide, phrases: b.govPhrases, order: r.Perm(len(b.govPhrases))},
		eu:         &phrasePool{side: euSide, phrases: b.euPhrases, order: r.Perm(len(b.euPhrases))},
		stance:     &phrasePool{phrases: stancePhrases(b), order: r.Perm(len(b.stances))},
		lastStance: -1, lastDemand: -1}
	d.stances(between(r, 1, 2))
	first := countryLeads[weighted(r, countryLeadW)]
	if chance(r, 0.45) {
		first = euLeads[weighted(r, euLeadW)]
	}
	d.lead(first, between(r, 2, 9))
	if chance(r, 0.4) {
		if second := euLeads[weighted(r, euLeadW)]; second != first {
			d.lead(second, between(r, 2, 5))
		}
	}
	for range between(r, 1, 2) {
		d.demand()
	}
	if f.Agreement != nil && chance(r, 0.5) {
		text := x.expand(b.review.text)
		f.Demands = append(f.Demands, Demand{Sentence: text, Addressees: keysFor(b.review.addr, f.Country), Agreement: true})
		d.sentence(&d.lastDemand, text)
	}
	closing := chance(r, 0.3)
	if closing {
		f.Stances++
	}

	// up to the drawn length: more demands, stances and background, as real summaries vary
	// in length by how much they ask and say
	for _, blk := range d.blocks {
		for _, p := range blk {
			cp.length += utf8.RuneCountInString(p.text) + 2
		}
	}
	for tries := 0; cp.length < target && tries < 40; tries++ {
		switch weighted(r, []float64{0.3, 0.1, 0.6}) {
		case 0:
			cp.length += d.demand()
		case 1:
			cp.length += d.stances(1)
		default:
			if text := bg.paragraph(r, between(r, 2, 4), nil); text != "" {
				cp.add(para{text: text}) // background stays before the demands
			}
		}
	}
	r.Shuffle(len(d.blocks), func(a, b int) { d.blocks[a], d.blocks[b] = d.blocks[b], d.blocks[a] })
	for _, blk := range d.blocks {
		cp.s.paras = append(cp.s.paras, blk...)
	}
	if closing {
		cp.s.paras = append(cp.s.paras, para{text: x.expand(b.closing)})
	}
}

// phrasePool hands out a bank's demand phrases in a drawn order, each once.
type phrasePool struct {
	side    side
	phrases []phrase
	order   []int
	used    int
}

// left is the number of phrases not handed out yet.
func (p *phrasePool) left() int { return len(p.order) - p.used }

func (p *phrasePool) next() (phrase, bool) {
	if p.used >= len(p.order) {
		return phrase{}, false
	}
	p.used++
	return p.phrases[p.order[p.used-1]], true
}

// background writes background paragraphs from a bank's clauses, each clause once.
type background struct {
	bank    *bank
	x       *expander
	order   []int // of the clauses
	used    int
	openers []int // openers not used yet, in a drawn order
}

// paragraph writes n background sentences (fewer when the clauses run out) and the given
// sentences naming other countries, these after the first background sentence; "" when
// there is nothing left to say.
func (bg *background) paragraph(r *rand.Rand, n int, extra []string) string {
	var ss []string
	for k := 0; k < n && bg.used < len(bg.order); k++ {
		clause := bg.x.expand(bg.bank.background[bg.order[bg.used]])
		bg.used++
		opener := ""
		if bg.openers == nil {
			bg.openers = r.Perm(len(bg.bank.openers))
		}
		if len(bg.openers) > 0 && chance(r, 0.4) {
			opener = bg.x.expand(bg.bank.openers[bg.openers[0]])
			bg.openers = bg.openers[1:]
		}
		ss = append(ss, capitalise(opener+clause)+".")
		if k == 0 {
			ss = append(ss, extra...)
			extra = nil
		}
	}
	ss = append(ss, extra...)
	return strings.Join(ss, " ")
}

// drafter writes the stances and demands of one summary's body as blocks of paragraphs,
// recording what they state in its Facts.
type drafter struct {
	r      *rand.Rand
	b      *bank
	x      *expander
	f      *Facts
	gov    *phrasePool
	eu     *phrasePool
	stance *phrasePool
	topics map[string]bool
	blocks [][]para
	// the blocks of the last stance and demand paragraphs, -1 before the first
	lastStance, lastDemand int
}

// stancePhrases are a bank's stance sentences as phrases without topics, to be drawn each once.
func stancePhrases(b *bank) []phrase {
	out := make([]phrase, len(b.stances))
	for k, s := range b.stances {
		out[k] = phrase{text: s}
	}
	return out
}

// use records the topics of a demand phrase and returns its text.
func (d *drafter) use(ph phrase) string {
	if d.topics == nil {
		d.topics = map[string]bool{}
	}
	for _, t := range ph.topics {
		if !d.topics[t] {
			d.topics[t] = true
			d.f.Topics = append(d.f.Topics, t)
		}
	}
	return ph.text
}

// draw makes a demand phrase from a pool: one phrase, often two joined ("release all
// political prisoners and put an end to torture ..."), sometimes followed by how or when
// ("..., without delay and without conditions"), as real summaries word their demands.
func (d *drafter) draw(pool *phrasePool) (string, bool) {
	ph, ok := pool.next()
	if !ok {
		return "", false
	}
	text := d.use(ph)
	if chance(d.r, 0.45) {
		if ph, ok := pool.next(); ok {
			text += d.b.and + d.use(ph)
		}
	}
	if chance(d.r, 0.3) {
		text += pick(d.r, d.b.manners[pool.side])
	}
	return text, true
}

// stances adds n stance sentences (fewer when they run out) and returns the number of
// characters added.
func (d *drafter) stances(n int) int {
	var ss []string
	for range n {
		ph, ok := d.stance.next()
		if !ok {
			break
		}
		ss = append(ss, d.x.expand(ph.text))
	}
	if len(ss) == 0 {
		return 0
	}
	d.f.Stances += len(ss)
	return d.sentence(&d.lastStance, strings.Join(ss, " "))
}

// sentence adds sentences as a paragraph of their own, or, half the time, to the paragraph
// of the same kind added last (when it has fewer than three sentences), and returns the
// number of characters added; last is the index of that paragraph's block, -1 for none.
func (d *drafter) sentence(last *int, text string) int {
	n := utf8.RuneCountInString(text)
	if *last >= 0 && chance(d.r, 0.5) {
		p := &d.blocks[*last][0]
		if strings.Count(p.text, ". ") < 2 {
			p.text += " " + text
			return n + 1
		}
	}
	*last = len(d.blocks)
	d.blocks = append(d.blocks, []para{{text: text}})
	return n + 2
}

// lead adds a lead addressed to an addressee set, followed by up to n bullets; nothing when
// fewer than two phrases remain for it.
func (d *drafter) lead(to string, n int) {
	pool := d.gov
	if !slices.Contains(countryLeads, to) {
		pool = d.eu
	}
	if pool.left() < 2 {
		return
	}
	ld := Lead{Addressees: keysFor(leadKeys[to], d.f.Country)}
	blk := []para{{text: d.x.expand(pick(d.r, d.b.leads[to]).text)}}
	for range n {
		text, ok := d.draw(pool)
		if !ok {
			break
		}
		ld.Bullets = append(ld.Bullets, text)
		bp := para{text: text + ";", bullet: true}
		if chance(d.r, 0.05) { // pages only: the plain text keeps the bullet whole
			bp.split = splitPoint(bp.text)
		}
		blk = append(blk, bp)
	}
	last := &blk[len(blk)-1]
	last.text = strings.TrimSuffix(last.text, ";") + "."
	d.f.Leads = append(d.f.Leads, ld)
	d.blocks = append(d.blocks, blk)
}

// demand adds a demand sentence to a drawn addressee and returns the number of characters
// added: none when the phrases for it have run out.
func (d *drafter) demand() int {
	fr := pick(d.r, d.b.demands)
	pool := d.gov
	if fr.side == euSide {
		pool = d.eu
	}
	vp, ok := d.draw(pool)
	if !ok {
		return 0
	}
	d.x.set("vp", vp)
	text := d.x.expand(fr.text)
	d.f.Demands = append(d.f.Demands, Demand{Sentence: text, Addressees: keysFor(fr.addr, d.f.Country)})
	return d.sentence(&d.lastDemand, text)
}

// splitPoint returns the byte offset of a space after which the text goes on with a word in
// lower case, in the second half of the text, past any punctuation: where a word processor
// may break a bullet in two paragraphs that the parser joins back. 0 when there is none.
func splitPoint(text string) int {
	for k := len(text) / 2; k < len(text)-1; k++ {
		if text[k] == ' ' && text[k+1] >= 'a' && text[k+1] <= 'z' && !strings.ContainsRune(".;:!?,", rune(text[k-1])) {
			return k
		}
	}
	return 0
}
