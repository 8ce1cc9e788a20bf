package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Format is the layout version written to meta.json; search.js refuses an
// index of another version rather than misreading it.
const Format = 6

// docsPerFile is how many documents' records share one docs/ file. Creating a
// file costs the build far more than writing its bytes (on a busy machine
// 0.1 ms or more each, more than a third of the index build for ten
// thousand documents at one record a file), so records are packed. A query fetches the file of each
// candidate it checks and candidates are scattered over the ids, so the
// others in the file are mostly wasted bytes; two to a file costs a first
// query about half as much again in records (gzip shares their vocabulary),
// which the 100 KB budget allows, and halves the files.
const docsPerFile = 2

// shardTarget is the raw size a shard aims at, and the size of postings
// that get a file of their own (terms/). A query downloads a whole shard for
// each of its terms but needs one term of it, so small shards are what keep
// a long query (up to a dozen terms) under 100 KB; below a few KB the gzip
// and request overheads would take over. 3.5 KB: with two records to a docs
// file, the benchmark's costliest first query at 10,000 documents was 95 KB
// when this was chosen (format 4: 90 KB at 3 KB, with 350 more files; 98 KB
// at 4 KB, with 250 fewer).
var shardTarget = 7 << 9

// maxCount caps the occurrences a posting records and a result's count of a
// word: ranking needs "once, twice or more often", not the exact figure. A
// finer count would rank no better for a citizen, but it would make the
// bound a common term's postings give a word (how often the term occurs)
// further from the word's own count, and a first page would check more
// texts before it is certain.
const maxCount = 7

// meta is search/meta.json: what the client needs before any shard.
type meta struct {
	Format int `json:"format"`
	Shards int `json:"shards"`
	Docs   int `json:"docs"`
	// PerFile is docsPerFile: document id ÷ PerFile is the docs/ file that
	// holds its record, id mod PerFile its place in the file's array.
	PerFile int      `json:"perFile"`
	Kinds   []string `json:"kinds"`
	Topics  []string `json:"topics"`
	// Years lists [year, first document id] in id order; ids are assigned
	// newest first, so each year is one range.
	Years [][2]int `json:"years"`
	// Lapsed lists the ids of expired and repealed documents as id gaps
	// (appendNum each): ranking puts them after valid ones before any text
	// is fetched, and they are few, so the list costs a query almost nothing.
	Lapsed string `json:"lapsed"`
}

// filters is search/filters.json, fetched only once a kind or topic filter
// is chosen: filters run on candidates before any document file is fetched,
// so they need a value per document, which would double meta.json for the
// many queries that filter nothing.
type filters struct {
	// Kind holds one digit per document: its index in Kinds.
	Kind string `json:"kind"`
	// Topic holds TopicWidth postings digits per document: 1 + index in
	// Topics, or 0 for none.
	Topic      string `json:"topic"`
	TopicWidth int    `json:"topicWidth"`
}

// filePath is the index-relative path of file n of a kind ("docs" or
// "shards"): folders of 256 files, because creating ten thousand files in one
// folder serialises on the folder and took most of the build; search.js
// computes the same path.
func filePath(kind string, n int) string {
	return kind + "/" + strconv.Itoa(n>>8) + "/" + strconv.Itoa(n) + ".json"
}

