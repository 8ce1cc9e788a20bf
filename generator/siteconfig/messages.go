package siteconfig

var messages = map[string]map[string]string{
	"zh": {
		"missing config": "找不到站点配置文件 config.toml",
		"unknown key":    "未知的配置项",
		"menus":          "menus 不起作用:本站的导航由栏目声明(data/columns.toml,params.columns_file)生成;请把栏目写在那里",
		"did you mean":   ",是否应为 %q?",
		"bad time zone":  "无法识别的时区 %q,例如 \"Asia/Shanghai\"",
		"bad pattern":    "索引号格式不是有效的正则表达式:%v",
		"bad site id":    "网站标识码 %q 应为10位数字(如 \"1201020001\")或 bm 加8位数字",
		"placeholder":    "仍是待填写的占位内容 %q:请改为本单位的实际信息",
		"sample value":   "仍是示例站点的内容 %q:请改为本单位的实际信息(示例站点自己标有 params.example = true)",
	},
	"en": {
		"missing config": "no config.toml in the site directory",
		"unknown key":    "unknown setting",
		"menus":          "menus has no effect: the navigation is made from the column declaration (data/columns.toml, params.columns_file); declare columns there",
		"did you mean":   "; did you mean %q?",
		"bad time zone":  "unknown time zone %q, e.g. \"Asia/Shanghai\"",
		"bad pattern":    "the 索引号 pattern is not a valid regular expression: %v",
		"bad site id":    "site identification code %q must be 10 digits (e.g. \"1201020001\") or bm and 8 digits",
		"placeholder":    "still the placeholder %q: put the body's own value here",
		"sample value":   "still the sample site's %q: put the body's own value here (the sample itself is marked params.example = true)",
	},
}

func msg(lang, key string) string {
	if m, ok := messages[lang][key]; ok {
		return m
	}
	return messages["zh"][key]
}
