package pipeline

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"gongkai/generator/minifier"
)

// A nightly build renders every page again, and most come out byte for byte as the night before: minifying them
// again was the largest step of a nightly build after Hugo's own. The memo remembers, for the release it was
// written with, each minified file's SHA-256 before and after minifying, so that a file whose rendered bytes are
// the same is taken from that release instead. It lives beside the releases (never served) as one file, replaced
// whole after each publication.
const memoName = ".minified"

type memoEntry struct {
	rel      string
	raw, min string // SHA-256, hex, of the rendered and the minified bytes
}

// memo is what the previous build left: rel -> entry, valid for the release named in its first line.
type memo map[string]memoEntry

func memoPath(releases string) string { return filepath.Join(releases, memoName) }

// loadMemo reads the memo if it was written for release; nil otherwise (a rollback, a release from before the memo).
func loadMemo(releases, release string) memo {
	data, err := os.ReadFile(memoPath(releases))
	if err != nil {
		return nil
	}
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != "gongkai-minified 1 "+release {
		return nil
	}
	m := memo{}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) != 3 {
			return nil
		}
		m[f[2]] = memoEntry{rel: f[2], raw: f[0], min: f[1]}
	}
	return m
}

// writeMemo replaces the memo with the entries of release. A memo that cannot be written costs the next build
// time, nothing else, so the caller may ignore the error.
func writeMemo(releases, release string, entries []memoEntry) error {
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	var b bytes.Buffer
	fmt.Fprintf(&b, "gongkai-minified 1 %s\n", release)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s %s\n", e.raw, e.min, e.rel)
	}
	tmp := memoPath(releases) + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, memoPath(releases))
}

// reuse returns the previous release's minified bytes of rel when its rendered bytes had the SHA-256 raw, and the
// file there still has the minified SHA-256 the memo recorded.
func (m memo) reuse(prevDir, rel, raw string) ([]byte, bool) {
	e, ok := m[rel]
	if !ok || e.raw != raw {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(prevDir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != e.min {
		return nil, false
	}
	return data, true
}

// sameMinifier reports whether the previous release was minified as this build minifies (another version of
// gongkai may set the minifier otherwise): of each kind of file (HTML, XML, JSON, ...), the first few whose rendered
// bytes did not change are minified again and compared. Minifying is deterministic, so a few files tell.
func (m memo) sameMinifier(mf *minifier.Minifier, staging, prevDir string, files []string, pairs [][2][]byte) bool {
	checked := map[string]int{}
	for _, rel := range files {
		ext := path.Ext(rel)
		e, ok := m[rel]
		if !ok || checked[ext] == 3 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(staging, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		if ext == ".html" {
			data = rewriteRefs(data, pairs) // as the pass does before minifying
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != e.raw {
			continue
		}
		old, ok := m.reuse(prevDir, rel, e.raw)
		if !ok {
			continue
		}
		now, err := mf.Bytes(rel, data)
		if err != nil || !bytes.Equal(now, old) {
			return false
		}
		checked[ext]++
	}
	return len(checked) > 0
}
