package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai/generator/content"
	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/corpus"
)

// navLinks are the local paths the main navigation of a page links to.
func navLinks(p *page) []string {
	var out []string
	for _, n := range p.all(and(tag("nav"), hasAttr("class", "site-nav"))) {
		for _, h := range hrefs(all(n, tag("a"))) {
			out = append(out, localPath(h))
		}
	}
	return out
}

// columnNavLinks are the local paths the column navigation (sub-columns) of a column's page links to.
func columnNavLinks(p *page) []string {
	var out []string
	for _, n := range p.all(and(tag("nav"), hasAttr("class", "column-nav"))) {
		for _, h := range hrefs(all(n, tag("a"))) {
			out = append(out, localPath(h))
		}
	}
	return out
}

func columnURL(c *content.Column) string { return "/" + c.Path + "/" }

// checkColumns checks every declared column of a built site: it has a page with the declared ColumnName and
// ColumnType, a navigation entry (the main navigation, or the column navigation of its parent's page), and its page
// lists its published documents.
func checkColumns(t *testing.T, b *built) {
	t.Helper()
	home := load(t, b.out, "")
	mainNav := navLinks(home)
	for _, c := range b.site.Columns.All {
		u := columnURL(c)
		p := load(t, b.out, strings.TrimPrefix(u, "/"))
		if got, _ := p.meta("ColumnName"); got != c.ColumnName {
			t.Errorf("%s: ColumnName %q, want %q", u, got, c.ColumnName)
		}
		if got, _ := p.meta("ColumnType"); got != c.ColumnType {
			t.Errorf("%s: ColumnType %q, want %q", u, got, c.ColumnType)
		}
		inNav := contains(mainNav, u)
		if !inNav && c.ParentC != nil {
			inNav = contains(columnNavLinks(load(t, b.out, strings.TrimPrefix(columnURL(c.ParentC), "/"))), u)
		}
		if !inNav {
			t.Errorf("%s (%s) has no navigation entry", u, c.Name)
		}
		if !c.Lists() {
			continue
		}
		var listed []string
		for _, h := range hrefs(p.all(hasAttr("data-doc", ""))) {
			listed = append(listed, localPath(h))
		}
		for _, d := range c.Documents {
			if content.Published(d, now) && !contains(listed, d.URL) {
				t.Errorf("%s does not list %s", u, d.URL)
			}
		}
	}
}

// The sample declares the standard 政府信息公开专栏: the home page and the main navigation show it with its five
// sub-columns, and every declared column has its page, navigation entry and meta tags.
func TestSampleColumns(t *testing.T) {
	b := buildSample(t)
	checkColumns(t, b)
	zl := b.site.Columns.ByID("xxgk")
	if zl == nil {
		t.Fatal("the sample declares no column xxgk (政府信息公开)")
	}
	want := map[string]string{"政府信息公开指南": "", "政府信息公开制度": "", "法定主动公开内容": "", "政府信息公开年报": "", "依申请公开": ""}
	for _, ch := range zl.Children {
		if _, ok := want[ch.Name]; ok {
			want[ch.Name] = columnURL(ch)
		}
	}
	home := load(t, b.out, "")
	var section []string
	for _, s := range home.all(and(tag("section"), hasAttr("aria-labelledby", "home-xxgk"))) {
		for _, h := range hrefs(all(s, tag("a"))) {
			section = append(section, localPath(h))
		}
	}
	nav := navLinks(home)
	for name, u := range want {
		if u == "" {
			t.Errorf("the 专栏 has no sub-column %s", name)
			continue
		}
		if !contains(section, u) {
			t.Errorf("the home page's 专栏 does not link to %s (%s)", name, u)
		}
		if !contains(nav, u) {
			t.Errorf("the main navigation does not link to %s (%s)", name, u)
		}
	}
	// 政府信息公开工作年度报告 and 法治政府建设年度报告 are in columns of their own.
	for _, id := range []string{"nb", "fzzf"} {
		c := b.site.Columns.ByID(id)
		if c == nil || len(c.Documents) == 0 {
			t.Fatalf("column %s missing or empty", id)
		}
		for _, d := range c.Documents {
			if d.ReportType != c.ReportTypes[0] {
				t.Errorf("column %s holds %s (%s)", id, d.File, d.ReportType)
			}
		}
	}
}

