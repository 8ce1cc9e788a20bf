package stats

// messages are the diagnostics' sentences in the site's language. The equations keep the format's own row and
// column names, because those are the words printed on the form the editor fills in.
var messages = map[string]map[string]string{
	"zh": {
		"syntax":       "统计数据文件格式错误:%s",
		"unknown key":  "未知的字段",
		"did you mean": ",是否应为 %q?",
		"not table":    "应为表,例如 natural_person = 0 等各列的取值",
		"missing":      "缺少此项;统计表每一格都要填写,没有的填 0",
		"missing row":  "缺少此行;统计表每一行都要填写,没有的各列填 0",
		"V5":           "V5 不成立:应为 0 到 1000000000 之间的整数,而不是 %s",
		"V5 amount":    "V5 不成立:应为 0 到 1000000000 之间的金额(单位:万元),而不是 %s",
		"equation":     "%s 不成立(%s):%s,不等于 %s",
		"carry over":   "上年结转 %d 与 %d 年度报告(%s:%d)的 %s %d 不一致",
		"in force":     "现行有效件数 %d 不等于 %d 年度的现行有效件数 %d + 本年制发 %d − 本年废止 %d = %d",
		"bad stats":    "统计数据文件应为本报告页面包(与 index.md 同一目录)中的 .toml 文件,例如 stats = \"stats.toml\"",
		"no stats":     "找不到统计数据文件 %s",
		"not bundle":   "统计数据文件需要页面包:把本报告改为目录 %s/index.md,并把 %s 放在同一目录中",
	},
	"en": {
		"syntax":       "the statistics file does not parse: %s",
		"unknown key":  "unknown field",
		"did you mean": "; did you mean %q?",
		"not table":    "must be a table of the columns' values, e.g. natural_person = 0",
		"missing":      "missing: every cell of the tables must be filled in; write 0 for none",
		"missing row":  "missing row: every row of the tables must be filled in; write 0 for none",
		"V5":           "V5 fails: must be a whole number from 0 to 1000000000, not %s",
		"V5 amount":    "V5 fails: must be an amount from 0 to 1000000000 (10,000 yuan), not %s",
		"equation":     "%s fails (%s): %s, but %s",
		"carry over":   "carried over %d differs from the %d report (%s:%d), %s %d",
		"in force":     "in force %d is not %d's in force %d + issued %d − repealed %d = %d",
		"bad stats":    "the statistics file must be a .toml file of this report's page bundle (beside index.md), e.g. stats = \"stats.toml\"",
		"no stats":     "statistics file %s not found",
		"not bundle":   "a statistics file needs a page bundle: make this report a folder %s/index.md and put %s beside it",
	},
}

func text(lang, key string) string {
	if m, ok := messages[lang][key]; ok {
		return m
	}
	return messages["zh"][key]
}

// Text returns a message of this package in lang, for the content stage that checks the stats key.
func Text(lang, key string) string { return text(lang, key) }
