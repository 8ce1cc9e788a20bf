package search

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// fixture is a small site whose documents exercise the cases the issue names:
// a two-character word that also occurs inside longer words, a phrase broken
// across Markdown lines, 索引号 and 发文字号 typed in several ways, and a
// document that has every character of a phrase but not the phrase.
func fixture() []Doc {
	return []Doc{
		{URL: "/policies/qx-2024/", Kind: "policies", Date: "2024-03-12",
			Title:   "天津市河东区人力资源和社会保障局关于做好2024年根治欠薪工作的通知",
			IndexNo: "000014349/2024-00012", DocNo: "东人社发〔2024〕3号", Topic: `劳动、人事、监察\劳动就业`,
			Publisher:   "天津市河东区人力资源和社会保障局",
			Text:        "为切实保障农民工工资支付，根治欠薪，现就有关事项通知如下。\n一、压实责任。各单位要落实工资支付主体责任。",
			Attachments: []string{"附件1：欠薪线索登记表.docx"}},
		{URL: "/articles/zc-2023/", Kind: "articles", Date: "2023-06-01",
			Title: "遇到拖欠工资怎么办", Topic: `劳动、人事、监察\劳动关系`,
			Text: "劳动者遇到欠薪，可以向劳动保障监察机构投诉，也可以申请劳动\n仲裁。申请劳动仲裁不收费。"},
		{URL: "/interpretations/jd-2024/", Kind: "interpretations", Date: "2024-03-15",
			Title: "《关于做好2024年根治欠薪工作的通知》政策解读", IndexNo: "000014349/2024-00015",
			Text: "本通知明确了欠薪治理的责任分工。"},
		{URL: "/reports/2023-gk/", Kind: "reports", Date: "2024-01-20",
			Title: "2023年政府信息公开工作年度报告", IndexNo: "000014349/2024-00001", Topic: `综合政务\政务公开`,
			Text: "本年度共受理政府信息公开申请12件。劳动方面的申请较多，仲裁类咨询另行统计。"},
		{URL: "/policies/gz-2022/", Kind: "policies", Date: "2022-11-02",
			Title: "关于规范工资支付行为的规定", IndexNo: "000014349/2022-00031", DocNo: "东人社规字[2022]12号",
			Text: "用人单位应当按时足额支付工资，不得无故拖欠。"},
	}
}

func writeFixture(t *testing.T) (*Index, string) {
	t.Helper()
	dir := t.TempDir()
	if err := Write(fixture(), dir); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(os.DirFS(filepath.Join(dir, "search")))
	if err != nil {
		t.Fatal(err)
	}
	return ix, dir
}

func urls(a Answer) []string {
	var out []string
	for _, r := range a.Results {
		out = append(out, r.URL)
	}
	return out
}

