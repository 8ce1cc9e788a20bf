package newdoc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gongkai/generator/testkit/sitetest"
)

const site = `-- archetypes/policy.md --
+++
title = {{ quote .Title }}
date = {{ .Date }}
index_no = "{{ .IndexNo }}"
publisher = {{ quote .Publisher }}
+++
-- content/policies/a.md --
+++
title = "甲"
date = 2025-01-05
index_no = "MB1A23456/2025-00007"
+++
`

var now = time.Date(2025, 3, 1, 1, 30, 0, 0, time.UTC) // 09:30 in Shanghai

func create(t *testing.T, dir string, req Request) (string, string) {
	t.Helper()
	req.SiteDir, req.Now = dir, now
	rel, diags, err := Create(req)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	diags.Print(&b)
	return rel, b.String()
}

func TestCreateFillsWhatItCanKnow(t *testing.T) {
	dir := sitetest.Write(t, site)
	rel, problems := create(t, dir, Request{Kind: "policy", Name: "b-2025", Title: `关于"劳动"的通知`})
	if problems != "" || rel != "content/policies/b-2025.md" {
		t.Fatalf("Create = %q, %q", rel, problems)
	}
	got, err := os.ReadFile(filepath.Join(dir, "content/policies/b-2025.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\ndraft = true\ntitle = \"关于\\\"劳动\\\"的通知\"\ndate = 2025-03-01T09:30:00+08:00\nindex_no = \"MB1A23456/2025-00008\"\npublisher = \"测试局\"\n+++\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// What the editor must put right comes back as diagnostics, and nothing is written.
func TestCreateRefuses(t *testing.T) {
	dir := sitetest.Write(t, site)
	for _, c := range []struct {
		req  Request
		want string
	}{
		{Request{Kind: "memo", Name: "x"}, "未知的文档类型 \"memo\",应为 report, policy, interpretation, article 之一\n"},
		{Request{Kind: "policy", Name: "劳动"}, "文件名 \"劳动\" 只能使用英文字母、数字和连字符(-),例如 ldht-2025\n"},
		{Request{Kind: "policy", Name: "a"}, "content/policies/a.md 已存在,不会覆盖;请换一个文件名\n"},
		{Request{Kind: "policy", Name: "a", Bundle: true}, "content/policies/a.md 已存在,不会覆盖;请换一个文件名\n"},
		{Request{Kind: "article", Name: "c"}, "找不到文档模板 archetypes/article.md\n"},
	} {
		rel, problems := create(t, dir, c.req)
		if rel != "" || problems != c.want {
			t.Errorf("%+v: got %q, %q; want %q", c.req, rel, problems, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content/policies/a/index.md")); err == nil {
		t.Error("a bundle was written beside an existing single file")
	}
}

func TestConfigErrorsStopCreate(t *testing.T) {
	dir := sitetest.Write(t, site+"-- config.toml --\nbaseURL = \"https://example.gov.cn/\"\ntitel = \"x\"\n")
	rel, problems := create(t, dir, Request{Kind: "policy", Name: "b"})
	if rel != "" || problems != "config.toml:2:1: titel: 未知的配置项,是否应为 \"title\"?\n" {
		t.Errorf("got %q, %q", rel, problems)
	}
}
