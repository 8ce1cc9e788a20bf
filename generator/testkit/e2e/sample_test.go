package e2e

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/corpus"
)

// now is the clock of the sample build: after every sample document.
var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type built struct {
	out  string
	site *content.Site
	res  *pipeline.Result
}

var (
	sample    *built
	sampleErr error
	tmpRoot   string
)

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "gongkai-e2e-")
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// buildSample builds the bundled sample site once for all tests of this file.
func buildSample(t *testing.T) *built {
	t.Helper()
	if sample == nil && sampleErr == nil {
		sample, sampleErr = doBuildSample(t)
	}
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sample
}

func doBuildSample(t *testing.T) (*built, error) {
	root, err := corpus.RepoRoot()
	if err != nil {
		return nil, err
	}
	out := filepath.Join(tmpRoot, "sample", "public")
	// The sample site is built from a copy so that the test never writes into the repository.
	site := filepath.Join(tmpRoot, "sample", "site")
	if err := copySample(root, site); err != nil {
		return nil, err
	}
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: now})
	if err != nil {
		if r != nil {
			for _, d := range r.Diags.Sorted() {
				t.Log(d)
			}
		}
		return nil, fmt.Errorf("build sample: %w", err)
	}
	return &built{out: out, site: r.Site, res: r}, nil
}

// The sample site builds with no warning at all: warnings nobody reads become errors nobody sees.
func TestSampleBuildsWithoutWarnings(t *testing.T) {
	b := buildSample(t)
	for _, d := range b.res.Diags.Sorted() {
		t.Errorf("%s", d)
	}
}

// copySample copies the sample site of the repository at root into site.
func copySample(root, site string) error {
	for _, sub := range []string{"content", "layouts", "static", "data", "i18n", "archetypes"} {
		if _, err := os.Stat(filepath.Join(root, sub)); err != nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(site, sub), os.DirFS(filepath.Join(root, sub))); err != nil {
			return err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(site, "config.toml"), cfg, 0o644)
}

func localPath(href string) string {
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") && filepath.Ext(p) == "" {
		p += "/"
	}
	return p
}

