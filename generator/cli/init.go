package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gongkai/generator/msg"
	"gongkai/generator/siteconfig"
)

// runInit makes a new site: the configuration to fill in, the columns (the list pages of content/, no
// documents), the document templates, and the layouts, static files, translations and data it builds with, taken
// from the site it is run in (a copy of gongkai's repository, by default the current folder).
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", msg.CLIArgsInit, args)
	from := fs.String("from", ".", fs.text(msg.CLIFlagFrom))
	fs.String("lang", "", fs.text(msg.CLIFlagInitLang))
	pos, code := parseAnywhere(fs, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	// The new site's language: --lang, else the language of the site it starts from; the command line's too.
	l := fs.lang
	if len(pos) != 1 {
		return fs.fail(stderr, fs.text(msg.CLIInitUsage))
	}
	dir := pos[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintln(stderr, msg.CLIInitNotEmpty.F(l, dir))
		return ExitContent
	}
	if _, err := os.Stat(filepath.Join(*from, "layouts")); err != nil {
		fmt.Fprintln(stderr, msg.CLIInitNoTheme.F(l, *from))
		return ExitContent
	}
	if err := makeSite(*from, dir, l); err != nil {
		fmt.Fprintln(stderr, msg.CLIError.F(l, err.Error()))
		return ExitInternal
	}
	fmt.Fprintln(stdout, msg.CLIInitDone.F(l, dir, filepath.Join(dir, "config.toml")))
	return ExitOK
}

func makeSite(from, dir string, lang msg.Lang) error {
	for _, sub := range []string{"layouts", "static", "i18n", "archetypes", "assets"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(from, sub))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	// data/: the vocabulary, not the sample's withdrawal record.
	src := os.DirFS(filepath.Join(from, "data"))
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "withdrawn.toml" {
			return err
		}
		return copyFile(src, p, filepath.Join(dir, "data", filepath.FromSlash(p)))
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	// content/: the columns (every list page, _index.md) and pages that are not documents (the search page), no
	// documents.
	csrc := os.DirFS(filepath.Join(from, "content"))
	err = fs.WalkDir(csrc, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if filepath.Base(p) == "_index.md" || strings.HasPrefix(p, "search/") {
			return copyFile(csrc, p, filepath.Join(dir, "content", filepath.FromSlash(p)))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	cfg := configZh
	if lang == msg.En {
		cfg = configEn
	}
	if err := os.WriteFile(filepath.Join(dir, siteconfig.FileName), []byte(cfg), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/public\n/.public-releases/\n"), 0o644)
}

func copyFile(src fs.FS, p, dst string) error {
	data, err := fs.ReadFile(src, p)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

const configZh = `# 本站配置。请把每一处“【请填写……】”、域名 your-site.example、网站标识码 0000000000 和机构代码 000000000 改为本单位的实际信息:
# 尚未填写时 gongkai check 和 gongkai build 会逐项提示。
baseURL = "https://your-site.example/"
title = "【请填写单位名称】政府信息公开"
locale = "zh-CN"
defaultContentLanguage = "zh"
timeZone = "Asia/Shanghai"
enableRobotsTXT = true
summaryLength = 80

[pagination]
pagerSize = 20

[params]
site_name = "【请填写单位名称】"
site_domain = "your-site.example"
# 网站标识码:10 位数字(或 bm 加 8 位数字),见全国政府网站信息报送系统
site_id_code = "0000000000"
publisher = "【请填写单位名称】"
description = "【请填写单位名称】政府信息主动公开"
keywords = ["政府信息公开"]
# 索引号:机构代码/年份-序号
index_pattern = '^[0-9A-Z]{9}/\d{4}-\d{5}$'
index_prefix = "000000000"
topics_file = "data/topics.toml"

[params.footer]
host = "【请填写主办单位】"
contact = "【请填写联系电话】"
address = "【请填写单位地址】"
icp = "【请填写ICP备案号】"
police_record = "【请填写公安机关备案号】"
error_report_url = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000"
`

const configEn = `# The site's configuration. Replace every "【请填写…】" (fill in), the domain your-site.example and the site
# identification code 0000000000 with the body's own: gongkai check and gongkai build warn about each until then.
baseURL = "https://your-site.example/"
title = "【请填写 the body's name】 Government Information Disclosure"
locale = "en-US"
defaultContentLanguage = "en"
timeZone = "Asia/Shanghai"
enableRobotsTXT = true
summaryLength = 80

[pagination]
pagerSize = 20

[params]
site_name = "【请填写 the body's name】"
site_domain = "your-site.example"
site_id_code = "0000000000"
publisher = "【请填写 the body's name】"
description = "【请填写 the body's name】: government information disclosure"
index_pattern = '^[0-9A-Z]{9}/\d{4}-\d{5}$'
index_prefix = "000000000"
topics_file = "data/topics.toml"

[params.footer]
host = "【请填写 the host body】"
contact = "【请填写 a telephone number】"
address = "【请填写 the address】"
icp = "【请填写 the ICP number】"
police_record = "【请填写 the public security record number】"
error_report_url = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000"
`
