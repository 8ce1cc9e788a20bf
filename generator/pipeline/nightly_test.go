package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// A nightly build renders only what the change affects and takes the rest from the live release (see nightly.go);
// whatever it renders or takes, its release is byte for byte, and time for time, the release a cold build of the
// same sources makes. Each case: a first build, the change, the nightly build over the first (its report must say
// partial or full, and why), then a cold build of the changed sources into a new place, compared file by file.
func TestNightlyIsTheColdBuild(t *testing.T) {
	edit := func(rel, old, new string) func(t *testing.T, site string) {
		return func(t *testing.T, site string) {
			t.Helper()
			p := filepath.Join(site, rel)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), old) {
				t.Fatalf("%s has no %q", rel, old)
			}
			writeFile(t, p, strings.Replace(string(data), old, new, 1))
		}
	}
	// 45 articles of 2024 in one class: the lists of articles, of 2024, of the class and of the changes have
	// several pager pages (20 a page), newest first: long-45 (15 February) on page 1, long-10 on page 2.
	long := func(t *testing.T, site string) {
		for i := 1; i <= 45; i++ {
			writeFile(t, filepath.Join(site, fmt.Sprintf("content/articles/long-%02d.md", i)), fmt.Sprintf("+++\ntitle = \"长列表文章%02d\"\n"+
				"date = 2024-01-%02dT08:00:00+08:00\nsummary = \"摘要%02d。\"\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n第%02d篇的正文。\n", i, 1+(i-1)%28, i, i))
		}
		for i := 29; i <= 45; i++ { // the last 17 in February
			p := filepath.Join(site, fmt.Sprintf("content/articles/long-%02d.md", i))
			data, _ := os.ReadFile(p)
			writeFile(t, p, strings.Replace(string(data), fmt.Sprintf("date = 2024-01-%02d", 1+(i-1)%28), fmt.Sprintf("date = 2024-02-%02d", i-28), 1))
		}
	}
	cases := []struct {
		name   string
		before func(t *testing.T, site string) // the sources of the first build, when not the sample's
		change func(t *testing.T, site string)
		later  string // the nightly build's --now, when not now
		mode   string // partial or full
		reason string // in the full build's reason
		pages  int    // pages the nightly build must render, when not 0
		taken  bool   // some pager pages of the lists it renders must be taken from the live release, not rendered
		shows  string // text the nightly release must show in every file of in
		in     []string
	}{
		{name: "nothing changed", change: func(*testing.T, string) {}, mode: "partial"},
		// Its front matter has a summary: only its own page shows the text (and the search index).
		{name: "edited body", change: edit("content/articles/ldzy-2024.md", "\n+++\n", "\n+++\n新增的第一段正文。\n\n"), mode: "partial",
			pages: 1, shows: "新增的第一段正文", in: []string{"articles/ldzy-2024/index.html", "search/"}},
		// Without one, its summary is the beginning of the text: the feeds and the 公开目录 show it.
		{name: "edited body without summary", change: edit("content/articles/nosum.md", "没有摘要的正文。", "修订后没有摘要的正文。"),
			mode: "partial", shows: "修订后没有摘要的正文", in: []string{"articles/nosum/index.html", "index.xml", "articles/index.xml"}},
		// The title is on the policy's lists, its year, its class, the feeds, the search index, the catalogue and
		// its interpretation's page.
		{name: "edited title", change: edit("content/policies/gzbz-2024.md", `title = "天津市`, `title = "（修订）天津市`), mode: "partial",
			shows: "（修订）天津市", in: []string{"policies/gzbz-2024/index.html", "policies/index.html", "policies/index.xml",
				"archives/2024/index.html", "topics/劳动人事监察/index.html", "topics/劳动人事监察/劳动保障监察/index.html",
				"interpretations/gzbz-2024-jd/index.html", "catalog.json", "catalog.csv", "search/"}},
		{name: "added document", change: func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "content/articles/xz-2025.md"), "+++\ntitle = \"新增的宣传文章\"\ndate = 2025-05-30\n"+
				"topic = '劳动、人事、监察\\劳动关系'\naliases = [\"/old/xz-2025/\"]\n+++\n新增文章的正文。\n")
		}, mode: "partial"},
		// A withdrawal changes the page of a document whose file may not change, and every list: the withdrawal
		// list is an input of every page. (The file is kept: the notice of a deleted one comes from the live
		// release's catalogue, which the cold build compared with here does not have; see TestWithdrawnDocuments.)
		{name: "withdrawn document", change: func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "data/withdrawn.toml"), "[[withdrawn]]\nname = \"articles/mfd-2025\"\n"+
				"date = 2025-05-31\nreason = \"内容有误，撤销公开。\"\nbody = \"removed\"\n")
		}, mode: "full", reason: "data"},
		// The text of a document withdrawn with its text kept is on its notice page only.
		{name: "edited withdrawn document", before: func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "data/withdrawn.toml"), "[[withdrawn]]\nname = \"articles/ldzy-2024\"\n"+
				"date = 2025-05-31\nreason = \"内容有误，撤销公开。\"\nbody = \"kept\"\n")
		}, change: edit("content/articles/ldzy-2024.md", "\n+++\n", "\n+++\n撤销后更正的一段正文。\n\n"), mode: "partial",
			shows: "撤销后更正的一段正文", in: []string{"articles/ldzy-2024/index.html"}},
		// The policy's page names its interpretations by title.
		{name: "edited interpretation", change: edit("content/interpretations/gzbz-2024-jd.md", `政策解读"`, `政策解读（修订）"`), mode: "partial",
			shows: "政策解读（修订）", in: []string{"policies/gzbz-2024/index.html", "interpretations/index.html"}},
		// A new date moves the policy in every list and adds an entry to /changes/.
		{name: "date change", change: edit("content/policies/ldht-2024.md", "date = 2024-06-28\n",
			"date = 2024-07-01\nchanges = [{ date = 2024-07-02, note = \"更正发布日期\" }]\n"), mode: "partial"},
		// Long lists: a title on a later pager page renders that page of each list that shows it, and takes the
		// others from the live release.
		{name: "edited title on a later pager page", before: long, change: edit("content/articles/long-10.md", `title = "长列表`, `title = "（修订）长列表`),
			mode: "partial", taken: true, shows: "（修订）长列表", in: []string{"articles/page/", "archives/2024/page/",
				"topics/劳动人事监察/劳动关系/page/", "articles/long-10/index.html"}},
		// A new date moves a document from the first page of its lists to the third: the pages between change.
		{name: "date change across pager pages", before: long, change: edit("content/articles/long-44.md", "date = 2024-02-16T08:00:00+08:00",
			"date = 2024-01-01T07:00:00+08:00\nchanges = [{ date = 2024-03-01, note = \"更正日期\" }]"), mode: "partial", shows: "长列表文章44",
			in: []string{"articles/page/3/index.html"}},
		// A document added at the top shifts every page of its lists by one.
		{name: "added document shifts pager pages", before: long, change: func(t *testing.T, site string) {
			writeFile(t, filepath.Join(site, "content/articles/long-new.md"), "+++\ntitle = \"最新的长列表文章\"\ndate = 2025-05-30\n"+
				"summary = \"摘要。\"\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n正文。\n")
		}, mode: "partial"},
		// The marker a layout renders in place of an unchanged pager page, written in a document's raw HTML: it is
		// the document's text, published as written, and the nightly build renders everything rather than take it
		// for a pager page (the lead's review of 7fb1b3d).
		{name: "marker in a document's raw HTML", before: func(t *testing.T, site string) {
			cfg := filepath.Join(site, "config.toml")
			data, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, cfg, strings.Replace(string(data), "[params]\n", "[params]\nallow_raw_html = true\n", 1))
			writeFile(t, filepath.Join(site, "content/articles/raw.md"), "+++\ntitle = \"原样HTML的文章\"\ndate = 2025-05-28\n"+
				"summary = \"摘要。\"\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n正文。<gongkai-unchanged></gongkai-unchanged>\n")
		}, change: edit("content/articles/raw.md", "正文。", "修订的正文。"), mode: "full", reason: "marker",
			shows: "gongkai-unchanged", in: []string{"articles/raw/index.html"}},
		{name: "layout change", change: edit("layouts/page.html", "<article class=\"doc\">", "<article class=\"doc\" data-v=\"2\">"),
			mode: "full", reason: "layouts"},
		{name: "now publishes a document", later: "2025-06-11T02:00:00+08:00", mode: "full", reason: "--now publishes",
			change: func(*testing.T, string) {}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := sampleSite(t)
			// Published only from 10 June: the last case's later --now publishes it.
			writeFile(t, filepath.Join(site, "content/articles/later.md"), "+++\ntitle = \"定时发布的文章\"\ndate = 2025-05-31\n"+
				"publishDate = 2025-06-10T09:00:00+08:00\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n定时发布的正文。\n")
			writeFile(t, filepath.Join(site, "content/articles/nosum.md"), "+++\ntitle = \"没有摘要的文章\"\ndate = 2025-05-29\n"+
				"topic = '劳动、人事、监察\\劳动关系'\n+++\n没有摘要的正文。\n")
			if c.before != nil {
				c.before(t, site)
			}
			out := filepath.Join(t.TempDir(), "public")
			if code, stderr := build(t, site, out, now); code != 0 {
				t.Fatalf("first build: exit %d\n%s", code, stderr)
			}
			c.change(t, site)
			at := now
			if c.later != "" {
				at = c.later
			}
			rep := filepath.Join(t.TempDir(), "report.json")
			if code, stderr := build(t, site, out, at, "--report", rep); code != 0 {
				t.Fatalf("nightly build: exit %d\n%s", code, stderr)
			}
			r := readReport(t, rep)
			if r.Render == nil || r.Render.Mode != c.mode || !strings.Contains(r.Render.Reason, c.reason) {
				t.Fatalf("render %+v, want mode %s (reason with %q)", r.Render, c.mode, c.reason)
			}
			// The report's 精简 line counts what this build minified: files taken unrendered are in neither figure.
			if r.Bytes.Minified > r.Bytes.Rendered {
				t.Errorf("minified %d bytes of %d rendered", r.Bytes.Minified, r.Bytes.Rendered)
			}
			if c.taken && r.Render.PagersTaken == 0 {
				t.Errorf("no pager page taken from the live release")
			}
			if c.pages != 0 && r.Render.Pages != c.pages {
				t.Errorf("%d pages rendered, want %d", r.Render.Pages, c.pages)
			}
			if c.mode == "partial" && c.name != "nothing changed" && r.Render.Pages == 0 {
				t.Errorf("a change rendered no page")
			}
			if c.name == "nothing changed" && r.Render.Pages != 0 {
				t.Errorf("nothing changed, yet %d pages rendered", r.Render.Pages)
			}
			t.Logf("%s: %+v", c.name, *r.Render)
			got := tree(t, out)
			for _, f := range c.in {
				found := false
				for p, fs := range got {
					if (p == f || strings.HasSuffix(f, "/") && strings.HasPrefix(p, f)) && strings.Contains(string(fs.Data), c.shows) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s does not show %q", f, c.shows)
				}
			}
			cold, coldRep := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "cold.json")
			if code, stderr := build(t, site, cold, at, "--report", coldRep); code != 0 {
				t.Fatalf("cold build: exit %d\n%s", code, stderr)
			}
			sameTree(t, got, tree(t, cold))
			// The pages taken unread keep their external links in the report.
			if want := readReport(t, coldRep).External; !reflect.DeepEqual(r.External, want) {
				t.Errorf("external links: nightly %+v, cold %+v", r.External, want)
			}
		})
	}
}

