package msg

// What the command line says when it is done (package cli).
var (
	// CLIFailed: errors, warnings.
	CLIFailed = def(
		"发现 %d 个错误、%d 个警告:未写入任何文件",
		"%d error(s), %d warning(s): nothing was written")
	// CLIPublished: documents, folder, warnings.
	CLIPublished = def(
		"已发布 %d 篇文档到 %s(%d 个警告)",
		"published %d documents to %s (%d warning(s))")
	// CLIChecked: documents, warnings.
	CLIChecked = def(
		"已检查 %d 篇文档:没有错误,%d 个警告",
		"%d documents checked: no errors, %d warning(s)")
	// CLICreated: the new document's path.
	CLICreated = def(
		"已创建 %s:请填写标题和正文",
		"created %s: fill in the title and the text")
	CLINothingPublished = def(
		"%s 尚未发布过任何版本,无法回退",
		"%s: nothing was ever published here: there is nothing to roll back")
	CLINoEarlier = def(
		"当前发布的版本 %s 之前没有更早的版本,无法回退",
		"no release was published before the live one, %s: nothing to roll back to")
	CLINoLater = def(
		"当前发布的版本 %s 之后没有更新的版本,无法前进",
		"no release was published after the live one, %s: nothing to roll forward to")
	CLINowServes = def(
		"%s 现在发布的是版本 %s",
		"%s now serves release %s")
	CLICanForward = def(
		"被替换的版本仍保留:gongkai rollback --forward 可以恢复",
		"the release it replaced is kept: gongkai rollback --forward restores it")
	CLIBusy = def(
		"另一个 gongkai 正在发布 %s(锁文件 %s 被占用);请等它结束后再试",
		"another gongkai is publishing %s (lock %s held); try again when it has finished")
	CLIInitUsage = def(
		"请给出新网站的文件夹,例如 gongkai init ../my-site",
		"give the new site's folder, e.g. gongkai init ../my-site")
	CLIInitNotEmpty = def(
		"%s 已存在且不是空文件夹:不会覆盖;请换一个文件夹",
		"%s exists and is not an empty folder: nothing is overwritten; choose another folder")
	CLIInitNoTheme = def(
		"%s 中没有 layouts/:请在 gongkai 仓库(或其副本)中运行 gongkai init,或用 --from 指定",
		"%s has no layouts/: run gongkai init in gongkai's repository (or a copy), or give it with --from")
	CLIInitDone = def(
		"已创建新网站 %s:请先填写 %s 中的“【请填写……】”项目,再用 gongkai new 添加文档",
		"created the new site %s: fill in the 【请填写…】 values of %s first, then add documents with gongkai new")
)

