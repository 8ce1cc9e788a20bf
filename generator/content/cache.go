package content

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongkai/generator/diag"
	"gongkai/generator/siteconfig"
)

// Cache keeps what validating each file found, so that gongkai serve re-reads only the files an editor saved: on
// 10,000 documents a whole-site validation takes seconds, re-checking one file and the cross-document rules does
// not. A Cache belongs to one configuration; make a new one when config.toml or the vocabulary changes.
type Cache struct {
	files map[string]cachedFile
}

type cachedFile struct {
	mod   time.Time
	size  int64
	doc   *Document
	diags *diag.List
}

// Forget drops what is cached for rel (a slash path relative to the site) and everything under it, e.g. a page
// bundle whose attachments changed.
func (c *Cache) Forget(rel string) {
	for f := range c.files {
		if f == rel || strings.HasPrefix(f, rel+"/") || strings.HasPrefix(rel, strings.TrimSuffix(f, "index.md")) {
			delete(c.files, f)
		}
	}
}

// LoadCached is Load that re-validates only the files that changed since the last call with c.
func LoadCached(dir string, cfg *siteconfig.Config, c *Cache) (*Site, *diag.List, error) {
	if c.files == nil {
		c.files = map[string]cachedFile{}
	}
	return load(dir, cfg, c)
}

// fileCached validates f unless c holds a result for the same modification time and size.
func (v *validator) fileCached(f string, c *Cache, read func() ([]byte, error)) (*Document, error) {
	info, err := os.Stat(filepath.Join(v.dir, filepath.FromSlash(f)))
	if err != nil {
		return nil, err
	}
	if e, ok := c.files[f]; ok && e.mod.Equal(info.ModTime()) && e.size == info.Size() {
		v.diags.Merge(e.diags)
		return e.doc, nil
	}
	src, err := read()
	if err != nil {
		return nil, err
	}
	all := v.diags
	v.diags = &diag.List{}
	d := v.file(f, src)
	c.files[f] = cachedFile{mod: info.ModTime(), size: info.Size(), doc: d, diags: v.diags}
	all.Merge(v.diags)
	v.diags = all
	return d, nil
}
