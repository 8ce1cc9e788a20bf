package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

const smallDoc = `-- content/articles/a.md --
+++
title = "普法文章"
date = 2024-03-01
+++
正文。
`

// tree of names and contents under dir, links as "-> target", for checking that nothing was touched.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			out[rel] = "-> " + l
		case fi.Mode().IsRegular():
			b, _ := os.ReadFile(p)
			out[rel] = string(b)
		default:
			out[rel] = fi.Mode().String()
		}
		return nil
	})
	return out
}

func sameSnapshot(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d entries before, %d after", what, len(a), len(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s: %s changed or vanished", what, k)
		}
	}
}

// Issue 14 item 1: an output path that is not gongkai's is refused before any work, and never moved or deleted.
func TestOutputPathNotGongkaisIsRefusedAndKept(t *testing.T) {
	site := sitetest.Write(t, layouts+smallDoc)
	base := t.TempDir()
	www := filepath.Join(base, "www")
	writeFile(t, filepath.Join(www, "n.txt"), "k\n")
	writeFile(t, filepath.Join(base, "file.txt"), "user's file\n")
	os.Symlink(filepath.Join(base, "elsewhere"), filepath.Join(base, "foreign"))
	os.MkdirAll(filepath.Join(base, "elsewhere"), 0o755)
	writeFile(t, filepath.Join(base, "elsewhere", "keep.html"), "x")
	fifo := filepath.Join(base, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, base)
	siteBefore := snapshot(t, site)

	for _, tc := range []struct{ out, want string }{
		{www, "是一个非空的普通目录(其中有 n.txt 等),不是 gongkai 发布的:为免移动或删除其中的文件,拒绝发布"},
		{site, "是站点目录或包含站点目录"},
		{filepath.Dir(site), "是站点目录或包含站点目录"},
		{filepath.Join(site, "content"), "位于站点的源文件目录"},
		{filepath.Join(site, "content", "articles", "new"), "位于站点的源文件目录"},
		{filepath.Join(site, "static"), "位于站点的源文件目录"},
		{filepath.Join(base, "file.txt"), "是普通文件,不是目录或 gongkai 的符号链接:拒绝发布"},
		{fifo, "是命名管道,不是目录"},
		{filepath.Join(base, "foreign"), "是指向 " + filepath.Join(base, "elsewhere") + " 的符号链接,不指向 gongkai 的发布目录"},
		{"/", "是文件系统的根目录"},
	} {
		// Three builds, as a nightly job would run them: none may move what is there.
		for i := 0; i < 3; i++ {
			code, stderr := build(t, site, tc.out, now)
			if code != 2 || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "运行 gongkai build -h 查看用法") {
				t.Fatalf("-d %s: exit %d, want 2 and %q\n%s", tc.out, code, tc.want, stderr)
			}
			if strings.Contains(stderr, "已检查") || strings.Contains(stderr, "render") {
				t.Errorf("-d %s: work was done before the refusal:\n%s", tc.out, stderr)
			}
		}
	}
	sameSnapshot(t, "output folder", before, snapshot(t, base))
	sameSnapshot(t, "site", siteBefore, snapshot(t, site))
	for _, p := range []string{filepath.Join(base, ".www-releases"), filepath.Join(site, ".content-releases"),
		filepath.Join(base, ".file.txt-releases"), filepath.Join(filepath.Dir(site), "."+filepath.Base(site)+"-releases")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was created", p)
		}
	}
}

// An empty folder made for gongkai, and then gongkai's own link, are accepted.
func TestOutputPathEmptyFolderThenOwnLink(t *testing.T) {
	site := sitetest.Write(t, layouts+smallDoc)
	out := filepath.Join(t.TempDir(), "www")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if code, stderr := build(t, site, out, now); code != 0 {
			t.Fatalf("build %d: exit %d\n%s", i, code, stderr)
		}
	}
	if fi, err := os.Lstat(out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is not a link: %v", out, err)
	}
	if _, err := os.Stat(filepath.Join(out, "articles", "a", "index.html")); err != nil {
		t.Error(err)
	}
	// The build wrote nothing into the site's folder (Hugo's .hugo_build.lock was written there, so an unwritable
	// site folder failed as a content error).
	if _, err := os.Stat(filepath.Join(site, ".hugo_build.lock")); err == nil {
		t.Error("the build wrote .hugo_build.lock into the site folder")
	}
	// The English site says it in English.
	en := sitetest.Write(t, layouts+smallDoc+"-- config.toml --\n"+strings.NewReplacer(`locale = "zh-CN"`, `locale = "en-US"`, `defaultContentLanguage = "zh"`, `defaultContentLanguage = "en"`).Replace(sitetest.Config))
	code, stderr := build(t, en, filepath.Join(en, "content"), now)
	if code != 2 || !strings.Contains(stderr, "is inside the site's source folder") {
		t.Errorf("English site: exit %d\n%s", code, stderr)
	}
}

// Issue 14, risks: files and folders of static/ whose names start with a dot are not published unless listed.
func TestStaticDotfilesNotPublished(t *testing.T) {
	site := sitetest.Write(t, layouts+smallDoc+"-- static/.env --\nSECRET=1\n-- static/.git/config --\n[core]\n-- static/.htaccess --\nDeny\n-- static/.well-known/security.txt --\nContact: mailto:a@example.gov.cn\n-- static/css/.hidden.css --\na{}\n-- static/robots.txt --\nUser-agent: *\n")
	cfg, _ := os.ReadFile(filepath.Join(site, "config.toml"))
	os.WriteFile(filepath.Join(site, "config.toml"), []byte(strings.Replace(string(cfg), "[params]\n", "[params]\nstatic_dotfiles = [\".well-known\"]\n", 1)), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, p := range []string{".env", ".git/config", ".htaccess", "css/.hidden.css"} {
		if _, err := os.Lstat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s was published", p)
		}
	}
	for _, p := range []string{".well-known/security.txt", "robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("%s was not published: %v", p, err)
		}
	}
}
