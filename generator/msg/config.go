package msg

// Diagnostics of config.toml (package siteconfig).
var (
	// ConfigSyntax: what is wrong (frontmatter.SyntaxError.Message).
	ConfigSyntax = def(
		"配置文件格式错误:%s",
		"the configuration does not parse: %s")
	ConfigMissingConfig = def(
		"找不到站点配置文件 config.toml",
		"no config.toml in the site directory")
	ConfigUnknownKey = def(
		"未知的配置项",
		"unknown setting")
	ConfigBadTimeZone = def(
		"无法识别的时区 %q,例如 \"Asia/Shanghai\"",
		"unknown time zone %q, e.g. \"Asia/Shanghai\"")
	ConfigBadPattern = def(
		"索引号格式不是有效的正则表达式:%v",
		"the 索引号 pattern is not a valid regular expression: %v")
	ConfigBadSiteID = def(
		"网站标识码 %q 应为10位数字(如 \"1201020001\")或 bm 加8位数字",
		"site identification code %q must be 10 digits (e.g. \"1201020001\") or bm and 8 digits")
)

// The navigation's source, and values left from gongkai init or the sample site.
var (
	ConfigMenus = def(
		"menus 不起作用:本站的导航由栏目声明(data/columns.toml,params.columns_file)生成;请把栏目写在那里",
		"menus has no effect: the navigation is made from the column declaration (data/columns.toml, params.columns_file); declare columns there")
	ConfigPlaceholder = def(
		"仍是待填写的占位内容 %q:请改为本单位的实际信息",
		"still the placeholder %q: put the body's own value here")
	ConfigSampleValue = def(
		"仍是示例站点的内容 %q:请改为本单位的实际信息(示例站点自己标有 params.example = true)",
		"still the sample site's %q: put the body's own value here (the sample itself is marked params.example = true)")
)

// params.remote_images (package content warns about images from other sites, or refuses them).
var ConfigRemoteImages = def(
	"应为 \"warning\"(来自其他网站的图片给出警告,默认)或 \"error\"(作为错误拒绝发布),而不是 %q",
	"must be \"warning\" (images from other sites are warned about; the default) or \"error\" (they are refused), not %q")

// A setting whose value is of the wrong type: what it takes, and what was written.
var (
	// ConfigType: what the setting takes (ConfigType* below), what was written (ConfigTypeGot*).
	ConfigType = def(
		"此项应为%s,这里写的是%s",
		"this setting takes %s; it is %s")
	ConfigTypeText  = Text{Zh: "文字,用英文引号括起(例如 \"测试局\")", En: "text in ASCII quotes (e.g. \"Test bureau\")"}
	ConfigTypeBool  = Text{Zh: "布尔值 true 或 false,不加引号", En: "true or false, without quotes"}
	ConfigTypeInt   = Text{Zh: "整数,不加引号(例如 14)", En: "a whole number without quotes (e.g. 14)"}
	ConfigTypeList  = Text{Zh: "文字的列表(例如 [\"a\", \"b\"])", En: "a list of texts (e.g. [\"a\", \"b\"])"}
	ConfigTypeTable = Text{Zh: "一个表(以 [名称] 开头的一节)", En: "a table (a section under [name])"}
	// ConfigTypeGotText: the text written.
	ConfigTypeGotText  = def("文字 %q", "the text %q")
	ConfigTypeGotBool  = def("布尔值 %v", "%v")
	ConfigTypeGotInt   = def("整数 %d", "the number %d")
	ConfigTypeGotFloat = def("小数 %v", "the number %v")
	ConfigTypeGotList  = def("一个列表", "a list")
	// ConfigTypeGotTable: its keys.
	ConfigTypeGotTable = def("一个表(%s)", "a table (%s)")
)
