package cli

import (
	"errors"
	"fmt"
	"io"

	"gongkai/generator/content"
	"gongkai/generator/msg"
	"gongkai/generator/pipeline"
	"gongkai/generator/siteconfig"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-s SITE_DIR] [-d OUT_DIR] [--now TIME]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` whose live release published dates are checked against (default SITE_DIR/public)")
	var now nowFlag
	fs.Var(&now, "now", "the time to check at, as build's --now, e.g. 2025-01-31T09:00:00+08:00 (default: the current time)")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	r, err := pipeline.CheckLive(*site, *out, now.t)
	if r != nil {
		r.Diags.Print(stderr)
		printDrafts(r, stderr)
	}
	switch {
	case errors.Is(err, pipeline.ErrContent):
		fmt.Fprintln(stderr, summary(r, false, *site))
		return ExitContent
	case err != nil:
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintln(stderr, summary(r, false, *site))
	return ExitOK
}

// printDrafts lists the drafts: written, checked, and not published.
func printDrafts(r *pipeline.Result, w io.Writer) {
	if r.Site == nil || r.Config == nil {
		return
	}
	for _, d := range r.Site.Documents {
		if d.Draft {
			fmt.Fprintf(w, "%s: %s\n", d.File, content.DraftNote(r.Config.Lang))
		}
	}
}

// summary is the last line of check and build, in the site's language (the one its configuration declares when
// it does not parse).
func summary(r *pipeline.Result, built bool, dir string) string {
	lang := siteconfig.GuessLang(dir)
	if r.Config != nil {
		lang = r.Config.Lang
	}
	docs := 0
	if r.Site != nil {
		docs = len(r.Site.Documents)
	}
	e, w := r.Diags.Errors(), r.Diags.Warnings()
	switch {
	case e > 0:
		return msg.CLIFailed.F(lang, e, w)
	case built:
		return msg.CLIPublished.F(lang, docs, r.Published, w)
	}
	return msg.CLIChecked.F(lang, docs, w)
}
