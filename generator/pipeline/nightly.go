package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/hugosite"
	"gongkai/generator/listpages"
	"gongkai/generator/manifest"
	"gongkai/generator/reuse"
)

// A nightly build (a live release present) renders with Hugo only the pages the night's change can affect, and
// takes every other page from the live release, as it takes the pages that came out unchanged. What a page shows is
// known before Hugo runs: each document's page shows its own source, its relations and its column; each list
// shows its members (listpages.Members) and what each member's source says. So a state kept beside the releases
// (nightState: a digest of everything that affects every page, a digest per document and per list, the pages of
// the release and their folders, the documents' plain text) compared with the same state of the new sources says
// which pages to render. Whatever might change every page (a layout, config.toml, i18n/, data/, static/, content/
// files that are not documents, a generated page appearing or disappearing, navigation, another gongkai, a --now
// that publishes or expires a document) makes a full build, and the report says why.
//
// The rule that keeps it safe is the one reuse already follows: a nightly release is byte for byte the release a
// cold build of the same sources makes; the tests compare the two for each kind of change.

// stateName is the state's file beside the releases (never served), replaced after each publication, like the memo.
const stateName = ".nightly"

// nightState is what a nightly build compares the new sources with.
type nightState struct {
	Release string              `json:"release"` // the release it describes
	Global  string              `json:"global"`
	Why     map[string]string   `json:"why"`    // digest of each global input, to say which changed
	Docs    map[string]docState `json:"docs"`   // by file (content/policies/x.md)
	Lists   map[string]string   `json:"lists"`  // list key -> digest of what it shows
	Pagers  map[string][]string `json:"pagers"` // list key -> digest of what each of its pager pages shows
	Pages   []pageRec           `json:"pages"`  // every page of the release
	Ext     map[string][]string `json:"ext"`    // external URL -> the URL paths of the pages linking to it

	encoded []byte // as read from the file (see loadState), nil for a state made by this build
}

// pageRec is one page of a release as Hugo listed it: enough to stand for Hugo's list when nothing is rendered.
type pageRec struct {
	Path    string `json:"p"`           // Hugo's path
	URL     string `json:"u"`           // RelPermalink
	File    string `json:"f,omitempty"` // content/policies/x.md
	Kind    string `json:"k"`
	Lastmod string `json:"l,omitempty"`
}

// dirs maps every page's Hugo path to its output folder ("" for home, "policies/x/").
func (st *nightState) dirs() map[string]string {
	out := make(map[string]string, len(st.Pages))
	for _, p := range st.Pages {
		out[p.Path] = pageDir(p.URL)
	}
	return out
}

// docState is one document as the pages that show it see it.
type docState struct {
	Digest    string   `json:"d"`           // its source (every file of a bundle), relations and column
	Shown     string   `json:"s"`           // what other pages show of it: Digest without the body of a document whose front matter has a summary
	Published bool     `json:"p"`           // at the build's --now
	Path      string   `json:"path"`        // Hugo's path, "/policies/x"
	Aliases   []string `json:"a,omitempty"` // the redirect files of its aliases
	Terms     []string `json:"t,omitempty"` // its term pages ("/laws/x")
	Related   []string `json:"r,omitempty"` // pages that show its title: its policy, interpretations, replaced and replacing
	Text      string   `json:"x,omitempty"` // its plain text, for the search index (as Hugo rendered it)
}

// effective is the digest the pages see: a document not published is on no page.
func (d docState) effective() string {
	if !d.Published {
		return "-"
	}
	return d.Digest
}

// shown is the digest the other pages see (lists, feeds, related documents).
func (d docState) shown() string {
	if !d.Published {
		return "-"
	}
	return d.Shown
}

