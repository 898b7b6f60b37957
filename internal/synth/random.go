package synth

import (
	"math"
	"math/rand/v2"
	"sort"
)

// mix is SplitMix64's finaliser: a bijection of uint64 that spreads every input bit over the
// output, used to derive independent seeds from (Seed, i) and to hash small keys.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// hash combines a seed and keys into one well-mixed value.
func hash(seed int64, keys ...uint64) uint64 {
	h := mix(uint64(seed))
	for _, k := range keys {
		h = mix(h ^ k)
	}
	return h
}

// Stream salts: each decision drawn outside a summary's own stream has its own salt, so
// that no two decisions are correlated.
const (
	saltSummary uint64 = iota + 1
	saltPermute
	saltRanking
	saltAgreement
)

// streamFor returns summary i's own random stream: every decision about summary i is drawn
// from it, in a fixed order, and from nothing else.
func streamFor(seed int64, i int) *rand.Rand {
	a := hash(seed, saltSummary, uint64(i))
	return rand.New(rand.NewPCG(a, mix(a)))
}

// permBlock is the size of the blocks of summary numbers that permute shuffles within.
const permBlock = 256

// permute is a bijection of the non-negative integers that shuffles each block of permBlock
// consecutive numbers among themselves (a four-round Feistel network on its eight low bits,
// keyed by the seed and the block), so that summary numbers map to procedure slots in an
// order that looks random, without depending on the size of the corpus.
func permute(seed int64, i int) int {
	block, low := i/permBlock, uint64(i%permBlock)
	l, r := low>>4, low&15
	for round := range uint64(4) {
		f := hash(seed, saltPermute, uint64(block), round, r) & 15
		l, r = r, l^f
	}
	return block*permBlock + int(l<<4|r)
}

// zipf samples ranks 0..n-1 with weights 1/(rank+1+q)^s.
type zipf struct {
	cum []float64 // cumulative weights
}

func newZipf(n int, s, q float64) zipf {
	z := zipf{cum: make([]float64, n)}
	total := 0.0
	for k := range n {
		total += math.Pow(float64(k+1)+q, -s)
		z.cum[k] = total
	}
	return z
}

// draw returns a rank.
func (z zipf) draw(r *rand.Rand) int {
	x := r.Float64() * z.cum[len(z.cum)-1]
	return min(sort.SearchFloat64s(z.cum, x), len(z.cum)-1)
}

// share is the expected share of rank k.
func (z zipf) share(k int) float64 {
	w := z.cum[k]
	if k > 0 {
		w -= z.cum[k-1]
	}
	return w / z.cum[len(z.cum)-1]
}

// pick returns one element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// weighted draws an index with the given weights.
func weighted(r *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	x := r.Float64() * total
	for k, v := range w {
		if x < v {
			return k
		}
		x -= v
	}
	return len(w) - 1
}
