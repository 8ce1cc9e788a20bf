package search

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"math"
	"slices"
	"sort"
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
	lapsed  []bool // by id: expired or repealed
	filters *filters
	shards  map[int]map[string]string
	members map[int]map[int]bool // terms/ files read: big terms' documents
	chunks  map[int][]posting    // ranks/ files read: big terms' postings in rank order
	recs    map[int]*record
	// seen[id] == gen marks the documents the current candidates call has
	// scored; a call begins by increasing gen, so nothing is cleared.
	seen []uint32
	gen  uint32
	// Scored counts the candidates whose bound has been computed, for the
	// test that a query of common words scores only the few it may check.
	Scored int
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
	// Count is how often the forms found occur in the document's fields, up
	// to maxCount for each word, summed: each term of a form occurs at least
	// as often, so the index bounds it (and the other figures) before any
	// text is fetched; with ID (newest first) they rank results.
	Words, Exact, Class, Literal, Count int
	// Snippet is HTML: body text around the first match, matches in <mark>.
	Snippet string
}

// Answer is the outcome of one query.
type Answer struct {
	Results []Result
	// Total is the number of matching documents when Exact, otherwise an upper
	// bound: the results found and the documents the index has not ruled out
	// that are not yet checked against their text.
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
	ix := &Index{fsys: fsys, shards: map[int]map[string]string{}, members: map[int]map[int]bool{}, chunks: map[int][]posting{},
		recs: map[int]*record{}}
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
	ix.lapsed = make([]bool, ix.meta.Docs)
	id := -1
	for _, g := range gaps {
		id += g + 1
		if id >= ix.meta.Docs {
			return nil, fmt.Errorf("open search index: lapsed document %d of %d", id, ix.meta.Docs)
		}
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

// termEntry is a term as its shard gives it: a small term's postings
// (document → postings value), or where a big term's files are.
type termEntry struct {
	vals map[int]int
	list []posting // vals in id order
	big  *bigTerm
}

func (ix *Index) entry(term string) (termEntry, error) {
	s, err := ix.shard(term)
	if err != nil {
		return termEntry{}, err
	}
	list := s[term]
	if strings.HasPrefix(list, "*") {
		b, err := parseBigRef(list)
		if err != nil {
			return termEntry{}, fmt.Errorf("term %q: %w", term, err)
		}
		return termEntry{big: &b}, nil
	}
	gaps, vals, err := decodePostings(list)
	if err != nil {
		return termEntry{}, fmt.Errorf("term %q: %w", term, err)
	}
	out := make(map[int]int, len(gaps))
	byID := make([]posting, len(gaps))
	id := -1
	for i, g := range gaps {
		id += g + 1
		out[id] = vals[i]
		byID[i] = posting{id, vals[i]}
	}
	return termEntry{vals: out, list: byID}, nil
}

// membersOf returns the documents of a big term (its terms/ file).
func (ix *Index) membersOf(b *bigTerm) (map[int]bool, error) {
	if m, ok := ix.members[b.file]; ok {
		return m, nil
	}
	var list string
	if err := ix.read(filePath("terms", b.file), &list); err != nil {
		return nil, fmt.Errorf("read term: %w", err)
	}
	gaps, err := decodeNums(list)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filePath("terms", b.file), err)
	}
	m := make(map[int]bool, len(gaps))
	id := -1
	for _, g := range gaps {
		id += g + 1
		m[id] = true
	}
	if len(m) != b.df {
		return nil, fmt.Errorf("%s: %d documents, want %d", filePath("terms", b.file), len(m), b.df)
	}
	ix.members[b.file] = m
	return m, nil
}

// chunk returns chunk k of a big term's postings in rank order.
func (ix *Index) chunk(b *bigTerm, k int) ([]posting, error) {
	n := b.first + k
	if c, ok := ix.chunks[n]; ok {
		return c, nil
	}
	var s string
	if err := ix.read(filePath("ranks", n), &s); err != nil {
		return nil, fmt.Errorf("read ranked postings: %w", err)
	}
	c, err := decodeChunk(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filePath("ranks", n), err)
	}
	ix.chunks[n] = c
	return c, nil
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
// id). valid counts, for a result, its words when it is valid: among
// documents with as many words that is the validity itself, and it lets a
// bound be a sum over the words (see contrib).
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

// memberRatio: a big term's documents are fetched to narrow a word's
// candidates only when at most one document in memberRatio is in it, or
// out of it. Its file costs about a bit a document at even odds, more than
// the texts it would spare (a common pair of a word is in nearly every
// document that has the word's other pairs), and little when nearly every
// document, or very few, have the term.
const memberRatio = 16

