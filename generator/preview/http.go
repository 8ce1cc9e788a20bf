package preview

import (
	"bytes"
	"embed"
	"fmt"
	"gongkai/generator/msg"
	"html"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed assets/reload.js assets/overlay.css
var assets embed.FS

// Prefix is where the preview serves its own files; no site has a folder of that name.
const Prefix = "/_gongkai/"

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// An editor must always see the current state, never a cached page.
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case Prefix + "reload.js":
		s.asset(w, r, "assets/reload.js", "text/javascript; charset=utf-8")
		return
	case Prefix + "overlay.css":
		s.asset(w, r, "assets/overlay.css", "text/css; charset=utf-8")
		return
	case Prefix + "events":
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	s.mu.RLock()
	root, gen := s.served, s.gen
	s.mu.RUnlock()
	if root == "" {
		s.page(w, http.StatusServiceUnavailable, []byte("<!DOCTYPE html><html><head><title>gongkai</title></head><body></body></html>"), gen)
		return
	}
	upath := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") || strings.HasSuffix(upath, ".html") || strings.HasSuffix(upath, ".xml") {
		s.renderStale(r.URL.Path)
	}
	file := filepath.Join(root, filepath.FromSlash(upath))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, folderURL(upath), http.StatusMovedPermanently)
			return
		}
		file = filepath.Join(file, "index.html")
		info, err = os.Stat(file)
	}
	if err != nil {
		body, rerr := os.ReadFile(filepath.Join(root, "404.html"))
		if rerr != nil {
			body = []byte("<!DOCTYPE html><html><head><title>404</title></head><body><h1>404</h1></body></html>")
		}
		s.page(w, http.StatusNotFound, body, gen)
		return
	}
	if strings.HasSuffix(file, ".html") {
		body, err := os.ReadFile(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.page(w, http.StatusOK, body, gen)
		return
	}
	http.ServeFile(w, r, file)
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request, name, typ string) {
	data, _ := assets.ReadFile(name)
	w.Header().Set("Content-Type", typ)
	w.Write(data)
}

// page writes an HTML page with the reload script and, while the site has errors, the list of problems.
func (s *Server) page(w http.ResponseWriter, status int, body []byte, gen int) {
	s.mu.RLock()
	bad, lang := s.diags, s.lang
	s.mu.RUnlock()
	head := fmt.Sprintf(`<script src="%sreload.js?g=%d" defer></script>`, Prefix, gen)
	if len(bad) > 0 {
		head += `<link rel="stylesheet" href="` + Prefix + `overlay.css">`
	}
	body = insertAfterTag(body, "<head", head)
	if len(bad) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, `<div id="gongkai-errors" role="alert"><h2>%s</h2><ol>`, html.EscapeString(msg.PreviewOverlayTitle.In(lang)))
		for _, d := range bad {
			fmt.Fprintf(&b, "<li><code>%s</code></li>", html.EscapeString(d.String()))
		}
		b.WriteString("</ol></div>")
		body = insertAfterTag(body, "<body", b.String())
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(body)
}

// insertAfterTag puts ins right after the opening tag (e.g. "<head") or, when the page has none, at its start.
func insertAfterTag(page []byte, tag, ins string) []byte {
	lower := bytes.ToLower(page)
	i := bytes.Index(lower, []byte(tag))
	for i >= 0 {
		next := i + len(tag)
		if next < len(lower) && (lower[next] == '>' || lower[next] == ' ' || lower[next] == '\n' || lower[next] == '\t') {
			break
		}
		j := bytes.Index(lower[next:], []byte(tag))
		if j < 0 {
			i = -1
			break
		}
		i = next + j
	}
	at := 0
	if i >= 0 {
		if end := bytes.IndexByte(page[i:], '>'); end >= 0 {
			at = i + end + 1
		}
	} else if bytes.HasPrefix(lower, []byte("<!doctype")) {
		if end := bytes.IndexByte(page, '>'); end >= 0 {
			at = end + 1
		}
	}
	out := make([]byte, 0, len(page)+len(ins))
	out = append(out, page[:at]...)
	out = append(out, ins...)
	return append(out, page[at:]...)
}

// events is a server-sent event stream: "reload" whenever the site was rebuilt after the page was served.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	seen, err := strconv.Atoi(r.URL.Query().Get("g"))
	s.mu.RLock()
	gen, wake := s.gen, s.wake
	s.mu.RUnlock()
	if err != nil {
		seen = gen
	}
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		if gen != seen {
			// Rebuilt since this page was served (perhaps while it was loading).
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", gen)
			flusher.Flush()
			seen = gen
		}
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		case <-wake:
			s.mu.RLock()
			gen, wake = s.gen, s.wake
			s.mu.RUnlock()
		}
	}
}

// folderURL is the address a request for the folder upath (cleaned, starting with /) is redirected to: always a
// path on this server. The request's own path is never echoed: //evil.example/.. would have become the
// protocol-relative //evil.example/../, an open redirect to another site.
func folderURL(upath string) string {
	u := strings.TrimRight(upath, "/") + "/"
	if strings.HasPrefix(u, "//") || strings.HasPrefix(u, "/\\") {
		return "/"
	}
	return (&url.URL{Path: u}).EscapedPath()
}
