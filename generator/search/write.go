package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Format is the layout version written to meta.json; search.js refuses an
// index of another version rather than misreading it.
const Format = 3

// shardTarget is the raw size a shard aims at. A query downloads a whole shard
// for each of its terms but needs one term of it, so small shards are what
// keep a long query (up to a dozen terms) under 100 KB; below a few KB the
// gzip and request overheads would take over.
var shardTarget = 6 << 10

// maxCount caps the occurrences a posting records, so that every count fits
// one postings digit: ranking needs "often", not the exact figure, and a
// common term's postings are most of a long query's download.
const maxCount = 15

// meta is search/meta.json: what the client needs before any shard.
type meta struct {
	Format int      `json:"format"`
	Shards int      `json:"shards"`
	Docs   int      `json:"docs"`
	Kinds  []string `json:"kinds"`
	Topics []string `json:"topics"`
	// Years lists [year, first document id] in id order; ids are assigned
	// newest first, so each year is one range.
	Years [][2]int `json:"years"`
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

// record is search/docs/<id/256>/<id>.json, fetched only for candidates: what a result
// shows and the text it is checked against.
type record struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	Kind        string   `json:"k,omitempty"`
	Date        string   `json:"d,omitempty"`
	IndexNo     string   `json:"i,omitempty"`
	DocNo       string   `json:"n,omitempty"`
	Topic       string   `json:"p,omitempty"`
	Publisher   string   `json:"b,omitempty"`
	Attachments []string `json:"a,omitempty"`
	Text        string   `json:"x,omitempty"`
}

func (r *record) fields() []string {
	d := Doc{Title: r.Title, IndexNo: r.IndexNo, DocNo: r.DocNo, Topic: r.Topic, Publisher: r.Publisher, Text: r.Text, Attachments: r.Attachments}
	return d.fields()
}

// postings accumulates one term's list while documents are added in id order.
type postings struct {
	b    []byte
	last int
}

// Write writes the index under outDir/search/, beside the search page that
// Hugo renders there. The index is built in a temporary folder and moved into
// place part by part, meta.json last: the script reads meta.json first, and
// the shard count it finds there must be that of the shards beside it. The
// bytes depend only on docs, never on their order.
func Write(docs []Doc, outDir string) error {
	tmp, err := os.MkdirTemp(outDir, ".search-")
	if err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := writeIndex(docs, tmp); err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	final := filepath.Join(outDir, "search")
	if err := os.MkdirAll(final, 0o755); err != nil {
		return fmt.Errorf("write search index: %w", err)
	}
	for _, name := range []string{"docs", "shards", "filters.json", "meta.json"} {
		if err := os.RemoveAll(filepath.Join(final, name)); err != nil {
			return fmt.Errorf("replace search index: %w", err)
		}
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(final, name)); err != nil {
			return fmt.Errorf("replace search index: %w", err)
		}
	}
	return nil
}

