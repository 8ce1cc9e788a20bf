package corpus

import (
	"path/filepath"
	"testing"

	"gongkai/generator/content"
	"gongkai/generator/siteconfig"
)

// The generated corpus must be valid content, or benchmarks would measure the error path.
func TestCorpusIsValid(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	checkValid(t, dir, 300)
	matches, _ := filepath.Glob(filepath.Join(dir, "layouts", "*.html"))
	if len(matches) == 0 {
		t.Error("layouts were not copied")
	}
}

// Varied text must differ from the default and stay valid content; Generate must be repeatable.
func TestVariedCorpus(t *testing.T) {
	a, b := Generate(50, 2, Options{Varied: true}), Generate(50, 2, Options{Varied: true})
	plain := Generate(50, 2, Options{})
	if a[10].Body != b[10].Body || a[10].FrontMatter != b[10].FrontMatter {
		t.Fatal("Generate is not repeatable")
	}
	if a[10].Body == plain[10].Body {
		t.Fatal("Varied changed nothing")
	}
	dir := t.TempDir()
	if err := Write(dir, 0, 1); err != nil {
		t.Fatal(err)
	}
	if err := WriteDocs(dir, a); err != nil {
		t.Fatal(err)
	}
	checkValid(t, dir, 50)
}

// checkValid requires the site in dir to pass gongkai's checks with exactly n documents.
func checkValid(t *testing.T, dir string, n int) {
	t.Helper()
	cfg, diags, err := siteconfig.Load(dir)
	if err != nil || diags.Errors() > 0 {
		t.Fatalf("config: %v %v", err, diags.Sorted())
	}
	site, diags, err := content.Load(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		t.Errorf("%s", d)
	}
	if len(site.Documents) != n {
		t.Errorf("%d documents, want %d", len(site.Documents), n)
	}
}
