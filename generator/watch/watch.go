// Package watch tells gongkai serve which files of a site changed. It is the only package that watches files with
// fsnotify (hugosite hands Hugo its fsnotify.Event type for a changed file, and exports none).
//
// fsnotify watches single folders, reports every write of an editor's save separately and includes the editors'
// swap and backup files; a preview that rebuilt on each raw event would rebuild three times per save and on files
// that are not part of the site. This package watches whole trees (including folders created later), drops what is
// not a change of content, and hands over one batch per save burst.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Op is what happened to a file.
type Op int

const (
	Write  Op = iota // changed
	Create           // new
	Remove           // removed or renamed away
)

// Event is one changed path. The site folder itself is reported removed (Remove, Path the site) when it is
// deleted or moved away; when a folder is back at its path, each of its files is reported created.
type Event struct {
	Path string // absolute
	Op   Op
}

// Watched are the parts of a site the preview follows.
var Watched = []string{"content", "layouts", "static", "i18n", "data", "archetypes", "assets", "config.toml"}

// Debounce is how long a burst of events must stay quiet before it is handed over: editors save in several steps
// (write temp file, rename, chmod) within a few milliseconds.
const Debounce = 100 * time.Millisecond

// Retry is how often a site folder that was deleted or moved away is looked for again. The kernel drops the
// watches of a deleted folder and fsnotify the watch of a moved one, and a folder restored at the same path (a new
// clone, a backup copied back, a folder moved back) is a new folder no watch follows: it is polled for, then
// watched afresh.
const Retry = 250 * time.Millisecond

// Watcher follows a site.
type Watcher struct {
	w      *fsnotify.Watcher
	site   string
	C      chan []Event // one batch per save burst
	Errors chan error
	done   chan struct{}
}

// New starts watching the Watched parts of site that exist, and the site folder itself so that a folder created
// later (e.g. static/) is picked up.
func New(site string) (*Watcher, error) {
	site, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, site: site, C: make(chan []Event), Errors: make(chan error, 1), done: make(chan struct{})}
	if err := fw.Add(site); err != nil {
		fw.Close()
		return nil, err
	}
	for _, name := range Watched {
		if err := w.addTree(filepath.Join(site, name)); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// Close stops watching; C is closed.
func (w *Watcher) Close() error {
	err := w.w.Close()
	<-w.done
	return err
}

func (w *Watcher) addTree(root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return w.w.Add(p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// relevant reports whether p is a file of the site the preview cares about.
func (w *Watcher) relevant(p string) bool {
	rel, err := filepath.Rel(w.site, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	top := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
	watched := false
	for _, name := range Watched {
		if top == name {
			watched = true
		}
	}
	return watched && !TempFile(filepath.Base(p))
}

// TempFile reports the names editors use for swap, backup and atomic-save files.
func TempFile(name string) bool {
	switch {
	case strings.HasPrefix(name, ".#"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true // Emacs
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"),
		strings.HasSuffix(name, ".crdownload"), strings.HasSuffix(name, ".part"):
		return true
	case name == "4913": // vim probes whether it may write the folder
		return true
	case strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp"), strings.HasPrefix(name, ".goutputstream-"):
		return true
	case name == ".DS_Store", name == ".hugo_build.lock":
		return true
	}
	return false
}

func (w *Watcher) loop() {
	defer close(w.done)
	defer close(w.C)
	pending := map[string]Op{}
	var order []string
	var timer <-chan time.Time
	var ready []Event          // a batch the consumer has not taken yet
	var out chan []Event       // w.C while ready is non-empty: a busy consumer never blocks fsnotify
	var retry <-chan time.Time // while the site folder is gone
	add := func(p string, op Op) {
		prev, seen := pending[p]
		if !seen {
			order = append(order, p)
		}
		switch {
		case seen && prev == Remove && op == Create:
			op = Write // an atomic save: the file was replaced
		case seen && prev == Create && op == Write:
			op = Create
		}
		pending[p] = op
	}
	for {
		select {
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Name == w.site && (ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename)) {
				add(w.site, Remove)
				timer = time.After(Debounce)
				retry = time.After(0)
				continue
			}
			if ev.Op == fsnotify.Chmod || !w.relevant(ev.Name) {
				continue
			}
			op := Write
			if ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename) {
				op = Remove
			} else if ev.Op.Has(fsnotify.Create) {
				op = Create
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new folder, maybe created with files already in it (cp -r, git checkout): watch it and
					// report what it holds.
					w.addTree(ev.Name)
					filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err == nil && !d.IsDir() && w.relevant(p) {
							add(p, Create)
						}
						return nil
					})
				}
			}
			add(ev.Name, op)
			timer = time.After(Debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			select {
			case w.Errors <- err:
			default:
			}
		case <-retry:
			retry = nil
			if !w.rewatch() {
				retry = time.After(Retry)
				continue
			}
			for _, name := range Watched { // not public/ nor the releases
				filepath.WalkDir(filepath.Join(w.site, name), func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() && w.relevant(p) {
						add(p, Create)
					}
					return nil
				})
			}
			timer = time.After(Debounce)
		case <-timer:
			timer = nil
			for _, p := range order {
				ready = mergeEvent(ready, Event{Path: p, Op: pending[p]})
			}
			pending, order = map[string]Op{}, nil
			out = w.C
		case out <- ready:
			ready, out = nil, nil
		}
	}
}

func mergeEvent(batch []Event, e Event) []Event {
	for i := range batch {
		if batch[i].Path == e.Path {
			if !(batch[i].Op == Create && e.Op == Write) {
				batch[i].Op = e.Op
			}
			return batch
		}
	}
	return append(batch, e)
}

// rewatch watches the site folder afresh if it is there again; it reports whether it is.
func (w *Watcher) rewatch() bool {
	if info, err := os.Stat(w.site); err != nil || !info.IsDir() {
		return false
	}
	// Watches left on the folders of a site that was moved away follow those folders wherever they are now.
	for _, p := range w.w.WatchList() {
		w.w.Remove(p)
	}
	if err := w.w.Add(w.site); err != nil {
		return false
	}
	for _, name := range Watched {
		w.addTree(filepath.Join(w.site, name))
	}
	return true
}
