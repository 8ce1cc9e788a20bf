// Package newdoc is gongkai new: it writes a new document from the site's template in archetypes/, with every
// required field present and as many filled in as gongkai can know.
//
// An editor who starts from a blank file forgets a required field or invents a 索引号 that another document
// already has. The template carries the fields and a comment on each; this package fills the date in the site's
// time zone, the next free 索引号 serial of the year, the publisher from config.toml and, for an interpretation, the
// latest policy, so that only the title and the text are left to write.
package newdoc

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/siteconfig"
)

// Kinds maps the names given on the command line to the content folders.
var Kinds = map[string]content.Kind{
	"report":         content.Reports,
	"policy":         content.Policies,
	"interpretation": content.Interpretations,
	"article":        content.Articles,
}

// KindNames lists the command-line names in the site's order.
var KindNames = []string{"report", "policy", "interpretation", "article"}

// Request says what to create.
type Request struct {
	SiteDir string
	Kind    string // report, policy, interpretation or article
	Name    string // file name without .md: ASCII letters, digits and hyphens
	Title   string
	Bundle  bool      // a folder with index.md, for attachments
	Now     time.Time // zero: the current time
}

var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// Create writes the new document and returns its slash path relative to the site. What the editor must put right
// (config.toml's errors, an unknown kind, a name taken) comes back as diagnostics, and then nothing is written;
// err is for failures of the machine.
func Create(req Request) (string, *diag.List, error) {
	cfg, diags, err := siteconfig.Load(req.SiteDir)
	if err != nil {
		return "", nil, err
	}
	if diags.Errors() > 0 {
		return "", diags, nil
	}
	lang := cfg.Lang
	// refuse reports a problem of the request as a whole: the sentence names the file or value concerned.
	refuse := func(message string) (string, *diag.List, error) {
		diags.Add(diag.Diagnostic{Message: message})
		return "", diags, nil
	}
	kind, ok := Kinds[req.Kind]
	if !ok {
		return refuse(msg.NewBadKind.F(lang, req.Kind, strings.Join(KindNames, ", ")))
	}
	if !nameRe.MatchString(req.Name) {
		return refuse(msg.NewBadName.F(lang, req.Name))
	}
	single := "content/" + string(kind) + "/" + req.Name + ".md"
	bundle := "content/" + string(kind) + "/" + req.Name + "/index.md"
	for _, p := range []string{single, bundle} {
		if _, err := os.Stat(filepath.Join(req.SiteDir, filepath.FromSlash(p))); err == nil {
			return refuse(msg.NewExists.F(lang, p))
		}
	}
	rel := single
	if req.Bundle {
		rel = bundle
	}

	tmplFile := filepath.Join(req.SiteDir, "archetypes", req.Kind+".md")
	src, err := os.ReadFile(tmplFile)
	if errors.Is(err, fs.ErrNotExist) {
		return refuse(msg.NewNoArchetype.F(lang, "archetypes/"+req.Kind+".md"))
	}
	if err != nil {
		return "", nil, fmt.Errorf("read template: %w", err)
	}
	tmpl, err := template.New(req.Kind).Funcs(template.FuncMap{"quote": quote}).Parse(string(src))
	if err != nil {
		return refuse(msg.NewBadArchetype.F(lang, err))
	}

	now := req.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(cfg.Location).Truncate(time.Second)
	site, _, err := content.Load(req.SiteDir, cfg)
	if err != nil {
		return "", nil, err
	}
	data := Data{
		Title:     req.Title,
		Date:      now.Format(time.RFC3339),
		Year:      now.Year() - 1,
		Publisher: cfg.Params.Publisher,
		IndexNo:   NextIndexNo(cfg.Params.IndexPrefix, now.Year(), site),
		Policy:    latestPolicy(site),
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, data); err != nil {
		return refuse(msg.NewBadArchetype.F(lang, err))
	}
	text := ensureDraft(out.Bytes())

	abs := filepath.Join(req.SiteDir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return "", nil, err
	}
	// O_EXCL: never replace an editor's work, even if the file appeared since the check above.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return refuse(msg.NewExists.F(lang, rel))
	}
	if err != nil {
		return "", nil, err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		return "", nil, err
	}
	return rel, diags, f.Close()
}

// ensureDraft makes a new document a draft when the site's template does not say draft itself: a document
// that gongkai new has just written has no text yet, and one nightly build published such an empty 年度报告.
func ensureDraft(src []byte) []byte {
	doc, err := frontmatter.Parse(src)
	if err != nil {
		return src // the template's own problem: check will name it
	}
	if _, ok := doc.Values["draft"]; ok {
		return src
	}
	line := "draft = true\n"
	if doc.Format == frontmatter.YAML {
		line = "draft: true\n"
	}
	i := bytes.IndexByte(src, '\n') + 1
	return append(append(append([]byte{}, src[:i]...), line...), src[i:]...)
}

// Data is what a template in archetypes/ can use.
type Data struct {
	Title     string
	Date      string // now in the site's time zone, a TOML date-time
	Year      int    // the year a report written now reports on: the previous one
	Publisher string
	IndexNo   string
	Policy    string // the latest policy, "policies/<name>"; an interpretation usually explains it
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

var serialRe = regexp.MustCompile(`^(.*?)(\d{4})-(\d+)$`)

// NextIndexNo is the 索引号 after the highest serial already used in year, as "prefix/YYYY-NNNNN". The prefix is
// params.index_prefix, or else the one the site's documents use most recently.
func NextIndexNo(prefix string, year int, site *content.Site) string {
	width, max := 5, 0
	ys := strconv.Itoa(year)
	for _, d := range site.Documents {
		m := serialRe.FindStringSubmatch(d.IndexNo)
		if m == nil {
			continue
		}
		if prefix == "" {
			prefix = strings.TrimSuffix(m[1], "/")
		}
		if m[2] != ys {
			continue
		}
		if n, err := strconv.Atoi(m[3]); err == nil && n > max {
			max, width = n, len(m[3])
		}
	}
	if prefix == "" {
		prefix = "000000000"
	}
	return fmt.Sprintf("%s/%d-%0*d", prefix, year, width, max+1)
}

func latestPolicy(site *content.Site) string {
	var best *content.Document
	for _, d := range site.Documents {
		if d.Kind == content.Policies && (best == nil || d.Date.After(best.Date)) {
			best = d
		}
	}
	if best == nil {
		return "policies/文件名"
	}
	return best.Name
}
