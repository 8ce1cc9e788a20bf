package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/sitetest"
)

// buildSmall builds a txtar site with the repository's layouts at the given clock.
func buildSmall(t *testing.T, archive string, at time.Time) *built {
	t.Helper()
	dir := sitetest.WithTheme(t, archive)
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: dir, OutDir: out, Now: at})
	if err != nil {
		if r != nil {
			for _, d := range r.Diags.Sorted() {
				t.Log(d)
			}
		}
		t.Fatalf("build: %v", err)
	}
	return &built{out: out, site: r.Site, res: r}
}

func policy(name, date, index string, extra string) string {
	return fmt.Sprintf("-- content/policies/%s.md --\n+++\ntitle = \"政策%s\"\ndate = %s\nindex_no = %q\n%s+++\n正文%s。\n", name, name, date, index, extra, name)
}

// Drafts, scheduled and expired documents are not counted in archives nor listed; the counts stay exact.
func TestArchivesSkipUnpublished(t *testing.T) {
	site := policy("a", "2022-05-01", "000014349/2022-00001", "") +
		policy("b", "2023-05-01", "000014349/2023-00001", "") +
		policy("c", "2023-06-01", "000014349/2023-00002", "draft = true\n") +
		policy("d", "2024-02-01", "000014349/2024-00001", "expiryDate = 2024-03-01\n") +
		policy("e", "2025-06-01", "000014349/2025-00001", "") + // after the clock: scheduled
		"-- content/articles/x.md --\n+++\ntitle = \"普法\"\ndate = 2023-07-01\n+++\n正文。\n"
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b := buildSmall(t, site, at)
	// checkArchives compares against pipeline.Published at the package clock; use this build's.
	saved := now
	now = at
	defer func() { now = saved }()
	checkArchives(t, b)

	idx := load(t, b.out, "archives/")
	var years []string
	for _, li := range idx.all(and(tag("li"), hasAttr("data-year", ""))) {
		y, _ := attr(li, "data-year")
		years = append(years, y+"="+text(all(li, hasAttr("data-count", ""))[0]))
	}
	if got := strings.Join(years, " "); got != "2023=2 2022=1" {
		t.Errorf("archives list %q, want \"2023=2 2022=1\" (newest first, draft, expired and scheduled left out)", got)
	}
	for _, gone := range []string{"policies/c", "policies/d", "policies/e", "archives/2024", "archives/2025"} {
		if _, err := os.Stat(filepath.Join(b.out, gone, "index.html")); err == nil {
			t.Errorf("%s was published", gone)
		}
	}
	y := load(t, b.out, "archives/2023/")
	for kind, want := range map[string]string{"policies": "/policies/b/", "articles": "/articles/x/"} {
		secs := y.all(and(tag("section"), hasAttr("data-column", kind))) // a site without a column declaration has a column per kind
		if len(secs) != 1 {
			t.Errorf("/archives/2023/ has %d %s sections", len(secs), kind)
			continue
		}
		if got := hrefs(all(secs[0], hasAttr("data-doc", ""))); len(got) != 1 || localPath(got[0]) != want {
			t.Errorf("/archives/2023/ %s lists %v, want %s", kind, got, want)
		}
	}

	// The next nightly build after the scheduled date publishes it.
	later := buildSmall(t, site, time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC))
	if _, err := os.Stat(filepath.Join(later.out, "policies", "e", "index.html")); err != nil {
		t.Errorf("the scheduled policy is not published after its date: %v", err)
	}
}

// A kind's list is grouped by year, newest first, and paginated.
func TestKindListGroupedAndPaginated(t *testing.T) {
	var site strings.Builder
	site.WriteString("-- config.toml --\n" + sitetest.Config + "[pagination]\npagerSize = 2\n")
	for i, d := range []string{"2022-01-05", "2023-02-05", "2023-03-05", "2024-04-05", "2024-05-05"} {
		site.WriteString(policy(fmt.Sprintf("p%d", i), d, fmt.Sprintf("000014349/%s-%05d", d[:4], i+1), ""))
	}
	b := buildSmall(t, site.String(), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	var order []string
	for _, pg := range []string{"policies/", "policies/page/2/", "policies/page/3/"} {
		p := load(t, b.out, pg)
		for _, h := range hrefs(p.all(hasAttr("data-doc", ""))) {
			order = append(order, localPath(h))
		}
	}
	want := "/policies/p4/ /policies/p3/ /policies/p2/ /policies/p1/ /policies/p0/"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("policy list order %q, want %q", got, want)
	}
	first := load(t, b.out, "policies/")
	if hs := texts(first.all(tag("h2"))); !strings.Contains(strings.Join(hs, " "), "2024") {
		t.Errorf("first page is not grouped by year: headings %v", hs)
	}
}
