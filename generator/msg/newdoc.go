package msg

// Refusals of gongkai new (package newdoc).
var (
	NewBadKind = def(
		"未知的文档类型 %q,应为 %s 之一",
		"unknown kind of document %q; use one of %s")
	NewBadName = def(
		"文件名 %q 只能使用英文字母、数字和连字符(-),例如 ldht-2025",
		"file name %q may use only ASCII letters, digits and hyphens, e.g. ldht-2025")
	NewExists = def(
		"%s 已存在,不会覆盖;请换一个文件名",
		"%s already exists and is not overwritten; choose another name")
	NewNoArchetype = def(
		"找不到文档模板 %s",
		"no document template %s")
	NewBadArchetype = def(
		"文档模板有误:%v",
		"the document template is wrong: %v")
)
