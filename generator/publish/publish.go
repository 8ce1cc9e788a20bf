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

	"github.com/gofrs/flock"

	"gongkai/generator/parallel"
	"gongkai/generator/stagehook"
)

// Keep is how many releases are kept, the live one included.
const Keep = 3

// Target is a published path and the folder that holds its releases.
type Target struct {
	Path     string // the published path, e.g. /srv/site/public (a symlink once published)
	Releases string // e.g. /srv/site/.public-releases
	lock     *flock.Flock
	synced   string // the staging folder Sync made durable
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
	// gofrs/flock is the only importer of per-OS locking: flock(2) on Unix, LockFileEx on Windows, so that the
	// same build runs on an editor's Windows desktop and on the Linux server.
	l := flock.New(filepath.Join(t.Releases, ".lock"))
	ok, err := l.TryLock()
	if err != nil {
		return fmt.Errorf("open lock: %w", err)
	}
	if !ok {
		return &BusyError{Path: t.Path, Lock: l.Path()}
	}
	t.lock = l
	return nil
}

// BusyError says another gongkai holds the lock of a published path.
type BusyError struct{ Path, Lock string }

func (e *BusyError) Error() string {
	return fmt.Sprintf("another build is publishing %s (lock %s held)", e.Path, e.Lock)
}

// Unlock releases the lock.
func (t *Target) Unlock() {
	if t.lock != nil {
		t.lock.Unlock()
		t.lock = nil
	}
}

