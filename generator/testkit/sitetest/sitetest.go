// Package sitetest makes small sites for tests from txtar text, the format Hugo's and x/tools' tests use: one
// readable string holds every file of a site, and a failing test shows exactly what the site contained.
package sitetest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"gongkai/generator/testkit/corpus"
)

// Config is a minimal valid config.toml for test sites.
const Config = `baseURL = "https://example.gov.cn/"
title = "测试站点"
locale = "zh-CN"
defaultContentLanguage = "zh"
timeZone = "Asia/Shanghai"
[params]
site_name = "测试站点"
site_domain = "example.gov.cn"
site_id_code = "1201020001"
publisher = "测试局"
[params.footer]
host = "测试局"
`

// Topics is a small topic vocabulary for test sites.
const Topics = `[[class]]
name = "综合政务"
children = ["政务公开", "其他"]

[[class]]
name = "劳动、人事、监察"
children = ["劳动就业", "劳动关系"]
`

// Write lays out the files of archive in a new temporary folder and returns it. config.toml and data/topics.toml
// default to Config and Topics when the archive has none.
func Write(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	WriteInto(t, dir, archive)
	return dir
}

// WriteInto lays out the files of archive in dir.
func WriteInto(t testing.TB, dir, archive string) {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	files := map[string][]byte{"config.toml": []byte(Config), "data/topics.toml": []byte(Topics)}
	for _, f := range a.Files {
		files[f.Name] = f.Data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// WithTheme makes a site from archive that also has the repository's layouts, static files and i18n, so that it
// renders like the sample site.
func WithTheme(t testing.TB, archive string) string {
	t.Helper()
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// The layouts' header links to the search page, and the build verifies every link: the page comes with them.
	for _, sub := range []string{"layouts", "static", "i18n", "archetypes", "content/search"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("copy %s: %v", sub, err)
		}
	}
	WriteInto(t, dir, archive)
	return dir
}
