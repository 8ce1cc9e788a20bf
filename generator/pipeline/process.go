package pipeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gongkai/generator/htmlscan"
	"gongkai/generator/linkcheck"
	"gongkai/generator/manifest"
	"gongkai/generator/minifier"
	"gongkai/generator/parallel"
	"gongkai/generator/precompress"
	"gongkai/generator/reuse"
	"gongkai/generator/stagehook"
)

// processed is what the pass over the output found.
type processed struct {
	entries  []manifest.Entry
	rendered int64 // minifiable bytes before minifying
	minified int64
	output   int64 // originals
	textIn   int64 // compressible originals
	gz, br   int64
	cpu      map[string]time.Duration // per step, summed over workers
	broken   []linkcheck.Broken
	external []linkcheck.External
	pages    int
	memo     []reuse.MemoEntry   // for the next build
	linking  map[string][]string // external URL -> the pages linking to it, for the nightly state
}

// listFiles returns every file under root as sorted slash paths.
func listFiles(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// assets are static/'s CSS and JS, minified and renamed by fingerprint.
type assets struct {
	renamed       map[string]string // old URL path -> new
	done          map[string]bool   // new slash paths: minified already
	before, after int64             // their bytes before and after minifying
}

// fingerprint minifies the CSS and JS copied from static/ and renames each to name.<hash>.ext, so that they can be
// cached as immutable. Only static/'s files are renamed: files written by later stages (e.g. a search index's
// scripts) load each other by name.
func fingerprint(m *minifier.Minifier, root string, static []string) (*assets, error) {
	a := &assets{renamed: map[string]string{}, done: map[string]bool{}}
	for _, rel := range static {
		ext := strings.ToLower(path.Ext(rel))
		if ext != ".css" && ext != ".js" {
			continue
		}
		p := filepath.Join(root, filepath.FromSlash(rel))
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out := data
		if !strings.Contains(path.Base(rel), ".min.") {
			if out, err = m.Bytes(rel, data); err != nil {
				return nil, err
			}
		}
		a.before += int64(len(data))
		a.after += int64(len(out))
		newRel := strings.TrimSuffix(rel, path.Ext(rel)) + "." + manifest.Sum(out)[:10] + path.Ext(rel)
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(newRel)), out, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", newRel, err)
		}
		if err := os.Remove(p); err != nil {
			return nil, err
		}
		a.renamed["/"+rel] = "/" + newRel
		a.done[newRel] = true
	}
	return a, nil
}

// rewriteRefs points quoted attribute values at fingerprinted names. Hugo's output is not minified yet, so every
// attribute is quoted: matching the quoted value (relative or absolute to the site) cannot hit running text.
func rewriteRefs(data []byte, pairs [][2][]byte) []byte {
	for _, p := range pairs {
		if bytes.Contains(data, p[0]) {
			data = bytes.ReplaceAll(data, p[0], p[1])
		}
	}
	return data
}

