// Package linkcheck verifies, before anything is published, that every internal link and resource reference of
// the built site resolves to a file, and every #fragment to an id on its page. No network is assumed: external
// links are only collected, for the report.
package linkcheck

import (
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"gongkai/generator/htmlscan"
)

// Broken is one reference that does not resolve.
type Broken struct {
	Page   string // the page's URL path, e.g. /policies/ldht-2024/
	Ref    string // the reference as written
	Reason Reason
	ID     string // NoSuchID: the fragment no element has
	On     string // NoSuchID: the URL path of the other page that lacks it; empty for the page itself
}

// Reason says why a reference does not resolve; the caller words it for the editor.
type Reason int

const (
	NoSuchFile Reason = iota + 1 // no output file at the reference's path
	NoSuchID                     // the page exists, but no element has the fragment as its id
)

// Checker collects the pages of one site; it is safe for concurrent use by the workers that read pages.
type Checker struct {
	files map[string]bool // every output file, slash path relative to the root
	hosts map[string]bool // the site's own hosts: absolute links to them are internal

	mu       sync.Mutex
	ids      map[string]map[string]bool // page file -> ids it offers
	scanned  map[string]bool            // URL paths of the pages Page checked
	pending  []pending                  // fragment references, checked once every page is known
	broken   []Broken
	external map[string]map[string]bool // external URL -> the pages linking to it
}

type pending struct{ page, ref, file, frag string }

// New prepares a check of a site whose output has the given files; baseURL makes absolute links to the site
// itself internal.
func New(files []string, baseURL string) *Checker {
	c := &Checker{files: map[string]bool{}, hosts: map[string]bool{}, ids: map[string]map[string]bool{}, scanned: map[string]bool{},
		external: map[string]map[string]bool{}}
	for _, f := range files {
		c.files[f] = true
	}
	if u, err := url.Parse(baseURL); err == nil && u.Host != "" {
		c.hosts[strings.ToLower(u.Host)] = true
	}
	return c
}

// PageURL is the URL path a page file is served at: policies/x/index.html -> /policies/x/.
func PageURL(file string) string {
	if file == "index.html" {
		return "/"
	}
	if strings.HasSuffix(file, "/index.html") {
		return "/" + strings.TrimSuffix(file, "index.html")
	}
	return "/" + file
}

// readable undoes percent-encoding so that a reference is shown (and found in the Markdown) as the editor wrote it.
func readable(ref string) string {
	if s, err := url.PathUnescape(ref); err == nil {
		return s
	}
	return ref
}

// Page checks the references of one HTML page (file is its slash path relative to the root).
func (c *Checker) Page(file string, pg htmlscan.Page) {
	pageURL := PageURL(file)
	var broken []Broken
	var frags []pending
	ext := map[string]bool{}
	for _, r := range pg.Refs {
		target, frag, internal, ok := c.resolve(pageURL, r.URL)
		if !ok {
			if internal {
				broken = append(broken, Broken{Page: pageURL, Ref: readable(r.URL), Reason: NoSuchFile})
			}
			continue
		}
		if !internal {
			if target != "" {
				ext[target] = true
			}
			continue
		}
		if frag != "" {
			if target == file {
				if !pg.IDs[frag] {
					broken = append(broken, Broken{Page: pageURL, Ref: readable(r.URL), Reason: NoSuchID, ID: frag})
				}
			} else if strings.HasSuffix(target, ".html") {
				frags = append(frags, pending{pageURL, readable(r.URL), target, frag})
			}
		}
	}
	c.mu.Lock()
	c.ids[file] = pg.IDs
	c.scanned[pageURL] = true
	c.broken = append(c.broken, broken...)
	c.pending = append(c.pending, frags...)
	c.link(pageURL, ext)
	c.mu.Unlock()
}

// link records that pageURL links to the external URLs ext (c.mu held).
func (c *Checker) link(pageURL string, ext map[string]bool) {
	for u := range ext {
		if c.external[u] == nil {
			c.external[u] = map[string]bool{}
		}
		c.external[u][pageURL] = true
	}
}

// Known records a page checked by an earlier build (pageURL, its URL path) whose bytes, and the files its links
// point to, are what they were then (see pipeline's nightly build): its links hold, and it links out to external.
// A page Page checked in this build is not: what Page found stands. Its ids are not known: Unscanned names it if
// another page points at one of its fragments, and the caller then checks it with Page.
func (c *Checker) Known(pageURL string, external []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scanned[pageURL] {
		return
	}
	ext := map[string]bool{}
	for _, u := range external {
		ext[u] = true
	}
	c.link(pageURL, ext)
}

// Unscanned lists, sorted, the pages whose fragments other pages point at and that Page has not checked: their
// ids are needed before Result.
func (c *Checker) Unscanned() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, p := range c.pending {
		if _, ok := c.ids[p.file]; !ok && !seen[p.file] {
			seen[p.file] = true
			out = append(out, p.file)
		}
	}
	sort.Strings(out)
	return out
}

// ExternalPages gives, for each external URL, the URL paths of the pages linking to it, sorted.
func (c *Checker) ExternalPages() map[string][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string][]string, len(c.external))
	for u, pages := range c.external {
		l := make([]string, 0, len(pages))
		for p := range pages {
			l = append(l, p)
		}
		sort.Strings(l)
		out[u] = l
	}
	return out
}

// resolve maps a reference to an output file. internal says whether it points into the site; ok whether it
// resolves (for external links ok is true and target is the URL).
func (c *Checker) resolve(pageURL, ref string) (target, frag string, internal, ok bool) {
	if ref == "" {
		return "", "", true, true
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", true, false
	}
	switch strings.ToLower(u.Scheme) {
	case "":
		if u.Host != "" && !c.hosts[strings.ToLower(u.Host)] {
			return ref, "", false, true
		}
	case "http", "https":
		if !c.hosts[strings.ToLower(u.Host)] {
			return ref, "", false, true
		}
	default: // mailto:, tel:, data: ...
		return "", "", false, true
	}
	p := u.Path
	if p == "" {
		p = pageURL
	} else if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(pageURL+"x"), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	rel := strings.TrimPrefix(p, "/")
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if !c.files[rel] {
		if c.files[rel+"/index.html"] {
			rel += "/index.html"
		} else {
			return "", "", true, false
		}
	}
	return rel, u.Fragment, true, true
}

// Result finishes the check: fragment references to other pages are resolved now that every page's ids are
// known. Broken references are sorted by page and reference; external links by URL.
func (c *Checker) Result() (broken []Broken, external []External) {
	c.mu.Lock()
	defer c.mu.Unlock()
	broken = append(broken, c.broken...)
	for _, p := range c.pending {
		if ids, ok := c.ids[p.file]; ok && !ids[p.frag] {
			broken = append(broken, Broken{Page: p.page, Ref: p.ref, Reason: NoSuchID, ID: p.frag, On: PageURL(p.file)})
		}
	}
	sort.Slice(broken, func(i, j int) bool {
		if broken[i].Page != broken[j].Page {
			return broken[i].Page < broken[j].Page
		}
		return broken[i].Ref < broken[j].Ref
	})
	for u, pages := range c.external {
		first := ""
		for p := range pages {
			if first == "" || p < first {
				first = p
			}
		}
		external = append(external, External{URL: u, FirstPage: first})
	}
	sort.Slice(external, func(i, j int) bool { return external[i].URL < external[j].URL })
	return broken, external
}

// External is a link out of the site, not checked.
type External struct {
	URL       string `json:"url"`
	FirstPage string `json:"first_page"`
}
