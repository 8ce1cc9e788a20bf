package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"gongkai/generator/preview"
)

// serveContext ends gongkai serve; Ctrl+C or a TERM signal by default. Tests replace it to stop a server they
// started in-process.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[-s SITE_DIR] [--addr HOST:PORT]", stderr)
	site := fs.String("s", ".", "the site's `folder`")
	addr := fs.String("addr", preview.DefaultAddr, "listen on this `address`; only this machine can see the preview by default")
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	ctx, stop := serveContext()
	defer stop()
	if err := preview.Serve(ctx, preview.Options{SiteDir: *site, Addr: *addr, Stdout: stdout, Stderr: stderr}); err != nil {
		fmt.Fprintf(stderr, "Error: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
