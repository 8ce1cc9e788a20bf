package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// commitRelease stages and publishes one release whose index.html says id; servedPage is what the published path serves.
func commitRelease(t *testing.T, tg *Target, id string) string {
	t.Helper()
	staging, err := tg.Stage()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(staging, "index.html"), []byte(id), 0o644); err != nil {
		t.Fatal(err)
	}
	// Folders two and three levels down, as a site's pages are: Prune removes those side by side.
	for _, dir := range []string{"policies/a", "policies/b/c", "search/terms"} {
		if err := os.MkdirAll(filepath.Join(staging, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(staging, dir, "index.html"), []byte(id), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rel, err := tg.Commit(staging, id)
	if err != nil {
		t.Fatal(err)
	}
	tg.Prune()
	return rel
}

func servedPage(t *testing.T, tg *Target) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(tg.Path, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCommitSwitchesKeepsAndRollsBack(t *testing.T) {
	tg, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Lock(); err != nil {
		t.Fatal(err)
	}
	defer tg.Unlock()
	for i := 1; i <= Keep+2; i++ {
		rel := commitRelease(t, tg, fmt.Sprintf("r%d", i))
		if tg.Current() != rel || servedPage(t, tg) != fmt.Sprintf("r%d", i) {
			t.Fatalf("after release %d: current %s, served %q", i, tg.Current(), servedPage(t, tg))
		}
	}
	if n := len(tg.List()); n != Keep {
		t.Errorf("%d releases kept, want %d", n, Keep)
	}
	// The releases pruned were set aside, to be removed by the next build.
	names := func() []string {
		var out []string
		left, _ := os.ReadDir(tg.Releases)
		for _, e := range left {
			out = append(out, e.Name())
		}
		return out
	}
	if got := names(); len(got) != Keep+4 || !slices.Contains(got, ".trash-r1") || !slices.Contains(got, ".trash-r2") {
		t.Errorf("beside the releases: %v, want the releases, the lock, the order and r1 and r2 set aside", got)
	}
	tg.EmptyTrash()
	if got := names(); len(got) != Keep+2 { // the releases, the lock and the order
		t.Errorf("left beside the releases after EmptyTrash: %v", got)
	}
	back, err := tg.Rollback()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(back) != fmt.Sprintf("r%d", Keep+1) || servedPage(t, tg) != fmt.Sprintf("r%d", Keep+1) {
		t.Errorf("rolled back to %s, serving %q", back, servedPage(t, tg))
	}
}

func TestSecondBuildCannotTakeTheLock(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	a, _ := New(out)
	b, _ := New(out)
	if err := a.Lock(); err != nil {
		t.Fatal(err)
	}
	if err := b.Lock(); err == nil {
		t.Fatal("two builds hold the lock at once")
	}
	a.Unlock()
	if err := b.Lock(); err != nil {
		t.Fatalf("the lock is not free after Unlock: %v", err)
	}
	b.Unlock()
}

// A folder with files that gongkai did not publish is never moved: the commit is refused and the folder kept.
func TestFolderNotOursIsRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	tg, _ := New(out)
	staging, err := tg.Stage()
	if err != nil {
		t.Fatal(err)
	}
	_, err = tg.Commit(staging, "new")
	var refused *RefusedError
	if !errors.As(err, &refused) || refused.Reason != "not empty" {
		t.Fatalf("Commit over a folder of files: %v", err)
	}
	if fi, err := os.Lstat(out); err != nil || !fi.IsDir() || servedPage(t, tg) != "old" {
		t.Errorf("the folder was changed: %v", err)
	}
}

// What a killed build left is cleaned up by the next one's Stage: staging folders and releases newer than the
// live one, none of which was ever served.
func TestStageRemovesWhatKilledBuildsLeft(t *testing.T) {
	tg, _ := New(filepath.Join(t.TempDir(), "public"))
	commitRelease(t, tg, "a")
	left := []string{filepath.Join(tg.Releases, ".staging-x"), filepath.Join(tg.Releases, "b")}
	for _, d := range left {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tg.Stage(); err != nil {
		t.Fatal(err)
	}
	for _, d := range left {
		if _, err := os.Stat(d); err == nil {
			t.Errorf("%s is still there", d)
		}
	}
	if servedPage(t, tg) != "a" {
		t.Error("the live release changed")
	}
}