func TestSearch(t *testing.T) {
	ix, _ := writeFixture(t)
	for _, c := range []struct {
		q    string
		f    Filter
		want []string // in rank order
	}{
		// Title matches first; then the count; then newest.
		{q: "欠薪", want: []string{"/policies/qx-2024/", "/interpretations/jd-2024/", "/articles/zc-2023/"}},
		// 仲裁 alone and inside 劳动仲裁: both found; the report has it in 仲裁类.
		{q: "仲裁", want: []string{"/articles/zc-2023/", "/reports/2023-gk/"}},
		// Across a Markdown line break ("劳动\n仲裁"), and not the report, which
		// has 劳动 and 仲裁 but not together.
		{q: "劳动仲裁", want: []string{"/articles/zc-2023/"}},
		{q: "申请劳动仲裁不收费", want: []string{"/articles/zc-2023/"}},
		{q: "000014349/2024-00012", want: []string{"/policies/qx-2024/"}},
		// Several words: the document with all of them first, then those
		// with some (most first).
		{q: "000014349 2024 00012", want: []string{"/policies/qx-2024/", "/interpretations/jd-2024/", "/reports/2023-gk/", "/policies/gz-2022/"}},
		{q: "2024-00015", want: []string{"/interpretations/jd-2024/"}},
		{q: "东人社发〔2024〕3号", want: []string{"/policies/qx-2024/"}},
		{q: "东人社发[2024]3号", want: []string{"/policies/qx-2024/"}},
		{q: "东人社发2024 3号", want: []string{"/policies/qx-2024/"}},
		{q: "东人社规字〔2022〕12号", want: []string{"/policies/gz-2022/"}},
		// Several words: all may occur anywhere in the document; those with
		// one only follow.
		{q: "欠薪 投诉", want: []string{"/articles/zc-2023/", "/policies/qx-2024/", "/interpretations/jd-2024/"}},
		{q: "欠薪 不存在的词", want: []string{"/policies/qx-2024/", "/interpretations/jd-2024/", "/articles/zc-2023/"}},
		{q: "欠薪线索登记表", want: []string{"/policies/qx-2024/"}}, // attachment name
		{q: "DOCX", want: []string{"/policies/qx-2024/"}},
		{q: "劳动就业", want: []string{"/policies/qx-2024/"}}, // topic
		{q: "薪", want: []string{"/policies/qx-2024/", "/interpretations/jd-2024/", "/articles/zc-2023/"}},
		{q: "欠薪", f: Filter{Kind: "articles"}, want: []string{"/articles/zc-2023/"}},
		{q: "欠薪", f: Filter{Year: 2023}, want: []string{"/articles/zc-2023/"}},
		{q: "工资", f: Filter{Topic: `劳动、人事、监察\劳动就业`}, want: []string{"/policies/qx-2024/"}},
		{q: "，。", want: nil},
		{q: "薪劳", want: nil}, // pairs across separators are indexed, but this one is in no text
	} {
		ans, err := ix.Search(c.q, c.f, 0)
		if err != nil {
			t.Fatalf("%q: %v", c.q, err)
		}
		if got := urls(ans); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q, %+v) = %q, want %q", c.q, c.f, got, c.want)
		}
		if !ans.Exact || ans.Total != len(c.want) {
			t.Errorf("Search(%q): total %d exact %v, want %d exact", c.q, ans.Total, ans.Exact, len(c.want))
		}
	}
}

// TestTermFiles searches an index whose shards are so small that most terms
// have files of their own (terms/) and requires the answers of the index as
// built.
func TestTermFiles(t *testing.T) {
	ix, _ := writeFixture(t)
	restore := SetShardTarget(4)
	small, dir := writeFixture(t)
	restore()
	if files, _ := filepath.Glob(filepath.Join(dir, "search", "terms", "*", "*.json")); len(files) < 10 {
		t.Fatalf("%d term files, want many", len(files))
	}
	for _, q := range []string{"欠薪", "仲裁", "劳动仲裁", "000014349/2024-00012", "东人社发2024 3号", "欠薪 投诉", "的", "工资", "DOCX", "薪劳"} {
		want, err := ix.Search(q, Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		got, err := small.Search(q, Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(urls(got), urls(want)) || got.Total != want.Total {
			t.Errorf("Search(%q) = %q total %d, want %q total %d", q, urls(got), got.Total, urls(want), want.Total)
		}
	}
}

func TestSnippet(t *testing.T) {
	ix, _ := writeFixture(t)
	ans, err := ix.Search("劳动仲裁", Filter{}, 0)
	if err != nil || len(ans.Results) != 1 {
		t.Fatalf("got %v, %v", ans, err)
	}
	// The line break became nothing in the stored text, so the mark is whole.
	want := "…可以向劳动保障监察机构投诉，也可以申请<mark>劳动仲裁</mark>。申请<mark>劳动仲裁</mark>不收费。"
	if s := ans.Results[0].Snippet; !strings.HasSuffix(s, want[len("…"):]) {
		t.Errorf("snippet = %q, want ending %q", s, want)
	}
	ans, _ = ix.Search("东人社发2024", Filter{}, 0)
	if len(ans.Results) != 1 || ans.Results[0].Snippet == "" {
		t.Fatalf("got %+v", ans)
	}
}

// TestLazyTopK proves that stopping early, as the browser does, returns the
// same first results as checking every candidate.
func TestLazyTopK(t *testing.T) {
	ix, _ := writeFixture(t)
	for _, q := range []string{"欠薪", "工资", "劳动", "2024", "关于", "的", "工作 通知"} {
		all, err := ix.Search(q, Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		for k := 1; k <= 3; k++ {
			top, err := ix.Search(q, Filter{}, k)
			if err != nil {
				t.Fatal(err)
			}
			want := urls(all)[:min(k, len(all.Results))]
			if got := urls(top); !slices.Equal(got, want) {
				t.Errorf("Search(%q, limit %d) = %q, want %q", q, k, got, want)
			}
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	docs := fixture()
	a, b := t.TempDir(), t.TempDir()
	if err := Write(docs, a); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(docs) // input order must not matter
	if err := Write(docs, b); err != nil {
		t.Fatal(err)
	}
	da, db := dump(t, a), dump(t, b)
	if da != db {
		t.Fatal("two writes of the same documents differ")
	}
	golden(t, "fixture-index.txt", da)
}

// The index takes the kinds its documents have (content.Kinds declares them), but a document must have one.
func TestWriteRejectsDocumentWithoutKind(t *testing.T) {
	err := Write([]Doc{{URL: "/x/", Title: "x", Kind: "news"}, {URL: "/y/", Title: "y"}}, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), `unknown kind ""`) {
		t.Fatalf("err = %v", err)
	}
}

// dump renders every file of an index as one text, txtar-style, for golden
// comparison.
func dump(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	root := filepath.Join(dir, "search")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(root, n))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "-- %s --\n%s", n, data)
	}
	return b.String()
}

var update = flag.Bool("update", os.Getenv("UPDATE_GOLDEN") == "1", "rewrite golden files (or set UPDATE_GOLDEN=1)")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs; run with UPDATE_GOLDEN=1 and review the diff", path)
	}
}