// renderPlan says what Hugo renders: everything (Full != "" says why; "" with all nil for a cold build), or the
// pages Only and the kinds Kinds, the previous release's files of the folders Drop not being carried.
type renderPlan struct {
	Full    string
	Only    []string
	Kinds   []string
	drop    map[string]bool // output folders whose previous files are not taken
	aliases map[string]bool // previous alias files that are taken
	check   []string        // paths of the new sources that must be pages, or the plan is wrong: full build
	text    map[string]bool // page paths whose text comes from Hugo; the others' from the state
	old     *nightState

	// same are, by list key, the pager pages (",2,5,") that show what they showed in the live release; Hugo renders
	// in their place a marker (layouts/_partials/pager-unchanged.html reads them from the lists' data, lists) and
	// the build takes the live release's file instead (taken). See pagerDigests.
	same   map[string]string
	pagers map[string]string // the same pager pages by the output folder of the list page that shows them
	mu     sync.Mutex
	taken  map[string]bool
	// unexpected is a page that rendered the marker where the plan marked no unchanged pager page (a layout
	// showing a list from a page listPath does not know, or a document's raw HTML): the build renders everything.
	unexpected string
}

func (p *renderPlan) partial() bool { return p != nil && p.Full == "" && p.Only != nil }

// exeDigest identifies the gongkai that builds: a release made by another one lends no page unrendered. A binary
// built from a clean checkout carries its commit and build settings (debug.ReadBuildInfo); any other (a modified
// tree, a test binary) is identified by its SHA-256, which costs reading it (80 MB) once per build.
var exeDigest = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		clean, rev := false, ""
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.modified":
				clean = s.Value == "false"
			case "vcs.revision":
				rev = s.Value
			}
		}
		if clean && rev != "" {
			sum := sha256.Sum256([]byte(bi.String()))
			return "build " + hex.EncodeToString(sum[:])
		}
	}
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err = io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return "unknown " + time.Now().String() // never equal: a full build
})

// newState computes the state of the sources about to be built (files: the generated files laid over the site).
func newState(r *Result, dir string, files map[string][]byte, now time.Time) (*nightState, error) {
	st := &nightState{Why: map[string]string{}, Docs: map[string]docState{}, Lists: map[string]string{}}
	site := r.Site
	docFiles := map[string]bool{}
	bundles := map[string]bool{}
	for _, d := range site.Documents {
		docFiles[d.File] = true
		if d.Bundle {
			bundles[path.Dir(d.File)] = true
		}
	}
	layoutsRead := func(word string) bool {
		found := false
		filepath.WalkDir(filepath.Join(dir, "layouts"), func(p string, e fs.DirEntry, err error) error {
			if err == nil && e.Type().IsRegular() && !found {
				if b, err := os.ReadFile(p); err == nil && strings.Contains(string(b), word) {
					found = true
				}
			}
			return nil
		})
		return found
	}
	// Other pages show a document's body only through its summary, and only when its front matter has none (see
	// hashDoc), as long as no layout but the document's own shows more of it.
	splitBody := !bodyElsewhere(dir)
	// data/withdrawn.toml decides which documents are notices and which lists they leave: an input of every page
	// as soon as the layouts show withdrawals (they do: page.html), since a record changes the page of a document
	// whose file did not change.
	skipWithdrawn := !layoutsRead("withdrawn")
	for _, top := range []string{"config.toml", "layouts", "i18n", "static", "data", "content"} {
		h := sha256.New()
		err := hashTree(h, dir, top, func(rel string) bool {
			if top == "data" && skipWithdrawn && rel == content.WithdrawnFile {
				return false
			}
			if top == "content" {
				if docFiles[rel] {
					return false
				}
				for d := path.Dir(rel); d != "." && d != "content"; d = path.Dir(d) {
					if bundles[d] {
						return false
					}
				}
			}
			return true
		})
		if err != nil {
			return nil, err
		}
		st.Why[top] = hex.EncodeToString(h.Sum(nil))
	}
	st.Why["gongkai"] = exeDigest()
	// The generated files, but the data the per-document and per-list digests stand for: the lists, the relations
	// and the columns' members (every page's navigation reads the rest of columns.json).
	h := sha256.New()
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		data := files[k]
		switch k {
		case listpages.ListsFile, listpages.RelationsFile:
			continue
		case listpages.ColumnsFile:
			data = columnsShape(data)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", k, len(data))
		h.Write(data)
	}
	st.Why["generated pages and navigation"] = hex.EncodeToString(h.Sum(nil))
	keys := make([]string, 0, len(st.Why))
	for k := range st.Why {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h = sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%s\n", k, st.Why[k])
	}
	st.Global = hex.EncodeToString(h.Sum(nil))

	var rel struct {
		Interpretations map[string][]string `json:"interpretations"`
		Replaces        map[string][]string `json:"replaces"`
	}
	if err := json.Unmarshal(files[listpages.RelationsFile], &rel); err != nil {
		return nil, fmt.Errorf("nightly: relations: %w", err)
	}
	for _, d := range site.Documents {
		h, hs := sha256.New(), sha256.New()
		if err := hashDoc(h, hs, dir, d, splitBody); err != nil {
			return nil, err
		}
		// A withdrawn document's page is its notice, which shows its source: a page like a published one's.
		ds := docState{Published: content.Published(d, now) || d.Withdrawn != nil, Path: "/" + d.Name}
		for _, x := range []hash.Hash{h, hs} {
			fmt.Fprintf(x, "\x00interpretations %q replaces %q", rel.Interpretations[d.Name], rel.Replaces[d.Name])
			if site.Columns != nil {
				if c := site.Columns.Of(d); c != nil {
					fmt.Fprintf(x, "\x00column %q", c.ID)
				}
			}
		}
		ds.Digest = hex.EncodeToString(h.Sum(nil))
		ds.Shown = hex.EncodeToString(hs.Sum(nil))
		// Hugo's taxonomies take the front matter's keys: a document without publisher shows the site's, but is on
		// no 发布机构 term page.
		if _, ok := d.Pos["publisher"]; ok && d.Publisher != "" {
			ds.Terms = append(ds.Terms, termPath("publisher", d.Publisher))
		}
		if _, ok := d.Pos["laws"]; ok {
			for _, l := range d.Laws {
				ds.Terms = append(ds.Terms, termPath("laws", l))
			}
		}
		for _, n := range append(append([]string{d.Interprets.Policy, d.ReplacedBy}, rel.Interpretations[d.Name]...), rel.Replaces[d.Name]...) {
			if n != "" && site.ByName(n) != nil {
				ds.Related = append(ds.Related, "/"+n)
			}
		}
		st.Docs[d.File] = ds
	}
	byName := map[string]string{}
	for _, d := range site.Documents {
		byName[d.Name] = st.Docs[d.File].shown()
	}
	members := listpages.Members(r.Config, site, now, false)
	for key, m := range members {
		h := sha256.New()
		for _, d := range m.Docs {
			fmt.Fprintf(h, "%s %s\n", d.Name, byName[d.Name])
		}
		ev, _ := json.Marshal(m.Events)
		h.Write(ev)
		st.Lists[key] = hex.EncodeToString(h.Sum(nil))
	}
	st.Pagers = pagerDigests(members, byName, pagerSize(r.Config.Pagination))
	return st, nil
}

