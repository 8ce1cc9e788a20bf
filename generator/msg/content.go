package msg

// Diagnostics of documents and of the topic vocabulary (package content). Each says what is wrong and what a
// correct value looks like, because the reader is an editor who may never have seen the rule.
var (
	ContentNoFrontMatter = def(
		"文件开头缺少元数据(以 +++ 或 --- 开始的 front matter)",
		"the file does not start with metadata (front matter between +++ or --- lines)")
	ContentSyntax = def(
		"元数据格式错误:%s",
		"the metadata does not parse: %s")
	ContentRawHTML = def(
		"正文中的 HTML 代码 %s 不会显示(本站未开启 params.allow_raw_html);请改用 Markdown 写法",
		"the HTML %s in the text would not be shown (params.allow_raw_html is off); write it in Markdown")
	ContentEncoding = def(
		"文件不是 UTF-8 编码(此处有无法识别的字节);请用编辑器另存为 UTF-8",
		"the file is not UTF-8 (unreadable bytes here); save it as UTF-8")
	ContentNotForKind = def(
		"%s 类文档不使用此字段",
		"documents of kind %s do not use this field")
	ContentRequired = def(
		"缺少必填字段,例如 %s",
		"required field is missing, e.g. %s")
	ContentNotString = def(
		"应为文字,例如 %s",
		"must be text, e.g. %s")
	ContentEmpty = def(
		"不能为空",
		"must not be empty")
	ContentNotList = def(
		"应为文字列表,例如 %s",
		"must be a list of text, e.g. %s")
	ContentNotBool = def(
		"应为 true 或 false",
		"must be true or false")
	ContentBadDate = def(
		"无法识别的日期 %q,应为 2024-03-01 或 2024-03-01T09:30:00+08:00",
		"cannot read the date %q; write 2024-03-01 or 2024-03-01T09:30:00+08:00")
	// ContentBadDateFix: the date as written, the date as it must be written.
	ContentBadDateFix = def(
		"日期 %q 的写法无法识别:应写作 %s(年-月-日,用英文连字符 -,月和日各两位)",
		"cannot read the date %q: write %s (year-month-day with hyphens, two-digit month and day)")
	// ContentListComma: the item, the items separated, the full-width comma.
	ContentListComma = def(
		"%[1]q 中有全角逗号 %[3]s:如果这是几项,请用英文逗号分开,写作 [\"%[2]s\"]",
		"%[1]q holds a full-width comma %[3]s: if these are several items, separate them with ASCII commas: [\"%[2]s\"]")
	// ContentCurlyQuoted: the value with its quotes, the value without them.
	ContentCurlyQuoted = def(
		"YAML 不把中文引号 “” 当作字符串的引号,它们会成为文字的一部分,发布为 %[1]s:如果不需要引号,请删去,写作 %[2]s",
		"YAML does not read Chinese quotes “” as string quotes: they become part of the text, published as %[1]s; if the quotes are not wanted, remove them: %[2]s")
	ContentBadYear = def(
		"应为四位年份数字,例如 2023",
		"must be a four-digit year, e.g. 2023")
	ContentYearAfterDate = def(
		"报告年度 %d 晚于发布日期所在年份 %d",
		"the year reported on, %d, is after the year of publication, %d")
	ContentWrittenAfterDate = def(
		"成文日期 %s 晚于发布日期 %s",
		"the date written, %s, is after the publication date, %s")
	ContentBadValidity = def(
		"应为 valid(有效)、expired(失效)或 repealed(废止),而不是 %q",
		"must be valid, expired or repealed, not %q")
	ContentIndexPattern = def(
		"索引号 %q 不符合本站格式 %s,例如 %q",
		"index number %q does not match the site's pattern %s, e.g. %q")
	ContentIndexYear = def(
		"索引号 %q 中的年份 %s 与发布日期的年份 %d 不一致",
		"index number %q has the year %s, but the publication date is in %d")
	ContentIndexDup = def(
		"索引号 %q 与 %s 重复;索引号在全站必须唯一",
		"index number %q is also used by %s; index numbers must be unique")
	ContentDocnoBracket = def(
		"发文字号 %q 的年份应使用六角括号〔〕,写作 %q",
		"document number %q must put the year in 〔〕 brackets: %q")
	ContentDocnoDi = def(
		"发文字号 %q 的序号前不加“第”,写作 %q",
		"document number %q must not have 第 before the serial: %q")
	ContentDocnoZero = def(
		"发文字号 %q 的序号不编虚位(不加前导 0),写作 %q",
		"document number %q must not pad the serial with zeros: %q")
	ContentDocnoForm = def(
		"发文字号 %q 应为“机关代字〔年份〕序号号”,例如 \"津人社规字〔2024〕3号\"",
		"document number %q must read 机关代字〔year〕serial号, e.g. \"津人社规字〔2024〕3号\"")
	ContentTopicUnknown = def(
		"主题分类 \"%s\" 不在本站主题分类表(%s)中%s",
		"topic \"%s\" is not in the site's vocabulary (%s)%s")
	ContentTopicHint = def(
		",是否应为 \"%s\"?",
		"; did you mean \"%s\"?")
	ContentInterpretsTable = def(
		"应为表,例如 { policy = \"policies/ldht-2024\" } 或 { title = \"…\", doc_no = \"…\", url = \"https://…\" }",
		"must be a table, e.g. { policy = \"policies/ldht-2024\" } or { title = \"…\", doc_no = \"…\", url = \"https://…\" }")
	ContentInterpretsBoth = def(
		"policy 与 title/url 只能二选一:本站文件用 policy,外部文件用 title、doc_no 和 url",
		"give either policy (a document of this site) or title, doc_no and url (one published elsewhere), not both")
	ContentInterpretsExternal = def(
		"外部原文需同时给出 title 和 url",
		"an original published elsewhere needs both title and url")
	ContentPolicyMissing = def(
		"本站没有政策文件 %q%s",
		"this site has no policy %q%s")
	ContentPolicyForm = def(
		"应写作 \"policies/文件名\",例如 \"policies/ldht-2024\"",
		"must read \"policies/<name>\", e.g. \"policies/ldht-2024\"")
	ContentBadURL = def(
		"链接 %q 应以 http:// 或 https:// 开头",
		"link %q must start with http:// or https://")
	ContentReplacedMissing = def(
		"本站没有文件 %q;替代文件应写作 \"policies/文件名\" 或完整链接",
		"this site has no document %q; write \"policies/<name>\" or a full URL")
	ContentChangesTable = def(
		"应为修订记录列表,例如 [[changes]] date = 2024-05-01 note = \"…\"",
		"must be a list of changes, e.g. [[changes]] date = 2024-05-01 note = \"…\"")
	ContentNotInt = def(
		"应为整数",
		"must be a whole number")
	ContentKindFolder = def(
		"文档应放在 content/ 下的 reports、policies、interpretations 或 articles 目录中",
		"documents belong in content/reports, content/policies, content/interpretations or content/articles")
	ContentExpiredNoDate = def(
		"有效性为 %s 时建议填写失效日期 validity_date",
		"a document that is %s should give validity_date")
	ContentBadTopicsFile = def(
		"主题分类表格式错误:%s",
		"the topic vocabulary does not parse: %s")
	ContentTopicsClass = def(
		"主题分类表每一项应有 name 和 children,例如 [[class]] name = \"综合政务\" children = [\"政务公开\"]",
		"each class of the topic vocabulary needs name and children, e.g. [[class]] name = \"综合政务\" children = [\"政务公开\"]")
	ContentLinkOut = def(
		"content 是指向站点之外 %s 的符号链接:拒绝读取;content 只能链接到站点目录之内",
		"content is a symbolic link to %s, outside the site: not read; content may only link to a folder inside the site")
	ContentLink = def(
		"是指向 %s 的符号链接:拒绝发布;Hugo 不会发布 content 中的符号链接,请换成文件本身",
		"is a symbolic link to %s: refused; Hugo does not publish symbolic links under content, put the file itself here")
	ContentNotRegular = def(
		"不是普通文件(命名管道、设备或套接字):拒绝读取;请换成普通文件",
		"is not a regular file (a named pipe, a device or a socket): not read; put a regular file here")
	ContentEmptyBody = def(
		"正文为空,空白页面不能发布;尚未写完的文档请保留 draft = true(草稿不会发布)",
		"the text is empty, and an empty page must not be published; keep draft = true until the document is written (drafts are not published)")
	ContentMissingFile = def(
		"链接的文件 %s 不存在:页面包(与 index.md 同一文件夹)和 static/ 中都没有这个文件",
		"the linked file %s does not exist: it is neither in the page bundle (the folder of index.md) nor in static/")
	ContentMissingFileSingle = def(
		"链接的文件 %s 不存在:附件和图片应与文档放在同一文件夹,请将文档改为页面包(文件夹/index.md,gongkai new --bundle)并把文件放入其中",
		"the linked file %s does not exist: attachments and images go in the document's folder; make the document a page bundle (folder/index.md, gongkai new --bundle) and put the file in it")
	ContentNameTooLong = def(
		"文件名有 %d 个字节,超过了 %d 字节的上限;请缩短文件名",
		"the file name has %d bytes, more than the limit of %d; shorten it")
	ContentNameTooLongBr = def(
		"文件名有 %d 个字节;发布时要加上 .br/.gz 压缩副本,文件名不能超过 %d 字节(一个汉字占 3 个字节),请缩短文件名",
		"the file name has %d bytes; the build adds .br and .gz copies, so a name may have at most %d bytes (a Chinese character takes 3); shorten it")
	ContentAliasClash = def(
		"别名地址 %q 与本站生成的文件或页面冲突(会覆盖它或被它覆盖);请换一个地址",
		"the alias %q is a file or page the site generates (it would overwrite it or be overwritten); choose another address")
	ContentDraftListed = def(
		"草稿:不会发布;发布前删除 draft = true",
		"draft: not published; remove draft = true to publish")
	ContentMissingPage = def(
		"链接的页面 %s 不存在(或是尚未发布的草稿)",
		"the linked page %s does not exist (or is a draft, not published)")
	ContentWithdrawnName = def(
		"应写明撤销的文档,例如 name = \"policies/ldht-2023\"",
		"name the withdrawn document, e.g. name = \"policies/ldht-2023\"")
	ContentWithdrawnDate = def(
		"应写明撤销日期,例如 date = 2026-11-20",
		"give the date of withdrawal, e.g. date = 2026-11-20")
	ContentWithdrawnReason = def(
		"应写明撤销原因(向公众公开),例如 reason = \"该文件已被……废止\"",
		"give the reason (shown to the public), e.g. reason = \"repealed by …\"")
	ContentWithdrawnBody = def(
		"body 应为 \"removed\"(撤下正文)或 \"kept\"(保留正文)",
		"body must be \"removed\" (the text is taken down) or \"kept\"")
	ContentForeignShortcode = def(
		"短代码 %s 会嵌入其他网站的内容(iframe 或脚本),与 HTML 代码一样不会发布(本站未开启 params.allow_raw_html);请改为普通链接",
		"the shortcode %s embeds another site's content (an iframe or a script) and, like raw HTML, is not published (params.allow_raw_html is off); link to it instead")
	ContentControl = def(
		"含有控制字符 %U,不能发布(会使 RSS 等 XML 文件无效,或使文字显示错乱);请删除该字符",
		"contains the control character %U, which cannot be published (it makes the XML feeds ill-formed or reorders the text); delete it")
)

