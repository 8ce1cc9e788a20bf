package treecopy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCopy(t *testing.T) {
	src, dst := t.TempDir(), t.TempDir()
	for name, data := range map[string]string{"css/site.css": "a{}", "js/a.js": "1", "js/.a.js.swp": "x", "中文.txt": "文"} {
		p := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	os.Symlink("css/site.css", filepath.Join(src, "link.css"))
	got, err := Copy(src, dst, func(n string) bool { return strings.HasSuffix(n, ".swp") })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"css/site.css", "js/a.js", "中文.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("copied %v, want %v", got, want)
	}
	if data, _ := os.ReadFile(filepath.Join(dst, "中文.txt")); string(data) != "文" {
		t.Errorf("content %q", data)
	}
	if _, err := os.Stat(filepath.Join(dst, "js", ".a.js.swp")); err == nil {
		t.Error("skipped file was copied")
	}
	if got, err := Copy(filepath.Join(src, "missing"), dst, nil); err != nil || len(got) != 0 {
		t.Errorf("missing source: %v %v", got, err)
	}
}
