package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"gongkai/generator/buildreport"
	"gongkai/generator/catalog"
	"gongkai/generator/content"
	"gongkai/generator/hugosite"
	"gongkai/generator/linkcheck"
	"gongkai/generator/manifest"
	"gongkai/generator/memwatch"
	"gongkai/generator/msg"
	"gongkai/generator/precompress"
	"gongkai/generator/reuse"
	"gongkai/generator/stagehook"
)

// docSections are the sections whose documents' plain text the catalogue and the search index need: the kinds.
var docSections = content.KindNames()

// pageInfo is one page as Hugo rendered it.
type pageInfo struct {
	URL     string
	Path    string // Hugo's path, "/policies/x"
	File    string // relative to the site, e.g. content/policies/x.md; "" for pages without a file
	Kind    string
	Lastmod string // RFC 3339, "" for none
	Text    string
}

// renderedPages asks Hugo, after the build, for every page it rendered: addresses and plain text are then exactly
// what Hugo published.
func renderedPages(hs *hugosite.Site, plan *renderPlan) ([]pageInfo, []hugosite.Page) {
	sections := map[string]bool{}
	for _, s := range docSections {
		sections[s] = true
	}
	hp := hs.PagesText(func(section, path string) bool {
		return sections[section] && (!plan.partial() || plan.text[path])
	})
	pages := make([]pageInfo, len(hp))
	for i, p := range hp {
		pages[i] = pageInfo{URL: p.URL, Path: p.Path, Kind: p.Kind, Text: p.Text}
		if p.File != "" {
			pages[i].File = "content/" + filepath.ToSlash(p.File)
		}
		if !p.Lastmod.IsZero() {
			pages[i].Lastmod = p.Lastmod.Format("2006-01-02T15:04:05Z07:00")
		}
	}
	for i := range hp {
		hp[i].Text = ""
	}
	return pages, hp
}

// publishedDocs pairs every document Hugo rendered with its content model, in the order of site.Documents.
func publishedDocs(site *content.Site, pages []pageInfo, now time.Time) []Doc {
	byFile := map[string]*pageInfo{}
	for i := range pages {
		if pages[i].File != "" && pages[i].Kind == "page" {
			byFile[pages[i].File] = &pages[i]
		}
	}
	var out []Doc
	for _, d := range site.Documents {
		p := byFile[d.File]
		if p == nil || d.Withdrawn != nil {
			continue
		}
		lm, err := time.Parse(time.RFC3339, p.Lastmod)
		if err != nil || lm.IsZero() {
			lm = d.Date
		}
		out = append(out, Doc{Document: d, Path: p.URL, Lastmod: lm, Text: p.Text})
	}
	return out
}

// withdrawnDocs are the withdrawn documents (撤销公开) for the catalogue: those in the sources at the address Hugo
// rendered their notice at, and those whose file is gone (gone) as the live release recorded them.
func withdrawnDocs(site *content.Site, pages []pageInfo, gone []catalog.Input) []catalog.Input {
	byFile := map[string]*pageInfo{}
	for i := range pages {
		if pages[i].File != "" && pages[i].Kind == "page" {
			byFile[pages[i].File] = &pages[i]
		}
	}
	var out []catalog.Input
	for _, d := range site.Documents {
		if d.Withdrawn == nil {
			continue
		}
		in := catalog.Input{Doc: d, Path: d.URL, Lastmod: d.Date}
		if p := byFile[d.File]; p != nil {
			in.Path = p.URL
			if lm, err := time.Parse(time.RFC3339, p.Lastmod); err == nil && !lm.IsZero() {
				in.Lastmod = lm
			}
		}
		out = append(out, in)
	}
	return append(out, gone...)
}

// GoneDir holds a marker for each withdrawn document whose text was removed: a folder at its address
// (.withdrawn/policies/ldht-2023/), which the nginx example (docs/nginx.conf) tests to answer 410 Gone there, with
// the notice page as the body. The markers are in the release, so they switch, and roll back, with it.
const GoneDir = ".withdrawn"

