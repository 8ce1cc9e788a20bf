package msg

// Front matter and data files refused before any parser reads them (package frontmatter).
var (
	// LimitSize: the limit in KB.
	LimitSize = def(
		"长度超过 %d KB 的上限,未读取;元数据只写字段,正文写在元数据之后",
		"longer than the limit of %d KB: not read; front matter holds fields only, the text goes after it")
	// LimitDepth: the limit in levels.
	LimitDepth = def(
		"列表和表的嵌套超过 %d 层的上限,未读取",
		"lists and tables nested deeper than the limit of %d levels: not read")
	LimitAlias = def(
		"不接受 YAML 锚点和别名(&名称、*名称):请直接写出取值",
		"YAML anchors and aliases (&name, *name) are not accepted: write the values out")
)
