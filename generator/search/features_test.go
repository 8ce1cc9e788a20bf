package search

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FeatureDocs is a small site for what a citizen's query needs beyond
// substrings: equivalent words, short titles (简称), near misses and ranking.
// The Node mirror test runs FeatureCases on the same index through
// search.js, so these hold for the browser too.
func FeatureDocs() ([]Doc, [][]string) {
	docs := []Doc{
		{URL: "/policies/sb-2024/", Kind: "policies", Date: "2024-06-01",
			Title: "关于调整2024年度社会保险缴费基数的通知", DocNo: "东人社发〔2024〕5号", IndexNo: "MB1A23456/2024-00020",
			Text: "用人单位和职工应当按时足额缴纳社会保险费，缴费基数按上年度职工月平均工资确定。"},
		{URL: "/interpretations/sb-2024-jd/", Kind: "interpretations", Date: "2024-06-05",
			Title: "《关于调整2024年度社会保险缴费基数的通知》（东人社发〔2024〕5号）解读", IndexNo: "MB1A23456/2024-00021",
			Text: "本次调整后，个人缴费基数下限有所提高。"},
		{URL: "/articles/sb-faq/", Kind: "articles", Date: "2023-05-01",
			Title: "社保缴费常见问题", Text: "社保是社会保险的简称，包括养老、医疗、失业、工伤和生育保险。"},
		{URL: "/articles/sy-2024/", Kind: "articles", Date: "2024-02-01",
			Title: "失业了怎么办", Text: "符合条件的失业人员可以申领失业保险金，也可以参加免费职业培训。"},
		// 加班费 in a title (valid, oldest), in keywords, in the body only
		// (newest), and in the title of a repealed document.
		{URL: "/policies/jb-2020/", Kind: "policies", Date: "2020-04-01",
			Title: "关于加班费计算基数的规定", Text: "加班费以劳动合同约定的工资为计算基数。"},
		{URL: "/policies/gz-2022/", Kind: "policies", Date: "2022-09-01", Keywords: []string{"加班费", "工资支付"},
			Title: "工资支付规定", Text: "用人单位应当按月足额支付工资。"},
		{URL: "/articles/gs-2024/", Kind: "articles", Date: "2024-08-01",
			Title: "劳动者权益十问", Text: "安排延长工作时间的，用人单位应当支付加班费。"},
		{URL: "/policies/jb-2018/", Kind: "policies", Date: "2018-03-01", Validity: "repealed",
			Title: "关于规范加班费支付的意见", Text: "用人单位安排加班的，应当依法支付加班费。"},
		// A policy known by its short title, and an article that cites it.
		{URL: "/policies/wg-2023/", Kind: "policies", Date: "2023-03-01", ShortTitle: "稳岗十条",
			Title: "关于进一步做好稳就业保就业工作的若干措施", Summary: "十条措施支持企业稳定岗位。",
			Text: "一、减轻企业负担。二、扩大就业见习规模。"},
		{URL: "/articles/wg-2024/", Kind: "articles", Date: "2024-04-01",
			Title: "企业如何享受稳岗政策", Text: "根据稳岗十条，符合条件的企业可以申请稳岗返还。"},
		{URL: "/policies/zw-2022/", Kind: "policies", Date: "2022-12-01",
			Title: "关于防范化解企业债务风险的意见", Text: "企业应当合理控制杠杆水平，防范债务风险。"},
	}
	synonyms := [][]string{
		{"社保", "社会保险"},
		{"失业金", "失业保险金"},
		{"加班工资", "加班费"},
		{"医保", "医疗保险", "基本医疗保险"},
	}
	return docs, synonyms
}

// FeatureCase is a query and its expected first results, in order: for
// each, its URL and what it matched of each word ("" for a word it lacks).
type FeatureCase struct {
	Q        string
	Want     []string
	Matched  [][]string // nil: not checked
	NearMiss bool
	Words    []string // the words answered (the parts, for a near miss); nil: not checked
}