// A nightly build reads for the link check only the pages it wrote: a page taken as it was in the live release
// had its links checked there, against files that are all still here. An edit that takes away an id another page's
// link points at (#art2) must still fail the build, as the cold build of the same sources does; an edit that keeps
// it must not. The external links the report lists are the cold build's either way.
func TestNightlyChecksLinksIntoEditedPages(t *testing.T) {
	site := sampleSite(t)
	writeFile(t, filepath.Join(site, "content/articles/target.md"), "+++\ntitle = \"被引用的文章\"\ndate = 2025-05-20\n"+
		"summary = \"摘要。\"\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n第一段。\n\n## 第二条 {#art2}\n\n第二条的正文。\n")
	writeFile(t, filepath.Join(site, "content/articles/source.md"), "+++\ntitle = \"引用的文章\"\ndate = 2025-05-21\n"+
		"summary = \"摘要。\"\ntopic = '劳动、人事、监察\\劳动关系'\n+++\n见[第二条](/articles/target/#art2)，[政府网](https://www.gov.cn/fuwu/)。\n")
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	target := filepath.Join(site, "content/articles/target.md")
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	// The id stays: the page that links to it is taken unread.
	writeFile(t, target, strings.Replace(string(data), "第二条的正文。", "第二条修订后的正文。", 1))
	rep := filepath.Join(t.TempDir(), "report.json")
	if code, stderr := build(t, site, out, now, "--report", rep); code != 0 {
		t.Fatalf("nightly build: exit %d\n%s", code, stderr)
	}
	r := readReport(t, rep)
	if r.Render == nil || r.Render.Mode != "partial" || r.Render.Pages != 1 {
		t.Fatalf("render %+v, want partial, 1 page", r.Render)
	}
	coldRep := filepath.Join(t.TempDir(), "cold.json")
	if code, stderr := build(t, site, filepath.Join(t.TempDir(), "public"), now, "--report", coldRep); code != 0 {
		t.Fatalf("cold build: exit %d\n%s", code, stderr)
	}
	if got, want := r.External, readReport(t, coldRep).External; !reflect.DeepEqual(got, want) || len(want) < 2 {
		t.Errorf("external links: nightly %+v, cold %+v", got, want)
	}
	// The id goes: both builds fail on the page that links to it, which the nightly build did not render.
	writeFile(t, target, strings.Replace(string(data), "## 第二条 {#art2}", "## 第二条", 1))
	code, stderr := build(t, site, out, now)
	if code == 0 || !strings.Contains(stderr, "/articles/source/") || !strings.Contains(stderr, "art2") {
		t.Fatalf("nightly build after the id went: exit %d, want a broken link on /articles/source/\n%s", code, stderr)
	}
	if code, coldErr := build(t, site, filepath.Join(t.TempDir(), "public"), now); code == 0 || !strings.Contains(coldErr, "art2") {
		t.Fatalf("cold build: exit %d\n%s", code, coldErr)
	}
}

