package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/eurel/eurel/graph"
)

// storeCmd parses a command's flags (--store plus what extra registers), opens the store and
// runs fn on it, closing the store afterwards. extra may be nil.
func storeCmd(ctx context.Context, name string, args []string, stderr io.Writer, extra func(*flagSet), fn func(st *graph.Store, rest []string) error) error {
	fs := newFlags(name, stderr)
	where := storeFlag(fs)
	if extra != nil {
		extra(fs)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *where)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st, fs.Args())
}

// exportCmd writes every quad of the store as N-Quads, each labelled with its source document.
func exportCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return storeCmd(ctx, "export", args, stderr, nil, func(st *graph.Store, _ []string) error {
		w := bufio.NewWriter(stdout)
		if err := st.ExportNQuads(ctx, w); err != nil {
			return err
		}
		return w.Flush()
	})
}

// importCmd reads N-Quads as export writes them (a file, or "-" for standard input); the
// quads of each document replace what the store holds for that document.
func importCmd(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) error {
	return storeCmd(ctx, "import", args, stderr, nil, func(st *graph.Store, rest []string) error {
		if len(rest) != 1 {
			fmt.Fprintln(stderr, "usage: eurel import [--store DIR] FILE|-")
			return errUsage
		}
		r := stdin
		if rest[0] != "-" {
			f, err := os.Open(rest[0])
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		docs, quads, err := st.ImportNQuads(ctx, bufio.NewReader(r))
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "imported %d quads of %d documents\n", quads, docs)
		return nil
	})
}

// statsCmd prints what the store holds, as a table or JSON.
func statsCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var asJSON *bool
	return storeCmd(ctx, "stats", args, stderr, func(fs *flagSet) {
		asJSON = fs.Bool("json", false, "write JSON")
	}, func(st *graph.Store, _ []string) error {
		s, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(s)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "documents\t%d\n", s.Documents)
		fmt.Fprintf(tw, "quads\t%d\n", s.Quads)
		for _, k := range slices.Sorted(maps.Keys(s.Nodes)) {
			fmt.Fprintf(tw, "%s nodes\t%d\n", k, s.Nodes[k])
		}
		return tw.Flush()
	})
}