// FeatureCases are the queries of TestFeatures.
var FeatureCases = []FeatureCase{
	// Equivalent words: 社保 also finds 社会保险, and says so; a document
	// with the word itself says nothing more. All three have it in the
	// title: the word as typed first, then more occurrences, then newer.
	{Q: "社保", Want: []string{"/articles/sb-faq/", "/policies/sb-2024/", "/interpretations/sb-2024-jd/"},
		Matched: [][]string{{"社保"}, {"社会保险"}, {"社会保险"}}},
	{Q: "社会保险", Want: []string{"/policies/sb-2024/", "/interpretations/sb-2024-jd/", "/articles/sb-faq/"},
		Matched: [][]string{{"社会保险"}, {"社会保险"}, {"社保"}}},
	{Q: "失业金", Want: []string{"/articles/sy-2024/"}, Matched: [][]string{{"失业保险金"}}},
	// Ranking: valid before repealed, then title, keywords, body; the
	// newest body match after the oldest title match.
	{Q: "加班费", Want: []string{"/policies/jb-2020/", "/policies/gz-2022/", "/articles/gs-2024/", "/policies/jb-2018/"}},
	{Q: "加班工资", Want: []string{"/policies/jb-2020/", "/policies/gz-2022/", "/articles/gs-2024/", "/policies/jb-2018/"},
		Matched: [][]string{{"加班费"}, {"加班费"}, {"加班费"}, {"加班费"}}},
	// An exact 发文字号 or 索引号 first, before a newer document with the
	// number in its title.
	{Q: "东人社发〔2024〕5号", Want: []string{"/policies/sb-2024/", "/interpretations/sb-2024-jd/"}},
	{Q: "东人社发[2024]5号", Want: []string{"/policies/sb-2024/", "/interpretations/sb-2024-jd/"}},
	{Q: "MB1A23456/2024-00020", Want: []string{"/policies/sb-2024/"}},
	// A short title ranks as a title.
	{Q: "稳岗十条", Want: []string{"/policies/wg-2023/", "/articles/wg-2024/"}},
	// Several words: all of them first, then some; 社保 through its
	// equivalent.
	{Q: "社保 缴费基数", Want: []string{"/policies/sb-2024/", "/interpretations/sb-2024-jd/", "/articles/sb-faq/"},
		Matched: [][]string{{"社会保险", "缴费基数"}, {"社会保险", "缴费基数"}, {"社保", ""}}},
	// Near misses: nothing has 降杠杆; 杠杆 is the longest part found.
	{Q: "降杠杆", Want: []string{"/policies/zw-2022/"}, Matched: [][]string{{"", "杠杆"}}, NearMiss: true,
		Words: []string{"降杠", "杠杆"}},
	{Q: "申领失业保险待遇", Want: []string{"/articles/sy-2024/"}, NearMiss: true},
	{Q: "完全不存在的词语", Want: nil},
}

func TestFeatures(t *testing.T) {
	docs, syn := FeatureDocs()
	dir := t.TempDir()
	if err := WriteKeeping(docs, syn, dir, nil); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(os.DirFS(filepath.Join(dir, "search")))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range FeatureCases {
		ans, err := ix.Search(c.Q, Filter{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := urls(ans); !slices.Equal(got, c.Want) {
			t.Errorf("Search(%q) = %q, want %q", c.Q, got, c.Want)
			continue
		}
		if ans.NearMiss != c.NearMiss {
			t.Errorf("Search(%q): near miss %v, want %v", c.Q, ans.NearMiss, c.NearMiss)
		}
		if c.Words != nil && !slices.Equal(ans.Words, c.Words) {
			t.Errorf("Search(%q): words %q, want %q", c.Q, ans.Words, c.Words)
		}
		for i, m := range c.Matched {
			if got := ans.Results[i].Matched; !slices.Equal(got, m) {
				t.Errorf("Search(%q): result %d matched %q, want %q", c.Q, i, got, m)
			}
		}
	}
	// Every exact substring is still found: the expansion only adds.
	for _, d := range docs {
		c := []rune(Compact(d.Text))
		for l := 2; l <= 6; l++ {
			q := string(c[len(c)/3 : len(c)/3+l])
			ans, err := ix.Search(q, Filter{}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(urls(ans), d.URL) {
				t.Errorf("Search(%q) misses %s", q, d.URL)
			}
		}
	}
}

// TestSynonymEntries: each word's entry lists the others of its group, a
// word in two groups gets both, and short or empty words are left out.
func TestSynonymEntries(t *testing.T) {
	es := synonymEntries([][]string{{"社保", "社会保险", "社保"}, {"ETC", "电子不停车收费"}, {"社保", "社险"}, {"税", "税收"}, {"", "空"}})
	got := map[string]string{}
	for _, e := range es {
		got[e.term] = string(e.list)
	}
	want := map[string]string{"=社保": "社会保险|社险", "=社会保险": "社保", "=etc": "电子不停车收费", "=电子不停车收费": "etc", "=社险": "社保"}
	if len(got) != len(want) {
		t.Errorf("entries %q, want %q", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("entry %s = %q, want %q", k, got[k], v)
		}
	}
}
