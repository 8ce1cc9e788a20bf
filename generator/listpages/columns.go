package listpages

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"gongkai/generator/annualstats"
	"gongkai/generator/content"
	"gongkai/generator/siteconfig"
)

// TrendsFile is where the 年报 column's page finds its charts (hugo.Data.gongkai.trends, by column id).
const TrendsFile = "data/gongkai/trends.json"

// ColumnsFile is where the layouts find the site's columns (hugo.Data.gongkai.columns): the tree for navigation
// and breadcrumbs, each column's documents, and each document's column.
const ColumnsFile = "data/gongkai/columns.json"

// ColumnJSON is one column as the layouts see it.
type ColumnJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	URL         string   `json:"url"` // site-relative, "/xxgk/zcwj/"
	Page        string   `json:"page"`
	ColumnName  string   `json:"column_name"`
	ColumnType  string   `json:"column_type"`
	Parent      string   `json:"parent,omitempty"`
	Children    []string `json:"children"`
	// Trail is the column's ancestors and itself, outermost first: a breadcrumb.
	Trail []Crumb `json:"trail"`
	// Members are the column's published documents as page paths for site.GetPage, newest first.
	Members  []string `json:"members"`
	ApplyURL string   `json:"apply_url,omitempty"`
	Form     string   `json:"form,omitempty"`
	FormSize int64    `json:"form_size,omitempty"`
	Data     string   `json:"data,omitempty"`
}

// LatestOnHome is how many of the newest documents the home page lists.
const LatestOnHome = 8

// Crumb is one step of a breadcrumb.
type Crumb struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// ColumnPages makes a list page for every declared column (content/<path>/_index.md, laid over content/) and the
// data the layouts build navigation, breadcrumbs, lists and feeds from.
func ColumnPages(cfg *siteconfig.Config, site *content.Site, now time.Time, preview bool) map[string][]byte {
	files := map[string][]byte{}
	cs := site.Columns
	if cs == nil {
		return files
	}
	lang := cfg.Lang
	byID := map[string]ColumnJSON{}
	trends := map[string][]annualstats.Trend{}
	order := []string{}
	for i, c := range cs.All {
		if c.ID == "" || c.Path == "" {
			continue
		}
		var b strings.Builder
		b.WriteString("+++\n")
		fmt.Fprintf(&b, "title = %s\n", tomlString(c.Title(lang)))
		if c.Description != "" {
			fmt.Fprintf(&b, "description = %s\n", tomlString(c.Description))
		}
		if len(c.Keywords) > 0 {
			kw := make([]string, len(c.Keywords))
			for j, k := range c.Keywords {
				kw[j] = tomlString(k)
			}
			fmt.Fprintf(&b, "keywords = [%s]\n", strings.Join(kw, ", "))
		}
		fmt.Fprintf(&b, "type = \"column\"\ncolumn = %s\ncolumn_page = %s\ncolumn_name = %s\ncolumn_type = %s\nweight = %d\n",
			tomlString(c.ID), tomlString(c.Page), tomlString(c.ColumnName), tomlString(c.ColumnType), i+1)
		b.WriteString("+++\n")
		files["content/"+c.Path+"/_index.md"] = []byte(b.String())

		j := ColumnJSON{ID: c.ID, Title: c.Title(lang), Description: c.Description, URL: "/" + c.Path + "/", Page: c.Page, ColumnName: c.ColumnName,
			ColumnType: c.ColumnType, Parent: c.Parent, Children: []string{}, Members: []string{}, ApplyURL: c.ApplyURL,
			Form: c.Form, FormSize: c.FormSize, Data: c.Data}
		for _, ch := range c.Children {
			j.Children = append(j.Children, ch.ID)
		}
		for _, t := range c.Trail() {
			j.Trail = append(j.Trail, Crumb{Title: t.Title(lang), URL: "/" + t.Path + "/"})
		}
		var docs []*content.Document
		for _, d := range c.Documents {
			if listed(d, now, preview) {
				docs = append(docs, d)
			}
		}
		sort.SliceStable(docs, func(a, b int) bool {
			if !docs[a].Date.Equal(docs[b].Date) {
				return docs[a].Date.After(docs[b].Date)
			}
			return docs[a].Name < docs[b].Name
		})
		var reports []*annualstats.Report
		for _, d := range docs {
			j.Members = append(j.Members, "/"+d.Name)
			if d.Statistics != nil {
				reports = append(reports, d.Statistics)
			}
		}
		if c.Page == "annual" {
			trends[c.ID] = annualstats.Trends(reports, lang)
		}
		byID[c.ID] = j
		order = append(order, c.ID)
	}
	// A kind's folder that no column has as its address still gets a list page from Hugo: it is given the kind's name.
	taken := map[string]bool{}
	for _, c := range cs.All {
		taken[c.Path] = true
	}
	for _, k := range site.Kinds {
		if !taken[string(k)] {
			files["content/"+string(k)+"/_index.md"] = []byte(fmt.Sprintf("+++\ntitle = %s\n+++\n", tomlString(k.Label(lang))))
		}
	}
	top := []string{}
	for _, c := range cs.Top() {
		if _, ok := byID[c.ID]; ok {
			top = append(top, c.ID)
		}
	}
	// Each document's column, for its breadcrumb.
	docColumn := map[string]string{}
	for _, d := range site.Documents {
		if c := cs.Of(d); c != nil && listed(d, now, preview) {
			docColumn[d.Name] = c.ID
		}
	}
	// The newest documents of the whole site, for the home page (a home page not updated for two weeks fails an
	// inspection by itself, so it shows what is new wherever it was published).
	var all []*content.Document
	for _, d := range site.Documents {
		if listed(d, now, preview) {
			all = append(all, d)
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if !all[a].Date.Equal(all[b].Date) {
			return all[a].Date.After(all[b].Date)
		}
		return all[a].Name < all[b].Name
	})
	latest := []string{}
	for i := 0; i < len(all) && i < LatestOnHome; i++ {
		latest = append(latest, "/"+all[i].Name)
	}
	data, _ := json.Marshal(map[string]any{"columns": byID, "order": order, "top": top, "doc": docColumn, "latest": latest})
	files[ColumnsFile] = data
	data, _ = json.Marshal(trends)
	files[TrendsFile] = data
	return files
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a valid TOML basic string for text without control characters
	return string(b)
}