// narrowAt is how many candidates the cover terms may leave before the
// junction terms are fetched as well: up to a page, checking the texts costs
// no more than the shards would.
const narrowAt = 10

// checkBudget is how many candidates' texts a query for the first limit
// results may fetch. Without it a query whose terms many documents have (but
// not together) would download thousands of texts to prove the first page;
// with it the page shows what was proven and says how many remain unchecked.
var checkBudget = func(limit int) int { return 2 * limit }

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
// srcs[i] what the index says of alts[i].
type word struct {
	alts []string
	srcs []*source
}

// source is what the index says of one form of a word (as typed or an
// equivalent): the documents that may contain it and a bound of its
// postings value in each, from the terms the form is made of (any document
// that contains the form contains all of them). Complete when one of its
// terms is small: the postings of its small terms, intersected, bound every
// candidate. Otherwise its values come from the ranked postings of one big
// term, the one with the fewest documents (stream), read chunk by chunk
// only as far as the first page needs; in then holds the documents of its
// other big terms, intersected (nil when there are none), and a document
// of the stream outside in is no candidate.
type source struct {
	literal  bool
	complete bool
	vals     map[int]int // complete: every candidate's bound
	// got[id], not complete, is 1 + the value of document id's posting
	// read so far (in in), 0 when none is: an array, where a map took
	// most of a query of common words to fill, chunk after chunk.
	got []uint8
	in  map[int]bool // documents of the big terms other than stream (nil: not restricted)
	// order is vals in the order candidates reads them: complete, by id
	// (as search.js's Map keeps them); else in rank order, chunk by chunk
	// (the chunks themselves when in is nil).
	order  [][]posting
	stream *bigTerm
	read   int     // chunks of stream read
	last   posting // the last posting read, when read > 0
	lastOK int     // 1 when last is of a valid document
}

// live reports a source whose stream has postings left to read.
func (s *source) live() bool { return !s.complete && s.read < s.stream.chunks }

// addTerms narrows s with the index's terms of its form. Small terms are
// intersected first; then, unless the source is complete with at most
// narrowAt candidates already, big terms by their documents, the fewest
// first, and the first big term of a source that has no small term becomes
// its stream instead.
func (ix *Index) addTerms(s *source, terms []string) error {
	var bigs []*bigTerm
	var byID []posting // a superset of the documents of a complete source, by id
	if s.complete {
		byID = s.order[0]
	}
	for _, t := range terms {
		e, err := ix.entry(t)
		if err != nil {
			return err
		}
		if e.big != nil {
			bigs = append(bigs, e.big)
			continue
		}
		if !s.complete {
			s.complete, s.vals, byID = true, e.vals, e.list
			continue
		}
		next := map[int]int{}
		for id, v := range e.vals {
			if old, ok := s.vals[id]; ok {
				next[id] = min(old>>2, v>>2)<<2 | min(old&3, v&3)
			}
		}
		s.vals = next
	}
	sort.SliceStable(bigs, func(a, b int) bool { return bigs[a].df < bigs[b].df })
	for _, b := range bigs {
		if !s.complete && s.stream == nil {
			s.stream = b
			continue
		}
		if s.complete && len(s.vals) <= narrowAt {
			break
		}
		if n := ix.meta.Docs; memberRatio*min(b.df, n-b.df) > n {
			continue
		}
		m, err := ix.membersOf(b)
		if err != nil {
			return err
		}
		if s.complete {
			for id := range s.vals {
				if !m[id] {
					delete(s.vals, id)
				}
			}
			continue
		}
		if s.in == nil {
			s.in = maps.Clone(m)
			continue
		}
		for id := range s.in {
			if !m[id] {
				delete(s.in, id)
			}
		}
	}
	if s.complete && s.in != nil {
		for id := range s.vals {
			if !s.in[id] {
				delete(s.vals, id)
			}
		}
		s.in = nil
	}
	if s.complete {
		kept := make([]posting, 0, len(s.vals))
		for _, p := range byID {
			if v, ok := s.vals[p.id]; ok {
				kept = append(kept, posting{p.id, v})
			}
		}
		s.order = [][]posting{kept}
	}
	return nil
}

// size is an upper bound of the documents that pass f and may contain the
// source's form.
func (ix *Index) size(s *source, f Filter) int {
	n := 0
	switch {
	case s.complete:
		for id := range s.vals {
			if ix.keep(id, f) {
				n++
			}
		}
		return n
	case s.in != nil:
		for id := range s.in {
			if ix.keep(id, f) {
				n++
			}
		}
		return min(n, s.stream.df)
	}
	return s.stream.df
}

