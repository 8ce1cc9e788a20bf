// Package corpus generates a synthetic disclosure site's documents for the
// search benchmark. It exists because recall and download size must be
// measured on 10,000 documents, far more than any sample site, and the
// corpus must be the same on every run so figures compare across commits.
//
// The text is made of government phrases, place and body names, numbers and
// dates, mixed with common characters drawn at random, so that the index sees
// both the repeated vocabulary of real notices and the long tail of rare
// character pairs that makes a Chinese bigram index large.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"gongkai/generator/search"
)

var phrases = strings.Fields(`根治欠薪 农民工工资 劳动仲裁 劳动合同 社会保险 失业保险 工伤保险 养老保险 医疗保险
就业创业 职业技能培训 人力资源市场 劳动保障监察 用人单位 劳动者 工资支付 最低工资标准 人才引进 事业单位
公开招聘 职称评审 专业技术人员 高校毕业生 就业见习 创业担保贷款 稳岗返还 技能提升补贴 劳务派遣 集体协商
调解仲裁 信访 政务公开 依申请公开 主动公开 政府信息 行政复议 行政诉讼 法治政府建设 优化营商环境 放管服
一网通办 证明事项告知承诺制 双随机一公开 信用监管 安全生产 防汛 疫情防控 乡村振兴 帮扶 残疾人就业 退役军人
根据 按照 为了 进一步 切实 加强 做好 落实 完善 建立健全 推进 深化 规范 提升 保障 严格 坚持 统筹 组织实施
各街道办事处 区级各部门 各有关单位 区人力资源和社会保障局 区财政局 区市场监管局 区司法局 区住房建设委 区发展改革委
工作方案 实施意见 通知 办法 规定 细则 指引 意见 报告 总结 计划 要点 公告 公示 决定 批复 函
现将有关事项通知如下 请结合实际认真贯彻执行 本办法自发布之日起施行 特此通知 联系人 联系电话 附件
责任分工 时间安排 工作要求 组织领导 宣传引导 监督检查 考核评价 经费保障 信息报送 应急处置
劳动关系 和谐稳定 权益维护 举报投诉 案件办理 结案率 满意度 数据统计 年度目标 重点任务 主要成效 存在问题 下一步工作`)

var common = []rune(`的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府`)

var towns = strings.Fields(`大王庄街道 大直沽街道 唐家口街道 向阳楼街道 春华街道 中山门街道 二号桥街道 上杭路街道 东新街道 鲁山道街道 天铁街道 富民路街道 常州道街道`)

var topics = []string{`劳动、人事、监察\劳动就业`, `劳动、人事、监察\劳动关系`, `劳动、人事、监察\社会保障`,
	`劳动、人事、监察\人事工作`, `综合政务\政务公开`, `综合政务\法治建设`, `财政、金融、审计\财政`, `城乡建设、环境保护\城市规划`}

var kinds = []struct{ kind, word string }{{"policies", "通知"}, {"interpretations", "政策解读"}, {"articles", "普法"}, {"reports", "年度报告"}}

// Docs returns n documents, the same for the same n and seed.
func Docs(n int, seed uint64) []search.Doc {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	docs := make([]search.Doc, n)
	serial := map[int]int{}
	for i := range docs {
		year := 2016 + r.IntN(10)
		month, day := 1+r.IntN(12), 1+r.IntN(28)
		k := kinds[r.IntN(len(kinds))]
		serial[year]++
		d := search.Doc{
			URL:       fmt.Sprintf("/%s/d%05d/", k.kind, i),
			Kind:      k.kind,
			Date:      fmt.Sprintf("%04d-%02d-%02d", year, month, day),
			Topic:     topics[r.IntN(len(topics))],
			Publisher: "天津市河东区人力资源和社会保障局",
		}
		d.Title = fmt.Sprintf("关于%s%s%s的%s", pick(r, phrases), pick(r, phrases), pick(r, phrases), k.word)
		if k.kind != "articles" {
			d.IndexNo = fmt.Sprintf("000014349/%04d-%05d", year, serial[year])
		}
		if k.kind == "policies" {
			d.DocNo = fmt.Sprintf("东人社%s〔%d〕%d号", []string{"发", "规字", "函"}[r.IntN(3)], year, 1+r.IntN(120))
		}
		if r.IntN(3) == 0 {
			d.Attachments = []string{fmt.Sprintf("附件%d：%s%s.pdf", 1+r.IntN(3), pick(r, phrases), pick(r, phrases))}
		}
		d.Text = text(r, 400+r.IntN(2200))
		docs[i] = d
	}
	return docs
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// text writes about n characters in paragraphs, with line breaks where
// Markdown source would wrap, so phrases cross line breaks as in real files.
func text(r *rand.Rand, n int) string {
	var b strings.Builder
	count := 0
	for count < n {
		var s string
		switch x := r.IntN(20); {
		case x < 11:
			s = pick(r, phrases)
		case x < 16:
			rs := make([]rune, 1+r.IntN(3))
			for i := range rs {
				rs[i] = common[r.IntN(len(common))]
			}
			s = string(rs)
		case x < 17:
			s = pick(r, towns)
		case x < 18:
			s = fmt.Sprintf("%d年%d月%d日", 2016+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
		case x < 19:
			s = fmt.Sprintf("%d", r.IntN(100000))
		default:
			s = []string{"，", "。", "、", "；", "：", "“", "”", "（", "）"}[r.IntN(9)]
		}
		b.WriteString(s)
		count += len([]rune(s))
		if r.IntN(40) == 0 {
			b.WriteString("\n")
		}
		if r.IntN(200) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
