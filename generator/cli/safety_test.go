package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 14 item 9: rollback on a site that does not exist says so and creates nothing there.
func TestRollbackNowhereCreatesNothing(t *testing.T) {
	base := t.TempDir()
	site := filepath.Join(base, "no", "such", "site")
	code, _, stderr := run("rollback", "-s", site)
	if code != ExitContent || !strings.Contains(stderr, "nothing was published at "+filepath.Join(site, "public")) {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Lstat(filepath.Join(base, "no")); err == nil {
		t.Errorf("rollback created %s", filepath.Join(base, "no"))
	}
	// A folder that is not gongkai's is refused as build refuses it, and kept.
	www := filepath.Join(base, "www")
	os.MkdirAll(www, 0o755)
	os.WriteFile(filepath.Join(www, "n.txt"), []byte("k"), 0o644)
	code, _, stderr = run("rollback", "-s", base, "-d", www)
	if code != ExitUsage || !strings.Contains(stderr, "非空的普通目录") {
		t.Errorf("rollback -d www: exit %d, want 2\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(www, "n.txt")); err != nil || string(b) != "k" {
		t.Errorf("n.txt: %q %v", b, err)
	}
	if _, err := os.Lstat(filepath.Join(base, ".www-releases")); err == nil {
		t.Error("rollback created .www-releases")
	}
}
