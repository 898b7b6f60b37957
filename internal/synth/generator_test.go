package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eurel/eurel/ingest/oeil"
)

// TestDeterministic: the same seed and number give the same bytes, whichever Generator
// makes them and in whatever order; other numbers and other seeds give other summaries.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, b := New(Config{Seed: 9, N: testN}), New(Config{Seed: 9, N: testN})
	other := New(Config{Seed: 10, N: testN})
	backwards := make([][]byte, testN)
	for i := testN - 1; i >= 0; i-- {
		_, backwards[i] = b.Summary(i)
	}
	refs := map[string]int{}
	same := 0
	for i := range testN {
		name, raw := a.Summary(i)
		if !bytes.Equal(raw, backwards[i]) {
			t.Fatalf("summary %d differs between two generators of the same seed", i)
		}
		f := a.Facts(i)
		if f.Name != name {
			t.Errorf("summary %d: Summary names it %s, Facts %s", i, name, f.Name)
		}
		if k, dup := refs[f.Reference]; dup {
			t.Errorf("summaries %d and %d have the same reference %s", k, i, f.Reference)
		}
		refs[f.Reference] = i
		if i%3 == 0 {
			if _, ro := other.Summary(i); bytes.Equal(raw, ro) {
				same++
			}
		}
	}
	if same > 0 {
		t.Errorf("%d summaries are the same under seeds 9 and 10", same)
	}
}

// TestReferencesUnique: every summary of the largest corpus the years allow has a reference
// of its own, in OEIL's four-digit numbering.
func TestReferencesUnique(t *testing.T) {
	for _, years := range [][2]int{{2004, 2025}, {2024, 2024}} {
		cfg := Config{Seed: 5, StartYear: years[0], EndYear: years[1]}
		cfg.N = (years[1] - years[0] + 1) * MaxPerYear
		g := New(cfg)
		seen := make([]bool, (years[1]-years[0]+1)*10000)
		for i := range cfg.N {
			y, n, nle := g.slot(i)
			if y < years[0] || y > years[1] || n < 1 || n > 9999 || nle != (n < 2001) {
				t.Fatalf("years %v: summary %d has procedure %d/%04d (NLE %v)", years, i, y, n, nle)
			}
			if k := (y-years[0])*10000 + n; seen[k] {
				t.Fatalf("years %v: summary %d repeats procedure %d/%04d", years, i, y, n)
			} else {
				seen[k] = true
			}
		}
	}
}

// TestSkewedCountries: the most written-about country has many times more summaries than
// the median one, as a few hubs dominate the real Observatory. On the way, every summary's
// vote, date and groups are plausible (see checkPlausible).
func TestSkewedCountries(t *testing.T) {
	t.Parallel()
	const n = 5000
	g := New(Config{Seed: 6, N: n})
	counts := map[string]int{}
	for i := range n {
		f := g.Facts(i)
		counts[f.Country]++
		for _, p := range checkPlausible(f) {
			t.Errorf("summary %d (%s): %s", i, f.Name, p)
		}
	}
	codes, _ := g.Ranking()
	per := make([]int, len(codes))
	for k, c := range codes {
		per[k] = counts[c]
	}
	sorted := slices.Clone(per)
	sort.Sort(sort.Reverse(sort.IntSlice(sorted)))
	top, median := sorted[0], sorted[len(sorted)/2]
	t.Logf("%d countries; most summaries %d (%s), tenth %d, median %d, fewest %d", len(codes), top, codes[0], sorted[9], median, sorted[len(sorted)-1])
	if top < 20*max(median, 1) {
		t.Errorf("top country has %d summaries, median %d: want at least 20 times more", top, median)
	}
	if sorted[0] != per[0] {
		t.Errorf("the most written-about country is not the first of the ranking (%s): %v", codes[0], per[:5])
	}
}

