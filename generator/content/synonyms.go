package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/search"
)

// SynonymsFile holds the site's groups of equivalent words for search (社保 = 社会保险): data, because every site
// adds the abbreviations its citizens use. The search applies them when a query runs (generator/search).
const SynonymsFile = "data/synonyms.toml"

// LoadSynonyms reads the groups of equivalent words (relative to the site directory) and reports, with the line of
// each, a file that does not parse, a group that is not a list of at least two words, an empty word, a word with
// punctuation or of one character, a word twice in a group and a word in two groups. A missing file is no groups.
// The groups are returned as written, the faulty words left out, so a build with warnings still searches.
func LoadSynonyms(dir string, diags *diag.List, lang msg.Lang) ([][]string, error) {
	v := &validator{lang: lang, diags: diags}
	file := SynonymsFile
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read synonyms: %w", err)
	}
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		var ee *frontmatter.EncodingError
		var le *frontmatter.LimitError
		switch {
		case errors.As(err, &se):
			v.errorf(file, se.Pos, "", "", msg.ContentSynonymsSyntax.F(v.lang, se.Message(v.lang)))
			return nil, nil
		case errors.As(err, &ee):
			v.errorf(file, ee.Pos, "", "", msg.ContentEncoding.In(v.lang))
			return nil, nil
		case errors.As(err, &le):
			v.errorf(file, le.Pos, "", "", le.Message(v.lang))
			return nil, nil
		}
		return nil, err
	}
	for k := range doc.Values {
		if k != "groups" {
			v.errorf(file, doc.Pos[k], k, "", msg.ContentSynonymsKey.In(v.lang))
		}
	}
	groups, ok := doc.Values["groups"].([]any)
	if !ok {
		p := doc.Pos["groups"]
		if p.Line == 0 {
			p = frontmatter.Pos{Line: 1, Col: 1}
		}
		v.errorf(file, p, "groups", "", msg.ContentSynonymsGroups.In(v.lang))
		return nil, nil
	}
	type seen struct {
		group int
		pos   frontmatter.Pos
	}
	first := map[string]seen{}
	var out [][]string
	for i, g := range groups {
		gp := fmt.Sprintf("groups[%d]", i)
		if p, ok := doc.Pos[gp+"[0]"]; ok && doc.Pos[gp] == doc.Pos["groups"] {
			doc.Pos[gp] = p // an array's own position is not recorded: its first word's is
		}
		words, ok := g.([]any)
		if !ok {
			v.errorf(file, doc.Pos[gp], gp, "", msg.ContentSynonymsGroup.In(v.lang))
			continue
		}
		var kept []string
		for j, w := range words {
			wp := fmt.Sprintf("%s[%d]", gp, j)
			pos := doc.Pos[wp]
			s, ok := w.(string)
			c := search.Compact(s)
			switch {
			case !ok:
				v.errorf(file, pos, wp, "", msg.ContentSynonymsNotWord.In(v.lang))
				continue
			case c == "":
				v.errorf(file, pos, wp, "", msg.ContentSynonymsEmpty.In(v.lang))
				continue
			case utf8.RuneCountInString(c) != utf8.RuneCountInString(s):
				v.errorf(file, pos, wp, "", msg.ContentSynonymsChars.F(v.lang, s))
				continue
			case utf8.RuneCountInString(c) < 2:
				v.errorf(file, pos, wp, "", msg.ContentSynonymsShort.F(v.lang, s))
				continue
			}
			if prev, dup := first[c]; dup {
				if prev.group == i {
					v.errorf(file, pos, wp, "", msg.ContentSynonymsDup.F(v.lang, s, prev.pos.Line))
				} else {
					v.errorf(file, pos, wp, "", msg.ContentSynonymsTwoGroups.F(v.lang, s, prev.pos.Line))
				}
				continue
			}
			first[c] = seen{i, pos}
			kept = append(kept, s)
		}
		if len(words) < 2 {
			v.errorf(file, doc.Pos[gp], gp, "", msg.ContentSynonymsGroup.In(v.lang))
		}
		if len(kept) >= 2 {
			out = append(out, kept)
		}
	}
	return out, nil
}
