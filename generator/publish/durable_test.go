package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Issue 14, risks: a release's files are made durable before the link is switched to it.
func TestCommitMakesTheReleaseDurableBeforeTheSwitch(t *testing.T) {
	base := t.TempDir()
	tg, err := New(filepath.Join(base, "public"))
	if err != nil {
		t.Fatal(err)
	}
	staging, err := tg.Stage()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(staging, "index.html"), []byte("x"), 0o644)
	var synced string
	var linkedBefore bool
	defer func(d func(string) error) { durable = d }(durable)
	durable = func(dir string) error {
		synced = dir
		_, err := os.Lstat(tg.Path)
		linkedBefore = err == nil
		return syncFS(dir)
	}
	if _, err := tg.Commit(staging, "r1"); err != nil {
		t.Fatal(err)
	}
	if synced != staging || linkedBefore {
		t.Errorf("synced %q (want %q), link existed before the sync: %v", synced, staging, linkedBefore)
	}
	if b, err := os.ReadFile(filepath.Join(tg.Path, "index.html")); err != nil || string(b) != "x" {
		t.Errorf("published %q %v", b, err)
	}
}

// A build syncs as a stage of its own (Sync), then commits: the release is synced once, before the switch.
func TestSyncThenCommitSyncsOnce(t *testing.T) {
	tg, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	staging, err := tg.Stage()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(staging, "index.html"), []byte("x"), 0o644)
	var syncs []string
	defer func(d func(string) error) { durable = d }(durable)
	durable = func(dir string) error {
		_, err := os.Lstat(tg.Path)
		syncs = append(syncs, fmt.Sprintf("%s linked=%v", filepath.Base(dir), err == nil))
		return nil
	}
	if err := tg.Sync(staging); err != nil {
		t.Fatal(err)
	}
	if _, err := tg.Commit(staging, "r1"); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Base(staging) + " linked=false"; len(syncs) != 1 || syncs[0] != want {
		t.Errorf("syncs %q, want [%q]", syncs, want)
	}
}
