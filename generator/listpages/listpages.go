// Package listpages provides the pages gongkai adds to a site from what it knows about every document (year
// archives, 主题分类 pages, recent changes) and the data the layouts list from (relations between documents, the
// navigation). Both the build and the preview lay them over content/ for Hugo; nothing is written into the site.
package listpages

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gongkai/generator/content"
	"gongkai/generator/msg"
	"gongkai/generator/siteconfig"
)

// Pages are the list pages gongkai adds to a site from what it knows about every document: year archives
// and 主题分类 pages. They are laid over content/ for Hugo and never written into the site.
func Pages(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) map[string][]byte {
	files := ArchivePages(cfg, site, now, preview)
	for k, v := range TopicPages(cfg, site, now, preview) {
		files[k] = v
	}
	for k, v := range ColumnPages(cfg, site, now, preview) {
		files[k] = v
	}
	for k, v := range site.StatsFiles() {
		files[k] = v
	}
	// The recent-changes page: its layout lists every publication and change note of the site.
	files["content/changes/_index.md"] = []byte(fmt.Sprintf("+++\ntitle = %q\ncolumn_type = \"信息公开目录\"\n+++\n", msg.PageChanges.In(cfg.Lang)))
	for k, v := range GonePages(cfg, site) {
		files[k] = v
	}
	files[RelationsFile] = Relations(site, now, preview)
	files[ListsFile] = Lists(cfg, site, now, preview)
	files[NavFile] = Nav(site, cfg.Lang)
	return files
}

// NavFile is where the layouts find the site's main sections (hugo.Data.gongkai.nav).
const NavFile = "data/gongkai/nav.json"

// Nav lists the sections every page links to (header, breadcrumb, footer). Looking them up as pages from every page
// would make every page depend on every list page, and a list page changes whenever one of its documents does: in
// preview, one edit would re-render the whole site.
func Nav(site *content.Site, lang msg.Lang) []byte {
	// The kinds of document, for every layout that lists documents of all kinds: content.Kinds is their only
	// declaration.
	type kind struct {
		Kind  string `json:"kind"`
		Label string `json:"label"`
		One   string `json:"one"`
	}
	kinds := []kind{}
	for _, k := range content.Kinds {
		kinds = append(kinds, kind{string(k), k.Label(lang), k.LabelOne(lang)})
	}
	// The columns are in ColumnsFile; these are the pages gongkai generates for every site (see Pages).
	sections := []string{"archives", "topics"}
	data, _ := json.Marshal(map[string]any{"sections": sections, "changes": true, "kinds": kinds})
	return data
}

// RelationsFile is where the layouts find the links between documents (hugo.Data.gongkai.relations).
const RelationsFile = "data/gongkai/relations.json"

// Relations lists, for each document, the documents that point at it: a policy's interpretations (文件+解读) and
// the documents a document replaces. The layouts could find them by scanning every page from every page, but
// that makes each page depend on all others: rendering becomes quadratic and an edit of one document re-renders
// the whole site in preview. gongkai already knows every link, so it hands them over as data.
func Relations(site *content.Site, now time.Time, preview bool) []byte {
	interps := map[string][]*content.Document{}
	replaces := map[string][]*content.Document{}
	for _, d := range site.Documents {
		if !listed(d, now, preview) {
			continue
		}
		if p := d.Interprets.Policy; p != "" {
			interps[p] = append(interps[p], d)
		}
		if r := d.ReplacedBy; r != "" && site.ByName(r) != nil {
			replaces[r] = append(replaces[r], d)
		}
	}
	names := func(m map[string][]*content.Document) map[string][]string {
		out := map[string][]string{}
		for k, ds := range m {
			sort.SliceStable(ds, func(i, j int) bool {
				if !ds[i].Date.Equal(ds[j].Date) {
					return ds[i].Date.After(ds[j].Date)
				}
				return ds[i].Name < ds[j].Name
			})
			for _, d := range ds {
				out[k] = append(out[k], d.Name)
			}
		}
		return out
	}
	data, _ := json.Marshal(map[string]any{"interpretations": names(interps), "replaces": names(replaces)})
	return data
}

// ArchivePages generates /archives/ and /archives/YYYY/ for every year that has a published document. Hugo cannot
// list "all years" by itself. The members of each year, and so its count, are in Lists.
func ArchivePages(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) map[string][]byte {
	years := map[int]bool{}
	for _, d := range site.Documents {
		if listed(d, now, preview) {
			years[d.Date.In(cfg.Location).Year()] = true
		}
	}
	list := make([]int, 0, len(years))
	for y := range years {
		list = append(list, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(list)))
	files := map[string][]byte{
		"content/archives/_index.md": []byte(fmt.Sprintf("+++\ntitle = %q\ncolumn_type = \"信息公开目录\"\n+++\n", msg.PageArchives.In(cfg.Lang))),
	}
	for _, y := range list {
		files["content/archives/"+strconv.Itoa(y)+"/_index.md"] = []byte(fmt.Sprintf(
			"+++\ntitle = %q\narchive_year = %d\nweight = %d\ncolumn_type = \"信息公开目录\"\n+++\n", msg.PageYear.F(cfg.Lang, y), y, 10000-y))
	}
	return files
}

