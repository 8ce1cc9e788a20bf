package hugosite

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"
)

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readOut(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Generated files laid over the site change with the documents (a policy's interpretations, a year's title): the
// site takes their new contents in a rebuild, and refuses a new file, which needs a new site.
func TestSetFilesRebuildsWithGeneratedFiles(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	writeTree(t, site, map[string]string{
		"config.toml":       "baseURL = \"https://example.gov.cn/\"\ntitle = \"t\"\n",
		"layouts/page.html": `<p>{{ .Title }}|{{ index hugo.Data.gen.rel .File.ContentBaseName }}</p>`,
		"layouts/list.html": `<h1>{{ .Title }}</h1>`,
		"content/docs/a.md": "+++\ntitle = \"A\"\n+++\n",
		"content/_index.md": "+++\ntitle = \"home\"\n+++\n",
		"i18n/zh.toml":      "",
		"content/docs/b.md": "+++\ntitle = \"B\"\n+++\n",
	})
	files := map[string][]byte{
		"data/gen/rel.json":          []byte(`{"a":"first","b":"other"}`),
		"content/archives/_index.md": []byte("+++\ntitle = \"归档\"\n+++\n"),
	}
	s, err := New(Options{SiteDir: site, PublishDir: out, CacheDir: filepath.Join(dir, "cache"), Files: files,
		Watch: true, FastRender: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Build(); err != nil {
		t.Fatal(err)
	}
	if got := readOut(t, out, "docs/a/index.html"); got != "<p>A|first</p>" {
		t.Fatalf("first build: %q", got)
	}
	if _, err := s.Forget(); err != nil {
		t.Fatal(err)
	}

	changes, ok := s.SetFiles(map[string][]byte{
		"data/gen/rel.json":          []byte(`{"a":"second","b":"other"}`),
		"content/archives/_index.md": []byte("+++\ntitle = \"按年份浏览\"\n+++\n"),
	})
	if !ok || len(changes) != 2 || !strings.HasSuffix(changes[0].Path, filepath.FromSlash("content/archives/_index.md")) {
		t.Fatalf("SetFiles: %v %v", changes, ok)
	}
	if _, err := s.RebuildChanged(changes); err != nil {
		t.Fatal(err)
	}
	// Fast render: nothing was viewed, so the pages are rendered when asked for.
	for url, want := range map[string]string{"/docs/a/": "<p>A|second</p>", "/archives/": "<h1>按年份浏览</h1>"} {
		if _, err := s.RenderURL(url); err != nil {
			t.Fatal(err)
		}
		if got := readOut(t, out, strings.TrimPrefix(url, "/")+"index.html"); got != want {
			t.Errorf("%s: got %q, want %q", url, got, want)
		}
	}

	if changes, ok := s.SetFiles(map[string][]byte{"data/gen/rel.json": []byte(`{}`)}); ok || changes != nil {
		t.Fatalf("a removed file: want refused, got %v %v", changes, ok)
	}
	if changes, ok := s.SetFiles(map[string][]byte{
		"data/gen/rel.json":          []byte(`{"a":"second","b":"other"}`),
		"content/archives/_index.md": []byte("+++\ntitle = \"按年份浏览\"\n+++\n"),
	}); !ok || len(changes) != 0 {
		t.Fatalf("nothing changed: want no changes, got %v %v", changes, ok)
	}
}

// A closed site must be garbage: the build goes on for seconds after Hugo (minifying, compressing) and its peak
// memory and collection time are Hugo's leftovers when anything in Hugo still reaches them.
func TestClosedSiteIsCollected(t *testing.T) {
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "out")
	writeTree(t, site, map[string]string{
		"config.toml": "baseURL = \"https://example.gov.cn/\"\ntitle = \"t\"\n",
		// Sorting by date fills Hugo's page-sort cache, which held the last site before Close emptied it.
		"layouts/list.html": `{{ range .Pages.ByDate.Reverse }}{{ .Title }}{{ end }}`,
		"layouts/page.html": `{{ .Title }}`,
		"content/docs/a.md": "+++\ntitle = \"A\"\ndate = 2024-01-02\n+++\n",
		"content/docs/b.md": "+++\ntitle = \"B\"\ndate = 2024-01-03\n+++\n",
	})
	s, err := New(Options{SiteDir: site, PublishDir: out, CacheDir: filepath.Join(dir, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Build(); err != nil {
		t.Fatal(err)
	}
	if got := readOut(t, out, "docs/index.html"); got != "BA" {
		t.Fatalf("list: %q", got)
	}
	h := weak.Make(s.h)
	s.Close()
	s = nil
	runtime.GC()
	runtime.GC()
	if h.Value() != nil {
		t.Fatal("the Hugo site is still reachable after Close")
	}
}

// Options.Publish sees every file with the bytes Hugo would write, and what it declines is not written.
func TestPublishDecidesWhatIsWritten(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeTree(t, site, map[string]string{
		"config.toml":       "baseURL = \"https://example.gov.cn/\"\ntitle = \"t\"\n",
		"layouts/list.html": `<h1>{{ .Title }}</h1>`,
		"layouts/page.html": `<p>{{ .Title }}</p>`,
		"content/docs/a.md": "+++\ntitle = \"A\"\n+++\n",
		"content/docs/b.md": "+++\ntitle = \"B\"\n+++\n",
	})
	build := func(out string, publish func(string, []byte) bool) {
		t.Helper()
		s, err := New(Options{SiteDir: site, PublishDir: out, CacheDir: filepath.Join(dir, "cache"), Publish: publish})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Build(); err != nil {
			t.Fatal(err)
		}
	}
	plain, hooked := filepath.Join(dir, "plain"), filepath.Join(dir, "hooked")
	build(plain, nil)
	seen := map[string]string{}
	var mu sync.Mutex
	build(hooked, func(rel string, data []byte) bool {
		mu.Lock()
		defer mu.Unlock()
		seen[rel] = string(data)
		return rel != "docs/b/index.html"
	})
	if seen["docs/b/index.html"] != "<p>B</p>" || seen["docs/a/index.html"] != "<p>A</p>" {
		t.Fatalf("Publish saw %q", seen)
	}
	if _, err := os.Stat(filepath.Join(hooked, "docs/b/index.html")); !os.IsNotExist(err) {
		t.Errorf("a declined file was written (%v)", err)
	}
	for rel, data := range seen {
		if rel == "docs/b/index.html" {
			continue
		}
		if got := readOut(t, hooked, rel); got != data || got != readOut(t, plain, rel) {
			t.Errorf("%s: %q written, %q seen, %q without Publish", rel, got, data, readOut(t, plain, rel))
		}
	}
}
