package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gongkai/generator/testkit/corpus"
	"gongkai/generator/testkit/sitetest"
)

// sampleStats returns the sample site's statistics files: this year's (2023, in the 2024 report) and last year's.
func sampleStats(t *testing.T) (thisYear, lastYear string) {
	t.Helper()
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, "content/reports", name, "stats.toml"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return read("2024-zfxxgk"), read("2023-zfxxgk")
}

// statsSite is a site with two 政府信息公开工作年度报告 bundles, for 2022 and 2023, whose statistics are the sample's
// with edit applied to 2023's.
func statsSite(t *testing.T, edit func(string) string) string {
	t.Helper()
	this, last := sampleStats(t)
	return sitetest.Write(t, `-- content/reports/2024-zfxxgk/index.md --
+++
title = "2023年政府信息公开工作年度报告"
date = 2024-01-26
year = 2023
index_no = "000014349/2024-00001"
stats = "stats.toml"
+++
正文。
-- content/reports/2024-zfxxgk/stats.toml --
`+edit(this)+`-- content/reports/2023-zfxxgk/index.md --
+++
title = "2022年政府信息公开工作年度报告"
date = 2023-01-30
year = 2022
index_no = "000014349/2023-00001"
stats = "stats.toml"
+++
正文。
-- content/reports/2023-zfxxgk/stats.toml --
`+last)
}

// replace edits one line of a statistics file, failing the test when the line is not there, so that a change of the
// sample cannot make a case pass vacuously.
func replace(t *testing.T, pairs ...string) func(string) string {
	return func(s string) string {
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("sample statistics have no %q", pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	}
}

const f = "content/reports/2024-zfxxgk/stats.toml"

func TestStatsRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  []string
		lines []string
	}{
		{
			name: "V1",
			edit: []string{"carried_forward = { natural_person = 1,", "carried_forward = { natural_person = 2,",
				"other = 0, total = 1 }\n\n", "other = 0, total = 2 }\n\n"},
			lines: []string{
				f + ":67:21: table3.carried_forward.natural_person (四、结转下年度继续办理 · 自然人): V1 不成立(自然人):一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = 37 + 2 = 39,不等于 （七）总计 + 四、结转下年度继续办理 = 38 + 2 = 40",
				f + ":67:121: table3.carried_forward.total (四、结转下年度继续办理 · 总计): V1 不成立(总计):一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = 45 + 2 = 47,不等于 （七）总计 + 四、结转下年度继续办理 = 46 + 2 = 48",
			},
		},
		{
			name: "V2",
			edit: []string{"granted = { natural_person = 15,", "granted = { natural_person = 16,",
				"public_welfare = 1, legal_service = 1, other = 0, total = 19 }", "public_welfare = 1, legal_service = 1, other = 0, total = 20 }"},
			lines: []string{
				f + ":65:11: table3.total.natural_person (（七）总计 · 自然人): V2 不成立(自然人):（七）总计 = 38,不等于 （一）予以公开 + （二）部分公开 + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 16 + 3 + 7 + 9 + 3 + 1 = 39",
				f + ":65:112: table3.total.total (（七）总计 · 总计): V2 不成立(总计):（七）总计 = 46,不等于 （一）予以公开 + （二）部分公开 + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 20 + 3 + 8 + 11 + 3 + 2 = 47",
			},
		},
		{
			name: "V3",
			edit: []string{"granted = { natural_person = 15,", "granted = { natural_person = 14,",
				"partly_granted = { natural_person = 3,", "partly_granted = { natural_person = 4,"},
			lines: []string{
				f + ":23:114: table3.granted.total (（一）予以公开 · 总计): V3 不成立(（一）予以公开):总计 = 19,不等于 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 14 + 2 + 0 + 1 + 1 + 0 = 18",
				f + ":25:120: table3.partly_granted.total (（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计): V3 不成立(（二）部分公开（区分处理的，只计这一情形，不计其他情形）):总计 = 3,不等于 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 4 + 0 + 0 + 0 + 0 + 0 = 4",
			},
		},
		{
			name: "V4",
			edit: []string{"review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 1 }", "review = { upheld = 1, corrected = 0, other = 0, pending = 0, total = 2 }"},
			lines: []string{
				f + ":72:63: table4.review.total (行政复议 · 总计): V4 不成立(行政复议):总计 = 2,不等于 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 0 + 0 + 0 = 1",
			},
		},
		{
			name: "V5",
			edit: []string{"licensing = { decisions = 182 }", "licensing = { decisions = -1 }",
				"penalties = { decisions = 6 }", "penalties = { decisions = 6.5 }",
				"coercion = { decisions = 0 }", `coercion = { decisions = "0" }`,
				"fees = { amount = 0 }", "fees = { amount = -2.5 }"},
			lines: []string{
				f + ":9:15: table2.licensing.decisions (第二十条第（五）项 行政许可 · 本年处理决定数量): V5 不成立:应为 0 到 1000000000 之间的整数,而不是 -1",
				f + ":10:15: table2.penalties.decisions (第二十条第（六）项 行政处罚 · 本年处理决定数量): V5 不成立:应为 0 到 1000000000 之间的整数,而不是 6.5",
				f + ":11:14: table2.coercion.decisions (第二十条第（六）项 行政强制 · 本年处理决定数量): V5 不成立:应为 0 到 1000000000 之间的整数,而不是 \"0\"",
				f + ":12:10: table2.fees.amount (第二十条第（八）项 行政事业性收费 · 本年收费金额（单位：万元）): V5 不成立:应为 0 到 1000000000 之间的金额(单位:万元),而不是 -2.5",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := statsSite(t, replace(t, tc.edit...))
			code, _, stderr := run("check", "-s", dir)
			want := strings.Join(tc.lines, "\n") + "\n" + summaryLine(len(tc.lines), 0)
			if code != ExitContent || stderr != want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
			}
		})
	}
}

