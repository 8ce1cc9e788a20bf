package cli

import (
	"strings"
	"testing"

	"gongkai/generator/testkit/sitetest"
)

// The topic vocabulary is data: renaming a class in data/topics.toml changes what check accepts.
func TestTopicVocabularyIsData(t *testing.T) {
	doc := func(name, topic string) string {
		return "-- content/articles/" + name + ".md --\n+++\ntitle = \"普法\"\ndate = 2024-03-01\ntopic = '" + topic + "'\n+++\n正文。\n"
	}
	dir := sitetest.Write(t, doc("old", `劳动、人事、监察\劳动关系`))
	if code, _, stderr := run("check", "-s", dir); code != ExitOK {
		t.Fatalf("with the shipped vocabulary: exit %d\n%s", code, stderr)
	}

	renamed := strings.Replace(sitetest.Topics, `name = "劳动、人事、监察"`, `name = "人力资源和社会保障"`, 1)
	dir = sitetest.Write(t, doc("old", `劳动、人事、监察\劳动关系`)+doc("new", `人力资源和社会保障\劳动关系`)+"-- data/topics.toml --\n"+renamed)
	code, _, stderr := run("check", "-s", dir)
	want := "content/articles/old.md:4:1: topic (主题分类): 主题分类 \"劳动、人事、监察\\劳动关系\" 不在本站主题分类表(data/topics.toml)中,是否应为 \"人力资源和社会保障\\劳动关系\"?\n" +
		"发现 1 个错误、0 个警告:未写入任何文件\n"
	if code != ExitContent || stderr != want {
		t.Errorf("after renaming the class: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", code, stderr, want)
	}
}
