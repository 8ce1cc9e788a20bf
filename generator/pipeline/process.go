package pipeline

import (
	"bytes"
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
	"gongkai/generator/precompress"
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
	memo     []memoEntry // for the next build
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
		newRel := strings.TrimSuffix(rel, path.Ext(rel)) + "." + hexSum(out)[:10] + path.Ext(rel)
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

// process is the one parallel pass over the output: each file is read once, references to fingerprinted assets
// rewritten, minified, scanned for links, written back, compressed and hashed. Doing every step on a file while it
// is in memory keeps the whole pipeline close to Hugo's own time (see README, Performance). The files Hugo rendered
// as for the previous release (kept) were not written: they are taken from it.
func process(root string, files []string, done map[string]bool, pairs [][2][]byte, m *minifier.Minifier,
	lc *linkcheck.Checker, prev *previous, kept map[string]keptFile, smp *sampler, ft *fileTimes) (*processed, error) {
	res := &processed{cpu: map[string]time.Duration{}}
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		count atomic.Int64
	)
	half := int64(len(files) / 2)
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
					err = processKept(root, rel, k, lc, prev, ft, local)
				} else {
					err = processFile(root, rel, done[rel], pairs, m, lc, prev, smp, ft, local)
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
	res.broken, res.external = lc.Result()
	return res, nil
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

func processFile(root, rel string, done bool, pairs [][2][]byte, m *minifier.Minifier, lc *linkcheck.Checker,
	prev *previous, smp *sampler, ft *fileTimes, st *processed) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	timer := &stepTimer{time.Now(), st}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	orig := data
	isHTML := strings.HasSuffix(rel, ".html")
	if isHTML && len(pairs) > 0 {
		data = rewriteRefs(data, pairs)
	}
	var raw string // the rendered bytes' SHA-256, for the memo
	if !done && reusable(rel) {
		st.rendered += int64(len(data))
		raw = hexSum(data)
		smp.offer(rel, data)
		if old, ok := prev.minified(rel, raw); ok {
			data = old
		} else if data, err = m.Bytes(rel, data); err != nil {
			return err
		}
		st.minified += int64(len(data))
	}
	timer.tick("minify")
	if isHTML {
		lc.Page(rel, htmlscan.Scan(data))
		st.pages++
		timer.tick("verify")
	}
	if !bytes.Equal(orig, data) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
	}
	timer.tick("minify")
	mtime := ft.of(rel)
	if err := setTime(p, mtime); err != nil {
		return err
	}
	st.output += int64(len(data))
	e := entry(rel, data)
	st.entries = append(st.entries, e)
	if raw != "" {
		st.memo = append(st.memo, memoEntry{rel: rel, raw: raw, min: e.SHA256})
	}
	timer.tick("hash")
	return compress(p, rel, e.SHA256, mtime, func() ([]byte, error) { return data, nil }, prev, st, timer)
}

