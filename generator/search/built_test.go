package search_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gongkai/generator/pipeline"
	"gongkai/generator/search"
	"gongkai/generator/testkit/sitetest"
)

// buildSite builds testdata/site.txtar over the repository's theme with the
// real pipeline and returns the published folder.
func buildSite(t *testing.T) string {
	t.Helper()
	archive, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	site := sitetest.WithTheme(t, string(archive))
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		if r != nil && r.Diags != nil {
			t.Logf("%+v", r.Diags)
		}
		t.Fatalf("build: %v", err)
	}
	return out
}

// TestBuiltIndex searches the index that gongkai build published, with the
// Go mirror of search.js.
func TestBuiltIndex(t *testing.T) {
	out := buildSite(t)
	ix, err := search.Open(os.DirFS(filepath.Join(out, "search")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "search", "index.html")); err != nil {
		t.Fatalf("search page missing: %v", err)
	}
	// The short title (简称) is on the document's page, in the metadata table.
	page, err := os.ReadFile(filepath.Join(out, "policies", "gz-2022", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<th scope=row>简称</th><td>工资支付规定</td>") {
		t.Errorf("the page of a document with a short title does not show it")
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		// 仲裁 on its own and inside 劳动仲裁 and 仲裁委员会: most
		// occurrences first, then newest.
		{"仲裁", []string{"/articles/zc-2023/", "/policies/qx-2024/", "/policies/gz-2022/"}},
		// 劳动 / 仲裁 are on two lines of the Markdown.
		{"申请劳动仲裁", []string{"/policies/qx-2024/"}},
		{"MB1A23456/2024-00012", []string{"/policies/qx-2024/"}},
		{"mb1a23456 2024 00012", []string{"/policies/qx-2024/", "/interpretations/qx-2024-jd/", "/reports/2023-gk/", "/policies/gz-2022/"}},
		{"东人社发〔2024〕3号", []string{"/policies/qx-2024/"}},
		{"东人社发[2024]3号", []string{"/policies/qx-2024/"}},
		{"东人社发2024 3号", []string{"/policies/qx-2024/"}},
		{"东人社规字[2022]12号", []string{"/policies/gz-2022/"}},
		// Title matches first; the policy and its interpretation tie on
		// count, so the newer comes first.
		{"欠薪", []string{"/interpretations/qx-2024-jd/", "/policies/qx-2024/", "/articles/zc-2023/"}},
		{"欠薪 协商", []string{"/articles/zc-2023/", "/interpretations/qx-2024-jd/", "/policies/qx-2024/"}},
		{"信息公开", []string{"/reports/2023-gk/"}},
		// The site's equivalent words (data/synonyms.toml) and a short title.
		{"劳动仲裁委", []string{"/policies/gz-2022/"}},
		{"工资支付规定", []string{"/policies/gz-2022/"}},
	} {
		ans, err := ix.Search(c.q, search.Filter{}, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		var got []string
		for _, r := range ans.Results {
			got = append(got, r.URL)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
