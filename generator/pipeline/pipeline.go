// Package pipeline runs gongkai's stages in order: read the configuration, validate the content, copy static
// files, render with Hugo, post-process, verify, publish. It owns the order and the rule that nothing reaches the
// published path unless every stage before publication succeeded.
package pipeline

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"gongkai/generator/buildreport"
	"gongkai/generator/catalog"
	"gongkai/generator/content"
	"gongkai/generator/dateguard"
	"gongkai/generator/diag"
	"gongkai/generator/health"
	"gongkai/generator/hugosite"
	"gongkai/generator/listpages"
	"gongkai/generator/manifest"
	"gongkai/generator/memwatch"
	"gongkai/generator/minifier"
	"gongkai/generator/msg"
	"gongkai/generator/publish"
	"gongkai/generator/reuse"
	"gongkai/generator/siteconfig"
	"gongkai/generator/stagehook"
	"gongkai/generator/treecopy"
)

// Options configure a build.
type Options struct {
	SiteDir string // the site's folder
	OutDir  string // the published path; defaults to SiteDir/public
	Now     time.Time
	// Progress, when set, is called with the name of each stage as it ends (validate, static, render, …), for the
	// command line's progress indication.
	Progress func(stage string)
}

// Result is what a build or check found and did.
type Result struct {
	Diags     *diag.List
	Config    *siteconfig.Config
	Site      *content.Site
	Docs      []Doc  // the published documents, as rendered
	Published string // the release folder, when published
	Previous  string // the release that was live before, if any
	Stages    []Stage
	Report    *buildreport.Report // filled as far as the build got

	dir       string              // the site's folder, absolute
	withdrawn []catalog.Input     // the withdrawn documents (撤销公开), for the catalogue and the server's 410s
	now       time.Time           // the build's clock, in the site's time zone
	memo      []reuse.MemoEntry   // how this build minified, for the next one
	entries   []manifest.Entry    // the release's files as its manifest lists them, in its order
	linking   map[string][]string // external URL -> the pages linking to it, for the next nightly build

	progress func(stage string) // Options.Progress
}

// Doc is one published document with what Hugo made of it: its address and its text.
type Doc struct {
	*content.Document
	Path    string    // URL path as rendered, e.g. /policies/ldht-2024/
	Lastmod time.Time // Hugo's .Lastmod: lastmod, else the date
	Text    string    // the body as plain text (Hugo's .Plain)
}

// Stage is one timed step, for the build report.
type Stage struct {
	Name     string
	Duration time.Duration
	PeakRSS  int64 // bytes; for the steps of the fused pass, the pass's peak
}

// ErrContent means the site has errors an editor must fix, or the output failed verification; they are in
// Result.Diags and nothing was published.
var ErrContent = errors.New("content errors")

// dotfiles is the skip function for static/: a file or folder whose name starts with a dot (.env, .git/,
// .htaccess) is never published unless the configuration lists it (params.static_dotfiles, e.g. ".well-known").
func dotfiles(allowed []string) func(string) bool {
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	return func(name string) bool { return strings.HasPrefix(name, ".") && !ok[name] }
}

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

// CheckLive is Check, then what the build says about the site at now (the time of the check when zero): the
// column-health warnings, and the rules against what is published at outDir (default siteDir/public) when
// something is: the published-date guard. What the build refuses or warns about because of the sources, check
// refuses or warns about too. It reads the live release and writes nothing, not even the releases folder.
func CheckLive(siteDir, outDir string, now time.Time) (*Result, error) {
	r, err := Check(siteDir)
	if err != nil {
		return r, err
	}
	if now.IsZero() {
		now = time.Now()
	}
	health.Warn(r.Config, r.Site, now, r.Diags)
	if outDir == "" {
		outDir = filepath.Join(siteDir, "public")
	}
	target, err := publish.New(outDir)
	if err != nil {
		return r, err
	}
	prevCat, err := readPreviousCatalog(target.Current())
	if err != nil {
		r.Diags.Warnf(filepath.Join(target.Current(), "catalog.json"), 0, 0, "", "", "%v", err)
	}
	r.Diags.Merge(dateguard.Check(prevCat, r.Site, r.Config.Location, r.Config.Lang))
	if r.Diags.Errors() > 0 {
		return r, ErrContent
	}
	return r, nil
}

