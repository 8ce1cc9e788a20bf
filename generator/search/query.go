package search

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Index answers queries from the files Write produced. It follows search.js
// step for step, so the Go tests that prove recall and ranking on real index
// files prove them for the browser too, and it records what it reads so the
// benchmark can count the bytes a browser would download.
type Index struct {
	fsys    fs.FS
	meta    meta
	filters *filters
	shards  map[int]map[string]string
	terms   map[int]string // files of terms with a file of their own
	recs    map[int]*record
	// Fetched lists, in order, every file read, relative to the index root.
	Fetched []string
}

// Filter narrows results; zero fields do not filter.
type Filter struct {
	Kind  string
	Year  int
	Topic string
}

// Result is one verified match.
type Result struct {
	ID                                     int
	URL, Title, Kind, Date, IndexNo, DocNo string
	// TitleWords is how many query words occur in the title (checked against
	// the title itself). Count is how often the query's terms occur in the
	// document, from the index: for each word the count of its rarest term,
	// summed. Counting from the index rather than the text is what lets the
	// ranking be known before any text is fetched; with ID (newest first)
	// they rank results.
	TitleWords, Count int
	// Snippet is HTML: body text around the first match, matches in <mark>.
	Snippet string
}

// Answer is the outcome of one query.
type Answer struct {
	Results []Result
	// Total is the number of matching documents when Exact, otherwise an upper
	// bound: the candidates not yet checked against their text.
	Total int
	Exact bool
}

// Open reads meta.json from fsys, the index root (outDir/search).
func Open(fsys fs.FS) (*Index, error) {
	ix := &Index{fsys: fsys, shards: map[int]map[string]string{}, terms: map[int]string{}, recs: map[int]*record{}}
	if err := ix.read("meta.json", &ix.meta); err != nil {
		return nil, fmt.Errorf("open search index: %w", err)
	}
	if ix.meta.Format != Format {
		return nil, fmt.Errorf("open search index: format %d, want %d", ix.meta.Format, Format)
	}
	if ix.meta.PerFile < 1 {
		return nil, fmt.Errorf("open search index: %d documents per file", ix.meta.PerFile)
	}
	return ix, nil
}

func (ix *Index) read(name string, v any) error {
	b, err := fs.ReadFile(ix.fsys, name)
	if err != nil {
		return err
	}
	ix.Fetched = append(ix.Fetched, name)
	return json.Unmarshal(b, v)
}

func (ix *Index) postings(term string) (map[int]int, error) {
	n := shardOf(term, ix.meta.Shards)
	s, ok := ix.shards[n]
	if !ok {
		if err := ix.read(filePath("shards", n), &s); err != nil {
			return nil, fmt.Errorf("read shard: %w", err)
		}
		ix.shards[n] = s
	}
	list := s[term]
	if strings.HasPrefix(list, "*") { // a term with a file of its own
		n, err := strconv.Atoi(list[1:])
		if err != nil {
			return nil, fmt.Errorf("term %q: bad reference %q", term, list)
		}
		if list, ok = ix.terms[n]; !ok {
			if err := ix.read(filePath("terms", n), &list); err != nil {
				return nil, fmt.Errorf("read term: %w", err)
			}
			ix.terms[n] = list
		}
	}
	gaps, vals, err := decodePostings(list)
	if err != nil {
		return nil, fmt.Errorf("term %q: %w", term, err)
	}
	out := make(map[int]int, len(gaps))
	id := -1
	for i, g := range gaps {
		id += g + 1
		out[id] = vals[i]
	}
	return out, nil
}

func (ix *Index) record(id int) (*record, error) {
	if r, ok := ix.recs[id]; ok {
		return r, nil
	}
	// The whole file is kept: its other records cost nothing more to check.
	n, per := id/ix.meta.PerFile, ix.meta.PerFile
	var recs []*record
	if err := ix.read(filePath("docs", n), &recs); err != nil {
		return nil, fmt.Errorf("read document: %w", err)
	}
	if len(recs) != min(per, ix.meta.Docs-n*per) {
		return nil, fmt.Errorf("read document: %s holds %d records", filePath("docs", n), len(recs))
	}
	for i, r := range recs {
		ix.recs[n*per+i] = r
	}
	return ix.recs[id], nil
}

