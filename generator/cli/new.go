package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gongkai/generator/msg"
	"gongkai/generator/newdoc"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", msg.CLIArgsNew, args)
	site := fs.String("s", ".", fs.text(msg.CLIFlagSite))
	title := fs.String("title", "", fs.text(msg.CLIFlagTitle))
	bundle := fs.Bool("bundle", false, fs.text(msg.CLIFlagBundle))
	var now nowFlag
	fs.Var(&now, "now", fs.text(msg.CLIFlagNewNow))
	// Editors write the flags after the name (gongkai new policy ldht-2025 --title …): collect the positional
	// arguments wherever they are.
	pos, code := parseAnywhere(fs, args, stdout, stderr, strings.Join(newdoc.KindNames, "|"))
	if code >= 0 {
		return code
	}
	if len(pos) != 2 {
		return fs.fail(stderr, fs.text(msg.CLINewUsage, strings.Join(newdoc.KindNames, ", ")))
	}
	dir, err := filepath.Abs(*site)
	if err != nil {
		fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, err.Error()))
		return ExitInternal
	}
	rel, diags, err := newdoc.Create(newdoc.Request{SiteDir: dir, Kind: pos[0], Name: pos[1], Title: *title, Bundle: *bundle, Now: now.t})
	switch {
	case err != nil:
		fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, err.Error()))
		return ExitInternal
	case diags.Errors() > 0:
		diags.Print(stderr)
		if _, ok := newdoc.Kinds[pos[0]]; !ok {
			return ExitUsage
		}
		return ExitContent
	}
	fmt.Fprintln(stdout, msg.CLICreated.F(fs.lang, rel))
	return ExitOK
}