// postRender are the stages that add files to the output from the published documents, after Hugo rendered and
// static/ was copied, and before the output is minified, compressed, verified and published. Their files go
// through all of that like any other.
// The catalogue (one core: encoding and checking it against its schema) is made while the search index is: the
// catalogue stage is its own time, the search stage the rest of the two's.
func postRender(r *Result, outDir string, k *reuse.Keeper, timer *time.Time) error {
	type done struct {
		took time.Duration
		err  error
	}
	cat := make(chan done, 1)
	go func() {
		start := time.Now()
		err := writeCatalog(r, outDir, k)
		if err == nil {
			err = writeGone(r.withdrawn, outDir)
		}
		cat <- done{time.Since(start), err}
	}()
	plain := map[string]string{}
	for _, d := range r.Docs {
		plain[d.URL] = d.Text
	}
	serr := writeSearch(r.Site, plain, r.now, outDir, k.Publish)
	c := <-cat
	if c.err != nil {
		return fmt.Errorf("write catalogue: %w", c.err)
	}
	if serr != nil {
		return serr
	}
	r.addStage("catalogue", c.took, memwatch.Peak())
	*timer = timer.Add(c.took)
	r.stage("search", timer)
	return nil
}

// Build validates, renders into a staging folder, post-processes and verifies it, and publishes it only when
// everything succeeded. Until the final rename the published path keeps serving the previous release.
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
	// A published path that is not gongkai's is refused before anything is read or written: publishing would move
	// the files there away.
	target, err := publish.New(opts.OutDir)
	if err != nil {
		return nil, err
	}
	if err := target.Vet(dir); err != nil {
		return nil, err
	}
	timer := time.Now()
	memwatch.Reset()
	// The lock first, so that the live release's files are checked by their stamps (reuse.Load) and the release
	// the last build set aside is removed while the sources are validated: removing 190,000 files waits on the
	// disk, validating is work for both cores. A lock another build holds is said after the content's errors, as
	// before.
	m := minifier.New()
	lockErr := target.Lock()
	var (
		loaded = make(chan *reuse.Previous, 1)
		trash  = make(chan struct{})
	)
	if lockErr == nil {
		defer target.Unlock()
		go func() {
			loaded <- reuse.Load(target.Current(), m)
			// The stamps were checked: the files the live release shares with the release set aside may change
			// their ctime now. The new release's stamps are recorded once this is done.
			target.EmptyTrash()
			close(trash)
		}()
		defer func() { <-trash }() // before the lock is released
	}
	r, err := Check(dir)
	if r != nil {
		r.Report = newReport(r, opts.Now)
		r.dir = dir
	}
	if err != nil {
		return r, err
	}
	opts.Now = opts.Now.In(r.Config.Location)
	r.now = opts.Now
	health.Warn(r.Config, r.Site, opts.Now, r.Diags)
	r.progress = opts.Progress

	if lockErr != nil {
		return r, lockErr
	}
	prevDir := target.Current()
	if prevDir != "" {
		r.Previous = prevDir
		r.Report.Previous = filepath.Base(prevDir)
	}
	prevCat, err := readPreviousCatalog(prevDir)
	if err != nil {
		r.Diags.Warnf(filepath.Join(prevDir, "catalog.json"), 0, 0, "", "", "%v", err)
	}
	r.Diags.Merge(dateguard.Check(prevCat, r.Site, r.Config.Location, r.Config.Lang))
	if r.Diags.Errors() > 0 {
		return r, ErrContent
	}
	gone := catalog.Gone(prevCat, r.Site, r.Config.Location)
	for _, in := range gone {
		r.Site.Gone = append(r.Site.Gone, in.Doc)
	}
	r.stage("validate", &timer)

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

	// static/ comes first: the pages refer to its CSS and JS by their fingerprinted names, and that is how their
	// rendered bytes are compared with the previous release's while Hugo publishes them.
	static, err := treecopy.Copy(filepath.Join(dir, "static"), staging, dotfiles(r.Config.Params.StaticDotfiles))
	if err != nil {
		return r, fmt.Errorf("copy static files: %w", err)
	}
	if err := stagehook.Reach("static"); err != nil {
		return r, fmt.Errorf("copy static files: %w", err)
	}
	assets, err := fingerprint(m, staging, static)
	if err != nil {
		return r, fmt.Errorf("fingerprint assets: %w", err)
	}
	r.stage("static", &timer)
	pv := <-loaded
	pairs := refPairs(assets.renamed, r.Config.BaseURL)
	k := reuse.NewKeeper(pv, func(rel string, data []byte) []byte {
		if strings.HasSuffix(rel, ".html") && len(pairs) > 0 {
			data = rewriteRefs(data, pairs) // as the pass does before minifying
		}
		return data
	}, static)

	// The live release's record is read while the new sources' is made: each takes a second or more on a large site.
	oldState := make(chan *nightState, 1)
	go func() {
		if prevDir == "" {
			oldState <- nil
			return
		}
		oldState <- loadState(target.Releases, filepath.Base(prevDir))
	}()
	files := listpages.Pages(r.Config, r.Site, opts.Now, false)
	cur, err := newState(r, dir, files, opts.Now)
	old := <-oldState
	if err != nil {
		return r, err
	}
	var plan *renderPlan
	if prevDir != "" {
		plan = planNight(old, cur, pv, r.Site)
	}
	var (
		pages []pageInfo
		hp    []hugosite.Page
	)
	if plan.nothing() {
		pages = plan.oldPages() // nothing to render: Hugo is not run
	} else if pages, hp, err = render(r, dir, staging, files, opts.Now, k.Publish, plan); err != nil {
		return r, err
	}
	rendering := &buildreport.Render{Mode: "cold", Pages: len(pages)}
	if plan != nil {
		rendering = &buildreport.Render{Mode: "full", Reason: plan.Full, Pages: len(pages)}
	}
	if plan.partial() {
		why := ""
		if !plan.nothing() {
			why = plan.verify(hp)
		}
		var carried []string
		if why == "" {
			var missing string
			carried, missing = carry(plan, pv, k, staging, docDirs(plan.old))
			if missing != "" {
				why = "the live release cannot lend " + missing
			}
		}
		if why == "" {
			rendering = &buildreport.Render{Mode: "partial", Pages: plan.rendered(hp), Carried: len(carried), PagersTaken: len(plan.taken)}
			pages = plan.fillText(pages)
		} else {
			// The plan was wrong about this site: render everything, as a cold build would.
			uncarry(carried, k, staging)
			plan.Full = why
			rendering = &buildreport.Render{Mode: "full", Reason: why, Pages: len(pages)}
			if pages, hp, err = render(r, dir, staging, files, opts.Now, k.Publish, nil); err != nil {
				return r, err
			}
		}
	}
	r.Report.Render = rendering
	cur.Pages = make([]pageRec, len(pages))
	for i, p := range pages {
		cur.Pages[i] = pageRec{Path: p.Path, URL: p.URL, File: p.File, Kind: p.Kind, Lastmod: p.Lastmod}
	}
	if plan.nothing() {
		for f, ds := range plan.old.Docs {
			if c, ok := cur.Docs[f]; ok {
				c.Aliases = ds.Aliases
				cur.Docs[f] = c
			}
		}
	}
	for _, p := range hp {
		if p.Kind == "page" && len(p.Aliases) > 0 && p.File != "" {
			file := "content/" + filepath.ToSlash(p.File)
			if ds, ok := cur.Docs[file]; ok {
				for _, a := range p.Aliases {
					ds.Aliases = append(ds.Aliases, aliasFile(a))
				}
				cur.Docs[file] = ds
			}
		}
	}
	hp = nil
	// Hugo's pages are garbage now: collect them before the post-processing allocates its own, so that it reuses
	// their memory, and hold the rest of the build under the peak Hugo reached (a soft limit: the collector runs
	// more often near it), so that the build's peak is Hugo's, not Hugo's plus the garbage of reading every file
	// once more. A collection, not debug.FreeOSMemory: handing the gigabyte back to the system page by page took
	// 2 s of the 10,000-document build's render stage, with one core idle, for memory the next stage reuses.
	runtime.GC()
	if peak := memwatch.Peak(); peak > 0 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(peak))
	}
	if err := stagehook.Reach("render"); err != nil {
		return r, fmt.Errorf("render: %w", err)
	}
	r.stage("render", &timer)

	r.Docs = publishedDocs(r.Site, pages, opts.Now)
	r.withdrawn = withdrawnDocs(r.Site, pages, gone)
	if plan.nothing() && plan.Full == "" {
		// The catalogue and the search index were taken with everything else: the same documents make the same.
		r.stage("catalogue", &timer)
		r.stage("search", &timer)
	} else if err := postRender(r, staging, k, &timer); err != nil {
		return r, err
	}

	ps := &pass{root: staging, done: assets.done, pairs: pairs, m: m, prev: pv, keep: k, ft: newFileTimes(r.Docs, opts.Now)}
	if rendering.Mode == "partial" && plan.old.Ext != nil {
		ps.known = plan.old.Ext
	}
	if err := r.postProcess(ps, assets, pages); err != nil {
		return r, err
	}
	rendering.CheckedByStamp, rendering.CheckedByReading = pv.Checked()
	timer = time.Now() // postProcess recorded its own stages
	for _, rel := range pv.Tampered() {
		r.Diags.Warnf(filepath.Join(prevDir, filepath.FromSlash(rel)), 0, 0, "", "", "%s", msg.GuardTampered.F(r.Config.Lang, manifest.Name))
	}
	if err := stagehook.Reach("verify"); err != nil {
		return r, err
	}
	if r.Diags.Errors() > 0 {
		return r, ErrContent
	}
	r.stage("times", &timer) // set by the post-processing pass as it wrote the files

	// The release reaches the disk before the switch (syncfs): a stage of its own, so that the benchmark and the
	// build report show what durability costs.
	if err := target.Sync(staging); err != nil {
		return r, fmt.Errorf("publish: %w", err)
	}
	r.stage("sync", &timer)

	id := time.Now().UTC().Format("20060102T150405.000000000Z")
	rel, err := target.Commit(staging, id)
	if err != nil {
		return r, fmt.Errorf("publish: %w", err)
	}
	committed = true
	// The records for the next build: each costs that build time if it cannot be written, nothing else. The
	// stamps come last, once the release set aside before was removed (unlinking a file changes what its stamp
	// records); the one set aside now is removed by the next build.
	target.Prune()
	k.WriteMemo(target.Releases, id, r.memo)
	cur.Release = id
	cur.Ext = r.linking
	for _, d := range r.Docs {
		if ds, ok := cur.Docs[d.File]; ok {
			ds.Text = d.Text
			cur.Docs[d.File] = ds
		}
	}
	writeState(target.Releases, cur, old)
	<-trash
	reuse.WriteStamps(target.Releases, id, r.entries)
	r.Published = rel
	r.Report.Release = filepath.Base(rel)
	r.stage("publish", &timer)
	return r, nil
}