// Added when the catalogue absorbed s5.
var (
	ContentBadColumnsFile = def(
		"栏目声明格式错误:%s",
		"the column declaration does not parse: %s")
	ContentColumnsNone = def(
		"栏目声明中没有栏目;每个栏目写作 [[column]] id = \"zcwj\" name = \"政策文件\" kinds = [\"policies\"]",
		"the column declaration has no column; write each as [[column]] id = \"zcwj\" name = \"政策文件\" kinds = [\"policies\"]")
	ContentColumnID = def(
		"栏目标识 %q 只能由小写字母、数字和连字符组成,例如 \"zcwj\"",
		"column id %q may only have lower-case letters, digits and hyphens, e.g. \"zcwj\"")
	ContentColumnDupID = def(
		"栏目标识 %q 与 %s 重复;栏目标识必须唯一",
		"column id %q is also used at %s; ids must be unique")
	ContentColumnKind = def(
		"没有文档类别 %q;可用的类别:%s",
		"there is no kind of document %q; the kinds are: %s")
	ContentColumnPage = def(
		"没有页面类型 %q;可用的类型:%s",
		"there is no page type %q; the types are: %s")
	ContentColumnKindsPage = def(
		"页面类型为 %s 的栏目不列出文档,不能指定 kinds 或 report_types",
		"a column whose page is %s lists no documents: it cannot have kinds or report_types")
	ContentColumnForm = def(
		"申请表 static/%s 不存在",
		"the application form static/%s does not exist")
	ContentColumnParent = def(
		"没有标识为 %q 的上级栏目",
		"there is no parent column with id %q")
	ContentColumnCycle = def(
		"栏目 %q 的上级栏目形成循环",
		"the parents of column %q form a cycle")
	ContentColumnPath = def(
		"栏目地址 %q 只能由小写字母、数字、连字符和 / 组成,例如 \"xxgk/zcwj\"",
		"address %q may only have lower-case letters, digits, hyphens and /, e.g. \"xxgk/zcwj\"")
	ContentColumnReserved = def(
		"栏目地址 %q 已被本站自动生成的页面使用(archives、topics、changes、search、laws)",
		"address %q is taken by a page gongkai makes (archives, topics, changes, search, laws)")
	ContentColumnDupPath = def(
		"栏目地址 /%s/ 与 %s 的栏目重复;每个栏目的地址必须不同",
		"address /%s/ is also the address of the column at %s; addresses must differ")
	ContentColumnOwnPage = def(
		"此页面与 %[1]s:%[2]d 声明的栏目 %[3]q 地址相同:栏目页由栏目声明生成,请把标题和描述写入栏目声明并删除此文件",
		"this page has the address of column %[3]q declared at %[1]s:%[2]d: the column's page is made from the declaration; move its title and description there and delete this file")
	ContentColumnEmpty = def(
		"栏目 %q(%s)没有任何文档;空白栏目是政府网站检查的问题:请添加文档、用 kinds 选入文档,或删除此栏目",
		"column %q (%s) has no document; an empty column fails government website inspections: add documents, take some in with kinds, or remove the column")
	ContentGuideMissing = def(
		"没有找到信息公开指南的数据文件 %s",
		"the guide's data file %s does not exist")
	ContentGuideUpdatedLabel = def(
		"更新日期",
		"date updated")
	ContentDocColumn = def(
		"栏目声明(%[2]s)中没有列出文档的栏目 %[1]q",
		"the column declaration (%[2]s) has no column %[1]q that lists documents")
	ContentTooLong = def(
		"长度为 %d 个字符,超过 %d 个字符的上限;请精简",
		"is %d characters long, more than the limit of %d; shorten it")
	ContentDateRange = def(
		"日期 %s 不在 %d 年到 %d 年之间;请核对",
		"the date %s is not between the years %d and %d; check it")
)

