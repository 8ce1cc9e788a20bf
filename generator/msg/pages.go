package msg

// Words of the pages gongkai generates (year archives, topics, recent changes).
var (
	PageArchives = def("按年份浏览", "Archives")
	PageTopics   = def("按主题分类浏览", "Topics")
	PageChanges  = def("最近更新", "Recent changes")
	// PageYear titles a year's archive page.
	PageYear = def("%d年", "%d")
)
