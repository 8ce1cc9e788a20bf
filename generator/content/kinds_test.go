package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The kinds are declared once (kindTable). A second list anywhere in the product — Go code outside this file, the
// layouts, the catalogue schema — is what made adding a kind mean editing four places: this test finds any file that
// names three or more kinds as quoted strings.
func TestKindsAreDeclaredOnce(t *testing.T) {
	root := filepath.Join("..", "..")
	var offenders []string
	for _, dir := range []string{"generator", "layouts"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, filepath.Join("content", "kinds.go")) {
				return nil
			}
			switch filepath.Ext(p) {
			case ".go", ".html", ".xml", ".json", ".js":
			default:
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n := 0
			for _, k := range Kinds {
				if strings.Contains(string(src), `"`+string(k)+`"`) || strings.Contains(string(src), string(k)+"|") {
					n++
				}
			}
			if n >= 3 {
				offenders = append(offenders, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range offenders {
		t.Errorf("%s lists the document kinds itself; take them from content.Kinds (Go) or hugo.Data.gongkai.nav.kinds (layouts)", p)
	}
}