// pagerSize is the number of documents on a pager page: config.toml's [pagination] pagerSize, else Hugo's default
// (10); 0 when the configuration gives it in a form this does not read (then no pager page is taken unrendered).
func pagerSize(cfg any) int {
	m, ok := cfg.(map[string]any)
	if !ok {
		if cfg == nil {
			return 10
		}
		return 0
	}
	v, ok := m["pagerSize"]
	if !ok {
		return 10
	}
	switch n := v.(type) {
	case int64:
		return int(max(n, 0))
	case int:
		return max(n, 0)
	}
	return 0
}

// pagerDigests says what each pager page of each list shows, with a digest per page: its documents as the other
// pages see them (shown) and, for the recent changes, its events; the page's number, the list's number of pages
// (the pager) and its count; whether the list has a repealed member (its filter); and every list's count, since
// list pages show the counts of other lists (a class's sub-classes, the 公开目录's columns). The recent changes'
// count is shown nowhere (layouts/changes/section.html): it is left out, or every change note would render every
// page of the recent changes and of every list it touches. A pager page whose digest did not
// change shows what it showed: a nightly build takes it from the live release (see renderPlan.same). nil with no
// pager size.
func pagerDigests(members map[string]*listpages.Member, shown map[string]string, size int) map[string][]string {
	if size <= 0 {
		return nil
	}
	keys := make([]string, 0, len(members))
	for k := range members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ch := sha256.New()
	for _, k := range keys {
		if k != "changes" {
			fmt.Fprintf(ch, "%s %d\n", k, len(members[k].Docs))
		}
	}
	counts := ch.Sum(nil)
	out := make(map[string][]string, len(members))
	for _, k := range keys {
		m := members[k]
		repealed := false
		for _, d := range m.Docs {
			repealed = repealed || d.Validity == "repealed"
		}
		n := max(1, (len(m.Docs)+size-1)/size) // an empty list is one page
		count := len(m.Docs)
		if k == "changes" {
			count = -1 // not shown on its pages: a new note changes the pages from its place on, not every one
		}
		pages := make([]string, n)
		for i := range pages {
			h := sha256.New()
			h.Write(counts)
			fmt.Fprintf(h, "page %d of %d count %d repealed %v\n", i+1, n, count, repealed)
			for j := i * size; j < min((i+1)*size, len(m.Docs)); j++ {
				fmt.Fprintf(h, "%s %s\n", m.Docs[j].Name, shown[m.Docs[j].Name])
				if j < len(m.Events) {
					ev, _ := json.Marshal(m.Events[j])
					h.Write(ev)
				}
			}
			pages[i] = hex.EncodeToString(h.Sum(nil)[:16])
		}
		out[k] = pages
	}
	return out
}