// TopicPages generates /topics/ and a page for each class of the vocabulary, top-level and second-level, that has a
// published document. Addresses are the class names without punctuation: /topics/劳动人事监察/劳动关系/. The members
// of each class, and so its count, are in Lists.
func TopicPages(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) map[string][]byte {
	used := map[string]bool{}
	for _, d := range site.Documents {
		if d.Topic != "" && listed(d, now, preview) {
			used[d.Topic] = true
			if i := strings.Index(d.Topic, `\`); i >= 0 {
				used[d.Topic[:i]] = true
			}
		}
	}
	files := map[string][]byte{
		"content/topics/_index.md": []byte(fmt.Sprintf("+++\ntitle = %q\ncolumn_type = \"信息公开目录\"\n+++\n", msg.PageTopics.In(cfg.Lang))),
	}
	if site.Topics == nil {
		return files
	}
	for i, c := range site.Topics.Classes {
		if !used[c.Name] {
			continue
		}
		cs := Slug(c.Name)
		files["content/topics/"+cs+"/_index.md"] = topicPage(c.Name, c.Name, 1, i)
		for j, ch := range c.Children {
			name := c.Name + `\` + ch
			if used[name] {
				files["content/topics/"+cs+"/"+Slug(ch)+"/_index.md"] = topicPage(name, ch, 2, j)
			}
		}
	}
	return files
}

func topicPage(name, title string, level, order int) []byte {
	// TOML literal strings keep the backslash of "一级\二级" as it is.
	return []byte(fmt.Sprintf("+++\ntitle = '%s'\ntopic_name = '%s'\ntopic_level = %d\nweight = %d\ncolumn_type = \"信息公开目录\"\n+++\n",
		title, name, level, order+1))
}

// Slug keeps letters and digits of any script and drops punctuation, so that a class name makes a clean path.
func Slug(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		} else if r == '-' || r == ' ' {
			b.WriteRune('-')
		}
	}
	return b.String()
}

// ListsFile is where the layouts find the members of every list page, in the order shown (hugo.Data.gongkai.lists).
const ListsFile = "data/gongkai/lists.json"

// List is one list page's documents, newest first, as Hugo page paths ("/policies/ldht-2024"). The layouts turn
// them into pages once per list (partialCached) and paginate them; a count shown on an index page is Count of the
// list it links to.
type List struct {
	// Pages are the paths joined by newlines: Hugo's templates can split a string into the strings site.GetPage
	// takes, but not convert the items of a JSON array, and one string per list is also less to load.
	Pages string `json:"pages"`
	Count int    `json:"count"`
	// Repealed says whether a member is repealed (废止): the list then offers to hide them.
	Repealed bool `json:"repealed,omitempty"`
	// Events, for the recent-changes list only, goes with Pages index by index: what happened to that page then.
	Events []Event `json:"events,omitempty"`
	// Unchanged, in a nightly build only, are the pager pages (",2,5,") that show what they showed in the live
	// release: the build takes them from there, and layouts/_partials/pager-unchanged.html tells the layouts not
	// to render them (see Unchanged).
	Unchanged string `json:"unchanged,omitempty"`
}

// Unchanged returns the lists' data (as Lists made it) with the pager pages of same (list key -> ",2,5,") marked
// unchanged, for a nightly build that takes them from the live release.
func Unchanged(lists []byte, same map[string]string) []byte {
	var out map[string]*List
	if json.Unmarshal(lists, &out) != nil {
		return lists
	}
	for k, pages := range same {
		if l := out[k]; l != nil {
			l.Unchanged = pages
		}
	}
	data, _ := json.Marshal(out)
	return data
}

// Event is one publication or change note on the recent-changes list.
type Event struct {
	Date string `json:"t"`           // 2006-01-02, in the site's time zone
	Kind string `json:"k"`           // "published", "updated" or "withdrawn"
	Note string `json:"n,omitempty"` // the change note
}

// Lists computes the members of every list of the site once, from the validated documents, keyed as the layouts
// look them up: each kind ("policies"), each year ("archives/2024"), each 主题分类 class ("topics/综合政务" holds
// its own documents and its children's, "topics/综合政务\政务公开" its own), "changes", and "all" (every document,
// for the 公开目录). Scanning every page of the site from each list page, as the layouts once did, made rendering
// quadratic in the number of documents.
func Lists(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) []byte {
	out := map[string]*List{}
	for k, l := range Members(cfg, site, now, preview) {
		out[k] = l.list()
	}
	data, _ := json.Marshal(out)
	return data
}

// Member is one list: its documents in order, and for the recent changes what happened to each.
type Member struct {
	Docs   []*content.Document
	Events []Event
}

func (m *Member) list() *List {
	l := &List{Count: len(m.Docs), Events: m.Events}
	var b strings.Builder
	for i, d := range m.Docs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("/" + d.Name)
		if d.Validity == "repealed" {
			l.Repealed = true
		}
	}
	l.Pages = b.String()
	return l
}

// Members computes every list (see Lists).
func Members(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) map[string]*Member {
	var docs []*content.Document
	for _, d := range site.Documents {
		if listed(d, now, preview) {
			docs = append(docs, d)
		}
	}
	// Newest first; the name decides between documents of the same instant, so that the order is the same in
	// every build.
	sort.SliceStable(docs, func(i, j int) bool { return newer(docs[i], docs[j]) })
	kindOrder := map[content.Kind]int{}
	for i, k := range content.Kinds {
		kindOrder[k] = i
	}
	out := map[string]*Member{}
	add := func(key string, d *content.Document) {
		l := out[key]
		if l == nil {
			l = &Member{}
			out[key] = l
		}
		l.Docs = append(l.Docs, d)
	}
	for _, k := range site.Kinds {
		out[string(k)] = &Member{}
	}
	years := map[int][]*content.Document{}
	for _, d := range docs {
		add(string(d.Kind), d)
		if d.Topic != "" {
			add("topics/"+d.Topic, d)
			if i := strings.Index(d.Topic, `\`); i >= 0 {
				add("topics/"+d.Topic[:i], d)
			}
		}
		y := d.Date.In(cfg.Location).Year()
		years[y] = append(years[y], d)
	}
	// Each declared column lists its documents (data/columns.toml), under "columns/<id>".
	colOrder := map[*content.Document]int{}
	if cs := site.Columns; cs != nil {
		for _, c := range cs.All {
			key := "columns/" + c.ID
			out[key] = &Member{}
			in := map[*content.Document]bool{}
			for _, d := range c.Documents {
				in[d] = true
			}
			for _, d := range docs {
				if in[d] {
					add(key, d)
				}
			}
		}
		for _, d := range docs {
			colOrder[d] = len(cs.All) // documents in no column come last
			if c := cs.Of(d); c != nil {
				for i, x := range cs.All {
					if x == c {
						colOrder[d] = i
					}
				}
			}
		}
	}
	// A year lists its documents by the column each is shown in, in the order of the declaration (then by kind),
	// newest first within each.
	for y, ds := range years {
		sort.SliceStable(ds, func(i, j int) bool {
			if colOrder[ds[i]] != colOrder[ds[j]] {
				return colOrder[ds[i]] < colOrder[ds[j]]
			}
			return kindOrder[ds[i].Kind] < kindOrder[ds[j].Kind]
		})
		for _, d := range ds {
			add("archives/"+strconv.Itoa(y), d)
		}
	}
	out["changes"] = changes(cfg, docs, Withdrawn(site))
	// The 公开目录 lists every published document, newest first.
	out["all"] = &Member{Docs: append([]*content.Document(nil), docs...)}
	return out
}

func newer(a, b *content.Document) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.Name < b.Name
}

// changes lists every publication and every change note, newest first.
// A withdrawn document is there once, on the day of its withdrawal, with the reason as its note: the record of
// its publication left the lists with it.
func changes(cfg *siteconfig.Config, docs, withdrawn []*content.Document) *Member {
	type ev struct {
		t    time.Time
		d    *content.Document
		kind string
		note string
	}
	evs := make([]ev, 0, len(docs))
	for _, d := range docs {
		evs = append(evs, ev{d.Date, d, "published", ""})
		for _, c := range d.Changes {
			evs = append(evs, ev{c.Date, d, "updated", c.Note})
		}
	}
	for _, d := range withdrawn {
		evs = append(evs, ev{d.Withdrawn.Date, d, "withdrawn", d.Withdrawn.Reason})
	}
	sort.SliceStable(evs, func(i, j int) bool {
		if !evs[i].t.Equal(evs[j].t) {
			return evs[i].t.After(evs[j].t)
		}
		return evs[i].d.Name < evs[j].d.Name
	})
	l := &Member{Docs: make([]*content.Document, 0, len(evs)), Events: make([]Event, 0, len(evs))}
	for _, e := range evs {
		l.Docs = append(l.Docs, e.d)
		l.Events = append(l.Events, Event{e.t.In(cfg.Location).Format("2006-01-02"), e.kind, e.note})
	}
	return l
}
