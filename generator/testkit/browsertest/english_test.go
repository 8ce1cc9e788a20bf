package browsertest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"gongkai/generator/pipeline"
)

// chinese matches Han characters and CJK punctuation (、。「」 and full-width forms such as ：（）).
var chinese = regexp.MustCompile(`[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]`)

// contentClasses and contentTags hold text that comes from the editors (titles, document bodies, names of
// topics, laws and the publisher, the site's own settings): it stays in the language it was written in.
var (
	contentTags    = map[string]bool{"h1": true, "title": true, "td": true, "dd": true, "script": true, "style": true}
	contentClasses = []string{"prose", "site-name", "lead", "breadcrumb", "doc-no", "change-note", "topic-tree",
		"subtopics", "term-list", "url", "home-column", "kind-group", "original", "file-name"}
	contentAttrs = []string{"data-doc", "data-rel"}
)

// TestEnglishInterface builds the sample site with defaultContentLanguage = "en" and requires that no Chinese
// interface text is left on any page: every label, heading, button and notice comes from i18n/en.toml.
func TestEnglishInterface(t *testing.T) {
	src, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	siteDir := t.TempDir()
	copySite(t, src, siteDir)
	cfg, err := os.ReadFile(filepath.Join(src, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = regexp.MustCompile(`(?m)^locale = .*$`).ReplaceAll(cfg, []byte(`locale = "en-US"`))
	cfg = regexp.MustCompile(`(?m)^defaultContentLanguage = .*$`).ReplaceAll(cfg, []byte(`defaultContentLanguage = "en"`))
	if err := os.WriteFile(filepath.Join(siteDir, "config.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	now := time.Date(2025, 12, 31, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
	if _, err := pipeline.Build(pipeline.Options{SiteDir: siteDir, OutDir: out, Now: now}); err != nil {
		t.Fatalf("build the English site: %v", err)
	}

	// The published path is a symlink to the release folder.
	if out, err = filepath.EvalSymlinks(out); err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(`http-equiv="refresh"`)) {
			return nil // Hugo's alias redirect pages (page/1/) have no interface
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if lang := attr(doc.FirstChild.NextSibling, "lang"); !strings.HasPrefix(lang, "en") {
			t.Errorf("%s: <html lang=%q>, want en-US", rel, lang)
		}
		for _, s := range interfaceText(doc) {
			t.Errorf("%s: Chinese interface text %q", rel, s)
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("checked only %d pages", checked)
	}
}

// interfaceText returns the Chinese text of n outside the editors' content: text nodes and the labels
// (aria-label, placeholder, alt) that assistive technology reads.
func interfaceText(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if contentTags[n.Data] {
				return
			}
			for _, a := range contentAttrs {
				if hasAttr(n, a) {
					return
				}
			}
			classes := " " + attr(n, "class") + " "
			for _, c := range contentClasses {
				if strings.Contains(classes, " "+c+" ") {
					return
				}
			}
			if n.Data == "meta" || n.Data == "link" {
				return
			}
			for _, a := range []string{"aria-label", "placeholder", "alt", "title"} {
				if v := attr(n, a); chinese.MatchString(v) {
					out = append(out, a+"="+v)
				}
			}
		}
		if n.Type == html.TextNode && chinese.MatchString(n.Data) {
			out = append(out, strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// copySite copies the site's own folders (not the generator, the output or version control) into dst.
func copySite(t *testing.T, src, dst string) {
	t.Helper()
	skip := map[string]bool{".git": true, "generator": true, "public": true, "bin": true, "resources": true, ".public-releases": true}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "." {
			return nil
		}
		if skip[strings.Split(filepath.ToSlash(rel), "/")[0]] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTranslationsHaveTheSameKeys keeps i18n/zh.toml and i18n/en.toml in step: a key missing from one language
// would show Hugo's fallback (the other language, or nothing) on that site.
func TestTranslationsHaveTheSameKeys(t *testing.T) {
	keys := func(lang string) map[string]bool {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", "i18n", lang+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, k := range regexp.MustCompile(`(?m)^([A-Za-z0-9_]+)\s*=`).FindAllSubmatch(b, -1) {
			if m[string(k[1])] {
				t.Errorf("i18n/%s.toml: key %s twice", lang, k[1])
			}
			m[string(k[1])] = true
		}
		return m
	}
	zh, en := keys("zh"), keys("en")
	for k := range zh {
		if !en[k] {
			t.Errorf("i18n/en.toml lacks %s", k)
		}
	}
	for k := range en {
		if !zh[k] {
			t.Errorf("i18n/zh.toml lacks %s", k)
		}
	}
	if len(zh) < 50 {
		t.Fatalf("only %d keys in i18n/zh.toml", len(zh))
	}
}
