// Package cli is gongkai's command line: one function from arguments and writers to an exit code, so that every
// command can be tested in-process, with one file per subcommand.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	// Time-zone data in the binary: a machine without /usr/share/zoneinfo (a minimal container) would otherwise
	// fail to read the site's timeZone.
	_ "time/tzdata"
)

// Exit codes, shared by every command and relied on by nightly jobs.
const (
	ExitOK       = 0 // done (published, or clean)
	ExitContent  = 1 // content or verification errors: nothing was published
	ExitUsage    = 2 // the command line is wrong
	ExitInternal = 3 // gongkai or the machine failed
)

// Version is set at link time by the Makefile (-X gongkai/generator/cli.Version=...).
var Version = "dev"

type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "validate, render and publish the site", runBuild},
		{"check", "validate the content only; write nothing", runCheck},
		{"init", "make a new site: configuration to fill in, columns, templates, no documents", runInit},
		{"new", "write a new document from the site's template", runNew},
		{"serve", "preview the site, rebuilding as files are saved", runServe},
		{"rollback", "publish the previous release again", runRollback},
		{"version", "print gongkai's version", runVersion},
	}
}

// Run runs the command line args (without the program name) and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return ExitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(stdout)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "Error: unknown command %q\nTry: gongkai -h\n", name)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "gongkai builds a government information-disclosure site from Markdown.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: gongkai <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run gongkai <command> -h for the flags of a command.")
}

// newFlags makes a command's flag set; parse errors are usage errors with a hint.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gongkai %s %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args; it returns -1 to go on, or the exit code to return.
func parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "Try: gongkai %s -h\n", fs.Name())
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "Error: unexpected argument %q\nTry: gongkai %s -h\n", fs.Arg(0), fs.Name())
		return ExitUsage
	}
	return -1
}

// parseAnywhere parses args whose positional arguments may stand before, between or after the flags, as editors
// write them (gongkai new policy ldht-2025 --title …). It returns the positional arguments, and -1 to go on or the
// exit code to return.
func parseAnywhere(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, ExitOK
		} else if err != nil {
			fmt.Fprintf(stderr, "Try: gongkai %s -h\n", fs.Name())
			return nil, ExitUsage
		}
		if fs.NArg() == 0 {
			return pos, -1
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// nowFlag is --now: the build's clock, for reproducible builds and tests of scheduled documents.
type nowFlag struct{ t time.Time }

func (n *nowFlag) String() string {
	if n.t.IsZero() {
		return ""
	}
	return n.t.Format(time.RFC3339)
}

func (n *nowFlag) Set(s string) error {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			n.t = t
			return nil
		}
	}
	return fmt.Errorf("want a time like 2025-01-31T02:00:00+08:00 or 2025-01-31, not %q", strings.TrimSpace(s))
}
