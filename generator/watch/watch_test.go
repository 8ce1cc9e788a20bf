package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func next(t *testing.T, w *Watcher) []Event {
	t.Helper()
	select {
	case b := <-w.C:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch of events")
		return nil
	}
}

func TestBurstIsOneBatchAndNewFoldersAreWatched(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content", "policies"), 0o755)
	w, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	doc := filepath.Join(site, "content", "policies", "a.md")
	os.WriteFile(doc, []byte("x"), 0o644)
	if b := next(t, w); len(b) != 1 || b[0].Op != Create {
		t.Fatalf("batch = %+v, want one creation", b)
	}
	for i := 0; i < 3; i++ {
		os.WriteFile(doc, []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(site, "content", "policies", ".a.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(site, "notes.txt"), []byte("x"), 0o644) // not part of the site
	b := next(t, w)
	if len(b) != 1 || b[0].Path != doc || b[0].Op != Write {
		t.Fatalf("batch = %+v, want one write of %s", b, doc)
	}

	// static/ did not exist at start.
	os.MkdirAll(filepath.Join(site, "static", "css"), 0o755)
	next(t, w)
	css := filepath.Join(site, "static", "css", "site.css")
	os.WriteFile(css, []byte("x"), 0o644)
	b = next(t, w)
	if len(b) != 1 || b[0].Path != css || b[0].Op != Create {
		t.Fatalf("batch = %+v, want a write of %s", b, css)
	}

	os.Remove(doc)
	b = next(t, w)
	if len(b) != 1 || b[0].Path != doc || b[0].Op != Remove {
		t.Fatalf("batch = %+v, want the removal of %s", b, doc)
	}
}

// A site folder deleted is reported removed; restored at its path, its files are reported created and it is
// watched again (the kernel dropped the old watches with the folder).
func TestSiteFolderDeletedAndRestored(t *testing.T) {
	site := filepath.Join(t.TempDir(), "site")
	doc := filepath.Join(site, "content", "policies", "a.md")
	os.MkdirAll(filepath.Dir(doc), 0o755)
	os.WriteFile(doc, []byte("x"), 0o644)
	w, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	if err := os.RemoveAll(site); err != nil {
		t.Fatal(err)
	}
	removed := false
	for !removed {
		for _, e := range next(t, w) {
			removed = removed || (e.Path == site && e.Op == Remove)
		}
	}

	os.MkdirAll(filepath.Dir(doc), 0o755)
	os.WriteFile(doc, []byte("y"), 0o644)
	created := false
	for !created {
		for _, e := range next(t, w) {
			created = created || (e.Path == doc && e.Op == Create)
		}
	}
	time.Sleep(2 * Debounce)
	os.WriteFile(doc, []byte("z"), 0o644)
	if b := next(t, w); len(b) != 1 || b[0].Path != doc || b[0].Op != Write {
		t.Fatalf("batch = %+v, want a write of %s in the restored folder", b, doc)
	}
}