// Stage creates an empty staging folder for a new release. What killed builds left is removed first: staging
// folders, and releases that were never published (a build killed between naming its release and switching the
// link). None of them was ever served. Releases left by a rollback were served and are kept, so that the
// rollback can be undone. Needs the lock.
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
		published := map[string]bool{}
		for _, r := range t.List() {
			published[r] = true
		}
		for _, r := range t.dirs() {
			if !published[r] && r != cur {
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

// Sync makes the files of a staging folder durable (see durable). Commit does it unless Sync was called for the
// folder, so that a build can time it as a stage of its own: one syncfs writes out everything the file system holds
// unwritten, which on a busy disk is the slowest step of publishing.
func (t *Target) Sync(staging string) error {
	if err := durable(staging); err != nil {
		return fmt.Errorf("sync release: %w", err)
	}
	if err := syncDir(staging); err != nil {
		return err
	}
	t.synced = staging
	return nil
}

// Commit turns a staging folder into the release id and points the published path at it, after making it durable
// unless Sync did. The caller then calls Prune.
func (t *Target) Commit(staging, id string) (string, error) {
	rel := filepath.Join(t.Releases, id)
	if _, err := os.Stat(rel); err == nil {
		return "", fmt.Errorf("release %s exists already", id)
	}
	if t.synced != staging {
		if err := t.Sync(staging); err != nil {
			return "", err
		}
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
	if err := t.record(filepath.Base(rel)); err != nil {
		return "", err
	}
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

// orderFile records the releases in the order they were published, one name a line. Release names come from the
// clock, and a clock set back (a desktop after a battery change, a server before NTP) would misorder them: the
// record, not the names, says which release came before which.
const orderFile = ".published"

// dirs returns every release folder, in name order.
func (t *Target) dirs() []string {
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

// order returns the recorded publication order, the names of releases that still exist. Releases from before
// the record (gongkai wrote none) that are not newer than the live one come first, in name order, as they were
// published under a clock that was then assumed right.
func (t *Target) order() []string {
	exists := map[string]bool{}
	var byName []string
	for _, d := range t.dirs() {
		exists[filepath.Base(d)] = true
		byName = append(byName, filepath.Base(d))
	}
	var recorded []string
	seen := map[string]bool{}
	if data, err := os.ReadFile(filepath.Join(t.Releases, orderFile)); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.TrimSpace(l)
			if l != "" && exists[l] && !seen[l] {
				seen[l] = true
				recorded = append(recorded, l)
			}
		}
	}
	cur := filepath.Base(t.Current())
	var out []string
	for _, n := range byName {
		if !seen[n] && (n <= cur || n == "0-adopted") && len(recorded) == 0 {
			out = append(out, n)
			seen[n] = true
		}
	}
	out = append(out, recorded...)
	if t.Current() != "" && !seen[cur] && exists[cur] {
		// Published, but killed before it was recorded.
		out = append(out, cur)
	}
	return out
}

// record appends a release to the publication order.
func (t *Target) record(name string) error {
	order := t.order()
	var b strings.Builder
	for _, n := range order {
		if n != name {
			b.WriteString(n + "\n")
		}
	}
	b.WriteString(name + "\n")
	tmp := filepath.Join(t.Releases, orderFile+".tmp")
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("record release: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(t.Releases, orderFile)); err != nil {
		return fmt.Errorf("record release: %w", err)
	}
	return nil
}

// List returns the published release folders in the order they were published, oldest first.
func (t *Target) List() []string {
	var out []string
	for _, n := range t.order() {
		out = append(out, filepath.Join(t.Releases, n))
	}
	return out
}

// Previous returns the release published before the current one, or "".
func (t *Target) Previous() string { return t.step(-1) }

// Next returns the release published after the current one (one a rollback left), or "".
func (t *Target) Next() string { return t.step(+1) }

func (t *Target) step(by int) string {
	cur := t.Current()
	list := t.List()
	for i, r := range list {
		if r == cur && i+by >= 0 && i+by < len(list) {
			return list[i+by]
		}
	}
	return ""
}

// ErrNoRelease says there is no release to go to.
var ErrNoRelease = errors.New("no release to go to")

// Rollback points the published path at the release published before the live one. The release it leaves is
// kept: Forward goes back to it.
func (t *Target) Rollback() (string, error) { return t.move(t.Previous()) }

// Forward points the published path at the release published after the live one, undoing a Rollback.
func (t *Target) Forward() (string, error) { return t.move(t.Next()) }

func (t *Target) move(to string) (string, error) {
	if to == "" {
		return "", ErrNoRelease
	}
	if err := t.point(to); err != nil {
		return "", err
	}
	return to, nil
}

// Prune keeps the last Keep releases in publication order, and the live one whatever its place. A release is
// hundreds of thousands of files on a large site, and removing them took 4-6 s of a night on a disk that did
// little else: a release to remove is only renamed aside here (trashPrefix), and EmptyTrash removes it, during the
// next build. A release that cannot be renamed is removed at once.
func (t *Target) Prune() {
	list := t.List()
	cur := t.Current()
	for len(list) > Keep {
		if list[0] != cur {
			if os.Rename(list[0], filepath.Join(t.Releases, trashPrefix+filepath.Base(list[0]))) != nil {
				removeAll(list[0])
			}
		}
		list = list[1:]
	}
}

// trashPrefix names a release Prune set aside, never served nor listed (List skips names that start with a dot).
const trashPrefix = ".trash-"

// EmptyTrash removes the releases Prune set aside. Needs the lock. Removing a file that shares its inode with the
// live release changes that inode's ctime: a build calls it once it has checked the live release's files by their
// stamps (generator/reuse), and records the new release's stamps after it has returned.
func (t *Target) EmptyTrash() {
	entries, _ := os.ReadDir(t.Releases)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), trashPrefix) {
			removeAll(filepath.Join(t.Releases, e.Name()))
		}
	}
}

// removeAll is os.RemoveAll(dir), the folders two levels down removed side by side first.
func removeAll(dir string) {
	var sub []string
	tops, _ := os.ReadDir(dir)
	for _, top := range tops {
		if !top.IsDir() {
			continue
		}
		p := filepath.Join(dir, top.Name())
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			sub = append(sub, filepath.Join(p, e.Name()))
		}
	}
	parallel.Each(len(sub), func(i int) { os.RemoveAll(sub[i]) })
	os.RemoveAll(dir)
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
