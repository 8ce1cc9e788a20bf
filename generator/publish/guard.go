package publish

import (
	"errors"
	"gongkai/generator/msg"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// sourceFolders are the folders of a site that hold its sources: a published path inside one of them would publish
// into the sources, and replacing it would move them away.
var sourceFolders = []string{"content", "layouts", "static", "data", "i18n", "archetypes", "assets", "themes",
	"config", "generator", ".git"}

// RefusedError is a published path gongkai does not own: publishing there would move or delete a user's files.
// Nothing was written when it is returned.
type RefusedError struct {
	Path   string
	Reason string // a key of refusals
	Detail string // the link's target, the file found, ...
}

func (e *RefusedError) Error() string { return e.Message(msg.En) }

// Message is the refusal in lang.
func (e *RefusedError) Message(lang msg.Lang) string {
	detail := e.Detail
	if k, ok := kindNames[detail]; ok {
		detail = k.In(lang)
	}
	return refusals[e.Reason].F(lang, e.Path, detail)
}

// kindNames name what was found instead of a folder.
var kindNames = map[string]msg.Text{
	"file": msg.PublishFile, "pipe": msg.PublishPipe, "device": msg.PublishDevice, "socket": msg.PublishSocket,
	"other": msg.PublishOther,
}

// refusals are the sentences of RefusedError, by Reason.
var refusals = map[string]msg.Text{
	"root":         msg.PublishRoot,
	"site":         msg.PublishSite,
	"sources":      msg.PublishSources,
	"not empty":    msg.PublishNotEmpty,
	"foreign link": msg.PublishForeignLink,
	"not folder":   msg.PublishNotFolder,
	"releases":     msg.PublishReleases,
	"unreadable":   msg.PublishUnreadable,
}

// Vet refuses a published path that is not gongkai's, before anything is written: the root of the file system,
// the site folder or a folder containing it, a path inside the site's sources, a folder that is not empty, a link
// that does not point into the releases folder, a regular file or anything else. A path that does not exist, an
// empty folder and a link into the releases are accepted. site is the site's folder ("" when there is none).
func (t *Target) Vet(site string) error {
	refuse := func(reason, detail string) error {
		return &RefusedError{Path: t.Path, Reason: reason, Detail: detail}
	}
	if filepath.Dir(t.Path) == t.Path {
		return refuse("root", "")
	}
	// Compare real locations: the parent of the path may be reached through links.
	real := t.Path
	if parent, err := filepath.EvalSymlinks(filepath.Dir(t.Path)); err == nil {
		real = filepath.Join(parent, filepath.Base(t.Path))
	}
	if filepath.Dir(real) == real {
		return refuse("root", "")
	}
	if site != "" {
		s, err := filepath.Abs(site)
		if err == nil {
			if rs, err := filepath.EvalSymlinks(s); err == nil {
				s = rs
			}
			if within(s, real) {
				return refuse("site", s)
			}
			for _, f := range sourceFolders {
				if src := filepath.Join(s, f); within(real, src) {
					return refuse("sources", src)
				}
			}
			if real == filepath.Join(s, "config.toml") {
				return refuse("sources", real)
			}
		}
	}
	if fi, err := os.Lstat(t.Releases); err == nil && !fi.IsDir() {
		return &RefusedError{Path: t.Releases, Reason: "releases", Detail: kindOf(fi)}
	}
	fi, err := os.Lstat(t.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return refuse("unreadable", err.Error())
	case fi.Mode()&os.ModeSymlink != 0:
		if !t.ownLink() {
			dest, _ := os.Readlink(t.Path)
			return refuse("foreign link", dest)
		}
		return nil
	case fi.IsDir():
		f, err := os.Open(t.Path)
		if err != nil {
			return refuse("unreadable", err.Error())
		}
		defer f.Close()
		names, err := f.Readdirnames(1)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return refuse("unreadable", err.Error())
		}
		return refuse("not empty", names[0])
	}
	return refuse("not folder", kindOf(fi))
}

// ownLink reports whether the published path is a link to a folder directly inside the releases folder.
func (t *Target) ownLink() bool {
	cur := t.Current()
	return cur != "" && filepath.Dir(cur) == t.Releases && !strings.HasPrefix(filepath.Base(cur), ".")
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func kindOf(fi os.FileInfo) string {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return "file"
	case m&os.ModeNamedPipe != 0:
		return "pipe"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeSocket != 0:
		return "socket"
	}
	return "other"
}

// Exists reports whether the releases folder exists, that is whether anything was ever published at the path.
func (t *Target) Exists() bool {
	fi, err := os.Lstat(t.Releases)
	return err == nil && fi.IsDir()
}
