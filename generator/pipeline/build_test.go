package pipeline_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gongkai/generator/catalog"
	"gongkai/generator/cli"
	"gongkai/generator/content"
	"gongkai/generator/manifest"
	"gongkai/generator/pipeline"
	"gongkai/generator/precompress"
	"gongkai/generator/testkit/corpus"
	"gongkai/generator/testkit/sitetest"
)

const now = "2025-06-01T02:00:00+08:00"

// sampleSite copies the repository's sample site into a temporary folder, so that tests may edit it.
func sampleSite(t *testing.T) string {
	t.Helper()
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, sub := range []string{"content", "layouts", "static", "data", "i18n", "archetypes", "assets"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// build runs `gongkai build` in-process and returns the exit code and stderr.
func build(t *testing.T, site, out, now string, extra ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"build", "-s", site, "-d", out, "--now", now}, extra...)
	code := cli.Run(args, &stdout, &stderr)
	return code, stderr.String()
}

type fileState = sitetest.File

// sameTree reports every file that is in one tree only, or differs in bytes or time.
func sameTree(t *testing.T, a, b map[string]fileState) {
	t.Helper()
	for p, fa := range a {
		fb, ok := b[p]
		switch {
		case !ok:
			t.Errorf("%s only in the first build", p)
		case !bytes.Equal(fa.Data, fb.Data):
			t.Errorf("%s differs", p)
		case !fa.MTime.Equal(fb.MTime):
			t.Errorf("%s: mtime %v vs %v", p, fa.MTime, fb.MTime)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s only in the second build", p)
		}
	}
}

func tree(t *testing.T, root string) map[string]fileState { return sitetest.Tree(t, root) }

