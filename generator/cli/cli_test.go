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
		{nil, "用法:gongkai <命令> [选项]"},
		{[]string{"--lang", "en"}, "Usage: gongkai <command> [flags]"},
		{[]string{"bild"}, "错误:没有 \"bild\" 这个命令\n运行 gongkai -h 查看用法\n"},
		{[]string{"--lang=en", "bild"}, "Error: unknown command \"bild\"\nTry: gongkai -h\n"},
		{[]string{"build", "--nope"}, "错误:没有 --nope 这个选项\n运行 gongkai build -h 查看用法\n"},
		{[]string{"build", "--nope", "--lang", "en"}, "Error: there is no flag --nope\nTry: gongkai build -h\n"},
		{[]string{"check", "extra"}, "错误:多余的参数 \"extra\""},
		{[]string{"check", "-lang", "en", "extra"}, "Error: unexpected argument \"extra\""},
		{[]string{"build", "--now", "tomorrow"}, "错误:选项 --now 的值 \"tomorrow\" 无效:时间应写作 2025-01-31T02:00:00+08:00 或 2025-01-31\n"},
		{[]string{"build", "--now", "tomorrow", "--lang", "en"}, "Error: invalid value \"tomorrow\" for the flag --now: want a time like 2025-01-31T02:00:00+08:00 or 2025-01-31\n"},
		{[]string{"build", "-s"}, "错误:选项 -s 后面要写一个值\n"},
		{[]string{"rollback", "--forward=x", "--lang", "en"}, "Error: invalid value \"x\" for the flag --forward: must be true or false\n"},
		{[]string{"check", "--lang", "fr"}, "错误:选项 --lang 的值 \"fr\" 无效:只能是 zh 或 en\n"},
		{[]string{"--lang", "fr", "-h"}, "错误:选项 --lang 的值 \"fr\" 无效:只能是 zh 或 en\n"},
	} {
		code, _, stderr := run(tc.args...)
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// Every command prints its help once (package flag printed it a second time on stderr), on stdout, in the
// command line's language, with --lang in it.
func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands() {
		for _, tc := range []struct {
			args  []string
			usage string
		}{
			{[]string{c.name, "-h"}, "用法:gongkai " + c.name},
			{[]string{c.name, "--help", "--lang", "en"}, "Usage: gongkai " + c.name},
			{[]string{"--lang", "en", c.name, "-h"}, "Usage: gongkai " + c.name},
		} {
			code, stdout, stderr := run(tc.args...)
			if code != ExitOK || !strings.HasPrefix(stdout, tc.usage) || strings.Count(stdout, tc.usage) != 1 || stderr != "" ||
				!strings.Contains(stdout, "--lang zh|en") {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", tc.args, code, stdout, stderr)
			}
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
