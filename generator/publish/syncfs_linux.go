package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncFS writes out everything cached for the file system holding dir (syncfs(2); golang.org/x/sys enters
// gongkai through this package only).
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
