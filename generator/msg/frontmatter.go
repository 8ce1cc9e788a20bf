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

// Syntax errors of front matter and TOML files (frontmatter.SyntaxError): the usual mistake named, with the
// character really there and what to write instead. The position is the diagnostic's.
var (
	// SyntaxChineseQuote: the quote, a correct example.
	SyntaxChineseQuote = def(
		"此处的 %s 是中文引号,不能作字符串的引号:字符串两端要用英文引号 \" 或 ',请切换到英文输入法重新输入;文字里的中文引号写在英文引号之内,例如 %s",
		"%s is a Chinese quotation mark, which does not quote a string: put ASCII quotes \" or ' around the text (switch the input method to English); Chinese quotation marks may appear inside them, e.g. %s")
	// SyntaxFullWidth: the full-width character, its ASCII counterpart.
	SyntaxFullWidth = def(
		"此处的 %s 是全角(中文)符号:请切换到英文输入法,改为半角(英文)符号 %s",
		"%s is a full-width (Chinese) character: switch the input method to English and type the ASCII %s")
	// SyntaxInvisible: the character's code.
	SyntaxInvisible = def(
		"此处有一个看不见的特殊字符 %s(常见于从 Word 或网页复制的文字):请删除它,用普通空格重新输入",
		"there is an invisible character %s here (text copied from Word or a web page): delete it and type an ordinary space")
	// SyntaxBackslash: the value rewritten.
	SyntaxBackslash = def(
		"双引号中的反斜杠 \\ 是转义符号,此处的 \\ 与其后的字符不构成有效的转义;含反斜杠的文字(如 Windows 路径)请改用单引号括起,写作 %s",
		"a backslash \\ inside double quotes starts an escape, and this one does not start a valid escape; put text with backslashes (a Windows path) in single quotes: %s")
	// SyntaxDate: the date as written, the date as it must be written.
	SyntaxDate = def(
		"日期 %s 的写法无法识别:日期应写作 %s(年-月-日,用英文连字符 -,月和日各两位)",
		"the date %s is not written as dates are: write %s (year-month-day with hyphens, two-digit month and day)")
	// SyntaxUnclosed: the quote.
	SyntaxUnclosed = def(
		"此处开始的字符串缺少结尾的引号 %s:请在文字末尾补上同样的英文引号",
		"the string that starts here has no closing %s: add the same quote at the end of the text")
	// SyntaxInnerQuote: the quote, a correct example.
	SyntaxInnerQuote = def(
		"字符串在此处的英文引号 %s 就结束了,其后的文字无法识别:文字中需要引号时请用中文引号 “”,例如 %s",
		"the string ends at this quote %s and the text after it cannot be read: for quotation marks inside the text use Chinese ones “”, e.g. %s")
	// SyntaxListComma: the second item's quote, a correct list.
	SyntaxListComma = def(
		"列表的两项之间缺少英文逗号 ,:请在此处的 %s 之前加上逗号,例如 %s",
		"a comma is missing between two items of the list: add one before this %s, e.g. %s")
	// SyntaxUnquoted: the line with quotes.
	SyntaxUnquoted = def(
		"文字取值要用英文引号括起来,写作 %s",
		"text values must be in quotes: write %s")
	// SyntaxKey: the character.
	SyntaxKey = def(
		"字段名中不能有 %s:字段名只能用英文字母、数字、_ 和 -,如 title、index_no(见 docs/content.md)",
		"a field name cannot contain %s: field names are ASCII letters, digits, _ and -, such as title, index_no (see docs/content.md)")
	SyntaxTab = def(
		"YAML 不能用 Tab 键缩进:请改用空格,同一层的字段左端对齐",
		"YAML cannot be indented with tabs: use spaces, with the fields of one level aligned")
	SyntaxIndent = def(
		"缩进不一致:同一层的字段左端要对齐,下一层的字段(或列表的 - )比上一层多缩进两个空格",
		"the indentation does not line up: fields of one level start in the same column, and the next level (or a list's - ) two spaces further right")
	// SyntaxColonSpace: the line corrected.
	SyntaxColonSpace = def(
		"YAML 的冒号之后要有一个空格,写作 %s",
		"YAML needs a space after the colon: write %s")
	// SyntaxColonInValue: the value quoted.
	SyntaxColonInValue = def(
		"取值中含有英文冒号加空格,YAML 会把它当作新的字段:请把整个取值用英文引号括起来,写作 %s",
		"the value holds a colon followed by a space, which YAML reads as a new field: put the whole value in quotes: %s")
	// SyntaxDuplicate: the field.
	SyntaxDuplicate = def(
		"字段 %s 写了两次:每个字段只能写一次,请删去多余的一处",
		"the field %s is written twice: keep one")
	// SyntaxNotClosed: the delimiter.
	SyntaxNotClosed = def(
		"元数据没有结尾:请在元数据之后单独一行写 %s(开头和结尾要用同样的分隔线)",
		"the front matter is not closed: write %s alone on the line after it (the same line that opens it)")
	// SyntaxNoSuchDate: the date as written.
	SyntaxNoSuchDate = def(
		"日期 %s 不存在:月份为 01–12,日不超过当月的天数,时间为 00:00–23:59",
		"there is no date %s: months are 01-12, days at most the days of the month, times 00:00-23:59")
	// SyntaxBracket: the opening bracket, the closing one.
	SyntaxBracket = def(
		"此处的 %s 缺少对应的结尾 %s:列表写作 [\"甲\", \"乙\"],各项之间用英文逗号分隔,结尾的括号不能省略",
		"this %s has no closing %s: a list is written [\"a\", \"b\"], its items separated by ASCII commas, with the closing bracket")
	// SyntaxOther: the format, the character, the parser's words.
	SyntaxOther = def(
		"不符合 %s 写法,在字符 %s 处无法继续读取(解析器说明:%s)",
		"not valid %s: it cannot be read on from the character %s (the parser says: %s)")
	// SyntaxOtherEnd: the format, the parser's words.
	SyntaxOtherEnd = def(
		"不符合 %s 写法,在行尾无法继续读取(解析器说明:%s)",
		"not valid %s: it cannot be read on at the end of the line (the parser says: %s)")
	SyntaxEndOfLine      = def("行尾", "the end of the line")
	SyntaxFullWidthSpace = def("全角空格", "a full-width space")
	SyntaxSpace          = def("空格", "a space")
)