// The site's groups of equivalent words for search (data/synonyms.toml, content.LoadSynonyms).
var (
	ContentSynonymsSyntax = def(
		"同义词表格式错误:%s",
		"the list of equivalent words does not parse: %s")
	ContentSynonymsKey = def(
		"同义词表只有 groups 一项,例如 groups = [[\"社保\", \"社会保险\"]]",
		"the list of equivalent words has one key, groups, e.g. groups = [[\"社保\", \"社会保险\"]]")
	ContentSynonymsGroups = def(
		"同义词表应写作 groups = [[\"社保\", \"社会保险\"], [\"医保\", \"医疗保险\"]]",
		"write the equivalent words as groups = [[\"社保\", \"社会保险\"], [\"医保\", \"医疗保险\"]]")
	ContentSynonymsGroup = def(
		"每组同义词应为至少两个词的列表,例如 [\"社保\", \"社会保险\"]",
		"a group of equivalent words is a list of at least two words, e.g. [\"社保\", \"社会保险\"]")
	ContentSynonymsNotWord = def(
		"同义词应为带引号的文字,例如 \"社保\"",
		"an equivalent word is quoted text, e.g. \"社保\"")
	ContentSynonymsEmpty = def(
		"同义词不能为空",
		"an equivalent word cannot be empty")
	ContentSynonymsChars = def(
		"同义词 %q 只能由文字和数字组成,不能含空格或标点;请拆成两个词或去掉标点",
		"the equivalent word %q may hold letters and digits only, no spaces or punctuation")
	ContentSynonymsShort = def(
		"同义词 %q 只有一个字,会匹配太多文件;请至少写两个字",
		"the equivalent word %q has one character and would match too much; use at least two")
	ContentSynonymsDup = def(
		"%q 在本组中重复(第 %d 行已有)",
		"%q is twice in this group (already on line %d)")
	ContentSynonymsTwoGroups = def(
		"%q 已在第 %d 行的另一组中;一个词只能属于一组,请把两组合并",
		"%q is already in another group, on line %d; a word belongs to one group: merge the two")
)
