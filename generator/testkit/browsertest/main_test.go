package browsertest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gongkai/generator/pipeline"
)

// site is the sample site (the repository root) built once for all tests of the package.
var site struct {
	dir string // the published folder
	err error
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "gongkai-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := filepath.Join(tmp, "public")
	// A fixed clock: the sample site's pages are the same whenever the tests run.
	now := time.Date(2025, 12, 31, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
	_, err = pipeline.Build(pipeline.Options{SiteDir: "../../..", OutDir: out, Now: now})
	site.dir, site.err = out, err
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

func builtSite(t *testing.T) string {
	t.Helper()
	if site.err != nil {
		t.Fatalf("build the sample site: %v", site.err)
	}
	return site.dir
}

// sitePage is one page the browser tests visit.
type sitePage struct {
	name  string
	path  string
	ready string // JS expression true once the page has finished its own work; "" when the load event suffices
}

// pages are the page types of the site, one of each, the seed report among them. The search page is included only
// when the site has one (it belongs to the search feature).
func pages(t *testing.T, dir string) []sitePage {
	ps := []sitePage{
		{name: "home", path: "/"},
		{name: "reports", path: "/reports/"},
		{name: "policies", path: "/policies/"},
		{name: "interpretations", path: "/interpretations/"},
		{name: "articles", path: "/articles/"},
		{name: "report", path: "/reports/2024-fzzf/"},
		{name: "report-tables", path: "/reports/2024-zfxxgk/"},
		{name: "policy-repealed", path: "/policies/ldht-2022/"},
		{name: "policy-bundle", path: "/policies/jybt-2023/"},
		{name: "interpretation", path: "/interpretations/ldht-2024-jd/"},
		{name: "interpretation-external", path: "/interpretations/wysb-2022-jd/"},
		{name: "article", path: "/articles/mfd-2025/"},
		{name: "archives", path: "/archives/"},
		{name: "archive-year", path: "/archives/2024/"},
		{name: "topics", path: "/topics/"},
		{name: "topic", path: "/topics/" + url.PathEscape("劳动人事监察") + "/"},
		{name: "topic-child", path: "/topics/" + url.PathEscape("劳动人事监察") + "/" + url.PathEscape("劳动关系") + "/"},
		{name: "law", path: "/laws/"},
		{name: "changes", path: "/changes/"},
		// The pages of the columns the sample declares (data/columns.toml): the 专栏, a parent column, the guide,
		// 依申请公开, the directory (paginated) and the 年报 column with its trend charts.
		{name: "column-zhuanlan", path: "/xxgk/"},
		{name: "column-parent", path: "/xxgk/fdzdgk/"},
		{name: "column-info", path: "/xxgk/fdzdgk/xzxk/"},
		{name: "guide", path: "/xxgk/zn/"},
		{name: "apply", path: "/xxgk/ysqgk/"},
		{name: "directory", path: "/xxgk/ml/"},
		{name: "directory-page-2", path: "/xxgk/ml/page/2/"},
		{name: "annual-trends", path: "/xxgk/nb/"},
		{name: "404", path: "/no-such-page/"},
	}
	if _, err := os.Stat(filepath.Join(dir, "search", "index.html")); err == nil {
		ps = append(ps, sitePage{name: "search", path: "/search/?q=" + url.QueryEscape("欠薪"),
			ready: `document.querySelectorAll("[data-search-results] li").length > 0`})
	} else {
		t.Logf("no /search/ page in this build: the search page is not checked")
	}
	for _, p := range ps {
		if p.name == "404" {
			continue
		}
		u, _ := url.Parse(p.path)
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(u.Path), "index.html")); err != nil {
			t.Fatalf("page %s (%s) was not built: %v", p.name, p.path, err)
		}
	}
	return ps
}
