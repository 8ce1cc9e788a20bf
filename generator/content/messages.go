package content

import "fmt"

// messages are the diagnostics' sentences. Each says what is wrong and what a correct value looks like, because the
// reader is an editor who may never have seen the rule.
var messages = map[string]map[string]string{
	"zh": {
		"no front matter":     "文件开头缺少元数据(以 +++ 或 --- 开始的 front matter)",
		"syntax":              "元数据格式错误:%s",
		"raw html":            "正文中的 HTML 代码 %s 不会显示(本站未开启 params.allow_raw_html);请改用 Markdown 写法",
		"encoding":            "文件不是 UTF-8 编码(此处有无法识别的字节);请用编辑器另存为 UTF-8",
		"unknown key":         "未知的字段",
		"did you mean":        ",是否应为 %q?",
		"not for kind":        "%s 类文档不使用此字段",
		"required":            "缺少必填字段,例如 %s",
		"not string":          "应为文字,例如 %s",
		"empty":               "不能为空",
		"not list":            "应为文字列表,例如 %s",
		"not bool":            "应为 true 或 false",
		"bad date":            "无法识别的日期 %q,应为 2024-03-01 或 2024-03-01T09:30:00+08:00",
		"bad year":            "应为四位年份数字,例如 2023",
		"year after date":     "报告年度 %d 晚于发布日期所在年份 %d",
		"written after date":  "成文日期 %s 晚于发布日期 %s",
		"bad validity":        "应为 valid(有效)、expired(失效)或 repealed(废止),而不是 %q",
		"index pattern":       "索引号 %q 不符合本站格式 %s,例如 %q",
		"index year":          "索引号 %q 中的年份 %s 与发布日期的年份 %d 不一致",
		"index dup":           "索引号 %q 与 %s 重复;索引号在全站必须唯一",
		"docno bracket":       "发文字号 %q 的年份应使用六角括号〔〕,写作 %q",
		"docno di":            "发文字号 %q 的序号前不加“第”,写作 %q",
		"docno zero":          "发文字号 %q 的序号不编虚位(不加前导 0),写作 %q",
		"docno form":          "发文字号 %q 应为“机关代字〔年份〕序号号”,例如 \"津人社规字〔2024〕3号\"",
		"topic unknown":       "主题分类 \"%s\" 不在本站主题分类表(%s)中%s",
		"topic hint":          ",是否应为 \"%s\"?",
		"interprets table":    "应为表,例如 { policy = \"policies/ldht-2024\" } 或 { title = \"…\", doc_no = \"…\", url = \"https://…\" }",
		"interprets both":     "policy 与 title/url 只能二选一:本站文件用 policy,外部文件用 title、doc_no 和 url",
		"interprets external": "外部原文需同时给出 title 和 url",
		"policy missing":      "本站没有政策文件 %q%s",
		"policy form":         "应写作 \"policies/文件名\",例如 \"policies/ldht-2024\"",
		"bad url":             "链接 %q 应以 http:// 或 https:// 开头",
		"replaced missing":    "本站没有文件 %q;替代文件应写作 \"policies/文件名\" 或完整链接",
		"changes table":       "应为修订记录列表,例如 [[changes]] date = 2024-05-01 note = \"…\"",
		"not int":             "应为整数",
		"kind folder":         "文档应放在 content/ 下的 reports、policies、interpretations 或 articles 目录中",
		"expired no date":     "有效性为 %s 时建议填写失效日期 validity_date",
		"bad topics file":     "主题分类表格式错误:%s",
		"topics class":        "主题分类表每一项应有 name 和 children,例如 [[class]] name = \"综合政务\" children = [\"政务公开\"]",
		"link out":            "content 是指向站点之外 %s 的符号链接:拒绝读取;content 只能链接到站点目录之内",
		"link":                "是指向 %s 的符号链接:拒绝发布;Hugo 不会发布 content 中的符号链接,请换成文件本身",
		"not regular":         "不是普通文件(命名管道、设备或套接字):拒绝读取;请换成普通文件",
	},
	"en": {
		"no front matter":     "the file does not start with metadata (front matter between +++ or --- lines)",
		"syntax":              "the metadata does not parse: %s",
		"raw html":            "the HTML %s in the text would not be shown (params.allow_raw_html is off); write it in Markdown",
		"encoding":            "the file is not UTF-8 (unreadable bytes here); save it as UTF-8",
		"unknown key":         "unknown field",
		"did you mean":        "; did you mean %q?",
		"not for kind":        "documents of kind %s do not use this field",
		"required":            "required field is missing, e.g. %s",
		"not string":          "must be text, e.g. %s",
		"empty":               "must not be empty",
		"not list":            "must be a list of text, e.g. %s",
		"not bool":            "must be true or false",
		"bad date":            "cannot read the date %q; write 2024-03-01 or 2024-03-01T09:30:00+08:00",
		"bad year":            "must be a four-digit year, e.g. 2023",
		"year after date":     "the year reported on, %d, is after the year of publication, %d",
		"written after date":  "the date written, %s, is after the publication date, %s",
		"bad validity":        "must be valid, expired or repealed, not %q",
		"index pattern":       "index number %q does not match the site's pattern %s, e.g. %q",
		"index year":          "index number %q has the year %s, but the publication date is in %d",
		"index dup":           "index number %q is also used by %s; index numbers must be unique",
		"docno bracket":       "document number %q must put the year in 〔〕 brackets: %q",
		"docno di":            "document number %q must not have 第 before the serial: %q",
		"docno zero":          "document number %q must not pad the serial with zeros: %q",
		"docno form":          "document number %q must read 机关代字〔year〕serial号, e.g. \"津人社规字〔2024〕3号\"",
		"topic unknown":       "topic \"%s\" is not in the site's vocabulary (%s)%s",
		"topic hint":          "; did you mean \"%s\"?",
		"interprets table":    "must be a table, e.g. { policy = \"policies/ldht-2024\" } or { title = \"…\", doc_no = \"…\", url = \"https://…\" }",
		"interprets both":     "give either policy (a document of this site) or title, doc_no and url (one published elsewhere), not both",
		"interprets external": "an original published elsewhere needs both title and url",
		"policy missing":      "this site has no policy %q%s",
		"policy form":         "must read \"policies/<name>\", e.g. \"policies/ldht-2024\"",
		"bad url":             "link %q must start with http:// or https://",
		"replaced missing":    "this site has no document %q; write \"policies/<name>\" or a full URL",
		"changes table":       "must be a list of changes, e.g. [[changes]] date = 2024-05-01 note = \"…\"",
		"not int":             "must be a whole number",
		"kind folder":         "documents belong in content/reports, content/policies, content/interpretations or content/articles",
		"expired no date":     "a document that is %s should give validity_date",
		"bad topics file":     "the topic vocabulary does not parse: %s",
		"topics class":        "each class of the topic vocabulary needs name and children, e.g. [[class]] name = \"综合政务\" children = [\"政务公开\"]",
		"link out":            "content is a symbolic link to %s, outside the site: not read; content may only link to a folder inside the site",
		"link":                "is a symbolic link to %s: refused; Hugo does not publish symbolic links under content, put the file itself here",
		"not regular":         "is not a regular file (a named pipe, a device or a socket): not read; put a regular file here",
	},
}

func (v *validator) msg(key string, args ...any) string {
	m, ok := messages[v.lang][key]
	if !ok {
		m = messages["zh"][key]
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// examples are correct values, shown when a required field is missing.
var examples = map[string]string{
	"title":      `title = "关于做好2024年根治欠薪工作的通知"`,
	"date":       `date = 2024-03-12`,
	"index_no":   `index_no = "000014349/2024-00012"`,
	"year":       `year = 2023`,
	"interprets": `interprets = { policy = "policies/ldht-2024" }`,
	"keywords":   `["根治欠薪", "农民工工资"]`,
	"laws":       `["劳动合同法"]`,
	"aliases":    `["/old/path/"]`,
	"publisher":  `"天津市河东区人力资源和社会保障局"`,
	"summary":    `"本文件明确了……"`,
}
