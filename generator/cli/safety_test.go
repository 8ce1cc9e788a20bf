package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/generator/testkit/sitetest"
)

// Issue 14 item 9: rollback on a site that does not exist says so and creates nothing there.
func TestRollbackNowhereCreatesNothing(t *testing.T) {
	base := t.TempDir()
	site := filepath.Join(base, "no", "such", "site")
	code, _, stderr := run("rollback", "-s", site)
	if code != ExitContent || !strings.Contains(stderr, filepath.Join(site, "public")+" 尚未发布过任何版本") {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Lstat(filepath.Join(base, "no")); err == nil {
		t.Errorf("rollback created %s", filepath.Join(base, "no"))
	}
	// A folder that is not gongkai's is refused as build refuses it, and kept.
	www := filepath.Join(base, "www")
	os.MkdirAll(www, 0o755)
	os.WriteFile(filepath.Join(www, "n.txt"), []byte("k"), 0o644)
	code, _, stderr = run("rollback", "-s", base, "-d", www)
	if code != ExitUsage || !strings.Contains(stderr, "非空的普通目录") {
		t.Errorf("rollback -d www: exit %d, want 2\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(www, "n.txt")); err != nil || string(b) != "k" {
		t.Errorf("n.txt: %q %v", b, err)
	}
	if _, err := os.Lstat(filepath.Join(base, ".www-releases")); err == nil {
		t.Error("rollback created .www-releases")
	}
}

// Issue 14 item 2: one rule for links, in validation as in Hugo: content/ may be a link to a folder inside the
// site (both follow it); a link out of the site, and any link under content/, are refused with their path.
func TestContentLinks(t *testing.T) {
	noIndex := "+++\ntitle = \"关于做好根治欠薪工作的通知\"\ndate = 2024-03-12\nfoo = 1\n+++\n正文。\n"

	// content/ linking inside the site: validated like a folder (before, check saw 0 documents and build
	// published them unvalidated).
	site := sitetest.Write(t, "-- src/policies/a.md --\n"+noIndex)
	if err := os.Symlink("src", filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run("check", "-s", site)
	for _, want := range []string{
		"content/policies/a.md:1:1: index_no (索引号): 缺少必填字段",
		"content/policies/a.md:4:1: foo: 未知的字段",
	} {
		if code != ExitContent || !strings.Contains(stderr, want) {
			t.Errorf("content linked inside: exit %d, want 1 and %q\n%s", code, want, stderr)
		}
	}

	// content/ linking out of the site.
	outside := sitetest.Write(t, "-- policies/a.md --\n"+noIndex)
	site = sitetest.Write(t, "")
	os.Symlink(outside, filepath.Join(site, "content"))
	code, _, stderr = run("check", "-s", site)
	if want := "content: content 是指向站点之外 " + outside + " 的符号链接:拒绝读取;content 只能链接到站点目录之内\n"; code != ExitContent || !strings.Contains(stderr, want) {
		t.Errorf("content linked outside: exit %d, want 1 and %q\n%s", code, want, stderr)
	}

	// A document, a folder and an attachment linked, inside or out of the site: Hugo would skip them.
	site = sitetest.Write(t, goodSite+"-- content/reports/r/index.md --\n"+goodReport+"-- other.md --\n"+noIndex)
	os.Symlink(filepath.Join(outside, "policies", "a.md"), filepath.Join(site, "content", "policies", "out.md"))
	os.Symlink(filepath.Join(site, "other.md"), filepath.Join(site, "content", "policies", "in.md"))
	os.Symlink(filepath.Join(outside, "policies"), filepath.Join(site, "content", "articles"))
	os.Symlink("/etc/passwd", filepath.Join(site, "content", "reports", "r", "passwd.txt"))
	code, _, stderr = run("check", "-s", site)
	for _, want := range []string{
		"content/articles: 是指向 " + filepath.Join(outside, "policies") + " 的符号链接:拒绝发布;Hugo 不会发布 content 中的符号链接,请换成文件本身\n",
		"content/policies/in.md: 是指向 " + filepath.Join(site, "other.md") + " 的符号链接",
		"content/policies/out.md: 是指向 " + filepath.Join(outside, "policies", "a.md") + " 的符号链接",
		"content/reports/r/passwd.txt: 是指向 /etc/passwd 的符号链接",
	} {
		if code != ExitContent || !strings.Contains(stderr, want) {
			t.Errorf("linked files: exit %d, want 1 and %q\n%s", code, want, stderr)
		}
	}
}

// Issue 14, risks: a named pipe as a document or an attachment is refused at once instead of blocking the build
// (which holds the lock) forever.
func TestNamedPipesRefused(t *testing.T) {
	site := sitetest.Write(t, goodSite+"-- content/reports/r/index.md --\n"+goodReport)
	for _, p := range []string{"content/policies/fifo.md", "content/reports/r/附件.pdf"} {
		if err := syscall.Mkfifo(filepath.Join(site, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		code, _, stderr = run("check", "-s", site)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("check blocked on a named pipe")
	}
	for _, want := range []string{
		"content/policies/fifo.md: 不是普通文件(命名管道、设备或套接字):拒绝读取;请换成普通文件\n",
		"content/reports/r/附件.pdf: 不是普通文件",
	} {
		if code != ExitContent || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1 and %q\n%s", code, want, stderr)
		}
	}
}

const goodReport = `+++
title = "2024年度报告"
date = 2024-03-12
index_no = "000014349/2024-00002"
year = 2023
+++
正文。
`

// Issue 14 item 6: control characters are refused with file:line, in front matter and in the text.
func TestControlCharactersRefused(t *testing.T) {
	site := sitetest.Write(t, "-- content/policies/a.md --\n+++\ntitle = \"关于\\b做好根治欠薪工作的通知\"\ndate = 2024-03-12\nindex_no = \"000014349/2024-00001\"\nkeywords = [\"甲\", \"乙\\u202E丙\"]\nsummary = \"摘要\\u001b[31m\"\n+++\n正文\uFFFE。\n\n第二段\u0085。\n"+
		"-- content/articles/b.md --\n---\ntitle: \"普法\\u0007文章\"\ndate: 2024-03-12\nchanges:\n  - date: 2024-04-01\n    note: \"更正\\u2066\"\n---\n正文。\n")
	code, _, stderr := run("check", "-s", site)
	want := `content/articles/b.md:2:8: title (标题): 含有控制字符 U+0007,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/articles/b.md:6:11: changes[0].note (修订记录): 含有控制字符 U+2066,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/policies/a.md:2:9: title (标题): 含有控制字符 U+0008,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/policies/a.md:5:18: keywords[1] (关键词): 含有控制字符 U+202E,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/policies/a.md:6:11: summary (摘要): 含有控制字符 U+001B,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/policies/a.md:8:3: 含有控制字符 U+FFFE,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
content/policies/a.md:10:4: 含有控制字符 U+0085,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符
发现 7 个错误、0 个警告:未写入任何文件
`
	if code != ExitContent || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}

// Issue 14 item 7: Hugo's shortcodes that embed other sites are refused like raw HTML, with file:line:col.
func TestForeignShortcodesRefused(t *testing.T) {
	site := sitetest.Write(t, "-- content/articles/a.md --\n+++\ntitle = \"普法\"\ndate = 2024-03-12\n+++\n视频:{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo id=\"146022717\" >}} 和 {{% gist spf13 7896402 %}}\n\n```\n{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n```\n\n{{< instagram CxOWiQNP2MO >}}\n\n写法示例:{{</* youtube w7Ft2ymGmfc */>}}\n")
	code, _, stderr := run("check", "-s", site)
	for _, want := range []string{
		"content/articles/a.md:5:4: 短代码 youtube 会嵌入其他网站的内容(iframe 或脚本),与 HTML 代码一样不会发布(本站未开启 params.allow_raw_html);请改为普通链接\n",
		"content/articles/a.md:7:1: 短代码 vimeo",
		"content/articles/a.md:7:32: 短代码 gist",
		"content/articles/a.md:10:1: 短代码 x ",
		"content/articles/a.md:13:1: 短代码 instagram",
		"发现 5 个错误",
	} {
		if code != ExitContent || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1 and %q\n%s", code, want, stderr)
		}
	}
}

// Issue 14, risks: the binary carries its time-zone data.
func TestTimeZoneDataEmbedded(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "gongkai/generator/cmd/gongkai").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	if !strings.Contains(string(out), "\ntime/tzdata\n") {
		t.Error("gongkai does not embed time/tzdata")
	}
}

// Issue 14, risks: a 2 MB title and the years 0000 and 0001 are refused with file:line.
func TestPlausibleBounds(t *testing.T) {
	long := strings.Repeat("长", 201)
	site := sitetest.Write(t, "-- content/policies/a.md --\n+++\ntitle = \""+long+"\"\ndate = 0001-03-12\nindex_no = \"000014349/0001-00001\"\nwritten = 0000-01-01\n[[changes]]\ndate = 3024-01-01\nnote = \"改\"\n+++\n正文。\n")
	code, _, stderr := run("check", "-s", site)
	for _, want := range []string{
		"content/policies/a.md:2:1: title (标题): 长度为 201 个字符,超过 200 个字符的上限;请精简\n",
		"content/policies/a.md:3:8: date (发布日期): 日期 0001-03-12 不在 1949 年到 2200 年之间;请核对\n",
		"content/policies/a.md:5:11: written (成文日期): 日期 0000-01-01 不在 1949 年到 2200 年之间",
		"content/policies/a.md:7:8: changes[0].date (修订记录): 日期 3024-01-01 不在 1949 年到 2200 年之间",
	} {
		if code != ExitContent || !strings.Contains(stderr, want) {
			t.Errorf("exit %d, want 1 and %q\n%s", code, want, stderr)
		}
	}
}