// The search page lives in the same folder as the index; Write must not
// remove it.
func TestWriteKeepsSearchPage(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "search", "index.html")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("page"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the second write replaces the first index
		if err := Write(fixture(), dir); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(page); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".search-*"))
	if len(left) > 0 {
		t.Fatalf("temporary folders left: %v", left)
	}
}

// TestCheckBudget holds the two things that bound a first query's download:
// candidates that have the cover's terms but not their joins are dropped by
// the index alone, and no page checks more than checkBudget texts, saying how
// many candidates it left unchecked.
func TestCheckBudget(t *testing.T) {
	var docs []Doc
	add := func(n int, date, text string) {
		for i := range n {
			docs = append(docs, Doc{URL: fmt.Sprintf("/articles/%s-%02d/", date, i), Kind: "articles", Date: date, Title: "通知", Text: text})
		}
	}
	add(40, "2024-01-01", "劳动者，申请仲裁") // 劳动 and 仲裁, never 动仲: dropped by the index
	add(30, "2023-01-01", "劳动，动仲，仲裁") // every pair of 劳动仲裁, not the phrase: must be checked
	add(1, "2022-01-01", "可以申请劳动仲裁")  // the one match, oldest, so checked last
	dir := t.TempDir()
	if err := Write(docs, dir); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(os.DirFS(filepath.Join(dir, "search")))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := ix.Search("劳动仲裁", Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	fetched := 0
	for _, f := range ix.Fetched {
		if strings.HasPrefix(f, "docs/") {
			fetched++
		}
	}
	// The candidates checked are ids 40 to 59, consecutive, so they share
	// files docsPerFile to a file.
	if want := checkBudget(10) / docsPerFile; fetched != want || len(ans.Results) != 0 || ans.Exact || ans.Total != 31-checkBudget(10) {
		t.Errorf("first page: %d docs files fetched, %d results, total %d, exact %v; want %d, 0, %d, false",
			fetched, len(ans.Results), ans.Total, ans.Exact, want, 31-checkBudget(10))
	}
	all, err := ix.Search("劳动仲裁", Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(all); !slices.Equal(got, []string{"/articles/2022-01-01-00/"}) || !all.Exact || all.Total != 1 {
		t.Errorf("all: %q total %d exact %v", got, all.Total, all.Exact)
	}
}
