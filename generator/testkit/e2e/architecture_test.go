package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/generator/testkit/corpus"
)

// docs/architecture.md is where a newcomer finds every package: it must name each package `go list ./...` gives,
// and no package that is not there.
func TestArchitectureNamesEveryPackage(t *testing.T) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	listed := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(p, "gongkai/")
		listed[rel] = true
		if !strings.Contains(string(doc), "`"+rel+"`") {
			t.Errorf("docs/architecture.md does not name %s", rel)
		}
	}
	for _, m := range regexp.MustCompile("`(generator/[a-z0-9/]+)`").FindAllStringSubmatch(string(doc), -1) {
		if !listed[m[1]] {
			t.Errorf("docs/architecture.md names %s, which go list does not give", m[1])
		}
	}
}
