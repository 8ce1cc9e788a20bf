package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"gongkai/generator/publish"
)

func runRollback(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("rollback", "[-s SITE_DIR] [-d OUT_DIR]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	out := fs.String("d", "", "the published `path` (default SITE_DIR/public)")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	path := *out
	if path == "" {
		path = filepath.Join(*site, "public")
	}
	t, err := publish.New(path)
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	if err := t.Lock(); err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	defer t.Unlock()
	prev, err := t.Rollback()
	if err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitContent
	}
	fmt.Fprintf(stdout, "%s now serves %s\n", t.Path, prev)
	return ExitOK
}
