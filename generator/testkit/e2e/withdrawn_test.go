package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/generator/catalog"
	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/sitetest"
)

// A withdrawn document (撤销公开) keeps its address with a notice, and leaves every list: built twice, as the
// nightly build does, first with the documents published, then with b deleted and withdrawn with its text removed,
// and c withdrawn in the sources with its text kept; then once more, b's notice made from the live release's
// record alone. The notice pages are checked as HTML, then every kind of list, the search index, the recent
// changes and the catalogue.
func TestWithdrawnDocuments(t *testing.T) {
	site := policy("a", "2024-05-01", "000014349/2024-00001", "topic = '综合政务\\政务公开'\n") +
		policy("b", "2024-06-01", "000014349/2024-00002", "topic = '劳动、人事、监察\\劳动关系'\nkeywords = [\"劳动合同\"]\n") +
		policy("c", "2024-07-01", "000014349/2024-00003", "") +
		// An interpretation of b, which stays: its link to b leads to b's notice.
		"-- content/interpretations/bjd.md --\n+++\ntitle = \"解读b\"\ndate = 2024-06-02\nindex_no = \"000014349/2024-00004\"\n" +
		"[interprets]\npolicy = \"policies/b\"\n+++\n见[原文](/policies/b/)。\n"
	dir := sitetest.WithTheme(t, site)
	out := filepath.Join(t.TempDir(), "public")
	buildAt := func(at time.Time) {
		t.Helper()
		r, err := pipeline.Build(pipeline.Options{SiteDir: dir, OutDir: out, Now: at})
		if err != nil {
			if r != nil {
				for _, d := range r.Diags.Sorted() {
					t.Log(d)
				}
			}
			t.Fatalf("build: %v", err)
		}
	}
	buildAt(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err := os.Remove(filepath.Join(dir, "content/policies/b.md")); err != nil {
		t.Fatal(err)
	}
	record := "[[withdrawn]]\nname = \"policies/b\"\ndate = 2025-01-02\nreason = \"已被新规定替代\"\nbody = \"removed\"\n\n" +
		"[[withdrawn]]\nname = \"policies/c\"\ndate = 2025-01-03\nreason = \"内容有误\"\nbody = \"kept\"\n"
	if err := os.WriteFile(filepath.Join(dir, "data/withdrawn.toml"), []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	buildAt(time.Date(2025, 1, 4, 0, 0, 0, 0, time.UTC))
	// Once more: b's notice now comes from the live release's catalogue, which recorded it as withdrawn.
	buildAt(time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC))

	for _, tc := range []struct{ rel, date, reason, text string }{
		{"policies/b/", "2025-01-02", "已被新规定替代", ""},
		{"policies/c/", "2025-01-03", "内容有误", "正文c。"},
	} {
		p := load(t, out, tc.rel)
		notice := p.one(t, "withdrawal notice", hasAttr("data-notice", "withdrawn"))
		if got := text(all(notice, hasAttr("data-field", "withdrawn_date"))[0]); got != "撤销日期："+tc.date {
			t.Errorf("%s: %q, want 撤销日期：%s", tc.rel, got, tc.date)
		}
		if got := text(all(notice, hasAttr("data-field", "withdrawn_reason"))[0]); got != "原因："+tc.reason {
			t.Errorf("%s: %q, want 原因：%s", tc.rel, got, tc.reason)
		}
		if got := p.metaRow(t, "index_no"); !strings.HasPrefix(got, "000014349/2024-0000") {
			t.Errorf("%s: 索引号 %q", tc.rel, got)
		}
		if v, _ := p.meta("robots"); v != "noindex" {
			t.Errorf("%s: robots %q, want noindex", tc.rel, v)
		}
		if v, _ := p.meta("ArticleTitle"); v == "" {
			t.Errorf("%s: no ArticleTitle meta", tc.rel)
		}
		prose := p.all(and(tag("div"), hasAttr("class", "prose")))
		switch {
		case tc.text == "" && len(prose) != 0:
			t.Errorf("%s: the removed text is still shown: %q", tc.rel, text(prose[0]))
		case tc.text != "" && (len(prose) != 1 || text(prose[0]) != tc.text):
			t.Errorf("%s: the kept text is not shown (%d)", tc.rel, len(prose))
		}
	}
	// b's topic has no other document: its topic page is gone, and the notice names the topic without a link.
	if _, err := os.Stat(filepath.Join(out, "topics/劳动人事监察/劳动关系/index.html")); err == nil {
		t.Error("the topic page of the withdrawn document's topic is still there")
	}
	if got := load(t, out, "policies/b/").metaRow(t, "topic"); got != "劳动、人事、监察 / 劳动关系" {
		t.Errorf("topic %q", got)
	}

	for _, rel := range []string{"index.html", "policies/index.html", "archives/2024/index.html", "topics/index.html",
		"index.xml", "policies/index.xml", "sitemap.xml"} {
		b, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "政策b") || strings.Contains(string(b), "政策c") {
			t.Errorf("%s lists a withdrawn document", rel)
		}
		if rel != "topics/index.html" && !strings.Contains(string(b), "/policies/a/") {
			t.Errorf("%s does not list policies/a: the check above proves nothing", rel)
		}
	}
	if !strings.Contains(strings.Join(hrefs(load(t, out, "interpretations/bjd/").all(tag("a"))), " "), "/policies/b/") {
		t.Error("the interpretation of the withdrawn policy no longer links to its notice")
	}
	search, _ := filepath.Glob(filepath.Join(out, "search", "*", "*"))
	for _, f := range search {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), "政策b") || strings.Contains(string(b), "政策c") {
			t.Errorf("%s indexes a withdrawn document", f)
		}
	}
	changes := load(t, out, "changes/")
	var events []string
	list := changes.one(t, "list of changes", and(tag("ol"), hasAttr("class", "change-list")))
	for _, li := range all(list, tag("li")) {
		events = append(events, text(li))
	}
	want := []string{"2025-01-03 撤销公开 政策c内容有误", "2025-01-02 撤销公开 政策b已被新规定替代", "2024-06-02 发布 解读b", "2024-05-01 发布 政策a"}
	if strings.Join(events, "|") != strings.Join(want, "|") {
		t.Errorf("recent changes:\n%s\nwant\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}

	js, err := os.ReadFile(filepath.Join(out, "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := catalog.Validate(js); err != nil {
		t.Fatal(err)
	}
	var c catalog.Catalog
	if err := json.Unmarshal(js, &c); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range c.Documents {
		s := e.Name + " " + e.Status
		if w := e.Withdrawn; w != nil {
			s += " " + w.Date[:10] + " " + w.Body
		}
		got = append(got, s)
	}
	if g := strings.Join(got, "|"); g != "policies/c withdrawn 2025-01-03 kept|interpretations/bjd published|policies/b withdrawn 2025-01-02 removed|policies/a published" {
		t.Errorf("catalogue: %s", g)
	}
	if _, err := os.Stat(filepath.Join(out, pipeline.GoneDir, "policies/b")); err != nil {
		t.Errorf("no 410 marker for b: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, pipeline.GoneDir, "policies/c")); err == nil {
		t.Error("a 410 marker for c, whose text is kept")
	}
}
