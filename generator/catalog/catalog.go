// Package catalog writes the machine-readable list of every published document: /catalog.json (validated by the
// JSON Schema shipped beside this file and published as /catalog.schema.json) and /catalog.csv for spreadsheet
// users. It is also the record of what was published: the next build reads the previous release's catalog.json
// to notice silently changed 发布日期 or 索引号 (see package dateguard).
package catalog

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/msg"
)

// Schema is the JSON Schema of catalog.json.
//
//go:embed catalog.schema.json
var schemaSource []byte

// Schema is the shipped schema with the kinds of content.Kinds written in: the file names them as {{kinds}}, so that
// the kinds are declared in one place only.
var Schema = func() []byte {
	names := content.KindNames()
	list, _ := json.Marshal(names)
	s := strings.ReplaceAll(string(schemaSource), `["{{kinds}}"]`, string(list))
	return []byte(strings.ReplaceAll(s, "{{kinds}}", strings.Join(names, "|")))
}()

// Catalog is catalog.json.
type Catalog struct {
	Schema    string  `json:"$schema"`
	Site      string  `json:"site"`
	BaseURL   string  `json:"base_url"`
	Documents []Entry `json:"documents"`
}

// Entry is one published document with all its metadata. Dates are RFC 3339 in the site's time zone.
type Entry struct {
	Name                string       `json:"name"`
	Kind                string       `json:"kind"`
	KindLabel           string       `json:"kind_label"`
	URL                 string       `json:"url"`
	Path                string       `json:"path"`
	Source              string       `json:"source"`
	Title               string       `json:"title"`
	Date                string       `json:"date"`
	Lastmod             string       `json:"lastmod,omitempty"`
	IndexNo             string       `json:"index_no,omitempty"`
	DocNo               string       `json:"doc_no,omitempty"`
	Publisher           string       `json:"publisher,omitempty"`
	Topic               string       `json:"topic,omitempty"`
	Keywords            []string     `json:"keywords,omitempty"`
	Summary             string       `json:"summary,omitempty"`
	Validity            string       `json:"validity"`
	ValidityDate        string       `json:"validity_date,omitempty"`
	ReplacedBy          string       `json:"replaced_by,omitempty"`
	Written             string       `json:"written,omitempty"`
	Year                int          `json:"year,omitempty"`
	ReportType          string       `json:"report_type,omitempty"`
	Interprets          *Interprets  `json:"interprets,omitempty"`
	NeedsInterpretation bool         `json:"needs_interpretation,omitempty"`
	Laws                []string     `json:"laws,omitempty"`
	Changes             []Change     `json:"changes,omitempty"`
	PublishDate         string       `json:"publish_date,omitempty"`
	ExpiryDate          string       `json:"expiry_date,omitempty"`
	Attachments         []Attachment `json:"attachments,omitempty"`
	// Status is "published", or "withdrawn" (撤销公开) for a document taken down on purpose: it stays in the
	// catalogue, with its record in Withdrawn, and its address shows the withdrawal notice.
	Status    string     `json:"status"`
	Withdrawn *Withdrawn `json:"withdrawn,omitempty"`
}

// Withdrawn is the withdrawal record of a document (data/withdrawn.toml).
type Withdrawn struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
	Body   string `json:"body"` // "removed" (the text was taken down) or "kept"
}