// mkdirs creates the folders filePath uses for files 0..n-1 of kind.
func mkdirs(dir, kind string, n int) error {
	for g := 0; g <= max(0, n-1)>>8; g++ {
		if err := os.MkdirAll(filepath.Join(dir, kind, strconv.Itoa(g)), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// record is one element of a search/docs/ file (filePath("docs", id/docsPerFile)),
// fetched only for candidates: what a result shows and the text it is checked
// against.
type record struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	ShortTitle  string   `json:"s,omitempty"`
	Kind        string   `json:"k,omitempty"`
	Date        string   `json:"d,omitempty"`
	IndexNo     string   `json:"i,omitempty"`
	DocNo       string   `json:"n,omitempty"`
	Topic       string   `json:"p,omitempty"`
	Publisher   string   `json:"b,omitempty"`
	Keywords    []string `json:"w,omitempty"`
	Summary     string   `json:"m,omitempty"`
	Validity    string   `json:"v,omitempty"` // expired or repealed; valid is left out
	Attachments []string `json:"a,omitempty"`
	Text        string   `json:"x,omitempty"`

	// comp caches the compact form of fields() once a query has checked the
	// record, and textAt the byte offset of each compact character of the
	// body text (for snippets), as search.js keeps them on the record: a
	// query typed again, or the benchmark's thousands of checks, compact
	// each record once.
	comp   [][]rune
	textAt []int
}

func (r *record) fields() []field {
	d := Doc{Title: r.Title, ShortTitle: r.ShortTitle, IndexNo: r.IndexNo, DocNo: r.DocNo, Summary: r.Summary,
		Topic: r.Topic, Publisher: r.Publisher, Text: r.Text, Keywords: r.Keywords, Attachments: r.Attachments}
	return d.fields()
}

// postings accumulates one term's list while documents are added in id order.
// The postings string of a term is the id gaps (appendNum each) followed by
// one digit per document, min(count, maxCount)<<2 | class, class the best
// field class the term occurs in (see doc.go): apart, each half repeats
// itself, and gzip takes a common term's list, most of a long query's
// download, down by a tenth more than with the two interleaved.
type postings struct {
	key  uint64
	b    []byte // gaps
	v    []byte // values
	last int
}

// Write writes the index under outDir/search/, beside the search page that
// Hugo renders there, with no equivalent words. The index is built in a
// temporary folder and moved into place part by part, meta.json last: the
// script reads meta.json first, and the shard count it finds there must be
// that of the shards beside it. The bytes depend only on docs, never on their
// order.
func Write(docs []Doc, outDir string) error {
	return WriteKeeping(docs, nil, outDir, nil)
}

// WriteKeeping is Write with the site's groups of equivalent words (see
// synonyms.go), for a build that may have some of the index already: keep, when set, sees each file (its
// slash path relative to outDir, e.g. search/meta.json) before it is written, and a file it returns false for is
// not written. data is reused after keep returns.
func WriteKeeping(docs []Doc, synonyms [][]string, outDir string, keep func(rel string, data []byte) bool) error {
	tmp, err := os.MkdirTemp(outDir, ".search-")
	if err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := writeIndex(docs, synonyms, tmp, keep); err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	final := filepath.Join(outDir, "search")
	if err := os.MkdirAll(final, 0o755); err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	for _, name := range []string{"docs", "shards", "terms", "ranks", "filters.json", "meta.json"} {
		if err := os.RemoveAll(filepath.Join(final, name)); err != nil {
			return fmt.Errorf("replace search index: %w", err)
		}
		if _, err := os.Lstat(filepath.Join(tmp, name)); keep != nil && errors.Is(err, fs.ErrNotExist) {
			continue // kept: the caller has it
		}
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(final, name)); err != nil {
			return fmt.Errorf("replace search index: %w", err)
		}
	}
	return nil
}

func writeIndex(docs []Doc, synonyms [][]string, dir string, keep func(string, []byte) bool) error {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	// Newest first, so "newest first" ranking is id order and each year is a
	// range of ids; the URL breaks ties so the bytes do not depend on input order.
	sort.SliceStable(order, func(a, b int) bool {
		da, db := &docs[order[a]], &docs[order[b]]
		if da.Date != db.Date {
			return da.Date > db.Date
		}
		return da.URL < db.URL
	})

	m := meta{Format: Format, Docs: len(docs), PerFile: docsPerFile, Kinds: kindsOf(docs)}
	kindCode := map[string]int{}
	for i, k := range m.Kinds {
		kindCode[k] = i
	}
	topicSet := map[string]bool{}
	for i := range docs {
		if docs[i].Topic != "" {
			topicSet[docs[i].Topic] = true
		}
	}
	for t := range topicSet {
		m.Topics = append(m.Topics, t)
	}
	sort.Strings(m.Topics)
	topicCode := map[string]int{}
	for i, t := range m.Topics {
		topicCode[t] = i + 1
	}
	var fl filters
	fl.TopicWidth = 1
	for n := len(m.Topics) + 1; n > len(digits); n /= len(digits) {
		fl.TopicWidth++
	}

	docFiles := (len(docs) + docsPerFile - 1) / docsPerFile
	if err := mkdirs(dir, "docs", docFiles); err != nil {
		return err
	}

	var kind, topic strings.Builder
	var lapsed []byte
	lastLapsed := -1
	for id, i := range order {
		d := &docs[i]
		if d.lapsed() {
			lapsed = appendNum(lapsed, id-lastLapsed-1)
			lastLapsed = id
		}
		kc, ok := kindCode[d.Kind]
		if !ok {
			return fmt.Errorf("document %s: unknown kind %q", d.URL, d.Kind)
		}
		kind.WriteByte(digits[kc])
		tc := topicCode[d.Topic]
		for w := fl.TopicWidth - 1; w >= 0; w-- {
			div := 1
			for j := 0; j < w; j++ {
				div *= len(digits)
			}
			topic.WriteByte(digits[tc/div%len(digits)])
		}
		year, _ := strconv.Atoi(yearOf(d.Date))
		if n := len(m.Years); n == 0 || m.Years[n-1][0] != year {
			m.Years = append(m.Years, [2]int{year, id})
		}
	}
	fl.Kind, fl.Topic = kind.String(), topic.String()
	m.Lapsed = string(lapsed)

	// Files are written by a pool: most of their cost is in open(2), in the
	// kernel, which overlaps on several cores and with waiting on the disk.
	files := newWriterPool(4, dir, keep)
	// The postings are built while the document files are written, so both
	// cores stay busy.
	postingsDone := make(chan []postings, 1)
	go func() { postingsDone <- buildPostings(docs, order) }()
	for n := range docFiles {
		ids := order[n*docsPerFile : min(len(order), (n+1)*docsPerFile)]
		files.writeBytes(filepath.Join(dir, filepath.FromSlash(filePath("docs", n))), func() []byte {
			return docsJSON(docs, ids)
		})
	}
	terms := <-postingsDone

	// A term whose postings alone would fill a shard is "big": its shard
	// holds only a reference (bigRef), and the term has two files of its
	// own. terms/ holds its documents alone (the id gaps, without the value
	// digits, which were nine tenths of a common term's bytes): what a query
	// intersects. ranks/ holds the same postings in rank order, split in
	// chunks that grow eightfold (rankChunk): what a query reads, chunk by
	// chunk, only until its first page is certain (see query.go), so that a
	// first query reads the head of a common term, not all of it. The
	// shards then hold only small lists, and big terms are numbered in byte
	// order of the term, so the numbers depend only on the documents.
	lapsedID := make([]bool, len(docs))
	for id, i := range order {
		lapsedID[id] = docs[i].lapsed()
	}
	var big []shardEntry
	small := 0
	for i := range terms {
		p := &terms[i]
		t := keyString(p.key)
		if len(p.b)+len(p.v) >= shardTarget {
			big = append(big, shardEntry{term: t, list: p.b, vals: p.v})
			continue
		}
		small += len(t) + len(p.b) + len(p.v) + 6 // quotes and separators
	}
	sort.Slice(big, func(a, b int) bool { return big[a].term < big[b].term })
	syn := synonymEntries(synonyms)
	for _, e := range syn {
		small += len(e.term) + len(e.list) + 6
	}
	m.Shards = max(1, (small+shardTarget-1)/shardTarget)
	// Shards are written by hand rather than through encoding/json: a big
	// site has millions of terms, and the map encoder's reflection and key
	// sorting were a third of the build. The bytes are what json.Encoder
	// writes for a map[string]string: keys in byte order, and nothing to
	// escape, since terms are letters and digits and postings use digits.
	byShard := make([][]shardEntry, m.Shards)
	for i := range terms {
		p := &terms[i]
		if len(p.b)+len(p.v) >= shardTarget {
			continue
		}
		t := keyString(p.key)
		n := shardOf(t, m.Shards)
		byShard[n] = append(byShard[n], shardEntry{term: t, list: p.b, vals: p.v})
	}
	chunks := 0
	first := make([]int, len(big))
	for i, e := range big {
		n := shardOf(e.term, m.Shards)
		first[i] = chunks
		byShard[n] = append(byShard[n], shardEntry{term: e.term, list: []byte(bigRef(i, len(e.vals), chunks, rankChunks(len(e.vals))))})
		chunks += rankChunks(len(e.vals))
	}
	// A word's equivalents are in the shard of the word's first cover term,
	// which a query for the word fetches anyway: expanding costs no request.
	for _, e := range syn {
		n := shardOf(synonymShardTerm(strings.TrimPrefix(e.term, synonymPrefix)), m.Shards)
		byShard[n] = append(byShard[n], e)
	}
	for kind, n := range map[string]int{"shards": m.Shards, "terms": len(big), "ranks": chunks} {
		if err := mkdirs(dir, kind, n); err != nil {
			return err
		}
	}
	for i, es := range byShard {
		files.writeBytes(filepath.Join(dir, filepath.FromSlash(filePath("shards", i))), func() []byte { return shardJSON(es) })
	}
	for i, e := range big {
		files.writeBytes(filepath.Join(dir, filepath.FromSlash(filePath("terms", i))), func() []byte {
			b := make([]byte, 0, len(e.list)+3)
			b = append(b, '"')
			b = append(b, e.list...)
			return append(b, '"', '\n')
		})
		files.jobs <- func() error {
			for k, chunk := range rankedChunks(e.list, e.vals, lapsedID) {
				if err := files.put(filepath.Join(dir, filepath.FromSlash(filePath("ranks", first[i]+k))), chunk); err != nil {
					return err
				}
			}
			return nil
		}
	}
	files.write(filepath.Join(dir, "filters.json"), &fl)
	files.write(filepath.Join(dir, "meta.json"), &m)
	return files.wait()
}

// buildPostings tokenizes documents on every core and appends postings in id
// order, which is what delta encoding needs, on one goroutine per part of
// the terms (split by a hash of the key), so that merging, as costly as
// tokenizing, runs on every core too. It returns the postings of every term.
func buildPostings(docs []Doc, order []int) []postings {
	const block = 64
	parts := runtime.GOMAXPROCS(0)
	type entry struct {
		key uint64
		val int32 // tf<<2 | best field class
	}
	// One part of a block's entries, document after document; ends[i] is
	// where document i's end.
	type blockTerms struct {
		es   []entry
		ends []int
	}
	nblocks := (len(order) + block - 1) / block
	results := make([][]chan blockTerms, parts)
	for p := range results {
		results[p] = make([]chan blockTerms, nblocks)
		for b := range results[p] {
			results[p][b] = make(chan blockTerms, 1)
		}
	}
	// At most a few blocks wait for the mergers, so memory stays that of a
	// few blocks whatever the site's size. A block's slot is freed by the
	// last merger done with it, and the mergers hand their entry buffers
	// back for the next blocks: allocating them afresh, zeroed, was a tenth
	// of the work.
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	free := make(chan []entry, parts*(cap(sem)+runtime.GOMAXPROCS(0)))
	pending := make([]atomic.Int32, nblocks)
	next := make(chan int)
	go func() {
		for b := range nblocks {
			sem <- struct{}{}
			pending[b].Store(int32(parts))
			next <- b
		}
		close(next)
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			counts := newKeyTable(12)
			var c []rune
			for b := range next {
				out := make([]blockTerms, parts)
				for id := b * block; id < min(len(order), (b+1)*block); id++ {
					d := &docs[order[id]]
					counts.reset()
					for _, f := range d.fields() {
						c = c[:0]
						for i := 0; i < len(f.text); {
							r, size := nextRune(f.text, i)
							if r = fold(r); r >= 0 {
								c = append(c, r)
							}
							i += size
						}
						class := int32(f.class)
						indexKeys(c, func(k uint64) {
							v := counts.slot(k)
							n := *v + 4
							*v = n&^3 | max(n&3, class)
						})
					}
					if out[0].es == nil {
						for p := range out {
							select {
							case out[p].es = <-free:
							default:
								out[p].es = make([]entry, 0, block*len(counts.used)/parts*5/4)
							}
						}
					}
					counts.each(func(k uint64, v int32) {
						// A hash other than keyTable's, whose slots would
						// otherwise cluster in each part's table.
						p := int((k^k>>29)*0xBF58476D1CE4E5B9>>32) % parts
						out[p].es = append(out[p].es, entry{k, v})
					})
					for p := range out {
						out[p].ends = append(out[p].ends, len(out[p].es))
					}
				}
				for p := range out {
					results[p][b] <- out[p]
				}
			}
		}()
	}
	merged := make([][]postings, parts)
	var wg sync.WaitGroup
	for part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var terms []postings
			index := newKeyTable(16) // term key → 1 + index in terms
			for b := range nblocks {
				bt := <-results[part][b]
				from := 0
				for i, end := range bt.ends {
					id := b*block + i
					for _, e := range bt.es[from:end] {
						slot := index.slot(e.key)
						if *slot == 0 {
							terms = append(terms, postings{key: e.key, last: -1})
							*slot = int32(len(terms))
						}
						p := &terms[*slot-1]
						p.b = appendNum(p.b, id-p.last-1)
						p.v = append(p.v, digits[min(e.val>>2, maxCount)<<2|e.val&3])
						p.last = id
					}
					from = end
				}
				select {
				case free <- bt.es[:0]:
				default:
				}
				if pending[b].Add(-1) == 0 {
					<-sem
				}
			}
			merged[part] = terms
		}()
	}
	wg.Wait()
	return slices.Concat(merged...)
}

