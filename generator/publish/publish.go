// Package publish makes a built site the live one atomically and keeps earlier releases for rollback.
//
// The published path is a symbolic link to a complete release directory. A new release is written beside the
// others, then a new link is renamed over the old one: rename(2) is atomic, so a web server following the link
// sees either the whole old site or the whole new one, never a mix, even if the build is killed at any point.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"gongkai/generator/stagehook"
)

// Keep is how many releases are kept, the live one included.
const Keep = 3

// Target is a published path and the folder that holds its releases.
type Target struct {
	Path     string // the published path, e.g. /srv/site/public (a symlink once published)
	Releases string // e.g. /srv/site/.public-releases
	lock     *os.File
}

// New describes the published path out.
func New(out string) (*Target, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	out = filepath.Clean(out)
	return &Target{Path: out, Releases: filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"-releases")}, nil
}

// Lock takes the target's lock so that two builds never publish at once; it fails at once if another holds it.
func (t *Target) Lock() error {
	if err := os.MkdirAll(t.Releases, 0o755); err != nil {
		return fmt.Errorf("create releases folder: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(t.Releases, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("open lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return fmt.Errorf("another build is publishing %s (lock %s held)", t.Path, f.Name())
	}
	t.lock = f
	return nil
}

// Unlock releases the lock.
func (t *Target) Unlock() {
	if t.lock != nil {
		syscall.Flock(int(t.lock.Fd()), syscall.LOCK_UN)
		t.lock.Close()
		t.lock = nil
	}
}

// Stage creates an empty staging folder for a new release. What killed builds left is removed first: staging
// folders, and releases newer than the live one (a build killed between naming its release and switching the
// link; a rolled-back release is removed by Rollback). None of them was ever served. Needs the lock.
func (t *Target) Stage() (string, error) {
	if err := os.MkdirAll(t.Releases, 0o755); err != nil {
		return "", fmt.Errorf("create releases folder: %w", err)
	}
	entries, _ := os.ReadDir(t.Releases)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".staging-") {
			os.RemoveAll(filepath.Join(t.Releases, e.Name()))
		}
	}
	if cur := t.Current(); cur != "" {
		for _, r := range t.List() {
			if r > cur {
				os.RemoveAll(r)
			}
		}
	}
	os.Remove(t.Path + ".link-tmp")
	dir, err := os.MkdirTemp(t.Releases, ".staging-")
	if err != nil {
		return "", err
	}
	// MkdirTemp makes the folder private; a web server running as another user must read the release.
	return dir, os.Chmod(dir, 0o755)
}

// Current returns the release folder the published path points to, or "" when nothing is published as a release.
func (t *Target) Current() string {
	dest, err := os.Readlink(t.Path)
	if err != nil {
		return ""
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(filepath.Dir(t.Path), dest)
	}
	return filepath.Clean(dest)
}

// Commit turns a staging folder into the release id and points the published path at it.
func (t *Target) Commit(staging, id string) (string, error) {
	rel := filepath.Join(t.Releases, id)
	if _, err := os.Stat(rel); err == nil {
		return "", fmt.Errorf("release %s exists already", id)
	}
	if err := syncDir(staging); err != nil {
		return "", err
	}
	if err := os.Rename(staging, rel); err != nil {
		return "", fmt.Errorf("name release: %w", err)
	}
	if err := stagehook.Reach("switch"); err != nil {
		return "", err
	}
	// The release is named but not served: if the switch fails it is removed, so that no failed attempt leaves
	// a release behind.
	if err := t.replaceEmptyDir(); err != nil {
		os.RemoveAll(rel)
		return "", err
	}
	if err := t.point(rel); err != nil {
		if t.Current() != rel {
			os.RemoveAll(rel)
		}
		return "", err
	}
	t.prune()
	return rel, nil
}

// replaceEmptyDir removes a published path that is an empty folder (made by an operator for gongkai), so that the
// link can take its place. Vet refused any other folder; os.Remove removes only an empty one, so a folder that
// received files since is never removed: the switch fails and nothing is moved.
func (t *Target) replaceEmptyDir() error {
	fi, err := os.Lstat(t.Path)
	if err != nil || fi.Mode()&os.ModeSymlink != 0 {
		return nil
	}
	if !fi.IsDir() {
		return &RefusedError{Path: t.Path, Reason: "not folder", Detail: kindOf(fi)}
	}
	if err := os.Remove(t.Path); err != nil {
		return &RefusedError{Path: t.Path, Reason: "not empty", Detail: "?"}
	}
	return nil
}

// point swaps the published link to rel with a rename, the atomic step.
func (t *Target) point(rel string) error {
	target, err := filepath.Rel(filepath.Dir(t.Path), rel)
	if err != nil {
		target = rel
	}
	tmp := t.Path + ".link-tmp"
	os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("create link: %w", err)
	}
	if err := stagehook.Reach("switch-link"); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, t.Path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("switch link: %w", err)
	}
	return syncDir(filepath.Dir(t.Path))
}

// List returns the release folders, oldest first.
func (t *Target) List() []string {
	entries, _ := os.ReadDir(t.Releases)
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(t.Releases, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}

// Previous returns the release published before the current one, or "".
func (t *Target) Previous() string {
	cur := t.Current()
	list := t.List()
	for i, r := range list {
		if r == cur && i > 0 {
			return list[i-1]
		}
	}
	return ""
}

// Rollback points the published path at the previous release.
func (t *Target) Rollback() (string, error) {
	prev := t.Previous()
	if prev == "" {
		return "", errors.New("no earlier release to roll back to")
	}
	cur := t.Current()
	if err := t.point(prev); err != nil {
		return "", err
	}
	// The rolled-back release is removed so that a later rollback does not return to it.
	if cur != "" {
		os.RemoveAll(cur)
	}
	return prev, nil
}

func (t *Target) prune() {
	list := t.List()
	cur := t.Current()
	for len(list) > Keep {
		if list[0] != cur {
			os.RemoveAll(list[0])
		}
		list = list[1:]
	}
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