// contrib is what one word adds to a document's rank (see rank): valid is
// the document's validity, counted once per word it contains, which ranks
// as the validity itself among documents with as many words.
type contrib struct{ exact, valid, class, literal, count int }

func (a contrib) less(b contrib) bool {
	switch {
	case a.exact != b.exact:
		return a.exact < b.exact
	case a.valid != b.valid:
		return a.valid < b.valid
	case a.class != b.class:
		return a.class < b.class
	case a.literal != b.literal:
		return a.literal < b.literal
	}
	return a.count < b.count
}

// contribOf is the bound a postings value v gives a word in a document of
// the given validity (1 or 0): a number class is a possible exact number
// and a possible title.
func contribOf(v int, literal bool, valid int) contrib {
	c := contrib{valid: valid, class: min(v&3, classTitle), count: v >> 2}
	if v&3 == classNumber {
		c.exact = 1
	}
	if literal {
		c.literal = 1
	}
	return c
}

func (r *rank) add(c contrib) {
	r.words++
	r.exact += c.exact
	r.valid += c.valid
	r.class += c.class
	r.literal += c.literal
	r.count += c.count
}

// frontier bounds what the unread postings of a live source give a word:
// at most what its last posting read gave (the chunks are in rank order),
// and anything before the first chunk is read.
func (s *source) frontier() contrib {
	if s.read == 0 {
		return contrib{exact: 1, valid: 1, class: classTitle, literal: 1, count: maxCount}
	}
	return contribOf(s.last.v, s.literal, s.lastOK)
}

// bound is what the source says of a word in document id: its value, or,
// when the document may be in the stream's unread postings, the frontier.
func (s *source) bound(id, valid int) (contrib, bool) {
	if v, ok := s.vals[id]; ok {
		return contribOf(v, s.literal, valid), true
	}
	if s.got != nil && s.got[id] > 0 {
		return contribOf(int(s.got[id])-1, s.literal, valid), true
	}
	if !s.live() || s.in != nil && !s.in[id] {
		return contrib{}, false
	}
	return s.frontier(), true
}

// bound is the best rank document id may have from what has been read.
func (ix *Index) bound(ws []word, id int) rank {
	valid := ix.valid(id)
	r := rank{id: id}
	for _, w := range ws {
		var best contrib
		found := false
		for _, s := range w.srcs {
			if c, ok := s.bound(id, valid); ok && (!found || best.less(c)) {
				best, found = c, true
			}
		}
		if found {
			r.add(best)
		}
	}
	return r
}

// unseen bounds the rank of every document no source has read yet: each
// word at its live sources' best frontier, and, among equals, a document
// after the last one read (an unread posting of a rank comes after the
// read ones of that rank). ok is false when no source is live.
func unseen(ws []word) (r rank, ok bool) {
	r.id = math.MaxInt
	for _, w := range ws {
		var best contrib
		found := false
		for _, s := range w.srcs {
			if !s.live() {
				continue
			}
			if c := s.frontier(); !found || best.less(c) {
				best, found = c, true
			}
			next := 0
			if s.read > 0 {
				next = s.last.id + 1
			}
			r.id = min(r.id, next)
		}
		if found {
			r.add(best)
		}
	}
	return r, r.words > 0
}

// advance reads the next chunk of the first live source whose frontier is
// its word's best, the one that holds unseen's bound up.
func (ix *Index) advance(ws []word) error {
	for _, w := range ws {
		var best *source
		for _, s := range w.srcs {
			if s.live() && (best == nil || best.frontier().less(s.frontier())) {
				best = s
			}
		}
		if best == nil {
			continue
		}
		c, err := ix.chunk(best.stream, best.read)
		if err != nil {
			return err
		}
		if best.got == nil {
			best.got = make([]uint8, ix.meta.Docs)
		}
		kept := c
		if best.in != nil {
			kept = nil
		}
		for _, p := range c {
			if best.in == nil || best.in[p.id] {
				best.got[p.id] = uint8(p.v + 1)
				if best.in != nil {
					kept = append(kept, p)
				}
			}
		}
		best.order = append(best.order, kept)
		best.read++
		if len(c) > 0 {
			best.last, best.lastOK = c[len(c)-1], ix.valid(c[len(c)-1].id)
		}
		return nil
	}
	return nil
}

