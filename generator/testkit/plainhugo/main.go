// Command plainhugo renders a site the way `hugo --minify` would, through the same hugosite package gongkai uses:
// Hugo renders and minifies, static/ is copied, nothing else. It exists as the benchmark's baseline (the hugo
// binary is not part of gongkai); see docs/performance.md.
//
//	plainhugo -s SITE -d OUT [-now 2025-06-01T02:00:00+08:00]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"gongkai/generator/diag"
	"gongkai/generator/hugosite"
	"gongkai/generator/treecopy"
)

func main() {
	site := flag.String("s", ".", "site folder")
	out := flag.String("d", "", "output folder")
	now := flag.String("now", "", "build clock, RFC 3339")
	flag.Parse()
	// The same hidden hook as gongkai build's, so that the two profiles can be compared.
	if p := os.Getenv("GONGKAI_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	if err := run(*site, *out, *now); err != nil {
		fmt.Fprintln(os.Stderr, "plainhugo:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(site, out, now string) error {
	site, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	var clock time.Time
	if now != "" {
		if clock, err = time.Parse(time.RFC3339, now); err != nil {
			return err
		}
	}
	hs, err := hugosite.New(hugosite.Options{SiteDir: site, PublishDir: out, Minify: true, Now: clock})
	if err != nil {
		return err
	}
	probs, err := hs.Build()
	hs.Close()
	for _, p := range probs {
		if p.Severity == diag.Error {
			fmt.Fprintln(os.Stderr, p.String())
		}
	}
	if err != nil {
		return err
	}
	// Hugo's command line copies static/ after rendering; its library does not.
	_, err = treecopy.Copy(filepath.Join(site, "static"), out, nil)
	return err
}
