package search

import "unicode"

// fold maps a rune to the form it is searched in, or -1 when it only
// separates words. The rules are deliberately few and explicit (no Unicode
// normalisation tables) because search.js must apply exactly the same ones:
// a difference would silently lose results.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII, common in Chinese typing
		r -= 0xFEE0
	}
	if r < 0x80 {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		}
		return -1
	}
	if r >= 0x4E00 && r <= 0x9FEF { // CJK ideographs, all letters: most of the text, so no table lookup
		return r
	}
	if unicode.IsLetter(r) || unicode.IsNumber(r) {
		return r
	}
	return -1
}

// compact returns the searchable runes of s and, for each, the byte offset in
// s where it starts, so a match in compact text can be mapped back to s for
// highlighting.
func compact(s string) ([]rune, []int) {
	rs := make([]rune, 0, len(s)/2)
	at := make([]int, 0, len(s)/2)
	for i, r := range s {
		if f := fold(r); f >= 0 {
			rs = append(rs, f)
			at = append(at, i)
		}
	}
	return rs, at
}

// Compact is the searchable form of s: what a query word must be a substring
// of. Exported for tests and the benchmark.
func Compact(s string) string {
	rs, _ := compact(s)
	return string(rs)
}

// isASCII reports whether a folded rune is an ASCII letter or digit; runs of
// these get the longer windows.
func isASCII(r rune) bool { return r < 0x80 }