// termPath is the Hugo path of a taxonomy term, as Hugo makes it (checked after rendering: see renderPlan.check).
func termPath(taxonomy, term string) string {
	return "/" + taxonomy + "/" + strings.ReplaceAll(strings.ToLower(strings.TrimSpace(term)), " ", "-")
}

// columnsShape is columns.json without the columns' members, the documents' columns and the newest documents:
// what every page's navigation and footer read.
func columnsShape(data []byte) []byte {
	var v map[string]any
	if json.Unmarshal(data, &v) != nil {
		return data
	}
	delete(v, "doc")
	delete(v, "latest")
	if cols, ok := v["columns"].(map[string]any); ok {
		for _, c := range cols {
			if m, ok := c.(map[string]any); ok {
				delete(m, "members")
			}
		}
	}
	out, _ := json.Marshal(v)
	return out
}

// hashTree hashes the regular files under dir/top (a file or a folder) that keep says yes to, by path and bytes.
func hashTree(h hash.Hash, dir, top string, keep func(rel string) bool) error {
	root := filepath.Join(dir, top)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !keep(filepath.ToSlash(mustRel(dir, p))) {
			return nil
		}
		rel := filepath.ToSlash(mustRel(dir, p))
		if !e.Type().IsRegular() {
			fmt.Fprintf(h, "%s\x00%v\x00", rel, e.Type())
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

func mustRel(base, p string) string {
	r, _ := filepath.Rel(base, p)
	return r
}

// hashDoc hashes a document's source into h: its file, or every file of its bundle; and into shown what other pages
// show of it. A list, a feed or the 公开目录 shows a document's front matter and, through its summary, its body
// unless the front matter gives the summary (.Params.summary | default .Summary in every layout): then shown is the
// front matter alone, and an edit of the text alone renders the document's page only. A bundle's shown is its
// whole digest.
func hashDoc(h, shown hash.Hash, dir string, d *content.Document, splitBody bool) error {
	if !d.Bundle {
		// The file as validated: its SHA-256 and its front matter's, taken as it was read (content.Sums).
		h.Write(d.Sums.File[:])
		if _, ok := d.Pos["summary"]; ok && splitBody {
			shown.Write(d.Sums.FrontMatter[:])
		} else {
			shown.Write(d.Sums.File[:])
		}
		return nil
	}
	if err := hashTree(h, dir, filepath.FromSlash(path.Dir(d.File)), func(string) bool { return true }); err != nil {
		return err
	}
	shown.Write(h.Sum(nil))
	return nil
}

// bodyUse finds, in a layout, what shows a page's body: its content, text, counts, or its summary other than as
// the default of the front matter's.
var bodyUse = regexp.MustCompile(`\.(Content|Plain|PlainWords|RawContent|WordCount|FuzzyWordCount|ReadingTime|Truncated|TableOfContents|Fragments)\b|\.Summary`)

// tplComment is a template comment, {{/* ... */}} with or without trimming.
var tplComment = regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)

// bodyElsewhere reports whether a layout other than the document page's (layouts/page.html, which shows .Content,
// and layouts/_partials/attachments.html, whose .Content is an attachment's) shows a body, or a summary other than
// as `.Params.summary | default (.Summary ...)`: then an edit of a document's text is an edit of what lists show.
func bodyElsewhere(dir string) bool {
	found := false
	root := filepath.Join(dir, "layouts")
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || found || !e.Type().IsRegular() {
			return nil
		}
		rel := filepath.ToSlash(mustRel(root, p))
		if rel == "page.html" || rel == "_partials/attachments.html" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			found = true
			return nil
		}
		data = tplComment.ReplaceAll(data, nil)
		for _, m := range bodyUse.FindAllIndex(data, -1) {
			before := string(data[max(0, m[0]-10):m[0]])
			if string(data[m[0]:m[1]]) == ".Summary" && (strings.HasSuffix(before, "default (") || strings.HasSuffix(before, "default ")) {
				continue
			}
			found = true
		}
		return nil
	})
	return found
}

