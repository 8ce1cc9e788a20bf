// Package hugosite renders a site with Hugo, used as a library. It is the only package that imports Hugo.
//
// Hugo's Go API has no stability promise (packages are renamed between minor versions), so everything gongkai
// needs from it passes through this small surface: load the configuration with gongkai's fixed settings, build
// into a directory, rebuild after file events. Hugo's own log is captured, not printed, so that its warnings and
// errors reach the editor through gongkai's diagnostics.
package hugosite

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bep/clocks"
	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/htime"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/common/paths"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/page"
	"github.com/spf13/afero"

	"gongkai/generator/diag"
	"gongkai/generator/syncbuf"
)

// Options says what to build and how.
type Options struct {
	SiteDir    string // absolute
	PublishDir string // absolute
	CacheDir   string // absolute; defaults to a folder in the OS's cache
	// Files are generated source files laid over the site, keyed by slash path relative to SiteDir (e.g. the year
	// archive pages content/archives/2024/_index.md). They are never written into the site.
	Files map[string][]byte
	// Unlisted are pages rendered at their address but left out of every list Hugo makes (site.RegularPages,
	// sections, taxonomies, the sitemap, the feeds), with params of their own: the withdrawn documents (撤销公开).
	Unlisted []Unlisted
	// Params are set in site.Params in addition to config.toml's, e.g. values the generator computed.
	Params map[string]any
	// Preview shows drafts, future and expired documents (gongkai serve).
	Preview bool
	// Watch keeps the site ready for Rebuild.
	Watch bool
	// FastRender makes a rebuild render only the pages that changed and the pages recently asked for with
	// RenderURL; any other page a change made stale is rendered when it is asked for. It is what keeps an edit on a
	// site of 10,000 documents under a second: a year archive or a paginated list that shows the edited title would
	// otherwise be rendered again on every save, whether anyone looks at it or not.
	FastRender bool
	// AllowRawHTML lets raw HTML in Markdown through (off by default: editors' Markdown is not trusted HTML).
	AllowRawHTML bool
	// Publish, when set, sees every file Hugo publishes before it is written, with its slash path relative to
	// PublishDir; returning false means the caller has it from elsewhere and it is not written. A nightly build
	// takes a page that came out as the night before from the live release, as a hard link: creating a file is
	// most of what a file costs on some disks, and Hugo writing it first would pay that for nothing. data is
	// reused after the call returns; Publish is called from several goroutines at once.
	Publish func(rel string, data []byte) bool
	// Now is the build's clock; zero means the real time.
	Now time.Time
	// Minify lets Hugo minify what it renders, as `hugo --minify` does. gongkai's build leaves it off and minifies
	// everything once itself; the benchmark turns it on to measure plain Hugo.
	Minify bool
	// TemplateMetrics counts how many times each template and partial runs (Hugo's --templateMetrics), for
	// TemplateCalls: a test that a layout stays linear in the number of documents, without timing anything.
	TemplateMetrics bool
	// RenderOnly, when not nil, renders only these pages (Hugo's logical paths, e.g. "/policies/abc", "/archives/2024",
	// "/" for the home page) and pages of these kinds (RenderKinds: "sitemap", "404", "robotstxt"), with every
	// output format of each; every other page is loaded (lists still see it) but not rendered. It is Hugo's
	// segmented rendering (segments and renderSegments), set here so that no site's configuration can change it.
	RenderOnly  []string
	RenderKinds []string
}

// Unlisted is one page rendered but listed nowhere (Options.Unlisted).
type Unlisted struct {
	Path      string         // the page's path below content/, without extension: "/policies/ldht-2023"
	Params    map[string]any // added to the page's .Params (front matter wins)
	Resources bool           // publish the files of its bundle too
}

