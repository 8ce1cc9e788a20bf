package content_test

import (
	"strings"
	"testing"

	"gongkai/generator/content"
	"gongkai/generator/siteconfig"
	"gongkai/generator/testkit/sitetest"
)

// check loads a test site and returns its diagnostics as printed.
func check(t *testing.T, archive string) []string {
	t.Helper()
	dir := sitetest.Write(t, archive)
	cfg, diags, err := siteconfig.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diags.Len() > 0 {
		t.Fatalf("config: %v", diags.Sorted())
	}
	_, diags, err = content.Load(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return out
}

const goodPolicy = `-- content/policies/good.md --
+++
title = "关于做好根治欠薪工作的通知"
date = 2024-03-12
index_no = "000014349/2024-00001"
doc_no = "东人社发〔2024〕3号"
written = 2024-03-08
topic = '劳动、人事、监察\劳动关系'
+++
正文。
`

func TestValidDocumentsHaveNoDiagnostics(t *testing.T) {
	got := check(t, goodPolicy+`-- content/interpretations/good-jd.md --
+++
title = "解读"
date = 2024-03-13
index_no = "000014349/2024-00002"
interprets = { policy = "policies/good" }
+++
正文。
-- content/interpretations/external-jd.md --
---
title: 外部文件解读
date: 2024-03-14
index_no: 000014349/2024-00003
interprets:
  title: 人力资源社会保障部关于某事的通知
  doc_no: 人社部发〔2023〕12号
  url: https://www.mohrss.gov.cn/a.html
---
正文。
-- content/articles/a.md --
+++
title = "普法"
date = 2023-01-01T09:30:00+08:00
laws = ["劳动合同法"]
+++
正文。
-- content/reports/r/index.md --
+++
title = "年度报告"
date = 2024-03-28
year = 2023
index_no = "000014349/2024-00004"
+++
正文。
-- content/reports/_index.md --
+++
title = "年度报告"
description = "栏目"
+++
正文。
`)
	if len(got) != 0 {
		t.Errorf("unexpected diagnostics:\n%s", strings.Join(got, "\n"))
	}
}

// Each bad document of the content format gets exactly its diagnostic, with file, line and column.
func TestDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name, files string
		want        []string
	}{
		{"toml syntax", `-- content/policies/a.md --
+++
title = "标题"
date = 2024-03-12
index_no = "000014349/2024-00001
+++
正文。
`, []string{`content/policies/a.md:4:12: 元数据格式错误:此处开始的字符串缺少结尾的引号 ":请在文字末尾补上同样的英文引号`}},
		{"yaml syntax", `-- content/articles/a.md --
---
title: 标题
keywords: [甲
---
正文。
`, []string{`content/articles/a.md:3:11: 元数据格式错误:此处的 [ 缺少对应的结尾 ]:列表写作 ["甲", "乙"],各项之间用英文逗号分隔,结尾的括号不能省略`}},
		{"missing required", `-- content/policies/a.md --
+++
summary = "无标题"
+++
正文。
`, []string{
			`content/policies/a.md:1:1: date (发布日期): 缺少必填字段,例如 date = 2024-03-12`,
			`content/policies/a.md:1:1: index_no (索引号): 缺少必填字段,例如 index_no = "000014349/2024-00012"`,
			`content/policies/a.md:1:1: title (标题): 缺少必填字段,例如 title = "关于做好2024年根治欠薪工作的通知"`,
		}},
		{"bad date", `-- content/articles/a.md --
+++
title = "标题"
date = "2024年3月12日"
+++
正文。
`, []string{`content/articles/a.md:3:1: date (发布日期): 日期 "2024年3月12日" 的写法无法识别:应写作 2024-03-12(年-月-日,用英文连字符 -,月和日各两位)`}},
		{"unknown key", `-- content/articles/a.md --
+++
title = "标题"
date = 2024-03-12
keyword = ["劳动"]
colour = "红"
+++
正文。
`, []string{
			`content/articles/a.md:4:1: keyword: 未知的字段,是否应为 "keywords"?`,
			`content/articles/a.md:5:1: colour: 未知的字段`,
		}},
		{"key of another kind", `-- content/articles/a.md --
+++
title = "标题"
date = 2024-03-12
year = 2023
+++
正文。
`, []string{`content/articles/a.md:4:1: year (报告年度): 普法 类文档不使用此字段`}},
		{"index pattern", `-- content/policies/a.md --
+++
title = "标题"
date = 2024-03-12
index_no = "00014349/2024-0001"
+++
正文。
`, []string{`content/policies/a.md:4:1: index_no (索引号): 索引号 "00014349/2024-0001" 不符合本站格式 ^[0-9A-Z]{9}/\d{4}-\d{5}$,例如 "000014349/2024-00001"`}},
		{"index year", `-- content/policies/a.md --
+++
title = "标题"
date = 2024-03-12
index_no = "000014349/2023-00001"
+++
正文。
`, []string{`content/policies/a.md:4:1: index_no (索引号): 索引号 "000014349/2023-00001" 中的年份 2023 与发布日期的年份 2024 不一致`}},
		{"duplicate index", goodPolicy + `-- content/policies/b.md --
+++
title = "另一个"
date = 2024-04-01
index_no = "000014349/2024-00001"
+++
正文。
`, []string{`content/policies/good.md:4:1: index_no (索引号): 索引号 "000014349/2024-00001" 与 content/policies/b.md:4 重复;索引号在全站必须唯一`}},
		{"doc_no square brackets", docNo("东人社发[2024]3号"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "东人社发[2024]3号" 的年份应使用六角括号〔〕,写作 "东人社发〔2024〕3号"`}},
		{"doc_no parentheses", docNo("东人社发(2024)3号"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "东人社发(2024)3号" 的年份应使用六角括号〔〕,写作 "东人社发〔2024〕3号"`}},
		{"doc_no full-width parentheses", docNo("东人社发（2024）3号"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "东人社发（2024）3号" 的年份应使用六角括号〔〕,写作 "东人社发〔2024〕3号"`}},
		{"doc_no 第", docNo("东人社发〔2024〕第3号"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "东人社发〔2024〕第3号" 的序号前不加“第”,写作 "东人社发〔2024〕3号"`}},
		{"doc_no leading zero", docNo("东人社发〔2024〕03号"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "东人社发〔2024〕03号" 的序号不编虚位(不加前导 0),写作 "东人社发〔2024〕3号"`}},
		{"doc_no shapeless", docNo("三号文件"), []string{`content/articles/a.md:4:1: doc_no (发文字号): 发文字号 "三号文件" 应为“机关代字〔年份〕序号号”,例如 "津人社规字〔2024〕3号"`}},
		{"unknown topic", `-- content/articles/a.md --
+++
title = "标题"
date = 2024-03-12
topic = '劳动\劳动关系'
+++
正文。
`, []string{`content/articles/a.md:4:1: topic (主题分类): 主题分类 "劳动\劳动关系" 不在本站主题分类表(data/topics.toml)中,是否应为 "劳动、人事、监察\劳动关系"?`}},
		{"written after date", `-- content/articles/a.md --
+++
title = "标题"
date = 2024-03-12
written = 2024-03-20
+++
正文。
`, []string{`content/articles/a.md:4:1: written (成文日期): 成文日期 2024-03-20 晚于发布日期 2024-03-12`}},
		{"missing policy", goodPolicy + `-- content/interpretations/jd.md --
+++
title = "解读"
date = 2024-03-13
index_no = "000014349/2024-00002"
interprets = { policy = "policies/god" }
+++
正文。
`, []string{`content/interpretations/jd.md:5:16: interprets.policy (本站政策文件): 本站没有政策文件 "policies/god",是否应为 "policies/good"?`}},
		{"broken policy is said once", `-- content/policies/good/index.md --
+++
title = “标题”
date = 2024-03-12
+++
正文。
-- content/policies/good/a.pdf --
pdf
-- content/interpretations/jd.md --
+++
title = "解读"
date = 2024-03-13
index_no = "000014349/2024-00002"
interprets = { policy = "policies/good" }
+++
见[原文](/policies/good/)和[附件](/policies/good/a.pdf)。
-- content/policies/new.md --
+++
title = "新"
date = 2024-03-14
index_no = "000014349/2024-00003"
validity = "valid"
+++
正文。
-- content/policies/old.md --
+++
title = "旧"
date = 2024-03-01
index_no = "000014349/2024-00004"
validity = "repealed"
validity_date = 2024-03-14
replaced_by = "policies/good"
+++
正文。
`, []string{`content/policies/good/index.md:2:9: 元数据格式错误:此处的 “ 是中文引号,不能作字符串的引号:字符串两端要用英文引号 " 或 ',请切换到英文输入法重新输入;文字里的中文引号写在英文引号之内,例如 title = "关于“某项”工作的通知"`}},
		{"invalid utf-8", "-- content/articles/a.md --\n+++\ntitle = \"标题\"\ndate = 2024-03-12\n+++\n正文\xff\n", []string{`content/articles/a.md:5:3: 文件不是 UTF-8 编码(此处有无法识别的字节);请用编辑器另存为 UTF-8`}},
		{"raw html", "-- content/articles/a.md --\n+++\ntitle = \"标题\"\ndate = 2024-03-12\n+++\n正文 `<b>代码</b>` 可以。\n\n```\n<div>代码块</div>\n```\n\n红色<span class=\"x\">文字</span>\n<!-- 注释 -->\n网址 <https://www.gov.cn/> 可以,a<b 也可以。\n", []string{
			`content/articles/a.md:11:3: 正文中的 HTML 代码 <span class="x"> 不会显示(本站未开启 params.allow_raw_html);请改用 Markdown 写法`,
			`content/articles/a.md:12:1: 正文中的 HTML 代码 <!-- 不会显示(本站未开启 params.allow_raw_html);请改用 Markdown 写法`,
		}},
		{"no front matter", "-- content/articles/a.md --\n# 标题\n", []string{`content/articles/a.md:1:1: 文件开头缺少元数据(以 +++ 或 --- 开始的 front matter)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.files)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func docNo(s string) string {
	return "-- content/articles/a.md --\n+++\ntitle = \"标题\"\ndate = 2024-03-12\ndoc_no = \"" + s + "\"\n+++\n正文。\n"
}

// All problems of all files are reported together, sorted.
func TestAllProblemsAtOnce(t *testing.T) {
	got := check(t, `-- content/policies/b.md --
+++
title = "B"
date = "yesterday"
index_no = "x"
+++
正文。
-- content/articles/a.md --
+++
titel = "A"
date = 2024-03-12
+++
正文。
`)
	want := []string{
		`content/articles/a.md:1:1: title (标题): 缺少必填字段,例如 title = "关于做好2024年根治欠薪工作的通知"`,
		`content/articles/a.md:2:1: titel: 未知的字段,是否应为 "title"?`,
		`content/policies/b.md:3:1: date (发布日期): 无法识别的日期 "yesterday",应为 2024-03-01 或 2024-03-01T09:30:00+08:00`,
		`content/policies/b.md:4:1: index_no (索引号): 索引号 "x" 不符合本站格式 ^[0-9A-Z]{9}/\d{4}-\d{5}$,例如 "000014349/2024-00001"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFrontMatter(t *testing.T) {
	for in, want := range map[string]string{
		"+++\ntitle = \"a\"\n+++\nbody\n":   "+++\ntitle = \"a\"\n+++",
		"---\ntitle: a\n---\nbody +++\n":    "---\ntitle: a\n---",
		"+++\ntitle = \"a\"\nno end\n":      "+++\ntitle = \"a\"\nno end\n",
		"no front matter\n+++\nbody\n+++\n": "no front matter\n+++\nbody\n+++\n",
	} {
		if got := string(content.FrontMatter([]byte(in))); got != want {
			t.Errorf("FrontMatter(%q) = %q, want %q", in, got, want)
		}
	}
}
