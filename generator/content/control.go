package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// forbiddenRune reports whether r may not be published: control characters (C0 but tab and line breaks, DEL,
// C1), which XML 1.0 refuses (one made the RSS feeds ill-formed) or which print as nothing; the bidirectional
// embeddings, overrides and isolates, which reorder the text a reader sees (U+202E shows a title backwards); and
// the noncharacters U+FFFE, U+FFFF and U+FDD0-U+FDEF.
func forbiddenRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0xfffe || r == 0xffff || (r >= 0xfdd0 && r <= 0xfdef):
		return true
	}
	return false
}

// firstForbidden returns the first forbidden character of s and its index in characters, or -1.
func firstForbidden(s string) (rune, int) {
	i := 0
	for _, r := range s {
		if forbiddenRune(r) {
			return r, i
		}
		i++
	}
	return 0, -1
}

// controlChars refuses forbidden characters in every value and key of the front matter, at the value's line, and
// in the body, at the character's line and column.
func (v *validator) controlChars(f string, doc *frontmatter.Doc) {
	var paths []string
	walkValues(doc.Values, func(path, key string) bool {
		if _, i := firstForbidden(key); i >= 0 {
			paths = append(paths, path)
			return false
		}
		return true
	}, func(path, s string) {
		if _, i := firstForbidden(s); i >= 0 {
			paths = append(paths, path)
		}
	})
	sort.Strings(paths)
	for _, p := range paths {
		pos, ok := doc.ValuePos[p]
		if !ok {
			pos = doc.Pos[p]
		}
		if pos.Line == 0 {
			pos = frontmatter.Pos{Line: 1, Col: 1}
		}
		r := forbiddenIn(lookupPath(doc.Values, p))
		top := p
		if i := strings.IndexAny(top, ".["); i >= 0 {
			top = top[:i]
		}
		v.errorf(f, pos, p, fields[top].label.In(v.lang), msg.ContentControl.F(v.lang, r))
	}
	// The body, line by line.
	body := string(doc.Body)
	for n, line := range strings.Split(body, "\n") {
		if r, i := firstForbidden(line); i >= 0 {
			v.errorf(f, frontmatter.Pos{Line: doc.BodyLine + n, Col: i + 1}, "", "", msg.ContentControl.F(v.lang, r))
		}
	}
}

// walkValues calls onString with the path ("changes[1].note", as in frontmatter.Doc.Pos) of every string in the
// front matter's values, and onKey with the path of every key, whose value is walked when onKey returns true.
func walkValues(values map[string]any, onKey func(path, key string) bool, onString func(path, s string)) {
	var walk func(path string, val any)
	walk = func(path string, val any) {
		switch x := val.(type) {
		case string:
			onString(path, x)
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				if onKey(p, k) {
					walk(p, e)
				}
			}
		}
	}
	walk("", values)
}

// forbiddenIn returns the first forbidden character of a string value, or of its key.
func forbiddenIn(val any, key string) rune {
	if s, ok := val.(string); ok {
		if r, i := firstForbidden(s); i >= 0 {
			return r
		}
	}
	r, _ := firstForbidden(key)
	if r == 0 {
		r, _ = utf8.DecodeRuneInString("\uFFFD")
	}
	return r
}

// lookupPath returns the value at a path of Pos ("changes[1].note") and the path's last key.
func lookupPath(values map[string]any, path string) (any, string) {
	var cur any = values
	key := ""
	for _, part := range strings.Split(path, ".") {
		idx := -1
		if i := strings.IndexByte(part, '['); i >= 0 {
			fmt.Sscanf(part[i:], "[%d]", &idx)
			part = part[:i]
		}
		key = part
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, key
		}
		cur = m[part]
		if idx >= 0 {
			l, ok := cur.([]any)
			if !ok || idx >= len(l) {
				return nil, key
			}
			cur = l[idx]
		}
	}
	return cur, key
}

// Plausible bounds: a title of 2 MB was accepted and copied into every list, feed and index (the output grew from
// 0.7 to 28.7 MB), and dates in the years 0000 and 0001 were published.
const (
	maxTitle   = 200  // characters
	maxSummary = 1000 // characters
	minYear    = 1949
	maxYear    = 2200
)

// bounds refuses values beyond plausible bounds, at their line.
func (v *validator) bounds(f string, doc *frontmatter.Doc) {
	for _, b := range []struct {
		key string
		max int
	}{{"title", maxTitle}, {"summary", maxSummary}} {
		if s, ok := doc.Values[b.key].(string); ok {
			if n := utf8.RuneCountInString(s); n > b.max {
				v.errorf(f, doc.Pos[b.key], b.key, fields[b.key].label.In(v.lang), msg.ContentTooLong.F(v.lang, n, b.max))
			}
		}
	}
	check := func(path, top string, raw any) {
		t, err := ParseDate(raw, v.cfg.Location)
		if err != nil || (t.Year() >= minYear && t.Year() <= maxYear) {
			return
		}
		pos, ok := doc.ValuePos[path]
		if !ok {
			pos = doc.Pos[path]
		}
		v.errorf(f, pos, path, fields[top].label.In(v.lang), msg.ContentDateRange.F(v.lang, fmt.Sprint(raw), minYear, maxYear))
	}
	for _, k := range []string{"date", "written", "validity_date", "publishDate", "expiryDate", "lastmod"} {
		if raw, ok := doc.Values[k]; ok {
			check(k, k, raw)
		}
	}
	if changes, ok := doc.Values["changes"].([]any); ok {
		for i, c := range changes {
			if m, ok := c.(map[string]any); ok {
				if raw, ok := m["date"]; ok {
					check(fmt.Sprintf("changes[%d].date", i), "changes", raw)
				}
			}
		}
	}
}
