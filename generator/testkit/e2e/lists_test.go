package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/listpages"
	"gongkai/generator/pipeline"
	"gongkai/generator/testkit/corpus"
)

// listWalk follows a list from its first page along rel=next and returns the documents it shows, in order, and the
// number of pages. Every page's pager is checked on the way: a bounded number of links however long the list, the
// current page marked, first and last page reachable in one step.
func listWalk(t *testing.T, out, first string) ([]string, int) {
	t.Helper()
	var docs []string
	rel := first
	for n := 1; ; n++ {
		p := load(t, out, rel)
		for _, h := range hrefs(p.all(hasAttr("data-doc", ""))) {
			docs = append(docs, localPath(h))
		}
		pagers := p.all(and(tag("nav"), hasAttr("class", "pager")))
		if len(pagers) == 0 {
			if n > 1 {
				t.Errorf("%s: page %d has no pager", first, n)
			}
			return docs, n
		}
		links := all(pagers[0], tag("a"))
		// previous, first, two either side and the current one, last, next.
		if len(links) > 9 {
			t.Errorf("%s page %d: pager has %d links, want at most 9", first, n, len(links))
		}
		cur := all(pagers[0], hasAttr("aria-current", "page"))
		if len(cur) != 1 || text(cur[0]) != strconv.Itoa(n) {
			t.Errorf("%s page %d: current page marked %d times (%v)", first, n, len(cur), texts(cur))
		}
		var numbers []int
		next := ""
		for _, a := range links {
			if r, _ := attr(a, "rel"); r == "next" {
				next, _ = attr(a, "href")
			}
			if k, err := strconv.Atoi(text(a)); err == nil {
				numbers = append(numbers, k)
			}
		}
		if len(numbers) == 0 || numbers[0] != 1 {
			t.Errorf("%s page %d: the pager does not link the first page: %v", first, n, numbers)
		}
		if next == "" {
			return docs, n
		}
		rel = strings.TrimPrefix(localPath(next), "/")
		if n > 10000 {
			t.Fatalf("%s: more than 10,000 pages", first)
		}
	}
}

