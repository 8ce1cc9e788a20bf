package cli

import (
	"fmt"
	"io"

	"gongkai/generator/msg"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", msg.CLIArgsVersion, args)
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	fmt.Fprintf(stdout, "gongkai %s (Hugo v0.165.0 inside)\n", Version)
	return ExitOK
}
