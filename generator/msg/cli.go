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
		"Error: 请给出新网站的文件夹,例如 gongkai init ../my-site\nTry: gongkai init -h",
		"Error: give the new site's folder, e.g. gongkai init ../my-site\nTry: gongkai init -h")
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
