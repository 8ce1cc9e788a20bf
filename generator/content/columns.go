package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// The site's columns (栏目) are configuration: data/columns.toml (params.columns_file) declares each column — its
// names, address, meta tags, which documents belong, its parent and, by the order of the file, its place in the
// navigation. Navigation, breadcrumbs, list pages, feeds and the home page are all made from this one declaration,
// so a site adds or renames a column without touching Go code or layouts.

// Column is one declared column.
type Column struct {
	ID          string
	Name        string // 栏目名称
	NameEn      string // its English name, for a site in English
	Path        string // address without slashes: "xxgk/fdzdgk/zcwj" is /xxgk/fdzdgk/zcwj/
	ColumnName  string // the ColumnName meta tag; default Name
	ColumnType  string // the ColumnType meta tag (政府网站网页设计规范's controlled list)
	Description string
	Keywords    []string
	Parent      string // id of the parent column, "" for a top-level column
	// Page is what the column's page shows: "list" (its documents, the default), "annual" (its documents and the
	// trend of the annual reports' statistics), "guide" (the 政府信息公开指南 from Data), "apply" (how to apply for
	// disclosure) or "directory" (the 政府信息公开目录).
	Page        string
	Kinds       []Kind   // documents of these kinds belong, unless they name a column
	ReportTypes []string // when given, only reports of these report_type
	Data        string   // a data file the page shows (the guide), relative to the site
	ApplyURL    string   // an online application platform (依申请公开)
	Form        string   // the downloadable 申请表, a file under static/ (依申请公开)
	FormSize    int64

	// GuideUpdated is the 更新日期 of a guide's data file (its key "updated"), GuideLine the line it is on.
	GuideUpdated time.Time
	GuideLine    int

	Line     int // where the column is declared
	ParentC  *Column
	Children []*Column
	// Documents are the documents that belong to the column, in site order (published or not: see
	// Columns.Members).
	Documents []*Document
}

// Pages a column may have.
var columnPages = []string{"list", "annual", "guide", "apply", "directory"}

// Columns is the declaration, in the order of the file.
type Columns struct {
	File string // the declaration's file, relative to the site; "" when the site has none and the kinds are the columns
	All  []*Column
	byID map[string]*Column
	// primary is, for each document, the first column (in declaration order) it belongs to: its breadcrumb.
	primary map[*Document]*Column
}

// ByID returns the column with this id.
func (cs *Columns) ByID(id string) *Column { return cs.byID[id] }

// Top lists the top-level columns.
func (cs *Columns) Top() []*Column {
	var out []*Column
	for _, c := range cs.All {
		if c.ParentC == nil {
			out = append(out, c)
		}
	}
	return out
}

// Of returns the column a document is shown in (its breadcrumb), nil for none.
func (cs *Columns) Of(d *Document) *Column { return cs.primary[d] }

// Trail is the column and its ancestors, outermost first.
func (c *Column) Trail() []*Column {
	var out []*Column
	for x := c; x != nil; x = x.ParentC {
		out = append([]*Column{x}, out...)
	}
	return out
}

// Title is the column's name in lang.
func (c *Column) Title(lang msg.Lang) string {
	if lang == msg.En && c.NameEn != "" {
		return c.NameEn
	}
	return c.Name
}

// Lists reports whether the column's page lists documents.
func (c *Column) Lists() bool { return c.Page == "list" || c.Page == "annual" }

// columnFields are the keys of a [[column]] table.
var columnFields = map[string]field{
	"id":           {label: msg.Text{Zh: "栏目标识", En: "column id"}},
	"name":         {label: msg.Text{Zh: "栏目名称", En: "column name"}},
	"name_en":      {label: msg.Text{Zh: "英文名称", En: "English name"}},
	"path":         {label: msg.Text{Zh: "栏目地址", En: "address"}},
	"column_name":  {label: msg.Text{Zh: "ColumnName 标签", En: "ColumnName tag"}},
	"column_type":  {label: msg.Text{Zh: "ColumnType 标签", En: "ColumnType tag"}},
	"description":  {label: msg.Text{Zh: "栏目描述", En: "description"}},
	"keywords":     {label: msg.Text{Zh: "关键词", En: "keywords"}},
	"parent":       {label: msg.Text{Zh: "上级栏目", En: "parent column"}},
	"page":         {label: msg.Text{Zh: "页面类型", En: "page type"}},
	"kinds":        {label: msg.Text{Zh: "文档类别", En: "kinds of document"}},
	"report_types": {label: msg.Text{Zh: "报告类别", En: "report types"}},
	"data":         {label: msg.Text{Zh: "数据文件", En: "data file"}},
	"apply_url":    {label: msg.Text{Zh: "在线申请平台", En: "online application platform"}},
	"form":         {label: msg.Text{Zh: "申请表", En: "application form"}},
}