// render runs Hugo into staging and returns the pages it rendered. It is a function of its own so that nothing
// keeps Hugo's site reachable after it.
// With a partial plan, Hugo renders the plan's pages only, and the text of the documents it rendered. It also returns
// Hugo's list of every page, for the nightly state.
func render(r *Result, dir, staging string, files map[string][]byte, now time.Time,
	publish func(string, []byte) bool, plan *renderPlan) ([]pageInfo, []hugosite.Page, error) {
	opts := hugosite.Options{
		SiteDir:      dir,
		PublishDir:   staging,
		Files:        files,
		AllowRawHTML: r.Config.Params.AllowRawHTML,
		Unlisted:     listpages.Notices(r.Config, r.Site),
		Now:          now,
		Publish:      publish,
	}
	if plan.partial() {
		opts.RenderOnly, opts.RenderKinds = plan.Only, plan.Kinds
		opts.Publish = plan.publisher(publish)
		if len(plan.same) > 0 {
			opts.Files = maps.Clone(files)
			opts.Files[listpages.ListsFile] = listpages.Unchanged(files[listpages.ListsFile], plan.same)
		}
	}
	hs, err := hugosite.New(opts)
	var pe *hugosite.ProblemError
	if errors.As(err, &pe) {
		r.Diags.Add(pe.Diagnostic)
		return nil, nil, ErrContent
	}
	if err != nil {
		return nil, nil, err
	}
	probs, berr := hs.Build()
	var (
		pages []pageInfo
		hp    []hugosite.Page
	)
	if berr == nil {
		pages, hp = renderedPages(hs, plan)
	}
	hs.Close()
	for _, d := range probs {
		r.Diags.Add(d) // Hugo's warnings stay warnings: a clean build of the sample site prints none
	}
	if berr != nil {
		if r.Diags.Errors() == 0 {
			return nil, nil, fmt.Errorf("render: %w", berr)
		}
		return nil, nil, ErrContent
	}
	return pages, hp, nil
}

func (r *Result) stage(name string, since *time.Time) {
	now := time.Now()
	r.Stages = append(r.Stages, Stage{name, now.Sub(*since), memwatch.Peak()})
	memwatch.Reset()
	*since = now
	if r.progress != nil {
		r.progress(name)
	}
}

// addStage records a stage whose time was measured elsewhere.
func (r *Result) addStage(name string, d time.Duration, peak int64) {
	r.Stages = append(r.Stages, Stage{name, d, peak})
	if r.progress != nil {
		r.progress(name)
	}
}
