package annualstats

import "gongkai/generator/msg"

// The schema of a statistics file: the rows and columns of tables 二, 三 and 四 of the national format
// (国办公开办函〔2021〕30号), each under a stable ASCII key. The keys are what editors write and what the JSON
// publishes; the Chinese labels are the format's own words, shown in diagnostics, HTML and CSV. Keys never change
// once published: a renamed key would break every consumer of the JSON.

// Label is a key with its names.
type Label struct {
	Key string
	Zh  string // the format's own words
	En  string
}

// Name is the label in lang.
func (l Label) Name(lang msg.Lang) string { return msg.Text{Zh: l.Zh, En: l.En}.In(lang) }

// Table2Row is a row of table 二: one kind of information under one item of 《条例》第二十条.
type Table2Row struct {
	Label
	Item    Label   // 第二十条第（一）项 …
	Columns []Label // the columns this row has
	Amount  bool    // the value is an amount of money (万元), not a count: decimals allowed
}

// Table3Row is a row of table 三. Group is the row it belongs to (三、本年度办理结果 › （三）不予公开); Sum marks the
// rows that add up into （七）总计.
type Table3Row struct {
	Label
	Group []Label
	Sum   bool
}

var (
	colIssued    = Label{"issued", "本年制发件数", "issued this year"}
	colRepealed  = Label{"repealed", "本年废止件数", "repealed this year"}
	colInForce   = Label{"in_force", "现行有效件数", "in force"}
	colDecisions = Label{"decisions", "本年处理决定数量", "decisions this year"}
	colAmount    = Label{"amount", "本年收费金额（单位：万元）", "fees collected this year (10,000 yuan)"}

	item1 = Label{"item1", "第二十条第（一）项", "Article 20 (1)"}
	item5 = Label{"item5", "第二十条第（五）项", "Article 20 (5)"}
	item6 = Label{"item6", "第二十条第（六）项", "Article 20 (6)"}
	item8 = Label{"item8", "第二十条第（八）项", "Article 20 (8)"}
)

// Table2 is 二、主动公开政府信息情况.
var Table2 = struct {
	Label
	Rows []Table2Row
}{
	Label{"table2", "二、主动公开政府信息情况", "II. Information disclosed proactively"},
	[]Table2Row{
		{Label: Label{"rules", "规章", "rules"}, Item: item1, Columns: []Label{colIssued, colRepealed, colInForce}},
		{Label: Label{"normative_documents", "行政规范性文件", "normative documents"}, Item: item1, Columns: []Label{colIssued, colRepealed, colInForce}},
		{Label: Label{"licensing", "行政许可", "administrative licensing"}, Item: item5, Columns: []Label{colDecisions}},
		{Label: Label{"penalties", "行政处罚", "administrative penalties"}, Item: item6, Columns: []Label{colDecisions}},
		{Label: Label{"coercion", "行政强制", "administrative coercion"}, Item: item6, Columns: []Label{colDecisions}},
		{Label: Label{"fees", "行政事业性收费", "administrative fees"}, Item: item8, Columns: []Label{colAmount}, Amount: true},
	},
}

// ContentHeader is the header of table 二's first column.
var ContentHeader = Label{"content", "信息内容", "information"}

var (
	applicants   = Label{"applicants", "申请人情况", "applicants"}
	legalPersons = Label{"legal_persons", "法人或其他组织", "legal persons and other organisations"}
	results      = Label{"results", "三、本年度办理结果", "3. outcomes this year"}
	denied       = Label{"denied", "（三）不予公开", "(3) not disclosed"}
	unavailable  = Label{"unavailable", "（四）无法提供", "(4) cannot be provided"}
	notProcessed = Label{"not_processed", "（五）不予处理", "(5) not processed"}
	otherHandled = Label{"other_handling", "（六）其他处理", "(6) handled otherwise"}
)

// Table3Columns are the columns of table 三: 自然人, the five under 法人或其他组织, and 总计 last.
var Table3Columns = []Label{
	{"natural_person", "自然人", "natural persons"},
	{"commercial", "商业企业", "commercial enterprises"},
	{"research", "科研机构", "research institutions"},
	{"public_welfare", "社会公益组织", "public-interest organisations"},
	{"legal_service", "法律服务机构", "legal service providers"},
	{"other", "其他", "others"},
	{"total", "总计", "total"},
}

