package reuse

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gongkai/generator/manifest"
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

// MemoEntry is how one file was minified: the SHA-256, hex, of its rendered and its minified bytes.
type MemoEntry struct {
	Rel      string
	Raw, Min string
}

// memo is what the previous build left: rel -> entry, valid for the release named in its first line.
type memo struct {
	entries map[string]MemoEntry
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
	mm := &memo{entries: map[string]MemoEntry{}, samples: map[string][]byte{}}
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
		mm.entries[f[2]] = MemoEntry{Rel: f[2], Raw: f[0], Min: f[1]}
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
		if !ok || manifest.Sum(raw) != e.Raw {
			return false
		}
		out, err := m.Bytes(rel, raw)
		if err != nil || manifest.Sum(out) != e.Min {
			return false
		}
	}
	return true
}

// writeMemo replaces the memo with the entries of release.
func writeMemo(releases, release string, entries []MemoEntry, samples map[string][]byte) error {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Rel < entries[j].Rel })
	var b bytes.Buffer
	fmt.Fprintf(&b, "gongkai-minified 2 %s\n", release)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s %s\n", e.Raw, e.Min, e.Rel)
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
	if !ok || e.Raw != raw {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(prevDir, filepath.FromSlash(rel)))
	if err != nil || manifest.Sum(data) != e.Min {
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
