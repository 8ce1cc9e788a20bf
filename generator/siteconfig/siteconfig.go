// Package siteconfig reads the site's config.toml: Hugo's configuration and gongkai's own settings in one file.
//
// Hugo accepts unknown keys silently, so a misspelt setting would simply not take effect on a government site
// nobody is watching. gongkai therefore decodes the file itself (with BurntSushi/toml, the only package that
// imports it) and refuses any key it does not know, naming its line and the closest known key.
//
// The file is read twice, and that is on purpose: BurntSushi/toml decodes into the Config struct and says which keys
// it did not decode, but keeps the position of each key private (it gives one only in a ParseError), and a
// diagnostic must name the line and column of the unknown or wrong key. frontmatter's TOML parser, which gives
// every key's position, is read first for them. Both reads stay inside this package.
package siteconfig

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/suggest"
)

// FileName is the configuration file of every site.
const FileName = "config.toml"

// DefaultIndexPattern is the national 索引号 scheme: organisation code / year - serial.
const DefaultIndexPattern = `^[0-9A-Z]{9}/\d{4}-\d{5}$`

// Config is what gongkai needs from config.toml. Hugo reads the same file for itself.
type Config struct {
	BaseURL                string `toml:"baseURL"`
	Title                  string `toml:"title"`
	Locale                 string `toml:"locale"`
	DefaultContentLanguage string `toml:"defaultContentLanguage"`
	TimeZone               string `toml:"timeZone"`
	Params                 Params `toml:"params"`

	// Hugo settings gongkai accepts and leaves to Hugo.
	HugoKeys

	// Derived after loading.
	Location     *time.Location `toml:"-"`
	IndexPattern *regexp.Regexp `toml:"-"`
	Lang         msg.Lang       `toml:"-"` // the language of the interface and of diagnostics
}

// HugoKeys are top-level Hugo settings a site may set; gongkai does not interpret them.
type HugoKeys struct {
	Copyright         any `toml:"copyright"`
	Markup            any `toml:"markup"`
	Pagination        any `toml:"pagination"`
	Outputs           any `toml:"outputs"`
	OutputFormats     any `toml:"outputFormats"`
	MediaTypes        any `toml:"mediaTypes"`
	Permalinks        any `toml:"permalinks"`
	Languages         any `toml:"languages"`
	Sitemap           any `toml:"sitemap"`
	Related           any `toml:"related"`
	Security          any `toml:"security"`
	Privacy           any `toml:"privacy"`
	Services          any `toml:"services"`
	Module            any `toml:"module"`
	Build             any `toml:"build"`
	Caches            any `toml:"caches"`
	Imaging           any `toml:"imaging"`
	Minify            any `toml:"minify"`
	SummaryLength     any `toml:"summaryLength"`
	EnableRobotsTXT   any `toml:"enableRobotsTXT"`
	EnableGitInfo     any `toml:"enableGitInfo"`
	HasCJKLanguage    any `toml:"hasCJKLanguage"`
	DisableKinds      any `toml:"disableKinds"`
	Taxonomies        any `toml:"taxonomies"`
	Timeout           any `toml:"timeout"`
	TitleCaseStyle    any `toml:"titleCaseStyle"`
	RefLinksErrorLvl  any `toml:"refLinksErrorLevel"`
	CanonifyURLs      any `toml:"canonifyURLs"`
	RelativeURLs      any `toml:"relativeURLs"`
	RemovePathAccents any `toml:"removePathAccents"`
}

// Params is the [params] table: settings of the site that templates and the generator share.
type Params struct {
	Example      bool     `toml:"example"`
	SiteName     string   `toml:"site_name"`
	SiteDomain   string   `toml:"site_domain"`
	SiteIDCode   string   `toml:"site_id_code"`
	Publisher    string   `toml:"publisher"`
	Description  string   `toml:"description"`
	Keywords     []string `toml:"keywords"`
	IndexPattern string   `toml:"index_pattern"`
	IndexPrefix  string   `toml:"index_prefix"`
	TopicsFile   string   `toml:"topics_file"`
	ColumnsFile  string   `toml:"columns_file"`
	AllowRawHTML bool     `toml:"allow_raw_html"`
	// StaticDotfiles names the files and folders of static/ starting with a dot that are published (e.g.
	// ".well-known"); any other (.env, .git/, .htaccess) is not.
	StaticDotfiles []string `toml:"static_dotfiles"`
	// RemoteImages is what an image from another site in a document is: "warning" (the default) or "error".
	RemoteImages string `toml:"remote_images"`
	Footer       Footer `toml:"footer"`
	Health       Health `toml:"health"`
}

