// Package content is gongkai's content model: it reads every Markdown document of a site, checks its disclosure
// metadata against the rules of the content format (docs/content.md), and returns the documents with all problems found.
//
// Validation runs before Hugo renders anything because a government site must not publish a document with a
// wrong 索引号 or a dangling 文件+解读 link, and because Hugo stops at its first error without the field's line.
// Every rule reports into one diagnostic list so an editor sees all problems of all files at once.
package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gongkai/generator/annualstats"
	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/parallel"
	"gongkai/generator/siteconfig"
)

// Document is one validated disclosure document.
type Document struct {
	File   string // slash path relative to the site, e.g. content/policies/ldht-2024.md
	Kind   Kind
	Name   string // kind/name, how other documents refer to it: "policies/ldht-2024"
	URL    string // site-relative URL, e.g. /policies/ldht-2024/
	Bundle bool

	Title, Publisher, Topic, Summary string
	ShortTitle                       string // 简称: a name the document is widely known by, searchable
	Keywords                         []string
	Date                             time.Time
	Written                          time.Time // zero when not given
	Validity                         string    // valid, expired or repealed
	ValidityDate                     time.Time
	ReplacedBy                       string
	DocNo, IndexNo                   string
	Year                             int
	ReportType                       string
	Column                           string // the id of the column the document names, "" for none
	Interprets                       Interprets
	NeedsInterpretation              bool
	Laws                             []string
	Changes                          []Change
	Draft                            bool
	PublishDate, ExpiryDate          time.Time
	Attachments                      []Attachment
	// Withdrawn is the record of the withdrawal list that names the document (撤销公开), nil for none: the document
	// is then shown at its address as a withdrawal notice, and listed nowhere.
	Withdrawn *Withdrawal
	Sums      Sums // of the file (a bundle's index.md), as validated
	// Stats is the front matter's statistics file, relative to the bundle; Statistics its checked content, nil
	// when there is none or it does not parse (see stats.go).
	Stats      string
	Statistics *annualstats.Report

	// Pos gives the line of every key, for diagnostics of later stages.
	Pos map[string]frontmatter.Pos

	links   []link   // the Markdown's links and images, for the checks of files (sources.go)
	aliases []string // the front matter's aliases
}

// Interprets names the original an interpretation explains: a policy of this site, or one published elsewhere.
type Interprets struct {
	Policy            string // "policies/<name>"
	Title, DocNo, URL string
}

// Change is one entry of a document's public change history.
type Change struct {
	Date  time.Time
	Note  string
	Major bool
}

// Attachment is a file of a page bundle.
type Attachment struct {
	Name string
	Size int64
}

// Site is the content of a site.
type Site struct {
	Documents []*Document // sorted by File
	Topics    *Topics
	// Kinds lists the kinds whose folder exists under content/ (with documents or only a list page), in the
	// order of Kinds: the site's main sections, which every page's navigation links to.
	Kinds []Kind
	// Withdrawn is the withdrawal list (data/withdrawn.toml).
	Withdrawn []Withdrawal
	// Gone are the withdrawn documents whose file is no longer in the sources, as the live release's catalogue
	// recorded them: the build still shows their withdrawal notice (set by the build; see catalog.Gone).
	Gone []*Document
	// Columns is the site's column declaration (columns.go), with each column's documents.
	Columns *Columns
	// Synonyms are the groups of equivalent words for search (SynonymsFile), as checked.
	Synonyms [][]string
	byName   map[string]*Document
	indexed  int // len(Documents) when byName was made
	// unreadable holds the names (kind/name) of the documents whose file is there but does not parse: their
	// syntax error is reported once, on the file, and nothing that refers to them is reported as well.
	unreadable map[string]bool
}

// Unreadable says whether name (kind/name) is a document whose file does not parse.
func (s *Site) Unreadable(name string) bool { return s.unreadable[name] }

// ByName returns the document that kind/name refers to.
func (s *Site) ByName(name string) *Document {
	// An index, because the cross-document rules look up every interpretation's policy: linear search made
	// validation quadratic in the number of documents.
	if s.indexed != len(s.Documents) {
		s.indexed = len(s.Documents)
		s.byName = make(map[string]*Document, len(s.Documents))
		for _, d := range s.Documents {
			if _, dup := s.byName[d.Name]; !dup {
				s.byName[d.Name] = d
			}
		}
	}
	return s.byName[name]
}

// Load reads and validates every document under dir/content.
func Load(dir string, cfg *siteconfig.Config) (*Site, *diag.List, error) {
	return load(dir, cfg, nil)
}