func summaryLine(errors, warnings int) string {
	if errors > 0 {
		return "发现 " + itoa(errors) + " 个错误、" + itoa(warnings) + " 个警告:未写入任何文件\n"
	}
	return "已检查 2 篇文档:没有错误," + itoa(warnings) + " 个警告\n"
}

func itoa(n int) string { return strconv.Itoa(n) }

// A carry-over that differs from last year's report is a warning: the check passes and says so.
func TestStatsCarryOverWarning(t *testing.T) {
	dir := statsSite(t, replace(t,
		"new = { natural_person = 37,", "new = { natural_person = 36,",
		"legal_service = 2, other = 1, total = 45 }", "legal_service = 2, other = 1, total = 44 }",
		"carried_over = { natural_person = 2,", "carried_over = { natural_person = 3,",
		"legal_service = 0, other = 0, total = 2 }\n# 三", "legal_service = 0, other = 0, total = 3 }\n# 三"))
	// A week after its newest document, so that the only warnings are the statistics' (the column-health warnings
	// depend on the date).
	code, _, stderr := run("check", "-s", dir, "--now", "2024-02-01T00:00:00+08:00")
	want := f + ":21:18: warning: table3.carried_over.natural_person (二、上年结转政府信息公开申请数量 · 自然人): 上年结转 3 与 2022 年度报告(content/reports/2023-zfxxgk/stats.toml:67)的 四、结转下年度继续办理 2 不一致\n" +
		f + ":21:118: warning: table3.carried_over.total (二、上年结转政府信息公开申请数量 · 总计): 上年结转 3 与 2022 年度报告(content/reports/2023-zfxxgk/stats.toml:67)的 四、结转下年度继续办理 2 不一致\n" +
		summaryLine(0, 2)
	if code != ExitOK || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 0 and:\n%s", code, stderr, want)
	}
}

func TestStatsFileProblems(t *testing.T) {
	dir := statsSite(t, replace(t,
		"penalties = { decisions = 6 }", "penalty = { decisions = 6 }",
		"denied_inquiry = { natural_person = 3, commercial = 0,", "denied_inquiry = { natural_person = 3,"))
	code, _, stderr := run("check", "-s", dir)
	want := f + ":6:2: table2.penalties (第二十条第（六）项 行政处罚): 缺少此行;统计表每一行都要填写,没有的各列填 0\n" +
		f + ":10:1: table2.penalty: 未知的字段\n" +
		f + ":41:1: table3.denied_inquiry.commercial (（三）不予公开 8.属于行政查询事项 · 商业企业): 缺少此项;统计表每一格都要填写,没有的填 0\n" +
		summaryLine(3, 0)
	if code != ExitContent || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}

	// The stats key must name a file of the bundle that exists.
	dir = sitetest.Write(t, `-- content/reports/r.md --
+++
title = "报告"
date = 2024-01-26
year = 2023
index_no = "000014349/2024-00001"
stats = "stats.toml"
+++
正文。
-- content/reports/b/index.md --
+++
title = "报告"
date = 2024-01-26
year = 2023
index_no = "000014349/2024-00002"
stats = "data.toml"
+++
正文。
`)
	code, _, stderr = run("check", "-s", dir)
	want = "content/reports/b/index.md:6:1: stats (统计数据文件): 找不到统计数据文件 content/reports/b/data.toml\n" +
		"content/reports/r.md:6:1: stats (统计数据文件): 统计数据文件需要页面包:把本报告改为目录 content/reports/r/index.md,并把 stats.toml 放在同一目录中\n" +
		summaryLine(2, 0)
	if code != ExitContent || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
}
