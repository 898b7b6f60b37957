// Command eurel-synth writes a synthetic corpus of OEIL document summaries (see package
// internal/synth) to a directory, for benchmarks at the size of the whole Legislative
// Observatory:
//
//	eurel-synth [--seed 1] [--n 100000] [--french 0.3] [--html 0.5] [--boilerplate] [--from 2004] [--to 2025] DIR
//
// Summary i goes to DIR/DDD/NAME, DDD being i/1000 on three digits and NAME the summary's
// reference, language and format ("2021-2544-RSP.fr.txt"); the same flags write the same
// files, byte for byte. It prints one line: files, bytes, seconds. Exit status 2 is a usage
// error, 1 a failure to write.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/eurel/eurel/internal/synth"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Every summary is built in short-lived buffers and the live heap stays under
		// 50 MB: collecting four times less often halves the CPU time of a corpus.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and outputs, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eurel-synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Int64("seed", 1, "corpus `seed`: the same seed writes the same files")
	n := fs.Int("n", 100_000, "number of summaries")
	french := fs.Float64("french", synth.DefaultFrenchShare, "`share` of summaries in French (0 for none)")
	html := fs.Float64("html", synth.DefaultHTMLShare, "`share` of summaries as OEIL web pages rather than plain text (0 for none)")
	boilerplate := fs.Bool("boilerplate", false, "give web pages the real page's navigation and footer (about 50 kB a page)")
	from := fs.Int("from", synth.DefaultStartYear, "first adoption `year`")
	to := fs.Int("to", synth.DefaultEndYear, "last adoption `year`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: eurel-synth [flags] DIR\n\nWrites a synthetic corpus of OEIL document summaries to DIR.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	cfg := synth.Config{
		Seed: *seed, N: *n, FrenchShare: noneIfZero(*french), HTMLShare: noneIfZero(*html),
		StartYear: *from, EndYear: *to, PageBoilerplate: *boilerplate,
	}
	if *n <= 0 {
		fmt.Fprintf(stderr, "eurel-synth: --n %d: want a positive number of summaries\n", *n)
		return 2
	}
	if *french < 0 || *html < 0 {
		fmt.Fprintln(stderr, "eurel-synth: --french and --html are shares between 0 and 1")
		return 2
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintf(stderr, "eurel-synth: %v\n", err)
		return 2
	}
	dir := fs.Arg(0)
	start := time.Now()
	written, err := synth.New(cfg).WriteDirSize(dir)
	if err != nil {
		fmt.Fprintf(stderr, "eurel-synth: %v\n", err)
		return 1
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "eurel-synth: %d files, %d bytes (%.1f MB), %.2f s (%.0f files/s) in %s\n",
		*n, written, float64(written)/1e6, secs, float64(*n)/secs, dir)
	return 0
}

// noneIfZero maps a share of 0 to the negative share synth.Config reads as none (its zero
// means the default).
func noneIfZero(share float64) float64 {
	if share == 0 {
		return -1
	}
	return share
}
