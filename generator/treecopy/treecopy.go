// Package treecopy copies a folder of a site (static/, layouts/, ...) into another. Hugo's library does not copy
// static/ (its command line does), and the build, the preview and the benchmark corpus all need the same copy:
// regular files only, a missing source being an empty one.
package treecopy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Copy copies every regular file below src (a folder or a single file) to the same place below dst, skipping files
// and folders for which skip returns true (skip may be nil). It returns the slash paths, relative to src, of the files copied.
// A src that does not exist copies nothing.
func Copy(src, dst string, skip func(name string) bool) ([]string, error) {
	var copied []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == src {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			if p != src && skip != nil && skip(d.Name()) {
				return filepath.SkipDir
			}
			return os.MkdirAll(out, 0o755)
		}
		if !d.Type().IsRegular() || (skip != nil && skip(d.Name())) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		copied = append(copied, filepath.ToSlash(rel))
		return os.WriteFile(out, data, 0o644)
	})
	return copied, err
}
