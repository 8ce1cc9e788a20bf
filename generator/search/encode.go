package search

import (
	"fmt"
	"hash/fnv"
	"sort"
)

// digits is the alphabet of postings strings. A postings list is a string of
// variable-length numbers, five bits a character: the high half of the
// alphabet says "more digits follow". Characters that JSON never escapes keep
// shard files small before compression and trivially parsed by search.js.
const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

func appendNum(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, digits[32+v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

var digitVal = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(digits); i++ {
		t[digits[i]] = int8(i)
	}
	return t
}()

// decodePostings parses a postings string: n id gaps (numbers) followed by n
// value digits. Gaps and values each end in a digit of the low half, so n is
// half the count of those.
func decodePostings(s string) (gaps, vals []int, err error) {
	ends := 0
	for i := 0; i < len(s); i++ {
		if d := digitVal[s[i]]; d >= 0 && d < 32 {
			ends++
		}
	}
	if ends%2 != 0 {
		return nil, nil, fmt.Errorf("postings of odd length")
	}
	n := ends / 2
	if gaps, err = decodeNums(s[:len(s)-n]); err != nil {
		return nil, nil, err
	}
	if vals, err = decodeNums(s[len(s)-n:]); err != nil {
		return nil, nil, err
	}
	if len(gaps) != n || len(vals) != n {
		return nil, nil, fmt.Errorf("postings: %d gaps, %d values", len(gaps), len(vals))
	}
	return gaps, vals, nil
}

// decodeNums parses a string of numbers.
func decodeNums(s string) ([]int, error) {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := int(digitVal[s[i]])
		if d < 0 {
			return nil, fmt.Errorf("bad postings character %q", s[i])
		}
		if d >= 32 {
			v |= (d - 32) << shift
			shift += 5
			continue
		}
		out = append(out, v|d<<shift)
		v, shift = 0, 0
	}
	if shift != 0 {
		return nil, fmt.Errorf("truncated postings")
	}
	return out, nil
}

// shardOf is the shard a term lives in: FNV-1a of its UTF-8 bytes. search.js
// computes the same over TextEncoder bytes.
func shardOf(term string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() % uint32(shards))
}

func sortStrings(s []string) { sort.Strings(s) }