// Footer holds the standard footer of a government site.
type Footer struct {
	Host           string `toml:"host"`             // 主办单位
	Contact        string `toml:"contact"`          // 联系方式
	Address        string `toml:"address"`          // 地址
	ICP            string `toml:"icp"`              // ICP备案号
	PoliceRecord   string `toml:"police_record"`    // 公安机关备案号
	ErrorReportURL string `toml:"error_report_url"` // 我为政府网站找错
}

// Health holds the thresholds of the column-health warnings.
type Health struct {
	// Enabled turns the warnings off when false: an example or archive site is not updated and is not inspected.
	Enabled    *bool `toml:"enabled"`
	HomeDays   int   `toml:"home_days"`
	ColumnDays int   `toml:"column_days"`
	// GuideMonths is how old the 政府信息公开指南's 更新日期 may be (条例第十二条: kept up to date); default 12.
	GuideMonths int `toml:"guide_months"`
}

// Load reads dir/config.toml. Problems with the file are returned as diagnostics; err is for I/O failures.
func Load(dir string) (*Config, *diag.List, error) {
	diags := &diag.List{}
	path := filepath.Join(dir, FileName)
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		diags.Addf(FileName, 0, 0, "", "", "%s", msg.ConfigMissingConfig.In(langOf(nil)))
		return nil, diags, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(src, diags)
}

// Parse decodes config.toml's content.
func Parse(src []byte, diags *diag.List) (*Config, *diag.List, error) {
	if diags == nil {
		diags = &diag.List{}
	}
	pos, perr := frontmatter.ParseTOMLFile(src)
	if perr != nil {
		var se *frontmatter.SyntaxError
		var ee *frontmatter.EncodingError
		// The configuration does not parse, so its language is read from its lines as written.
		lang := langOfSource(src)
		if errors.As(perr, &se) {
			diags.Addf(FileName, se.Pos.Line, se.Pos.Col, "", "", "%s", msg.ConfigSyntax.F(lang, se.Message(lang)))
			return nil, diags, nil
		}
		if errors.As(perr, &ee) {
			diags.Addf(FileName, ee.Pos.Line, ee.Pos.Col, "", "", "%s", msg.ContentEncoding.In(lang))
			return nil, diags, nil
		}
		return nil, nil, perr
	}
	if typeErrors(reflect.TypeFor[Config](), pos, langOfSource(src), diags) {
		return nil, diags, nil
	}
	var c Config
	md, err := toml.Decode(string(src), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			diags.Addf(FileName, pe.Position.Line, pe.Position.Col, "", "", "%s", pe.Message)
		} else {
			diags.Addf(FileName, 1, 1, "", "", "%v", err)
		}
		return nil, diags, nil
	}
	c.Lang = langOf(&c)
	known := knownKeys()
	var unknown []string
	for _, k := range md.Undecoded() {
		path := k.String()
		if known[path] || underKnownTable(path) || path == "menus" || strings.HasPrefix(path, "menus.") {
			continue
		}
		unknown = append(unknown, path)
	}
	sort.Strings(unknown)
	for _, path := range unknown {
		p := pos.Pos[path]
		hint := ""
		if s := suggest.Closest(lastPart(path), siblings(path)); s != "" {
			hint = msg.DidYouMean.F(c.Lang, s)
		}
		diags.Addf(FileName, p.Line, p.Col, path, "", "%s%s", msg.ConfigUnknownKey.In(c.Lang), hint)
	}

	// Hugo's menus would be ignored by the layouts: the navigation is made from the column declaration. Said at the
	// key's line rather than accepted silently.
	if _, ok := pos.Pos["menus"]; ok || md.IsDefined("menus") {
		p := pos.Pos["menus"]
		if p.Line == 0 {
			for k, q := range pos.Pos {
				if strings.HasPrefix(k, "menus.") && (p.Line == 0 || q.Line < p.Line) {
					p = q
				}
			}
		}
		diags.Addf(FileName, p.Line, p.Col, "menus", "", "%s", msg.ConfigMenus.In(c.Lang))
	}
	if c.TimeZone == "" {
		c.TimeZone = "Asia/Shanghai"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		p := pos.Pos["timeZone"]
		diags.Addf(FileName, p.Line, p.Col, "timeZone", "", "%s", msg.ConfigBadTimeZone.F(c.Lang, c.TimeZone))
		loc = time.UTC
	}
	c.Location = loc
	if c.Params.IndexPattern == "" {
		c.Params.IndexPattern = DefaultIndexPattern
	}
	re, err := regexp.Compile(c.Params.IndexPattern)
	if err != nil {
		p := pos.Pos["params.index_pattern"]
		diags.Addf(FileName, p.Line, p.Col, "params.index_pattern", "", "%s", msg.ConfigBadPattern.F(c.Lang, err))
	}
	c.IndexPattern = re
	if c.Params.TopicsFile == "" {
		c.Params.TopicsFile = "data/topics.toml"
	}
	if c.Params.ColumnsFile == "" {
		c.Params.ColumnsFile = "data/columns.toml"
	}
	if c.Params.Health.GuideMonths == 0 {
		c.Params.Health.GuideMonths = 12
	}
	if c.Params.SiteName == "" {
		c.Params.SiteName = c.Title
	}
	if ri := c.Params.RemoteImages; ri != "" && ri != "warning" && ri != "error" {
		p := pos.Pos["params.remote_images"]
		diags.Addf(FileName, p.Line, p.Col, "params.remote_images", "", "%s", msg.ConfigRemoteImages.F(c.Lang, ri))
	}
	if code := c.Params.SiteIDCode; code != "" && !siteIDCode.MatchString(code) {
		p := pos.Pos["params.site_id_code"]
		diags.Addf(FileName, p.Line, p.Col, "params.site_id_code", "", "%s", msg.ConfigBadSiteID.F(c.Lang, code))
	}
	placeholders(&c, pos, diags)
	if c.Params.Health.HomeDays == 0 {
		c.Params.Health.HomeDays = 14
	}
	if c.Params.Health.ColumnDays == 0 {
		c.Params.Health.ColumnDays = 183
	}
	return &c, diags, nil
}