// cascade is Hugo's front matter cascade (in the configuration) that makes the pages unlisted: build options
// list = "never", which takes a page out of every page collection and taxonomy, and render = "always".
func cascade(pages []Unlisted) []map[string]any {
	glob := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`, "]", `\]`, "{", `\{`, "}", `\}`)
	out := make([]map[string]any, 0, len(pages))
	for _, u := range pages {
		out = append(out, map[string]any{
			"build":  map[string]any{"list": "never", "render": "always", "publishResources": u.Resources},
			"params": u.Params,
			"target": map[string]any{"path": glob.Replace(u.Path)},
		})
	}
	return out
}

// Site is a loaded Hugo site.
type Site struct {
	opts    Options
	h       *hugolib.HugoSites
	log     *syncbuf.Buffer
	mu      sync.Mutex
	visited *types.EvictingQueue[string] // FastRender: pages rendered on every rebuild; Hugo's server keeps 20 too
	mem     afero.Fs                     // the generated files (Options.Files), under the site's files
	files   map[string][]byte
}

// Hugo's warnings and errors come back as diagnostics, the way gongkai tells an editor anything: File is a slash
// path relative to the site when Hugo named one, "(hugo)" when it did not. This package is the one place Hugo's
// log and errors are turned into them.
const noFile = "(hugo)"

// New loads the configuration and prepares the site; nothing is rendered yet.
func New(opts Options) (*Site, error) {
	if !filepath.IsAbs(opts.SiteDir) || !filepath.IsAbs(opts.PublishDir) {
		return nil, errors.New("hugosite: SiteDir and PublishDir must be absolute")
	}
	if opts.CacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		opts.CacheDir = filepath.Join(base, "gongkai", "hugo")
	}
	logs := &syncbuf.Buffer{}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        io.Discard, // "Source changed" lines and the like; gongkai says what it does itself
		StdErr:        logs,
		DistinctLevel: logg.LevelWarn,
	})

	flags := config.New()
	flags.Set("workingDir", opts.SiteDir)
	flags.Set("publishDir", opts.PublishDir)
	flags.Set("cacheDir", opts.CacheDir)
	// The generator version in <meta name="generator"> would change every page on an upgrade.
	flags.Set("disableHugoGeneratorInject", true)
	flags.Set("hasCJKLanguage", true)
	flags.Set("enableGitInfo", false)
	flags.Set("renderSegments", nil)
	if opts.RenderOnly != nil {
		var inc []map[string]any
		if len(opts.RenderOnly) > 0 {
			paths := make([]string, len(opts.RenderOnly))
			for i, p := range opts.RenderOnly {
				paths[i] = globEscape(p)
			}
			inc = append(inc, map[string]any{"path": paths})
		}
		if len(opts.RenderKinds) > 0 {
			inc = append(inc, map[string]any{"kind": opts.RenderKinds})
		}
		if len(inc) == 0 {
			inc = append(inc, map[string]any{"kind": []string{"-none-"}})
		}
		flags.Set("segments", map[string]any{"gongkai-nightly": map[string]any{"includes": inc}})
		flags.Set("renderSegments", []string{"gongkai-nightly"})
	}
	// gongkai takes its own lock beside the releases: Hugo's .hugo_build.lock would be written into the site's
	// folder, which a build must not need to write (an unwritable site folder was reported as a content error).
	flags.Set("noBuildLock", true)
	if opts.Minify {
		flags.Set("minify", map[string]any{"minifyOutput": true})
	}
	if opts.TemplateMetrics {
		flags.Set("templateMetrics", true)
	}
	if opts.Preview {
		flags.Set("buildDrafts", true)
		flags.Set("buildFuture", true)
		flags.Set("buildExpired", true)
	}
	internal := hmaps.Params{}
	if opts.Watch {
		internal["watch"] = true
	}
	if opts.FastRender {
		internal["fastRenderMode"] = true
	}
	if !opts.Now.IsZero() {
		// Hugo decides what is future or expired by its clock; a fixed clock makes builds reproducible.
		internal["clock"] = opts.Now.Format(time.RFC3339)
	}
	// internal.clock only reaches the configuration: like Hugo's command line, the library user must set the
	// process-wide clock that decides what is future or expired. Fixed, not ticking: one build, one instant.
	if opts.Now.IsZero() {
		htime.Clock = clocks.System()
	} else {
		htime.Clock = clocks.Fixed(opts.Now)
	}
	if len(internal) > 0 {
		flags.Set("internal", internal)
	}
	// Settings every disclosure site needs, whatever its config.toml says: Chinese line breaks without stray
	// spaces, heading ids editors can link to, raw HTML off unless the site opted in.
	flags.Set("markup", map[string]any{
		"goldmark": map[string]any{
			"extensions": map[string]any{
				// css3draft, not goldmark's "simple" style: "simple" keeps the break after full-width punctuation
				// (，。；： are U+FFxx, outside its "wide" runes), so a line ending in "，" showed a space.
				"cjk": map[string]any{"enable": true, "eastAsianLineBreaks": true, "eastAsianLineBreaksStyle": "css3draft",
					"escapedSpace": true},
			},
			"renderer": map[string]any{"unsafe": opts.AllowRawHTML},
		},
	})
	// 主题分类 pages are generated by gongkai from the vocabulary (two levels, clean addresses), so topic is not a
	// Hugo taxonomy.
	flags.Set("taxonomies", map[string]any{"publisher": "publisher", "law": "laws"})
	if len(opts.Params) > 0 {
		flags.Set("params", opts.Params)
	}
	if len(opts.Unlisted) > 0 {
		flags.Set("cascade", cascade(opts.Unlisted))
	}

	cfgFile := filepath.Join(opts.SiteDir, "config.toml")
	source := afero.Fs(hugofs.Os)
	mem := afero.NewMemMapFs()
	if len(opts.Files) > 0 {
		for rel, data := range opts.Files {
			if err := writeFile(mem, opts.SiteDir, rel, data); err != nil {
				return nil, err
			}
		}
		// The site's own files come first and take writes (Hugo's lock file); generated files fill the gaps.
		source = overlayfs.New(overlayfs.Options{Fss: []afero.Fs{hugofs.Os, mem}, FirstWritable: true})
	}

	res, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:    flags,
		Fs:       source,
		Filename: cfgFile,
		Logger:   logger,
		// An empty Environ would make Hugo read os.Environ(): HUGO_* variables of the machine must not change the site.
		Environ:     []string{"HUGO_GONGKAI=1"},
		Environment: "production",
	})
	if err != nil {
		return nil, siteError("load Hugo configuration", err, opts.SiteDir)
	}
	dest := afero.Fs(hugofs.Os)
	if opts.Publish != nil {
		dest = &publishFs{Fs: hugofs.Os, root: opts.PublishDir, publish: opts.Publish}
	}
	fs := hugofs.NewFromSourceAndDestination(source, dest, flags)
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  res,
		Fs:       fs,
		LogLevel: logger.Level(),
		StdOut:   io.Discard,
		StdErr:   logs,
	})
	if err != nil {
		return nil, siteError("prepare Hugo site", err, opts.SiteDir)
	}
	site := &Site{opts: opts, h: h, log: logs, mem: mem, files: map[string][]byte{}}
	for rel, data := range opts.Files {
		site.files[rel] = data
	}
	if opts.FastRender {
		site.visited = types.NewEvictingQueue[string](20)
	}
	return site, nil
}

// Build renders the whole site into PublishDir. What Hugo logged comes back as diagnostics, with the error.
func (s *Site) Build() ([]diag.Diagnostic, error) {
	return s.build(nil)
}

// rebuild renders what the events touched. It needs Options.Watch. fsnotify's event is Hugo's own type for a
// changed file: it stays inside this package (callers use RebuildChanged), and package watch is the one that
// watches files.
func (s *Site) rebuild(events []fsnotify.Event) ([]diag.Diagnostic, error) {
	var keep []fsnotify.Event
	for _, ev := range events {
		if !s.h.ShouldSkipFileChangeEvent(ev) {
			keep = append(keep, ev)
		}
	}
	return s.build(keep)
}

func writeFile(mem afero.Fs, siteDir, rel string, data []byte) error {
	p := filepath.Join(siteDir, filepath.FromSlash(rel))
	if err := mem.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(mem, p, data, 0o644)
}

// SetFiles gives the generated files (Options.Files) new contents and returns the files that changed, for
// RebuildChanged. A retitled policy changes the relations handed to its interpretations, an edited statistics table
// a report's data: a rebuild, not a new site. It returns false, changing nothing, when a file would be added or
// removed (a new year's archive, say), since Hugo sees the files of a site when it is made: callers make a new one.
func (s *Site) SetFiles(files map[string][]byte) ([]Change, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(files) != len(s.files) {
		return nil, false
	}
	for rel := range files {
		if _, ok := s.files[rel]; !ok {
			return nil, false
		}
	}
	var changes []Change
	for rel, data := range files {
		if bytes.Equal(data, s.files[rel]) {
			continue
		}
		if err := writeFile(s.mem, s.opts.SiteDir, rel, data); err != nil {
			return nil, false
		}
		s.files[rel] = data
		changes = append(changes, Change{Path: filepath.Join(s.opts.SiteDir, filepath.FromSlash(rel))})
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, true
}

// Change is one changed source file, for RebuildChanged.
type Change struct {
	Path    string // absolute
	Created bool
	Removed bool
}

// RebuildChanged renders what the changed files touched. It keeps callers free of Hugo's event type (fsnotify):
// the preview's watcher is the one package that talks to fsnotify itself. After a removal the output keeps stale
// files (gohugoio/hugo#13648): callers build afresh instead.
func (s *Site) RebuildChanged(changes []Change) ([]diag.Diagnostic, error) {
	events := make([]fsnotify.Event, 0, len(changes))
	for _, c := range changes {
		op := fsnotify.Write
		switch {
		case c.Removed:
			op = fsnotify.Remove
		case c.Created:
			op = fsnotify.Create
		}
		events = append(events, fsnotify.Event{Name: c.Path, Op: op})
	}
	return s.rebuild(events)
}

// RenderURL renders the page at a URL path of the site (e.g. "/policies/abc/") if a change since its last render
// left it stale; with FastRender, the server calls it before serving a page. The page joins the recently visited
// pages that every rebuild renders. Without FastRender it does nothing.
func (s *Site) RenderURL(urlPath string) ([]diag.Diagnostic, error) {
	if s.visited == nil {
		return nil, nil
	}
	// Hugo knows a page by its escaped RelPermalink: "/a/" for "/a/index.html", and a list's pager pages
	// ("/a/page/2/") are rendered with the list.
	u := paths.PathEscape(strings.TrimSuffix(urlPath, "index.html"))
	var urls []string
	if m := pagerRe.FindStringSubmatch(u); m != nil {
		urls = append(urls, m[1])
	}
	urls = append(urls, u)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h == nil {
		return nil, nil
	}
	var stale []string
	for _, u := range urls {
		if !s.visited.Contains(u) {
			stale = append(stale, u)
		}
	}
	if len(stale) == 0 {
		return nil, nil
	}
	touched := types.NewEvictingQueue[string](len(stale))
	for _, u := range stale {
		touched.Add(u)
	}
	probs, err := s.buildLocked(hugolib.BuildCfg{RecentlyTouched: touched, PartialReRender: true})
	if err == nil {
		for _, u := range stale {
			s.visited.Add(u)
		}
	}
	return probs, err
}

// Forget marks every page stale without rendering any, as a change of everything would: with FastRender, a stale
// page is rendered again only when asked for (RenderURL). The files already written stay as they are: nothing has
// changed, so they are still right.
//
// The preview calls it after a full build. On every rebuild Hugo checks each page rendered since the last change
// against what changed, and on a site of 10,000 documents that check took most of an edit's time; a page forgotten
// is not checked again until it is rendered again. Hugo treats any change of translations as a change of
// everything, which is what Forget tells it; without an i18n/ file it does nothing.
func (s *Site) Forget() ([]diag.Diagnostic, error) {
	if s.visited == nil {
		return nil, errors.New("hugosite: Forget needs FastRender")
	}
	files, _ := filepath.Glob(filepath.Join(s.opts.SiteDir, "i18n", "*.*"))
	if len(files) == 0 {
		return nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ev := fsnotify.Event{Name: files[0], Op: fsnotify.Write}
	// An empty queue: not even the recently visited pages are rendered.
	return s.buildLocked(hugolib.BuildCfg{RecentlyTouched: types.NewEvictingQueue[string](1)}, ev)
}

var pagerRe = regexp.MustCompile(`^(/(?:.*/)?)page/\d+/$`)

func (s *Site) build(events []fsnotify.Event) ([]diag.Diagnostic, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buildLocked(hugolib.BuildCfg{RecentlyTouched: s.visited}, events...)
}

func (s *Site) buildLocked(cfg hugolib.BuildCfg, events ...fsnotify.Event) ([]diag.Diagnostic, error) {
	s.log.Reset()
	err := s.h.Build(cfg, events...)
	probs := parseLog(s.log.String(), s.opts.SiteDir)
	if err != nil {
		probs = append(probs, errorProblem(err, s.opts.SiteDir))
	}
	lockFile := filepath.Join(s.opts.SiteDir, ".hugo_build.lock")
	os.Remove(lockFile)
	if err == nil {
		for _, p := range probs {
			if p.Severity == diag.Error {
				err = errors.New("Hugo reported errors")
				break
			}
		}
	}
	return dedupe(probs), err
}

// TemplateCalls returns how many times each template and partial ran in the last build ("_partials/pager.html": 12),
// with Options.TemplateMetrics; nil without.
func (s *Site) TemplateCalls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h == nil || s.h.Metrics == nil {
		return nil
	}
	var b bytes.Buffer
	s.h.Metrics.WriteMetrics(&b)
	// Columns: cumulative, average and maximum duration, count, template.
	calls := map[string]int{}
	for _, line := range strings.Split(b.String(), "\n") {
		f := strings.Fields(line)
		if len(f) != 5 {
			continue
		}
		var n int
		if _, err := fmt.Sscan(f[3], &n); err == nil {
			calls[f[4]] += n
		}
	}
	return calls
}

// Close releases the site.
func (s *Site) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.h == nil {
		return nil
	}
	h := s.h
	s.h = nil
	err := h.Close()
	// Hugo keeps the page lists it sorted in a process-wide cache (resources/page's spc) and empties it only when
	// the next render starts, so a closed site stayed reachable through its pages: 370 MB of a 10,000-document
	// build that the rest of the build carried through every collection. Emptying it is what Hugo does itself
	// before each render; a site still open elsewhere in the process just sorts again.
	page.Clear()
	return err
}

// Hugo's messages name files as "/abs/path/file.md:12:3": the position is kept, the path made site-relative.
var posRe = regexp.MustCompile(`"?(/[^":\s]+?\.[A-Za-z0-9]+):(\d+):(\d+)"?`)

