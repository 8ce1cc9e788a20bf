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
// terms. A common term, whose postings would fill a shard by themselves, is
// stored apart twice (rank.go): its documents alone, and its postings in
// rank order, in chunks that grow eightfold. Documents' records are packed
// two to a file: creating files, not computing the index, is what a build
// spends most on.
//
// A query word's candidates are the documents that have all its terms (a
// minimal cover, then, when that leaves more than a page, the terms across
// the cover's joins too): the postings of its small terms, intersected, and
// the documents of its common terms, when nearly every document has them or
// nearly none does (otherwise a term's documents cost more than the texts
// they would spare). The postings bound each candidate's rank before its
// text is read. A word made only of common terms takes its bounds from the
// ranked postings of the rarest, read chunk by chunk only while a document
// not read yet could still rank on the first page (a threshold algorithm),
// so that its first query reads the head of one list, not every list whole.
// Terms only propose candidates; every candidate shown is checked against
// the document's own text, so a result is never claimed for text that is
// not in the document, and a page checks at most twice its length of texts,
// so no query downloads more than a bounded amount (the rest is reported as
// not yet checked, as an upper bound, and checked by "more").
//
// On top of substrings, queries are what citizens type: a word also matches
// its equivalents from the site's data/synonyms.toml (synonyms.go: stored in
// the shards, applied at query time, so the postings do not grow); several
// words rank the documents with all of them first, then those with some;
// when no document has any word, the longest parts of the words that some
// documents have answer instead (a near miss, said as such). Ranking: more
// words, an exact 发文字号 or 索引号, valid before expired or repealed, the
// field a word is in (title or 简称, then keywords and summary, then the
// rest), as typed before an equivalent, occurrences (up to maxCount), newer.
//
// The package uses the standard library only: the browser half
// (static/js/search.js) mirrors normalise.go, terms.go, the readers of
// rank.go and query.go, and the tests hold the two to the same files.
package search

import "sort"

// Doc is one published document as the build pipeline hands it over.
type Doc struct {
	URL, Title, Kind, Date, IndexNo, DocNo, Topic, Publisher string   // Kind is the folder of the kind (content.Kinds); Date "YYYY-MM-DD"
	ShortTitle, Summary                                      string   // 简称 and 摘要, may be empty
	Keywords                                                 []string // 关键词
	Validity                                                 string   // "", "valid", "expired" or "repealed"
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

// Field classes, the ranks of the place a word is found in: an exact
// 发文字号 or 索引号 first, then the title (or 简称), then keywords and the
// summary, then everything else. A posting records the best class of the
// fields its term occurs in, so a candidate's best possible rank is known
// before its text is fetched; the class of a number field is only a bound,
// since the word must be the whole number to rank as one (see verify).
const (
	classOther = iota
	classKeyword
	classTitle
	classNumber
)

// field is one searchable text of a document and its class.
type field struct {
	text  string
	class int
}

// fields returns the searchable texts of d, in the order search.js's
// fieldsOf lists a record's: the body text is textField, which snippets use.
func (d *Doc) fields() []field {
	f := []field{{d.Title, classTitle}, {d.ShortTitle, classTitle}, {d.IndexNo, classNumber}, {d.DocNo, classNumber},
		{d.Summary, classKeyword}, {d.Topic, classOther}, {d.Publisher, classOther}, {d.Text, classOther}}
	// Each keyword and attachment is a field of its own, so that no term
	// spans two of them.
	for _, k := range d.Keywords {
		f = append(f, field{k, classKeyword})
	}
	for _, a := range d.Attachments {
		f = append(f, field{a, classOther})
	}
	return f
}

// textField is the index of the body text in fields().
const textField = 7

// lapsed reports an expired or repealed document: still found, ranked after
// the valid ones and marked in the results.
func (d *Doc) lapsed() bool { return d.Validity == "expired" || d.Validity == "repealed" }
