package e2e

import (
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"gongkai/generator/testkit/sitetest"
)

// Hostile titles and summaries: markup, entities, quotes, a CDATA end, a lone ampersand.
const (
	hostileTitle   = `<b>粗体</b> & "引号" 'x' ]]> &lt;i&gt; &amp;`
	hostileSummary = `<b>x</b> &lt; <script>alert(1)</script> ]]> & "q" 'a' &#60;img src=x&#62; &amp;amp;`
)

var hostileSite = "-- config.toml --\n" +
	strings.Replace(sitetest.Config, "[params]\n", "[params]\ndescription = '<i>本站</i> & &lt;简介&gt; ]]>'\n", 1) + `-- content/policies/a.md --
+++
title = '''` + hostileTitle + `'''
summary = '''` + hostileSummary + `'''
date = 2025-03-01
index_no = "000014349/2025-00001"
+++
正文。
-- content/policies/b.md --
+++
title = "没有摘要的文件"
date = 2025-03-02
index_no = "000014349/2025-00002"
+++
代码 ` + "`<b>code</b>`" + ` 与 a < b & c ]]> 的比较, "typographer" -- quotes... &nbsp;&copy;
`

// Every XML file of a built site (feeds, sitemap, any .xml) is well-formed, and a feed's <description> is text:
// RSS readers render a description as HTML, so a summary must reach them escaped as text, shown literally, never
// as markup (<b>x</b> bold, &lt; as <).
func TestXMLOutputsWithHostileText(t *testing.T) {
	b := buildSmall(t, hostileSite, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))

	root, err := filepath.EvalSymlinks(b.out) // the live link to the release
	if err != nil {
		t.Fatal(err)
	}
	var xmls []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".xml") {
			xmls = append(xmls, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(xmls) < 3 {
		t.Fatalf("only %d XML files: %v", len(xmls), xmls)
	}
	feeds := 0
	for _, p := range xmls {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed XML: %v", rel, err)
			continue
		}
		var f struct {
			XMLName xml.Name
			Channel struct {
				Title       string `xml:"title"`
				Description string `xml:"description"`
				Items       []struct {
					Title       string `xml:"title"`
					Link        string `xml:"link"`
					Description string `xml:"description"`
				} `xml:"item"`
			} `xml:"channel"`
		}
		if err := xml.Unmarshal(data, &f); err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if f.XMLName.Local != "rss" {
			continue
		}
		feeds++
		shownAsText(t, rel+" channel description", f.Channel.Description, `<i>本站</i> & &lt;简介&gt; ]]>`)
		for _, it := range f.Channel.Items {
			switch {
			case strings.HasSuffix(it.Link, "/policies/a/"):
				if it.Title != hostileTitle {
					t.Errorf("%s: title %q, want %q", rel, it.Title, hostileTitle)
				}
				shownAsText(t, rel+" "+it.Link, it.Description, hostileSummary)
			case strings.HasSuffix(it.Link, "/policies/b/"):
				// No summary: the start of the text, which shows the code as written and the comparison.
				shown := shownAsText(t, rel+" "+it.Link, it.Description, "")
				for _, want := range []string{"<b>code</b>", "a < b & c ]]>", "“typographer”", "\u00a9"} {
					if !strings.Contains(shown, want) {
						t.Errorf("%s %s: a reader shows %q, without %q", rel, it.Link, shown, want)
					}
				}
			}
		}
	}
	if feeds < 2 {
		t.Errorf("%d feeds among %v", feeds, xmls)
	}
}

// wellFormed reads every token of data with encoding/xml's strict decoder.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// shownAsText parses an RSS description as a reader does (HTML) and fails unless it is text alone; it returns the
// text a reader shows, which must equal want when want is not empty.
func shownAsText(t *testing.T, where, description, want string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(description), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return ""
	}
	var shown strings.Builder
	for _, n := range nodes {
		if n.Type != html.TextNode {
			t.Errorf("%s: a reader renders markup (%s) from the description %q", where, n.Data, description)
			continue
		}
		shown.WriteString(n.Data)
	}
	if want != "" && shown.String() != want {
		t.Errorf("%s: a reader shows\n%q\nwant\n%q\n(description %q)", where, shown.String(), want, description)
	}
	return shown.String()
}
