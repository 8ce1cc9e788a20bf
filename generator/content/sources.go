package content

import (
	"gongkai/generator/msg"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/generator/frontmatter"
	"gongkai/generator/precompress"
)

// What the build would refuse because of the sources, found by check too: a link to an image or attachment that
// does not exist, a file name too long once the build adds .br, an alias onto a file the build generates, a
// document without text. An editor who runs check before committing must not break the nightly build.

// link is a reference in a document's Markdown to a file.
type link struct {
	target    string
	line, col int
}

var (
	mdLink  = regexp.MustCompile(`!?\[[^\]]*\]\(\s*<?([^)\s>]+)`)
	refLink = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)`)
)

// links finds the Markdown links and images of a body, outside code.
func links(body []byte, firstLine int) []link {
	var out []link
	proseLines(body, firstLine, func(line, masked string, n int) {
		if strings.IndexByte(masked, '[') < 0 {
			return // no link (most lines)
		}
		for _, m := range mdLink.FindAllStringSubmatchIndex(masked, -1) {
			out = append(out, link{line[m[2]:m[3]], n, utf8.RuneCountInString(line[:m[2]]) + 1})
		}
		if m := refLink.FindStringSubmatchIndex(masked); m != nil {
			out = append(out, link{line[m[2]:m[3]], n, utf8.RuneCountInString(line[:m[2]]) + 1})
		}
	})
	return out
}

// maxName is the longest file name most file systems take, in bytes.
const maxName = 255

// generatedFiles are the files the build writes at the site's root; an alias onto one would be overwritten by it
// or would overwrite it.
var generatedFiles = []string{"/catalog.json", "/catalog.csv", "/catalog.schema.json", "/checksums.sha256",
	"/index.xml", "/sitemap.xml", "/robots.txt", "/404.html", "/index.html", "/manifest.sha256"}

// generatedDirs are folders the build fills itself.
var generatedDirs = []string{"/search/", "/topics/", "/changes/", "/css/", "/js/"}

// sources runs the checks of files and names across the site.
func (v *validator) sources(site *Site) {
	files := map[string]bool{} // site paths of every file the build copies: attachments and static/
	staticRoot := filepath.Join(v.dir, "static")
	filepath.WalkDir(staticRoot, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(staticRoot, p)
		files["/"+filepath.ToSlash(rel)] = true
		return nil
	})
	pages := map[string]bool{"/": true}
	for _, k := range Kinds {
		pages["/"+string(k)+"/"] = true
	}
	// A document whose file does not parse has its syntax error said on its own file: links to it and to its
	// bundle's files are not said to be broken as well.
	for name := range site.unreadable {
		url := "/" + strings.ToLower(name) + "/"
		pages[url] = true
		if es, err := os.ReadDir(filepath.Join(v.dir, "content", filepath.FromSlash(name))); err == nil {
			for _, e := range es {
				files[url+e.Name()] = true
			}
		}
	}
	// A withdrawn document keeps its address (its notice), whether its file is there or not.
	for _, w := range site.Withdrawn {
		if w.Name != "" {
			pages["/"+strings.ToLower(w.Name)+"/"] = true
		}
	}
	for _, d := range site.Documents {
		if d.Draft {
			continue // not published: neither the page nor its files
		}
		pages[d.URL] = true
		for _, a := range d.Attachments {
			files[d.URL+a.Name] = true
		}
	}
	for _, d := range site.Documents {
		v.longNames(d)
		for _, l := range d.links {
			v.linkTarget(d, l, files, pages)
		}
		for i, a := range d.aliases {
			v.alias(d, i, a, files, pages)
		}
	}
}

func (v *validator) longNames(d *Document) {
	dir := path.Dir(d.File)
	for _, a := range d.Attachments {
		if !precompress.Compressible(a.Name) {
			if len(a.Name) > maxName {
				v.errorf(dir+"/"+a.Name, frontmatter.Pos{}, "", "", msg.ContentNameTooLong.F(v.lang, len(a.Name), maxName))
			}
			continue
		}
		if n := len(a.Name) + len(".br"); n > maxName {
			v.errorf(dir+"/"+a.Name, frontmatter.Pos{}, "", "", msg.ContentNameTooLongBr.F(v.lang, len(a.Name), maxName-len(".br")))
		}
	}
}

// linkTarget reports a link to a file (a name with an extension other than a page's) that the build would not
// have: neither an attachment of a page bundle nor a file of static/.
func (v *validator) linkTarget(d *Document, l link, files, pages map[string]bool) {
	t := l.target
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") || strings.Contains(t, ":") || strings.HasPrefix(t, "{{") {
		return
	}
	p := t
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if p == "" {
		return
	}
	abs := p
	if !strings.HasPrefix(abs, "/") {
		abs = path.Join(d.URL, p)
	}
	ext := strings.ToLower(path.Ext(p))
	if ext == "" || ext == ".html" || strings.HasSuffix(p, "/") {
		// A page. Those of a column are the documents (and its list's pages): one that is not there, or a
		// draft, is a link the build would find broken.
		seg := strings.Split(strings.Trim(abs, "/"), "/")
		if ext == "" && len(seg) == 2 && isKind(seg[0]) && seg[1] != "page" && !pages["/"+strings.ToLower(seg[0]+"/"+seg[1])+"/"] {
			v.errorf(d.File, frontmatter.Pos{Line: l.line, Col: l.col}, "", "", msg.ContentMissingPage.F(v.lang, t))
		}
		return
	}
	for _, g := range generatedDirs {
		if strings.HasPrefix(abs, g) {
			return
		}
	}
	for _, g := range generatedFiles {
		if abs == g {
			return
		}
	}
	if files[abs] || (d.Statistics != nil && (abs == d.URL+"stats.json" || abs == d.URL+"stats.csv")) ||
		strings.HasSuffix(abs, "/index.xml") {
		return
	}
	missing := msg.ContentMissingFile
	if !d.Bundle && !strings.HasPrefix(p, "/") {
		missing = msg.ContentMissingFileSingle
	}
	v.errorf(d.File, frontmatter.Pos{Line: l.line, Col: l.col}, "", "", missing.F(v.lang, t))
}

// alias reports an alias onto a path the build writes otherwise: a generated file or folder, a document, a file
// of static/ or an attachment.
func (v *validator) alias(d *Document, i int, a string, files, pages map[string]bool) {
	p := "/" + strings.Trim(a, "/")
	clash := false
	for _, g := range generatedFiles {
		clash = clash || p == g
	}
	for _, g := range generatedDirs {
		clash = clash || strings.HasPrefix(p+"/", g)
	}
	clash = clash || files[p] || pages[p+"/"] || p == "/"
	if !clash {
		return
	}
	key := "aliases"
	pos := d.Pos[key]
	if q, ok := d.Pos[key+"["+itoa(i)+"]"]; ok {
		pos = q
	}
	v.errorf(d.File, pos, key, fields[key].label.In(v.lang), msg.ContentAliasClash.F(v.lang, a))
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
