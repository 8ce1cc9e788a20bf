package cli

import (
	"context"
	"gongkai/generator/syncbuf"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// writeSite unpacks a txtar fixture into a new folder.
func writeSite(t testing.TB, fixture string) string {
	t.Helper()
	ar, err := txtar.ParseFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var urlRe = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// startServe runs `gongkai serve` in-process on a free port and returns its address; it stops with the test.
func startServe(t testing.TB, site string) (base string, stdout, stderr *syncbuf.Buffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	old := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	stdout, stderr = &syncbuf.Buffer{}, &syncbuf.Buffer{}
	done := make(chan int)
	go func() { done <- Run([]string{"serve", "-s", site, "--addr", "127.0.0.1:0"}, stdout, stderr) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != ExitOK {
			t.Errorf("serve exited with %d: %s", code, stderr.String())
		}
		serveContext = old
	})
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := urlRe.FindString(stdout.String()); m != "" {
			return strings.TrimSuffix(m, "/"), stdout, stderr
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s%s", code, stdout.String(), stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start: %s%s", stdout.String(), stderr.String())
	return "", nil, nil
}

func fetch(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitFor fetches url until ok accepts the page; rebuilds are asynchronous.
func waitFor(t testing.TB, url, what string, ok func(status int, body string) bool) string {
	t.Helper()
	var status int
	var body string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		status, body = fetch(t, url)
		if ok(status, body) {
			return body
		}
	}
	t.Fatalf("%s: %s never came (last: %d)\n%s", url, what, status, body)
	return ""
}

func contains(s string) func(int, string) bool {
	return func(status int, body string) bool { return status == 200 && strings.Contains(body, s) }
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeRebuildsOnEditsDeletionsAndErrors(t *testing.T) {
	site := writeSite(t, "testdata/serve-site.txtar")
	base, _, stderr := startServe(t, site)
	p1 := filepath.Join(site, "content", "policies", "p1.md")

	// The first build: the page, with the reload script added on the fly and no error list.
	status, page := fetch(t, base+"/policies/p1/")
	if status != 200 || !strings.Contains(page, "原始正文第一段") {
		t.Fatalf("first fetch: %d\n%s", status, page)
	}
	if !strings.Contains(page, `<script src="/_gongkai/reload.js?g=`) || strings.Contains(page, "gongkai-errors") {
		t.Fatalf("want the reload script and no error list:\n%s", page)
	}
	if _, js := fetch(t, base+"/_gongkai/reload.js"); !strings.Contains(js, "EventSource") {
		t.Fatalf("reload.js: %s", js)
	}
	// Drafts are shown in preview.
	waitFor(t, base+"/articles/draft1/", "the draft", contains("草稿正文"))

	// An edit is served.
	write(t, p1, strings.Replace(readFile(t, p1), "原始正文第一段", "修改后的正文", 1))
	waitFor(t, base+"/policies/p1/", "the edited text", contains("修改后的正文"))

	// A deletion leaves neither the page nor its entries in the year archive and the kind's list.
	for _, u := range []string{"/archives/2024/", "/policies/"} {
		waitFor(t, base+u, "p2 listed", contains("关于第二项工作的通知"))
	}
	if err := os.Remove(filepath.Join(site, "content", "policies", "p2.md")); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"/archives/2024/", "/policies/"} {
		waitFor(t, base+u, "p2 gone", func(status int, body string) bool {
			return status == 200 && !strings.Contains(body, "关于第二项工作的通知") && strings.Contains(body, "关于第一项工作的通知")
		})
	}
	waitFor(t, base+"/policies/p2/", "404 for p2", func(status int, _ string) bool { return status == 404 })

	// A syntax error in the front matter: every page shows it with file and line, the last good content stays.
	good := readFile(t, p1)
	write(t, p1, strings.Replace(good, `title = "关于第一项工作的通知"`, `title = "关于第一项工作的通知`, 1))
	want := "content/policies/p1.md:2:"
	page = waitFor(t, base+"/policies/p1/", "the error list", contains(`id="gongkai-errors"`))
	if !strings.Contains(page, want) || !strings.Contains(page, "元数据格式错误") || !strings.Contains(page, "修改后的正文") {
		t.Fatalf("want the error at %s and the last good text:\n%s", want, page)
	}
	_, page = fetch(t, base+"/policies/p1/")
	if !strings.Contains(page, want) || !strings.Contains(page, "修改后的正文") {
		t.Fatalf("next fetch: want the error and the last good text:\n%s", page)
	}
	_, other := fetch(t, base+"/articles/a1/")
	if !strings.Contains(other, want) {
		t.Fatalf("every page shows the error:\n%s", other)
	}
	if !strings.Contains(stderr.String(), want) {
		t.Fatalf("the terminal shows the error too:\n%s", stderr.String())
	}

	// Fixed: the page is back, without the error list.
	write(t, p1, strings.Replace(good, "修改后的正文", "改正后的正文", 1))
	waitFor(t, base+"/policies/p1/", "the fixed page", func(status int, body string) bool {
		return status == 200 && strings.Contains(body, "改正后的正文") && !strings.Contains(body, "gongkai-errors")
	})

	// A new year appears with a new document: its archive is generated.
	write(t, filepath.Join(site, "content", "articles", "a2.md"), "+++\ntitle = \"二〇二二年的文章\"\ndate = 2022-02-02\n+++\n正文。\n")
	waitFor(t, base+"/archives/2022/", "the new year's archive", contains("二〇二二年的文章"))

	// A template edit is served.
	layout := filepath.Join(site, "layouts", "page.html")
	write(t, layout, strings.Replace(readFile(t, layout), `<h1>`, `<h1 class="edited">`, 1))
	waitFor(t, base+"/policies/p1/", "the edited template", contains(`<h1 class="edited">`))

	// The preview never writes into the site's build output.
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Fatal("serve wrote public/")
	}
}

