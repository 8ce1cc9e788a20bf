package search

import (
	"slices"
	"strings"
)

// Equivalent words ("同义词") are applied when a query runs, not when the
// index is built, so the postings do not grow: a query word that is listed
// in a group also looks up the other words of the group, and a document
// matches the word when it contains any of them. Each result says which
// equivalent it contains.
//
// The groups are stored in the shards, one entry per listed word: key
// synonymPrefix + the word's compact form, value the compact forms of its
// equivalents joined by synonymSep. The entry goes into the shard of the
// word's first cover term (synonymShardTerm), the shard a query for the word
// downloads first anyway, so expanding a word costs no request and no bytes
// beyond the entry. Compact forms are letters and digits only, so the
// entries, like the postings, need no JSON escaping.
const (
	synonymPrefix = "="
	synonymSep    = "|"
)

// synonymShardTerm is the term whose shard holds the equivalents of the
// compact word w: its first cover term.
func synonymShardTerm(w string) string {
	r := []rune(w)
	s := coverSpans(r)
	if len(s) == 0 {
		return ""
	}
	return string(r[s[0][0]:s[0][1]])
}

// synonymEntries returns the shard entries of groups. A word listed in
// several groups (which check refuses, but an index is built all the same)
// gets the equivalents of all of them. Words of fewer than two searchable
// characters are left out: a single character would stand for too much.
func synonymEntries(groups [][]string) []shardEntry {
	alts := map[string][]string{}
	var order []string
	for _, g := range groups {
		var words []string
		for _, w := range g {
			if c := Compact(w); len([]rune(c)) >= 2 && !slices.Contains(words, c) {
				words = append(words, c)
			}
		}
		for _, w := range words {
			if _, ok := alts[w]; !ok {
				order = append(order, w)
				alts[w] = nil
			}
			for _, o := range words {
				if o != w && !slices.Contains(alts[w], o) {
					alts[w] = append(alts[w], o)
				}
			}
		}
	}
	var out []shardEntry
	for _, w := range order {
		if len(alts[w]) > 0 {
			out = append(out, shardEntry{term: synonymPrefix + w, list: []byte(strings.Join(alts[w], synonymSep))})
		}
	}
	return out
}