// 政府网站标识码: ten digits for local sites, "bm" and eight digits for State Council departments.
var siteIDCode = regexp.MustCompile(`^(\d{10}|bm\d{8})$`)

// GuessLang is the language the configuration in dir declares, read from its lines as written: for what is said
// about a site whose configuration does not parse (Chinese when there is none).
func GuessLang(dir string) msg.Lang {
	src, _ := os.ReadFile(filepath.Join(dir, FileName))
	return langOfSource(src)
}

// langOfSource is the language a configuration declares, read from its lines as written: for a file that does not
// parse, or does not decode.
func langOfSource(src []byte) msg.Lang {
	if rawEnglish.Match(src) {
		return msg.En
	}
	return msg.Zh
}

// rawEnglish finds an English site's language in a configuration that does not parse.
var rawEnglish = regexp.MustCompile(`(?m)^\s*(locale|defaultContentLanguage)\s*=\s*["']en`)

func langOf(c *Config) msg.Lang {
	if c == nil {
		return msg.Zh
	}
	if l := msg.Parse(c.Locale); l != msg.Zh {
		return l
	}
	return msg.Parse(c.DefaultContentLanguage)
}

func lastPart(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// siblings lists the keys that could have been meant where path was written.
func siblings(path string) []string {
	prefix := ""
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		prefix = path[:i+1]
	}
	var out []string
	for k := range knownKeys() {
		if strings.HasPrefix(k, prefix) && !strings.Contains(k[len(prefix):], ".") {
			out = append(out, k[len(prefix):])
		}
	}
	sort.Strings(out)
	return out
}

// underKnownTable reports keys inside Hugo's own tables, which Hugo validates.
func underKnownTable(path string) bool {
	top := strings.SplitN(path, ".", 2)[0]
	switch top {
	case "params":
		return false
	}
	return knownKeys()[top] && strings.Contains(path, ".")
}

func knownKeys() map[string]bool {
	keys := map[string]bool{}
	var walk func(prefix string, t any)
	walk = func(prefix string, t any) {
		for _, f := range tomlFields(t) {
			keys[prefix+f.name] = true
			if f.sub != nil {
				walk(prefix+f.name+".", f.sub)
			}
		}
	}
	walk("", Config{})
	return keys
}
