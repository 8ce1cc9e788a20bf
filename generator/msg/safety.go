package msg

// What is refused or warned about to keep hostile or foreign content off the site (package content): SVG images
// that run code, images from other sites.
var (
	SafetySVG = def(
		"SVG 图片含有可执行的内容(%s):单独打开时会作为本站网页运行,不予发布;请删除后重新导出,或改用 PNG 格式",
		"this SVG image holds something that runs (%s): opened by itself it would run as a page of this site, so it is not published; remove it and export the image again, or use PNG")
	SafetySVGMalformed = def(
		"SVG 图片不是格式正确的 UTF-8 XML,无法检查其中是否含有脚本,不予发布;请用绘图软件重新导出",
		"this SVG image is not well-formed UTF-8 XML, so it cannot be checked for scripts and is not published; export it again from the drawing program")
	SafetySVGScript        = def("脚本元素 <%s>", "the script element <%s>")
	SafetySVGEvent         = def("事件属性 %s", "the event attribute %s")
	SafetySVGURL           = def("属性 %s 中的 javascript: 地址", "a javascript: address in %s")
	SafetySVGForeignObject = def(
		"嵌入 HTML 的元素 <%s>",
		"<%s>, which embeds HTML")
	SafetySVGHTML       = def("HTML 元素 <%s>", "the HTML element <%s>")
	SafetySVGStylesheet = def(
		"样式表指令 <?%s?>(XSLT 可将文件变为任意网页)",
		"the <?%s?> instruction (an XSLT sheet turns the file into any page)")
	SafetySVGDeclarations = def(
		"文档类型声明 %s 中除纯文本实体以外的声明",
		"declarations other than plain-text entities in %s")

	SafetyRemoteImage = def(
		"图片 %s 来自其他网站:读者打开页面时浏览器会向该网站请求图片(让其得知谁在何时阅读),本站的内容安全策略也会拦截,图片无法显示;请下载后作为附件发布",
		"the image %s is on another site: every reader's browser would ask that site for it (telling it who reads what, and when), and this site's Content-Security-Policy blocks it, so it does not show; download it and publish it as an attachment")
	SafetyRemoteImageStrict = def(
		"%s(本站设置了 params.remote_images = \"error\")",
		"%s (this site sets params.remote_images = \"error\")")
)
