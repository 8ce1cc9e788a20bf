// Package manifest writes /checksums.sha256, the integrity manifest of a release: every published file with its
// size and SHA-256. The format is the one `sha256sum -c` reads (it skips the "#" lines that carry the sizes), so
// anyone can verify a copy of the site with standard tools: cd public && sha256sum -c checksums.sha256.
package manifest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Name is the manifest's file name at the root of the site.
const Name = "checksums.sha256"

// Entry is one file.
type Entry struct {
	Path   string // slash path relative to the root
	Size   int64
	SHA256 string // hex
}

// Sum is the SHA-256 of data in hex, as the manifest gives it.
func Sum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// EntryOf is the manifest's line for a file rel with these bytes.
func EntryOf(rel string, data []byte) Entry {
	return Entry{Path: rel, Size: int64(len(data)), SHA256: Sum(data)}
}

// Sorted returns entries sorted by path, as the manifest lists them (and Decode returns them).
func Sorted(entries []Entry) []Entry {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	return sorted
}

// Encode writes the manifest sorted by path.
func Encode(entries []Entry) []byte {
	sorted := Sorted(entries)
	var b bytes.Buffer
	b.WriteString("# gongkai integrity manifest: every published file, its size in bytes (# line) and SHA-256.\n")
	b.WriteString("# Verify with: sha256sum -c " + Name + "\n")
	for _, e := range sorted {
		fmt.Fprintf(&b, "# %d\n%s  %s\n", e.Size, e.SHA256, e.Path)
	}
	return b.Bytes()
}

// Decode reads a manifest written by Encode.
func Decode(data []byte) ([]Entry, error) {
	var out []Entry
	size := int64(-1)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "# "); ok {
			if s, err := strconv.ParseInt(rest, 10, 64); err == nil {
				size = s
			}
			continue
		}
		hash, path, ok := strings.Cut(line, "  ")
		if !ok || len(hash) != 64 {
			return nil, fmt.Errorf("%s:%d: not a checksum line", Name, n)
		}
		out = append(out, Entry{Path: path, Size: size, SHA256: hash})
		size = -1
	}
	return out, sc.Err()
}
