// Command plainhugo renders a site the way `hugo --minify` would, through the same hugosite package gongkai uses:
// Hugo renders and minifies, static/ is copied, nothing else. It exists as the benchmark's baseline (the hugo
// binary is not part of gongkai); see the Performance section of the README.
//
//	plainhugo -s SITE -d OUT [-now 2025-06-01T02:00:00+08:00]
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"gongkai/generator/hugosite"
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
		if p.Error {
			fmt.Fprintln(os.Stderr, p.File, p.Message)
		}
	}
	if err != nil {
		return err
	}
	// Hugo's command line copies static/ after rendering; its library does not.
	src := filepath.Join(site, "static")
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == src {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(out, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
