package browsertest

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/html"
)

// budget is the most a document page may weigh, HTML + CSS + JS brotli-compressed: a page must open quickly on a
// slow phone connection.
const budget = 30 * 1024

// TestDocumentPageWeight measures the seed report's page as a browser fetches it: the HTML plus every stylesheet
// and script it references, each compressed with brotli at level 11, and fails above the budget.
func TestDocumentPageWeight(t *testing.T) {
	dir := builtSite(t)
	for _, p := range []string{"/reports/2024-fzzf/", "/policies/jybt-2023/"} {
		total, parts := pageWeight(t, dir, p)
		t.Logf("%s: %d bytes brotli (%s); budget %d", p, total, strings.Join(parts, ", "), budget)
		if total > budget {
			t.Errorf("%s weighs %d bytes brotli-compressed (HTML+CSS+JS), over the %d-byte budget: %s", p, total, budget, strings.Join(parts, ", "))
		}
	}
}

func pageWeight(t *testing.T, dir, page string) (int, []string) {
	t.Helper()
	files := []string{filepath.Join(page, "index.html")}
	src := readSite(t, dir, files[0])
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attr := map[string]string{}
		for _, a := range n.Attr {
			attr[a.Key] = a.Val
		}
		switch {
		case n.Data == "link" && attr["rel"] == "stylesheet":
			files = append(files, local(t, page, attr["href"]))
		case n.Data == "script" && attr["src"] != "":
			files = append(files, local(t, page, attr["src"]))
		}
	}
	if len(files) < 3 {
		t.Fatalf("%s references %d files; expected the stylesheet and the script", page, len(files)-1)
	}
	total := 0
	var parts []string
	for _, f := range files {
		n := brotliSize(t, readSite(t, dir, f))
		total += n
		parts = append(parts, f+" "+itoa(n))
	}
	return total, parts
}

// local resolves a reference of the page to a site path; a reference to another origin fails the test.
func local(t *testing.T, page, ref string) string {
	t.Helper()
	base, _ := url.Parse("https://site.invalid" + page)
	u, err := base.Parse(ref)
	if err != nil || u.Host != "site.invalid" {
		t.Fatalf("%s references %q, not a file of the site", page, ref)
	}
	return u.Path
}

func readSite(t *testing.T, dir, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func brotliSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 11)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

func itoa(n int) string { return strconv.Itoa(n) }
