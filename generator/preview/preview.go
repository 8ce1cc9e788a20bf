// Package preview is gongkai serve: it builds a site for editors, serves it over HTTP, rebuilds it when a file
// is saved and makes the open page reload by itself.
//
// The preview never touches what `gongkai build` publishes: it builds into its own temporary folder, and the
// reload script and error overlay are added to HTML responses on the fly, never written to disk. While a change
// breaks the site, the last good build keeps being served with the problems shown above every page, because an
// editor must be able to see both what is wrong and what the page looked like.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/hugosite"
	"gongkai/generator/listpages"
	"gongkai/generator/msg"
	"gongkai/generator/siteconfig"
	"gongkai/generator/treecopy"
	"gongkai/generator/watch"
)

// DefaultAddr listens on the editor's own machine only: a preview shows drafts.
const DefaultAddr = "127.0.0.1:1313"

// Options configure a preview.
type Options struct {
	SiteDir string
	Addr    string    // host:port; port 0 picks a free one
	Stdout  io.Writer // the address and what was rebuilt
	Stderr  io.Writer // diagnostics
	// Lang is the language of what the preview prints on the terminal (gongkai serve --lang); "" for the site's.
	// The browser's error overlay is in the site's language.
	Lang msg.Lang
}

// Server is a running preview.
type Server struct {
	opts Options
	dir  string // absolute site folder
	tmp  string // the preview's own output folders live here

	// Owned by the rebuild loop.
	site    *hugosite.Site
	pending []hugosite.Change // changes not yet rendered because the site had errors
	hugoBad bool              // Hugo itself failed last time: start afresh on the next change
	cache   *content.Cache    // each file's validation, reset when the configuration changes
	builds  int
	notices []hugosite.Unlisted // the withdrawn documents' pages the site was made with (Hugo takes them once)

	mu     sync.RWMutex
	served string         // folder of the last good build; "" before the first
	live   *hugosite.Site // the site that built served: renders stale pages when they are asked for
	diags  []diag.Diagnostic
	lang   msg.Lang
	gen    int           // bumped on every rebuild, good or bad
	wake   chan struct{} // closed and replaced when gen changes
}

// Serve builds the site, serves it on opts.Addr and rebuilds on changes until ctx is done.
func Serve(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	dir, err := filepath.Abs(opts.SiteDir)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "gongkai-serve-")
	if err != nil {
		return fmt.Errorf("make preview folder: %w", err)
	}
	defer os.RemoveAll(tmp)
	s := &Server{opts: opts, dir: dir, tmp: tmp, lang: msg.Zh, wake: make(chan struct{})}
	defer func() {
		if s.site != nil {
			s.site.Close()
		}
	}()

	w, err := watch.New(dir)
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	defer w.Close()

	start := time.Now()
	s.fullBuild()
	s.report(time.Since(start))

	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.Addr, err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	local, lan := Addresses(ln.Addr())
	fmt.Fprintf(opts.Stdout, s.text(msg.PreviewListening), local)
	fmt.Fprintln(opts.Stdout)
	for _, u := range lan {
		fmt.Fprintf(opts.Stdout, s.text(msg.PreviewLan), u)
		fmt.Fprintln(opts.Stdout)
	}

	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-w.C:
			if !ok {
				return nil
			}
			start := time.Now()
			if s.update(batch) {
				s.report(time.Since(start))
			}
		case err := <-w.Errors:
			fmt.Fprintf(opts.Stderr, "watch: %v\n", err)
		}
	}
}

// update applies one batch of changes; it reports whether anything was rebuilt.
func (s *Server) update(batch []watch.Event) bool {
	full := s.site == nil || s.hugoBad
	render := false
	for _, ev := range batch {
		rel, _ := filepath.Rel(s.dir, ev.Path)
		rel = filepath.ToSlash(rel)
		top := strings.SplitN(rel, "/", 2)[0]
		switch {
		case top == "archetypes":
			continue // templates of `gongkai new`: nothing is rendered from them
		case rel == ".":
			// The site folder itself was deleted or moved away: the full build says so; the watcher reports the
			// files of a restored folder as created, and the next full build starts afresh.
			full = true
			continue
		case ev.Op == watch.Remove:
			// Hugo's partial rebuild leaves stale output after a deletion (gohugoio/hugo#13648).
			full = true
		case rel == siteconfig.FileName, top == "data":
			// The configuration and the topic vocabulary change what every page is built from and how every
			// document is validated.
			full = true
			s.cache = nil
		case top == "content" && !strings.HasSuffix(rel, ".md"):
			// An attachment: its bundle's list of attachments changed.
			if s.cache != nil {
				s.cache.Forget(path.Dir(rel))
			}
		case top == "static":
			if err := s.copyStatic(rel); err != nil {
				full = true
			}
			render = true
			continue
		}
		render = true
		s.pending = append(s.pending, hugosite.Change{Path: ev.Path, Created: ev.Op == watch.Create, Removed: ev.Op == watch.Remove})
	}
	if !render && !full {
		return false
	}
	if full {
		s.fullBuild()
		return true
	}
	s.partialBuild()
	return true
}