// Every list (each kind, each year, each 主题分类 class, the recent changes) is paginated with a windowed pager and
// shows exactly its documents, in order; the counts on /archives/ and /topics/ equal the lists they link to. The
// expected lists are computed here from the corpus, not from gongkai's list data.
func TestEveryListPaginated(t *testing.T) {
	site := t.TempDir()
	const n, size = 320, 4
	if err := corpus.Write(site, n, 7); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(site, "config.toml")
	cfg, _ := os.ReadFile(cfgPath)
	cfg = regexp.MustCompile(`pagerSize = \d+`).ReplaceAll(cfg, []byte("pagerSize = "+strconv.Itoa(size)))
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	// One document gets a change note, so that the recent changes hold more events than documents.
	docs := corpus.Generate(n, 7, corpus.Options{})
	changed := docs[5]
	p := filepath.Join(site, "content", changed.Kind, changed.Name+".md")
	body, _ := os.ReadFile(p)
	body = []byte(strings.Replace(string(body), "+++\n", "+++\nchanges = [{ date = 2026-01-02, note = \"更正\" }]\n", 1))
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: at})
	if err != nil {
		for _, d := range r.Diags.Sorted() {
			t.Log(d)
		}
		t.Fatal(err)
	}

	type doc struct {
		url   string
		date  time.Time
		name  string
		kind  int
		topic string
	}
	kindIndex := map[content.Kind]int{}
	for i, k := range content.Kinds {
		kindIndex[k] = i
	}
	var docsAll []doc
	for _, d := range r.Site.Documents {
		if content.Published(d, at) {
			docsAll = append(docsAll, doc{d.URL, d.Date, d.Name, kindIndex[d.Kind], d.Topic})
		}
	}
	sort.Slice(docsAll, func(i, j int) bool {
		if !docsAll[i].date.Equal(docsAll[j].date) {
			return docsAll[i].date.After(docsAll[j].date)
		}
		return docsAll[i].name < docsAll[j].name
	})
	want := map[string][]string{}
	years := map[int][]doc{}
	for _, d := range docsAll {
		kind := strings.Split(d.name, "/")[0]
		want["/"+kind+"/"] = append(want["/"+kind+"/"], d.url)
		y := d.date.In(r.Config.Location).Year()
		years[y] = append(years[y], d)
		if d.topic != "" {
			parts := strings.Split(d.topic, `\`)
			top := "/topics/" + listpages.Slug(parts[0]) + "/"
			want[top] = append(want[top], d.url)
			if len(parts) == 2 {
				want[top+listpages.Slug(parts[1])+"/"] = append(want[top+listpages.Slug(parts[1])+"/"], d.url)
			}
		}
	}
	for y, ds := range years {
		sort.SliceStable(ds, func(i, j int) bool { return ds[i].kind < ds[j].kind })
		for _, d := range ds {
			want["/archives/"+strconv.Itoa(y)+"/"] = append(want["/archives/"+strconv.Itoa(y)+"/"], d.url)
		}
	}
	long := 0
	for list, urls := range want {
		got, pages := listWalk(t, out, strings.TrimPrefix(list, "/"))
		if strings.Join(got, " ") != strings.Join(urls, " ") {
			t.Errorf("%s shows %d documents:\n%v\nwant %d:\n%v", list, len(got), got, len(urls), urls)
		}
		if wantPages := (len(urls) + size - 1) / size; pages != wantPages {
			t.Errorf("%s has %d pages, want %d", list, pages, wantPages)
		}
		if pages > 12 {
			long++
		}
	}
	if long < 3 {
		t.Errorf("only %d lists have more than 12 pages: the pager's window is not exercised", long)
	}
	// The recent changes: every publication and the change note.
	got, _ := listWalk(t, out, "changes/")
	if len(got) != len(docsAll)+1 {
		t.Errorf("/changes/ shows %d events, want %d publications and 1 change", len(got), len(docsAll))
	}
	if len(got) > 0 && got[0] != "/"+changed.Kind+"/"+changed.Name+"/" {
		t.Errorf("/changes/ starts with %s, want the change of 2026-01-02 to /%s/%s/", got[0], changed.Kind, changed.Name)
	}

	// Counts on the index pages equal the lists.
	idx := load(t, out, "archives/")
	for _, li := range idx.all(and(tag("li"), hasAttr("data-year", ""))) {
		y, _ := attr(li, "data-year")
		if c := text(all(li, hasAttr("data-count", ""))[0]); c != strconv.Itoa(len(want["/archives/"+y+"/"])) {
			t.Errorf("/archives/ counts %s for %s, the list holds %d", c, y, len(want["/archives/"+y+"/"]))
		}
	}
	tree := load(t, out, "topics/")
	count := regexp.MustCompile(`\d+`)
	checked := 0
	for _, li := range all(tree.one(t, "topic tree", and(tag("ul"), hasAttr("class", "topic-tree"))), tag("li")) {
		a := all(li, tag("a"))[0]
		href, _ := attr(a, "href")
		var c string
		for s := a.NextSibling; s != nil; s = s.NextSibling {
			if cls, _ := attr(s, "class"); cls == "count" {
				c = count.FindString(text(s))
				break
			}
		}
		if c != strconv.Itoa(len(want[localPath(href)])) {
			t.Errorf("/topics/ counts %q for %s, the list holds %d", c, localPath(href), len(want[localPath(href)]))
		}
		checked++
	}
	classes := 0
	for list := range want {
		if strings.HasPrefix(list, "/topics/") {
			classes++
		}
	}
	if checked != classes || checked == 0 {
		t.Errorf("/topics/ shows %d classes, the documents name %d", checked, classes)
	}
}