// docsJSON is the docs/ file of the documents ids: a JSON array of their
// records, written by hand for the reason shards are (encoding/json's
// reflection was a tenth of the build); the bytes are what json.Encoder with
// SetEscapeHTML(false) writes for []record.
func docsJSON(docs []Doc, ids []int) []byte {
	n := 3
	for _, i := range ids {
		d := &docs[i]
		n += len(d.URL) + len(d.Title) + len(d.ShortTitle) + len(d.Kind) + len(d.Date) + len(d.IndexNo) + len(d.DocNo) +
			len(d.Topic) + len(d.Publisher) + len(d.Summary) + len(d.Text) + 96
		for _, a := range d.Attachments {
			n += len(a) + 3
		}
		for _, k := range d.Keywords {
			n += len(k) + 3
		}
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for k, i := range ids {
		d := &docs[i]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"u":`...)
		b = appendJSONString(b, d.URL)
		b = append(b, `,"t":`...)
		b = appendJSONString(b, d.Title)
		if d.ShortTitle != "" {
			b = append(b, `,"s":`...)
			b = appendJSONString(b, d.ShortTitle)
		}
		for _, f := range [...]struct {
			key, val string
		}{{`,"k":`, d.Kind}, {`,"d":`, d.Date}, {`,"i":`, d.IndexNo}, {`,"n":`, d.DocNo}, {`,"p":`, d.Topic}, {`,"b":`, d.Publisher}} {
			if f.val != "" {
				b = append(b, f.key...)
				b = appendJSONString(b, f.val)
			}
		}
		b = appendJSONList(b, `,"w":[`, d.Keywords)
		if d.Summary != "" {
			b = append(b, `,"m":`...)
			b = appendJSONString(b, d.Summary)
		}
		if d.lapsed() {
			b = append(b, `,"v":`...)
			b = appendJSONString(b, d.Validity)
		}
		b = appendJSONList(b, `,"a":[`, d.Attachments)
		if strings.IndexFunc(d.Text, func(r rune) bool { return !unicode.IsSpace(r) }) >= 0 {
			b = append(b, `,"x":`...)
			b = appendDisplayJSON(b, d.Text)
		}
		b = append(b, '}')
	}
	return append(b, ']', '\n')
}

// appendJSONList appends key and the strings of list as a JSON array, or
// nothing when list is empty.
func appendJSONList(b []byte, key string, list []string) []byte {
	if len(list) == 0 {
		return b
	}
	b = append(b, key...)
	for j, a := range list {
		if j > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, a)
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string the way encoding/json does with
// HTML escaping off: quotes, backslashes and control characters escaped,
// U+2028 and U+2029 escaped for JavaScript, invalid UTF-8 replaced.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', byte('0'+r&0xF))
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends the JSON escape of an ASCII quote, backslash or
// control character.
func appendEscape(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// shardEntry is one term of a shard: its postings string is list then vals.
type shardEntry struct {
	term       string
	list, vals []byte
}

func shardJSON(es []shardEntry) []byte {
	sort.Slice(es, func(a, b int) bool { return es[a].term < es[b].term })
	n := 3
	for _, e := range es {
		n += len(e.term) + len(e.list) + len(e.vals) + 6
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, e := range es {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, e.term...)
		b = append(b, '"', ':', '"')
		b = append(b, e.list...)
		b = append(b, e.vals...)
		b = append(b, '"')
	}
	return append(b, '}', '\n')
}

func yearOf(date string) string {
	if len(date) >= 4 {
		return date[:4]
	}
	return "0"
}

// displayText collapses whitespace for snippets. A line break between two
// Chinese characters is an artefact of Markdown wrapping, not a space the
// author meant, so it goes entirely. Searching is unaffected either way:
// compact form drops whitespace.
func displayText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 && !(wide(prev) && wide(r)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// appendDisplayJSON appends displayText(s) as a JSON string, in one pass:
// the texts are most of the index's bytes, and building the display text
// and then escaping it took a tenth of the build.
func appendDisplayJSON(b []byte, s string) []byte {
	b = append(b, '"')
	var prev rune
	space, started := false, false
	for i := 0; i < len(s); {
		r, size := nextRune(s, i)
		if !(r >= 0x4E00 && r <= 0x9FFF) && unicode.IsSpace(r) {
			space = true
			i += size
			continue
		}
		if space && started && !(wide(prev) && wide(r)) {
			b = append(b, ' ')
		}
		space, started = false, true
		switch {
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, r)
		case r < 0x20 || r == '"' || r == '\\':
			b = appendEscape(b, byte(r))
		default:
			b = append(b, s[i:i+size]...)
		}
		prev = r
		i += size
	}
	return append(b, '"')
}

// nextRune decodes the rune at s[i:] as utf8.DecodeRuneInString does, with
// a fast path for the three-byte characters (CJK) most of the text is.
func nextRune(s string, i int) (rune, int) {
	b0 := s[i]
	if b0 < utf8.RuneSelf {
		return rune(b0), 1
	}
	// 0xE1-0xEC lead U+1000-U+CFFF, where any two continuation bytes make
	// a valid character (0xE0 and 0xED have overlong and surrogate forms).
	if b0 >= 0xE1 && b0 <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(b0&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// wide reports CJK and full-width characters, between which no space is meant.
func wide(r rune) bool { return r >= 0x2E80 }

// writerPool writes JSON files concurrently and keeps the first error.
type writerPool struct {
	jobs chan func() error
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
	dir  string                    // the index's folder, search/ once in place
	keep func(string, []byte) bool // see WriteKeeping
}

func newWriterPool(n int, dir string, keep func(string, []byte) bool) *writerPool {
	p := &writerPool{jobs: make(chan func() error, 64), dir: dir, keep: keep}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				if err := job(); err != nil {
					p.mu.Lock()
					if p.err == nil {
						p.err = err
					}
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

func (p *writerPool) write(path string, v any) {
	p.jobs <- func() error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return p.put(path, buf.Bytes())
	}
}

// writeBytes writes the bytes data returns, computed on the pool.
func (p *writerPool) writeBytes(path string, data func() []byte) {
	p.jobs <- func() error { return p.put(path, data()) }
}

func (p *writerPool) put(path string, data []byte) error {
	if p.keep != nil {
		rel, err := filepath.Rel(p.dir, path)
		if err != nil {
			return err
		}
		if !p.keep("search/"+filepath.ToSlash(rel), data) {
			return nil
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return nil
}

func (p *writerPool) wait() error {
	close(p.jobs)
	p.wg.Wait()
	return p.err
}
