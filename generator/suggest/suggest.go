// Package suggest finds the name an editor probably meant when a key is misspelt, so that a diagnostic can say
// "did you mean" instead of leaving the editor to compare names by eye.
package suggest

import "strings"

// Closest returns the candidate nearest to name by edit distance, or "" when none is close enough to be a likely
// typo (at most a third of the name's length, and at least one edit allowed).
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	limit := len([]rune(name)) / 3
	if limit < 1 {
		limit = 1
	}
	lname := strings.ToLower(name)
	for _, c := range candidates {
		d := distance(lname, strings.ToLower(c))
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance, so that a swap of two letters, the most
// common typo, counts as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
