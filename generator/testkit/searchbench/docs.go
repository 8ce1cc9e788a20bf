// Package searchbench compares gongkai's search index with Pagefind's on the same
// generated site of Chinese documents: build time, peak memory, index size,
// bytes a first query downloads, and recall on substring queries. It is a
// benchmark, not a test: the figures depend on the machine, so nothing here
// asserts a target; `make bench-search` prints them for the report. Docs and
// Queries are exported for the browser benchmark (generator/testkit/browsertest),
// which measures keystroke-to-results on the same index.
package searchbench

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/msg"
	"gongkai/generator/search"
	"gongkai/generator/testkit/corpus"
)

// seed makes the corpus and the queries the same on every run, so figures
// compare across commits.
const seed = 1

// Docs returns the benchmark's documents: the shared generated corpus with
// varied text (rare character pairs, dates, numbers), as search.Doc, with
// the keywords and summary of their front matter (indexed and stored as a
// build does). One policy in ten is marked repealed, as an old site's are.
func Docs(n int, seed int64) []search.Doc {
	var out []search.Doc
	for i, d := range corpus.Generate(n, seed, corpus.Options{Varied: true}) {
		sd := search.Doc{
			URL: "/" + d.Kind + "/" + d.Name + "/", Title: d.Title, Kind: d.Kind, Date: d.Date[:10],
			IndexNo: d.IndexNo, DocNo: d.DocNo, Topic: d.Topic, Publisher: "天津市河东区人力资源和社会保障局",
			Text: plain(d.Body),
		}
		if m := keywordsRe.FindStringSubmatch(d.FrontMatter); m != nil {
			for _, k := range m[1:] {
				k, _ = strconv.Unquote(k)
				sd.Keywords = append(sd.Keywords, k)
			}
		}
		if m := summaryRe.FindStringSubmatch(d.FrontMatter); m != nil {
			sd.Summary, _ = strconv.Unquote(m[1])
		}
		if d.Kind == "policies" && i%10 == 0 {
			sd.Validity = "repealed"
		}
		out = append(out, sd)
	}
	return out
}

var (
	keywordsRe = regexp.MustCompile(`(?m)^keywords = \[("(?:[^"\\]|\\.)*"), ("(?:[^"\\]|\\.)*")\]$`)
	summaryRe  = regexp.MustCompile(`(?m)^summary = ("(?:[^"\\]|\\.)*")$`)
)

// Synonyms returns the repository's list of equivalent words
// (data/synonyms.toml), which a build of a site writes into its index.
func Synonyms() ([][]string, error) {
	root, err := corpus.RepoRoot()
	if err != nil {
		return nil, err
	}
	var diags diag.List
	groups, err := content.LoadSynonyms(root, &diags, msg.Zh)
	if err == nil && diags.Errors() > 0 {
		err = fmt.Errorf("data/synonyms.toml: %d errors", diags.Errors())
	}
	return groups, err
}

// plain is the text Hugo renders from the corpus's Markdown: headings lose
// their marks, paragraphs and wrapped lines stay.
func plain(md string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(md, "\n") {
		b.WriteString(strings.TrimPrefix(line, "## "))
	}
	return strings.TrimSpace(b.String())
}

// Query is a benchmark query and the document it was drawn from.
type Query struct {
	Q, URL string
}

// Queries takes substrings of random documents' body text, 2 to 8
// searchable characters long, cut anywhere (also inside words and across line
// breaks), plus 索引号 and 发文字号 as typed.
func Queries(docs []search.Doc, n int) []Query {
	r := rand.New(rand.NewPCG(seed, 7))
	var qs []Query
	for len(qs) < n {
		d := docs[r.IntN(len(docs))]
		switch r.IntN(10) {
		case 0:
			if d.IndexNo != "" {
				qs = append(qs, Query{d.IndexNo, d.URL})
			}
		case 1:
			if d.DocNo != "" {
				qs = append(qs, Query{d.DocNo, d.URL})
			}
		default:
			c := []rune(search.Compact(d.Text))
			l := 2 + r.IntN(7)
			if len(c) < l {
				continue
			}
			i := r.IntN(len(c) - l + 1)
			qs = append(qs, Query{string(c[i : i+l]), d.URL})
		}
	}
	return qs
}

// WriteHTML writes docs as the pages of a built site, one per document, with
// the metadata and body a document page shows: what Pagefind indexes.
func WriteHTML(site string, docs []search.Doc) error {
	for _, d := range docs {
		var h strings.Builder
		h.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>` + html.EscapeString(d.Title) + `</title></head><body><main data-pagefind-body>`)
		h.WriteString(`<h1>` + html.EscapeString(d.Title) + `</h1><dl>`)
		for _, kv := range [][2]string{{"索引号", d.IndexNo}, {"发文字号", d.DocNo}, {"发布日期", d.Date}, {"主题分类", d.Topic}, {"发布机构", d.Publisher}} {
			if kv[1] != "" {
				h.WriteString(`<dt>` + kv[0] + `</dt><dd>` + html.EscapeString(kv[1]) + `</dd>`)
			}
		}
		h.WriteString(`</dl>`)
		for _, p := range strings.Split(d.Text, "\n\n") {
			h.WriteString(`<p>` + html.EscapeString(p) + `</p>`)
		}
		for _, a := range d.Attachments {
			h.WriteString(`<p><a href="` + html.EscapeString(a) + `">` + html.EscapeString(a) + `</a></p>`)
		}
		h.WriteString(`</main></body></html>`)
		p := filepath.Join(site, filepath.FromSlash(d.URL), "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(h.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
