// Package search writes the static full-text index behind the /search/ page and
// answers queries against it the same way the browser script does.
//
// It exists because dictionary-segmenting static search tools miss Chinese
// substrings: a citizen who remembers 欠薪 or part of a 发文字号 must find the
// document that contains it. So nothing here segments words. Text is reduced to
// a "compact" form (full-width ASCII folded, ASCII lower-cased, every character
// that is not a letter or a digit dropped), and a query word matches a document
// when its compact form is a substring of the compact form of one of the
// document's fields. Dropping separators is what lets a phrase match across a
// Markdown line break and lets 东人社发〔2024〕3号, 东人社发[2024]3号 and
// 东人社发2024 3号 find the same document.
//
// The index holds, per field text, every character, every pair of adjacent
// characters and, inside runs of ASCII letters and digits, every 3- and
// 6-character window (digits are so common that pairs of them select nothing;
// the longer windows make a 索引号 query cheap). Terms are spread over small
// shard files by an FNV hash, so a query downloads only the shards of its
// terms; a common term's list, as big as a shard by itself, is a file of its
// own that its shard names. Documents' records are packed two to a file:
// creating files, not computing the index, is what a build spends most on. A query word first looks up a minimal cover of terms; when that
// leaves more than a page of candidates it also looks up the terms across the
// cover's joins, which proves most false candidates false from the index
// alone. Terms only propose candidates; every candidate shown is checked
// against the document's own text, so a result is never claimed for text that
// is not in the document, and a page checks at most twice its length of
// texts, so no query downloads more than a bounded amount (the rest is
// reported as not yet checked and checked by "more").
//
// The package uses the standard library only: the browser half
// (static/js/search.js) mirrors normalise.go, terms.go and query.go, and the
// tests hold the two to the same files.
package search

import "sort"

// Doc is one published document as the build pipeline hands it over.
type Doc struct {
	URL, Title, Kind, Date, IndexNo, DocNo, Topic, Publisher string   // Kind is the folder of the kind (content.Kinds); Date "YYYY-MM-DD"
	Text                                                     string   // plain body text as rendered (Markdown removed)
	Attachments                                              []string // attachment file names
}

// kindsOf lists the kinds of docs, sorted, in the order their codes are
// written to meta.json; the client maps the code back to the name. The kinds
// themselves are declared once, by the content model (content.Kinds): the
// index takes whatever kinds its documents have.
func kindsOf(docs []Doc) []string {
	seen := map[string]bool{}
	var out []string
	for i := range docs {
		if k := docs[i].Kind; k != "" && !seen[k] {
			seen[docs[i].Kind] = true
			out = append(out, docs[i].Kind)
		}
	}
	sort.Strings(out)
	return out
}

// fields returns the searchable texts of d, title first: the title is field 0
// because a title match ranks first, and the postings carry a title flag.
func (d *Doc) fields() []string {
	f := []string{d.Title, d.IndexNo, d.DocNo, d.Topic, d.Publisher, d.Text}
	return append(f, d.Attachments...)
}