// A site made from the sample with one more column declared in data/columns.toml, and documents in it, builds with
// that column in the navigation, its list, its feed and the year archives: no Go code and no layout changes.
func TestAddedColumnNeedsNoCodeOrLayout(t *testing.T) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(t.TempDir(), "site")
	if err := copySample(root, site); err != nil {
		t.Fatal(err)
	}
	decl, err := os.OpenFile(filepath.Join(site, "data", "columns.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	decl.WriteString(`
[[column]]
id = "tjxx"
path = "tjxx"
name = "统计信息"
name_en = "Statistics"
column_type = "数据发布"
description = "人力资源和社会保障统计数据。"
`)
	decl.Close()
	docs := map[string]string{
		"tjxx-2024.md": "+++\ntitle = \"2024年人力资源和社会保障统计公报\"\ndate = 2024-05-20\nindex_no = \"MB1A23456/2024-00040\"\ncolumn = \"tjxx\"\n+++\n2024年城镇新增就业1.2万人。\n",
		"tjxx-2025.md": "+++\ntitle = \"2025年一季度就业统计数据\"\ndate = 2025-04-15\nindex_no = \"MB1A23456/2025-00040\"\ncolumn = \"tjxx\"\n+++\n一季度城镇新增就业3100人。\n",
	}
	for name, src := range docs {
		if err := os.WriteFile(filepath.Join(site, "content", "info", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: now})
	if err != nil {
		if r != nil {
			for _, d := range r.Diags.Sorted() {
				t.Log(d)
			}
		}
		t.Fatal(err)
	}
	b := &built{out: out, site: r.Site, res: r}
	checkColumns(t, b)
	if !contains(navLinks(load(t, out, "policies/ldht-2024/")), "/tjxx/") {
		t.Error("a document page's main navigation does not link to the new column /tjxx/")
	}
	feed, err := os.ReadFile(filepath.Join(out, "tjxx", "index.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"/info/tjxx-2024/", "/info/tjxx-2025/"} {
		if !strings.Contains(string(feed), "<link>https://rsj.example.gov.cn"+u+"</link>") {
			t.Errorf("the column's feed has no item %s", u)
		}
	}
	for year, u := range map[string]string{"2024": "/info/tjxx-2024/", "2025": "/info/tjxx-2025/"} {
		p := load(t, out, "archives/"+year+"/")
		var in []string
		for _, s := range p.all(and(tag("section"), hasAttr("data-column", "tjxx"))) {
			for _, h := range hrefs(all(s, hasAttr("data-doc", ""))) {
				in = append(in, localPath(h))
			}
		}
		if !contains(in, u) {
			t.Errorf("/archives/%s/ has no 统计信息 group listing %s", year, u)
		}
	}
	crumbs := load(t, out, "info/tjxx-2025/")
	var trail []string
	for _, n := range crumbs.all(and(tag("nav"), hasAttr("class", "breadcrumb"))) {
		trail = append(trail, texts(all(n, tag("a")))...)
	}
	if !contains(trail, "统计信息") {
		t.Errorf("the document's breadcrumb %v does not name its column", trail)
	}
	_ = url.PathEscape
}

// The pages of the 专栏 that are not lists: the guide shows its 更新日期 and the office; 依申请公开 says plainly
// that the site takes no applications and offers the 申请表; the directory links the catalogue files and the feeds
// (as the footer does) and lists documents with 索引号 and 生成日期; the 年报 column draws each trend as an SVG with its
// table.
func TestDisclosurePages(t *testing.T) {
	b := buildSample(t)
	guide := load(t, b.out, "xxgk/zn/")
	if len(guide.all(hasAttr("data-guide-updated", ""))) != 1 {
		t.Error("the guide shows no 更新日期")
	}
	if got := strings.Join(texts(guide.all(tag("dt"))), " "); !strings.Contains(got, "办公地址") || !strings.Contains(got, "电子邮箱") {
		t.Errorf("the guide's office lacks address or email: %s", got)
	}

	apply := load(t, b.out, "xxgk/ysqgk/")
	if n := apply.all(hasAttr("data-no-applications", "")); len(n) != 1 || !strings.Contains(text(n[0]), "不能在线接收") {
		t.Error("依申请公开 does not say the site takes no applications")
	}
	forms := hrefs(apply.all(hasAttr("data-form", "")))
	if len(forms) != 1 {
		t.Fatalf("依申请公开 offers %d forms", len(forms))
	}
	if _, err := os.Stat(filepath.Join(b.out, filepath.FromSlash(localPath(forms[0])))); err != nil {
		u, _ := url.PathUnescape(localPath(forms[0]))
		if _, err := os.Stat(filepath.Join(b.out, filepath.FromSlash(strings.TrimSuffix(u, "/")))); err != nil {
			t.Errorf("the 申请表 %s is not published: %v", u, err)
		}
	}
	if body := text(apply.Root); !strings.Contains(body, "第二十九条") {
		t.Error("依申请公开 does not give the contents of an application (条例第二十九条)")
	}

	dir := load(t, b.out, "xxgk/ml/")
	links := hrefs(dir.all(tag("a")))
	var local []string
	for _, l := range links {
		local = append(local, localPath(l))
	}
	for _, want := range []string{"/catalog.json", "/catalog.csv", "/index.xml", "/policies/index.xml", "/topics/", "/archives/2024/", "/policies/"} {
		if !contains(local, want) {
			t.Errorf("the directory does not link to %s", want)
		}
	}
	if rows := dir.all(hasAttr("data-doc", "")); len(rows) == 0 || len(rows) > 20 {
		t.Errorf("the directory's first page lists %d documents, want 1-20 (paginated)", len(rows))
	}
	if _, err := os.Stat(filepath.Join(b.out, "xxgk", "ml", "page", "2", "index.html")); err != nil {
		t.Error("the directory has no second page")
	}
	var footer []string
	for _, f := range load(t, b.out, "policies/ldht-2024/").all(tag("footer")) {
		footer = append(footer, hrefs(all(f, tag("a")))...)
	}
	for _, want := range []string{"/xxgk/ml/", "/catalog.json", "/catalog.csv", "/index.xml"} {
		found := false
		for _, h := range footer {
			if strings.HasSuffix(h, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("the footer does not link to %s", want)
		}
	}

	nb := load(t, b.out, "xxgk/nb/")
	figs := nb.all(and(tag("figure"), hasAttr("class", "trend")))
	if len(figs) != 3 {
		t.Fatalf("the 年报 column has %d trend charts, want 3", len(figs))
	}
	for _, f := range figs {
		if len(all(f, tag("svg"))) != 1 || len(all(f, tag("table"))) != 1 {
			t.Errorf("a trend has no SVG or no table")
		}
		if len(all(f, tag("script"))) != 0 {
			t.Error("a trend uses a script")
		}
	}
	// The table holds the figures of the published reports: 一、本年新收 of each year.
	for _, r := range b.site.Columns.ByID("nb").Documents {
		if r.Statistics == nil {
			continue
		}
		want := strconv.FormatInt(r.Statistics.Counts["table3.new.total"], 10)
		if !contains(texts(all(figs[0], tag("td"))), want) {
			t.Errorf("the applications trend lacks %s's 本年新收 %s", r.File, want)
		}
	}
}

// goldmark's CJK extension (eastAsianLineBreaks): a Markdown line that ends in full-width punctuation continues the
// paragraph without a space.
func TestNoSpaceAtChineseLineBreak(t *testing.T) {
	b := buildSample(t)
	src, err := os.ReadFile(filepath.Join(b.out, "info", "zd-gkgz-2023", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "条例》，结合本局实际") {
		t.Error("a line break after full-width punctuation became a space or a newline")
	}
}

// 文件+解读 for readers: a policy names its interpretations near the top, before its text, and lists of policies mark
// the policies that have one.
func TestInterpretationsNearTopAndMarked(t *testing.T) {
	b := buildSample(t)
	interpreted := map[string]bool{}
	for _, d := range b.site.Documents {
		if p := d.Interprets.Policy; p != "" && content.Published(d, now) {
			if pd := b.site.ByName(p); pd != nil {
				interpreted[pd.URL] = true
			}
		}
	}
	if len(interpreted) == 0 {
		t.Fatal("the sample has no interpreted policy")
	}
	list := load(t, b.out, "policies/")
	for _, li := range list.all(and(tag("li"), hasAttr("class", "doc-item"))) {
		links := hrefs(all(li, hasAttr("data-doc", "")))
		if len(links) != 1 {
			continue
		}
		u := localPath(links[0])
		marked := len(all(li, hasAttr("data-interpreted", ""))) == 1
		if marked != interpreted[u] {
			t.Errorf("/policies/ marks %s interpreted=%v, want %v", u, marked, interpreted[u])
		}
	}
	for u := range interpreted {
		src, err := os.ReadFile(filepath.Join(b.out, filepath.FromSlash(u), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		top := strings.Index(string(src), "data-interpretations-top")
		body := strings.Index(string(src), `class="prose"`)
		if body < 0 {
			body = strings.Index(string(src), "class=prose")
		}
		if top < 0 || body < 0 || top > body {
			t.Errorf("%s does not name its interpretations before its text (at %d, text at %d)", u, top, body)
		}
	}
}
