// Package reuse takes from the live release what a build would otherwise make again: pages Hugo rendered as for
// that release (kept as they are, not written nor minified again), the minified bytes of files whose rendered bytes
// did not change, and the .gz and .br of files whose bytes did not change.
//
// Most files come out of a night's build as they did the night before, and redoing them was most of a nightly
// build's time after Hugo's own. What is taken must be what this build would have made: a release minified or
// compressed otherwise (another version of gongkai) lends nothing, so that the output never depends on what was
// published before. The live release itself is never changed: what is shared with it is hard-linked only when it
// already has the time the new release must give it, and copied otherwise.
package reuse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gongkai/generator/manifest"
	"gongkai/generator/minifier"
	"gongkai/generator/precompress"
)

// Minified reports whether the build minifies a file of this name, and so whether it has a line in the memo.
func Minified(rel string) bool {
	return minifier.Minifiable(rel) && !strings.Contains(path.Base(rel), ".min.")
}

// Previous is the release that was live before this build: brotli dominates a cold build's time, and most files
// are the same from one night to the next, so their compressed forms are taken from it. A build with no previous
// release gets one that lends nothing.
type Previous struct {
	Dir     string                    // its folder; "" when there is none
	Entries []manifest.Entry          // its manifest, for the changes since; nil when it has none that reads
	files   map[string]manifest.Entry // the manifest by path
	gzbr    bool                      // it was compressed as this build compresses: its .gz and .br may be reused
	memo    *memo                     // how its files were minified; nil when unknown or not how this build minifies

	unchanged map[string]bool // its files whose stamps are those recorded after it was published (see stamps.go)
	byStamp   atomic.Int64    // files checked by their stamp
	byReading atomic.Int64    // files checked by reading and hashing them

	mu       sync.Mutex
	tampered map[string]bool // files whose bytes are not those its manifest certifies: rebuilt, never reused
}

// verified reads the previous release's file rel (at src) and reports whether its bytes have the SHA-256 its
// manifest gives, sum. A file edited or replaced in the live release is named and not carried forward: otherwise
// a hard link would carry it into the next release, certified by the next manifest.
func (pv *Previous) verified(rel, src, sum string) bool {
	if pv.unchanged[rel] && pv.files[rel].SHA256 == sum {
		pv.byStamp.Add(1)
		return true
	}
	pv.byReading.Add(1)
	data, err := os.ReadFile(src)
	if err != nil {
		return false
	}
	if manifest.Sum(data) == sum {
		return true
	}
	pv.mismatch(rel)
	return false
}

func (pv *Previous) mismatch(rel string) {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if pv.tampered == nil {
		pv.tampered = map[string]bool{}
	}
	pv.tampered[rel] = true
}

// Tampered lists, sorted, the files of the previous release that did not match its manifest.
func (pv *Previous) Tampered() []string {
	pv.mu.Lock()
	defer pv.mu.Unlock()
	var out []string
	for rel := range pv.tampered {
		out = append(out, rel)
	}
	sort.Strings(out)
	return out
}

// Load reads what a build takes from the release that is live: its manifest (which files are unchanged, and at
// the end, what changed since), its compressed files if compressed as this build compresses, and the memo of how
// it was minified if minified as m minifies.
func Load(prevDir string, m *minifier.Minifier) *Previous {
	pv := &Previous{Dir: prevDir}
	if prevDir == "" {
		return pv
	}
	if old, err := os.ReadFile(filepath.Join(prevDir, manifest.Name)); err == nil {
		if prev, err := manifest.Decode(old); err == nil {
			pv.Entries = prev
			pv.files = make(map[string]manifest.Entry, len(prev))
			for _, e := range prev {
				pv.files[e.Path] = e
			}
		}
	}
	pv.gzbr = pv.sameCompression(pv.Entries)
	if pv.files != nil {
		pv.memo = loadMemo(filepath.Dir(prevDir), filepath.Base(prevDir), m)
		if stamps := loadStamps(filepath.Dir(prevDir), filepath.Base(prevDir), pv.Entries); stamps != nil {
			pv.unchanged = checkStamps(prevDir, pv.Entries, stamps)
		}
	}
	return pv
}

