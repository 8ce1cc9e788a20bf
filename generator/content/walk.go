package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// markdownFiles lists content/**/*.md as sorted slash paths relative to dir, and refuses what Hugo would not
// publish as the validation sees it, so that validation and Hugo read the same files:
//
//   - content/ itself may be a symbolic link to a folder inside the site (Hugo follows the root of its content
//     folder); one that leads out of the site is refused;
//   - any other symbolic link under content/, to a file or a folder, inside the site or out of it, is refused
//     (Hugo skips links below its roots, so the document or attachment would silently not be published);
//   - a file that is neither a regular file nor a folder (a named pipe, a device, a socket) is refused: reading
//     one can block forever while the build holds the lock.
func (v *validator) markdownFiles(dir string) ([]string, error) {
	root := filepath.Join(dir, "content")
	walkRoot := root
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(root)
		realSite, serr := filepath.EvalSymlinks(dir)
		if err != nil || serr != nil || !within(real, realSite) {
			dest, _ := os.Readlink(root)
			v.errorf("content", frontmatter.Pos{}, "", "", msg.ContentLinkOut.F(v.lang, dest))
			return nil, nil
		}
		walkRoot = real
	}
	var out []string
	err := filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == walkRoot {
				return fs.SkipAll
			}
			return err
		}
		rel, _ := filepath.Rel(walkRoot, p)
		slash := "content"
		if rel != "." {
			slash += "/" + filepath.ToSlash(rel)
		}
		name := d.Name()
		switch t := d.Type(); {
		case d.IsDir():
			if p != walkRoot && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return fs.SkipDir
			}
			return nil
		case t&fs.ModeSymlink != 0:
			dest, _ := os.Readlink(p)
			v.errorf(slash, frontmatter.Pos{}, "", "", msg.ContentLink.F(v.lang, dest))
			return nil
		case !t.IsRegular():
			v.errorf(slash, frontmatter.Pos{}, "", "", msg.ContentNotRegular.In(v.lang))
			return nil
		}
		if strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") {
			out = append(out, slash)
		}
		if isSVG(name) && !strings.HasPrefix(name, ".") {
			v.svg(p, slash)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../") && !filepath.IsAbs(rel)
}
