package content

import "gongkai/generator/msg"

// field describes one front-matter key: its labels, which kinds may use it and which must.
type field struct {
	label    msg.Text
	kinds    []Kind // nil: every kind
	required []Kind
}

var allKinds = Kinds

// fields is the content format of the "Keys" table in docs/content.md.
var fields = map[string]field{
	"title":                {label: msg.Text{Zh: "标题", En: "title"}, required: allKinds},
	"short_title":          {label: msg.Text{Zh: "简称", En: "short title"}},
	"date":                 {label: msg.Text{Zh: "发布日期", En: "publication date"}, required: allKinds},
	"publisher":            {label: msg.Text{Zh: "发布机构", En: "publisher"}},
	"topic":                {label: msg.Text{Zh: "主题分类", En: "topic"}},
	"keywords":             {label: msg.Text{Zh: "关键词", En: "keywords"}},
	"summary":              {label: msg.Text{Zh: "摘要", En: "summary"}},
	"validity":             {label: msg.Text{Zh: "有效性", En: "validity"}},
	"validity_date":        {label: msg.Text{Zh: "失效日期", En: "date of expiry or repeal"}},
	"replaced_by":          {label: msg.Text{Zh: "替代文件", En: "replaced by"}},
	"doc_no":               {label: msg.Text{Zh: "发文字号", En: "document number"}},
	"written":              {label: msg.Text{Zh: "成文日期", En: "date written"}},
	"index_no":             {label: msg.Text{Zh: "索引号", En: "index number"}, required: []Kind{Reports, Policies, Interpretations, Info}},
	"changes":              {label: msg.Text{Zh: "修订记录", En: "change history"}},
	"year":                 {label: msg.Text{Zh: "报告年度", En: "year reported on"}, kinds: []Kind{Reports}, required: []Kind{Reports}},
	"report_type":          {label: msg.Text{Zh: "报告类别", En: "report type"}, kinds: []Kind{Reports}},
	"stats":                {label: msg.Text{Zh: "统计数据文件", En: "statistics file"}, kinds: []Kind{Reports}},
	"interprets":           {label: msg.Text{Zh: "解读对象", En: "interpreted document"}, kinds: []Kind{Interpretations}, required: []Kind{Interpretations}},
	"needs_interpretation": {label: msg.Text{Zh: "需要解读", En: "needs interpretation"}, kinds: []Kind{Policies}},
	"laws":                 {label: msg.Text{Zh: "相关法律", En: "laws"}, kinds: []Kind{Articles}},
	"column":               {label: msg.Text{Zh: "所属栏目", En: "column"}},
	"draft":                {label: msg.Text{Zh: "草稿", En: "draft"}},
	"publishDate":          {label: msg.Text{Zh: "定时发布时间", En: "scheduled publication"}},
	"expiryDate":           {label: msg.Text{Zh: "下线时间", En: "expiry"}},
	"lastmod":              {label: msg.Text{Zh: "更新日期", En: "last modified"}},
	"weight":               {label: msg.Text{Zh: "排序权重", En: "weight"}},
	"aliases":              {label: msg.Text{Zh: "别名地址", En: "aliases"}},
}

// sectionFields are the keys of a list page's _index.md.
var sectionFields = map[string]field{
	"title":       {label: msg.Text{Zh: "标题", En: "title"}},
	"description": {label: msg.Text{Zh: "栏目描述", En: "description"}},
	"keywords":    {label: msg.Text{Zh: "关键词", En: "keywords"}},
	"weight":      {label: msg.Text{Zh: "排序权重", En: "weight"}},
	"column_type": {label: msg.Text{Zh: "栏目类型", En: "column type"}},
}

// pageFields are the keys of a page outside the four kinds (e.g. 关于本站).
var pageFields = map[string]field{
	"title":       {label: msg.Text{Zh: "标题", En: "title"}},
	"description": {label: msg.Text{Zh: "描述", En: "description"}},
	"date":        {label: msg.Text{Zh: "发布日期", En: "date"}},
	"lastmod":     {label: msg.Text{Zh: "更新日期", En: "last modified"}},
	"draft":       {label: msg.Text{Zh: "草稿", En: "draft"}},
	"weight":      {label: msg.Text{Zh: "排序权重", En: "weight"}},
	"layout":      {label: msg.Text{Zh: "模板", En: "layout"}},
	"aliases":     {label: msg.Text{Zh: "别名地址", En: "aliases"}},
}

// subfields are the keys of nested tables.
var subfields = map[string]map[string]field{
	"interprets": {
		"policy": {label: msg.Text{Zh: "本站政策文件", En: "policy of this site"}},
		"title":  {label: msg.Text{Zh: "原文标题", En: "title of the original"}},
		"doc_no": {label: msg.Text{Zh: "原文发文字号", En: "document number of the original"}},
		"url":    {label: msg.Text{Zh: "原文链接", En: "URL of the original"}},
	},
	"changes": {
		"date":  {label: msg.Text{Zh: "修订日期", En: "date of change"}},
		"note":  {label: msg.Text{Zh: "修订说明", En: "change note"}},
		"major": {label: msg.Text{Zh: "重大修订", En: "major change"}},
	},
}

func (f field) allowed(k Kind) bool {
	if f.kinds == nil {
		return true
	}
	for _, x := range f.kinds {
		if x == k {
			return true
		}
	}
	return false
}

func (f field) requiredFor(k Kind) bool {
	for _, x := range f.required {
		if x == k {
			return true
		}
	}
	return false
}

// Label returns the name of a front-matter key in lang, for diagnostics of other stages.
func Label(key string, lang msg.Lang) string {
	if f, ok := fields[key]; ok {
		return f.label.In(lang)
	}
	return ""
}
