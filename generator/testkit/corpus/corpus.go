// Package corpus generates large, realistic disclosure sites for benchmarks: thousands of Chinese documents of every
// kind over many years, valid under gongkai's content rules, with the sample site's layouts and configuration.
//
// Benchmarks of the build, of search and of the preview server all measure the same generated corpus, so their
// figures can be compared; a fixed seed makes the corpus identical from run to run.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"gongkai/generator/content"
	"gongkai/generator/treecopy"
)

// Write creates a complete site in dir (which must not exist or be empty): the repository's layouts, static files,
// data, i18n and archetypes, its config.toml, and n generated documents.
func Write(dir string, n int, seed int64) error {
	root, err := RepoRoot()
	if err != nil {
		return err
	}
	for _, sub := range []string{"layouts", "static", "data", "i18n", "archetypes"} {
		if err := copyTree(filepath.Join(root, sub), filepath.Join(dir, sub)); err != nil {
			return fmt.Errorf("copy %s: %w", sub, err)
		}
	}
	// The sample's column declaration names columns whose documents the corpus does not generate (机构职能, 人事信息,
	// …): a generated site has a column per kind instead (see content.Columns).
	if err := os.Remove(filepath.Join(dir, "data", "columns.toml")); err != nil && !os.IsNotExist(err) {
		return err
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return fmt.Errorf("read config: %w", err)
	}
	if err := write(filepath.Join(dir, "config.toml"), string(cfg)); err != nil {
		return err
	}
	// Section pages and any page outside the four kinds (e.g. the search page) come from the sample site.
	err = filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "_index.md" {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return write(filepath.Join(dir, rel), string(data))
	})
	if err != nil {
		return fmt.Errorf("copy section pages: %w", err)
	}
	return Documents(dir, n, seed)
}

// Documents writes n generated documents under dir/content.
func Documents(dir string, n int, seed int64) error {
	return WriteDocs(dir, Generate(n, seed, Options{}))
}

// Options select what the generated text contains beyond the defaults.
type Options struct {
	// Varied mixes rare characters, street names, dates and numbers into the sentences. The default text repeats a
	// small vocabulary, which is enough to exercise the build; a search index must also meet the long tail of rare
	// character pairs that makes a Chinese bigram index large, and numbers that users type.
	Varied bool
}

// Doc is one generated document: its fields, for benchmarks that need them without parsing the files, and the file
// itself.
type Doc struct {
	Kind, Name                         string // the file is content/<Kind>/<Name>.md, the page /<Kind>/<Name>/
	Title, Date, Topic, IndexNo, DocNo string // Date is RFC 3339
	FrontMatter                        string // the TOML between the +++ lines, each line ending in a newline
	Body                               string // Markdown
}

// Generate returns n documents, the same for the same n, seed and options.
func Generate(n int, seed int64, opt Options) []Doc {
	g := &gen{r: rand.New(rand.NewSource(seed)), serial: map[int]int{}, varied: opt.Varied}
	var policies []string
	docs := make([]Doc, 0, n)
	for i := 0; i < n; i++ {
		year := 2015 + i*11/max(n, 1)
		month := 1 + g.r.Intn(12)
		day := 1 + g.r.Intn(28)
		date := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00+08:00", year, month, day, 8+g.r.Intn(10), g.r.Intn(60))
		kind := g.kind(i)
		if kind == string(content.Interpretations) && len(policies) == 0 {
			kind = string(content.Policies)
		}
		d := Doc{Kind: kind, Name: fmt.Sprintf("%s-%05d", kind[:3], i), Date: date, Topic: g.pick(topics)}
		var fm strings.Builder
		d.Title = g.title(kind, year)
		fmt.Fprintf(&fm, "title = %q\ndate = %s\ntopic = '%s'\nkeywords = [%q, %q]\nsummary = %q\n",
			d.Title, date, d.Topic, g.pick(terms), g.pick(terms), g.sentence())
		if kind != string(content.Articles) {
			g.serial[year]++
			d.IndexNo = fmt.Sprintf("MB1A23456/%d-%05d", year, g.serial[year])
			fmt.Fprintf(&fm, "index_no = \"%s\"\n", d.IndexNo)
		}
		switch kind {
		case string(content.Reports):
			fmt.Fprintf(&fm, "year = %d\nreport_type = \"法治政府建设年度报告\"\n", year-1)
		case string(content.Policies):
			d.DocNo = fmt.Sprintf("东人社发〔%d〕%d号", year, g.serial[year])
			fmt.Fprintf(&fm, "doc_no = \"%s\"\nwritten = %04d-%02d-%02d\n", d.DocNo, year, month, max(1, day-1))
			policies = append(policies, d.Name)
		case string(content.Interpretations):
			fmt.Fprintf(&fm, "interprets = { policy = \"policies/%s\" }\n", policies[g.r.Intn(len(policies))])
		case string(content.Articles):
			fmt.Fprintf(&fm, "laws = [%q]\n", g.pick(laws))
		}
		d.FrontMatter = fm.String()
		d.Body = g.body()
		docs = append(docs, d)
	}
	return docs
}

