package content

import (
	"errors"
	"fmt"
	"gongkai/generator/msg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongkai/generator/frontmatter"
)

// WithdrawnFile is the withdrawal list (撤销公开): the record of every published document that was taken down on
// purpose. A document the live release published and the sources no longer have is refused by the build unless
// it is recorded here: nothing disclosed may disappear by accident.
const WithdrawnFile = "data/withdrawn.toml"

// Withdrawal is one record of the list.
//
//	[[withdrawn]]
//	name = "policies/ldht-2023"   # the document, kind/name, as published
//	date = 2026-11-20             # 撤销日期
//	reason = "……"                 # 原因, shown to the public
//	body = "removed"              # "removed" (the text is taken down) or "kept"
type Withdrawal struct {
	Name, Reason, Body string
	Date               time.Time
	Line               int
}

// withdrawals reads the withdrawal list; a site without one has none.
func (v *validator) withdrawals() []Withdrawal {
	src, err := os.ReadFile(filepath.Join(v.dir, WithdrawnFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	f := WithdrawnFile
	if err != nil {
		v.errorf(f, frontmatter.Pos{}, "", "", err.Error())
		return nil
	}
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		var se *frontmatter.SyntaxError
		if errors.As(err, &se) {
			v.errorf(f, se.Pos, "", "", msg.ContentSyntax.F(v.lang, se.Message(v.lang)))
		} else {
			v.errorf(f, frontmatter.Pos{Line: 1, Col: 1}, "", "", msg.ContentEncoding.In(v.lang))
		}
		return nil
	}
	var out []Withdrawal
	items, _ := doc.Values["withdrawn"].([]any)
	for k := range doc.Values {
		if k != "withdrawn" {
			v.errorf(f, doc.Pos[k], k, "", msg.UnknownField.In(v.lang)+msg.DidYouMean.F(v.lang, "withdrawn"))
		}
	}
	for i, it := range items {
		m, _ := it.(map[string]any)
		p := fmt.Sprintf("withdrawn[%d]", i)
		at := func(k string) frontmatter.Pos {
			if q, ok := doc.Pos[p+"."+k]; ok {
				return q
			}
			return doc.Pos[p]
		}
		w := Withdrawal{Line: doc.Pos[p].Line}
		w.Name, _ = m["name"].(string)
		w.Reason, _ = m["reason"].(string)
		w.Body, _ = m["body"].(string)
		w.Name = strings.Trim(strings.TrimSpace(w.Name), "/")
		if w.Name == "" || !strings.Contains(w.Name, "/") {
			v.errorf(f, at("name"), p+".name", "", msg.ContentWithdrawnName.In(v.lang))
		}
		if t, err := ParseDate(m["date"], v.cfg.Location); err != nil {
			v.errorf(f, at("date"), p+".date", "", msg.ContentWithdrawnDate.In(v.lang))
		} else {
			w.Date = t
		}
		if strings.TrimSpace(w.Reason) == "" {
			v.errorf(f, at("reason"), p+".reason", "", msg.ContentWithdrawnReason.In(v.lang))
		}
		if w.Body != "kept" && w.Body != "removed" {
			v.errorf(f, at("body"), p+".body", "", msg.ContentWithdrawnBody.In(v.lang))
		}
		for k := range m {
			switch k {
			case "name", "date", "reason", "body":
			default:
				v.errorf(f, at(k), p+"."+k, "", msg.UnknownField.In(v.lang))
			}
		}
		out = append(out, w)
	}
	return out
}

// withdrawnDocs links every record to the document it names, when that is still in the sources: the document is
// then shown as its withdrawal notice (with its text when body = "kept"). A draft cannot be: the notice of a
// withdrawn document is made from its file, or from the live release's record when the file is gone, and a
// draft file would hide that record. A document recorded twice is refused at the second record.
func (v *validator) withdrawnDocs(site *Site) {
	for _, d := range site.Documents {
		d.Withdrawn = nil // the preview's cache keeps documents from one load to the next
	}
	seen := map[string]int{}
	for i := range site.Withdrawn {
		w := &site.Withdrawn[i]
		if w.Name == "" {
			continue
		}
		if first, dup := seen[w.Name]; dup {
			v.errorf(WithdrawnFile, frontmatter.Pos{Line: w.Line, Col: 1}, fmt.Sprintf("withdrawn[%d].name", i), "",
				msg.WithdrawnTwice.F(v.lang, w.Name, first))
			continue
		}
		seen[w.Name] = w.Line
		d := site.ByName(w.Name)
		if d == nil {
			continue
		}
		if d.Draft {
			v.errorf(d.File, d.Pos["draft"], "draft", fields["draft"].label.In(v.lang), msg.WithdrawnDraft.F(v.lang, WithdrawnFile, w.Line))
			continue
		}
		d.Withdrawn = w
	}
}