// reservedPaths are addresses gongkai gives to pages of its own.
var reservedPaths = []string{"archives", "topics", "changes", "search", "laws"}

var columnID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
var columnPath = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$`)

// defaultColumns makes a column of each kind folder the site has, for a site without a declaration.
func defaultColumns(site *Site) *Columns {
	cs := &Columns{byID: map[string]*Column{}, primary: map[*Document]*Column{}}
	for _, k := range site.Kinds {
		c := &Column{ID: string(k), Name: k.Label(msg.Zh), NameEn: k.Label(msg.En), Path: string(k), Page: "list",
			Kinds: []Kind{k}}
		cs.All = append(cs.All, c)
		cs.byID[c.ID] = c
	}
	return cs
}

// columns reads and checks the site's column declaration and assigns every document to its columns.
func (v *validator) columns(site *Site) {
	file := v.cfg.Params.ColumnsFile
	if file == "" {
		file = "data/columns.toml"
	}
	src, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(file)))
	if errors.Is(err, os.ErrNotExist) {
		site.Columns = defaultColumns(site)
		v.assign(site)
		return
	}
	if err != nil {
		v.errorf(file, frontmatter.Pos{Line: 1, Col: 1}, "", "", err.Error())
		site.Columns = defaultColumns(site)
		return
	}
	cs := &Columns{File: file, byID: map[string]*Column{}, primary: map[*Document]*Column{}}
	site.Columns = cs
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			v.errorf(file, se.Pos, "", "", msg.ContentBadColumnsFile.F(v.lang, se.Message(v.lang)))
			return
		}
		v.errorf(file, frontmatter.Pos{Line: 1, Col: 1}, "", "", err.Error())
		return
	}
	for k := range doc.Values {
		if k != "column" {
			v.errorf(file, doc.Pos[k], k, "", msg.UnknownField.In(v.lang)+msg.DidYouMean.F(v.lang, "column"))
		}
	}
	tables, _ := doc.Values["column"].([]any)
	if len(tables) == 0 {
		v.errorf(file, frontmatter.Pos{Line: 1, Col: 1}, "column", "", msg.ContentColumnsNone.In(v.lang))
		return
	}
	candidates := sortedKeys(columnFields)
	byPath := map[string]*Column{}
	for i, t := range tables {
		key := fmt.Sprintf("column[%d]", i)
		m, _ := t.(map[string]any)
		pos := func(k string) frontmatter.Pos {
			if p, ok := doc.Pos[key+"."+k]; ok {
				return p
			}
			return doc.Pos[key]
		}
		label := func(k string) string { return columnFields[k].label.In(v.lang) }
		for _, k := range sortedKeys(m) {
			if _, ok := columnFields[k]; !ok {
				hint := ""
				if s := closest(k, candidates); s != "" {
					hint = msg.DidYouMean.F(v.lang, s)
				}
				v.errorf(file, pos(k), key+"."+k, "", msg.UnknownField.In(v.lang)+hint)
			}
		}
		str := func(k string) string {
			raw, ok := m[k]
			if !ok {
				return ""
			}
			s, isStr := raw.(string)
			if !isStr || strings.TrimSpace(s) == "" {
				v.errorf(file, pos(k), key+"."+k, label(k), msg.ContentNotString.F(v.lang, `"…"`))
				return ""
			}
			return strings.TrimSpace(s)
		}
		list := func(k string) []string {
			raw, ok := m[k]
			if !ok {
				return nil
			}
			xs, isList := raw.([]any)
			var out []string
			for _, x := range xs {
				s, isStr := x.(string)
				if !isStr {
					isList = false
					break
				}
				out = append(out, s)
			}
			if !isList {
				v.errorf(file, pos(k), key+"."+k, label(k), msg.ContentNotList.F(v.lang, `["…"]`))
				return nil
			}
			return out
		}
		c := &Column{Line: doc.Pos[key].Line, ID: str("id"), Name: str("name"), NameEn: str("name_en"),
			Path: strings.Trim(str("path"), "/"), ColumnName: str("column_name"), ColumnType: str("column_type"),
			Description: str("description"), Keywords: list("keywords"), Parent: str("parent"), Page: str("page"),
			ReportTypes: list("report_types"), Data: str("data"), ApplyURL: str("apply_url"), Form: str("form")}
		if _, ok := m["id"]; !ok {
			v.errorf(file, doc.Pos[key], key+".id", label("id"), msg.ContentRequired.F(v.lang, `id = "zcwj"`))
			continue
		}
		if _, ok := m["name"]; !ok {
			v.errorf(file, doc.Pos[key], key+".name", label("name"), msg.ContentRequired.F(v.lang, `name = "政策文件"`))
		}
		if c.ID != "" && !columnID.MatchString(c.ID) {
			v.errorf(file, pos("id"), key+".id", label("id"), msg.ContentColumnID.F(v.lang, c.ID))
		}
		if other, dup := cs.byID[c.ID]; dup && c.ID != "" {
			v.errorf(file, pos("id"), key+".id", label("id"), msg.ContentColumnDupID.F(v.lang, c.ID, fmt.Sprintf("%s:%d", file, other.Line)))
			continue
		}
		for j, k := range list("kinds") {
			if !isKind(k) {
				hint := ""
				if s := closest(k, KindNames()); s != "" {
					hint = msg.DidYouMean.F(v.lang, s)
				}
				p := fmt.Sprintf("%s.kinds[%d]", key, j)
				at := doc.Pos[p]
				if at.Line == 0 {
					at = pos("kinds")
				}
				v.errorf(file, at, key+".kinds", label("kinds"), msg.ContentColumnKind.F(v.lang, k, strings.Join(KindNames(), ", "))+hint)
				continue
			}
			c.Kinds = append(c.Kinds, Kind(k))
		}
		if c.Page == "" {
			c.Page = "list"
		} else if !contains(columnPages, c.Page) {
			v.errorf(file, pos("page"), key+".page", label("page"), msg.ContentColumnPage.F(v.lang, c.Page, strings.Join(columnPages, ", ")))
			c.Page = "list"
		}
		if (len(c.Kinds) > 0 || len(c.ReportTypes) > 0) && !c.Lists() {
			v.errorf(file, pos("kinds"), key+".kinds", label("kinds"), msg.ContentColumnKindsPage.F(v.lang, c.Page))
		}
		if c.ColumnName == "" {
			c.ColumnName = c.Name
		}
		if c.ColumnType == "" {
			c.ColumnType = map[string]string{"guide": "信息公开指南", "apply": "依法申请公开", "directory": "信息公开目录",
				"annual": "信息公开年报"}[c.Page]
		}
		if c.ColumnType == "" {
			c.ColumnType = "工作动态"
		}
		if c.Page == "guide" && c.Data == "" {
			v.errorf(file, doc.Pos[key], key+".data", label("data"), msg.ContentRequired.F(v.lang, `data = "data/guide.toml"`))
		}
		if c.Page == "guide" && c.Data != "" {
			v.guide(c, file, pos("data"), key+".data")
		}
		if c.Form != "" {
			if fi, err := os.Stat(filepath.Join(v.dir, "static", filepath.FromSlash(c.Form))); err != nil || fi.IsDir() {
				v.errorf(file, pos("form"), key+".form", label("form"), msg.ContentColumnForm.F(v.lang, c.Form))
			} else {
				c.FormSize = fi.Size()
			}
		}
		if c.ApplyURL != "" && !strings.HasPrefix(c.ApplyURL, "https://") && !strings.HasPrefix(c.ApplyURL, "http://") {
			v.errorf(file, pos("apply_url"), key+".apply_url", label("apply_url"), msg.ContentBadURL.F(v.lang, c.ApplyURL))
		}
		cs.All = append(cs.All, c)
		if c.ID != "" {
			cs.byID[c.ID] = c
		}
	}
	// Parents, then addresses (a column's default address is under its parent's).
	for i, c := range cs.All {
		if c.Parent == "" {
			continue
		}
		p := cs.byID[c.Parent]
		if p == nil || p == c {
			v.errorf(file, v.columnPos(doc, c, i, "parent"), fmt.Sprintf("column[%d].parent", i), columnFields["parent"].label.In(v.lang),
				msg.ContentColumnParent.F(v.lang, c.Parent))
			continue
		}
		c.ParentC = p
	}
	for i, c := range cs.All {
		seen := map[*Column]bool{}
		for x := c; x != nil; x = x.ParentC {
			if seen[x] {
				v.errorf(file, v.columnPos(doc, c, i, "parent"), fmt.Sprintf("column[%d].parent", i), columnFields["parent"].label.In(v.lang),
					msg.ContentColumnCycle.F(v.lang, c.ID))
				c.ParentC = nil
				break
			}
			seen[x] = true
		}
	}
	for _, c := range cs.All {
		if c.ParentC != nil {
			c.ParentC.Children = append(c.ParentC.Children, c)
		}
	}
	var address func(c *Column) string
	address = func(c *Column) string {
		if c.Path != "" {
			return c.Path
		}
		if c.ParentC != nil {
			c.Path = address(c.ParentC) + "/" + c.ID
		} else {
			c.Path = c.ID
		}
		return c.Path
	}
	for i, c := range cs.All {
		p := address(c)
		at := v.columnPos(doc, c, i, "path")
		k := fmt.Sprintf("column[%d].path", i)
		switch {
		case !columnPath.MatchString(p):
			v.errorf(file, at, k, columnFields["path"].label.In(v.lang), msg.ContentColumnPath.F(v.lang, p))
		case contains(reservedPaths, strings.SplitN(p, "/", 2)[0]):
			v.errorf(file, at, k, columnFields["path"].label.In(v.lang), msg.ContentColumnReserved.F(v.lang, p))
		case byPath[p] != nil:
			v.errorf(file, at, k, columnFields["path"].label.In(v.lang),
				msg.ContentColumnDupPath.F(v.lang, p, fmt.Sprintf("%s:%d", file, byPath[p].Line)))
		default:
			byPath[p] = c
			// The column's page is made from the declaration: a list page of the same address in content/ would
			// hide it.
			own := "content/" + p + "/_index.md"
			if _, err := os.Stat(filepath.Join(v.dir, filepath.FromSlash(own))); err == nil {
				v.errorf(own, frontmatter.Pos{Line: 1, Col: 1}, "", "", msg.ContentColumnOwnPage.F(v.lang, file, c.Line, c.ID))
			}
		}
	}
	v.assign(site)
	// A column that lists documents but has none (and no sub-columns) is a 空白栏目, which inspections fail; not
	// said while a document does not parse, since it may be that column's.
	for i, c := range cs.All {
		if c.Lists() && len(c.Documents) == 0 && len(c.Children) == 0 && len(site.unreadable) == 0 {
			v.errorf(file, doc.Pos[fmt.Sprintf("column[%d]", i)], fmt.Sprintf("column[%d]", i), "", msg.ContentColumnEmpty.F(v.lang, c.ID, c.Name))
		}
	}
}

// guide reads the 更新日期 of a guide's data file: the page shows it and column health warns when it is old.
func (v *validator) guide(c *Column, file string, at frontmatter.Pos, key string) {
	src, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(c.Data)))
	if err != nil {
		v.errorf(file, at, key, columnFields["data"].label.In(v.lang), msg.ContentGuideMissing.F(v.lang, c.Data))
		return
	}
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			v.errorf(c.Data, se.Pos, "", "", msg.ContentSyntax.F(v.lang, se.Message(v.lang)))
			return
		}
		v.errorf(c.Data, frontmatter.Pos{Line: 1, Col: 1}, "", "", err.Error())
		return
	}
	raw, ok := doc.Values["updated"]
	if !ok {
		v.errorf(c.Data, frontmatter.Pos{Line: 1, Col: 1}, "updated", msg.ContentGuideUpdatedLabel.In(v.lang), msg.ContentRequired.F(v.lang, "updated = 2025-06-30"))
		return
	}
	t, err := ParseDate(raw, v.cfg.Location)
	if err != nil {
		v.errorf(c.Data, doc.Pos["updated"], "updated", msg.ContentGuideUpdatedLabel.In(v.lang), badDate(v.lang, raw))
		return
	}
	c.GuideUpdated, c.GuideLine = t, doc.Pos["updated"].Line
}

func (v *validator) columnPos(doc *frontmatter.Doc, c *Column, i int, k string) frontmatter.Pos {
	if p, ok := doc.Pos[fmt.Sprintf("column[%d].%s", i, k)]; ok {
		return p
	}
	return doc.Pos[fmt.Sprintf("column[%d]", i)]
}

// assign puts every document into its columns: the column it names, or else every column whose kinds (and report
// types) take it.
func (v *validator) assign(site *Site) {
	cs := site.Columns
	for _, d := range site.Documents {
		if d.Column != "" {
			c := cs.byID[d.Column]
			if c == nil || !c.Lists() {
				var ids []string
				for _, x := range cs.All {
					if x.Lists() {
						ids = append(ids, x.ID)
					}
				}
				hint := ""
				if s := closest(d.Column, ids); s != "" {
					hint = msg.DidYouMean.F(v.lang, s)
				}
				v.errorf(d.File, d.Pos["column"], "column", fields["column"].label.In(v.lang),
					msg.ContentDocColumn.F(v.lang, d.Column, cs.File)+hint)
				continue
			}
			c.Documents = append(c.Documents, d)
			cs.primary[d] = c
			continue
		}
		for _, c := range cs.All {
			if !contains(c.Kinds, d.Kind) || (len(c.ReportTypes) > 0 && !contains(c.ReportTypes, d.ReportType)) {
				continue
			}
			c.Documents = append(c.Documents, d)
			if cs.primary[d] == nil {
				cs.primary[d] = c
			}
		}
	}
}

func contains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
