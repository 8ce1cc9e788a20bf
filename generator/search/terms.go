package search

import "strings"

// Window lengths for runs of ASCII letters and digits. Pairs of digits occur in
// every document (dates, 索引号), so a digit query needs longer windows to
// select anything; 3 serves short numbers and words, 6 serves 索引号 and
// 发文字号 years and serial numbers. Two lengths rather than all of 3..6 keep
// the index small.
const (
	shortWin = 3
	longWin  = 6
)

// indexTerms calls add for every term of one field's compact text, once per
// occurrence. Its output is the contract with queryTerms: for any substring q
// of c, every term of queryTerms(q) is among the terms of c. FuzzTokenize
// checks exactly that, since a miss there is a false negative in search.
func indexTerms(c []rune, add func(term string)) {
	indexKeys(c, func(k uint64) { add(keyString(k)) })
}

// indexKeys is indexTerms with each term packed in a uint64: building the
// index hashes some thirty million terms, and strings made that the cost of
// the whole build.
func indexKeys(c []rune, add func(key uint64)) {
	for i := range c {
		add(1<<62 | uint64(c[i]))
		if i+1 < len(c) {
			add(2<<62 | uint64(c[i])<<21 | uint64(c[i+1]))
		}
	}
	for s := 0; s < len(c); {
		if !isASCII(c[s]) {
			s++
			continue
		}
		e := s
		for e < len(c) && isASCII(c[e]) {
			e++
		}
		for _, w := range []int{shortWin, longWin} {
			for i := s; i+w <= e; i++ {
				k := 3<<62 | uint64(w)<<56
				for j := 0; j < w; j++ {
					k |= uint64(c[i+j]) << (7 * j)
				}
				add(k)
			}
		}
		s = e
	}
}

// keyString unpacks a term key made by indexKeys.
func keyString(k uint64) string {
	switch k >> 62 {
	case 1:
		return string(rune(k & 0x1FFFFF))
	case 2:
		return string([]rune{rune(k >> 21 & 0x1FFFFF), rune(k & 0x1FFFFF)})
	}
	w := int(k >> 56 & 0x3F)
	b := make([]byte, w)
	for j := range b {
		b[j] = byte(k >> (7 * j) & 0x7F)
	}
	return string(b)
}

// Terms returns the distinct index terms of s, sorted; for tests and tools.
func Terms(s string) []string {
	c, _ := compact(s)
	seen := map[string]bool{}
	indexTerms(c, func(t string) { seen[t] = true })
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sortStrings(out)
	return out
}

// queryTerms returns the terms a document must have for the compact query word
// q to occur in it. It covers q with as few terms as it can (each term is a
// shard to download) rather than taking every pair: junctionTerms adds the
// pairs across the joins only when the cover leaves too many candidates.
func queryTerms(q []rune) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range coverSpans(q) {
		if t := string(q[s[0]:s[1]]); !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// coverSpans returns the [start, end) of each term of queryTerms, in order.
func coverSpans(q []rune) [][2]int {
	n := len(q)
	if n == 0 {
		return nil
	}
	if n == 1 {
		return [][2]int{{0, 1}}
	}
	var out [][2]int
	for i := 0; i < n; {
		if isASCII(q[i]) {
			e := i
			for e < n && isASCII(q[e]) {
				e++
			}
			if m := e - i; m >= shortWin {
				w := shortWin
				if m >= longWin {
					w = longWin
				}
				for _, s := range cover(m, w) {
					out = append(out, [2]int{i + s, i + s + w})
				}
				i = e
				continue
			}
		}
		if i+1 < n {
			out = append(out, [2]int{i, i + 2})
			i += 2
		} else {
			out = append(out, [2]int{n - 2, n})
			i++
		}
	}
	return out
}

// junctionTerms returns, for each join between two neighbouring characters of
// q that no cover term spans, a term that spans it: the pair itself, or inside
// a run of ASCII letters and digits a window of the run's length centred on
// the join (a pair of digits is in every document). A document with the cover
// terms but not q nearly always lacks one of these, so fetching them proves
// most candidates false from the index alone, without their text. Terms
// already in the cover are left out.
func junctionTerms(q []rune) []string {
	n := len(q)
	spans := coverSpans(q)
	seen := map[string]bool{}
	for _, s := range spans {
		seen[string(q[s[0]:s[1]])] = true
	}
	var out []string
	for j := 1; j < n; j++ {
		joined := false
		for _, s := range spans {
			if s[0] <= j-1 && j < s[1] {
				joined = true
				break
			}
		}
		if joined {
			continue
		}
		from, to := j-1, j+1
		if isASCII(q[j-1]) && isASCII(q[j]) {
			s, e := j-1, j
			for s > 0 && isASCII(q[s-1]) {
				s--
			}
			for e < n && isASCII(q[e]) {
				e++
			}
			if m := e - s; m >= shortWin {
				w := shortWin
				if m >= longWin {
					w = longWin
				}
				from = min(max(j-w/2, s), e-w)
				to = from + w
			}
		}
		if t := string(q[from:to]); !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// cover returns the start offsets of windows of length w that together cover
// a run of length m >= w: back to back from the start, the last one flush
// with the end.
func cover(m, w int) []int {
	var s []int
	for i := 0; i+w <= m; i += w {
		s = append(s, i)
	}
	if last := s[len(s)-1]; last+w < m {
		s = append(s, m-w)
	}
	return s
}

// QueryWords splits a query into its words (on whitespace, as typed) and
// returns their compact forms, dropping words that have nothing searchable.
func QueryWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(q) {
		if c := Compact(w); c != "" {
			out = append(out, c)
		}
	}
	return out
}
