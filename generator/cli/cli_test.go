package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "Usage: gongkai <command>"},
		{[]string{"bild"}, "Error: unknown command \"bild\"\nTry: gongkai -h"},
		{[]string{"build", "--nope"}, "Try: gongkai build -h"},
		{[]string{"check", "extra"}, "Error: unexpected argument \"extra\""},
		{[]string{"build", "--now", "tomorrow"}, "want a time like"},
	} {
		code, _, stderr := run(tc.args...)
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands() {
		code, stdout, _ := run(c.name, "-h")
		if code != ExitOK || !strings.Contains(stdout, "Usage: gongkai "+c.name) {
			t.Errorf("%s -h: exit %d, stdout %q", c.name, code, stdout)
		}
	}
	if code, stdout, _ := run("version"); code != 0 || !strings.HasPrefix(stdout, "gongkai ") {
		t.Errorf("version: %d %q", code, stdout)
	}
}

const goodSite = `-- content/policies/a.md --
+++
title = "关于做好根治欠薪工作的通知"
date = 2024-03-12
index_no = "000014349/2024-00001"
+++
正文。
`

const badSite = `-- content/policies/a.md --
+++
title = "关于做好根治欠薪工作的通知"
date = 2024-03-12
index_no = "000014349/2023-00001"
+++
正文。
-- content/articles/b.md --
+++
title = "普法"
date = 2024-13-01
+++
正文。
`

func TestCheck(t *testing.T) {
	dir := sitetest.Write(t, goodSite)
	if code, _, stderr := run("check", "-s", dir); code != ExitOK {
		t.Fatalf("good site: exit %d\n%s", code, stderr)
	}
	dir = sitetest.Write(t, badSite)
	code, _, stderr := run("check", "-s", dir)
	want := `content/articles/b.md:3:8: 元数据格式错误:日期 2024-13-01 不存在:月份为 01–12,日不超过当月的天数,时间为 00:00–23:59
content/policies/a.md:4:1: index_no (索引号): 索引号 "000014349/2023-00001" 中的年份 2023 与发布日期的年份 2024 不一致
发现 2 个错误、0 个警告:未写入任何文件
`
	if code != ExitContent || stderr != want {
		t.Errorf("bad site: exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote output: %v", err)
	}
}

// A build that fails leaves the published site exactly as it was.
func TestFailedBuildLeavesOutputUnchanged(t *testing.T) {
	dir := sitetest.WithTheme(t, goodSite)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "-s", dir, "-d", out); code != ExitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := treeHash(t, out)
	if !strings.Contains(before, "policies/a/index.html") {
		t.Fatalf("first build did not publish the policy:\n%s", before)
	}
	sitetest.WriteInto(t, dir, badSite)
	code, _, stderr := run("build", "-s", dir, "-d", out)
	if code != ExitContent {
		t.Fatalf("bad build: exit %d\n%s", code, stderr)
	}
	if after := treeHash(t, out); after != before {
		t.Errorf("output changed by a failed build:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// treeHash lists every file under dir (following the published link) with its content hash.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	for rel, f := range sitetest.Tree(t, dir) {
		sum := sha256.Sum256(f.Data)
		lines = append(lines, rel+" "+hex.EncodeToString(sum[:8]))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// A template that does not parse, or that fails while rendering, is the site's error: exit 1 with the template's
// file and line, not Hugo's guess (baseof.html) nor an internal failure.
func TestTemplateErrorsNameTheTemplate(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{"{{ define \"main\" }}\n<h1>{{ .Title }</h1>\n{{ end }}\n", "layouts/page.html:2: unexpected \"}\" in operand\n"},
		{"{{ define \"main\" }}\n<h1>{{ .Title }}</h1>\n{{ partial \"nosuch.html\" . }}\n{{ end }}\n", "layouts/page.html:3:3: error calling partial: partial \"nosuch.html\" not found\n"},
	} {
		dir := sitetest.WithTheme(t, goodSite+"-- layouts/page.html --\n"+tc.tmpl)
		code, _, stderr := run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"))
		if code != ExitContent || !strings.Contains(stderr, "\n"+tc.want) {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, tc.want)
		}
	}
}