func TestSeedReportPage(t *testing.T) {
	b := buildSample(t)
	d := b.site.ByName("reports/2024-fzzf")
	if d == nil {
		t.Fatal("the seed report reports/2024-fzzf is missing from the sample")
	}
	p := load(t, b.out, d.URL)

	for field, want := range map[string]string{
		"index_no":  d.IndexNo,
		"title":     d.Title,
		"publisher": d.Publisher,
		"date":      d.Date.In(b.res.Config.Location).Format("2006-01-02"),
		"topic":     strings.ReplaceAll(d.Topic, `\`, ""),
		"validity":  "有效",
	} {
		if got := p.metaRow(t, field); !strings.Contains(strings.ReplaceAll(got, `\`, ""), strings.ReplaceAll(want, " ", "")) &&
			!strings.Contains(strings.ReplaceAll(strings.ReplaceAll(got, " ", ""), "/", ""), strings.ReplaceAll(want, "/", "")) {
			t.Errorf("metadata %s = %q, want %q", field, got, want)
		}
	}
	for _, field := range []string{"written", "doc_no"} {
		p.metaRow(t, field) // present even when empty, so the box always has the standard rows
	}

	metas := map[string]*regexp.Regexp{
		"SiteName":      regexp.MustCompile(`.+`),
		"SiteDomain":    regexp.MustCompile(`^rsj\.example\.gov\.cn$`),
		"SiteIDCode":    regexp.MustCompile(`^\d{10}$`),
		"ArticleTitle":  regexp.MustCompile("^" + regexp.QuoteMeta(d.Title) + "$"),
		"PubDate":       regexp.MustCompile(`^2024-03-28 \d{2}:\d{2}$`),
		"ContentSource": regexp.MustCompile(regexp.QuoteMeta(d.Publisher)),
		"Url":           regexp.MustCompile(regexp.QuoteMeta(d.URL) + "$"),
		"Description":   regexp.MustCompile(`.+`),
		"Keywords":      regexp.MustCompile(`.*`),
	}
	for name, re := range metas {
		v, ok := p.meta(name)
		if !ok {
			t.Errorf("meta %s missing", name)
		} else if !re.MatchString(v) {
			t.Errorf("meta %s = %q, want %v", name, v, re)
		}
	}

	// Its headings are headings, and not one character of the seed is lost.
	var h2, h3 []string
	for _, h := range p.all(tag("h2")) {
		h2 = append(h2, text(h))
	}
	for _, h := range p.all(tag("h3")) {
		h3 = append(h3, text(h))
	}
	for _, want := range []string{"一、 上一年度推进法治政府建设的主要举措和成效", "二、上一年度推进法治政府建设存在的不足和原因",
		"三、上一年度党政主要负责人履行推进法治建设第一责任人职责", "四、下一年度推进法治政府建设的主要安排"} {
		if !contains(h2, want) {
			t.Errorf("h2 %q missing; have %q", want, h2)
		}
	}
	if !contains(h3, "(一)深入学习宣传贯彻习近平法治思想") {
		t.Errorf("h3 (一)深入学习宣传贯彻习近平法治思想 missing; have %q", h3)
	}
	// The seed is the report as published by its body, in shared/ beside the project (as in CI).
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(root, "..", "shared", "seeds", "000_cd0fd2eb8dd78658.txt"))
	if err != nil {
		t.Fatalf("the seed report beside the project: %v", err)
	}
	body := strings.Join(strings.Fields(text(p.Root)), "")
	for i, line := range strings.Split(string(seed), "\n") {
		line = strings.Join(strings.Fields(line), "")
		if line == "" || line == "分享到:" {
			continue
		}
		if !strings.Contains(body, line) {
			t.Errorf("seed line %d not on the page: %.40s…", i+1, line)
		}
	}
	if strings.Contains(body, "分享到") {
		t.Error("the seed's trailing 分享到: was kept")
	}

	// The bundle's attachment is listed with its format and size.
	items := p.all(hasAttr("data-attachment", ""))
	if len(items) == 0 {
		t.Fatal("no attachment listed")
	}
	li := items[0]
	if f := all(li, hasAttr("data-format", "")); len(f) != 1 || text(f[0]) != "CSV" {
		t.Errorf("attachment format: %v", texts(f))
	}
	if s := all(li, hasAttr("data-size", "")); len(s) != 1 || !regexp.MustCompile(`^\d+(\.\d+)? ?(B|KB|MB)$`).MatchString(text(s[0])) {
		t.Errorf("attachment size: %v", texts(s))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Every year with documents is in /archives/ with the exact count, and each year page lists exactly its documents.
func TestArchivesAreExact(t *testing.T) {
	b := buildSample(t)
	checkArchives(t, b)
}

func checkArchives(t *testing.T, b *built) {
	t.Helper()
	byYear := map[int][]string{}
	for _, d := range b.site.Documents {
		if content.Published(d, now) {
			y := d.Date.In(b.res.Config.Location).Year()
			byYear[y] = append(byYear[y], d.URL)
		}
	}
	idx := load(t, b.out, "archives/")
	items := idx.all(and(tag("li"), hasAttr("data-year", "")))
	seen := map[int]bool{}
	for _, li := range items {
		ys, _ := attr(li, "data-year")
		y, _ := strconv.Atoi(ys)
		seen[y] = true
		counts := all(li, hasAttr("data-count", ""))
		if len(counts) != 1 {
			t.Errorf("year %d: %d count elements", y, len(counts))
			continue
		}
		if got := text(counts[0]); got != strconv.Itoa(len(byYear[y])) {
			t.Errorf("year %d: count %s, want %d", y, got, len(byYear[y]))
		}
		if links := hrefs(all(li, tag("a"))); len(links) == 0 || localPath(links[0]) != "/archives/"+ys+"/" {
			t.Errorf("year %d links to %v", y, links)
		}
	}
	for y, urls := range byYear {
		if !seen[y] {
			t.Errorf("year %d missing from /archives/", y)
			continue
		}
		got, _ := listWalk(t, b.out, "archives/"+strconv.Itoa(y)+"/")
		sort.Strings(got)
		want := append([]string(nil), urls...)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("/archives/%d/ lists\n%v\nwant\n%v", y, got, want)
		}
	}
	if len(seen) != len(byYear) {
		t.Errorf("/archives/ lists %d years, want %d", len(seen), len(byYear))
	}
}

// 文件+解读: each interpretation links to its original, and the original lists the interpretation.
func TestInterpretationLinksBothWays(t *testing.T) {
	b := buildSample(t)
	n := 0
	for _, d := range b.site.Documents {
		if d.Kind != content.Interpretations {
			continue
		}
		p := load(t, b.out, d.URL)
		orig := hrefs(p.all(hasAttr("data-rel", "original")))
		if len(orig) == 0 {
			t.Errorf("%s: no link to its original", d.URL)
			continue
		}
		if d.Interprets.Policy == "" {
			if orig[0] != d.Interprets.URL {
				t.Errorf("%s: original link %q, want %q", d.URL, orig[0], d.Interprets.URL)
			}
			continue
		}
		n++
		pol := b.site.ByName(d.Interprets.Policy)
		if localPath(orig[0]) != pol.URL {
			t.Errorf("%s: original link %q, want %q", d.URL, orig[0], pol.URL)
		}
		pp := load(t, b.out, pol.URL)
		sec := pp.all(and(tag("section"), hasAttr("id", "interpretations")))
		if len(sec) != 1 {
			t.Errorf("%s: no 相关解读 section", pol.URL)
			continue
		}
		var listed []string
		for _, h := range hrefs(all(sec[0], hasAttr("data-rel", "interpretation"))) {
			listed = append(listed, localPath(h))
		}
		if !contains(listed, d.URL) {
			t.Errorf("%s does not list its interpretation %s (lists %v)", pol.URL, d.URL, listed)
		}
	}
	if n == 0 {
		t.Error("the sample has no interpretation of an internal policy")
	}
}

// A repealed policy with a replacement shows the notice and both links.
func TestRepealedPolicyNotice(t *testing.T) {
	b := buildSample(t)
	n := 0
	for _, d := range b.site.Documents {
		if d.Validity != "repealed" || d.ReplacedBy == "" {
			continue
		}
		n++
		p := load(t, b.out, d.URL)
		if len(p.all(hasAttr("data-notice", "repealed"))) != 1 {
			t.Errorf("%s: no repeal notice", d.URL)
		}
		repl := b.site.ByName(d.ReplacedBy)
		links := hrefs(p.all(hasAttr("data-rel", "replaced-by")))
		if len(links) == 0 || localPath(links[0]) != repl.URL {
			t.Errorf("%s: replaced-by links %v, want %s", d.URL, links, repl.URL)
		}
		rp := load(t, b.out, repl.URL)
		back := hrefs(rp.all(hasAttr("data-rel", "replaces")))
		if len(back) == 0 || localPath(back[0]) != d.URL {
			t.Errorf("%s: replaces links %v, want %s", repl.URL, back, d.URL)
		}
	}
	if n == 0 {
		t.Error("the sample has no repealed policy with a replacement")
	}
}

// The home page links to every year and to the newest document of each kind.
func TestHomePage(t *testing.T) {
	b := buildSample(t)
	p := load(t, b.out, "")
	var links []string
	for _, h := range hrefs(p.all(tag("a"))) {
		links = append(links, localPath(h))
	}
	// The newest documents of the site, and the newest of every top-level column that lists documents.
	var newest *content.Document
	years := map[string]bool{}
	for _, d := range b.site.Documents {
		if !content.Published(d, now) {
			continue
		}
		if newest == nil || d.Date.After(newest.Date) {
			newest = d
		}
		years["/archives/"+strconv.Itoa(d.Date.In(b.res.Config.Location).Year())+"/"] = true
	}
	for y := range years {
		if !contains(links, y) {
			t.Errorf("home does not link to %s", y)
		}
	}
	if newest == nil || !contains(links, newest.URL) {
		t.Errorf("home does not link to the newest document")
	}
	for _, c := range b.site.Columns.Top() {
		var top *content.Document
		for _, d := range c.Documents {
			if content.Published(d, now) && (top == nil || d.Date.After(top.Date)) {
				top = d
			}
		}
		if top != nil && !contains(links, top.URL) {
			t.Errorf("home does not link to the newest of column %s, %s", c.ID, top.URL)
		}
	}
}