func refPairs(renamed map[string]string, baseURL string) [][2][]byte {
	base := strings.TrimSuffix(baseURL, "/")
	keys := make([]string, 0, len(renamed))
	for k := range renamed {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs [][2][]byte
	for _, old := range keys {
		nw := renamed[old]
		pairs = append(pairs, [2][]byte{[]byte(`"` + old + `"`), []byte(`"` + nw + `"`)})
		if base != "" {
			pairs = append(pairs, [2][]byte{[]byte(`"` + base + old + `"`), []byte(`"` + base + nw + `"`)})
		}
	}
	return pairs
}

// pass is the one parallel pass over the output: each file is read once, references to fingerprinted assets
// rewritten, minified, scanned for links, written back, compressed and hashed. Doing every step on a file while it
// is in memory keeps the whole pipeline close to Hugo's own time (see docs/performance.md). The files Hugo rendered
// as for the previous release (kept) were not written: they are taken from it.
//
// A pass holds what every file's processing needs; what it finds goes into a processed per worker.
type pass struct {
	root  string             // the staging folder
	done  map[string]bool    // files minified already (static/'s CSS and JS, fingerprinted)
	pairs [][2][]byte        // fingerprinted assets: quoted old reference -> quoted new one
	m     *minifier.Minifier //
	lc    *linkcheck.Checker
	prev  *reuse.Previous
	keep  *reuse.Keeper
	ft    *fileTimes

	// known, when not nil, are the external links of the live release's pages (nightState.Ext), for a nightly
	// build that rendered part of the site: a page it takes as it was there is then not read for the link check.
	// Its links held there, against that release's files; they still do unless a file of it is gone (the build
	// then sets known to nil and reads every page) or a page this build wrote lost an id that a fragment may
	// point at (lostID: every page is read after all). See unchangedLinks.
	known  map[string][]string
	lostID atomic.Bool
	mu     sync.Mutex
	unread []string // pages taken as they were and not read

	dirs madeDirs // the folders made for the files taken
}

// madeDirs makes folders of the release, remembering those it made or found: most files a nightly build takes
// are linked into folders it makes for them, and os.MkdirAll asks the file system about every parent each time
// (three calls for each of the tens of thousands of pages' folders instead of one).
type madeDirs struct{ known sync.Map }

func (m *madeDirs) make(dir string) error {
	if _, ok := m.known.Load(dir); ok {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if parent := filepath.Dir(dir); parent != dir {
			if err = m.make(parent); err == nil {
				err = os.Mkdir(dir, 0o755)
			}
		}
	}
	if errors.Is(err, fs.ErrExist) {
		if fi, serr := os.Stat(dir); serr != nil || !fi.IsDir() {
			return fmt.Errorf("create folder %s: %w", dir, err)
		}
		err = nil
	}
	if err != nil {
		return err
	}
	m.known.Store(dir, true)
	return nil
}

// run processes files (slash paths under root) on every core.
func (ps *pass) run(files []string) (*processed, error) {
	res := &processed{cpu: map[string]time.Duration{}}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		count atomic.Int64
	)
	half := int64(len(files) / 2)
	kept := ps.keep.Kept()
	work := make(chan string)
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := &processed{cpu: map[string]time.Duration{}}
			for rel := range work {
				if count.Add(1) == half+1 {
					// Half the files are minified and the other half not: the moment a kill hurts most.
					if err := stagehook.Reach("minify"); err != nil {
						mu.Lock()
						if first == nil {
							first = err
						}
						mu.Unlock()
					}
				}
				var err error
				if k, ok := kept[rel]; ok {
					err = ps.kept(rel, k, local)
				} else {
					err = ps.file(rel, local)
				}
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			res.entries = append(res.entries, local.entries...)
			res.memo = append(res.memo, local.memo...)
			res.rendered += local.rendered
			res.minified += local.minified
			res.output += local.output
			res.textIn += local.textIn
			res.gz += local.gz
			res.br += local.br
			res.pages += local.pages
			for k, v := range local.cpu {
				res.cpu[k] += v
			}
			mu.Unlock()
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if first != nil {
		return nil, first
	}
	if err := ps.unchangedLinks(); err != nil {
		return nil, err
	}
	res.broken, res.external = ps.lc.Result()
	res.linking = ps.lc.ExternalPages()
	return res, nil
}

// unchangedLinks finishes the link check of the pages taken as they were in the live release (see pass.known):
// all of them are read if a page this build wrote lost an id; otherwise they keep their external links, and only
// those whose fragments a page points at are read, for their ids.
func (ps *pass) unchangedLinks() error {
	if ps.known == nil {
		return nil
	}
	if ps.lostID.Load() {
		return ps.scan(ps.unread)
	}
	for u, pages := range ps.known {
		for _, p := range pages {
			ps.lc.Known(p, []string{u})
		}
	}
	return ps.scan(ps.lc.Unscanned())
}

// scan reads pages of the output (slash paths) for the link check, on every core.
func (ps *pass) scan(files []string) error {
	var (
		mu    sync.Mutex
		first error
	)
	onEveryCore(files, func(rel string) {
		data, err := os.ReadFile(filepath.Join(ps.root, filepath.FromSlash(rel)))
		if err != nil {
			mu.Lock()
			first = cmp.Or(first, err)
			mu.Unlock()
			return
		}
		ps.lc.Page(rel, htmlscan.Scan(data))
	})
	return first
}

// onEveryCore calls fn with each of items, on every core, and returns when every call has.
func onEveryCore(items []string, fn func(string)) {
	parallel.Each(len(items), func(i int) { fn(items[i]) })
}

// lostIDs notes whether the page rel, written by this build with the ids of pg, offers fewer ids than it did in the
// live release: a page taken unread may point at one.
func (ps *pass) lostIDs(rel string, pg htmlscan.Page) {
	if ps.known == nil || ps.lostID.Load() || !ps.prev.Listed(rel) {
		return
	}
	old, err := os.ReadFile(filepath.Join(ps.prev.Dir, filepath.FromSlash(rel)))
	if err != nil {
		ps.lostID.Store(true)
		return
	}
	for id := range htmlscan.Scan(old).IDs {
		if !pg.IDs[id] {
			ps.lostID.Store(true)
			return
		}
	}
}

// stepTimer adds the time since its last call to a step's CPU time (the pass's report shares its wall time out
// in proportion).
type stepTimer struct {
	t  time.Time
	st *processed
}

func (s *stepTimer) tick(step string) {
	now := time.Now()
	s.st.cpu[step] += now.Sub(s.t)
	s.t = now
}

// file processes a file this build wrote.
func (ps *pass) file(rel string, st *processed) error {
	p := filepath.Join(ps.root, filepath.FromSlash(rel))
	timer := &stepTimer{time.Now(), st}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	orig := data
	isHTML := strings.HasSuffix(rel, ".html")
	if isHTML && len(ps.pairs) > 0 {
		data = rewriteRefs(data, ps.pairs)
	}
	var raw string // the rendered bytes' SHA-256, for the memo
	if !ps.done[rel] && reuse.Minified(rel) {
		st.rendered += int64(len(data))
		raw = manifest.Sum(data)
		ps.keep.Sample(rel, data)
		if old, ok := ps.prev.Minified(rel, raw); ok {
			data = old
		} else if data, err = ps.m.Bytes(rel, data); err != nil {
			return err
		}
		st.minified += int64(len(data))
	}
	timer.tick("minify")
	if isHTML {
		pg := htmlscan.Scan(data)
		ps.lc.Page(rel, pg)
		ps.lostIDs(rel, pg)
		st.pages++
		timer.tick("verify")
	}
	if !bytes.Equal(orig, data) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
	}
	timer.tick("minify")
	mtime := ps.ft.of(rel)
	if err := setTime(p, mtime); err != nil {
		return err
	}
	st.output += int64(len(data))
	e := manifest.EntryOf(rel, data)
	st.entries = append(st.entries, e)
	if raw != "" {
		st.memo = append(st.memo, reuse.MemoEntry{Rel: rel, Raw: raw, Min: e.SHA256})
	}
	timer.tick("hash")
	return ps.compress(p, rel, e.SHA256, mtime, func() ([]byte, error) { return data, nil }, st, timer)
}

