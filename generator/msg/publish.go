package msg

// Refusals of a published path that is not gongkai's (package publish): what was found, why it is refused, what to
// do. Each takes the path and a detail (what was found, the link's target, ...).
var (
	PublishRoot = def(
		"发布路径 %s%s 是文件系统的根目录:拒绝发布;请用 -d 指定一个新的路径,例如 /srv/gongkai/public",
		"the published path %s%s is the root of the file system: refused; give -d a new path, e.g. /srv/gongkai/public")
	PublishSite = def(
		"发布路径 %s 是站点目录或包含站点目录 %s:发布会把源文件移走,拒绝发布;请用 -d 指定站点之外的新路径",
		"the published path %s is, or contains, the site folder %s: publishing would move the sources away; refused; give -d a new path outside the site")
	PublishSources = def(
		"发布路径 %s 位于站点的源文件目录 %s 中:拒绝发布;请用 -d 指定一个新的路径",
		"the published path %s is inside the site's source folder %s: refused; give -d a new path")
	PublishNotEmpty = def(
		"发布路径 %s 是一个非空的普通目录(其中有 %s 等),不是 gongkai 发布的:为免移动或删除其中的文件,拒绝发布;请把它移走,或用 -d 指定一个不存在的路径",
		"the published path %s is a folder that is not empty (it holds %s, ...) and was not published by gongkai: refused so that none of its files is moved or deleted; move it away or give -d a path that does not exist")
	PublishForeignLink = def(
		"发布路径 %s 是指向 %s 的符号链接,不指向 gongkai 的发布目录:拒绝发布;请删除该链接,或用 -d 指定另一个路径",
		"the published path %s is a symbolic link to %s, not into gongkai's releases: refused; remove the link or give -d another path")
	PublishNotFolder = def(
		"发布路径 %s 是%s,不是目录或 gongkai 的符号链接:拒绝发布;请用 -d 指定一个新的路径",
		"the published path %s is %s, not a folder or gongkai's link: refused; give -d a new path")
	PublishReleases = def(
		"发布目录 %s 不是目录(%s):拒绝发布",
		"the releases folder %s is not a folder (%s): refused")
	PublishUnreadable = def(
		"无法读取发布路径 %s:%s",
		"cannot read the published path %s: %s")

	// What was found instead of a folder.
	PublishFile   = def("普通文件", "a regular file")
	PublishPipe   = def("命名管道", "a named pipe")
	PublishDevice = def("设备文件", "a device")
	PublishSocket = def("套接字", "a socket")
	PublishOther  = def("非目录", "not a folder")
)
