package cli

import (
	"errors"
	"fmt"
	"io"

	"gongkai/generator/content"
	"gongkai/generator/msg"
	"gongkai/generator/pipeline"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", msg.CLIArgsCheck, args)
	site := fs.String("s", ".", fs.text(msg.CLIFlagSite))
	out := fs.String("d", "", fs.text(msg.CLIFlagCheckOut))
	var now nowFlag
	fs.Var(&now, "now", fs.text(msg.CLIFlagCheckNow))
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
		fmt.Fprintln(stderr, summary(r, false, fs.lang))
		return ExitContent
	case err != nil:
		fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, err.Error()))
		return ExitInternal
	}
	fmt.Fprintln(stderr, summary(r, false, fs.lang))
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

// summary is the last line of check and build, in the command line's language.
func summary(r *pipeline.Result, built bool, lang msg.Lang) string {
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
