package publish

import (
	"io/fs"
	"os"
	"path/filepath"
)

// durable makes every file of a release reach the disk before the link is switched to it: otherwise, after a
// power cut in the seconds after a switch, the live link could point at files the disk never received (the
// folders were synced, not the contents). One syncfs(2) of the release's file system where there is one (Linux);
// elsewhere each file is synced.
var durable = func(dir string) error {
	if err := syncFS(dir); err == nil {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}
