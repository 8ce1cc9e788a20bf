package msg

// Column-health warnings (package health).
var (
	HealthHome = def(
		"首页最新文档发布于 %s(%s),已 %d 天未更新,超过 %d 天(params.health.home_days);首页两周未更新是政府网站检查的单项否决项",
		"the newest document on the home page was published on %s (%s), %d days ago, more than %d days (params.health.home_days); a home page not updated for two weeks fails a government website inspection")
	HealthColumn = def(
		"%s栏目最新文档发布于 %s(%s),已 %d 天没有新内容,超过 %d 天(params.health.column_days)",
		"the column %s has had nothing new since %s (%s), %d days ago, more than %d days (params.health.column_days)")
	HealthInterpretation = def(
		"本政策文件于 %s 发布,标注需要解读,但还没有解读(interprets 指向本文件的政策解读);应在 %d 个工作日内发布解读",
		"this policy was published on %s and needs an interpretation, but none interprets it yet; publish one within %d working days")
	HealthDeadlineDisclosure = def(
		"%d年政府信息公开工作年度报告尚未公开:条例第五十条要求在 %s 前向社会公布上一年度的年度报告",
		"the annual disclosure report for %d is not published: Article 50 of the Regulations requires it by %s")
	HealthDeadlineRuleOfLaw = def(
		"%d年法治政府建设年度报告尚未公开:应在 %s 前通过报刊、网站等向社会公开",
		"the rule-of-law government report for %d is not published: it is due by %s")
	HealthGuide = def(
		"政府信息公开指南的更新日期是 %s,已超过 %d 个月(params.health.guide_months);条例第十二条要求及时更新指南",
		"the disclosure guide was last updated on %s, more than %d months ago (params.health.guide_months); Article 12 of the Regulations requires it to be kept up to date")
)
