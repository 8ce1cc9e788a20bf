package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"gongkai/generator/msg"
	"gongkai/generator/preview"
)

// serveContext ends gongkai serve; Ctrl+C or a TERM signal by default. Tests replace it to stop a server they
// started in-process.
var serveContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", msg.CLIArgsServe, args)
	site := fs.String("s", ".", fs.text(msg.CLIFlagSite))
	addr := fs.String("addr", preview.DefaultAddr, fs.text(msg.CLIFlagAddr))
	if code := parse(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	var lang msg.Lang // the site's, unless --lang says otherwise
	if _, ok := flagValue(args, "lang"); ok {
		lang = fs.lang
	}
	ctx, stop := serveContext()
	defer stop()
	if err := preview.Serve(ctx, preview.Options{SiteDir: *site, Addr: *addr, Stdout: stdout, Stderr: stderr, Lang: lang}); err != nil {
		if addrInUse(err) {
			fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, msg.CLIPortBusy.F(fs.lang, *addr, nextPort(*addr))))
			return ExitInternal
		}
		fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, err.Error()))
		return ExitInternal
	}
	return ExitOK
}

// addrInUse says whether err is a listen on an address another program holds: EADDRINUSE, or WSAEADDRINUSE
// (10048) on Windows, where syscall.EADDRINUSE is not the error the system returns.
func addrInUse(err error) bool {
	var errno syscall.Errno
	return errors.Is(err, syscall.EADDRINUSE) || (errors.As(err, &errno) && errno == 10048)
}

// nextPort is addr with the next port, for the message that proposes one.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "127.0.0.1:1314"
	}
	n, err := strconv.Atoi(port)
	if err != nil || n <= 0 || n >= 65535 {
		return net.JoinHostPort(host, "1314")
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}
