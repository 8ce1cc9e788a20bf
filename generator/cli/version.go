package cli

import (
	"fmt"
	"io"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stderr)
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	fmt.Fprintf(stdout, "gongkai %s (Hugo v0.165.0 inside)\n", Version)
	return ExitOK
}