// rank orders results and bounds: more title words, then more occurrences,
// then newer (lower id).
type rank struct{ title, count, id int }

func (a rank) before(b rank) bool {
	if a.title != b.title {
		return a.title > b.title
	}
	if a.count != b.count {
		return a.count > b.count
	}
	return a.id < b.id
}

// narrowAt is how many candidates the cover terms may leave before the
// junction terms are fetched as well: up to a page, checking the texts costs
// no more than the shards would.
const narrowAt = 10

// checkBudget is how many candidates' texts a query for the first limit
// results may fetch. Without it a query whose terms many documents have (but
// not together) would download thousands of texts to prove the first page;
// with it the page shows what was proven and says how many remain unchecked.
func checkBudget(limit int) int { return 2 * limit }

// Search runs q and returns up to limit results (all when limit <= 0). It
// checks candidates against their text in the order of their best possible
// rank (a title flag in the index can only be lost on checking) and stops once
// no unchecked candidate could enter the first limit, or once it has checked
// checkBudget(limit) candidates, which is what keeps the browser's downloads
// small whatever the query.
func (ix *Index) Search(q string, f Filter, limit int) (Answer, error) {
	words := dedup(QueryWords(q))
	if len(words) == 0 {
		return Answer{Exact: true}, nil
	}
	exactByIndex := true
	perWord := make([]map[int]rank, len(words))
	for wi, w := range words {
		wr := []rune(w)
		if len(wr) > 2 {
			exactByIndex = false
		}
		var err error
		if perWord[wi], err = ix.narrow(nil, queryTerms(wr)); err != nil {
			return Answer{}, err
		}
	}
	if err := ix.loadFilters(f); err != nil {
		return Answer{}, err
	}
	cands := ix.combine(perWord, f)
	if len(cands) > narrowAt {
		for wi, w := range words {
			var err error
			if perWord[wi], err = ix.narrow(perWord[wi], junctionTerms([]rune(w))); err != nil {
				return Answer{}, err
			}
		}
		cands = ix.combine(perWord, f)
	}

	var found []Result
	checked := 0
	for _, c := range cands {
		if limit > 0 && (checked >= checkBudget(limit) || len(found) >= limit && !c.before(rankOf(found[limit-1]))) {
			break
		}
		checked++
		rec, err := ix.record(c.id)
		if err != nil {
			return Answer{}, err
		}
		res, ok := verify(rec, words)
		if !ok {
			continue
		}
		res.ID, res.Count = c.id, c.count
		found = append(found, res)
		sort.SliceStable(found, func(a, b int) bool { return rankOf(found[a]).before(rankOf(found[b])) })
	}
	ans := Answer{Results: found, Total: len(found), Exact: true}
	if checked < len(cands) {
		ans.Total = len(found) + len(cands) - checked
		ans.Exact = exactByIndex
		if exactByIndex {
			ans.Total = len(cands)
		}
	}
	if limit > 0 && len(ans.Results) > limit {
		ans.Results = ans.Results[:limit]
	}
	return ans, nil
}

// narrow intersects a word's bounds with the postings of terms (the first
// term's postings when bounds is nil). A word's bound: in the title only if
// every term is, and at most as many occurrences as its rarest term.
func (ix *Index) narrow(bounds map[int]rank, terms []string) (map[int]rank, error) {
	for _, t := range terms {
		p, err := ix.postings(t)
		if err != nil {
			return nil, err
		}
		next := map[int]rank{}
		for id, v := range p {
			r := rank{title: v & 1, count: v >> 1, id: id}
			if bounds != nil {
				old, ok := bounds[id]
				if !ok {
					continue
				}
				r.title = min(r.title, old.title)
				r.count = min(r.count, old.count)
			}
			next[id] = r
		}
		bounds = next
	}
	return bounds, nil
}

// combine returns the documents every word may occur in that pass the filter,
// best possible rank first: title words and counts add up over the words.
func (ix *Index) combine(perWord []map[int]rank, f Filter) []rank {
	var cands []rank
	for id, r := range perWord[0] {
		for _, wb := range perWord[1:] {
			b, ok := wb[id]
			if !ok {
				r.id = -1
				break
			}
			r.title += b.title
			r.count += b.count
		}
		if r.id >= 0 && ix.keep(id, f) {
			cands = append(cands, r)
		}
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].before(cands[b]) })
	return cands
}