// Nights in a row: a night that changed nothing writes the live release's record under the new release's name
// without encoding it again (writeState), and takes every file by its stamp; the night after it, with an edit, must
// still be the cold build of its sources. From the fourth build on, each sets the oldest release aside and the next
// removes it while it renders: the files it shares with the live release change their ctime then, after the build
// checked them, so no night reads a file it takes.
func TestNightsInARow(t *testing.T) {
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	rep := filepath.Join(t.TempDir(), "report.json")
	for night, change := range []func(){
		func() {}, // the first build
		func() {}, // nothing changed
		func() {}, // nothing changed, over a record written without encoding
		func() {
			p := filepath.Join(site, "content/policies/gzbz-2024.md")
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, p, strings.Replace(string(data), `title = "天津市`, `title = "（再次修订）天津市`, 1))
		},
		func() {}, // removes the release the last one set aside
		func() {},
	} {
		change()
		if code, stderr := build(t, site, out, now, "--report", rep); code != 0 {
			t.Fatalf("night %d: exit %d\n%s", night, code, stderr)
		}
		r := readReport(t, rep)
		if night > 0 && (r.Render == nil || r.Render.Mode != "partial") {
			t.Fatalf("night %d: render %+v, want partial", night, r.Render)
		}
		if night > 0 && runtime.GOOS == "linux" && (r.Render.CheckedByReading != 0 || r.Render.CheckedByStamp == 0) {
			t.Errorf("night %d: render %+v, want every file taken checked by its stamp", night, *r.Render)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public-releases", ".trash-*")); len(left) != 1 {
		t.Errorf("set aside: %v, want the release the last night pruned", left)
	}
	cold := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, cold, now); code != 0 {
		t.Fatalf("cold build: exit %d\n%s", code, stderr)
	}
	got := tree(t, out)
	if !strings.Contains(string(got["policies/index.html"].Data), "（再次修订）天津市") {
		t.Errorf("the last night's edit is not on the policies' list")
	}
	sameTree(t, got, tree(t, cold))
}