// Minified returns the previous release's minified bytes of rel if its rendered bytes were the same (raw, their
// SHA-256).
func (pv *Previous) Minified(rel, raw string) ([]byte, bool) {
	if pv == nil || pv.memo == nil {
		return nil, false
	}
	data, ok := pv.memo.reuse(pv.Dir, rel, raw)
	if !ok {
		// Rendered as last time, yet the live file is not what was minified then: name it if its manifest does
		// not certify it either.
		if e, inMemo := pv.memo.entries[rel]; inMemo && e.Raw == raw {
			if f, listed := pv.files[rel]; listed {
				pv.verified(rel, filepath.Join(pv.Dir, filepath.FromSlash(rel)), f.SHA256)
			}
		}
	}
	return data, ok
}

// Size is the size of rel in the previous release's manifest.
func (pv *Previous) Size(rel string) int64 { return pv.files[rel].Size }

var errStale = errors.New("previous compressed file differs")

// sameCompression reports whether the previous release was compressed as this build compresses: a release made by
// another version of gongkai (other levels, another encoder) must not lend its .gz and .br, or the output would
// depend on what was published before and no longer be the same bytes from the same sources. The compressors are
// deterministic, so compressing again the first few files that have both forms and comparing tells.
func (pv *Previous) sameCompression(entries []manifest.Entry) bool {
	checked := 0
	for _, e := range entries {
		if checked == 3 {
			break
		}
		if !precompress.Compressible(e.Path) || e.Path == manifest.Name {
			continue // the manifest is compressed at levels of its own
		}
		p := filepath.Join(pv.Dir, filepath.FromSlash(e.Path))
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

// Link hard-links the previous release's .gz and .br of rel beside dst when the file did not change (its SHA-256
// is the one in the previous manifest, which the new manifest needs anyway) and they have the size the manifest
// says and the time the new ones must have. Nothing is read, written or hashed: the manifest's lines are reused.
// A link shares the file, so one whose time differs (the site's last change moved) is not linked: setting the time
// would change the live release. ok=false when it did not link both; the caller then falls back to Compressed.
func (pv *Previous) Link(rel, sum, dst string, mtime time.Time) (linked []manifest.Entry, ok bool) {
	if pv == nil || !pv.gzbr || pv.files[rel].SHA256 != sum {
		return nil, false
	}
	for _, ext := range []string{".gz", ".br"} {
		e, ok := pv.files[rel+ext]
		if !ok {
			continue // not smaller than the original last time, so not now either
		}
		src := filepath.Join(pv.Dir, filepath.FromSlash(rel+ext))
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

// Compressed reads the previous release's .gz and .br of a file whose bytes did not change, for when they cannot
// be linked. Whether it changed is read from the previous manifest.
func (pv *Previous) Compressed(rel, sum string, data []byte) ([]byte, []byte, bool) {
	if pv == nil || !pv.gzbr || pv.files[rel].SHA256 != sum {
		return nil, nil, false
	}
	p := filepath.Join(pv.Dir, filepath.FromSlash(rel))
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
		if listed != (f.data != nil) || listed && manifest.Sum(f.data) != e.SHA256 {
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

// Kept is a file Hugo rendered as it did for the previous release: it was not written, it is taken from there.
type Kept struct {
	MemoEntry
	Rendered int64 // its size as rendered, for the report
	Size     int64 // minified
}

// Keeper decides, for each file Hugo publishes and each file of the catalogue and the search index, whether it is
// kept from the previous release (see memo), and gathers what the next build's memo needs.
type Keeper struct {
	prev    *Previous
	prepare func(rel string, data []byte) []byte
	static  map[string]bool // static/'s files: they take the place of a page rendered at the same path
	smp     *sampler
	mu      sync.Mutex
	kept    map[string]Kept
}

// NewKeeper keeps files from prev. prepare does to a rendered file what the build does before minifying it (point
// its references at fingerprinted assets), so that it is compared as it would be minified. static are static/'s
// files, already in the output.
func NewKeeper(prev *Previous, prepare func(rel string, data []byte) []byte, static []string) *Keeper {
	k := &Keeper{prev: prev, prepare: prepare, static: map[string]bool{}, smp: newSampler(), kept: map[string]Kept{}}
	for _, rel := range static {
		k.static[rel] = true
	}
	return k
}

// Publish is hugosite.Options.Publish: false when the file is not to be written.
func (k *Keeper) Publish(rel string, data []byte) bool {
	if k.static[rel] {
		return false
	}
	mm := k.prev.memo
	if mm == nil || !Minified(rel) {
		return true
	}
	e, ok := mm.entries[rel]
	if !ok {
		return true
	}
	data = k.prepare(rel, data)
	if manifest.Sum(data) != e.Raw {
		return true
	}
	f, ok := k.prev.files[rel]
	if !ok || f.SHA256 != e.Min {
		return true
	}
	// The live file is what the manifest certifies, or it is written anew.
	if !k.prev.verified(rel, filepath.Join(k.prev.Dir, filepath.FromSlash(rel)), f.SHA256) {
		return true
	}
	k.smp.offer(rel, data)
	k.mu.Lock()
	k.kept[rel] = Kept{MemoEntry: e, Rendered: int64(len(data)), Size: f.Size}
	k.mu.Unlock()
	return false
}

// Sample offers the rendered bytes of a file the build minifies to the next build's check that it minifies as
// this one (see memo).
func (k *Keeper) Sample(rel string, raw []byte) { k.smp.offer(rel, raw) }

// Kept returns the files kept so far, by path. The map is the keeper's own: the build removes a path it wrote after
// all (published twice, kept once and written once).
func (k *Keeper) Kept() map[string]Kept { return k.kept }

// Load reads a kept file from the previous release, checking it is still what the memo says.
func (k *Keeper) Load(rel string, f Kept) ([]byte, error) {
	d, err := os.ReadFile(filepath.Join(k.prev.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read %s from the live release: %w", rel, err)
	}
	if manifest.Sum(d) != f.Min {
		return nil, fmt.Errorf("%s in the live release changed during the build", rel)
	}
	return d, nil
}

// WriteMemo replaces the memo beside the releases with how release was minified (entries) and the samples offered.
// A memo that cannot be written costs the next build time, nothing else, so the caller may ignore the error.
func (k *Keeper) WriteMemo(releases, release string, entries []MemoEntry) error {
	return writeMemo(releases, release, entries, k.smp.data)
}

// Carry keeps rel, a file of the previous release that a nightly build did not render because nothing it shows
// changed (see pipeline's nightly plan), as Publish keeps a page rendered as before: it must have a line in the memo
// and the bytes its manifest certifies. false when it cannot be kept: the caller then renders everything.
func (k *Keeper) Carry(rel string) bool {
	mm := k.prev.memo
	if mm == nil {
		return false
	}
	e, ok := mm.entries[rel]
	if !ok {
		return false
	}
	f, ok := k.prev.files[rel]
	if !ok || f.SHA256 != e.Min {
		return false
	}
	if !k.prev.verified(rel, filepath.Join(k.prev.Dir, filepath.FromSlash(rel)), f.SHA256) {
		return false
	}
	k.mu.Lock()
	k.kept[rel] = Kept{MemoEntry: e, Size: f.Size}
	k.mu.Unlock()
	return true
}

// CarryCopy copies rel, a file of the previous release the build does not minify (an image, a PDF), into dst as
// the manifest certifies it; the build then processes it as a file it wrote. It is copied, not linked: the build
// sets the times of the files it wrote, which must not change the live release.
func (pv *Previous) CarryCopy(rel, dst string) bool {
	f, ok := pv.files[rel]
	if !ok {
		return false
	}
	data, err := os.ReadFile(filepath.Join(pv.Dir, filepath.FromSlash(rel)))
	if err != nil || manifest.Sum(data) != f.SHA256 {
		if err == nil {
			pv.mismatch(rel)
		}
		return false
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return false
	}
	return os.WriteFile(dst, data, 0o644) == nil
}

// Usable reports whether the previous release can lend pages a build does not render: it has a manifest that
// reads and a memo of how it was minified, made as this build minifies.
func (pv *Previous) Usable() bool { return pv != nil && pv.files != nil && pv.memo != nil }

// Listed reports whether rel is in the previous release's manifest.
func (pv *Previous) Listed(rel string) bool { _, ok := pv.files[rel]; return ok }
