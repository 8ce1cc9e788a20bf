// Package cli is gongkai's command line: one function from arguments and writers to an exit code, so that every
// command can be tested in-process, with one file per subcommand.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"gongkai/generator/msg"

	// Time-zone data in the binary: a machine without /usr/share/zoneinfo (a minimal container) would otherwise
	// fail to read the site's timeZone.
	_ "time/tzdata"
)

// Exit codes, shared by every command and relied on by nightly jobs.
const (
	ExitOK       = 0 // done (published, or clean)
	ExitContent  = 1 // content or verification errors: nothing was published
	ExitUsage    = 2 // the command line is wrong
	ExitInternal = 3 // gongkai or the machine failed
)

// Version is set at link time by the Makefile (-X gongkai/generator/cli.Version=...).
var Version = "dev"

type command struct {
	name    string
	summary msg.Text
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", msg.CLICmdBuild, runBuild},
		{"check", msg.CLICmdCheck, runCheck},
		{"init", msg.CLICmdInit, runInit},
		{"new", msg.CLICmdNew, runNew},
		{"serve", msg.CLICmdServe, runServe},
		{"rollback", msg.CLICmdRollback, runRollback},
		{"version", msg.CLICmdVersion, runVersion},
	}
}

// Run runs the command line args (without the program name) and returns the exit code. It speaks the language
// --lang names (anywhere on the line, before the command too), or else the site's.
func Run(args []string, stdout, stderr io.Writer) int {
	lang, err := cliLang(args)
	if err != nil {
		fmt.Fprintln(stderr, msg.CLIError.F(lang, err.Error()))
		fmt.Fprintln(stderr, msg.CLITry.F(lang, ""))
		return ExitUsage
	}
	// --lang before the command is the command's.
	var pre []string
	for len(args) > 0 {
		if n := langArg(args); n > 0 {
			pre, args = append(pre, args[:n]...), args[n:]
			continue
		}
		break
	}
	if len(args) == 0 {
		usage(stderr, lang)
		return ExitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" || name == "help" {
		usage(stdout, lang)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(append(pre, args[1:]...), stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, msg.CLIError.F(lang, msg.CLIUnknownCommand.F(lang, name)))
	fmt.Fprintln(stderr, msg.CLITry.F(lang, ""))
	return ExitUsage
}

func usage(w io.Writer, lang msg.Lang) {
	fmt.Fprintln(w, msg.CLIIntro.In(lang))
	fmt.Fprintln(w)
	fmt.Fprintln(w, msg.CLIUsage.F(lang, msg.CLICommandArg.In(lang)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, msg.CLICommands.In(lang))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary.In(lang))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, msg.CLIMoreHelp.In(lang))
}

// langArg is the number of arguments at the start of args that give --lang (2 for "--lang en", 1 for
// "--lang=en"), or 0.
func langArg(args []string) int {
	switch a := strings.TrimPrefix(args[0], "-"); {
	case a == "-lang" || a == "lang":
		if len(args) > 1 {
			return 2
		}
		return 1
	case strings.HasPrefix(a, "-lang=") || strings.HasPrefix(a, "lang="):
		return 1
	}
	return 0
}

// flagValue is the value of the flag name in args (-name v, --name v, -name=v), as package flag reads it, or "".
func flagValue(args []string, name string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if a == name && i+1 < len(args) && len(args[i]) > len(a) {
			return args[i+1], true
		}
		if v, ok := strings.CutPrefix(a, name+"="); ok && len(args[i]) > len(a) {
			return v, true
		}
	}
	return "", false
}

// cliLang is the language of the command line args: --lang when given, else the language of the site the command
// works on (-s, or --from for init; the current folder by default). An unknown --lang is an error, said in
// Chinese.
func cliLang(args []string) (msg.Lang, error) {
	if v, ok := flagValue(args, "lang"); ok {
		switch strings.ToLower(v) {
		case "zh", "zh-cn", "zh-hans":
			return msg.Zh, nil
		case "en", "en-us", "en-gb":
			return msg.En, nil
		}
		return msg.Zh, errors.New(msg.CLIBadFlagValue.F(msg.Zh, v, "--lang", msg.CLIBadLang.In(msg.Zh)))
	}
	dir := "."
	if v, ok := flagValue(args, "s"); ok {
		dir = v
	} else if v, ok := flagValue(args, "from"); ok {
		dir = v
	}
	return siteLang(dir), nil
}

// flags is a command's flag set in the language of the command line: flag.FlagSet prints nothing itself (it
// printed the help twice, and its errors in English); parse says what went wrong and prints the help once.
type flags struct {
	*flag.FlagSet
	lang msg.Lang
	args msg.Text // the usage line after "gongkai "
}

// newFlags makes a command's flag set for args; every command takes --lang.
func newFlags(name string, usageLine msg.Text, args []string) *flags {
	lang, _ := cliLang(args)
	fs := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), lang: lang, args: usageLine}
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if name != "init" { // init's --lang is the new site's language, declared by init
		fs.String("lang", "", msg.CLIFlagLang.In(lang))
	}
	return fs
}

