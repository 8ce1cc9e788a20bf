package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

// parityBase is a valid site the cases below break one way each.
const parityBase = `-- content/policies/good.md --
+++
title = "关于做好根治欠薪工作的通知"
date = 2025-03-12
index_no = "000014349/2025-00001"
+++
正文。
`

var location = regexp.MustCompile(`^(content/[^:]+(?::\d+)?(?::\d+)?): `)

// errorLocations returns the file:line:col of every error line of a check or build, warnings and summaries left out.
func errorLocations(out string) []string {
	var locs []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, ": warning: ") {
			continue
		}
		if m := location.FindStringSubmatch(l); m != nil {
			locs = append(locs, m[1])
		}
	}
	return locs
}

// TestCheckBuildParity walks every error of the sources that build reports and shows that check, which renders
// nothing, reports it as well, at the same place: an editor who runs check before committing does not break the
// nightly build.
func TestCheckBuildParity(t *testing.T) {
	long := strings.Repeat("长", 83) + "x.txt" // 254 bytes: fits the disk, but not with .br
	for _, tc := range []struct {
		name, files string
		published   string // a first version, built before the broken one (the published-date guard)
		want        string // in check's output
	}{
		{name: "missing image in a bundle", files: `-- content/policies/b/index.md --
+++
title = "附图的通知"
date = 2025-03-13
index_no = "000014349/2025-00002"
+++
见下图:

![流程图](流程图.png)
`, want: "content/policies/b/index.md:8:8: 链接的文件 流程图.png 不存在"},
		{name: "missing attachment of a single file", files: `-- content/policies/b.md --
+++
title = "附件的通知"
date = 2025-03-13
index_no = "000014349/2025-00002"
+++
下载[申请表](申请表.docx)。
`, want: "content/policies/b.md:6:9: 链接的文件 申请表.docx 不存在"},
		{name: "missing static file", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
+++
见[海报](/images/haibao.pdf)。
`, want: "content/articles/a.md:5:7: 链接的文件 /images/haibao.pdf 不存在"},
		{name: "link to a document that does not exist", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
+++
见[通知](/policies/nope/)。
`, want: "content/articles/a.md:5:7: 链接的页面 /policies/nope/ 不存在"},
		{name: "link to a draft", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
+++
见[通知](/policies/d/)。
-- content/policies/d.md --
+++
draft = true
title = "草稿"
date = 2025-03-13
index_no = "000014349/2025-00002"
+++
`, want: "content/articles/a.md:5:7: 链接的页面 /policies/d/ 不存在(或是尚未发布的草稿)"},
		{name: "name too long with .br", files: `-- content/policies/b/index.md --
+++
title = "附件的通知"
date = 2025-03-13
index_no = "000014349/2025-00002"
+++
附件见下。
-- content/policies/b/` + long + ` --
附件
`, want: "content/policies/b/" + long + ": 文件名有 254 个字节"},
		{name: "alias onto the catalogue", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
aliases = ["/catalog.json"]
+++
正文。
`, want: `content/articles/a.md:4:12: aliases (别名地址): 别名地址 "/catalog.json" 与本站生成的文件或页面冲突`},
		{name: "alias onto another document", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
aliases = ["/policies/good/"]
+++
正文。
`, want: `content/articles/a.md:4:12: aliases (别名地址): 别名地址 "/policies/good/" 与本站生成的文件或页面冲突`},
		{name: "empty body", files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
+++
`, want: "content/articles/a.md:4:1: 正文为空"},
		{name: "published date changed", published: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-13
+++
正文。
`, files: `-- content/articles/a.md --
+++
title = "普法"
date = 2025-03-14
+++
正文。
`, want: "content/articles/a.md:3:1: date (发布日期): 已发布的发布日期原为 2025-03-13,现为 2025-03-14"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := sitetest.WithTheme(t, parityBase+tc.published)
			now := "2025-06-01T00:00:00+08:00"
			if tc.published != "" {
				if code, _, stderr := run("build", "-s", site, "--now", now); code != ExitOK {
					t.Fatalf("first build: exit %d\n%s", code, stderr)
				}
			}
			sitetest.WriteInto(t, site, tc.files)
			code, _, built := run("build", "-s", site, "--now", now)
			if code != ExitContent {
				t.Fatalf("build: exit %d, want %d (a content error)\n%s", code, ExitContent, built)
			}
			bl := errorLocations(built)
			if len(bl) == 0 {
				t.Fatalf("build named no place:\n%s", built)
			}
			code, _, checked := run("check", "-s", site)
			if code != ExitContent {
				t.Fatalf("check: exit %d, want %d\n%s", code, ExitContent, checked)
			}
			if !strings.Contains(checked, tc.want) {
				t.Errorf("check does not say %q:\n%s", tc.want, checked)
			}
			cl := strings.Join(errorLocations(checked), "\n") + "\n"
			for _, l := range bl {
				if !strings.Contains(cl, l+"\n") {
					t.Errorf("build reports %s, check does not:\nbuild:\n%s\ncheck:\n%s", l, built, checked)
				}
			}
			// check writes nothing, and the release that build refused to replace is still the one served.
			if tc.published == "" {
				if _, err := os.Lstat(filepath.Join(site, "public")); err == nil {
					t.Error("a refused build published something")
				}
			}
		})
	}
}
