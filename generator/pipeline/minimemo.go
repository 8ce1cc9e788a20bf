package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gongkai/generator/minifier"
)

// A nightly build renders every page again, and most come out byte for byte as the night before: minifying them
// again was the largest step of a nightly build after Hugo's own, and writing them the next. The memo remembers,
// for the release it was written with, each minified file's SHA-256 before and after minifying, so that a file
// whose rendered bytes are the same is taken from that release instead. It lives beside the releases (never
// served) as one file, replaced whole after each publication.
//
// The memo also keeps, of each kind of file (HTML, XML, JSON, ...), the rendered bytes of the first few: minifying
// them again before the next render tells whether that build minifies as this one did (another version of gongkai
// may not), and if not, nothing is taken. Without that, an upgrade would make the output depend on history.
const memoName = ".minified"

// samplesPerKind is how many files of each kind the memo keeps the rendered bytes of, of the files of at most
// sampleMax bytes: the catalogue of 10,000 documents is 8 MB, and the memo is read before every render.
const (
	samplesPerKind = 3
	sampleMax      = 64 << 10
)

type memoEntry struct {
	rel      string
	raw, min string // SHA-256, hex, of the rendered and the minified bytes
}

// memo is what the previous build left: rel -> entry, valid for the release named in its first line.
type memo struct {
	entries map[string]memoEntry
	samples map[string][]byte // rel -> rendered bytes
}

func memoPath(releases string) string { return filepath.Join(releases, memoName) }

// loadMemo reads the memo if it was written for release and this build minifies as that one did; nil otherwise
// (a rollback, a release from before the memo, another minifier).
func loadMemo(releases, release string, m *minifier.Minifier) *memo {
	data, err := os.ReadFile(memoPath(releases))
	if err != nil {
		return nil
	}
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != "gongkai-minified 2 "+release {
		return nil
	}
	mm := &memo{entries: map[string]memoEntry{}, samples: map[string][]byte{}}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) != 3 {
			return nil
		}
		if f[0] == "sample" {
			raw, err := base64.StdEncoding.DecodeString(f[1])
			if err != nil {
				return nil
			}
			mm.samples[f[2]] = raw
			continue
		}
		mm.entries[f[2]] = memoEntry{rel: f[2], raw: f[0], min: f[1]}
	}
	if sc.Err() != nil || !mm.sameMinifier(m) {
		return nil
	}
	return mm
}

// sameMinifier minifies the samples again and compares with what the memo says they gave. Minifying is
// deterministic, so a few files of each kind tell.
func (mm *memo) sameMinifier(m *minifier.Minifier) bool {
	if len(mm.samples) == 0 {
		return false
	}
	for rel, raw := range mm.samples {
		e, ok := mm.entries[rel]
		if !ok || hexSum(raw) != e.raw {
			return false
		}
		out, err := m.Bytes(rel, raw)
		if err != nil || hexSum(out) != e.min {
			return false
		}
	}
	return true
}

func hexSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// writeMemo replaces the memo with the entries of release. A memo that cannot be written costs the next build
// time, nothing else, so the caller may ignore the error.
func writeMemo(releases, release string, entries []memoEntry, samples map[string][]byte) error {
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	var b bytes.Buffer
	fmt.Fprintf(&b, "gongkai-minified 2 %s\n", release)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s %s\n", e.raw, e.min, e.rel)
	}
	rels := make([]string, 0, len(samples))
	for rel := range samples {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		fmt.Fprintf(&b, "sample %s %s\n", base64.StdEncoding.EncodeToString(samples[rel]), rel)
	}
	tmp := memoPath(releases) + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, memoPath(releases))
}

// reuse returns the previous release's minified bytes of rel when its rendered bytes had the SHA-256 raw, and the
// file there still has the minified SHA-256 the memo recorded.
func (mm *memo) reuse(prevDir, rel, raw string) ([]byte, bool) {
	e, ok := mm.entries[rel]
	if !ok || e.raw != raw {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(prevDir, filepath.FromSlash(rel)))
	if err != nil || hexSum(data) != e.min {
		return nil, false
	}
	return data, true
}

// sampler keeps the rendered bytes of the first files of each kind, by path, of those small enough, as they are
// offered in any order.
type sampler struct {
	mu     sync.Mutex
	byKind map[string][]string // extension -> the first rels, sorted
	data   map[string][]byte
}

func newSampler() *sampler {
	return &sampler{byKind: map[string][]string{}, data: map[string][]byte{}}
}

func (s *sampler) offer(rel string, raw []byte) {
	if len(raw) > sampleMax {
		return
	}
	ext := path.Ext(rel)
	s.mu.Lock()
	defer s.mu.Unlock()
	rels := s.byKind[ext]
	if len(rels) == samplesPerKind && rel > rels[len(rels)-1] {
		return
	}
	i := sort.SearchStrings(rels, rel)
	if i < len(rels) && rels[i] == rel {
		return
	}
	rels = append(rels, "")
	copy(rels[i+1:], rels[i:])
	rels[i] = rel
	if len(rels) > samplesPerKind {
		delete(s.data, rels[samplesPerKind])
		rels = rels[:samplesPerKind]
	}
	s.byKind[ext] = rels
	s.data[rel] = bytes.Clone(raw)
}

// keptFile is a file Hugo rendered as it did for the previous release: it was not written, it is taken from there.
type keptFile struct {
	memoEntry
	rendered int64 // its size as rendered, for the report
	size     int64 // minified
}

// keeper decides, for each file Hugo publishes and each file of the catalogue and the search index, whether it is
// kept from the previous release (see memo).
type keeper struct {
	prev   *previous
	pairs  [][2][]byte
	static map[string]bool // static/'s files: they take the place of a page rendered at the same path
	smp    *sampler
	mu     sync.Mutex
	kept   map[string]keptFile
}

// publish is hugosite.Options.Publish: false when the file is not to be written.
func (k *keeper) publish(rel string, data []byte) bool {
	if k.static[rel] {
		return false
	}
	mm := k.prev.memo
	if mm == nil || !reusable(rel) {
		return true
	}
	e, ok := mm.entries[rel]
	if !ok {
		return true
	}
	if strings.HasSuffix(rel, ".html") && len(k.pairs) > 0 {
		data = rewriteRefs(data, k.pairs) // as the pass does before minifying
	}
	if hexSum(data) != e.raw {
		return true
	}
	f, ok := k.prev.files[rel]
	if !ok || f.SHA256 != e.min {
		return true
	}
	// The live file is what the manifest certifies, or it is written anew.
	if !k.prev.verified(rel, filepath.Join(k.prev.dir, filepath.FromSlash(rel)), f.SHA256) {
		return true
	}
	k.smp.offer(rel, data)
	k.mu.Lock()
	k.kept[rel] = keptFile{memoEntry: e, rendered: int64(len(data)), size: f.Size}
	k.mu.Unlock()
	return false
}
