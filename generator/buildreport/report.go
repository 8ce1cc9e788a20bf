// Package buildreport says what a build did, for the people who read the nightly job's mail and for machines: a short
// human summary on stderr and, with --report FILE, the same as JSON with every warning, error and external link
// and the files added, removed and changed against the previous release.
package buildreport

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongkai/generator/manifest"
	"gongkai/generator/msg"
)

// Report is the JSON report.
type Report struct {
	Status    string         `json:"status"` // published, failed
	ExitCode  int            `json:"exit_code"`
	Now       string         `json:"now"`
	Release   string         `json:"release,omitempty"`
	Previous  string         `json:"previous,omitempty"`
	Documents map[string]int `json:"documents"` // per kind
	Pages     int            `json:"pages"`     // HTML files
	Files     int            `json:"files"`     // every published file, compressed forms included
	Bytes     Bytes          `json:"bytes"`
	Stages    []Stage        `json:"stages"`
	Warnings  []string       `json:"warnings"`
	Errors    []string       `json:"errors"`
	External  []External     `json:"external_links"`
	Changes   Changes        `json:"changes"`
	Render    *Render        `json:"render,omitempty"` // what Hugo rendered: everything, or what the change affects
}

// Bytes are the output's sizes at each step.
type Bytes struct {
	Rendered     int64 `json:"rendered"`     // minifiable files before minifying
	Minified     int64 `json:"minified"`     // the same files after
	Output       int64 `json:"output"`       // every original file (not .gz/.br)
	Compressible int64 `json:"compressible"` // text files considered for precompression
	Gzip         int64 `json:"gzip"`
	Brotli       int64 `json:"brotli"`
}

// Stage is one timed step. Seconds is wall time; for the stages that run fused in one parallel pass over the files
// (minify, compress, verify, hash) it is their share of that pass, by the CPU time each took.
type Stage struct {
	Name      string  `json:"name"`
	Seconds   float64 `json:"seconds"`
	PeakRSSMB float64 `json:"peak_rss_mb"` // the process's peak resident memory during the stage
}

// External is a link out of the site.
type External struct {
	URL       string `json:"url"`
	FirstPage string `json:"first_page"`
}

// Changes are the differences in published files against the previous release.
type Changes struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Changed []string `json:"changed"`
}

// Diff compares two manifests. Compressed forms (.gz, .br) follow their originals and are left out.
func Diff(prev, cur []manifest.Entry) Changes {
	c := Changes{Added: []string{}, Removed: []string{}, Changed: []string{}}
	old := map[string]string{}
	for _, e := range prev {
		if !compressed(e.Path) {
			old[e.Path] = e.SHA256
		}
	}
	for _, e := range cur {
		if compressed(e.Path) {
			continue
		}
		h, ok := old[e.Path]
		switch {
		case !ok:
			c.Added = append(c.Added, e.Path)
		case h != e.SHA256:
			c.Changed = append(c.Changed, e.Path)
		}
		delete(old, e.Path)
	}
	for p := range old {
		c.Removed = append(c.Removed, p)
	}
	sort.Strings(c.Added)
	sort.Strings(c.Removed)
	sort.Strings(c.Changed)
	return c
}

func compressed(p string) bool { return strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") }

// WriteJSON writes the report to file atomically: a job that reads it never sees half a report.
func (r *Report) WriteJSON(file string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Summary writes the human summary, in lang.
func (r *Report) Summary(w io.Writer, lang msg.Lang, kinds []string, labels map[string]string) {
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d", labels[k], r.Documents[k]))
	}
	sep := ", "
	if lang == msg.Zh {
		sep = ","
	}
	fmt.Fprintln(w, msg.ReportDocuments.F(lang, strings.Join(parts, sep)))
	fmt.Fprintln(w, msg.ReportPages.F(lang, r.Pages, r.Files, mb(r.Bytes.Output)))
	if r.Bytes.Rendered > 0 {
		fmt.Fprintln(w, msg.ReportMinified.F(lang, mb(r.Bytes.Rendered), mb(r.Bytes.Minified),
			100*float64(r.Bytes.Minified)/float64(r.Bytes.Rendered)))
	}
	if r.Bytes.Compressible > 0 {
		fmt.Fprintln(w, msg.ReportCompressed.F(lang, mb(r.Bytes.Compressible), mb(r.Bytes.Gzip), mb(r.Bytes.Brotli)))
	}
	var st []string
	total := 0.0
	for _, s := range r.Stages {
		st = append(st, fmt.Sprintf("%s %.2fs/%.0fMB", s.Name, s.Seconds, s.PeakRSSMB))
		total += s.Seconds
	}
	fmt.Fprintln(w, msg.ReportTime.F(lang, total, strings.Join(st, ", ")))
	if r.Previous != "" {
		fmt.Fprintln(w, msg.ReportChanges.F(lang, len(r.Changes.Added), len(r.Changes.Removed), len(r.Changes.Changed)))
	}
	if len(r.External) > 0 {
		fmt.Fprintln(w, msg.ReportExternal.F(lang, len(r.External)))
	}
	if r.Release != "" {
		fmt.Fprintln(w, msg.ReportRelease.F(lang, filepath.Base(r.Release)))
	}
}

func mb(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Render says what Hugo rendered. A cold build (no live release) and a full build render every page; a partial
// build (a nightly build whose change the live release's record shows to affect some pages only) renders those and
// takes the others from the live release.
type Render struct {
	Mode    string `json:"mode"`              // cold, full or partial
	Reason  string `json:"reason,omitempty"`  // why a full build, when a live release was there
	Pages   int    `json:"pages"`             // pages Hugo rendered (a list's pager pages count as one)
	Carried int    `json:"carried,omitempty"` // files taken from the live release without rendering their page
	// PagersTaken are the pager pages of rendered lists that showed what they showed in the live release: taken
	// from it, not rendered (among Carried).
	PagersTaken int `json:"pagers_taken,omitempty"`
	// The files taken from the live release, each checked against its manifest: by the stamp the file system
	// recorded of it after its publication (inode, size and times; see generator/reuse), or by reading and hashing
	// it (a file whose stamp changed or is unknown).
	CheckedByStamp   int `json:"checked_by_stamp,omitempty"`
	CheckedByReading int `json:"checked_by_reading,omitempty"`
}