// WriteDocs writes docs under dir/content.
func WriteDocs(dir string, docs []Doc) error {
	for _, d := range docs {
		if err := write(filepath.Join(dir, "content", d.Kind, d.Name+".md"), "+++\n"+d.FrontMatter+"+++\n"+d.Body); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	r      *rand.Rand
	serial map[int]int
	varied bool
}

func (g *gen) kind(i int) string {
	switch x := g.r.Intn(100); {
	case x < 8:
		return string(content.Reports)
	case x < 43:
		return string(content.Policies)
	case x < 68:
		return string(content.Interpretations)
	default:
		return string(content.Articles)
	}
}

func (g *gen) pick(list []string) string { return list[g.r.Intn(len(list))] }

func (g *gen) title(kind string, year int) string {
	switch kind {
	case string(content.Reports):
		return fmt.Sprintf("天津市河东区人力资源和社会保障局%d年法治政府建设年度报告(%s)", year-1, g.pick(terms))
	case string(content.Policies):
		return fmt.Sprintf("关于进一步做好%s和%s工作的通知", g.pick(terms), g.pick(terms))
	case string(content.Interpretations):
		return fmt.Sprintf("《关于%s工作的实施意见》政策解读", g.pick(terms))
	}
	return fmt.Sprintf("%s:%s中的%s", g.pick(laws), g.pick(terms), g.pick(terms))
}

func (g *gen) sentence() string {
	var b strings.Builder
	for i := 0; i < 3+g.r.Intn(4); i++ {
		if g.varied {
			b.WriteString(g.rare())
		}
		b.WriteString(g.pick(phrases))
		if i%2 == 1 {
			b.WriteString(g.pick(terms))
		}
	}
	b.WriteString("。")
	return b.String()
}

func (g *gen) body() string {
	var b strings.Builder
	sections := 2 + g.r.Intn(3)
	for s := 0; s < sections; s++ {
		fmt.Fprintf(&b, "\n## %s、%s\n\n", numerals[s], g.pick(terms))
		for p := 0; p < 2+g.r.Intn(3); p++ {
			for k := 0; k < 2+g.r.Intn(3); k++ {
				b.WriteString(g.sentence())
				// Chinese paragraphs wrapped in the source, as editors' files often are.
				if g.r.Intn(4) == 0 {
					b.WriteString("\n")
				}
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// rare returns what Options.Varied adds before a phrase: nothing half the time, otherwise common characters drawn at
// random (rare pairs), a street, a date or a number.
func (g *gen) rare() string {
	switch x := g.r.Intn(20); {
	case x < 10:
		return ""
	case x < 16:
		rs := make([]rune, 1+g.r.Intn(3))
		for i := range rs {
			rs[i] = common[g.r.Intn(len(common))]
		}
		return string(rs)
	case x < 17:
		return g.pick(streets)
	case x < 19:
		return fmt.Sprintf("%d年%d月%d日", 2015+g.r.Intn(11), 1+g.r.Intn(12), 1+g.r.Intn(28))
	}
	return fmt.Sprint(g.r.Intn(100000))
}

var common = []rune(`的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府`)

var streets = strings.Fields(`大王庄街道 大直沽街道 唐家口街道 向阳楼街道 春华街道 中山门街道 二号桥街道 上杭路街道 东新街道 鲁山道街道 富民路街道 常州道街道`)

var numerals = []string{"一", "二", "三", "四", "五", "六"}

var topics = []string{`劳动、人事、监察\劳动就业`, `劳动、人事、监察\社会保障`, `劳动、人事、监察\劳动关系`,
	`劳动、人事、监察\人事工作`, `综合政务\政务公开`, `综合政务`, `劳动、人事、监察`}

var laws = []string{"劳动合同法", "社会保险法", "民法典", "劳动争议调解仲裁法", "保障农民工工资支付条例", "就业促进法"}

var terms = []string{"根治欠薪", "农民工工资", "劳动合同", "社会保险", "失业保险", "工伤保险", "养老保险", "就业补贴",
	"职业技能培训", "劳动仲裁", "劳动保障监察", "人力资源市场", "高校毕业生就业", "创业担保贷款", "稳岗返还",
	"劳动关系协调", "工资支付", "欠薪", "法治政府建设", "政务公开", "行政执法", "普法宣传", "营商环境", "劳务派遣",
	"人才引进", "技能人才评价", "社保卡", "退休人员", "灵活就业", "新就业形态"}

var phrases = []string{"深入贯彻落实", "进一步加强", "切实保障劳动者合法权益", "严格依法行政", "全面推进",
	"结合本区实际", "按照有关规定", "加大监督检查力度", "优化政务服务", "广泛开展宣传", "建立健全工作机制",
	"强化部门协作", "及时受理和处理", "不断提升服务水平", "落实主体责任", "做好政策解读", "加强信息公开",
	"确保各项措施落到实处", "依法维护", "统筹推进"}

func write(path, data string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(data), 0o644)
}

func copyTree(src, dst string) error {
	_, err := treecopy.Copy(src, dst, nil)
	return err
}

// RepoRoot finds the gongkai repository from the working directory (tests run in their package's folder).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && strings.HasPrefix(string(data), "module gongkai\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: not inside the gongkai repository")
		}
		dir = parent
	}
}
