package content

import "gongkai/generator/msg"

// field describes one front-matter key: its labels, which kinds may use it and which must.
type field struct {
	zh, en   string
	kinds    []Kind // nil: every kind
	required []Kind
}

var allKinds = Kinds

// fields is the content format of the README's "Keys" table.
var fields = map[string]field{
	"title":                {zh: "标题", en: "title", required: allKinds},
	"date":                 {zh: "发布日期", en: "publication date", required: allKinds},
	"publisher":            {zh: "发布机构", en: "publisher"},
	"topic":                {zh: "主题分类", en: "topic"},
	"keywords":             {zh: "关键词", en: "keywords"},
	"summary":              {zh: "摘要", en: "summary"},
	"validity":             {zh: "有效性", en: "validity"},
	"validity_date":        {zh: "失效日期", en: "date of expiry or repeal"},
	"replaced_by":          {zh: "替代文件", en: "replaced by"},
	"doc_no":               {zh: "发文字号", en: "document number"},
	"written":              {zh: "成文日期", en: "date written"},
	"index_no":             {zh: "索引号", en: "index number", required: []Kind{Reports, Policies, Interpretations, Info}},
	"changes":              {zh: "修订记录", en: "change history"},
	"year":                 {zh: "报告年度", en: "year reported on", kinds: []Kind{Reports}, required: []Kind{Reports}},
	"report_type":          {zh: "报告类别", en: "report type", kinds: []Kind{Reports}},
	"stats":                {zh: "统计数据文件", en: "statistics file", kinds: []Kind{Reports}},
	"interprets":           {zh: "解读对象", en: "interpreted document", kinds: []Kind{Interpretations}, required: []Kind{Interpretations}},
	"needs_interpretation": {zh: "需要解读", en: "needs interpretation", kinds: []Kind{Policies}},
	"laws":                 {zh: "相关法律", en: "laws", kinds: []Kind{Articles}},
	"column":               {zh: "所属栏目", en: "column"},
	"draft":                {zh: "草稿", en: "draft"},
	"publishDate":          {zh: "定时发布时间", en: "scheduled publication"},
	"expiryDate":           {zh: "下线时间", en: "expiry"},
	"lastmod":              {zh: "更新日期", en: "last modified"},
	"weight":               {zh: "排序权重", en: "weight"},
	"aliases":              {zh: "别名地址", en: "aliases"},
}

// sectionFields are the keys of a list page's _index.md.
var sectionFields = map[string]field{
	"title":       {zh: "标题", en: "title"},
	"description": {zh: "栏目描述", en: "description"},
	"keywords":    {zh: "关键词", en: "keywords"},
	"weight":      {zh: "排序权重", en: "weight"},
	"column_type": {zh: "栏目类型", en: "column type"},
}

// pageFields are the keys of a page outside the four kinds (e.g. 关于本站).
var pageFields = map[string]field{
	"title":       {zh: "标题", en: "title"},
	"description": {zh: "描述", en: "description"},
	"date":        {zh: "发布日期", en: "date"},
	"lastmod":     {zh: "更新日期", en: "last modified"},
	"draft":       {zh: "草稿", en: "draft"},
	"weight":      {zh: "排序权重", en: "weight"},
	"layout":      {zh: "模板", en: "layout"},
	"aliases":     {zh: "别名地址", en: "aliases"},
}

// subfields are the keys of nested tables.
var subfields = map[string]map[string]field{
	"interprets": {
		"policy": {zh: "本站政策文件", en: "policy of this site"},
		"title":  {zh: "原文标题", en: "title of the original"},
		"doc_no": {zh: "原文发文字号", en: "document number of the original"},
		"url":    {zh: "原文链接", en: "URL of the original"},
	},
	"changes": {
		"date":  {zh: "修订日期", en: "date of change"},
		"note":  {zh: "修订说明", en: "change note"},
		"major": {zh: "重大修订", en: "major change"},
	},
}

func (f field) label(lang msg.Lang) string { return msg.Text{Zh: f.zh, En: f.en}.In(lang) }

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
		return f.label(lang)
	}
	return ""
}
