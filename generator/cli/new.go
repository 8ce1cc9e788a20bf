package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gongkai/generator/msg"
	"gongkai/generator/newdoc"
	"gongkai/generator/siteconfig"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "<"+strings.Join(newdoc.KindNames, "|")+"> <name> [--title 标题] [--bundle] [-s SITE_DIR]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	title := fs.String("title", "", "the document's `title` (标题)")
	bundle := fs.Bool("bundle", false, "make a page bundle (a folder with index.md) for attachments")
	var now nowFlag
	fs.Var(&now, "now", "the creation time, e.g. 2025-01-31T09:00:00+08:00 (default: the current time)")
	// Editors write the flags after the name (gongkai new policy ldht-2025 --title …): collect the positional
	// arguments wherever they are.
	pos, code := parseAnywhere(fs, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "Error: want a kind (%s) and a file name, e.g. gongkai new policy ldht-2025 --title \"…\"\nTry: gongkai new -h\n",
			strings.Join(newdoc.KindNames, ", "))
		return ExitUsage
	}
	dir, err := filepath.Abs(*site)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	rel, diags, err := newdoc.Create(newdoc.Request{SiteDir: dir, Kind: pos[0], Name: pos[1], Title: *title, Bundle: *bundle, Now: now.t})
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	case diags.Errors() > 0:
		diags.Print(stderr)
		if _, ok := newdoc.Kinds[pos[0]]; !ok {
			return ExitUsage
		}
		return ExitContent
	}
	lang := msg.Zh
	if cfg, _, err := siteconfig.Load(dir); err == nil && cfg != nil {
		lang = cfg.Lang
	}
	fmt.Fprintln(stdout, msg.CLICreated.F(lang, rel))
	return ExitOK
}
