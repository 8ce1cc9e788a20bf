package pipeline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongkai/generator/buildreport"
	"gongkai/generator/testkit/sitetest"
)

func readReport(t *testing.T, file string) buildreport.Report {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var r buildreport.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReportSaysWhatChanged(t *testing.T) {
	site := sitetest.Write(t, layouts+`-- content/articles/a.md --
+++
title = "甲"
date = 2024-03-01
+++
正文。[外部链接](https://www.gov.cn/zhengce/)
-- content/articles/b.md --
+++
title = "乙"
date = 2024-03-02
+++
正文。
`)
	out := filepath.Join(t.TempDir(), "public")
	rep := filepath.Join(t.TempDir(), "report.json")
	if code, stderr := build(t, site, out, now, "--report", rep); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	r := readReport(t, rep)
	if r.Status != "published" || r.ExitCode != 0 || r.Documents["articles"] != 2 || r.Pages == 0 ||
		len(r.Changes.Added) == 0 || r.Previous != "" {
		t.Errorf("first report: %+v", r)
	}
	if len(r.External) != 1 || r.External[0].URL != "https://www.gov.cn/zhengce/" || r.External[0].FirstPage != "/articles/a/" {
		t.Errorf("external links: %+v", r.External)
	}

	writeFile(t, filepath.Join(site, "content/articles/a.md"), "+++\ntitle = \"甲(修订)\"\ndate = 2024-03-01\n+++\n正文。\n")
	os.Remove(filepath.Join(site, "content/articles/b.md"))
	// A published document goes only with a record of its withdrawal.
	writeFile(t, filepath.Join(site, "data/withdrawn.toml"), "[[withdrawn]]\nname = \"articles/b\"\ndate = 2024-03-03\nreason = \"已废止\"\nbody = \"removed\"\n")
	writeFile(t, filepath.Join(site, "content/articles/c.md"), "+++\ntitle = \"丙\"\ndate = 2024-03-03\n+++\n正文。\n")
	if code, stderr := build(t, site, out, now, "--report", rep); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	r = readReport(t, rep)
	has := func(list []string, p string) bool {
		for _, x := range list {
			if x == p {
				return true
			}
		}
		return false
	}
	// The withdrawn document's page became its notice, with a marker for the web server's 410.
	if !has(r.Changes.Changed, "articles/a/index.html") || !has(r.Changes.Changed, "articles/b/index.html") ||
		!has(r.Changes.Added, ".withdrawn/articles/b/410") ||
		!has(r.Changes.Added, "articles/c/index.html") || has(r.Changes.Changed, "articles/c/index.html") {
		t.Errorf("changes: %+v", r.Changes)
	}
	for _, l := range [][]string{r.Changes.Added, r.Changes.Removed, r.Changes.Changed} {
		for _, p := range l {
			if strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".br") {
				t.Errorf("compressed form listed: %s", p)
			}
		}
	}
	var names []string
	for _, s := range r.Stages {
		names = append(names, s.Name)
	}
	want := []string{"validate", "static", "render", "catalogue", "search", "minify", "verify", "compress", "hash", "manifest", "times", "sync", "publish"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("stages %v, want %v", names, want)
	}

	// A failed build still writes its report, with the errors and nothing published.
	writeFile(t, filepath.Join(site, "content/articles/c.md"), "+++\ntitle = \"丙\"\ndate = 2024-03-03\n+++\n[坏链接](/nope/)\n")
	if code, _ := build(t, site, out, now, "--report", rep); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	r = readReport(t, rep)
	if r.Status != "failed" || r.ExitCode != 1 || len(r.Errors) != 1 || !strings.Contains(r.Errors[0], "/nope/") {
		t.Errorf("failed report: %+v", r)
	}
}