func writeIndex(docs []Doc, dir string) error {
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

	m := meta{Format: Format, Docs: len(docs), Kinds: Kinds}
	kindCode := map[string]int{}
	for i, k := range Kinds {
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

	if err := mkdirs(dir, "docs", len(docs)); err != nil {
		return err
	}

	var kind, topic strings.Builder
	for id, i := range order {
		d := &docs[i]
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

	// Files are written by a pool: on a build machine most of their cost is
	// waiting on open(2), which overlaps.
	files := newWriterPool(4)
	// The postings are built while the document files are written: creating
	// files is mostly waiting on the file system, tokenizing is all CPU.
	type built struct {
		terms map[uint64]*postings
		total int
	}
	postingsDone := make(chan built, 1)
	go func() {
		terms, total := buildPostings(docs, order)
		postingsDone <- built{terms, total}
	}()
	for id, i := range order {
		d := &docs[i]
		rec := record{URL: d.URL, Title: d.Title, Kind: d.Kind, Date: d.Date, IndexNo: d.IndexNo,
			DocNo: d.DocNo, Topic: d.Topic, Publisher: d.Publisher, Attachments: d.Attachments, Text: displayText(d.Text)}
		files.write(filepath.Join(dir, filepath.FromSlash(filePath("docs", id))), &rec)
	}
	b := <-postingsDone
	terms, total := b.terms, b.total

	// A power of two, so shard counts stay few and stable as a site grows.
	total += len(terms) * 8 // key, quotes and separators
	m.Shards = 1
	for m.Shards*shardTarget < total {
		m.Shards *= 2
	}
	// Shards are written by hand rather than through encoding/json: a big
	// site has millions of terms, and the map encoder's reflection and key
	// sorting were a third of the build. The bytes are what json.Encoder
	// writes for a map[string]string: keys in byte order, and nothing to
	// escape, since terms are letters and digits and postings use digits.
	byShard := make([][]shardEntry, m.Shards)
	for k, p := range terms {
		t := keyString(k)
		n := shardOf(t, m.Shards)
		byShard[n] = append(byShard[n], shardEntry{t, p.b})
	}
	if err := mkdirs(dir, "shards", m.Shards); err != nil {
		return err
	}
	for i, es := range byShard {
		files.writeBytes(filepath.Join(dir, filepath.FromSlash(filePath("shards", i))), func() []byte { return shardJSON(es) })
	}
	files.write(filepath.Join(dir, "filters.json"), &fl)
	files.write(filepath.Join(dir, "meta.json"), &m)
	return files.wait()
}

// buildPostings tokenizes documents on every core and appends postings in id
// order on one goroutine, which is what delta encoding needs. It returns the
// postings by term key and their total size.
func buildPostings(docs []Doc, order []int) (map[uint64]*postings, int) {
	const block = 64
	type entry struct {
		key uint64
		val int // tf<<1 | in title
	}
	nblocks := (len(order) + block - 1) / block
	results := make([]chan [][]entry, nblocks)
	for i := range results {
		results[i] = make(chan [][]entry, 1)
	}
	// At most a few blocks wait for the merger, so memory stays that of a
	// few blocks whatever the site's size.
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	next := make(chan int)
	go func() {
		for b := range nblocks {
			sem <- struct{}{}
			next <- b
		}
		close(next)
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			counts := map[uint64]int{}
			var c []rune
			for b := range next {
				out := make([][]entry, 0, block)
				for id := b * block; id < min(len(order), (b+1)*block); id++ {
					d := &docs[order[id]]
					clear(counts)
					for f, text := range d.fields() {
						c = c[:0]
						for _, r := range text {
							if r = fold(r); r >= 0 {
								c = append(c, r)
							}
						}
						title := 0
						if f == 0 {
							title = 1
						}
						indexKeys(c, func(k uint64) { counts[k] = (counts[k] + 2) | title })
					}
					es := make([]entry, 0, len(counts))
					for k, v := range counts {
						es = append(es, entry{k, v})
					}
					out = append(out, es)
				}
				results[b] <- out
			}
		}()
	}
	terms := make(map[uint64]*postings, 1<<20)
	total := 0
	// Postings are allocated in slabs: one allocation per term was most of
	// the garbage collector's work.
	var slab []postings
	for b := range nblocks {
		for i, es := range <-results[b] {
			id := b*block + i
			for _, e := range es {
				p := terms[e.key]
				if p == nil {
					if len(slab) == 0 {
						slab = make([]postings, 4096)
					}
					p = &slab[0]
					slab = slab[1:]
					p.last = -1
					terms[e.key] = p
				}
				n := len(p.b)
				p.b = appendNum(p.b, id-p.last-1)
				p.b = appendNum(p.b, min(e.val>>1, maxCount)<<1|e.val&1)
				p.last = id
				total += len(p.b) - n
			}
		}
		<-sem
	}
	return terms, total
}

type shardEntry struct {
	term string
	list []byte
}

func shardJSON(es []shardEntry) []byte {
	sort.Slice(es, func(a, b int) bool { return es[a].term < es[b].term })
	n := 3
	for _, e := range es {
		n += len(e.term) + len(e.list) + 6
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

// wide reports CJK and full-width characters, between which no space is meant.
func wide(r rune) bool { return r >= 0x2E80 }

// writerPool writes JSON files concurrently and keeps the first error.
type writerPool struct {
	jobs chan func() error
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
}

func newWriterPool(n int) *writerPool {
	p := &writerPool{jobs: make(chan func() error, 64)}
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
		if err := writeJSON(path, v); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return nil
	}
}

// writeBytes writes the bytes data returns, computed on the pool.
func (p *writerPool) writeBytes(path string, data func() []byte) {
	p.jobs <- func() error {
		if err := os.WriteFile(path, data(), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return nil
	}
}

func (p *writerPool) wait() error {
	close(p.jobs)
	p.wg.Wait()
	return p.err
}

func writeJSON(path string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
