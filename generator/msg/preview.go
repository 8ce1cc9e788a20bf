package msg

// What gongkai serve prints and shows over the page (package preview).
var (
	PreviewListening = def(
		"正在预览 %s (按 Ctrl+C 停止)",
		"previewing at %s (Ctrl+C to stop)")
	PreviewRebuilt = def(
		"已重新构建(%d 毫秒)",
		"rebuilt in %d ms")
	PreviewFailed = def(
		"构建失败:页面仍显示上一次成功构建的内容,修改上述问题后将自动更新",
		"the site does not build: pages show the last good build until the problems above are fixed")
	PreviewOverlayTitle = def(
		"网站构建失败,请修改以下问题(下方仍显示上一次成功构建的内容):",
		"The site does not build. Fix these problems (the page below is the last good build):")
	PreviewLan = def(
		"局域网内的其他设备(如手机)可以打开 %s",
		"other devices on the local network (a phone) can open %s")
)
