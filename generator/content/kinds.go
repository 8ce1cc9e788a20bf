package content

import "gongkai/generator/msg"

// Kind is a kind of disclosure document, named by its folder under content/ (content/policies/…).
type Kind string

// The kinds that rules of the content format name (a policy's interpretations, a report's statistics). Everything
// that lists the kinds — validation, the catalogue and its schema, the search index, the layouts (through
// hugo.Data.gongkai.nav.kinds), the benchmark corpus and the tests — ranges over Kinds below; no other list of
// kinds exists.
const (
	Reports         Kind = "reports"
	Policies        Kind = "policies"
	Interpretations Kind = "interpretations"
	Articles        Kind = "articles"
	Info            Kind = "info"
)

// KindInfo is the declaration of one kind.
type KindInfo struct {
	Kind Kind
	// Names in Chinese and English: the kind as a list (年度报告, Annual reports) and one document of it (年度报告,
	// Annual report).
	Zh, En, EnOne string
}

// kindTable declares the kinds, in the order the site shows them. Which columns show their documents is the site's
// column declaration (data/columns.toml); a kind is only how a document is validated and catalogued.
var kindTable = []KindInfo{
	{Reports, "年度报告", "Annual reports", "Annual report"},
	{Policies, "政策文件", "Policy documents", "Policy document"},
	{Interpretations, "政策解读", "Policy interpretations", "Policy interpretation"},
	{Articles, "普法", "Legal education", "Legal education"},
	{Info, "公开信息", "Disclosed information", "Disclosed information"},
}

// Kinds lists the kinds in the order the site shows them.
var Kinds = func() []Kind {
	out := make([]Kind, len(kindTable))
	for i, k := range kindTable {
		out[i] = k.Kind
	}
	return out
}()

// KindNames lists the kinds' folder names, for packages that speak of kinds as strings (the search index).
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

func kindInfo(k Kind) KindInfo {
	for _, x := range kindTable {
		if x.Kind == k {
			return x
		}
	}
	return KindInfo{Kind: k, Zh: string(k), En: string(k), EnOne: string(k)}
}

// Label is the kind's name in lang.
func (k Kind) Label(lang msg.Lang) string {
	i := kindInfo(k)
	return msg.Text{Zh: i.Zh, En: i.En}.In(lang)
}

// LabelOne is the name of one document of the kind in lang (a search result's kind).
func (k Kind) LabelOne(lang msg.Lang) string {
	i := kindInfo(k)
	return msg.Text{Zh: i.Zh, En: i.EnOne}.In(lang)
}

func isKind(s string) bool {
	for _, k := range Kinds {
		if string(k) == s {
			return true
		}
	}
	return false
}