// processKept puts in place a file Hugo rendered as it did for the previous release: a hard link to that
// release's file when it has the time this one must have (nothing read or written), a copy otherwise. Only a page
// is read, for its links.
func processKept(root, rel string, k keptFile, lc *linkcheck.Checker, prev *previous, ft *fileTimes, st *processed) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	src := filepath.Join(prev.dir, filepath.FromSlash(rel))
	timer := &stepTimer{time.Now(), st}
	var data []byte
	load := func() ([]byte, error) {
		if data != nil {
			return data, nil
		}
		d, err := os.ReadFile(src)
		if err != nil {
			return nil, fmt.Errorf("read %s from the live release: %w", rel, err)
		}
		if hexSum(d) != k.min {
			return nil, fmt.Errorf("%s in the live release changed during the build", rel)
		}
		data = d
		return d, nil
	}
	st.rendered += k.rendered
	st.minified += k.size
	if strings.HasSuffix(rel, ".html") {
		d, err := load()
		if err != nil {
			return err
		}
		lc.Page(rel, htmlscan.Scan(d))
		st.pages++
		timer.tick("verify")
	}
	mtime := ft.of(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	// A link shares the file with the live release: only one that already has the right time is linked, so that
	// nothing under the live release is ever changed.
	fi, err := os.Lstat(src)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != k.size || !fi.ModTime().Equal(mtime) || os.Link(src, p) != nil {
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
	st.output += k.size
	st.entries = append(st.entries, manifest.Entry{Path: rel, Size: k.size, SHA256: k.min})
	st.memo = append(st.memo, k.memoEntry)
	timer.tick("hash")
	return compress(p, rel, k.min, mtime, load, prev, st, timer)
}

func setTime(p string, t time.Time) error {
	if err := os.Chtimes(p, t, t); err != nil {
		return fmt.Errorf("set file times: %w", err)
	}
	return nil
}

// compress writes the .gz and .br of the file at p (slash path rel, SHA-256 sum), or links or copies them from the
// previous release when the file did not change.
func compress(p, rel, sum string, mtime time.Time, load func() ([]byte, error), prev *previous, st *processed, timer *stepTimer) error {
	if !precompress.Compressible(rel) {
		return nil
	}
	if linked, ok := prev.link(rel, sum, p, mtime); ok {
		for _, l := range linked {
			if strings.HasSuffix(l.Path, ".gz") {
				st.gz += l.Size
			} else {
				st.br += l.Size
			}
		}
		st.entries = append(st.entries, linked...)
		st.textIn += prev.files[rel].Size
		timer.tick("compress")
		return nil
	}
	data, err := load()
	if err != nil {
		return err
	}
	st.textIn += int64(len(data))
	gz, br, ok := prev.compressed(rel, sum, data)
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
		st.entries = append(st.entries, entry(rel+".gz", gz))
	}
	if wroteBr {
		st.br += int64(len(br))
		st.entries = append(st.entries, entry(rel+".br", br))
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

// reusable reports whether a file of this name is minified, and so has a line in the memo.
func reusable(rel string) bool {
	return minifier.Minifiable(rel) && !strings.Contains(path.Base(rel), ".min.")
}

func entry(rel string, data []byte) manifest.Entry {
	return manifest.Entry{Path: rel, Size: int64(len(data)), SHA256: hexSum(data)}
}

// previous is the release that was live before this build: brotli dominates a cold build's time, and most files
// are the same from one night to the next, so their compressed forms are taken from it.
type previous struct {
	dir   string
	files map[string]manifest.Entry // its manifest, by path; nil when it has none that reads
	gzbr  bool                      // it was compressed as this build compresses: its .gz and .br may be reused
	memo  *memo                     // how its files were minified; nil when unknown or not how this build minifies

	mu       sync.Mutex
	tampered map[string]bool // files whose bytes are not those its manifest certifies: rebuilt, never reused
}

// verified reads the previous release's file rel (at src) and reports whether its bytes have the SHA-256 its
// manifest gives, sum. A file edited or replaced in the live release is named and not carried forward: otherwise
// a hard link would carry it into the next release, certified by the next manifest.
func (pv *previous) verified(rel, src, sum string) bool {
	data, err := os.ReadFile(src)
	if err != nil {
		return false
	}
	if hexSum(data) == sum {
		return true
	}
	pv.mismatch(rel)
	return false
}

func (pv *previous) mismatch(rel string) {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if pv.tampered == nil {
		pv.tampered = map[string]bool{}
	}
	pv.tampered[rel] = true
}

// Tampered lists, sorted, the files of the previous release that did not match its manifest.
func (pv *previous) Tampered() []string {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	var out []string
	for rel := range pv.tampered {
		out = append(out, rel)
	}
	sort.Strings(out)
	return out
}

// minified returns the previous release's minified bytes of rel if its rendered bytes were the same (raw).
func (pv *previous) minified(rel, raw string) ([]byte, bool) {
	if pv == nil || pv.memo == nil {
		return nil, false
	}
	data, ok := pv.memo.reuse(pv.dir, rel, raw)
	if !ok {
		// Rendered as last time, yet the live file is not what was minified then: name it if its manifest does
		// not certify it either.
		if e, inMemo := pv.memo.entries[rel]; inMemo && e.raw == raw {
			if f, listed := pv.files[rel]; listed {
				pv.verified(rel, filepath.Join(pv.dir, filepath.FromSlash(rel)), f.SHA256)
			}
		}
	}
	return data, ok
}

var errStale = errors.New("previous compressed file differs")

// sameCompression reports whether the previous release was compressed as this build compresses: a release made by
// another version of gongkai (other levels, another encoder) must not lend its .gz and .br, or the output would
// depend on what was published before and no longer be the same bytes from the same sources. The compressors are
// deterministic, so compressing again the first few files that have both forms and comparing tells.
func (pv *previous) sameCompression(entries []manifest.Entry) bool {
	checked := 0
	for _, e := range entries {
		if checked == 3 {
			break
		}
		if !precompress.Compressible(e.Path) || e.Path == manifest.Name {
			continue // the manifest is compressed at levels of its own
		}
		p := filepath.Join(pv.dir, filepath.FromSlash(e.Path))
		gz, gerr := os.ReadFile(p + ".gz")
		br, berr := os.ReadFile(p + ".br")
		if gerr != nil || berr != nil {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(precompress.Gzip(data), gz) || !bytes.Equal(precompress.Brotli(data), br) {
			return false
		}
		checked++
	}
	return checked > 0
}

// link hard-links the previous release's .gz and .br of rel beside dst when the file did not change (its SHA-256
// is the one in the previous manifest, which the new manifest needs anyway) and they have the size the manifest
// says and the time the new ones must have. Nothing is read, written or hashed: the manifest's lines are reused.
// A link shares the file, so one whose time differs (the site's last change moved) is not linked: setting the time
// would change the live release. ok=false when it did not link both; the caller then falls back to compressed.
func (pv *previous) link(rel, sum, dst string, mtime time.Time) (linked []manifest.Entry, ok bool) {
	if pv == nil || !pv.gzbr || pv.files[rel].SHA256 != sum {
		return nil, false
	}
	for _, ext := range []string{".gz", ".br"} {
		e, ok := pv.files[rel+ext]
		if !ok {
			continue // not smaller than the original last time, so not now either
		}
		src := filepath.Join(pv.dir, filepath.FromSlash(rel+ext))
		fi, err := os.Lstat(src)
		if err == nil && (!fi.Mode().IsRegular() || fi.Size() != e.Size || !fi.ModTime().Equal(mtime)) {
			err = errStale
		}
		if err == nil && !pv.verified(rel+ext, src, e.SHA256) {
			err = errStale
		}
		if err == nil {
			err = os.Link(src, dst+ext)
		}
		if err != nil {
			for _, l := range linked {
				os.Remove(dst + strings.TrimPrefix(l.Path, rel))
			}
			return nil, false
		}
		linked = append(linked, e)
	}
	return linked, true
}

// compressed reads the previous release's .gz and .br of a file whose bytes did not change, for when they cannot
// be linked. Whether it changed is read from the previous manifest.
func (pv *previous) compressed(rel, sum string, data []byte) ([]byte, []byte, bool) {
	if pv == nil || !pv.gzbr || pv.files[rel].SHA256 != sum {
		return nil, nil, false
	}
	p := filepath.Join(pv.dir, filepath.FromSlash(rel))
	gz, gerr := os.ReadFile(p + ".gz")
	br, berr := os.ReadFile(p + ".br")
	if gerr != nil && !os.IsNotExist(gerr) || berr != nil && !os.IsNotExist(berr) {
		return nil, nil, false
	}
	// Each form must be the one the manifest certifies, or be absent from both.
	for _, f := range []struct {
		ext  string
		data []byte
	}{{".gz", gz}, {".br", br}} {
		e, listed := pv.files[rel+f.ext]
		if listed != (f.data != nil) || listed && hexSum(f.data) != e.SHA256 {
			pv.mismatch(rel + f.ext)
			return nil, nil, false
		}
	}
	// A missing form was not worth writing last time; with the same bytes it is not now either. Returning the
	// original in its place makes the caller skip it (not smaller).
	if gz == nil {
		gz = data
	}
	if br == nil {
		br = data
	}
	return gz, br, true
}
