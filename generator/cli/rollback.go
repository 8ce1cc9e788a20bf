package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gongkai/generator/msg"
	"gongkai/generator/pipeline"
	"gongkai/generator/publish"
)

func runRollback(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rollback", "[-s SITE_DIR] [-d OUT_DIR] [--forward]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` (default SITE_DIR/public)")
	forward := fs.Bool("forward", false, "undo a rollback: publish the release published after the live one")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	lang := siteLang(*site)
	path := *out
	if path == "" {
		path = filepath.Join(*site, "public")
	}
	t, err := publish.New(path)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	// Rollback goes back to a release gongkai published: a path that is not gongkai's is refused, and a path
	// never published is reported without creating anything there (Lock would make the releases folder).
	if err := t.Vet(*site); err != nil {
		var re *publish.RefusedError
		if errors.As(err, &re) {
			fmt.Fprintf(stderr, "Error: %s\nTry: gongkai rollback -h\n", re.Message(pipeline.Lang(*site)))
			return ExitUsage
		}
	}
	if fi, err := os.Stat(t.Releases); !t.Exists() || err != nil || !fi.IsDir() || t.Current() == "" {
		fmt.Fprintln(stderr, msg.CLINothingPublished.F(lang, path))
		return ExitContent
	}
	if err := t.Lock(); err != nil {
		fmt.Fprintln(stderr, lockMessage(lang, err))
		return ExitInternal
	}
	defer t.Unlock()
	move, key := t.Rollback, msg.CLINoEarlier
	if *forward {
		move, key = t.Forward, msg.CLINoLater
	}
	to, err := move()
	if errors.Is(err, publish.ErrNoRelease) {
		fmt.Fprintln(stderr, key.F(lang, filepath.Base(t.Current())))
		return ExitContent
	}
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintln(stdout, msg.CLINowServes.F(lang, path, filepath.Base(to)))
	if t.Next() != "" {
		fmt.Fprintln(stdout, msg.CLICanForward.In(lang))
	}
	return ExitOK
}