func parseLog(log, siteDir string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, line := range strings.Split(log, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var p diag.Diagnostic
		switch {
		case strings.HasPrefix(line, "ERROR"):
			line = strings.TrimSpace(strings.TrimPrefix(line, "ERROR"))
		case strings.HasPrefix(line, "WARN"):
			p.Severity = diag.Warning
			line = strings.TrimSpace(strings.TrimPrefix(line, "WARN"))
		default:
			continue
		}
		p.Message = line
		locate(&p, siteDir)
		out = append(out, p)
	}
	return out
}

func errorProblem(err error, siteDir string) diag.Diagnostic {
	p := diag.Diagnostic{Message: err.Error()}
	locate(&p, siteDir)
	return p
}

// ProblemError is a failure caused by a file of the site (a template that does not parse, say): the editor fixes
// it, so it is reported as a diagnostic at that file, not as a failure of gongkai.
type ProblemError struct {
	Diagnostic diag.Diagnostic
}

func (e *ProblemError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Diagnostic.File, e.Diagnostic.Line, e.Diagnostic.Col, e.Diagnostic.Message)
}

// siteError wraps err as a ProblemError when it names a file of the site.
func siteError(what string, err error, siteDir string) error {
	p := errorProblem(err, siteDir)
	if p.File != noFile {
		return &ProblemError{Diagnostic: p}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Go's template errors name the template as Hugo loaded it ("template: page.html:2: unexpected ..."), which is more
// precise than the file Hugo puts in front (often baseof.html when a page template fails to parse).
var templateRe = regexp.MustCompile(`template: ([^:\s"]+\.[a-z]+):(\d+):(?:(\d+):)?`)

// locate finds the file, line and column Hugo's message names, relative to the site; noFile when it names none.
func locate(p *diag.Diagnostic, siteDir string) {
	p.File = noFile
	if m := templateRe.FindStringSubmatch(p.Message); m != nil {
		file := filepath.Join(siteDir, "layouts", filepath.FromSlash(m[1]))
		if _, err := os.Stat(file); err == nil {
			p.File = "layouts/" + m[1]
			fmt.Sscan(m[2], &p.Line)
			if m[3] != "" {
				fmt.Sscan(m[3], &p.Col)
			}
			msg := p.Message[strings.Index(p.Message, m[0])+len(m[0]):]
			p.Message = strings.TrimSpace(msg)
			if i := strings.LastIndex(p.Message, "error calling "); i > 0 {
				p.Message = p.Message[i:]
			}
			p.Message = strings.ReplaceAll(p.Message, siteDir+string(filepath.Separator), "")
			return
		}
	}
	m := posRe.FindStringSubmatch(p.Message)
	if m == nil {
		p.Message = strings.ReplaceAll(p.Message, siteDir+string(filepath.Separator), "")
		return
	}
	rel, err := filepath.Rel(siteDir, m[1])
	if err == nil && !strings.HasPrefix(rel, "..") {
		p.File = filepath.ToSlash(rel)
		fmt.Sscan(m[2], &p.Line)
		fmt.Sscan(m[3], &p.Col)
		p.Message = strings.TrimSpace(strings.Replace(p.Message, m[0], "", 1))
		p.Message = strings.TrimLeft(p.Message, ": ")
	}
	p.Message = strings.ReplaceAll(p.Message, siteDir+string(filepath.Separator), "")
}

func dedupe(ps []diag.Diagnostic) []diag.Diagnostic {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// globEscape makes a page path a glob that matches only itself.
func globEscape(p string) string {
	var b strings.Builder
	for _, r := range p {
		switch r {
		case '*', '?', '[', ']', '{', '}', '\\', '!':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
