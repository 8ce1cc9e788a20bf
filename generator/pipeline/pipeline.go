// Package pipeline runs gongkai's stages in order: read the configuration, validate the content, render with
// Hugo, copy static files, post-process, verify, publish. It owns the order and the rule that nothing reaches the
// published path unless every stage before publication succeeded.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/health"
	"gongkai/generator/hugosite"
	"gongkai/generator/publish"
	"gongkai/generator/siteconfig"
)

// Options configure a build.
type Options struct {
	SiteDir string // the site's folder
	OutDir  string // the published path; defaults to SiteDir/public
	Now     time.Time
	Stderr  io.Writer
}

// Result is what a build or check found and did.
type Result struct {
	Diags     *diag.List
	Config    *siteconfig.Config
	Site      *content.Site
	Published string // the release folder, when published
	Stages    []Stage
}

// Stage is one timed step, for the build report.
type Stage struct {
	Name     string
	Duration time.Duration
}

// ErrContent means the site has errors an editor must fix; they are in Result.Diags.
var ErrContent = errors.New("content errors")

// Check reads the configuration and validates every document. It writes nothing.
func Check(siteDir string) (*Result, error) {
	dir, err := filepath.Abs(siteDir)
	if err != nil {
		return nil, err
	}
	r := &Result{Diags: &diag.List{}}
	cfg, d, err := siteconfig.Load(dir)
	if err != nil {
		return nil, err
	}
	r.Diags.Merge(d)
	if cfg == nil {
		return r, ErrContent
	}
	r.Config = cfg
	site, d, err := content.Load(dir, cfg)
	if err != nil {
		return nil, err
	}
	r.Diags.Merge(d)
	r.Site = site
	if r.Diags.Errors() > 0 {
		return r, ErrContent
	}
	return r, nil
}

// Build validates, renders into a staging folder, and publishes it only when everything succeeded.
func Build(opts Options) (*Result, error) {
	dir, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return nil, err
	}
	if opts.OutDir == "" {
		opts.OutDir = filepath.Join(dir, "public")
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	timer := time.Now()
	r, err := Check(dir)
	if err != nil {
		return r, err
	}
	for _, w := range health.Check(r.Config, r.Site, opts.Now) {
		r.Diags.Add(w)
	}
	r.stage("validate", &timer)

	target, err := publish.New(opts.OutDir)
	if err != nil {
		return r, err
	}
	if err := target.Lock(); err != nil {
		return r, err
	}
	defer target.Unlock()
	staging, err := target.Stage()
	if err != nil {
		return r, err
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(staging)
		}
	}()

	hs, err := hugosite.New(hugosite.Options{
		SiteDir:      dir,
		PublishDir:   staging,
		Files:        GeneratedPages(r.Config, r.Site, opts.Now, false),
		AllowRawHTML: r.Config.Params.AllowRawHTML,
		Now:          opts.Now,
	})
	if err != nil {
		return r, err
	}
	probs, berr := hs.Build()
	var plain map[string]string
	if berr == nil {
		plain = hs.PlainText()
	}
	hs.Close()
	addProblems(r.Diags, probs)
	if berr != nil {
		if r.Diags.Errors() == 0 {
			return r, fmt.Errorf("render: %w", berr)
		}
		return r, ErrContent
	}
	r.stage("render", &timer)

	if err := copyStatic(filepath.Join(dir, "static"), staging); err != nil {
		return r, fmt.Errorf("copy static files: %w", err)
	}
	r.stage("static", &timer)

	if err := writeSearch(r.Site, plain, opts.Now, staging); err != nil {
		return r, err
	}
	r.stage("search", &timer)

	if r.Diags.Errors() > 0 {
		return r, ErrContent
	}
	id := time.Now().UTC().Format("20060102T150405.000000000Z")
	rel, err := target.Commit(staging, id)
	if err != nil {
		return r, fmt.Errorf("publish: %w", err)
	}
	committed = true
	r.Published = rel
	r.stage("publish", &timer)
	return r, nil
}

func (r *Result) stage(name string, since *time.Time) {
	now := time.Now()
	r.Stages = append(r.Stages, Stage{name, now.Sub(*since)})
	*since = now
}

// addProblems turns what Hugo logged into diagnostics. Hugo's warnings are kept as warnings: a clean build of the
// sample site prints none.
func addProblems(l *diag.List, probs []hugosite.Problem) {
	for _, p := range probs {
		file := p.File
		if file == "" {
			file = "(hugo)"
		}
		d := diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Message: p.Message}
		if !p.Error {
			d.Severity = diag.Warning
		}
		l.Add(d)
	}
}

// Published reports whether d appears in a build at now: not a draft, not scheduled later, not expired.
func Published(d *content.Document, now time.Time) bool {
	if d.Draft {
		return false
	}
	if d.Date.After(now) || (!d.PublishDate.IsZero() && d.PublishDate.After(now)) {
		return false
	}
	if !d.ExpiryDate.IsZero() && !d.ExpiryDate.After(now) {
		return false
	}
	return true
}

// copyStatic copies static/ into the output, as Hugo's command line does but its library does not.
func copyStatic(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == src {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}
