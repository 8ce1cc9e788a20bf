package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gongkai/generator/msg"
	"gongkai/generator/publish"
)

func runRollback(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rollback", msg.CLIArgsRollback, args)
	site := fs.String("s", ".", fs.text(msg.CLIFlagSite))
	out := fs.String("d", "", fs.text(msg.CLIFlagOut))
	forward := fs.Bool("forward", false, fs.text(msg.CLIFlagForward))
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	lang := fs.lang
	path := *out
	if path == "" {
		path = filepath.Join(*site, "public")
	}
	t, err := publish.New(path)
	if err != nil {
		fmt.Fprintln(stderr, msg.CLIError.F(lang, err.Error()))
		return ExitInternal
	}
	// Rollback goes back to a release gongkai published: a path that is not gongkai's is refused, and a path
	// never published is reported without creating anything there (Lock would make the releases folder).
	if err := t.Vet(*site); err != nil {
		var re *publish.RefusedError
		if errors.As(err, &re) {
			return fs.fail(stderr, re.Message(lang))
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
		fmt.Fprintln(stderr, msg.CLIError.F(lang, err.Error()))
		return ExitInternal
	}
	fmt.Fprintln(stdout, msg.CLINowServes.F(lang, path, filepath.Base(to)))
	if t.Next() != "" {
		fmt.Fprintln(stdout, msg.CLICanForward.In(lang))
	}
	return ExitOK
}
