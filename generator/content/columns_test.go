package content_test

import (
	"strings"
	"testing"
)

// A column declaration's mistakes are reported at their line in data/columns.toml, all at once: an unknown kind
// (with the closest kind), two columns at one address (naming the other), a column that takes no document (an
// empty column fails inspections), an unknown parent, a document naming a column that does not exist, and a list
// page in content/ that would hide a column's page.
func TestColumnDeclarationErrors(t *testing.T) {
	got := strings.Join(check(t, goodPolicy+`-- content/policies/b.md --
+++
title = "另一个文件"
date = 2024-03-13
index_no = "000014349/2024-00002"
column = "zcwjj"
+++
正文。
-- content/policies/_index.md --
+++
title = "政策文件"
+++
-- data/columns.toml --
[[column]]
id = "zcwj"
name = "政策文件"
path = "policies"
kinds = ["policy"]

[[column]]
id = "czyjs"
name = "财政预决算"
path = "policies"

[[column]]
id = "xzxk"
name = "行政许可"
parent = "nope"
colour = "red"
`), "\n")
	for _, want := range []string{
		`data/columns.toml:5:10: column[0].kinds (文档类别): 没有文档类别 "policy"`,
		`data/columns.toml:10:1: column[1].path (栏目地址): 栏目地址 /policies/ 与 data/columns.toml:1 的栏目重复`,
		`data/columns.toml:7:3: column[1]: 栏目 "czyjs"(财政预决算)没有任何文档`,
		`data/columns.toml:15:1: column[2].parent (上级栏目): 没有标识为 "nope" 的上级栏目`,
		`data/columns.toml:16:1: column[2].colour: 未知的字段`,
		`content/policies/b.md:5:1: column (所属栏目): 栏目声明(data/columns.toml)中没有列出文档的栏目 "zcwjj"`,
		`content/policies/_index.md:1:1: 此页面与 data/columns.toml:1 声明的栏目 "zcwj" 地址相同`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// A valid declaration: documents go to the column they name, or to the columns whose kinds take them; report_types
// splits one kind between columns.
func TestColumnMembership(t *testing.T) {
	got := check(t, goodPolicy+`-- content/info/ys.md --
+++
title = "2024年部门预算"
date = 2024-02-05
index_no = "000014349/2024-00009"
column = "czyjs"
+++
正文。
-- content/reports/a.md --
+++
title = "2023年政府信息公开工作年度报告"
date = 2024-01-20
index_no = "000014349/2024-00010"
year = 2023
report_type = "政府信息公开工作年度报告"
+++
正文。
-- data/columns.toml --
[[column]]
id = "xxgk"
name = "政府信息公开"

[[column]]
id = "zcwj"
parent = "xxgk"
name = "政策文件"
kinds = ["policies"]

[[column]]
id = "czyjs"
parent = "xxgk"
name = "财政预决算"

[[column]]
id = "nb"
parent = "xxgk"
name = "年报"
page = "annual"
kinds = ["reports"]
report_types = ["政府信息公开工作年度报告"]
`)
	if len(got) != 0 {
		t.Fatalf("diagnostics: %v", got)
	}
}
