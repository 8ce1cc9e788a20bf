package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

const healthSite = `-- content/policies/a.md --
+++
title = "关于做好根治欠薪工作的通知"
date = 2024-03-08
index_no = "000014349/2024-00001"
needs_interpretation = true
+++
正文。
-- content/interpretations/b.md --
+++
title = "解读"
date = 2024-02-01
index_no = "000014349/2024-00002"
interprets = { title = "上级文件", url = "https://www.gov.cn/zhengce/a.htm" }
+++
正文。
`

// Built with a clock far in the future, every column is stale: the build report says so and still publishes.
func TestColumnHealthWarnings(t *testing.T) {
	dir := sitetest.WithTheme(t, healthSite)
	code, _, stderr := run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--now", "2099-01-01")
	for _, want := range []string{
		"content/_index.md: warning: 首页最新文档发布于 2024-03-08(content/policies/a.md),已 27327 天未更新,超过 14 天(params.health.home_days);首页两周未更新是政府网站检查的单项否决项\n",
		"content/interpretations/_index.md: warning: 政策解读栏目最新文档发布于 2024-02-01(content/interpretations/b.md),已 27363 天没有新内容,超过 183 天(params.health.column_days)\n",
		"content/policies/_index.md: warning: 政策文件栏目最新文档发布于 2024-03-08(content/policies/a.md),已 27327 天没有新内容,超过 183 天(params.health.column_days)\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("build report lacks\n%s\ngot:\n%s", want, stderr)
		}
	}
	if code != ExitOK || !strings.Contains(stderr, "(3 个警告)") {
		t.Errorf("exit %d; want 0 with 3 warnings:\n%s", code, stderr)
	}

	// Friday 8 March to Tuesday 12 March is two working days: the policy still awaits its interpretation.
	code, _, stderr = run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--now", "2024-03-12T09:00:00+08:00")
	want := "content/policies/a.md:5: warning: needs_interpretation (需要解读): 本政策文件于 2024-03-08 发布,标注需要解读,但还没有解读(interprets 指向本文件的政策解读);应在 3 个工作日内发布解读\n"
	if code != ExitOK || !strings.Contains(stderr, want) || strings.Contains(stderr, "首页") {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and only:\n%s", code, stderr, want)
	}
}

// The thresholds come from config.toml.
func TestColumnHealthThresholds(t *testing.T) {
	dir := sitetest.WithTheme(t, healthSite+"-- config.toml --\n"+sitetest.Config+"[params.health]\nhome_days = 400\ncolumn_days = 400\n")
	code, _, stderr := run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--now", "2025-01-01")
	if code != ExitOK || strings.Contains(stderr, "warning") {
		t.Errorf("exit %d; want no warnings within 400 days:\n%s", code, stderr)
	}
}

// A site may turn the warnings off (the sample site does: it is never updated).
func TestColumnHealthOff(t *testing.T) {
	dir := sitetest.WithTheme(t, healthSite+"-- config.toml --\n"+sitetest.Config+"[params.health]\nenabled = false\n")
	code, _, stderr := run("build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--now", "2099-01-01")
	if code != ExitOK || strings.Contains(stderr, "warning") {
		t.Errorf("exit %d; want no warnings with health off:\n%s", code, stderr)
	}
}