// kept puts in place a file Hugo rendered as it did for the previous release: a hard link to that release's file
// when it has the time this one must have (nothing read or written), a copy otherwise. Only a page is read, for its
// links.
func (ps *pass) kept(rel string, k reuse.Kept, st *processed) error {
	p := filepath.Join(ps.root, filepath.FromSlash(rel))
	src := filepath.Join(ps.prev.Dir, filepath.FromSlash(rel))
	timer := &stepTimer{time.Now(), st}
	var data []byte
	load := func() ([]byte, error) {
		if data != nil {
			return data, nil
		}
		d, err := ps.keep.Load(rel, k)
		if err != nil {
			return nil, err
		}
		data = d
		return d, nil
	}
	if k.Rendered > 0 {
		// Rendered this time, as last time: its minification counts for this build. A file a nightly build took
		// unrendered (Rendered 0) counts in neither, or the report's 精简 line would grow past 100 %.
		st.rendered += k.Rendered
		st.minified += k.Size
	}
	if strings.HasSuffix(rel, ".html") && ps.known != nil {
		ps.mu.Lock()
		ps.unread = append(ps.unread, rel)
		ps.mu.Unlock()
		st.pages++
	} else if strings.HasSuffix(rel, ".html") {
		d, err := load()
		if err != nil {
			return err
		}
		ps.lc.Page(rel, htmlscan.Scan(d))
		st.pages++
		timer.tick("verify")
	}
	mtime := ps.ft.of(rel)
	if err := ps.dirs.make(filepath.Dir(p)); err != nil {
		return err
	}
	// A link shares the file with the live release: only one that already has the right time is linked, so that
	// nothing under the live release is ever changed.
	fi, err := os.Lstat(src)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != k.Size || !fi.ModTime().Equal(mtime) || os.Link(src, p) != nil {
		d, err := load()
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, d, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
		if err := setTime(p, mtime); err != nil {
			return err
		}
	}
	timer.tick("minify")
	st.output += k.Size
	st.entries = append(st.entries, manifest.Entry{Path: rel, Size: k.Size, SHA256: k.Min})
	st.memo = append(st.memo, k.MemoEntry)
	timer.tick("hash")
	return ps.compress(p, rel, k.Min, mtime, load, st, timer)
}

