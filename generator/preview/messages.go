package preview

var messages = map[string]map[string]string{
	"zh": {
		"listening":     "正在预览 %s (按 Ctrl+C 停止)",
		"lan":           "局域网内的其他设备(如手机)可以打开 %s",
		"rebuilt":       "已重新构建(%d 毫秒)",
		"failed":        "构建失败:页面仍显示上一次成功构建的内容,修改上述问题后将自动更新",
		"overlay title": "网站构建失败,请修改以下问题(下方仍显示上一次成功构建的内容):",
	},
	"en": {
		"listening":     "previewing at %s (Ctrl+C to stop)",
		"lan":           "other devices on the local network (a phone) can open %s",
		"rebuilt":       "rebuilt in %d ms",
		"failed":        "the site does not build: pages show the last good build until the problems above are fixed",
		"overlay title": "The site does not build. Fix these problems (the page below is the last good build):",
	},
}

func text(lang, key string) string {
	if m, ok := messages[lang][key]; ok {
		return m
	}
	return messages["zh"][key]
}

func (s *Server) text(key string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return text(s.lang, key)
}