func rankOf(r Result) rank { return rank{r.TitleWords, r.Count, r.ID} }

// loadFilters reads filters.json when f needs it and it is not yet read.
func (ix *Index) loadFilters(f Filter) error {
	if ix.filters != nil || f.Kind == "" && f.Topic == "" {
		return nil
	}
	fl := &filters{}
	if err := ix.read("filters.json", fl); err != nil {
		return fmt.Errorf("read filters: %w", err)
	}
	ix.filters = fl
	return nil
}

func (ix *Index) keep(id int, f Filter) bool {
	m := ix.filters
	if f.Kind != "" && ix.meta.Kinds[digitVal[m.Kind[id]]] != f.Kind {
		return false
	}
	if f.Year != 0 && ix.year(id) != f.Year {
		return false
	}
	if f.Topic != "" {
		code := 0
		for i := 0; i < m.TopicWidth; i++ {
			code = code*len(digits) + int(digitVal[m.Topic[id*m.TopicWidth+i]])
		}
		if code == 0 || ix.meta.Topics[code-1] != f.Topic {
			return false
		}
	}
	return true
}

func (ix *Index) year(id int) int {
	y := 0
	for _, b := range ix.meta.Years {
		if b[1] > id {
			break
		}
		y = b[0]
	}
	return y
}

// verify is the check that makes results exact: every word must be a
// substring of the compact form of one field.
func verify(rec *record, words []string) (Result, bool) {
	res := Result{URL: rec.URL, Title: rec.Title, Kind: rec.Kind, Date: rec.Date, IndexNo: rec.IndexNo, DocNo: rec.DocNo}
	fields := rec.fields()
	comp := make([][]rune, len(fields))
	for i, f := range fields {
		comp[i], _ = compact(f)
	}
	for _, w := range words {
		wr := []rune(w)
		found := false
		for fi, c := range comp {
			if indexRunes(c, wr, 0) >= 0 {
				found = true
				if fi == 0 {
					res.TitleWords++
				}
				break
			}
		}
		if !found {
			return Result{}, false
		}
	}
	res.Snippet = snippet(rec.Text, words)
	return res, true
}

// indexRunes returns the first index at or after from where w occurs in c,
// or -1.
func indexRunes(c, w []rune, from int) int {
	for i := from; i+len(w) <= len(c); i++ {
		if runesAt(c, w, i) {
			return i
		}
	}
	return -1
}

func runesAt(c, w []rune, i int) bool {
	for j := range w {
		if c[i+j] != w[j] {
			return false
		}
	}
	return true
}

// snippetRadius is how many characters of context a snippet shows on each
// side of the first match.
const snippetRadius = 40

// snippet returns HTML of the text around the first match, every match in
// the window marked. Matches are found in compact form and mapped back, so a
// match across a line break or brackets is marked as one span.
func snippet(text string, words []string) string {
	c, at := compact(text)
	type span struct{ from, to int } // byte offsets in text
	var spans []span
	for _, w := range words {
		wr := []rune(w)
		for i := 0; i+len(wr) <= len(c); i++ {
			if runesAt(c, wr, i) {
				last := at[i+len(wr)-1]
				_, size := utf8.DecodeRuneInString(text[last:])
				spans = append(spans, span{at[i], last + size})
			}
		}
	}
	rs := []rune(text)
	if len(spans) == 0 {
		return html.EscapeString(string(rs[:min(len(rs), 2*snippetRadius)]))
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].from < spans[b].from })
	// Work in runes for the window, bytes for the spans.
	first := len([]rune(text[:spans[0].from]))
	lo := max(0, first-snippetRadius)
	hi := min(len(rs), first+snippetRadius)
	loB := len(string(rs[:lo]))
	hiB := len(string(rs[:hi]))
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := loB
	for _, s := range spans {
		if s.from < pos || s.from >= hiB {
			continue
		}
		to := min(s.to, hiB)
		b.WriteString(html.EscapeString(text[pos:s.from]))
		b.WriteString("<mark>" + html.EscapeString(text[s.from:to]) + "</mark>")
		pos = to
	}
	b.WriteString(html.EscapeString(text[pos:hiB]))
	if hi < len(rs) {
		b.WriteString("…")
	}
	return b.String()
}

func dedup(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
