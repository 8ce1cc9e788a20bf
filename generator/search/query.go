package search

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"slices"
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
	lapsed  map[int]bool
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
	ID                                                 int
	URL, Title, ShortTitle, Kind, Date, IndexNo, DocNo string
	Validity                                           string // "" when valid, else expired or repealed
	// Matched holds, for each word of the query (Answer.Words), the form
	// found in the document: the word itself, one of its equivalents, or ""
	// when the document lacks the word (a query of several words also
	// finds documents with only some of them, after those with all).
	Matched []string
	// Words is how many query words the document contains, Exact how many
	// are its whole 发文字号 or 索引号, Class the sum over the words of the
	// best field class each is in (title 2, keywords and summary 1, else 0),
	// Literal how many are found as typed rather than as an equivalent.
	// Count is how often the query's terms occur in the document, from the
	// index: for each word the count of its rarest term, summed. Counting
	// from the index rather than the text is what lets the ranking be known
	// before any text is fetched; with ID (newest first) they rank results.
	Words, Exact, Class, Literal, Count int
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
	// Words are the compact words the results answer, Results' Matched in
	// the same order: the query's, or, when NearMiss, the longest parts of
	// them that some document contains (nothing contained the query's).
	Words    []string
	NearMiss bool
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
	gaps, err := decodeNums(ix.meta.Lapsed)
	if err != nil {
		return nil, fmt.Errorf("open search index: lapsed: %w", err)
	}
	ix.lapsed = map[int]bool{}
	id := -1
	for _, g := range gaps {
		id += g + 1
		ix.lapsed[id] = true
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

// shard returns the shard that holds term.
func (ix *Index) shard(term string) (map[string]string, error) {
	n := shardOf(term, ix.meta.Shards)
	s, ok := ix.shards[n]
	if !ok {
		if err := ix.read(filePath("shards", n), &s); err != nil {
			return nil, fmt.Errorf("read shard: %w", err)
		}
		ix.shards[n] = s
	}
	return s, nil
}

func (ix *Index) postings(term string) (map[int]int, error) {
	s, err := ix.shard(term)
	if err != nil {
		return nil, err
	}
	list := s[term]
	if strings.HasPrefix(list, "*") { // a term with a file of its own
		n, err := strconv.Atoi(list[1:])
		if err != nil {
			return nil, fmt.Errorf("term %q: bad reference %q", term, list)
		}
		var ok bool
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

// equivalents returns the words listed as equivalent to the compact word w,
// from the shard of its first cover term (already read by the time a query
// asks).
func (ix *Index) equivalents(w string) ([]string, error) {
	s, err := ix.shard(synonymShardTerm(w))
	if err != nil {
		return nil, err
	}
	if e := s[synonymPrefix+w]; e != "" {
		return strings.Split(e, synonymSep), nil
	}
	return nil, nil
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

// rank orders results and bounds: more of the query's words; more of them
// being a whole 发文字号 or 索引号; valid before expired or repealed; better
// field classes (title, then keywords and summary, then the rest); more
// words as typed rather than as equivalents; more occurrences; newer (lower
// id).
type rank struct{ words, exact, valid, class, literal, count, id int }

func (a rank) before(b rank) bool {
	switch {
	case a.words != b.words:
		return a.words > b.words
	case a.exact != b.exact:
		return a.exact > b.exact
	case a.valid != b.valid:
		return a.valid > b.valid
	case a.class != b.class:
		return a.class > b.class
	case a.literal != b.literal:
		return a.literal > b.literal
	case a.count != b.count:
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

// minPart is the length of the shortest part of a word a near miss looks
// for: single characters would match nearly every document.
const minPart = 2

// Search runs q and returns up to limit results (all when limit <= 0).
//
// Each word of q matches a document that contains it or one of its
// equivalents; with several words, documents that contain all of them rank
// first and those with only some follow. When no document contains any word
// of q (and that is proven, not just unchecked), Search looks for the
// longest parts of the words, down to minPart characters, that some
// documents contain, and answers with those (NearMiss).
func (ix *Index) Search(q string, f Filter, limit int) (Answer, error) {
	words := dedup(QueryWords(q))
	if len(words) == 0 {
		return Answer{Exact: true}, nil
	}
	ans, err := ix.run(words, f, limit)
	if err != nil || len(ans.Results) > 0 || !ans.Exact {
		return ans, err
	}
	longest := 0
	for _, w := range words {
		longest = max(longest, len([]rune(w)))
	}
	for l := longest - 1; l >= minPart; l-- {
		parts := partsOf(words, l)
		near, err := ix.run(parts, f, limit)
		if err != nil {
			return Answer{}, err
		}
		if len(near.Results) > 0 || !near.Exact {
			near.NearMiss = true
			return near, nil
		}
	}
	return ans, nil
}

// partsOf returns the distinct substrings of length l of the words, word
// by word, left to right.
func partsOf(words []string, l int) []string {
	var out []string
	for _, w := range words {
		r := []rune(w)
		for i := 0; i+l <= len(r); i++ {
			out = append(out, string(r[i:i+l]))
		}
	}
	return dedup(out)
}

// word is a query word with its equivalents: alts[0] is the word, and
// bounds[i] the documents alts[i] may occur in, with values as in postings
// (min(count, maxCount)<<2 | class).
type word struct {
	alts   []string
	bounds []map[int]int
}

// run answers the compact words: it is Search without the near misses.
// It checks candidates against their text in the order of their best
// possible rank and stops once no unchecked candidate could enter the first
// limit, or once it has checked checkBudget(limit) candidates, which is what
// keeps the browser's downloads small whatever the query.
func (ix *Index) run(words []string, f Filter, limit int) (Answer, error) {
	ws := make([]word, len(words))
	for i, w := range words {
		b, err := ix.narrow(nil, queryTerms([]rune(w)))
		if err != nil {
			return Answer{}, err
		}
		eq, err := ix.equivalents(w)
		if err != nil {
			return Answer{}, err
		}
		ws[i] = word{alts: append([]string{w}, eq...), bounds: []map[int]int{b}}
	}
	exactByIndex := true
	for i := range ws {
		for _, a := range ws[i].alts[1:] {
			b, err := ix.narrow(nil, queryTerms([]rune(a)))
			if err != nil {
				return Answer{}, err
			}
			ws[i].bounds = append(ws[i].bounds, b)
		}
		for _, a := range ws[i].alts {
			if len([]rune(a)) > 2 {
				exactByIndex = false
			}
		}
	}
	if err := ix.loadFilters(f); err != nil {
		return Answer{}, err
	}
	cands := ix.combine(ws, f)
	if len(cands) > narrowAt {
		for i := range ws {
			for j, a := range ws[i].alts {
				var err error
				if ws[i].bounds[j], err = ix.narrow(ws[i].bounds[j], junctionTerms([]rune(a))); err != nil {
					return Answer{}, err
				}
			}
		}
		cands = ix.combine(ws, f)
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
		res, ok := verify(rec, ws)
		if !ok {
			continue
		}
		res.ID, res.Count = c.id, c.count
		// Kept in rank order as they come, a result after those it does not
		// rank before (a stable sort, without sorting all again each time).
		r := rankOf(res)
		at := sort.Search(len(found), func(i int) bool { return r.before(rankOf(found[i])) })
		found = slices.Insert(found, at, res)
	}
	ans := Answer{Results: found, Total: len(found), Exact: true, Words: words}
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
// term's postings when bounds is nil). A word's bound: the least class and
// the fewest occurrences of its terms, since the word is only where all its
// terms are.
func (ix *Index) narrow(bounds map[int]int, terms []string) (map[int]int, error) {
	for _, t := range terms {
		p, err := ix.postings(t)
		if err != nil {
			return nil, err
		}
		if bounds == nil {
			bounds = p
			continue
		}
		next := map[int]int{}
		for id, v := range p {
			if old, ok := bounds[id]; ok {
				next[id] = min(old>>2, v>>2)<<2 | min(old&3, v&3)
			}
		}
		bounds = next
	}
	return bounds, nil
}

// combine returns the documents any word may occur in that pass the filter,
// best possible rank first. A word's bound in a document is the best of its
// equivalents'; the bounds add up over the words. A number class counts as
// a possible exact number and as a possible title.
func (ix *Index) combine(ws []word, f Filter) []rank {
	byID := map[int]*rank{}
	var ids []int
	for _, w := range ws {
		best := map[int]int{}
		for _, b := range w.bounds {
			for id, v := range b {
				old, ok := best[id]
				if !ok {
					best[id] = v
					continue
				}
				best[id] = max(old>>2, v>>2)<<2 | max(old&3, v&3)
			}
		}
		for id, v := range best {
			r := byID[id]
			if r == nil {
				r = &rank{id: id}
				if !ix.lapsed[id] {
					r.valid = 1
				}
				byID[id] = r
				ids = append(ids, id)
			}
			r.words++
			if _, ok := w.bounds[0][id]; ok {
				r.literal++
			}
			if v&3 == classNumber {
				r.exact++
			}
			r.class += min(v&3, classTitle)
			r.count += v >> 2
		}
	}
	var cands []rank
	for _, id := range ids {
		if ix.keep(id, f) {
			cands = append(cands, *byID[id])
		}
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].before(cands[b]) })
	return cands
}

func rankOf(r Result) rank {
	valid := 1
	if r.Validity != "" {
		valid = 0
	}
	return rank{r.Words, r.Exact, valid, r.Class, r.Literal, r.Count, r.ID}
}

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

// verify is the check that makes results exact: a word is in the document
// when the compact form of one of its equivalents is a substring of the
// compact form of a field. Of the equivalents found, the one in the best
// place counts (an exact number, then the best field class; the earlier in
// the list on a tie). ok is false when the document has none of the words.
func verify(rec *record, ws []word) (res Result, ok bool) {
	res = Result{URL: rec.URL, Title: rec.Title, ShortTitle: rec.ShortTitle, Kind: rec.Kind, Date: rec.Date,
		IndexNo: rec.IndexNo, DocNo: rec.DocNo, Validity: rec.Validity, Matched: make([]string, len(ws))}
	fields := rec.fields()
	if rec.comp == nil {
		rec.comp = make([][]rune, len(fields))
		for i, f := range fields {
			if i == textField {
				rec.comp[i], rec.textAt = compact(f.text)
			} else {
				rec.comp[i], _ = compact(f.text)
			}
		}
	}
	comp := rec.comp
	var marks []string
	for wi, w := range ws {
		bestExact, bestClass := -1, -1
		for _, a := range w.alts {
			ar := []rune(a)
			exact, class := -1, -1
			for fi, c := range comp {
				if indexRunes(c, ar, 0) < 0 {
					continue
				}
				fc := fields[fi].class
				if fc == classNumber {
					if len(c) == len(ar) {
						exact = 1
					}
					fc = classOther
				}
				exact, class = max(exact, 0), max(class, fc)
			}
			if exact < 0 {
				continue
			}
			if exact > bestExact || exact == bestExact && class > bestClass {
				bestExact, bestClass, res.Matched[wi] = exact, class, a
			}
		}
		if bestExact < 0 {
			continue
		}
		res.Words++
		if res.Matched[wi] == w.alts[0] {
			res.Literal++
		}
		res.Exact += bestExact
		res.Class += bestClass
		marks = append(marks, res.Matched[wi])
	}
	if res.Words == 0 {
		return Result{}, false
	}
	res.Snippet = snippet(rec.Text, comp[textField], rec.textAt, marks)
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
// c and at are compact(text).
func snippet(text string, c []rune, at []int, words []string) string {
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
	if len(spans) == 0 {
		return html.EscapeString(text[:runesAfter(text, 0, 2*snippetRadius)])
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].from < spans[b].from })
	// The window is snippetRadius characters each side of the first match, in
	// bytes of text, counted from the match without decoding the whole text.
	loB := spans[0].from
	for range snippetRadius {
		if loB == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(text[:loB])
		loB -= size
	}
	hiB := runesAfter(text, spans[0].from, snippetRadius)
	var b strings.Builder
	if loB > 0 {
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
	if hiB < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// runesAfter returns the byte offset n characters after from in text, or
// len(text).
func runesAfter(text string, from, n int) int {
	for ; n > 0 && from < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[from:])
		from += size
	}
	return from
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
