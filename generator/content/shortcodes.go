package content

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// foreignShortcodes are Hugo's embedded shortcodes that embed another site's content (an iframe or a script):
// they would publish what raw HTML off is meant to keep out, and make the reader's browser contact that site.
var foreignShortcodes = map[string]bool{
	"youtube": true, "vimeo": true, "vimeo_simple": true, "x": true, "x_simple": true, "twitter": true,
	"twitter_simple": true, "tweet": true, "instagram": true, "instagram_simple": true, "gist": true,
}

// shortcodeCall matches the opening of a shortcode call, {{< name or {{% name; {{</* name */>}} (a call shown as
// text) does not match.
var shortcodeCall = regexp.MustCompile(`\{\{[<%]\s*([A-Za-z0-9_/.-]+)`)

// foreignEmbeds refuses, like raw HTML, the shortcodes that embed other sites. Hugo expands shortcodes before the
// Markdown is read, inside code blocks too, so every line is searched.
func (v *validator) foreignEmbeds(f string, body []byte, firstLine int) {
	for i, line := range strings.Split(string(body), "\n") {
		for _, m := range shortcodeCall.FindAllStringSubmatchIndex(line, -1) {
			name := line[m[2]:m[3]]
			if !foreignShortcodes[strings.ToLower(name)] {
				continue
			}
			col := utf8.RuneCountInString(line[:m[0]]) + 1
			v.errorf(f, frontmatter.Pos{Line: firstLine + i, Col: col}, "", "", msg.ContentForeignShortcode.F(v.lang, name))
		}
	}
}
