package health_test

import (
	"strings"
	"testing"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/health"
	"gongkai/generator/siteconfig"
	"gongkai/generator/testkit/sitetest"
)

const deadlineSite = `-- content/reports/gk-2023.md --
+++
title = "2023年政府信息公开工作年度报告"
date = 2024-01-25
index_no = "000014349/2024-00001"
year = 2023
report_type = "政府信息公开工作年度报告"
+++
正文。
-- content/reports/fz-2023.md --
+++
title = "2023年法治政府建设年度报告"
date = 2024-03-28
index_no = "000014349/2024-00002"
year = 2023
report_type = "法治政府建设年度报告"
+++
正文。
-- data/guide.toml --
title = "政府信息公开指南"
updated = 2024-06-30
-- data/columns.toml --
[[column]]
id = "zn"
name = "政府信息公开指南"
page = "guide"
data = "data/guide.toml"

[[column]]
id = "nb"
name = "政府信息公开年报"
page = "annual"
kinds = ["reports"]
report_types = ["政府信息公开工作年度报告"]

[[column]]
id = "fzzf"
name = "法治政府建设年度报告"
kinds = ["reports"]
report_types = ["法治政府建设年度报告"]
`

func warnings(t *testing.T, archive, now string) string {
	t.Helper()
	dir := sitetest.Write(t, archive)
	cfg, diags, err := siteconfig.Load(dir)
	if err != nil || diags.Len() > 0 {
		t.Fatalf("config: %v %v", err, diags.Sorted())
	}
	site, diags, err := content.Load(dir, cfg)
	if err != nil || diags.Len() > 0 {
		t.Fatalf("content: %v %v", err, diags.Sorted())
	}
	at, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range health.Check(cfg, site, at) {
		if strings.Contains(d.Message, "年度报告尚未公开") || strings.Contains(d.Message, "指南") {
			out = append(out, d.String())
		}
	}
	return strings.Join(out, "\n")
}

// 条例第五十条: last year's 政府信息公开工作年度报告 is due by 31 January; the 法治政府建设年度报告 before 1 April. At a
// fixed clock: on 31 January nothing is late; on 1 February the disclosure report for 2024 is; on 1 April both are.
func TestAnnualReportDeadlines(t *testing.T) {
	const gk = "data/columns.toml:7: warning: 2024年政府信息公开工作年度报告尚未公开:条例第五十条要求在 2025-01-31 前向社会公布上一年度的年度报告"
	const fz = "data/columns.toml:14: warning: 2024年法治政府建设年度报告尚未公开:应在 2025-03-31 前通过报刊、网站等向社会公开"
	if got := warnings(t, deadlineSite, "2025-01-31T23:59:00+08:00"); strings.Contains(got, "年度报告") {
		t.Errorf("31 January: %s", got)
	}
	got := warnings(t, deadlineSite, "2025-02-01T00:00:00+08:00")
	if !strings.Contains(got, gk) || strings.Contains(got, "法治政府") {
		t.Errorf("1 February: got\n%s\nwant only\n%s", got, gk)
	}
	got = warnings(t, deadlineSite, "2025-04-01T08:00:00+08:00")
	if !strings.Contains(got, gk) || !strings.Contains(got, fz) {
		t.Errorf("1 April: got\n%s\nwant\n%s\n%s", got, gk, fz)
	}
	// Once last year's reports are published, nothing is late.
	published := deadlineSite + `-- content/reports/gk-2024.md --
+++
title = "2024年政府信息公开工作年度报告"
date = 2025-01-20
index_no = "000014349/2025-00001"
year = 2024
report_type = "政府信息公开工作年度报告"
+++
正文。
-- content/reports/fz-2024.md --
+++
title = "2024年法治政府建设年度报告"
date = 2025-03-20
index_no = "000014349/2025-00002"
year = 2024
report_type = "法治政府建设年度报告"
+++
正文。
`
	if got := warnings(t, published, "2025-04-01T08:00:00+08:00"); strings.Contains(got, "年度报告尚未公开") {
		t.Errorf("reports published, still warned: %s", got)
	}
}

// 条例第十二条: the guide must be kept up to date; its 更新日期 may be params.health.guide_months old (default 12).
func TestStaleGuide(t *testing.T) {
	const want = "data/guide.toml:2: warning: updated (更新日期): 政府信息公开指南的更新日期是 2024-06-30,已超过 12 个月(params.health.guide_months);条例第十二条要求及时更新指南"
	if got := warnings(t, deadlineSite, "2025-06-30T12:00:00+08:00"); strings.Contains(got, "指南") {
		t.Errorf("12 months old: %s", got)
	}
	if got := warnings(t, deadlineSite, "2025-07-01T12:00:00+08:00"); !strings.Contains(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	six := deadlineSite + "-- config.toml --\n" + sitetest.Config + "[params.health]\nguide_months = 6\n"
	if got := warnings(t, six, "2025-01-01T12:00:00+08:00"); !strings.Contains(got, "已超过 6 个月") {
		t.Errorf("guide_months = 6: %s", got)
	}
}
