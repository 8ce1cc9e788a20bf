package msg

// Withdrawal (撤销公开): the records of data/withdrawn.toml checked against the sources and the live release.
var (
	// WithdrawnTwice: name, line of the first record.
	WithdrawnTwice = def(
		"文档 %s 已在第 %d 行登记撤销;每份文档只能登记一次",
		"%s is already withdrawn at line %d; record a document once")
	// WithdrawnDraft: the withdrawal list, line of the record.
	WithdrawnDraft = def(
		"此文档已在 %s 第 %d 行登记撤销公开,不能同时是草稿:撤销公告页由本文件生成;请删除 draft = true,或删除本文件",
		"this document is withdrawn (%s, line %d) and cannot be a draft as well: its withdrawal notice is made from this file; remove draft = true, or delete the file")
	// WithdrawnKeptGone: source file of the document.
	WithdrawnKeptGone = def(
		"body = \"kept\"(保留正文)需要文档的源文件 %s,但它已被删除;请恢复该文件,或改为 body = \"removed\"",
		"body = \"kept\" needs the document's file %s, which was deleted; restore it, or write body = \"removed\"")
	// WithdrawnUnknown: name.
	WithdrawnUnknown = def(
		"%s 既不在源文件中,也不在当前发布的版本中:无法撤销一份从未发布的文档;请核对 name",
		"%s is neither in the sources nor in the live release: a document never published cannot be withdrawn; check name")
	// WithdrawnNoRecord: name.
	WithdrawnNoRecord = def(
		"%s 的源文件已删除,而且没有可以对照的发布版本:无法生成它的撤销公告页(在保留线上版本的机器上构建,或恢复该文件)",
		"the file of %s was deleted and there is no live release to take its record from: its withdrawal notice cannot be made (build where the live release is, or restore the file)")
)