func TestSameNowGivesIdenticalOutput(t *testing.T) {
	site := sampleSite(t)
	a, b := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	for _, out := range []string{a, b} {
		if code, stderr := build(t, site, out, now); code != 0 {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) < 50 {
		t.Fatalf("only %d files", len(ta))
	}
	sameTree(t, ta, tb)
	// Each document's files carry the document's date; a generated list page does not carry the build time.
	if mt := ta["policies/ldht-2024/index.html"].MTime; !mt.Equal(time.Date(2024, 6, 28, 0, 0, 0, 0, time.FixedZone("", 8*3600))) {
		t.Errorf("document mtime %v", mt)
	}
	if ta["policies/ldht-2024/index.html.gz"].MTime != ta["policies/ldht-2024/index.html"].MTime {
		t.Error(".gz does not carry its original's mtime")
	}
	if _, ok := ta["gongkai-docs/index.json"]; ok {
		t.Error("the private page list was published")
	}
}

func TestOutputsForMachines(t *testing.T) {
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	files := tree(t, out)

	// Every .gz and .br decompresses to its original.
	n := 0
	for p, f := range files {
		if !strings.HasSuffix(p, ".gz") && !strings.HasSuffix(p, ".br") {
			continue
		}
		orig := files[p[:len(p)-3]]
		got, err := precompress.Decompress(p, f.Data)
		if err != nil || !bytes.Equal(got, orig.Data) {
			t.Errorf("%s does not decompress to its original (%v)", p, err)
		}
		if !f.MTime.Equal(orig.MTime) {
			t.Errorf("%s: mtime differs from the original's", p)
		}
		n++
	}
	if n < 40 {
		t.Errorf("only %d compressed files", n)
	}

	// catalog.json validates against the shipped schema and lists every published document.
	cj := files["catalog.json"].Data
	if err := catalog.Validate(cj); err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse(cj)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.Check(site)
	if err != nil {
		t.Fatal(err)
	}
	nowT, _ := time.Parse(time.RFC3339, now)
	var want []string
	for _, d := range r.Site.Documents {
		if content.Published(d, nowT) {
			want = append(want, "https://rsj.example.gov.cn"+d.URL)
		}
	}
	var got []string
	for _, e := range c.Documents {
		got = append(got, e.URL)
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) == 0 {
		t.Errorf("catalogue URLs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !bytes.HasPrefix(files["catalog.csv"].Data, []byte("\ufeff")) {
		t.Error("catalog.csv has no byte-order mark")
	}

	// The sitemap and the feeds are XML with the expected entries.
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"].Data, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
	}
	for _, u := range want {
		if !locs[u] {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	type rss struct {
		Channel struct {
			Items []struct {
				Link string `xml:"link"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	for _, feed := range []struct {
		file, prefix string
	}{{"index.xml", ""}, {"policies/index.xml", "policies/"}, {"reports/index.xml", "reports/"}} {
		var f rss
		data := files[feed.file].Data
		if err := xml.Unmarshal(data, &f); err != nil {
			t.Fatalf("%s: %v", feed.file, err)
		}
		if bytes.Contains(data, []byte("<generator")) || bytes.Contains(data, []byte("lastBuildDate")) {
			t.Errorf("%s names the generator or the build time", feed.file)
		}
		// The home feed has every document; a column's feed its own documents (data/columns.toml).
		wantN := 0
		if feed.prefix == "" {
			wantN = len(want)
		}
		for _, col := range r.Site.Columns.All {
			if col.Path+"/" != feed.prefix {
				continue
			}
			for _, d := range col.Documents {
				if content.Published(d, nowT) {
					wantN++
				}
			}
		}
		if len(f.Channel.Items) != wantN || wantN == 0 {
			t.Errorf("%s: %d items, want %d", feed.file, len(f.Channel.Items), wantN)
		}
		for _, it := range f.Channel.Items {
			if !locs[it.Link] {
				t.Errorf("%s: item %s is not a published page", feed.file, it.Link)
			}
		}
	}

	// The manifest lists every published file but itself, with the right size and hash.
	entries, err := manifest.Decode(files[manifest.Name].Data)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range entries {
		listed[e.Path] = true
		f, ok := files[e.Path]
		if !ok || int64(len(f.Data)) != e.Size {
			t.Errorf("manifest: %s size %d, file has %d", e.Path, e.Size, len(f.Data))
		}
	}
	for p := range files {
		if !listed[p] && !strings.HasPrefix(p, manifest.Name) {
			t.Errorf("manifest lacks %s", p)
		}
	}
}

func TestFingerprintedAssets(t *testing.T) {
	site := sitetest.Write(t, `-- layouts/baseof.html --
<!DOCTYPE html><html lang="zh-CN"><head><title>{{ .Title }}</title><link rel="stylesheet" href="{{ "css/site.css" | relURL }}"><script src="{{ "js/site.js" | absURL }}" defer></script></head><body>{{ block "main" . }}{{ end }}</body></html>
-- layouts/page.html --
{{ define "main" }}<h1 id="top">{{ .Title }}</h1>{{ .Content }}<a href="#top">top</a>{{ end }}
-- layouts/list.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
-- static/css/site.css --
body {
  color: #000000;
}
-- static/js/site.js --
function hello ( name ) { return "hi " + name; }
-- content/articles/a.md --
+++
title = "普法文章"
date = 2024-03-01
+++
正文。
`)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	files := tree(t, out)
	var css, js string
	for p := range files {
		switch {
		case strings.HasPrefix(p, "css/site.") && strings.HasSuffix(p, ".css"):
			css = p
		case strings.HasPrefix(p, "js/site.") && strings.HasSuffix(p, ".js"):
			js = p
		}
	}
	if css == "css/site.css" || css == "" || js == "" || js == "js/site.js" {
		t.Fatalf("not fingerprinted: %q %q", css, js)
	}
	if got := string(files[css].Data); got != "body{color:#000}" {
		t.Errorf("css not minified: %q", got)
	}
	page := string(files["articles/a/index.html"].Data)
	if !strings.Contains(page, "href=/"+css+">") || !strings.Contains(page, "src=https://example.gov.cn/"+js+" ") {
		t.Errorf("references not rewritten or page not minified:\n%s", page)
	}
}
