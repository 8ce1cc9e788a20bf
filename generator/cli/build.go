package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"gongkai/generator/content"
	"gongkai/generator/msg"
	"gongkai/generator/pipeline"
	"gongkai/generator/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[-s SITE_DIR] [-d OUT_DIR] [--now TIME] [--report FILE]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` (default SITE_DIR/public)")
	reportFile := fs.String("report", "", "write the build report as JSON to `FILE`")
	var now nowFlag
	fs.Var(&now, "now", "the build's clock, e.g. 2025-01-31T02:00:00+08:00 (default: the current time)")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	// A hidden hook for finding where a build's time goes: GONGKAI_CPUPROFILE=file writes a CPU profile for
	// `go tool pprof`. Unset, it does nothing.
	if p := os.Getenv("GONGKAI_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
		}
	}
	r, err := pipeline.Build(pipeline.Options{SiteDir: *site, OutDir: *out, Now: now.t})
	code := ExitOK
	var refused *publish.RefusedError
	switch {
	case errors.As(err, &refused):
		fmt.Fprintf(stderr, "Error: %s\nTry: gongkai build -h\n", refused.Message(pipeline.Lang(*site)))
		return ExitUsage
	case errors.Is(err, pipeline.ErrContent):
		code = ExitContent
	case err != nil:
		code = ExitInternal
	}
	if r == nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return code
	}
	r.Diags.Print(stderr)
	rep := r.FinishReport(code)
	if code == ExitInternal {
		msg := fmt.Sprintf("Error: %v", err)
		var busy *publish.BusyError
		if errors.As(err, &busy) && r.Config != nil {
			msg = lockMessage(r.Config.Lang, busy)
		}
		rep.Errors = append(rep.Errors, msg)
		fmt.Fprintln(stderr, msg)
		if r.Previous != "" {
			fmt.Fprintf(stderr, "nothing was published: %s still serves %s\n", *out, r.Previous)
		}
	}
	if code == ExitOK {
		lang := msg.Zh
		if r.Config != nil {
			lang = r.Config.Lang
		}
		var kinds []string
		labels := map[string]string{}
		for _, k := range content.Kinds {
			kinds = append(kinds, string(k))
			labels[string(k)] = k.Label(lang)
		}
		rep.Summary(stderr, kinds, labels)
	}
	if code != ExitInternal {
		fmt.Fprintln(stderr, summary(r, code == ExitOK, *site))
	}
	if *reportFile != "" {
		if werr := rep.WriteJSON(*reportFile); werr != nil {
			fmt.Fprintf(stderr, "Error: %v\n", werr)
			if code == ExitOK {
				return ExitInternal
			}
		}
	}
	return code
}
