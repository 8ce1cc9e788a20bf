package preview

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 14 item 10: the preview never redirects to another site, whatever the request's path.
func TestFolderRedirectStaysOnThisServer(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"policies/a", "evil.example", "中文"} {
		os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755)
	}
	s := &Server{served: root}
	for _, tc := range []struct{ target, want string }{
		{"//evil.example/%2e%2e", "/"},
		{"//evil.example/..", "/"},
		{"///evil.example", "/evil.example/"},
		{"/%2fevil.example", "/evil.example/"},
		{"/\\evil.example/..", "/"},
		{"/policies/a", "/policies/a/"},
		{"/policies//a", "/policies/a/"},
		{"/中文", "/%E4%B8%AD%E6%96%87/"},
	} {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1313"+tc.target, nil)
		req.URL.Path = strings.ReplaceAll(req.URL.Path, "%2e", ".")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		loc := w.Header().Get("Location")
		if w.Code != http.StatusMovedPermanently || loc != tc.want {
			t.Errorf("GET %s: %d Location %q, want 301 %q", tc.target, w.Code, loc, tc.want)
		}
		if strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || strings.Contains(loc, ":") {
			t.Errorf("GET %s: redirected off the server to %q", tc.target, loc)
		}
	}
}