func readFile(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A save renders the edited page and the pages recently viewed; every other page that shows the edited title (a
// year archive, a list, its later pages and its feed) is rendered when it is asked for. This checks that none of them is
// served stale, whether it was viewed before the edit or not.
func TestServeRendersListsThatShowAnEditWhenAsked(t *testing.T) {
	site := writeSite(t, "testdata/serve-site.txtar")
	// One document a page: p2 (newest first) on /policies/, p1 on /policies/page/2/.
	if err := os.MkdirAll(filepath.Join(site, "layouts", "policies"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "layouts", "policies", "list.html"), `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range (.Paginate .Pages 1).Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}`)
	base, _, _ := startServe(t, site)
	old, renamed := "关于第一项工作的通知", "关于第一项工作的通知（修订）"
	lists := []string{"/archives/2024/", "/policies/page/2/", "/index.xml"}
	waitFor(t, base+"/policies/page/2/", "p1 on the second page", contains(old))

	p1 := filepath.Join(site, "content", "policies", "p1.md")
	write(t, p1, strings.Replace(readFile(t, p1), old, renamed, 1))
	waitFor(t, base+"/policies/p1/", "the new title", contains(renamed))
	for _, u := range lists {
		waitFor(t, base+u, "the new title", contains(renamed))
	}

	// Viewed before the next edit or not, the lists follow again; the first page of the list was never asked for.
	waitFor(t, base+"/policies/", "p2 on the first page", contains("关于第二项工作的通知"))
	write(t, p1, strings.Replace(readFile(t, p1), renamed, old, 1))
	waitFor(t, base+"/policies/p1/", "the old title back", func(status int, body string) bool {
		return status == 200 && !strings.Contains(body, renamed)
	})
	for _, u := range lists {
		waitFor(t, base+u, "the old title back", func(status int, body string) bool {
			return status == 200 && strings.Contains(body, old) && !strings.Contains(body, renamed)
		})
	}
}

// The site folder deleted and restored (a fresh clone, a backup copied back, a folder moved away and back): the
// preview follows the restored folder, shows its pages and keeps following edits to it.
func TestServeRecoversWhenTheSiteFolderIsDeletedAndRestored(t *testing.T) {
	site := writeSite(t, "testdata/serve-site.txtar")
	backup := filepath.Join(t.TempDir(), "backup")
	if err := os.CopyFS(backup, os.DirFS(site)); err != nil {
		t.Fatal(err)
	}
	base, _, _ := startServe(t, site)
	p1 := filepath.Join(site, "content", "policies", "p1.md")
	waitFor(t, base+"/policies/p1/", "the first build", contains("原始正文第一段"))

	// Deleted: the last good build is still served, with the problem above it.
	if err := os.RemoveAll(site); err != nil {
		t.Fatal(err)
	}
	waitFor(t, base+"/policies/p1/", "the error list", contains(`id="gongkai-errors"`))

	// Restored, with an edit made meanwhile in the backup: the restored text is served without errors.
	write(t, filepath.Join(backup, "content", "policies", "p1.md"),
		strings.Replace(readFile(t, filepath.Join(backup, "content", "policies", "p1.md")), "原始正文第一段", "恢复后的正文", 1))
	if err := os.CopyFS(site, os.DirFS(backup)); err != nil {
		t.Fatal(err)
	}
	restored := func(want string) func(int, string) bool {
		return func(status int, body string) bool {
			return status == 200 && strings.Contains(body, want) && !strings.Contains(body, "gongkai-errors")
		}
	}
	waitFor(t, base+"/policies/p1/", "the restored site", restored("恢复后的正文"))

	// The restored folder is watched: an edit is served.
	write(t, p1, strings.Replace(readFile(t, p1), "恢复后的正文", "恢复后再修改的正文", 1))
	waitFor(t, base+"/policies/p1/", "an edit after the restore", restored("恢复后再修改的正文"))

	// Moved away and back (the same folder): still followed, a new folder in it too (fsnotify dropped the
	// watch of the moved folder itself).
	away := filepath.Join(t.TempDir(), "away")
	if err := os.Rename(site, away); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if err := os.Rename(away, site); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	write(t, p1, strings.Replace(readFile(t, p1), "恢复后再修改的正文", "移回后修改的正文", 1))
	waitFor(t, base+"/policies/p1/", "an edit after moving back", restored("移回后修改的正文"))
	if err := os.MkdirAll(filepath.Join(site, "static", "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "static", "files", "a.txt"), "新的静态文件")
	waitFor(t, base+"/files/a.txt", "a file in a new folder after moving back", contains("新的静态文件"))
}