// TestShapes: the lengths, paragraph and demand counts of generated summaries are those of
// the real corpus (normalised texts of 3,556 to 5,893 characters, median 4,385, in 15 to 28
// paragraphs; 9 and 11 demands in the two resolutions on third countries), and pages with
// boilerplate weigh what real pages weigh (53 to 57 kB).
func TestShapes(t *testing.T) {
	t.Parallel()
	const n = 200
	g := New(Config{Seed: 8, N: n, PageBoilerplate: true})
	var lengths, paras, pages, demands []int
	for i := range n {
		s := g.compose(i, override{format: "text"})
		k := len(s.Demands)
		for _, ld := range s.Leads {
			k += len(ld.Bullets)
		}
		demands = append(demands, k)
		parsed, err := oeil.Parse(encodeForTest(g, s))
		if err != nil {
			t.Fatal(err)
		}
		lengths = append(lengths, utf8.RuneCountInString(parsed.Text))
		paras = append(paras, len(parsed.Paragraphs))
		s.HTML = true
		pages = append(pages, len(encodeForTest(g, s)))
	}
	for _, c := range []struct {
		what     string
		xs       []int
		lo, hi   int // bounds of the median
		min, max int // bounds of every value
	}{
		{"text length (characters)", lengths, 3800, 5200, 1500, 13000},
		{"paragraphs", paras, 15, 30, 8, 70},
		{"page size (bytes)", pages, 50_000, 60_000, 45_000, 75_000},
		{"demands", demands, 8, 15, 3, 40},
	} {
		slices.Sort(c.xs)
		med := c.xs[len(c.xs)/2]
		t.Logf("%s: min %d, 10%% %d, median %d, 90%% %d, max %d", c.what, c.xs[0], c.xs[len(c.xs)/10], med, c.xs[len(c.xs)*9/10], c.xs[len(c.xs)-1])
		if med < c.lo || med > c.hi || c.xs[0] < c.min || c.xs[len(c.xs)-1] > c.max {
			t.Errorf("%s: median %d (want %d to %d), range %d to %d (want within %d to %d)", c.what, med, c.lo, c.hi, c.xs[0], c.xs[len(c.xs)-1], c.min, c.max)
		}
	}
}

// TestWriteDir writes a small corpus: N files, at most PerDir to a directory, each what
// Summary gives.
func TestWriteDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 1100
	g := New(Config{Seed: 11, N: n, FrenchShare: -1, HTMLShare: 1})
	written, err := g.WriteDirSize(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, total := 0, int64(0)
	subdirs, _ := os.ReadDir(dir)
	for _, d := range subdirs {
		entries, err := os.ReadDir(filepath.Join(dir, d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) > PerDir {
			t.Errorf("%s holds %d files, want at most %d", d.Name(), len(entries), PerDir)
		}
		for _, e := range entries {
			info, _ := e.Info()
			total += info.Size()
			files++
			if !strings.HasSuffix(e.Name(), ".en.html") {
				t.Errorf("%s: want only English pages with FrenchShare < 0 and HTMLShare 1", e.Name())
			}
		}
	}
	if files != n || total != written || len(subdirs) != 2 {
		t.Errorf("%d files of %d bytes in %d directories, want %d files of %d bytes in 2", files, total, len(subdirs), n, written)
	}
	name, raw := g.Summary(1034)
	got, err := os.ReadFile(filepath.Join(dir, DirOf(1034), name))
	if err != nil || !bytes.Equal(got, raw) {
		t.Errorf("%s on disk is not Summary(1034): %v", name, err)
	}
}

// TestValidate: New refuses impossible configurations, and Validate says why.
func TestValidate(t *testing.T) {
	for _, c := range []struct {
		cfg  Config
		want string
	}{
		{Config{N: -1}, "N = -1"},
		{Config{FrenchShare: 1.5}, "FrenchShare = 1.5"},
		{Config{HTMLShare: 2}, "HTMLShare = 2"},
		{Config{StartYear: 1980}, "StartYear = 1980"},
		{Config{StartYear: 2020, EndYear: 2010}, "EndYear = 2010) before the first"},
		{Config{N: 2*MaxPerYear + 1, StartYear: 2020, EndYear: 2021}, "hold at most 16000"},
	} {
		err := c.cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want an error saying %q", c.cfg, err, c.want)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%+v) did not panic", c.cfg)
				}
			}()
			New(c.cfg)
		}()
	}
	if err := (Config{}).Validate(); err != nil {
		t.Errorf("the zero Config is refused: %v", err)
	}
	if d := (Config{}).withDefaults(); fmt.Sprint(d) != fmt.Sprint(Config{N: DefaultN, FrenchShare: DefaultFrenchShare, HTMLShare: DefaultHTMLShare, StartYear: DefaultStartYear, EndYear: DefaultEndYear}) {
		t.Errorf("defaults %+v", d)
	}
}
