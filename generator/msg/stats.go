package msg

// Diagnostics of annual-report statistics files (package stats). The equations keep the format's own row and
// column names, because those are the words printed on the form the editor fills in.
var (
	StatsSyntax = def(
		"统计数据文件格式错误:%s",
		"the statistics file does not parse: %s")
	StatsNotTable = def(
		"应为表,例如 natural_person = 0 等各列的取值",
		"must be a table of the columns' values, e.g. natural_person = 0")
	StatsMissing = def(
		"缺少此项;统计表每一格都要填写,没有的填 0",
		"missing: every cell of the tables must be filled in; write 0 for none")
	StatsMissingRow = def(
		"缺少此行;统计表每一行都要填写,没有的各列填 0",
		"missing row: every row of the tables must be filled in; write 0 for none")
	StatsV5 = def(
		"V5 不成立:应为 0 到 1000000000 之间的整数,而不是 %s",
		"V5 fails: must be a whole number from 0 to 1000000000, not %s")
	StatsV5Amount = def(
		"V5 不成立:应为 0 到 1000000000 之间的金额(单位:万元),而不是 %s",
		"V5 fails: must be an amount from 0 to 1000000000 (10,000 yuan), not %s")
	StatsEquation = def(
		"%s 不成立(%s):%s,不等于 %s",
		"%s fails (%s): %s, but %s")
	StatsCarryOver = def(
		"上年结转 %d 与 %d 年度报告(%s:%d)的 %s %d 不一致",
		"carried over %d differs from the %d report (%s:%d), %s %d")
	StatsInForce = def(
		"现行有效件数 %d 不等于 %d 年度的现行有效件数 %d + 本年制发 %d − 本年废止 %d = %d",
		"in force %d is not %d's in force %d + issued %d − repealed %d = %d")
	StatsBadStats = def(
		"统计数据文件应为本报告页面包(与 index.md 同一目录)中的 .toml 文件,例如 stats = \"stats.toml\"",
		"the statistics file must be a .toml file of this report's page bundle (beside index.md), e.g. stats = \"stats.toml\"")
	StatsNoStats = def(
		"找不到统计数据文件 %s",
		"statistics file %s not found")
	StatsNotBundle = def(
		"统计数据文件需要页面包:把本报告改为目录 %s/index.md,并把 %s 放在同一目录中",
		"a statistics file needs a page bundle: make this report a folder %s/index.md and put %s beside it")
)