// check validates the site as `gongkai check` does, before Hugo sees a file, so that an editor's mistake is shown
// with its field and line. Only the files saved since the last check are read again: a whole-site validation of
// 10,000 documents takes seconds (see the benchmark), the cross-document rules over cached results do not.
func (s *Server) check() (*siteconfig.Config, *content.Site, []diag.Diagnostic) {
	cfg, diags, err := siteconfig.Load(s.dir)
	if err != nil {
		return nil, nil, []diag.Diagnostic{{File: siteconfig.FileName, Message: err.Error()}}
	}
	if cfg == nil || diags.Errors() > 0 {
		return nil, nil, diags.Sorted()
	}
	s.setLang(cfg.Lang)
	if s.cache == nil {
		s.cache = &content.Cache{}
	}
	site, cd, err := content.LoadCached(s.dir, cfg, s.cache)
	if err != nil {
		return nil, nil, []diag.Diagnostic{{File: "content", Message: err.Error()}}
	}
	diags.Merge(cd)
	if diags.Errors() > 0 {
		return nil, nil, diags.Sorted()
	}
	return cfg, site, nil
}

// trace receives the duration of each step of a partial rebuild; the benchmark reports them.
var trace = func(step string, d time.Duration) {}

func (s *Server) partialBuild() {
	t := time.Now()
	cfg, site, bad := s.check()
	trace("check", time.Since(t))
	if bad != nil {
		s.fail(bad)
		return
	}
	generated, ok := s.site.SetFiles(listpages.Pages(cfg, site, time.Now(), true))
	if !ok || !reflect.DeepEqual(listpages.Notices(cfg, site), s.notices) {
		// A withdrawal recorded or cancelled: Hugo takes the withdrawn pages when the site is made.
		// A new year or topic appeared or went away.
		s.fullBuild()
		return
	}
	changes := append(s.pending, generated...)
	t = time.Now()
	probs, err := s.site.RebuildChanged(changes)
	trace("hugo", time.Since(t))
	if bad := problems(probs, err); bad != nil {
		s.hugoBad = true
		s.fail(bad)
		return
	}
	s.pending = nil
	s.succeed(s.served, s.site, warnings(probs))
}

// fullBuild renders the whole site into a fresh folder and swaps it in when it succeeded.
func (s *Server) fullBuild() {
	cfg, docs, bad := s.check()
	if bad != nil {
		s.fail(bad)
		return
	}
	s.builds++
	out := filepath.Join(s.tmp, fmt.Sprintf("build-%d", s.builds))
	files := listpages.Pages(cfg, docs, time.Now(), true)
	notices := listpages.Notices(cfg, docs)
	site, err := hugosite.New(hugosite.Options{
		Unlisted:     notices,
		SiteDir:      s.dir,
		PublishDir:   out,
		Files:        files,
		Params:       map[string]any{"preview": true},
		Preview:      true,
		Watch:        true,
		FastRender:   true,
		AllowRawHTML: cfg.Params.AllowRawHTML,
	})
	if err != nil {
		s.fail([]diag.Diagnostic{{File: siteconfig.FileName, Message: err.Error()}})
		return
	}
	probs, err := site.Build()
	if err == nil {
		if cerr := copyTree(filepath.Join(s.dir, "static"), out); cerr != nil {
			err = cerr
			probs = append(probs, diag.Diagnostic{File: "static", Message: cerr.Error()})
		}
	}
	if bad := problems(probs, err); bad != nil {
		site.Close()
		os.RemoveAll(out)
		s.fail(bad)
		return
	}
	t := time.Now()
	if fprobs, ferr := site.Forget(); ferr != nil {
		// Only slower edits follow; the site itself is good.
		for _, d := range problems(fprobs, ferr) {
			fmt.Fprintln(s.opts.Stderr, d.String())
		}
	}
	trace("forget", time.Since(t))
	old, oldDir := s.site, s.served
	s.site, s.pending, s.hugoBad, s.notices = site, nil, false, notices
	s.succeed(out, site, warnings(probs))
	if old != nil {
		old.Close()
	}
	if oldDir != "" {
		// Responses being written keep their open files; Linux frees them when closed.
		os.RemoveAll(oldDir)
	}
}

