package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// Release names come from the clock; a clock set back between two builds gives the later release the smaller
// name. Rollback, roll forward, the next build's clean-up and pruning follow the order of publication.
func TestOrderOfPublicationNotNames(t *testing.T) {
	tg, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Lock(); err != nil {
		t.Fatal(err)
	}
	defer tg.Unlock()
	commitRelease(t, tg, "20261101T000000Z")
	commitRelease(t, tg, "20250101T000000Z") // the clock went back a year
	if got := servedPage(t, tg); got != "20250101T000000Z" {
		t.Fatalf("serving %s", got)
	}
	if _, err := tg.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := servedPage(t, tg); got != "20261101T000000Z" {
		t.Errorf("rollback serves %s, want the release published before", got)
	}
	if _, err := tg.Rollback(); err != ErrNoRelease {
		t.Errorf("second rollback: %v, want ErrNoRelease", err)
	}
	if _, err := tg.Forward(); err != nil {
		t.Fatal(err)
	}
	if got := servedPage(t, tg); got != "20250101T000000Z" {
		t.Errorf("forward serves %s", got)
	}
	// Rolled back, the next build keeps the release rolled back from (it was published) and publishes after it.
	tg.Rollback()
	commitRelease(t, tg, "20250102T000000Z")
	if _, err := os.Stat(filepath.Join(tg.Releases, "20250101T000000Z")); err != nil {
		t.Errorf("the release a rollback left was removed: %v", err)
	}
	commitRelease(t, tg, "20250103T000000Z")
	// Four published, three kept: the first published goes, though its name is the largest.
	var names []string
	for _, r := range tg.List() {
		names = append(names, filepath.Base(r))
	}
	want := []string{"20250101T000000Z", "20250102T000000Z", "20250103T000000Z"}
	if len(names) != 3 || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Errorf("releases %v, want %v", names, want)
	}
	if _, err := os.Stat(filepath.Join(tg.Releases, "20261101T000000Z")); err == nil {
		t.Error("the oldest publication was not pruned")
	}
}

// A release named but never published (a build killed before the switch) is removed by the next build.
func TestUnpublishedReleaseRemoved(t *testing.T) {
	tg, _ := New(filepath.Join(t.TempDir(), "public"))
	tg.Lock()
	defer tg.Unlock()
	commitRelease(t, tg, "20250101T000000Z")
	os.Mkdir(filepath.Join(tg.Releases, "20250102T000000Z"), 0o755)
	if _, err := tg.Stage(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(tg.Releases, "20250102T000000Z")); err == nil {
		t.Error("an unpublished release was kept")
	}
}
