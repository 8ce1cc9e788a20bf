package content

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// htmlTag matches the start of an HTML tag, comment or declaration: what goldmark would pass through as raw HTML.
var htmlTag = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|/[A-Za-z][A-Za-z0-9-]*\s*>|!--|![A-Za-z])`)

// codeSpan matches inline code, where angle brackets are text.
var codeSpan = regexp.MustCompile("`+[^`]*`+")

// rawHTML finds raw HTML in a Markdown body. With raw HTML off (the default), Hugo replaces it with a comment and
// the reader sees nothing: the editor must be told where, instead of the text vanishing from the page.
func (v *validator) rawHTML(f string, body []byte, firstLine int) {
	proseLines(body, firstLine, func(line, masked string, n int) {
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") || strings.IndexByte(masked, '<') < 0 {
			return // indented code block, or no tag (most lines: the expression is costly on every line of every document)
		}
		loc := htmlTag.FindStringIndex(masked)
		if loc == nil {
			return
		}
		col := utf8.RuneCountInString(line[:loc[0]]) + 1
		tag := masked[loc[0]:loc[1]]
		if len([]rune(tag)) > 30 {
			tag = string([]rune(tag)[:30]) + "…"
		}
		v.errorf(f, frontmatter.Pos{Line: n, Col: col}, "", "", msg.ContentRawHTML.F(v.lang, tag))
	})
}

// proseLines calls fn with each line of a Markdown body outside fenced code blocks: the line, the line with its
// inline code spans blanked (same length, so columns still hold), and its line number in the file.
func proseLines(body []byte, firstLine int, fn func(line, masked string, n int)) {
	fence := ""
	for i, line := range strings.Split(string(body), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		masked := line
		if strings.IndexByte(line, '`') >= 0 {
			masked = codeSpan.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
		}
		fn(line, masked, firstLine+i)
	}
}