// The command line itself (package cli): help, usage errors, progress and what a command says when it fails. A
// flag's argument name is the `quoted` word of its description, as package flag shows it.
var (
	CLIIntro = def(
		"gongkai 用 Markdown 文档生成政府信息公开网站。",
		"gongkai builds a government information-disclosure site from Markdown.")
	// CLIUsage: the command and its arguments.
	CLIUsage = def(
		"用法:gongkai %s",
		"Usage: gongkai %s")
	CLICommands = def("命令:", "Commands:")
	CLIFlags    = def("选项:", "Flags:")
	CLIMoreHelp = def(
		"运行 gongkai <命令> -h 查看该命令的选项;每个命令都接受 --lang zh|en 选择提示的语言(默认为网站的语言)。",
		"Run gongkai <command> -h for the flags of a command; every command takes --lang zh|en for the language it speaks (default: the site's).")
	CLICommandArg = def("<命令> [选项]", "<command> [flags]")
	// CLIDefault: a flag's default value.
	CLIDefault = def("(默认 %s)", " (default %s)")
	// CLIError: what went wrong.
	CLIError = def("错误:%s", "Error: %s")
	// CLITry: the command ("" for gongkai itself, else " build").
	CLITry = def(
		"运行 gongkai%s -h 查看用法",
		"Try: gongkai%s -h")
	// CLIUnknownCommand: the word given.
	CLIUnknownCommand = def("没有 %q 这个命令", "unknown command %q")
	// CLIUnexpectedArg: the argument.
	CLIUnexpectedArg = def("多余的参数 %q", "unexpected argument %q")
	// CLIUnknownFlag: the flag.
	CLIUnknownFlag = def("没有 %s 这个选项", "there is no flag %s")
	// CLIFlagNeedsValue: the flag.
	CLIFlagNeedsValue = def("选项 %s 后面要写一个值", "the flag %s needs a value")
	// CLIBadFlagValue: the value, the flag, why.
	CLIBadFlagValue = def("选项 %[2]s 的值 %[1]q 无效:%[3]s", "invalid value %[1]q for the flag %[2]s: %[3]s")
	CLIBadNow       = def(
		"时间应写作 2025-01-31T02:00:00+08:00 或 2025-01-31",
		"want a time like 2025-01-31T02:00:00+08:00 or 2025-01-31")
	CLIBadLang = def("只能是 zh 或 en", "must be zh or en")
	CLINotBool = def("只能是 true 或 false", "must be true or false")
	// CLINewUsage: the kinds.
	CLINewUsage = def(
		"请给出文档类型(%s)和文件名,例如 gongkai new policy ldht-2025 --title \"…\"",
		"want a kind (%s) and a file name, e.g. gongkai new policy ldht-2025 --title \"…\"")
	// CLIStillServes: the published path, the live release.
	CLIStillServes = def(
		"未发布任何内容:%s 仍在发布原来的版本 %s",
		"nothing was published: %s still serves %s")
	// CLIPortBusy: the address, a free one to try.
	CLIPortBusy = def(
		"地址 %s 已被占用(可能已有一个 gongkai serve 在运行):请先关闭它,或换一个端口,例如 gongkai serve --addr %s",
		"the address %s is in use (another gongkai serve may be running): stop it, or use another port, e.g. gongkai serve --addr %s")
	// CLIProgress: what the build is doing, the seconds since it started.
	CLIProgress = def(
		"正在构建:%s…(已用 %d 秒)",
		"building: %s… (%d s)")
	CLIStageValidate = def("检查内容", "checking the content")
	CLIStageStatic   = def("复制静态文件", "copying static files")
	CLIStageRender   = def("生成页面", "rendering pages")
	CLIStagePost     = def("生成目录和搜索索引、压缩并校验页面", "writing the catalogue and search index, compressing and verifying pages")
	CLIStageSync     = def("写入磁盘", "writing to disk")
	CLIStagePublish  = def("发布", "publishing")

	// Commands, in gongkai -h.
	CLICmdBuild    = def("检查、生成并发布网站", "validate, render and publish the site")
	CLICmdCheck    = def("只检查内容,不写入任何文件", "validate the content only; write nothing")
	CLICmdInit     = def("新建网站:待填写的配置、栏目、模板,没有文档", "make a new site: configuration to fill in, columns, templates, no documents")
	CLICmdNew      = def("按网站的模板新建一篇文档(草稿)", "write a new document (a draft) from the site's template")
	CLICmdServe    = def("预览网站,保存文件后自动更新", "preview the site, rebuilding as files are saved")
	CLICmdRollback = def("重新发布上一个版本(--forward 恢复被替换的版本)", "publish the previous release again (--forward undoes it)")
	CLICmdVersion  = def("显示 gongkai 的版本", "print gongkai's version")

	// Arguments of each command, in its usage line.
	CLIArgsBuild    = def("build [-s 网站文件夹] [-d 发布路径] [--now 时间] [--report 文件]", "build [-s SITE_DIR] [-d OUT_DIR] [--now TIME] [--report FILE]")
	CLIArgsCheck    = def("check [-s 网站文件夹] [-d 发布路径] [--now 时间]", "check [-s SITE_DIR] [-d OUT_DIR] [--now TIME]")
	CLIArgsInit     = def("init 新网站文件夹 [--from 网站文件夹] [--lang zh|en]", "init DIR [--from SITE_DIR] [--lang zh|en]")
	CLIArgsServe    = def("serve [-s 网站文件夹] [--addr 地址:端口]", "serve [-s SITE_DIR] [--addr HOST:PORT]")
	CLIArgsRollback = def("rollback [-s 网站文件夹] [-d 发布路径] [--forward]", "rollback [-s SITE_DIR] [-d OUT_DIR] [--forward]")
	CLIArgsVersion  = def("version", "version")
	// CLIArgsNew: the kinds.
	CLIArgsNew = def("new <%s> <文件名> [--title 标题] [--bundle] [-s 网站文件夹]", "new <%s> <name> [--title TITLE] [--bundle] [-s SITE_DIR]")

	// Flags: the `quoted` word that starts each is the flag's argument, as in the usage line.
	CLIFlagSite     = def("`网站文件夹` 网站所在的文件夹", "`SITE_DIR` the site's folder")
	CLIFlagOut      = def("`发布路径` 发布到的路径(默认为 网站文件夹/public)", "`OUT_DIR` the published path (default SITE_DIR/public)")
	CLIFlagCheckOut = def("`发布路径` 已发布的路径,用于核对已发布文档的发布日期(默认为 网站文件夹/public)", "`OUT_DIR` the published path whose live release published dates are checked against (default SITE_DIR/public)")
	CLIFlagReport   = def("`文件` 把构建报告以 JSON 格式写入此文件", "`FILE` write the build report as JSON to this file")
	CLIFlagNow      = def("`时间` 构建所用的时间,例如 2025-01-31T02:00:00+08:00(默认为当前时间)", "`TIME` the build's clock, e.g. 2025-01-31T02:00:00+08:00 (default: the current time)")
	CLIFlagCheckNow = def("`时间` 检查所用的时间,与 build 的 --now 相同,例如 2025-01-31T09:00:00+08:00(默认为当前时间)", "`TIME` the time to check at, as build's --now, e.g. 2025-01-31T09:00:00+08:00 (default: the current time)")
	CLIFlagNewNow   = def("`时间` 创建时间,例如 2025-01-31T09:00:00+08:00(默认为当前时间)", "`TIME` the creation time, e.g. 2025-01-31T09:00:00+08:00 (default: the current time)")
	CLIFlagLang     = def("`zh|en` 提示所用的语言(默认为网站的语言)", "`zh|en` the language gongkai speaks (default: the site's)")
	CLIFlagInitLang = def("`zh|en` 新网站的语言(默认为 zh),也是提示所用的语言", "`zh|en` the new site's language (default zh), also the language gongkai speaks")
	CLIFlagFrom     = def("`网站文件夹` 新网站沿用此网站的模板、静态文件、翻译、数据和文档模板", "`SITE_DIR` the site whose layouts, static files, i18n, data and templates the new site starts with")
	CLIFlagTitle    = def("`标题` 文档的标题", "`TITLE` the document's title (标题)")
	CLIFlagBundle   = def("建成页面包(含 index.md 的文件夹),用于放附件", "make a page bundle (a folder with index.md) for attachments")
	CLIFlagAddr     = def("`地址:端口` 预览监听的地址;默认只有本机能看到预览", "`HOST:PORT` listen on this address; only this machine can see the preview by default")
	CLIFlagForward  = def("撤销回退:重新发布当前版本之后发布的版本", "undo a rollback: publish the release published after the live one")
)

// The build's summary (buildreport.Report.Summary).
var (
	// ReportDocuments: the documents of each kind.
	ReportDocuments = def("文档:%s", "documents: %s")
	// ReportPages: pages, files, size.
	ReportPages = def("页面 %d 个,文件 %d 个(%s)", "pages: %d, files: %d (%s)")
	// ReportMinified: before, after, percent.
	ReportMinified = def("精简:%s → %s(%.0f%%)", "minified: %s -> %s (%.0f%%)")
	// ReportCompressed: text, gzip, brotli sizes.
	ReportCompressed = def("预压缩:文本 %s,gzip %s,brotli %s", "compressed: text %s, gzip %s, brotli %s")
	// ReportTime: seconds, stages.
	ReportTime = def("用时/内存峰值:%.2f 秒(%s)", "time/peak memory: %.2fs (%s)")
	// ReportChanges: added, removed, changed.
	ReportChanges = def("与上一版本相比:新增 %d、删除 %d、修改 %d 个文件", "against the previous release: %d added, %d removed, %d changed")
	// ReportExternal: the count.
	ReportExternal = def("外部链接(未检查):%d 个", "external links (not checked): %d")
	// ReportRelease: the release.
	ReportRelease = def("版本:%s", "release: %s")
)