func setTime(p string, t time.Time) error {
	if err := os.Chtimes(p, t, t); err != nil {
		return fmt.Errorf("set file times: %w", err)
	}
	return nil
}

// compress writes the .gz and .br of the file at p (slash path rel, SHA-256 sum), or links or copies them from the
// previous release when the file did not change.
func (ps *pass) compress(p, rel, sum string, mtime time.Time, load func() ([]byte, error), st *processed, timer *stepTimer) error {
	if !precompress.Compressible(rel) {
		return nil
	}
	if linked, ok := ps.prev.Link(rel, sum, p, mtime); ok {
		for _, l := range linked {
			if strings.HasSuffix(l.Path, ".gz") {
				st.gz += l.Size
			} else {
				st.br += l.Size
			}
		}
		st.entries = append(st.entries, linked...)
		st.textIn += ps.prev.Size(rel)
		timer.tick("compress")
		return nil
	}
	data, err := load()
	if err != nil {
		return err
	}
	st.textIn += int64(len(data))
	gz, br, ok := ps.prev.Compressed(rel, sum, data)
	if !ok {
		gz, br = precompress.Gzip(data), precompress.Brotli(data)
	}
	wroteGz, err := writeSmaller(p+".gz", rel+".gz", gz, len(data), mtime)
	if err != nil {
		return err
	}
	wroteBr, err := writeSmaller(p+".br", rel+".br", br, len(data), mtime)
	if err != nil {
		return err
	}
	timer.tick("compress")
	if wroteGz {
		st.gz += int64(len(gz))
		st.entries = append(st.entries, manifest.EntryOf(rel+".gz", gz))
	}
	if wroteBr {
		st.br += int64(len(br))
		st.entries = append(st.entries, manifest.EntryOf(rel+".br", br))
	}
	timer.tick("hash")
	return nil
}

// writeSmaller writes a compressed form (rel, for messages) to p with the time t, unless it is not smaller than its
// original of n bytes: serving it would cost the client more than the original.
func writeSmaller(p, rel string, data []byte, n int, t time.Time) (bool, error) {
	if len(data) >= n {
		return false, nil
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return false, fmt.Errorf("write %s: %w", rel, err)
	}
	return true, setTime(p, t)
}