// renderStale renders the page at urlPath if a rebuild left it stale (FastRender): a rebuild renders the edited
// page and the pages open in a browser, and a list page that shows the edited title is brought up to date here, the
// moment somebody asks for it. While the site has errors nothing is rendered: the last good pages are served.
func (s *Server) renderStale(urlPath string) {
	s.mu.RLock()
	site, bad := s.live, len(s.diags) > 0
	s.mu.RUnlock()
	if site == nil || bad {
		return
	}
	t := time.Now()
	probs, err := site.RenderURL(urlPath)
	trace("render on request", time.Since(t))
	if bad := problems(probs, err); bad != nil {
		s.fail(bad)
		for _, d := range bad {
			fmt.Fprintln(s.opts.Stderr, d.String())
		}
	}
}

func (s *Server) copyStatic(rel string) error {
	if s.served == "" {
		return errors.New("no build yet")
	}
	dst := filepath.Join(s.served, filepath.FromSlash(strings.TrimPrefix(rel, "static/")))
	return copyTree(filepath.Join(s.dir, filepath.FromSlash(rel)), dst)
}

func (s *Server) fail(bad []diag.Diagnostic) {
	s.mu.Lock()
	s.diags = bad
	s.bump()
	s.mu.Unlock()
}

func (s *Server) succeed(dir string, site *hugosite.Site, warns []diag.Diagnostic) {
	s.mu.Lock()
	s.served, s.live = dir, site
	s.diags = nil
	s.bump()
	s.mu.Unlock()
	for _, d := range warns {
		fmt.Fprintln(s.opts.Stderr, d.String())
	}
}

// bump tells every open page to reload. s.mu must be held.
func (s *Server) bump() {
	s.gen++
	close(s.wake)
	s.wake = make(chan struct{})
}

func (s *Server) setLang(lang msg.Lang) {
	s.mu.Lock()
	s.lang = lang
	s.mu.Unlock()
}

// report prints the outcome of a rebuild on the terminal: the problems, or the time it took.
func (s *Server) report(took time.Duration) {
	s.mu.RLock()
	bad := s.diags
	s.mu.RUnlock()
	if len(bad) > 0 {
		for _, d := range bad {
			fmt.Fprintln(s.opts.Stderr, d.String())
		}
		fmt.Fprintln(s.opts.Stderr, s.text(msg.PreviewFailed))
		return
	}
	fmt.Fprintf(s.opts.Stdout, s.text(msg.PreviewRebuilt), took.Milliseconds())
	fmt.Fprintln(s.opts.Stdout)
}

// problems are the errors of a failed Hugo build; nil means it succeeded.
func problems(probs []diag.Diagnostic, err error) []diag.Diagnostic {
	if err == nil {
		return nil
	}
	var out []diag.Diagnostic
	for _, p := range probs {
		if p.Severity == diag.Error {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = append(out, diag.Diagnostic{File: "(hugo)", Message: err.Error()})
	}
	return out
}

func warnings(probs []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, p := range probs {
		if p.Severity == diag.Warning {
			out = append(out, p)
		}
	}
	return out
}

// copyTree copies a file or a folder of the site, leaving out editors' temporary files.
func copyTree(src, dst string) error {
	_, err := treecopy.Copy(src, dst, watch.TempFile)
	return err
}

// Addresses gives the address to open on this machine and, when the server listens on every interface, the
// addresses other devices of the local network (an editor's phone) can open: http://[::]:1313/ is no address a
// browser can use.
func Addresses(a net.Addr) (local string, lan []string) {
	ta, ok := a.(*net.TCPAddr)
	if !ok || !ta.IP.IsUnspecified() {
		return "http://" + a.String() + "/", nil
	}
	port := strconv.Itoa(ta.Port)
	local = "http://" + net.JoinHostPort("127.0.0.1", port) + "/"
	addrs, _ := net.InterfaceAddrs()
	for _, ad := range addrs {
		ipn, ok := ad.(*net.IPNet)
		if !ok || ipn.IP.To4() == nil || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
			continue
		}
		lan = append(lan, "http://"+net.JoinHostPort(ipn.IP.String(), port)+"/")
	}
	sort.Strings(lan)
	return local, lan
}

// text is t in the terminal's language: Options.Lang, or the site's, which a rebuild may change.
func (s *Server) text(t msg.Text) string {
	if s.opts.Lang != "" {
		return t.In(s.opts.Lang)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return t.In(s.lang)
}
