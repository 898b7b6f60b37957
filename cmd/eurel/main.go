// Command eurel builds and serves the knowledge graph of the texts the European Parliament
// adopts about non-EU countries.
//
//	eurel serve  [--addr :8080] [--store DIR]          GraphQL at /graphql, explorer at /
//	eurel ingest [--store DIR] [--json] PATH|URL|-...  read texts into the graph
//	eurel export [--store DIR]                         write the graph as N-Quads
//	eurel import [--store DIR] FILE|-                  read N-Quads written by export
//	eurel stats  [--store DIR] [--json]                count what the graph holds
//
// The embedded store is a directory: ./eurel-data unless --store or EUREL_STORE says
// otherwise. Exit codes: 0 success, 1 failure (for ingest: some texts were refused, the
// others are in the graph), 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errUsage marks a command-line mistake; the command has printed what was wrong.
var errUsage = errors.New("usage")

const usage = `eurel: the European Parliament's resolutions on non-EU countries, as a knowledge graph.

Usage:
  eurel serve  [--addr :8080] [--store DIR]            serve GraphQL at /graphql and the explorer at /
  eurel ingest [--store DIR] [--json] PATH|URL|- ...   read texts (files, directories, URLs, stdin) into the graph
  eurel export [--store DIR]                           write the whole graph as N-Quads to standard output
  eurel import [--store DIR] FILE|-                    read N-Quads written by export (each document replaced whole)
  eurel stats  [--store DIR] [--json]                  count documents, nodes and quads

The store is the directory ./eurel-data unless --store or $EUREL_STORE names another.
Run 'eurel COMMAND -h' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a subcommand and maps its outcome to an exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "serve":
		err = serve(ctx, args[1:], stderr)
	case "ingest":
		err = ingestCmd(ctx, args[1:], stdin, stdout, stderr)
	case "export":
		err = exportCmd(ctx, args[1:], stdout, stderr)
	case "import":
		err = importCmd(ctx, args[1:], stdin, stderr)
	case "stats":
		err = statsCmd(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "eurel: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		return exitUsage
	case errors.Is(err, errRefused):
		return exitFail
	default:
		fmt.Fprintf(stderr, "eurel %s: %v\n", args[0], err)
		return exitFail
	}
}

// flagSet is the standard flag set; an alias keeps signatures short.
type flagSet = flag.FlagSet

// newFlags returns a flag set that reports errors to stderr and never exits the process.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("eurel "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args, turning a flag error into errUsage (the flag package has printed it).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
