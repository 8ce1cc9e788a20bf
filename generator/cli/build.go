package cli

import (
	"errors"
	"fmt"
	"io"

	"gongkai/generator/pipeline"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[-s SITE_DIR] [-d OUT_DIR] [--now TIME]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` (default SITE_DIR/public)")
	var now nowFlag
	fs.Var(&now, "now", "the build's clock, e.g. 2025-01-31T02:00:00+08:00 (default: the current time)")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	r, err := pipeline.Build(pipeline.Options{SiteDir: *site, OutDir: *out, Now: now.t, Stderr: stderr})
	if r != nil {
		r.Diags.Print(stderr)
	}
	switch {
	case errors.Is(err, pipeline.ErrContent):
		fmt.Fprintln(stderr, summary(r, false))
		return ExitContent
	case err != nil:
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintln(stderr, summary(r, true))
	return ExitOK
}
