package publish

import (
	"errors"
	"fmt"
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

func (e *RefusedError) Error() string { return e.Message("en") }

// Message is the refusal in lang ("zh" or "en").
func (e *RefusedError) Message(lang string) string {
	m, ok := refusals[lang]
	if !ok {
		m = refusals["zh"]
	}
	detail := e.Detail
	if k, ok := kindNames[lang][detail]; ok {
		detail = k
	} else if k, ok := kindNames["zh"][detail]; ok && lang != "en" {
		detail = k
	}
	return fmt.Sprintf(m[e.Reason], e.Path, detail)
}

// kindNames name what was found instead of a folder.
var kindNames = map[string]map[string]string{
	"zh": {"file": "普通文件", "pipe": "命名管道", "device": "设备文件", "socket": "套接字", "other": "非目录"},
	"en": {"file": "a regular file", "pipe": "a named pipe", "device": "a device", "socket": "a socket", "other": "not a folder"},
}

// refusals are the sentences of RefusedError: what was found, why it is refused, what to do.
var refusals = map[string]map[string]string{
	"zh": {
		"root":         "发布路径 %s%s 是文件系统的根目录:拒绝发布;请用 -d 指定一个新的路径,例如 /srv/gongkai/public",
		"site":         "发布路径 %s 是站点目录或包含站点目录 %s:发布会把源文件移走,拒绝发布;请用 -d 指定站点之外的新路径",
		"sources":      "发布路径 %s 位于站点的源文件目录 %s 中:拒绝发布;请用 -d 指定一个新的路径",
		"not empty":    "发布路径 %s 是一个非空的普通目录(其中有 %s 等),不是 gongkai 发布的:为免移动或删除其中的文件,拒绝发布;请把它移走,或用 -d 指定一个不存在的路径",
		"foreign link": "发布路径 %s 是指向 %s 的符号链接,不指向 gongkai 的发布目录:拒绝发布;请删除该链接,或用 -d 指定另一个路径",
		"not folder":   "发布路径 %s 是%s,不是目录或 gongkai 的符号链接:拒绝发布;请用 -d 指定一个新的路径",
		"releases":     "发布目录 %s 不是目录(%s):拒绝发布",
		"unreadable":   "无法读取发布路径 %s:%s",
	},
	"en": {
		"root":         "the published path %s%s is the root of the file system: refused; give -d a new path, e.g. /srv/gongkai/public",
		"site":         "the published path %s is, or contains, the site folder %s: publishing would move the sources away; refused; give -d a new path outside the site",
		"sources":      "the published path %s is inside the site's source folder %s: refused; give -d a new path",
		"not empty":    "the published path %s is a folder that is not empty (it holds %s, ...) and was not published by gongkai: refused so that none of its files is moved or deleted; move it away or give -d a path that does not exist",
		"foreign link": "the published path %s is a symbolic link to %s, not into gongkai's releases: refused; remove the link or give -d another path",
		"not folder":   "the published path %s is %s, not a folder or gongkai's link: refused; give -d a new path",
		"releases":     "the releases folder %s is not a folder (%s): refused",
		"unreadable":   "cannot read the published path %s: %s",
	},
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
