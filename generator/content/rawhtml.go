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
		if strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") {
			continue // indented code block
		}
		masked := codeSpan.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
		loc := htmlTag.FindStringIndex(masked)
		if loc == nil {
			continue
		}
		col := utf8.RuneCountInString(line[:loc[0]]) + 1
		tag := masked[loc[0]:loc[1]]
		if len([]rune(tag)) > 30 {
			tag = string([]rune(tag)[:30]) + "…"
		}
		v.errorf(f, frontmatter.Pos{Line: firstLine + i, Col: col}, "", "", msg.ContentRawHTML.F(v.lang, tag))
	}
}
