package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

const layouts = `-- layouts/baseof.html --
<!DOCTYPE html><html lang="zh-CN"><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
-- layouts/page.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
-- layouts/list.html --
{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
`

func published(t *testing.T, out string) string {
	t.Helper()
	p, err := filepath.EvalSymlinks(out)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBrokenInternalLinkFailsNamingPageAndSource(t *testing.T) {
	site := sitetest.Write(t, strings.Replace(layouts, "<body>", `<body><a href="/help/">帮助</a>`, 1)+`-- content/articles/a.md --
+++
title = "普法文章"
date = 2024-03-01
+++
正文。

参见[另一篇](/topics/nope/)和[本文小节](#不存在)。
`)
	out := filepath.Join(t.TempDir(), "public")
	code, stderr := build(t, site, out, now)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{
		"content/articles/a.md:7:9: 页面 /articles/a/ 中的链接 /topics/nope/ 无效:目标不存在\n",
		"content/articles/a.md:7:31: 页面 /articles/a/ 中的链接 #不存在 无效:页面中没有 id 为 不存在 的元素\n",
		// A link the layouts break on every page is said once.
		"layouts: 页面 /(及另外 8 个页面) 中的链接 /help/ 无效:目标不存在\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		t.Errorf("something was published: %v", err)
	}
}

const policy = `+++
title = "关于做好根治欠薪工作的通知"
date = %s
index_no = "000014349/2024-00012"
%s+++
正文。
`

func TestChangedPublicationDateNeedsAChangeNote(t *testing.T) {
	site := sitetest.Write(t, layouts)
	doc := filepath.Join(site, "content/policies/qx.md")
	writeFile(t, doc, strings.Replace(strings.Replace(policy, "%s", "2024-03-12", 1), "%s", "", 1))
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	first := published(t, out)

	writeFile(t, doc, strings.Replace(strings.Replace(policy, "%s", "2024-03-15", 1), "%s", "", 1))
	code, stderr := build(t, site, out, now)
	want := "content/policies/qx.md:3:1: date (发布日期): 已发布的发布日期原为 2024-03-12,现为 2024-03-15;" +
		"已公开的记录不得悄然更改:请在 changes(修订记录)中添加一条日期不早于 2024-03-15 的说明,或改回 2024-03-12\n"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, want 1 and %q:\n%s", code, want, stderr)
	}
	if published(t, out) != first {
		t.Fatal("the failed build was published")
	}

	// An old note does not acknowledge the change; a new one dated on or after the change does.
	writeFile(t, doc, strings.Replace(strings.Replace(policy, "%s", "2024-03-15", 1), "%s",
		"changes = [{ date = 2024-03-14, note = \"更正发布日期\" }]\n", 1))
	if code, stderr := build(t, site, out, now); code != 1 {
		t.Fatalf("a note dated before the change acknowledged it: exit %d\n%s", code, stderr)
	}
	writeFile(t, doc, strings.Replace(strings.Replace(policy, "%s", "2024-03-15", 1), "%s",
		"changes = [{ date = 2024-03-16, note = \"更正发布日期:原误录为3月12日\" }]\n", 1))
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("acknowledged change: exit %d\n%s", code, stderr)
	}
	if published(t, out) == first {
		t.Fatal("the acknowledged change was not published")
	}
}

func TestFutureDocumentAppearsWhenItsTimeComes(t *testing.T) {
	site := sitetest.Write(t, layouts+`-- content/articles/now.md --
+++
title = "已发布"
date = 2025-05-01
+++
正文。
-- content/articles/later.md --
+++
title = "定时发布"
date = 2025-06-10T09:00:00+08:00
+++
正文。
-- content/articles/gone.md --
+++
title = "到期下线"
date = 2025-01-01
expiryDate = 2025-06-05
+++
正文。
`)
	out := filepath.Join(t.TempDir(), "public")
	check := func(now string, present, absent []string) {
		t.Helper()
		if code, stderr := build(t, site, out, now); code != 0 {
			t.Fatalf("build at %s: exit %d\n%s", now, code, stderr)
		}
		root := published(t, out)
		cat, _ := os.ReadFile(filepath.Join(root, "catalog.json"))
		feed, _ := os.ReadFile(filepath.Join(root, "index.xml"))
		for _, p := range present {
			if _, err := os.Stat(filepath.Join(root, "articles", p, "index.html")); err != nil {
				t.Errorf("at %s: %s absent", now, p)
			}
			if !strings.Contains(string(cat), "/articles/"+p+"/") || !strings.Contains(string(feed), "/articles/"+p+"/") {
				t.Errorf("at %s: %s not in catalogue or feed", now, p)
			}
		}
		for _, p := range absent {
			if _, err := os.Stat(filepath.Join(root, "articles", p)); err == nil {
				t.Errorf("at %s: %s published", now, p)
			}
			if strings.Contains(string(cat), "/articles/"+p+"/") || strings.Contains(string(feed), "/articles/"+p+"/") {
				t.Errorf("at %s: %s in catalogue or feed", now, p)
			}
		}
	}
	check("2025-06-01T02:00:00+08:00", []string{"now", "gone"}, []string{"later"})
	// 08:59 in Beijing is before 09:00: the site's time zone decides, not UTC.
	check("2025-06-10T08:59:00+08:00", []string{"now"}, []string{"later", "gone"})
	check("2025-06-10T09:00:00+08:00", []string{"now", "later"}, []string{"gone"})
}
