package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// File is one file of a built tree: its bytes and modification time.
type File struct {
	Data  []byte
	MTime time.Time
}

// Tree reads every file under root (following root when it is the published link) by slash path.
func Tree(t testing.TB, root string) map[string]File {
	t.Helper()
	out := map[string]File{}
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = File{data, fi.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