// candidates returns the documents read so far that pass f and are not
// yet checked, best possible rank first: all of them when k <= 0, else the
// first k. The loop of run checks candidates in this order until it has
// checked checkBudget(limit), so budget-checked+1 of them (the one after
// the last that may be checked included) answer exactly as all would.
//
// Only those are worth a bound. A word's other sources and the other
// words give any document at most their best (bestOf); a posting of a
// source read for word w therefore bounds its document by its own
// contribution (or the other sources' best, if higher) plus the other
// words' best, and a document whose bound cannot come before the k-th
// kept is skipped unscored. A stream's postings are read in rank order,
// so the first such posting of a stream ends its reading: the query of two
// common words, each in nearly every document, scores a few dozen
// documents, not every one that has either word.
func (ix *Index) candidates(ws []word, f Filter, checked map[int]bool, k int) []rank {
	if len(ix.seen) < ix.meta.Docs {
		ix.seen = make([]uint32, ix.meta.Docs)
	}
	ix.gen++
	best := make([][]contrib, len(ws))
	has := make([][]bool, len(ws))
	for i, w := range ws {
		best[i], has[i] = make([]contrib, len(w.srcs)), make([]bool, len(w.srcs))
		for j, s := range w.srcs {
			best[i][j], has[i][j] = ix.bestOf(s)
		}
	}
	var out []rank
	for i, w := range ws {
		// rest: what the other words may add to any document.
		var rest rank
		for i2 := range ws {
			var b contrib
			found := false
			for j := range ws[i2].srcs {
				if has[i2][j] && (!found || b.less(best[i2][j])) {
					b, found = best[i2][j], true
				}
			}
			if found && i2 != i {
				rest.add(b)
			}
		}
		for j, s := range w.srcs {
			// other: the best of the word's other sources.
			var other contrib
			otherOK := false
			for j2 := range w.srcs {
				if j2 != j && has[i][j2] && (!otherOK || other.less(best[i][j2])) {
					other, otherOK = best[i][j2], true
				}
			}
			// visit scores a posting's document unless it cannot be among the
			// first k, and reports a stream (sorted) that cannot give more.
			visit := func(id, v int, sorted bool) (stop bool) {
				if ix.seen[id] == ix.gen || checked[id] || !ix.keep(id, f) {
					return false
				}
				if k > 0 && len(out) == k {
					u, uid := contribOf(v, s.literal, ix.valid(id)), id
					if otherOK && !other.less(u) {
						// Later postings may have lower ids as well.
						u = other
						if sorted {
							uid = -1
						}
					}
					r := rest
					r.add(u)
					r.id = uid
					if !r.before(out[k-1]) {
						return sorted
					}
				}
				ix.seen[id] = ix.gen
				ix.Scored++
				r := ix.bound(ws, id)
				if k <= 0 {
					out = append(out, r)
					return false
				}
				if len(out) == k && !r.before(out[k-1]) {
					return false
				}
				at := sort.Search(len(out), func(n int) bool { return r.before(out[n]) })
				if len(out) < k {
					out = append(out, rank{})
				}
				copy(out[at+1:], out[at:len(out)-1])
				out[at] = r
				return false
			}
		read:
			for _, c := range s.order {
				for _, p := range c {
					if visit(p.id, p.v, !s.complete) {
						break read
					}
				}
			}
		}
	}
	if k <= 0 {
		sort.Slice(out, func(a, b int) bool { return out[a].before(out[b]) })
	}
	return out
}

// bestOf is the best contribution s may give any document: a read
// posting's (the first, for a stream) or, while it is live, its frontier.
// ok is false when s gives none.
func (ix *Index) bestOf(s *source) (b contrib, ok bool) {
	if s.live() {
		b, ok = s.frontier(), true
	}
	if s.complete {
		for _, p := range s.order[0] {
			if c := contribOf(p.v, s.literal, ix.valid(p.id)); !ok || b.less(c) {
				b, ok = c, true
			}
		}
		return b, ok
	}
	for _, c := range s.order {
		if len(c) > 0 {
			if h := contribOf(c[0].v, s.literal, ix.valid(c[0].id)); !ok || b.less(h) {
				b, ok = h, true
			}
			break
		}
	}
	return b, ok
}

// valid is 1 for a valid document, 0 for an expired or repealed one.
func (ix *Index) valid(id int) int {
	if ix.lapsed[id] {
		return 0
	}
	return 1
}