// Table3 is 三、收到和处理政府信息公开申请情况, its rows in the format's order.
var Table3 = struct {
	Label
	Rows []Table3Row
}{
	Label{"table3", "三、收到和处理政府信息公开申请情况", "III. Requests for government information received and handled"},
	[]Table3Row{
		{Label: Label{"new", "一、本年新收政府信息公开申请数量", "1. requests received this year"}},
		{Label: Label{"carried_over", "二、上年结转政府信息公开申请数量", "2. requests carried over from last year"}},
		{Label: Label{"granted", "（一）予以公开", "(1) disclosed"}, Group: []Label{results}, Sum: true},
		{Label: Label{"partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(2) partly disclosed (counted here only)"}, Group: []Label{results}, Sum: true},
		{Label: Label{"denied_state_secret", "1.属于国家秘密", "1. state secret"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_prohibited", "2.其他法律行政法规禁止公开", "2. prohibited by other laws and regulations"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_security", "3.危及“三安全一稳定”", "3. endangers security or stability"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_third_party", "4.保护第三方合法权益", "4. protects a third party's rights"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_internal", "5.属于三类内部事务信息", "5. internal affairs"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_process", "6.属于四类过程性信息", "6. process information"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_enforcement", "7.属于行政执法案卷", "7. enforcement case file"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"denied_inquiry", "8.属于行政查询事项", "8. administrative inquiry matter"}, Group: []Label{results, denied}, Sum: true},
		{Label: Label{"unavailable_not_held", "1.本机关不掌握相关政府信息", "1. not held by this body"}, Group: []Label{results, unavailable}, Sum: true},
		{Label: Label{"unavailable_not_existing", "2.没有现成信息需要另行制作", "2. would have to be created"}, Group: []Label{results, unavailable}, Sum: true},
		{Label: Label{"unavailable_unclear", "3.补正后申请内容仍不明确", "3. still unclear after correction"}, Group: []Label{results, unavailable}, Sum: true},
		{Label: Label{"not_processed_petition", "1.信访举报投诉类申请", "1. petition, report or complaint"}, Group: []Label{results, notProcessed}, Sum: true},
		{Label: Label{"not_processed_repeated", "2.重复申请", "2. repeated request"}, Group: []Label{results, notProcessed}, Sum: true},
		{Label: Label{"not_processed_publication", "3.要求提供公开出版物", "3. asks for a publication"}, Group: []Label{results, notProcessed}, Sum: true},
		{Label: Label{"not_processed_excessive", "4.无正当理由大量反复申请", "4. numerous repeated requests without good reason"}, Group: []Label{results, notProcessed}, Sum: true},
		{Label: Label{"not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", "5. asks to confirm or reissue information already obtained"}, Group: []Label{results, notProcessed}, Sum: true},
		{Label: Label{"other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1. applicant did not correct the request in time"}, Group: []Label{results, otherHandled}, Sum: true},
		{Label: Label{"other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2. applicant did not pay the fee in time"}, Group: []Label{results, otherHandled}, Sum: true},
		{Label: Label{"other_other", "3.其他", "3. other"}, Group: []Label{results, otherHandled}, Sum: true},
		{Label: Label{"total", "（七）总计", "(7) total"}, Group: []Label{results}},
		{Label: Label{"carried_forward", "四、结转下年度继续办理", "4. carried forward to next year"}},
	},
}

// Table3Groups are the column groups of table 三's header: 申请人情况 spans every column, 法人或其他组织 the five
// between 自然人 and 总计.
var Table3Groups = struct{ Applicants, LegalPersons Label }{applicants, legalPersons}

// Table3Note is the top-left cell of table 三 in the format.
var Table3Note = Label{"note", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(in each column, 1 + 2 = 3 + 4)"}

// Table4Groups are the groups of table 四.
var Table4Groups = []Label{
	{"review", "行政复议", "administrative review"},
	{"litigation_direct", "未经复议直接起诉", "lawsuits without prior review"},
	{"litigation_after_review", "复议后起诉", "lawsuits after review"},
}

// Litigation is the header over table 四's two lawsuit groups.
var Litigation = Label{"litigation", "行政诉讼", "administrative litigation"}

// Table4Columns are the columns of each group of table 四.
var Table4Columns = []Label{
	{"upheld", "结果维持", "upheld"},
	{"corrected", "结果纠正", "corrected"},
	{"other", "其他结果", "other outcome"},
	{"pending", "尚未审结", "pending"},
	{"total", "总计", "total"},
}

// Table4 is 四、政府信息公开行政复议、行政诉讼情况.
var Table4 = Label{"table4", "四、政府信息公开行政复议、行政诉讼情况", "IV. Administrative review and litigation"}

// Format names the national format the tables follow.
const Format = "国办公开办函〔2021〕30号"

// sumGroups are the parts of （七）总计 in V2, in the format's order.
var sumGroups = []Label{
	{"granted", "（一）予以公开", "(1) disclosed"},
	{"partly_granted", "（二）部分公开", "(2) partly disclosed"},
	denied, unavailable, notProcessed, otherHandled,
}

// sumGroupOf says which part of V2 a summed row belongs to.
func sumGroupOf(r Table3Row) string {
	if len(r.Group) > 1 {
		return r.Group[1].Key
	}
	return r.Key
}
