package browsertest

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestHTMLIsValid runs the Nu HTML Checker on the built HTML of every page the browser tests visit and requires
// zero errors.
func TestHTMLIsValid(t *testing.T) {
	jar := Tool("vnu-jar/build/dist/vnu.jar")
	Require(t, jar != "", "vnu-jar (make tools)")
	java, err := exec.LookPath("java")
	Require(t, err == nil, "java")
	dir := builtSite(t)

	var files []string
	for _, p := range pages(t, dir) {
		file := filepath.Join(dir, "404.html")
		if p.name != "404" {
			u, _ := url.Parse(p.path)
			file = filepath.Join(dir, filepath.FromSlash(u.Path), "index.html")
		}
		files = append(files, file)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	runErr := cmd.Run()

	var report struct {
		Messages []struct {
			Type     string `json:"type"`
			SubType  string `json:"subType"`
			URL      string `json:"url"`
			LastLine int    `json:"lastLine"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu: %v; unreadable output %q (%v)", runErr, stderr.String(), err)
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.SubType == "fatal" {
			rel, _ := filepath.Rel(dir, m.URL[len("file:"):])
			t.Errorf("%s:%d: %s (%q)", rel, m.LastLine, m.Message, m.Extract)
		}
	}
	if runErr != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu failed without messages: %v", runErr)
	}
	if len(files) == 0 {
		t.Fatal("no files checked")
	}
}