// text is a sentence in the command line's language.
func (fs *flags) text(t msg.Text, args ...any) string { return t.F(fs.lang, args...) }

// help prints the usage line and the flags, with their defaults, in the command line's language.
func (fs *flags) help(w io.Writer, usageArgs ...any) {
	fmt.Fprintln(w, msg.CLIUsage.F(fs.lang, fs.args.F(fs.lang, usageArgs...)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, msg.CLIFlags.In(fs.lang))
	fs.VisitAll(func(f *flag.Flag) {
		name, text := flag.UnquoteUsage(f)
		text = strings.TrimPrefix(text, name+" ") // the catalogue's descriptions start with the argument's name
		dash := "-"
		if len(f.Name) > 1 {
			dash = "--"
		}
		line := "  " + dash + f.Name
		if name != "" {
			line += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" {
			text += msg.CLIDefault.F(fs.lang, fmt.Sprintf("%q", f.DefValue))
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, text)
	})
}

// fail says a usage error and how to get help.
func (fs *flags) fail(stderr io.Writer, why string) int {
	fmt.Fprintln(stderr, msg.CLIError.F(fs.lang, why))
	fmt.Fprintln(stderr, msg.CLITry.F(fs.lang, " "+fs.Name()))
	return ExitUsage
}

// flagErr matches package flag's errors, to say them in the command line's language.
var flagErr = regexp.MustCompile(`^(?:flag provided but not defined: (\S+)|flag needs an argument: (\S+)|invalid (?:boolean )?value "(.*)" for (?:flag )?(\S+): (.*))$`)

// parseError says err, an error of fs.Parse, in the command line's language.
func (fs *flags) parseError(err error) string {
	m := flagErr.FindStringSubmatch(err.Error())
	dash := func(f string) string {
		if n := strings.TrimLeft(f, "-"); len(n) > 1 {
			return "--" + n
		}
		return f
	}
	switch {
	case m == nil:
		return err.Error()
	case m[1] != "":
		return fs.text(msg.CLIUnknownFlag, dash(m[1]))
	case m[2] != "":
		return fs.text(msg.CLIFlagNeedsValue, dash(m[2]))
	}
	why := m[5]
	switch {
	case strings.HasSuffix(why, errBadNow.Error()):
		why = fs.text(msg.CLIBadNow)
	case strings.HasSuffix(m[4], "lang") || strings.Contains(why, errBadLang.Error()):
		why = fs.text(msg.CLIBadLang)
	case strings.Contains(why, "parse error") || strings.Contains(why, "invalid syntax"):
		why = fs.text(msg.CLINotBool)
	}
	return fs.text(msg.CLIBadFlagValue, m[3], dash(m[4]), why)
}

// parse parses args; it returns -1 to go on, or the exit code to return.
func parse(fs *flags, args []string, stdout, stderr io.Writer) int {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.help(stdout)
		return ExitOK
	}
	if err != nil {
		return fs.fail(stderr, fs.parseError(err))
	}
	if err := fs.checkLang(); err != "" {
		return fs.fail(stderr, err)
	}
	if fs.NArg() > 0 {
		return fs.fail(stderr, fs.text(msg.CLIUnexpectedArg, fs.Arg(0)))
	}
	return -1
}

// checkLang says why --lang is not a language gongkai speaks, or "".
func (fs *flags) checkLang() string {
	if f := fs.Lookup("lang"); f != nil && f.Value.String() != "" {
		if _, err := cliLang([]string{"--lang", f.Value.String()}); err != nil {
			return fs.text(msg.CLIBadFlagValue, f.Value.String(), "--lang", fs.text(msg.CLIBadLang))
		}
	}
	return ""
}

// parseAnywhere parses args whose positional arguments may stand before, between or after the flags, as editors
// write them (gongkai new policy ldht-2025 --title …). It returns the positional arguments, and -1 to go on or the
// exit code to return.
func parseAnywhere(fs *flags, args []string, stdout, stderr io.Writer, usageArgs ...any) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			fs.help(stdout, usageArgs...)
			return nil, ExitOK
		} else if err != nil {
			return nil, fs.fail(stderr, fs.parseError(err))
		}
		if fs.NArg() == 0 {
			if err := fs.checkLang(); err != "" {
				return nil, fs.fail(stderr, err)
			}
			return pos, -1
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// errBadNow and errBadLang are the errors of flag values, said by parseError in the command line's language.
var (
	errBadNow  = errors.New("not a time")
	errBadLang = errors.New("not a language")
)

// nowFlag is --now: the build's clock, for reproducible builds and tests of scheduled documents.
type nowFlag struct{ t time.Time }

func (n *nowFlag) String() string {
	if n.t.IsZero() {
		return ""
	}
	return n.t.Format(time.RFC3339)
}

func (n *nowFlag) Set(s string) error {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			n.t = t
			return nil
		}
	}
	return errBadNow
}
