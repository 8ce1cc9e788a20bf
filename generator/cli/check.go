package cli

import (
	"errors"
	"fmt"
	"io"

	"gongkai/generator/content"
	"gongkai/generator/pipeline"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-s SITE_DIR] [-d OUT_DIR]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` whose live release published dates are checked against (default SITE_DIR/public)")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	r, err := pipeline.CheckLive(*site, *out)
	if r != nil {
		r.Diags.Print(stderr)
		printDrafts(r, stderr)
	}
	switch {
	case errors.Is(err, pipeline.ErrContent):
		fmt.Fprintln(stderr, summary(r, false))
		return ExitContent
	case err != nil:
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintln(stderr, summary(r, false))
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

// summary is the last line of check and build, in the site's language.
func summary(r *pipeline.Result, built bool) string {
	lang := "zh"
	if r.Config != nil {
		lang = r.Config.Lang
	}
	docs := 0
	if r.Site != nil {
		docs = len(r.Site.Documents)
	}
	e, w := r.Diags.Errors(), r.Diags.Warnings()
	if lang == "en" {
		if e > 0 {
			return fmt.Sprintf("%d error(s), %d warning(s): nothing was written", e, w)
		}
		if built {
			return fmt.Sprintf("published %d documents to %s (%d warning(s))", docs, r.Published, w)
		}
		return fmt.Sprintf("%d documents checked: no errors, %d warning(s)", docs, w)
	}
	if e > 0 {
		return fmt.Sprintf("发现 %d 个错误、%d 个警告:未写入任何文件", e, w)
	}
	if built {
		return fmt.Sprintf("已发布 %d 篇文档到 %s(%d 个警告)", docs, r.Published, w)
	}
	return fmt.Sprintf("已检查 %d 篇文档:没有错误,%d 个警告", docs, w)
}