// run answers the compact words: it is Search without the near misses.
// It checks candidates against their text in the order of their best
// possible rank, reads a stream's next chunk whenever a document not read
// yet could rank before every candidate, and stops once nothing unchecked
// could enter the first limit, or once it has checked checkBudget(limit)
// candidates, which is what keeps the browser's downloads small whatever
// the query.
func (ix *Index) run(words []string, f Filter, limit int) (Answer, error) {
	ws := make([]word, len(words))
	exactByIndex := true
	for i, w := range words {
		s := &source{literal: true}
		if err := ix.addTerms(s, queryTerms([]rune(w))); err != nil {
			return Answer{}, err
		}
		eq, err := ix.equivalents(w)
		if err != nil {
			return Answer{}, err
		}
		ws[i] = word{alts: append([]string{w}, eq...), srcs: []*source{s}}
	}
	for i := range ws {
		for _, a := range ws[i].alts[1:] {
			s := &source{}
			if err := ix.addTerms(s, queryTerms([]rune(a))); err != nil {
				return Answer{}, err
			}
			ws[i].srcs = append(ws[i].srcs, s)
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
	if ix.sizes(ws, f) > narrowAt {
		for i := range ws {
			for j, a := range ws[i].alts {
				if err := ix.addTerms(ws[i].srcs[j], junctionTerms([]rune(a))); err != nil {
					return Answer{}, err
				}
			}
		}
	}

	var found []Result
	checked := map[int]bool{}
	// keep is how many candidates the loop may still use (see candidates).
	keep := func() int {
		if limit <= 0 {
			return 0
		}
		return checkBudget(limit) - len(checked) + 1
	}
	cands, next := ix.candidates(ws, f, checked, keep()), 0
	finished := false
	for {
		top, live := unseen(ws)
		readNext := live && (next == len(cands) || !cands[next].before(top))
		if !readNext {
			if next == len(cands) {
				finished = true
				break
			}
			top = cands[next]
		}
		if limit > 0 && (len(found) >= limit && !top.before(rankOf(found[limit-1])) || len(checked) >= checkBudget(limit)) {
			break
		}
		if readNext {
			if err := ix.advance(ws); err != nil {
				return Answer{}, err
			}
			cands, next = ix.candidates(ws, f, checked, keep()), 0
			continue
		}
		c := cands[next]
		next++
		checked[c.id] = true
		rec, err := ix.record(c.id)
		if err != nil {
			return Answer{}, err
		}
		res, ok := verify(rec, ws)
		if !ok {
			continue
		}
		res.ID = c.id
		if limit <= 0 {
			found = append(found, res) // sorted once, at the end
			continue
		}
		// Kept in rank order as they come, for the test of the first page.
		r := rankOf(res)
		at := sort.Search(len(found), func(i int) bool { return r.before(rankOf(found[i])) })
		found = slices.Insert(found, at, res)
	}
	sort.Slice(found, func(a, b int) bool { return rankOf(found[a]).before(rankOf(found[b])) })
	ans := Answer{Results: found, Total: len(found), Exact: true, Words: words}
	if !finished {
		ans.Exact = false
		ans.Total = len(found) + ix.sizes(ws, f) - len(checked)
		if exactByIndex {
			if n, ok := ix.known(ws, f); ok {
				ans.Total, ans.Exact = n, true
			}
		}
	}
	if limit > 0 && len(ans.Results) > limit {
		ans.Results = ans.Results[:limit]
	}
	return ans, nil
}

// sizes is an upper bound of the documents that pass f and may contain
// some word: the sum of the sources' sizes.
func (ix *Index) sizes(ws []word, f Filter) int {
	n := 0
	for _, w := range ws {
		for _, s := range w.srcs {
			n += ix.size(s, f)
		}
	}
	return n
}

// known returns, for words whose every form is one term, how many documents
// pass f and contain some word, when the index has said it: every source
// complete or read to its end, or a single stream with no filter.
func (ix *Index) known(ws []word, f Filter) (int, bool) {
	var all []*source
	for _, w := range ws {
		all = append(all, w.srcs...)
	}
	if len(all) == 1 && all[0].live() && all[0].in == nil && f == (Filter{}) {
		return all[0].stream.df, true
	}
	ids := map[int]bool{}
	for _, s := range all {
		if s.live() {
			return 0, false
		}
		for _, c := range s.order {
			for _, p := range c {
				if ix.keep(p.id, f) {
					ids[p.id] = true
				}
			}
		}
	}
	return len(ids), true
}

func rankOf(r Result) rank {
	valid := r.Words
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
		// Occurrences of the form found, everywhere in the document, as the
		// index counts its terms (overlapping, capped): a term of the form
		// occurs at least as often, so the index bounds this from above.
		ar, n := []rune(res.Matched[wi]), 0
		for _, c := range comp {
			for i := indexRunes(c, ar, 0); i >= 0 && n < maxCount; i = indexRunes(c, ar, i+1) {
				n++
			}
		}
		res.Count += n
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