func load(dir string, cfg *siteconfig.Config, cache *Cache) (*Site, *diag.List, error) {
	v := &validator{cfg: cfg, lang: cfg.Lang, diags: &diag.List{}, dir: dir}
	topics, err := LoadTopics(dir, cfg.Params.TopicsFile, v.diags, cfg.Lang)
	if err != nil {
		return nil, nil, err
	}
	v.topics = topics
	synonyms, err := LoadSynonyms(dir, v.diags, cfg.Lang)
	if err != nil {
		return nil, nil, err
	}
	files, err := v.markdownFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	site := &Site{Topics: topics, Withdrawn: v.withdrawals(), Synonyms: synonyms}
	for _, k := range Kinds {
		for _, f := range files {
			if strings.HasPrefix(f, "content/"+string(k)+"/") {
				site.Kinds = append(site.Kinds, k)
				break
			}
		}
	}
	if cache == nil {
		docs, err := v.files(files)
		if err != nil {
			return nil, nil, err
		}
		site.Documents = docs
	} else {
		seen := map[string]bool{}
		for _, f := range files {
			seen[f] = true
			d, err := v.fileCached(f, cache, func() ([]byte, error) {
				return os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			})
			if err != nil {
				return nil, nil, fmt.Errorf("read %s: %w", f, err)
			}
			if d != nil {
				site.Documents = append(site.Documents, d)
			}
		}
		for f := range cache.files {
			if !seen[f] {
				delete(cache.files, f)
			}
		}
	}
	site.unreadable = unreadable(files, site.Documents)
	v.crossChecks(site)
	v.sources(site)
	v.staticSVGs()
	v.statistics(site)
	v.columns(site)
	v.withdrawnDocs(site)
	return site, v.diags, nil
}

// unreadable lists the documents whose file is there and gave no document: those that do not parse.
func unreadable(files []string, docs []*Document) map[string]bool {
	have := make(map[string]bool, len(docs))
	for _, d := range docs {
		have[d.File] = true
	}
	out := map[string]bool{}
	for _, f := range files {
		if have[f] {
			continue
		}
		rel := strings.TrimPrefix(f, "content/")
		parts := strings.Split(rel, "/")
		if path.Base(f) == "_index.md" || len(parts) < 2 || !isKind(parts[0]) {
			continue
		}
		name := strings.TrimSuffix(rel, ".md")
		if path.Base(f) == "index.md" {
			name = path.Dir(rel)
		}
		out[name] = true
	}
	return out
}

// files validates the files on every core: a whole-site validation of 10,000 documents comes before Hugo in every
// build, and each file's checks read nothing but the file and the configuration. Documents and diagnostics are
// merged in file order, so the result does not depend on which worker took which file.
func (v *validator) files(files []string) ([]*Document, error) {
	type result struct {
		doc   *Document
		diags *diag.List
		err   error
	}
	results := make([]result, len(files))
	parallel.Each(len(files), func(i int) {
		f := files[i]
		w := *v
		w.diags = &diag.List{}
		src, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(f)))
		if err != nil {
			results[i].err = fmt.Errorf("read %s: %w", f, err)
			return
		}
		results[i] = result{doc: w.file(f, src), diags: w.diags}
	})
	var docs []*Document
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		v.diags.Merge(r.diags)
		if r.doc != nil {
			docs = append(docs, r.doc)
		}
	}
	return docs, nil
}

type validator struct {
	cfg    *siteconfig.Config
	lang   msg.Lang
	diags  *diag.List
	dir    string
	topics *Topics
}

func (v *validator) errorf(file string, p frontmatter.Pos, key, label, message string) {
	v.diags.Add(diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Field: key, Label: label, Message: message})
}

func (v *validator) warnf(file string, p frontmatter.Pos, key, label, message string) {
	v.diags.Add(diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Field: key, Label: label, Message: message, Severity: diag.Warning})
}

// file validates one Markdown file and returns the document it describes, or nil for list pages, other pages and
// files too broken to describe anything.
func (v *validator) file(f string, src []byte) *Document {
	doc, err := frontmatter.Parse(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		var ee *frontmatter.EncodingError
		var le *frontmatter.LimitError
		switch {
		case errors.As(err, &le):
			v.errorf(f, le.Pos, "", "", le.Message(v.lang))
		case errors.As(err, &ee):
			v.errorf(f, ee.Pos, "", "", msg.ContentEncoding.In(v.lang))
		case errors.As(err, &se):
			v.errorf(f, se.Pos, "", "", msg.ContentSyntax.F(v.lang, se.Message(v.lang)))
		case errors.Is(err, frontmatter.ErrNoFrontMatter):
			v.errorf(f, frontmatter.Pos{Line: 1, Col: 1}, "", "", msg.ContentNoFrontMatter.In(v.lang))
		default:
			v.errorf(f, frontmatter.Pos{Line: 1, Col: 1}, "", "", err.Error())
		}
		return nil
	}
	v.controlChars(f, doc)
	v.curlyQuoted(f, doc, src)
	v.bounds(f, doc)
	rel := strings.TrimPrefix(f, "content/")
	parts := strings.Split(rel, "/")
	base := path.Base(f)
	if !v.cfg.Params.AllowRawHTML {
		v.rawHTML(f, doc.Body, doc.BodyLine)
		v.foreignEmbeds(f, doc.Body, doc.BodyLine)
	}
	v.remoteImages(f, doc.Body, doc.BodyLine)
	if base == "_index.md" {
		v.keys(f, doc, sectionFields, "")
		return nil
	}
	if len(parts) < 2 || !isKind(parts[0]) {
		v.keys(f, doc, pageFields, "")
		return nil
	}
	kind := Kind(parts[0])
	d := &Document{File: f, Kind: kind, Pos: doc.Pos, Sums: Sums{File: sha256.Sum256(src), FrontMatter: sha256.Sum256(FrontMatter(src))}}
	name := strings.TrimSuffix(rel, ".md")
	if base == "index.md" {
		d.Bundle = true
		name = path.Dir(rel)
	}
	d.Name = name
	d.URL = "/" + strings.ToLower(name) + "/"
	v.keys(f, doc, fields, kind)
	v.document(d, doc)
	if d.Bundle {
		d.Attachments = v.attachments(path.Dir(f))
	}
	d.links = links(doc.Body, doc.BodyLine)
	if !d.Draft && strings.TrimSpace(string(doc.Body)) == "" {
		v.errorf(f, frontmatter.Pos{Line: doc.BodyLine - 1, Col: 1}, "", "", msg.ContentEmptyBody.In(v.lang))
	}
	return d
}

