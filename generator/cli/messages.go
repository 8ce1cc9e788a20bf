package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"gongkai/generator/publish"
	"gongkai/generator/siteconfig"
)

// cliMessages are the command line's own sentences, in the site's language.
var cliMessages = map[string]map[string]string{
	"zh": {
		"nothing published": "%s 尚未发布过任何版本,无法回退",
		"no earlier":        "当前发布的版本 %s 之前没有更早的版本,无法回退",
		"no later":          "当前发布的版本 %s 之后没有更新的版本,无法前进",
		"now serves":        "%s 现在发布的是版本 %s",
		"can forward":       "被替换的版本仍保留:gongkai rollback --forward 可以恢复",
		"busy":              "另一个 gongkai 正在发布 %s(锁文件 %s 被占用);请等它结束后再试",
		"init usage":        "Error: 请给出新网站的文件夹,例如 gongkai init ../my-site\nTry: gongkai init -h",
		"init not empty":    "%s 已存在且不是空文件夹:不会覆盖;请换一个文件夹",
		"init no theme":     "%s 中没有 layouts/:请在 gongkai 仓库(或其副本)中运行 gongkai init,或用 --from 指定",
		"init done":         "已创建新网站 %s:请先填写 %s 中的“【请填写……】”项目,再用 gongkai new 添加文档",
	},
	"en": {
		"nothing published": "%s: nothing was ever published here: there is nothing to roll back",
		"no earlier":        "no release was published before the live one, %s: nothing to roll back to",
		"no later":          "no release was published after the live one, %s: nothing to roll forward to",
		"now serves":        "%s now serves release %s",
		"can forward":       "the release it replaced is kept: gongkai rollback --forward restores it",
		"busy":              "another gongkai is publishing %s (lock %s held); try again when it has finished",
		"init usage":        "Error: give the new site's folder, e.g. gongkai init ../my-site\nTry: gongkai init -h",
		"init not empty":    "%s exists and is not an empty folder: nothing is overwritten; choose another folder",
		"init no theme":     "%s has no layouts/: run gongkai init in gongkai's repository (or a copy), or give it with --from",
		"init done":         "created the new site %s: fill in the 【请填写…】 values of %s first, then add documents with gongkai new",
	},
}

func tr(lang, key string, args ...any) string {
	m, ok := cliMessages[lang][key]
	if !ok {
		m = cliMessages["zh"][key]
	}
	if len(args) == 0 {
		return m
	}
	return fmt.Sprintf(m, args...)
}

// siteLang is the language of the site in dir, "zh" when it cannot be read.
func siteLang(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "zh"
	}
	if _, err := os.Stat(filepath.Join(abs, "config.toml")); err != nil {
		return "zh"
	}
	if cfg, _, err := siteconfig.Load(abs); err == nil && cfg != nil && cfg.Lang != "" {
		return cfg.Lang
	}
	return "zh"
}

// lockMessage says, in lang, why a lock could not be taken.
func lockMessage(lang string, err error) string {
	if be, ok := err.(*publish.BusyError); ok {
		return tr(lang, "busy", be.Path, be.Lock)
	}
	return "Error: " + err.Error()
}
