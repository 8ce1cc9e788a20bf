package search

import (
	"fmt"
	"strconv"
	"strings"
)

// Big terms, those whose postings would fill a shard by themselves, are
// stored twice (see writeIndex): their documents alone in terms/ (what a
// query intersects), and their postings in rank order in ranks/, in chunks,
// so that a query for words made only of common terms reads the head of
// one list (see run in query.go) and not every common list whole. The
// shard entry of a big term is bigRef: "*" then, dot-separated, the
// number of its terms/ file, its document count, its first ranks/ file
// and how many ranks/ files follow from there.

// firstChunk is the number of postings in a big term's first ranks/ chunk;
// each later chunk holds chunkGrowth times as many as the one before, so a
// term of a hundred thousand documents has four chunks, and a first page
// that needs a few dozen of its best postings reads 256 of them.
const (
	firstChunk  = 256
	chunkGrowth = 8
)

// rankChunks is the number of ranks/ chunks of a term of df documents.
func rankChunks(df int) int {
	n, size := 0, firstChunk
	for covered := 0; covered < df; covered += size {
		n++
		if n > 1 {
			size *= chunkGrowth
		}
	}
	return n
}

// bigTerm is what the shard entry of a big term says.
type bigTerm struct {
	file, df, first, chunks int
}

func bigRef(file, df, first, chunks int) string {
	return "*" + strconv.Itoa(file) + "." + strconv.Itoa(df) + "." + strconv.Itoa(first) + "." + strconv.Itoa(chunks)
}

func parseBigRef(s string) (bigTerm, error) {
	f := strings.Split(strings.TrimPrefix(s, "*"), ".")
	var n [4]int
	if len(f) != 4 {
		return bigTerm{}, fmt.Errorf("bad reference %q", s)
	}
	for i := range f {
		v, err := strconv.Atoi(f[i])
		if err != nil || v < 0 {
			return bigTerm{}, fmt.Errorf("bad reference %q", s)
		}
		n[i] = v
	}
	return bigTerm{n[0], n[1], n[2], n[3]}, nil
}

// rankKey orders postings as a query ranks a word's documents before their
// text is read: a possible exact number first, then valid documents, then
// the field class (title, keywords and summary, the rest) and the
// occurrences (see rank in query.go); v is a postings value
// (min(count, maxCount)<<2 | class).
func rankKey(v int, lapsed bool) int {
	class, n := v&3, v>>2
	k := min(class, classTitle)<<3 | n
	if !lapsed {
		k |= 1 << 5
	}
	if class == classNumber {
		k |= 1 << 6
	}
	return k
}

// rankedChunks returns the ranks/ files of a big term whose postings are
// gaps and vals (id order): the postings sorted by rankKey, best first,
// and by id among equals, cut into chunks of firstChunk, then eight times
// as many each. A chunk is a JSON string of segments, one per run of
// postings with the same value and validity: "." then the value digit,
// then the ids as gaps (appendNum each, the first from -1).
func rankedChunks(gaps, vals []byte, lapsed []bool) [][]byte {
	var buckets [128][]posting
	id, g := -1, 0
	for i := 0; g < len(gaps); i++ {
		n := 0
		for shift := 0; ; shift += 5 {
			d := int(digitVal[gaps[g]])
			g++
			if d < 32 {
				n |= d << shift
				break
			}
			n |= (d - 32) << shift
		}
		id += n + 1
		v := int(digitVal[vals[i]])
		k := rankKey(v, lapsed[id])
		buckets[k] = append(buckets[k], posting{id, v})
	}
	var out [][]byte
	var b []byte
	size, inChunk := firstChunk, 0
	for k := len(buckets) - 1; k >= 0; k-- {
		last := -1
		for _, p := range buckets[k] {
			if inChunk == size {
				out = append(out, append(b, '"', '\n'))
				b, inChunk, size = nil, 0, size*chunkGrowth
			}
			if b == nil {
				b = []byte{'"'}
			}
			if inChunk == 0 || last < 0 {
				b = append(b, '.', digits[p.v])
				last = -1
			}
			b = appendNum(b, p.id-last-1)
			last = p.id
			inChunk++
		}
	}
	if b != nil {
		out = append(out, append(b, '"', '\n'))
	}
	return out
}

// posting is one document of a ranks/ chunk and its postings value.
type posting struct{ id, v int }

// decodeChunk parses a ranks/ chunk.
func decodeChunk(s string) ([]posting, error) {
	var out []posting
	for _, seg := range strings.Split(s, ".")[1:] {
		if seg == "" {
			return nil, fmt.Errorf("empty segment")
		}
		v := int(digitVal[seg[0]])
		if v < 0 || v >= 32 {
			return nil, fmt.Errorf("bad value %q", seg[0])
		}
		gaps, err := decodeNums(seg[1:])
		if err != nil {
			return nil, err
		}
		id := -1
		for _, g := range gaps {
			id += g + 1
			out = append(out, posting{id, v})
		}
	}
	if !strings.HasPrefix(s, ".") && s != "" {
		return nil, fmt.Errorf("chunk does not start with a segment")
	}
	return out, nil
}
