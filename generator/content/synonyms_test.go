package content

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gongkai/generator/diag"
)

func loadSynonyms(t *testing.T, src string) ([][]string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "synonyms.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	groups, err := LoadSynonyms(dir, &diags, "zh")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return groups, out
}

// TestSynonymsFileChecked: each mistake an editor makes in the list of equivalent words is reported with its line,
// and the good groups are kept.
func TestSynonymsFileChecked(t *testing.T) {
	groups, got := loadSynonyms(t, `# 同义词
groups = [
  ["社保", "社会保险"],
  ["医保", "医疗保险", "医保"],
  ["", "低保"],
  ["公积金"],
  ["个 税", "个人所得税"],
  ["税", "税收"],
  ["养老金", "社会保险"],
  "五险一金",
  [1, "一"],
]
`)
	want := []string{
		`data/synonyms.toml:4:18: groups[1][2]: "医保" 在本组中重复(第 4 行已有)`,
		`data/synonyms.toml:5:4: groups[2][0]: 同义词不能为空`,
		`data/synonyms.toml:6:4: groups[3]: 每组同义词应为至少两个词的列表,例如 ["社保", "社会保险"]`,
		`data/synonyms.toml:7:4: groups[4][0]: 同义词 "个 税" 只能由文字和数字组成,不能含空格或标点;请拆成两个词或去掉标点`,
		`data/synonyms.toml:8:4: groups[5][0]: 同义词 "税" 只有一个字,会匹配太多文件;请至少写两个字`,
		`data/synonyms.toml:9:11: groups[6][1]: "社会保险" 已在第 3 行的另一组中;一个词只能属于一组,请把两组合并`,
		`data/synonyms.toml:10:3: groups[7]: 每组同义词应为至少两个词的列表,例如 ["社保", "社会保险"]`,
		`data/synonyms.toml:11:4: groups[8][0]: 同义词应为带引号的文字,例如 "社保"`,
		`data/synonyms.toml:11:7: groups[8][1]: 同义词 "一" 只有一个字,会匹配太多文件;请至少写两个字`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", join(got), join(want))
	}
	if len(groups) != 2 || !slices.Equal(groups[0], []string{"社保", "社会保险"}) || !slices.Equal(groups[1], []string{"医保", "医疗保险"}) {
		t.Errorf("groups kept: %q", groups)
	}
	_, got = loadSynonyms(t, "groups = [\n  [\"社保\", \"社会保险\"\n]\n")
	if len(got) != 1 || got[0][:len("data/synonyms.toml:3:")] != "data/synonyms.toml:3:" {
		t.Errorf("syntax error: %q", got)
	}
	_, got = loadSynonyms(t, "words = [[\"社保\", \"社会保险\"]]\n")
	if len(got) != 2 {
		t.Errorf("wrong key: %q", got)
	}
}

// TestDefaultSynonyms: the list the repository ships passes its own checks and is substantial.
func TestDefaultSynonyms(t *testing.T) {
	var diags diag.List
	groups, err := LoadSynonyms("../..", &diags, "zh")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags.Sorted() {
		t.Errorf("%s", d)
	}
	if len(groups) < 200 {
		t.Errorf("%d groups, want the substantial default list", len(groups))
	}
	has := map[string]bool{}
	for _, g := range groups {
		for _, w := range g {
			has[w] = true
		}
	}
	for _, w := range []string{"社保", "医保", "公积金", "低保", "个税", "营业执照", "身份证", "户口", "新农合", "残疾人补贴", "义务教育", "失业金", "加班工资", "劳动仲裁", "辞退", "欠薪", "五险一金", "养老金"} {
		if !has[w] {
			t.Errorf("the default list lacks %s", w)
		}
	}
}

func join(s []string) string {
	out := ""
	for _, x := range s {
		out += x + "\n"
	}
	return out
}