// planNight compares the state of the live release (old; nil when it has none) with the new sources' and says what
// to render.
func planNight(old, cur *nightState, pv *reuse.Previous, site *content.Site) *renderPlan {
	switch {
	case old == nil:
		return &renderPlan{Full: "the live release has no record of its sources (" + stateName + ")"}
	case !pv.Usable():
		return &renderPlan{Full: "the live release has no manifest or memo this build can use"}
	case old.Global != cur.Global:
		var what []string
		for k, v := range cur.Why {
			if old.Why[k] != v {
				what = append(what, k)
			}
		}
		for k := range old.Why {
			if _, ok := cur.Why[k]; !ok {
				what = append(what, k)
			}
		}
		sort.Strings(what)
		return &renderPlan{Full: "changed: " + strings.Join(what, ", ")}
	}
	p := &renderPlan{drop: map[string]bool{}, aliases: map[string]bool{}, text: map[string]bool{}, old: old,
		taken: map[string]bool{}}
	render := map[string]bool{}
	var changed []string
	files := make([]string, 0, len(cur.Docs)+len(old.Docs))
	for f := range cur.Docs {
		files = append(files, f)
	}
	for f := range old.Docs {
		if _, ok := cur.Docs[f]; !ok {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	for _, f := range files {
		o, inOld := old.Docs[f]
		n, inNew := cur.Docs[f]
		if inOld && inNew && o.Digest == n.Digest && o.Published != n.Published {
			return &renderPlan{Full: "--now publishes or withdraws " + f}
		}
		if inOld && inNew && o.effective() != n.effective() && o.shown() == n.shown() {
			// The text alone changed, and no other page shows it: the document's page.
			render[n.Path] = true
			p.text[n.Path] = true
			p.check = append(p.check, n.Path)
			for _, a := range o.Aliases {
				p.aliases[a] = true
			}
			continue
		}
		if inOld && inNew && o.effective() == n.effective() {
			if n.Published {
				if o.Text == "" {
					p.text[n.Path] = true
					render[n.Path] = true
				}
				for _, a := range o.Aliases {
					p.aliases[a] = true
				}
			}
			continue
		}
		changed = append(changed, f)
		for _, s := range []docState{o, n} {
			if s.Path == "" {
				continue
			}
			render[s.Path] = true
			for _, t := range s.Terms {
				render[t] = true
			}
			for _, r := range s.Related {
				render[r] = true
			}
		}
		if inNew && n.Published {
			p.check = append(p.check, n.Path)
			p.check = append(p.check, n.Terms...)
		}
	}
	for k, v := range cur.Lists {
		if old.Lists[k] != v {
			changed = append(changed, k)
			if lp := listPath(k, site); lp != "" {
				render[lp] = true
				p.check = append(p.check, lp)
			}
		}
	}
	for k := range old.Lists {
		if _, ok := cur.Lists[k]; !ok {
			return &renderPlan{Full: "a list disappeared: " + k}
		}
	}
	oldDirs := old.dirs()
	p.same = samePagers(old.Pagers, cur.Pagers)
	p.pagers = pagerFolders(p.same, oldDirs, site)
	p.Only = []string{}
	if len(changed) == 0 {
		// Nothing another page shows changed: the pages of the documents whose text changed, if any.
		for x := range render {
			p.Only = append(p.Only, x)
			if d, ok := oldDirs[x]; ok {
				p.drop[d] = true
			}
		}
		sort.Strings(p.Only)
		return p
	}
	// Pages that show every document's data or counts: the home page and its feed, the indexes of years and classes,
	// every column page (a directory lists every document), the taxonomies; and the files of the whole site.
	for _, x := range []string{"/", "/archives", "/topics"} {
		render[x] = true
	}
	if site.Columns != nil {
		for _, c := range site.Columns.All {
			if c.Path != "" {
				render["/"+c.Path] = true
			}
		}
	}
	p.Kinds = []string{"taxonomy", "sitemap", "404", "robotstxt"}
	for x := range render {
		p.Only = append(p.Only, x)
		if d, ok := oldDirs[x]; ok {
			p.drop[d] = true
		}
	}
	sort.Strings(p.Only)
	for _, f := range changed {
		if n, ok := cur.Docs[f]; ok {
			p.text[n.Path] = true
		}
	}
	return p
}

// samePagers lists, by list key, the pager pages whose digests are the same in both states (",2,5,"), for the
// lists whose number of pages did not change.
func samePagers(old, cur map[string][]string) map[string]string {
	out := map[string]string{}
	for k, pages := range cur {
		prev, ok := old[k]
		if !ok || len(prev) != len(pages) {
			continue
		}
		var b strings.Builder
		for i := range pages {
			if pages[i] == prev[i] {
				fmt.Fprintf(&b, ",%d", i+1)
			}
		}
		if b.Len() > 0 {
			out[k] = b.String() + ","
		}
	}
	return out
}

// pagerFolders gives the pager pages of same (list key -> ",2,5,") by the output folder of the list page that shows
// each list, as the live release had it ("policies/"); the 公开目录's list ("all") is shown by every directory
// column page.
func pagerFolders(same map[string]string, dirs map[string]string, site *content.Site) map[string]string {
	out := map[string]string{}
	for k, pages := range same {
		var paths []string
		if lp := listPath(k, site); lp != "" {
			paths = append(paths, lp)
		} else if site.Columns != nil {
			for _, c := range site.Columns.All {
				if c.Page == "directory" && c.Path != "" {
					paths = append(paths, "/"+c.Path)
				}
			}
		}
		for _, lp := range paths {
			if d, ok := dirs[lp]; ok {
				out[d] += pages
			}
		}
	}
	return out
}

// pagerNumber is the number of the pager page an output file belongs to: 3 for "policies/page/3/index.html", 1
// for any other.
func pagerNumber(rel string) int {
	if m := pagerPage.FindStringSubmatch(rel); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

var pagerPage = regexp.MustCompile(`(?:^|/)page/(\d+)/index\.html$`)

// unchangedMarker is what a layout renders in place of a pager page's list when layouts/_partials/pager-unchanged.html
// says the page is unchanged.
var unchangedMarker = []byte("<gongkai-unchanged></gongkai-unchanged>")

// publisher wraps the build's Publish (hugosite.Options.Publish): a pager page the plan marked unchanged that
// rendered the marker is not written, and is taken from the live release (carry). The marker anywhere else is
// written as it is, and verify then has everything rendered again.
func (p *renderPlan) publisher(next func(string, []byte) bool) func(string, []byte) bool {
	return func(rel string, data []byte) bool {
		if strings.HasSuffix(rel, ".html") && bytes.Contains(data, unchangedMarker) {
			marked := strings.Contains(p.pagers[ownerDir(rel)], fmt.Sprintf(",%d,", pagerNumber(rel)))
			p.mu.Lock()
			defer p.mu.Unlock()
			if marked {
				p.taken[rel] = true
				return false
			}
			if p.unexpected == "" || rel < p.unexpected {
				p.unexpected = rel
			}
		}
		return next(rel, data)
	}
}

// listPath is the Hugo path of the page that shows a list of listpages.Members; "" for "all", which the 公开目录
// column pages show (every column page is rendered on any change). A key this does not know is taken for a page
// at its name: if there is none, the plan's check makes a full build.
func listPath(key string, site *content.Site) string {
	switch {
	case key == "all":
		return ""
	case strings.HasPrefix(key, "topics/"):
		t := strings.TrimPrefix(key, "topics/")
		if i := strings.Index(t, `\`); i >= 0 {
			return "/topics/" + listpages.Slug(t[:i]) + "/" + listpages.Slug(t[i+1:])
		}
		return "/topics/" + listpages.Slug(t)
	case strings.HasPrefix(key, "columns/"):
		if site.Columns != nil {
			if c := site.Columns.ByID(strings.TrimPrefix(key, "columns/")); c != nil {
				return "/" + c.Path
			}
		}
	}
	return "/" + key
}

// pageDir is the output folder of a page's RelPermalink ("/policies/x/" -> "policies/x/", "/" -> "").
func pageDir(u string) string {
	if s, err := url.PathUnescape(u); err == nil {
		u = s
	}
	return strings.TrimPrefix(u, "/")
}

var pagerDir = regexp.MustCompile(`(^|/)page/\d+/$`)

// ownerDir is the folder of the page a file of the output belongs to: the folder of its index.html, index.xml, or
// bundle files; a pager page's belongs to its list.
func ownerDir(rel string) string {
	d := path.Dir(rel)
	if d == "." {
		d = ""
	} else {
		d += "/"
	}
	if m := pagerDir.FindStringIndex(d); m != nil {
		d = d[:m[0]]
		if d != "" {
			d += "/"
		}
	}
	return d
}

// aliasFile is the file Hugo writes for an alias ("/old/x/" -> "old/x/index.html").
func aliasFile(a string) string {
	a = strings.TrimPrefix(a, "/")
	switch {
	case a == "" || strings.HasSuffix(a, "/"):
		return a + "index.html"
	case path.Ext(a) == "":
		return a + "/index.html"
	}
	return a
}

// standalone are the files of pages of their own kind at the root (sitemap, robots.txt, 404), taken when nothing
// changed and rendered otherwise.
var standalone = map[string]bool{"sitemap.xml": true, "robots.txt": true, "404.html": true}

// carry takes into staging the previous release's files of the pages the plan did not render (every file, the
// catalogue and the search index included, when it renders nothing). It returns the first file it could not take
// ("" when all were): the caller then renders everything. Each file is read and checked against the live release's
// manifest, on every core.
func carry(p *renderPlan, pv *reuse.Previous, k *reuse.Keeper, staging string, docDirs map[string]bool) ([]string, string) {
	dirs := map[string]bool{}
	for _, d := range p.old.dirs() {
		dirs[d] = true
	}
	kept := k.Kept()
	var todo []string
	for _, e := range pv.Entries {
		rel := e.Path
		if rel == manifest.Name || strings.HasSuffix(rel, ".gz") || strings.HasSuffix(rel, ".br") {
			continue
		}
		if _, ok := kept[rel]; ok {
			continue
		}
		owner := ownerDir(rel)
		base := path.Base(rel)
		take := false
		switch {
		case p.nothing():
			take = true
		case p.aliases[rel] || p.taken[rel]:
			take = true
		case p.drop[owner] || !dirs[owner]:
		case owner == "" && standalone[rel]:
			take = len(p.Kinds) == 0
		case base == "index.html" || base == "index.xml":
			take = true
		case docDirs[owner] && owner != "":
			take = true // a bundle's files
		}
		if !take {
			continue
		}
		if _, err := os.Lstat(filepath.Join(staging, filepath.FromSlash(rel))); err == nil {
			continue // written by this build
		}
		todo = append(todo, rel)
	}
	var (
		mu      sync.Mutex
		missing string
		taken   []string
	)
	onEveryCore(todo, func(rel string) {
		var ok bool
		if reuse.Minified(rel) {
			ok = k.Carry(rel)
		} else {
			ok = pv.CarryCopy(rel, filepath.Join(staging, filepath.FromSlash(rel)))
		}
		mu.Lock()
		if ok {
			taken = append(taken, rel)
		} else if missing == "" || rel < missing {
			missing = rel
		}
		mu.Unlock()
	})
	return taken, missing
}

// uncarry undoes carry, for a build that renders everything after all.
func uncarry(taken []string, k *reuse.Keeper, staging string) {
	kept := k.Kept()
	for _, rel := range taken {
		delete(kept, rel)
		os.Remove(filepath.Join(staging, filepath.FromSlash(rel)))
	}
}

// stateMagic starts the state's file, followed by the release it describes and a newline; then comes the state
// itself, gob in gzip. It is gob, not JSON: the state holds every document's text, and decoding it as JSON took
// 1.9 s of a night at 32,000 documents, against 0.6 s.
const stateMagic = "gongkai-nightly 2 "

// loadState reads the state left beside the releases if it describes release; nil otherwise.
func loadState(releases, release string) *nightState {
	data, err := os.ReadFile(filepath.Join(releases, stateName))
	if err != nil {
		return nil
	}
	head, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != stateMagic+release {
		return nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil
	}
	var st nightState
	if gob.NewDecoder(zr).Decode(&st) != nil {
		return nil
	}
	st.Release, st.encoded = release, body
	return &st
}

// writeState replaces the state beside the releases. One that cannot be written costs the next build a full
// render, nothing else. A state equal to old but for its release (a night that changed nothing) is not encoded
// again: old's bytes are written under the new release's name.
func writeState(releases string, st, old *nightState) error {
	// A build killed while writing it left its temporary file (the caller holds the build lock).
	if left, _ := filepath.Glob(filepath.Join(releases, stateName+"-*")); len(left) > 0 {
		for _, f := range left {
			os.Remove(f)
		}
	}
	tmp, err := os.CreateTemp(releases, stateName+"-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	bw.WriteString(stateMagic + st.Release + "\n")
	if old != nil && old.encoded != nil && sameState(st, old) {
		bw.Write(old.encoded)
	} else {
		zw, _ := gzip.NewWriterLevel(bw, gzip.BestSpeed)
		body := *st
		body.Release = ""
		if err := gob.NewEncoder(zw).Encode(&body); err != nil {
			tmp.Close()
			return err
		}
		if err := zw.Close(); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(releases, stateName))
}

// sameState reports whether two states say the same but for the release they describe.
func sameState(a, b *nightState) bool {
	x, y := *a, *b
	x.Release, y.Release = "", ""
	x.encoded, y.encoded = nil, nil
	return reflect.DeepEqual(x, y)
}

// verify checks the plan against the pages Hugo found: every page the new sources should have is one. "" when it
// holds; otherwise why not, and the caller renders everything.
func (p *renderPlan) verify(hp []hugosite.Page) string {
	if p.unexpected != "" {
		return p.unexpected + " shows the marker of an unchanged pager page where the plan marked none"
	}
	have := make(map[string]bool, len(hp))
	for _, x := range hp {
		have[x.Path] = true
	}
	for _, c := range p.check {
		if !have[c] {
			return "no page at " + c
		}
	}
	return ""
}

// rendered counts the pages the plan had Hugo render.
func (p *renderPlan) rendered(hp []hugosite.Page) int {
	only := map[string]bool{}
	for _, x := range p.Only {
		only[x] = true
	}
	kinds := map[string]bool{}
	for _, k := range p.Kinds {
		kinds[k] = true
	}
	n := 0
	for _, x := range hp {
		if only[x.Path] || kinds[x.Kind] {
			n++
		}
	}
	return n
}

// fillText gives the documents Hugo did not render the text the state kept of them.
func (p *renderPlan) fillText(pages []pageInfo) []pageInfo {
	byPath := map[string]string{}
	for _, d := range p.old.Docs {
		byPath[d.Path] = d.Text
	}
	for i := range pages {
		if pages[i].Kind == "page" && !p.text[pages[i].Path] {
			pages[i].Text = byPath[pages[i].Path]
		}
	}
	return pages
}

// docDirs are the output folders of the documents of a state, for their bundles' files.
func docDirs(st *nightState) map[string]bool {
	out := map[string]bool{}
	dirs := st.dirs()
	for _, d := range st.Docs {
		if dir, ok := dirs[d.Path]; ok {
			out[dir] = true
		}
	}
	return out
}

// nothing says whether the plan renders no page at all: then Hugo need not run, the state's list of pages stands for
// its list, and every file is taken from the live release.
func (p *renderPlan) nothing() bool { return p.partial() && len(p.Only) == 0 && len(p.Kinds) == 0 }

// oldPages is the previous release's list of pages, as render returns Hugo's: for a build that renders nothing.
func (p *renderPlan) oldPages() []pageInfo {
	out := make([]pageInfo, len(p.old.Pages))
	for i, r := range p.old.Pages {
		out[i] = pageInfo{URL: r.URL, Path: r.Path, File: r.File, Kind: r.Kind, Lastmod: r.Lastmod}
	}
	return out
}
