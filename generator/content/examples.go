package content

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
