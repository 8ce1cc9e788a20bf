package pipeline_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongkai/generator/precompress"
	"gongkai/generator/testkit/corpus"
)

// TestNginxExampleServesTheOutput runs docs/nginx.conf, the nginx configuration the documentation gives, as
// written there, on a built sample site.
func TestNginxExampleServesTheOutput(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nginx is missing (apt-get install nginx libnginx-mod-http-brotli-static)")
		}
		t.Skip("nginx is not installed")
	}
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, "docs", "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	// Three documents withdrawn (撤销公开) the next night: one deleted with its text removed, one with its text kept,
	// and a bundle with an attachment, its text removed but its file kept in the sources.
	attachment := "/policies/jybt-2023/附件1-申请表.txt"
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(attachment))); err != nil {
		t.Fatalf("the sample's bundle has no attachment to withdraw: %v", err)
	}
	if err := os.Remove(filepath.Join(site, "content/policies/shbx-2022.md")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(site, "data/withdrawn.toml"), "[[withdrawn]]\nname = \"policies/shbx-2022\"\ndate = 2025-06-02\n"+
		"reason = \"已废止\"\nbody = \"removed\"\n\n[[withdrawn]]\nname = \"articles/mfd-2025\"\ndate = 2025-06-02\nreason = \"有误\"\nbody = \"kept\"\n"+
		"\n[[withdrawn]]\nname = \"policies/jybt-2023\"\ndate = 2025-06-02\nreason = \"已失效\"\nbody = \"removed\"\n")
	if code, stderr := build(t, site, out, "2025-06-02T02:00:00+08:00"); code != 0 {
		t.Fatalf("build after the withdrawal: exit %d\n%s", code, stderr)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	server := strings.Replace(string(example), "listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", port), 1)
	server = strings.Replace(server, "/srv/gongkai/public", out, 1)
	brotli := "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
	var conf strings.Builder
	if _, err := os.Stat(brotli); err == nil {
		fmt.Fprintf(&conf, "load_module %s;\n", brotli)
	} else {
		server = strings.Replace(server, "brotli_static on;", "", 1)
	}
	prefix := t.TempDir()
	if os.Geteuid() == 0 {
		conf.WriteString("user root;\n") // the test's folders are private to this user
	}
	// One process: killing it at the end leaves no orphaned worker behind (workers outlive a killed master).
	fmt.Fprintf(&conf, "daemon off;\nmaster_process off;\npid %[1]s/nginx.pid;\nerror_log %[2]s/error.log;\nevents {}\nhttp {\ninclude /etc/nginx/mime.types;\n"+
		"access_log off;\nclient_body_temp_path %[1]s;\nproxy_temp_path %[1]s;\nfastcgi_temp_path %[1]s;\nuwsgi_temp_path %[1]s;\nscgi_temp_path %[1]s;\n%[3]s\n}\n",
		prefix, prefix, server)
	cf := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(cf, []byte(conf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nginx, "-p", prefix, "-c", cf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(path, enc string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", base+path, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		var resp *http.Response
		for i := 0; i < 50; i++ {
			if resp, err = client.Do(req); err == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, stderr.String())
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, body
	}
	orig, _ := os.ReadFile(filepath.Join(out, "policies/ldht-2024/index.html"))

	resp, body := get("/policies/ldht-2024/", "br, gzip")
	wantEnc := "br"
	if _, err := os.Stat(brotli); err != nil {
		wantEnc = "gzip"
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != wantEnc {
		t.Fatalf("page: %d, Content-Encoding %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	if got, err := precompress.Decompress("x."+map[string]string{"br": "br", "gzip": "gz"}[wantEnc], body); err != nil || !bytes.Equal(got, orig) {
		t.Errorf("the precompressed page is not the page (%v)", err)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	if resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("page Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
	resp, body = get("/policies/ldht-2024/", "")
	if resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, orig) {
		t.Error("a client without compression does not get the plain page")
	}
	// A fingerprinted stylesheet, named from the page, is immutable.
	css := regexp.MustCompile(`href=(/css/[^ >]+\.css)`).FindSubmatch(orig)
	if css == nil {
		t.Fatal("no stylesheet link on the page")
	}
	resp, _ = get(string(css[1]), "gzip")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("%s: %d, Cache-Control %q, Content-Encoding %q", css[1], resp.StatusCode, resp.Header.Get("Cache-Control"), resp.Header.Get("Content-Encoding"))
	}
	// A Chinese address, the catalogue, and the 404 page.
	resp, _ = get("/topics/%E5%8A%B3%E5%8A%A8%E4%BA%BA%E4%BA%8B%E7%9B%91%E5%AF%9F/", "")
	if resp.StatusCode != 200 {
		t.Errorf("topic page: %d", resp.StatusCode)
	}
	resp, body = get("/catalog.csv", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !bytes.HasPrefix(body, []byte("\ufeff")) {
		t.Errorf("catalog.csv: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, _ = get("/no/such/page/", "")
	if resp.StatusCode != 404 {
		t.Errorf("missing page: %d", resp.StatusCode)
	}
	// The withdrawn document whose text was removed is gone (410), with its notice as the body, with and without
	// the slash, as index.html, and compressed or not; the one whose text is kept answers 200 with its notice.
	notice, _ := os.ReadFile(filepath.Join(out, "policies/shbx-2022/index.html"))
	if !bytes.Contains(notice, []byte("data-notice=withdrawn")) {
		t.Fatal("no withdrawal notice at policies/shbx-2022/")
	}
	for _, p := range []string{"/policies/shbx-2022/", "/policies/shbx-2022", "/policies/shbx-2022/index.html"} {
		resp, body = get(p, "")
		if resp.StatusCode != 410 || !bytes.Equal(body, notice) {
			t.Errorf("%s: %d, want 410 with the notice page (%d bytes)", p, resp.StatusCode, len(body))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
	resp, body = get("/policies/shbx-2022/", "gzip")
	if got, err := precompress.Decompress("x.gz", body); resp.StatusCode != 410 || (resp.Header.Get("Content-Encoding") == "gzip" && (err != nil || !bytes.Equal(got, notice))) {
		t.Errorf("gzip: %d %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	// An attachment of a withdrawn bundle is gone with its text: 410 with the bundle's notice, not 404.
	bundleNotice, _ := os.ReadFile(filepath.Join(out, "policies/jybt-2023/index.html"))
	resp, body = get((&url.URL{Path: attachment}).EscapedPath(), "")
	if resp.StatusCode != 410 || !bytes.Equal(body, bundleNotice) || !bytes.Contains(body, []byte("data-notice=withdrawn")) {
		t.Errorf("%s: %d, want 410 with the notice of its document (%d bytes)", attachment, resp.StatusCode, len(body))
	}
	resp, _ = get("/policies/ldht-2024/no-such-file.pdf", "")
	if resp.StatusCode != 404 {
		t.Errorf("a missing file beside a published document: %d, want 404", resp.StatusCode)
	}
	resp, body = get("/articles/mfd-2025/", "")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("data-notice=withdrawn")) {
		t.Errorf("withdrawn with its text kept: %d", resp.StatusCode)
	}
}