func writeGone(withdrawn []catalog.Input, outDir string) error {
	for _, in := range withdrawn {
		w := in.Doc.Withdrawn
		if w.Body != "removed" {
			continue
		}
		rel, err := url.PathUnescape(strings.Trim(in.Path, "/")) // the server tests the decoded path
		if err != nil {
			rel = strings.Trim(in.Path, "/")
		}
		dir := filepath.Join(outDir, GoneDir, filepath.FromSlash(rel))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		// A new file, never a write through a hard link into the live release.
		marker := filepath.Join(dir, "410")
		if err := os.Remove(marker); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.WriteFile(marker, []byte("withdrawn "+w.Date.Format("2006-01-02")+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func writeCatalog(r *Result, outDir string, k *reuse.Keeper) error {
	var in []catalog.Input
	for _, d := range r.Docs {
		in = append(in, catalog.Input{Doc: d.Document, Path: d.Path, Lastmod: d.Lastmod})
	}
	in = append(in, r.withdrawn...)
	c := catalog.Build(r.Config.Params.SiteName, r.Config.BaseURL, r.Config.Lang, r.Config.Location, in)
	js := c.JSON()
	for _, f := range []struct {
		name string
		data []byte
	}{{"catalog.json", js}, {"catalog.csv", c.CSV()}, {"catalog.schema.json", catalog.Schema}} {
		if !k.Publish(f.name, f.data) {
			continue
		}
		if err := os.WriteFile(filepath.Join(outDir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	// A catalogue kept from the live release passed the schema before that was published: the same bytes need no
	// second look (a third of a second at 10,000 documents, on one core).
	if _, kept := k.Kept()["catalog.json"]; !kept {
		if err := catalog.Validate(js); err != nil {
			return err
		}
	}
	return nil
}

func readPreviousCatalog(prevDir string) (*catalog.Catalog, error) {
	if prevDir == "" {
		return nil, nil
	}
	data, err := os.ReadFile(filepath.Join(prevDir, "catalog.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a release from before gongkai wrote catalogues: nothing to compare with
	}
	if err != nil {
		return nil, err
	}
	return catalog.Parse(data)
}

// postProcess minifies, verifies, compresses and hashes the output, then writes the manifest.
func (r *Result) postProcess(ps *pass, a *assets, pages []pageInfo) error {
	start := time.Now()
	files, err := listFiles(ps.root)
	if err != nil {
		return fmt.Errorf("list output: %w", err)
	}
	written := make(map[string]bool, len(files))
	for _, rel := range files {
		written[rel] = true
	}
	kept := ps.keep.Kept()
	for rel := range kept {
		if written[rel] {
			// Published twice (two pages at one address), kept once and written once: the written one is
			// taken, as the disk would have kept the last write.
			delete(kept, rel)
			continue
		}
		files = append(files, rel)
	}
	sort.Strings(files)
	ps.lc = linkcheck.New(files, r.Config.BaseURL)
	if ps.known != nil {
		// A file of the live release that is gone may be what a page taken unread links to: read every page.
		for _, e := range ps.prev.Entries {
			if e.Path != manifest.Name && !strings.HasSuffix(e.Path, ".gz") && !strings.HasSuffix(e.Path, ".br") && !written[e.Path] {
				if _, ok := kept[e.Path]; !ok {
					ps.known = nil
					break
				}
			}
		}
	}
	res, err := ps.run(files)
	if err != nil {
		return fmt.Errorf("post-process output: %w", err)
	}
	r.memo = res.memo
	r.linking = res.linking
	wall := time.Since(start)
	peak := memwatch.Peak()
	memwatch.Reset()
	var cpu time.Duration
	for _, d := range res.cpu {
		cpu += d
	}
	for _, step := range []string{"minify", "verify", "compress", "hash"} {
		if cpu > 0 {
			r.addStage(step, time.Duration(float64(wall)*float64(res.cpu[step])/float64(cpu)), peak)
		}
	}

	sources := map[string]string{}
	for _, p := range pages {
		if p.File != "" {
			sources[p.URL] = p.File
		}
	}
	r.brokenLinks(res.broken, sources)
	for _, e := range res.external {
		r.Report.External = append(r.Report.External, buildreport.External{URL: e.URL, FirstPage: e.FirstPage})
	}

	t := time.Now()
	r.entries = manifest.Sorted(res.entries)
	data := manifest.Encode(r.entries)
	// The manifest is megabytes of hexadecimal hashes: the fastest levels compress them best (precompress.HashLevel;
	// brotli 6 took 2 s alone here). The two forms are made side by side, while the changes since the previous
	// release are worked out.
	var (
		gz, br []byte
		wg     sync.WaitGroup
	)
	wg.Add(2)
	go func() { defer wg.Done(); gz = precompress.GzipHashes(data) }()
	go func() { defer wg.Done(); br = precompress.BrotliHashes(data) }()
	rep := r.Report
	rep.Changes = buildreport.Diff(ps.prev.Entries, res.entries)
	wg.Wait()
	p, mt := filepath.Join(ps.root, manifest.Name), ps.ft.of(manifest.Name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	if err := setTime(p, mt); err != nil {
		return err
	}
	if _, err := writeSmaller(p+".gz", manifest.Name+".gz", gz, len(data), mt); err != nil {
		return err
	}
	if _, err := writeSmaller(p+".br", manifest.Name+".br", br, len(data), mt); err != nil {
		return err
	}
	if err := stagehook.Reach("compress"); err != nil {
		return err
	}
	rep.Pages = res.pages
	rep.Files = len(res.entries) + 1
	rep.Bytes = buildreport.Bytes{Rendered: res.rendered + a.before, Minified: res.minified + a.after, Output: res.output,
		Compressible: res.textIn, Gzip: res.gz, Brotli: res.br}
	r.addStage("manifest", time.Since(t), memwatch.Peak())
	memwatch.Reset()
	return nil
}

// brokenLinks reports references that do not resolve. One written in a page's Markdown is reported at its line
// there. One the layouts made is reported once for all the pages it breaks, naming the first: a broken link in the
// header would otherwise fill the report with one line per page.
func (r *Result) brokenLinks(broken []linkcheck.Broken, sources map[string]string) {
	type key struct{ ref, reason string }
	byLayout := map[key][]string{}
	var order []key
	for _, b := range broken {
		reason := r.linkReason(b)
		src := sources[b.Page]
		if src != "" {
			if line, col := findInSource(filepath.Join(r.dir, filepath.FromSlash(src)), b.Ref); line > 0 {
				r.brokenLink(src, line, col, b.Page, b.Ref, reason, 0)
				continue
			}
		}
		k := key{b.Ref, reason}
		if byLayout[k] == nil {
			order = append(order, k)
		}
		byLayout[k] = append(byLayout[k], b.Page)
	}
	for _, k := range order {
		pages := byLayout[k]
		r.brokenLink("layouts", 0, 0, pages[0], k.ref, k.reason, len(pages)-1)
	}
}

// linkReason words why a link is broken, in the site's language.
func (r *Result) linkReason(b linkcheck.Broken) string {
	switch {
	case b.Reason == linkcheck.NoSuchID && b.On != "":
		return msg.LinkNoIDOn.F(r.Config.Lang, b.ID, b.On)
	case b.Reason == linkcheck.NoSuchID:
		return msg.LinkNoID.F(r.Config.Lang, b.ID)
	}
	return msg.LinkNoSuchFile.In(r.Config.Lang)
}

func (r *Result) brokenLink(src string, line, col int, page, ref, reason string, others int) {
	more := ""
	if others > 0 {
		more = msg.LinkOthers.F(r.Config.Lang, others)
	}
	r.Diags.Addf(src, line, col, "", "", "%s", msg.LinkBroken.F(r.Config.Lang, page, more, ref, reason))
}

// findInSource finds ref, or its path without the fragment, in a Markdown file; column in characters.
func findInSource(file, ref string) (int, int) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, 0
	}
	for _, needle := range []string{ref, strings.SplitN(ref, "#", 2)[0]} {
		if needle == "" {
			continue
		}
		for i, l := range strings.Split(string(data), "\n") {
			if j := strings.Index(l, needle); j >= 0 {
				return i + 1, len([]rune(l[:j])) + 1
			}
		}
	}
	return 0, 0
}

// fileTimes gives every file its modification time from the content, never from the build: a document's files
// (its page, their .gz/.br, its attachments) get the document's last change (lastmod, else date); every other file
// gets the site's last change, the latest of those. A time later than the build's clock is clamped to it.
// With no document at all the time is a fixed epoch. The times are set by the pass that writes the files, so the
// output is not walked once more for them.
type fileTimes struct {
	dirs     map[string]time.Time
	siteLast time.Time
}

func newFileTimes(docs []Doc, now time.Time) *fileTimes {
	ft := &fileTimes{dirs: map[string]time.Time{}, siteLast: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, d := range docs {
		t := d.Lastmod
		if t.After(now) {
			t = now
		}
		if t.After(ft.siteLast) {
			ft.siteLast = t
		}
		ft.dirs[strings.Trim(d.Path, "/")] = t
	}
	return ft
}

// of returns the time of the file at slash path rel.
func (ft *fileTimes) of(rel string) time.Time {
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if t, ok := ft.dirs[dir]; ok {
			return t
		}
	}
	return ft.siteLast
}

func newReport(r *Result, now time.Time) *buildreport.Report {
	rep := &buildreport.Report{Status: "failed", Now: now.Format(time.RFC3339), Documents: map[string]int{},
		Warnings: []string{}, Errors: []string{}, External: []buildreport.External{},
		Changes: buildreport.Changes{Added: []string{}, Removed: []string{}, Changed: []string{}}}
	for _, k := range content.Kinds {
		rep.Documents[string(k)] = 0
	}
	return rep
}

// FinishReport fills in what is known only at the end: the documents, the diagnostics, the stages and the status.
func (r *Result) FinishReport(exit int) *buildreport.Report {
	rep := r.Report
	if rep == nil {
		rep = newReport(r, time.Now())
		r.Report = rep
	}
	for _, d := range r.Docs {
		rep.Documents[string(d.Kind)]++
	}
	if r.Diags != nil {
		for _, d := range r.Diags.Sorted() {
			if d.Severity == 0 {
				rep.Errors = append(rep.Errors, d.String())
			} else {
				rep.Warnings = append(rep.Warnings, d.String())
			}
		}
	}
	rep.Stages = nil
	for _, s := range r.Stages {
		rep.Stages = append(rep.Stages, buildreport.Stage{Name: s.Name, Seconds: s.Duration.Seconds(), PeakRSSMB: float64(s.PeakRSS) / (1 << 20)})
	}
	rep.ExitCode = exit
	if exit == 0 && r.Published != "" {
		rep.Status = "published"
	}
	sort.SliceStable(rep.External, func(i, j int) bool { return rep.External[i].URL < rep.External[j].URL })
	return rep
}
