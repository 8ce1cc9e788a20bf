package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"gongkai/generator/pipeline"
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
	// Rollback goes back to a release gongkai published: a path that is not gongkai's is refused, and a path
	// never published is reported without creating anything there.
	if err := t.Vet(*site); err != nil {
		var re *publish.RefusedError
		if errors.As(err, &re) {
			fmt.Fprintf(stderr, "Error: %s\nTry: gongkai rollback -h\n", re.Message(pipeline.Lang(*site)))
			return ExitUsage
		}
	}
	if !t.Exists() {
		fmt.Fprintf(stderr, "Error: nothing was published at %s: no earlier release to roll back to\n", t.Path)
		return ExitContent
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
