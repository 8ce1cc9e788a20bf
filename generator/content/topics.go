package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// Topics is the site's 主题分类 vocabulary: top-level classes and their children. It is data, not code, because
// localities rename and extend classes.
type Topics struct {
	Classes []TopicClass
	valid   map[string]bool
	all     []string
}

// TopicClass is one top-level class.
type TopicClass struct {
	Name     string
	Children []string
}

// NormalizeTopic accepts "一级\二级" and the slashes editors also type, and returns the canonical "一级\二级".
func NormalizeTopic(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range []string{"＼", "/", "／"} {
		s = strings.ReplaceAll(s, sep, `\`)
	}
	parts := strings.Split(s, `\`)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, `\`)
}

// Has reports whether topic ("一级" or "一级\二级") is in the vocabulary.
func (t *Topics) Has(topic string) bool { return t.valid[topic] }

// Closest suggests the vocabulary entry nearest to topic: a class whose child is the same, or the nearest name.
func (t *Topics) Closest(topic string) string {
	last := topic
	if i := strings.LastIndex(topic, `\`); i >= 0 {
		last = topic[i+1:]
	}
	for _, c := range t.Classes {
		for _, ch := range c.Children {
			if ch == last {
				return c.Name + `\` + ch
			}
		}
		if c.Name == last {
			return c.Name
		}
	}
	return closest(topic, t.all)
}

// LoadTopics reads the vocabulary file (relative to the site directory).
func LoadTopics(dir, file string, diags *diag.List, lang msg.Lang) (*Topics, error) {
	v := &validator{lang: lang, diags: diags}
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read topics: %w", err)
	}
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		var le *frontmatter.LimitError
		if errors.As(err, &se) {
			v.errorf(file, se.Pos, "", "", msg.ContentBadTopicsFile.F(v.lang, se.Message(v.lang)))
			return nil, nil
		}
		if errors.As(err, &le) {
			v.errorf(file, le.Pos, "", "", le.Message(v.lang))
			return nil, nil
		}
		return nil, err
	}
	t := &Topics{valid: map[string]bool{}}
	classes, _ := doc.Values["class"].([]any)
	if len(classes) == 0 {
		v.errorf(file, frontmatter.Pos{Line: 1, Col: 1}, "class", "", msg.ContentTopicsClass.In(v.lang))
	}
	for i, c := range classes {
		m, _ := c.(map[string]any)
		name, _ := m["name"].(string)
		children, isList := m["children"].([]any)
		if _, present := m["children"]; !present {
			isList = true
		}
		if name == "" || !isList {
			v.errorf(file, doc.Pos[fmt.Sprintf("class[%d]", i)], fmt.Sprintf("class[%d]", i), "", msg.ContentTopicsClass.In(v.lang))
			continue
		}
		tc := TopicClass{Name: name}
		t.valid[name] = true
		t.all = append(t.all, name)
		for _, ch := range children {
			s, _ := ch.(string)
			if s == "" {
				continue
			}
			tc.Children = append(tc.Children, s)
			t.valid[name+`\`+s] = true
			t.all = append(t.all, name+`\`+s)
		}
		t.Classes = append(t.Classes, tc)
	}
	return t, nil
}