// keys reports keys that are not part of the format, or not of this kind.
func (v *validator) keys(f string, doc *frontmatter.Doc, known map[string]field, kind Kind) {
	names := make([]string, 0, len(doc.Values))
	for k := range doc.Values {
		names = append(names, k)
	}
	sort.Strings(names)
	candidates := make([]string, 0, len(known))
	for k := range known {
		candidates = append(candidates, k)
	}
	sort.Strings(candidates)
	for _, k := range names {
		fd, ok := known[k]
		if !ok {
			hint := ""
			if s := closest(k, candidates); s != "" {
				hint = msg.DidYouMean.F(v.lang, s)
			}
			v.errorf(f, doc.Pos[k], k, "", msg.UnknownField.In(v.lang)+hint)
			continue
		}
		if kind != "" && !fd.allowed(kind) {
			v.errorf(f, doc.Pos[k], k, fd.label.In(v.lang), msg.ContentNotForKind.F(v.lang, kind.Label(v.lang)))
		}
		if sub, ok := subfields[k]; ok {
			v.subkeys(f, doc, k, sub)
		}
	}
}

func (v *validator) subkeys(f string, doc *frontmatter.Doc, key string, known map[string]field) {
	var tables []map[string]any
	var prefixes []string
	switch x := doc.Values[key].(type) {
	case map[string]any:
		tables, prefixes = []map[string]any{x}, []string{key}
	case []any:
		for i, e := range x {
			if m, ok := e.(map[string]any); ok {
				tables = append(tables, m)
				prefixes = append(prefixes, fmt.Sprintf("%s[%d]", key, i))
			}
		}
	}
	candidates := make([]string, 0, len(known))
	for k := range known {
		candidates = append(candidates, k)
	}
	sort.Strings(candidates)
	for i, t := range tables {
		names := make([]string, 0, len(t))
		for k := range t {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if _, ok := known[k]; ok {
				continue
			}
			hint := ""
			if s := closest(k, candidates); s != "" {
				hint = msg.DidYouMean.F(v.lang, s)
			}
			p := prefixes[i] + "." + k
			v.errorf(f, doc.Pos[p], p, "", msg.UnknownField.In(v.lang)+hint)
		}
	}
}

func (v *validator) attachments(dir string) []Attachment {
	entries, err := os.ReadDir(filepath.Join(v.dir, filepath.FromSlash(dir)))
	if err != nil {
		return nil
	}
	var out []Attachment
	for _, e := range entries {
		// Links and other files that are not regular were refused when content/ was listed.
		if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".md") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Attachment{Name: e.Name(), Size: info.Size()})
	}
	return out
}

// Published reports whether d appears in a build at now: not a draft, not withdrawn (it then has a notice page but
// is listed nowhere), not scheduled later, not expired.
func Published(d *Document, now time.Time) bool {
	if d.Draft || d.Withdrawn != nil {
		return false
	}
	if d.Date.After(now) || (!d.PublishDate.IsZero() && d.PublishDate.After(now)) {
		return false
	}
	if !d.ExpiryDate.IsZero() && !d.ExpiryDate.After(now) {
		return false
	}
	return true
}

// DraftNote is what check says of a draft, in lang.
func DraftNote(lang msg.Lang) string { return msg.ContentDraftListed.In(lang) }

// Sums are the SHA-256 of a document's file as it was validated, and of its front matter alone (FrontMatter): what a
// nightly build records of the document's page and of what lists show of it (generator/pipeline), without reading
// the file a second time.
type Sums struct{ File, FrontMatter [32]byte }

// FrontMatter is the front matter of a document's file (TOML between +++ lines, YAML between --- lines); the whole
// file when it has none that ends.
func FrontMatter(data []byte) []byte {
	for _, delim := range []string{"+++", "---"} {
		if !bytes.HasPrefix(data, []byte(delim)) {
			continue
		}
		if i := bytes.Index(data[len(delim):], []byte("\n"+delim)); i >= 0 {
			return data[:len(delim)+i+1+len(delim)]
		}
	}
	return data
}
