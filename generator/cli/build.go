package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"gongkai/generator/content"
	"gongkai/generator/msg"
	"gongkai/generator/pipeline"
	"gongkai/generator/publish"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", msg.CLIArgsBuild, args)
	site := fs.String("s", ".", fs.text(msg.CLIFlagSite))
	out := fs.String("d", "", fs.text(msg.CLIFlagOut))
	reportFile := fs.String("report", "", fs.text(msg.CLIFlagReport))
	var now nowFlag
	fs.Var(&now, "now", fs.text(msg.CLIFlagNow))
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	lang := fs.lang
	// A hidden hook for finding where a build's time goes: GONGKAI_CPUPROFILE=file writes a CPU profile for
	// `go tool pprof`. Unset, it does nothing.
	if p := os.Getenv("GONGKAI_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
		}
	}
	prog := startProgress(stderr, lang)
	r, err := pipeline.Build(pipeline.Options{SiteDir: *site, OutDir: *out, Now: now.t, Progress: prog.stage})
	prog.stop()
	code := ExitOK
	var refused *publish.RefusedError
	switch {
	case errors.As(err, &refused):
		return fs.fail(stderr, refused.Message(lang))
	case errors.Is(err, pipeline.ErrContent):
		code = ExitContent
	case err != nil:
		code = ExitInternal
	}
	if r == nil {
		fmt.Fprintln(stderr, msg.CLIError.F(lang, err.Error()))
		return code
	}
	r.Diags.Print(stderr)
	rep := r.FinishReport(code)
	if code == ExitInternal {
		line := msg.CLIError.F(lang, err.Error())
		var busy *publish.BusyError
		if errors.As(err, &busy) {
			line = lockMessage(lang, busy)
		}
		rep.Errors = append(rep.Errors, line)
		fmt.Fprintln(stderr, line)
		if r.Previous != "" {
			path := *out
			if path == "" {
				path = filepath.Join(*site, "public")
			}
			fmt.Fprintln(stderr, msg.CLIStillServes.F(lang, path, filepath.Base(r.Previous)))
		}
	}
	if code == ExitOK {
		var kinds []string
		labels := map[string]string{}
		for _, k := range content.Kinds {
			kinds = append(kinds, string(k))
			labels[string(k)] = k.Label(lang)
		}
		rep.Summary(stderr, lang, kinds, labels)
	}
	if code != ExitInternal {
		fmt.Fprintln(stderr, summary(r, code == ExitOK, lang))
	}
	if *reportFile != "" {
		if werr := rep.WriteJSON(*reportFile); werr != nil {
			fmt.Fprintln(stderr, msg.CLIError.F(lang, werr.Error()))
			if code == ExitOK {
				return ExitInternal
			}
		}
	}
	return code
}
