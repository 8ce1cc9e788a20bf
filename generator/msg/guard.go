package msg

// Diagnostics of the build as a whole: a published record changed (package dateguard) and broken links in the
// built site (package linkcheck, reported by pipeline).
var (
	GuardDateLabel    = def("发布日期", "publication date")
	GuardIndexNoLabel = def("索引号", "index number")
	// GuardChanged: label, old value, new value, earliest date of the change note, old value.
	GuardChanged = def(
		"已发布的%s原为 %s,现为 %s;已公开的记录不得悄然更改:请在 changes(修订记录)中添加一条日期不早于 %s 的说明,或改回 %s",
		"the published %s was %s and is now %s; a published record must not change silently: add an entry to changes dated %s or later that says why, or restore %s")

	// LinkBroken: page, LinkOthers or "", reference, reason.
	LinkBroken = def(
		"页面 %s%s 中的链接 %s 无效:%s",
		"page %s%s: broken link %s: %s")
	LinkOthers = def(
		"(及另外 %d 个页面)",
		" (and %d other pages)")
	LinkNoSuchFile = def(
		"目标不存在",
		"no such file")
	// LinkNoID: the id, on the page itself.
	LinkNoID = def(
		"页面中没有 id 为 %s 的元素",
		"no element with id %s")
	// LinkNoIDOn: the id, the page that lacks it.
	LinkNoIDOn = def(
		"页面 %[2]s 中没有 id 为 %[1]s 的元素",
		"no element with id %[1]s on %[2]s")

	// GuardTampered: the manifest's name.
	GuardTampered = def(
		"线上版本中的此文件与其 %s 记录的校验值不符:发布后被修改或替换;本次已重新生成,未沿用",
		"this file of the live release differs from its %s: it was edited or replaced after publication; it was built again, not carried forward")

	GuardDraftLabel = def("草稿", "draft")
	// GuardGone: name, title, date published, GuardDeleted or GuardDraftAgain, the withdrawal list, an example record.
	GuardGone = def(
		"已发布的文档 %s(“%s”,发布于 %s)%s;已公开的信息不得悄然消失:请恢复该文档,或在 %s 中登记撤销公开,例如 %s",
		"the published document %s (\"%s\", published %s) %s; nothing disclosed may disappear silently: restore it, or record the withdrawal in %s: %s")
	GuardDeleted    = def("已从源文件中删除", "is gone from the sources")
	GuardDraftAgain = def("被改回了草稿", "is a draft again")
)
