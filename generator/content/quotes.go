package content

import (
	"sort"
	"strings"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// curlyQuoted warns about a YAML value written between Chinese quotes, `title: “通知”`. YAML quotes strings with
// ASCII quotes only, so the value parses and the quotes become part of the text: the title would be published as
// “通知”, quotes and all, in every list, feed and the catalogue. (TOML refuses the same line, which
// frontmatter's syntax errors explain.) Only a value that is one quoted phrase is meant: “放管服”改革 and
// “一网通办”与“一件事” use the quotes as Chinese does, and "“通知”" in ASCII quotes is written so on purpose.
func (v *validator) curlyQuoted(f string, doc *frontmatter.Doc, src []byte) {
	if doc.Format != frontmatter.YAML {
		return
	}
	var lines []string // the file's lines, split when a value needs a look at how it is written
	var paths []string
	walkValues(doc.Values, func(string, string) bool { return true }, func(path, s string) {
		if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") &&
			strings.Count(s, "“") == 1 && strings.Count(s, "”") == 1 {
			paths = append(paths, path)
		}
	})
	sort.Strings(paths)
	for _, p := range paths {
		pos, ok := doc.ValuePos[p]
		if !ok {
			continue
		}
		if lines == nil {
			lines = strings.Split(string(src), "\n")
		}
		if pos.Line < 1 || pos.Line > len(lines) {
			continue
		}
		rs := []rune(lines[pos.Line-1])
		if pos.Col < 1 || pos.Col > len(rs) || rs[pos.Col-1] != '“' {
			continue // written in ASCII quotes, or somewhere this check cannot see: as meant
		}
		s, _ := lookupPath(doc.Values, p)
		text, _ := s.(string)
		inner := strings.TrimSuffix(strings.TrimPrefix(text, "“"), "”")
		top := p
		if i := strings.IndexAny(top, ".["); i >= 0 {
			top = top[:i]
		}
		label := ""
		if fd, ok := fields[top]; ok {
			label = fd.label.In(v.lang)
		}
		v.warnf(f, pos, p, label, msg.ContentCurlyQuoted.F(v.lang, text, inner))
	}
}
