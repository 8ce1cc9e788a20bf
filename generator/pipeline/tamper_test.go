package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

// Issue 14 item 4: a file edited or replaced in the live release is not carried into the next release (a hard
// link would, certified by the new checksums.sha256): it is named and built again, and the build succeeds.
func TestTamperedLiveReleaseIsNamedAndRebuilt(t *testing.T) {
	body := strings.Repeat("本条例适用于本区行政机关的政府信息公开工作,公民、法人和其他组织可以依法申请获取政府信息。\n\n", 20)
	site := sitetest.Write(t, layouts+"-- content/articles/a.md --\n+++\ntitle = \"普法文章\"\ndate = 2024-03-01\n+++\n"+body)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	live := published(t, out)
	page := filepath.Join(live, "articles", "a", "index.html")
	gz := page + ".gz"
	if _, err := os.Stat(gz); err != nil {
		t.Fatalf("the page has no .gz to tamper with: %v", err)
	}
	// Replace the .gz with another file (a new inode, as an attacker's upload would be)...
	var evil bytes.Buffer
	w := gzip.NewWriter(&evil)
	w.Write([]byte("<script>alert(1)</script>"))
	w.Close()
	if err := os.WriteFile(gz+".new", evil.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(gz+".new", gz); err != nil {
		t.Fatal(err)
	}
	// ... and edit the home page in place.
	home := filepath.Join(live, "index.html")
	orig, _ := os.ReadFile(home)
	if err := os.WriteFile(home, append(orig, "<p>已被篡改</p>"...), 0o644); err != nil {
		t.Fatal(err)
	}

	code, stderr := build(t, site, out, now)
	if code != 0 {
		t.Fatalf("build after tampering: exit %d, want 0\n%s", code, stderr)
	}
	for _, want := range []string{
		gz + ": warning: 线上版本中的此文件与其 checksums.sha256 记录的校验值不符:发布后被修改或替换;本次已重新生成,未沿用\n",
		home + ": warning: 线上版本中的此文件与其 checksums.sha256 记录的校验值不符",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("missing %q\n%s", want, stderr)
		}
	}
	// The new release is what a build from nothing gives: nothing of the tampered files reached it.
	fresh := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, fresh, now); code != 0 {
		t.Fatalf("fresh build: exit %d\n%s", code, stderr)
	}
	sameTree(t, tree(t, out), tree(t, fresh))

	// The next build has nothing to say.
	if code, stderr := build(t, site, out, now); code != 0 || strings.Contains(stderr, "warning: 线上版本") {
		t.Errorf("third build: exit %d\n%s", code, stderr)
	}
}

// The files a nightly build takes are checked by their stamps (inode, size, modification and change time, recorded
// after the switch), not read: a night with nothing changed reads none of them. An edit that keeps a file's size
// and sets its modification time back (touch -r) still changes its change time, which no call sets back: the file
// is read, named and built again, and the release is still the cold build's.
func TestTamperKeepingSizeAndTimeIsFound(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are Linux's (change time); elsewhere every taken file is read and hashed")
	}
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	for i := 0; i < 2; i++ { // the second build is the first with a live release to record
		if code, stderr := build(t, site, out, now); code != 0 {
			t.Fatalf("build %d: exit %d\n%s", i+1, code, stderr)
		}
	}
	rep := filepath.Join(t.TempDir(), "report.json")
	if code, stderr := build(t, site, out, now, "--report", rep); code != 0 {
		t.Fatalf("nightly build: exit %d\n%s", code, stderr)
	}
	r := readReport(t, rep)
	if r.Render == nil || r.Render.CheckedByStamp == 0 || r.Render.CheckedByReading != 0 {
		t.Fatalf("nothing changed: render %+v, want every taken file checked by its stamp and none read", r.Render)
	}

	live := published(t, out)
	page := filepath.Join(live, "articles", "ldzy-2024", "index.html")
	fi, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("<main"))
	if i < 0 {
		t.Fatalf("%s has no <main", page)
	}
	copy(data[i:], "<MAIN") // same size, other bytes
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(page, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	code, stderr := build(t, site, out, now, "--report", rep)
	if code != 0 {
		t.Fatalf("build after tampering: exit %d\n%s", code, stderr)
	}
	if want := page + ": warning: 线上版本中的此文件与其 checksums.sha256 记录的校验值不符"; !strings.Contains(stderr, want) {
		t.Errorf("missing %q\n%s", want, stderr)
	}
	if r := readReport(t, rep); r.Render.CheckedByReading == 0 {
		t.Errorf("render %+v: the edited file was not read", r.Render)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, fresh, now); code != 0 {
		t.Fatalf("fresh build: exit %d\n%s", code, stderr)
	}
	sameTree(t, tree(t, out), tree(t, fresh))
}