// Interprets names the original of an interpretation.
type Interprets struct {
	Policy string `json:"policy,omitempty"`
	Title  string `json:"title,omitempty"`
	DocNo  string `json:"doc_no,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Change is one entry of the change history.
type Change struct {
	Date  string `json:"date"`
	Note  string `json:"note"`
	Major bool   `json:"major,omitempty"`
}

// Attachment is a file of a page bundle.
type Attachment struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	URL  string `json:"url"`
}

// Input is what the catalogue needs about one published document beyond the content model.
type Input struct {
	Doc     *content.Document
	Path    string    // URL path as Hugo rendered it
	Lastmod time.Time // Hugo's .Lastmod
}

// Build makes the catalogue. Entries are sorted newest first, then by name, so the order never depends on the
// file system.
func Build(site, baseURL string, lang msg.Lang, loc *time.Location, docs []Input) *Catalog {
	base := strings.TrimSuffix(baseURL, "/")
	c := &Catalog{Schema: "/catalog.schema.json", Site: site, BaseURL: baseURL, Documents: []Entry{}}
	for _, in := range docs {
		d := in.Doc
		e := Entry{
			Name: d.Name, Kind: string(d.Kind), KindLabel: d.Kind.Label(lang), URL: base + in.Path, Path: in.Path,
			Source: d.File, Title: d.Title, Date: stamp(d.Date, loc), Lastmod: stamp(in.Lastmod, loc),
			IndexNo: d.IndexNo, DocNo: d.DocNo, Publisher: d.Publisher, Topic: d.Topic, Keywords: d.Keywords,
			Summary: d.Summary, Validity: d.Validity, ValidityDate: stamp(d.ValidityDate, loc), ReplacedBy: d.ReplacedBy,
			Written: stamp(d.Written, loc), Year: d.Year, ReportType: d.ReportType, NeedsInterpretation: d.NeedsInterpretation,
			Laws: d.Laws, PublishDate: stamp(d.PublishDate, loc), ExpiryDate: stamp(d.ExpiryDate, loc),
		}
		if e.Validity == "" {
			e.Validity = "valid"
		}
		e.Status = "published"
		if w := d.Withdrawn; w != nil {
			e.Status = "withdrawn"
			e.Withdrawn = &Withdrawn{Date: stamp(w.Date, loc), Reason: w.Reason, Body: w.Body}
		}
		if i := d.Interprets; i != (content.Interprets{}) {
			e.Interprets = &Interprets{Policy: i.Policy, Title: i.Title, DocNo: i.DocNo, URL: i.URL}
		}
		for _, ch := range d.Changes {
			e.Changes = append(e.Changes, Change{Date: stamp(ch.Date, loc), Note: ch.Note, Major: ch.Major})
		}
		for _, a := range d.Attachments {
			if d.Withdrawn != nil && d.Withdrawn.Body == "removed" {
				break // taken down with the text
			}
			e.Attachments = append(e.Attachments, Attachment{Name: a.Name, Size: a.Size, URL: base + in.Path + url.PathEscape(a.Name)})
		}
		c.Documents = append(c.Documents, e)
	}
	sort.SliceStable(c.Documents, func(i, j int) bool {
		a, b := c.Documents[i], c.Documents[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		return a.Name < b.Name
	})
	return c
}

func stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}

// JSON encodes the catalogue, indented so that a diff between two releases is readable.
func (c *Catalog) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(c); err != nil {
		panic(fmt.Sprintf("encode catalog: %v", err)) // only plain strings and numbers: cannot fail
	}
	return b.Bytes()
}

// Parse reads a catalog.json.
func Parse(data []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse catalog.json: %w", err)
	}
	return &c, nil
}

// csvColumns are the spreadsheet's columns, labelled in Chinese for the people who open it.
var csvColumns = []struct {
	label string
	value func(e *Entry) string
}{
	{"标题", func(e *Entry) string { return e.Title }},
	{"类别", func(e *Entry) string { return e.KindLabel }},
	{"发布日期", func(e *Entry) string { return day(e.Date) }},
	{"索引号", func(e *Entry) string { return e.IndexNo }},
	{"发文字号", func(e *Entry) string { return e.DocNo }},
	{"发布机构", func(e *Entry) string { return e.Publisher }},
	{"主题分类", func(e *Entry) string { return e.Topic }},
	{"关键词", func(e *Entry) string { return strings.Join(e.Keywords, ";") }},
	{"有效性", func(e *Entry) string { return e.Validity }},
	{"失效日期", func(e *Entry) string { return day(e.ValidityDate) }},
	{"状态", func(e *Entry) string { return e.Status }},
	{"撤销日期", func(e *Entry) string {
		if e.Withdrawn == nil {
			return ""
		}
		return day(e.Withdrawn.Date)
	}},
	{"撤销原因", func(e *Entry) string {
		if e.Withdrawn == nil {
			return ""
		}
		return e.Withdrawn.Reason
	}},
	{"成文日期", func(e *Entry) string { return day(e.Written) }},
	{"报告年度", func(e *Entry) string {
		if e.Year == 0 {
			return ""
		}
		return strconv.Itoa(e.Year)
	}},
	{"报告类别", func(e *Entry) string { return e.ReportType }},
	{"相关法律", func(e *Entry) string { return strings.Join(e.Laws, ";") }},
	{"附件", func(e *Entry) string {
		var n []string
		for _, a := range e.Attachments {
			n = append(n, a.Name)
		}
		return strings.Join(n, ";")
	}},
	{"摘要", func(e *Entry) string { return e.Summary }},
	{"网址", func(e *Entry) string { return e.URL }},
}

func day(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// Neutralize keeps a cell from being read as a formula by a spreadsheet (CSV injection): a cell that starts with
// =, +, -, @, a tab or a carriage return gets a leading apostrophe, as OWASP recommends, so that a title such as
// =HYPERLINK(…) is shown as text and never evaluated.
func Neutralize(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// CSV encodes the catalogue for spreadsheets: Excel reads UTF-8 only after a byte-order mark, and expects CRLF.
func (c *Catalog) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	row := make([]string, len(csvColumns))
	for i, col := range csvColumns {
		row[i] = col.label
	}
	w.Write(row)
	for i := range c.Documents {
		for j, col := range csvColumns {
			row[j] = Neutralize(col.value(&c.Documents[i]))
		}
		w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// Gone gives back the withdrawn documents whose file is no longer in the sources, from their record in prev (the
// live release's catalogue), in the order of the withdrawal list: the build still shows their notice and keeps
// them in the catalogue. A record whose document is in neither is not returned (package dateguard reports it).
func Gone(prev *Catalog, site *content.Site, loc *time.Location) []Input {
	if prev == nil {
		return nil
	}
	old := map[string]*Entry{}
	for i := range prev.Documents {
		old[prev.Documents[i].Name] = &prev.Documents[i]
	}
	var out []Input
	for i := range site.Withdrawn {
		w := &site.Withdrawn[i]
		e := old[w.Name]
		if e == nil || site.ByName(w.Name) != nil {
			continue
		}
		parse := func(s string) time.Time {
			t, _ := time.Parse(time.RFC3339, s)
			if !t.IsZero() {
				t = t.In(loc)
			}
			return t
		}
		d := &content.Document{
			File: e.Source, Kind: content.Kind(e.Kind), Name: e.Name, URL: e.Path, Title: e.Title,
			Publisher: e.Publisher, Topic: e.Topic, Summary: e.Summary, Keywords: e.Keywords, Date: parse(e.Date),
			Written: parse(e.Written), Validity: e.Validity, ValidityDate: parse(e.ValidityDate), ReplacedBy: e.ReplacedBy,
			DocNo: e.DocNo, IndexNo: e.IndexNo, Year: e.Year, ReportType: e.ReportType, Laws: e.Laws,
			NeedsInterpretation: e.NeedsInterpretation, Withdrawn: w,
		}
		if in := e.Interprets; in != nil {
			d.Interprets = content.Interprets{Policy: in.Policy, Title: in.Title, DocNo: in.DocNo, URL: in.URL}
		}
		for _, c := range e.Changes {
			d.Changes = append(d.Changes, content.Change{Date: parse(c.Date), Note: c.Note, Major: c.Major})
		}
		lm := parse(e.Lastmod)
		if lm.IsZero() {
			lm = d.Date
		}
		out = append(out, Input{Doc: d, Path: e.Path, Lastmod: lm})
	}
	return out
}
