package siteconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnknownKeysNameLineAndSuggestion(t *testing.T) {
	src := `baseURL = "https://example.gov.cn/"
title = "站点"
timeZome = "Asia/Shanghai"
[params]
site_id_cod = "1201020001"
publisher = "局"
[params.footer]
hots = "局"
[markup.goldmark.renderer]
hardWraps = false
`
	_, diags, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`config.toml:3:1: timeZome: 未知的配置项,是否应为 "timeZone"?`,
		`config.toml:5:1: params.site_id_cod: 未知的配置项,是否应为 "site_id_code"?`,
		`config.toml:8:1: params.footer.hots: 未知的配置项,是否应为 "host"?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEnglishSiteGetsEnglishDiagnostics(t *testing.T) {
	src := "title = \"Site\"\ndefaultContentLanguage = \"en\"\n[params]\nsite_id_code = \"12345\"\n"
	c, diags, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lang != "en" {
		t.Errorf("Lang = %q", c.Lang)
	}
	got := diags.Sorted()
	if len(got) != 1 || got[0].String() != `config.toml:4:1: params.site_id_code: site identification code "12345" must be 10 digits (e.g. "1201020001") or bm and 8 digits` {
		t.Errorf("got %v", got)
	}
}

func TestSyntaxErrorHasLine(t *testing.T) {
	_, diags, err := Parse([]byte("title = \"a\"\n[params\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := diags.Sorted()
	if len(got) != 1 || got[0].Line != 2 {
		t.Fatalf("got %v", got)
	}
}

// The sample site's own configuration must be clean.
func TestSampleConfig(t *testing.T) {
	c, diags, err := Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if diags.Len() > 0 {
		t.Fatalf("%v", diags.Sorted())
	}
	if !c.Params.Example || c.Params.SiteIDCode == "" || c.Location.String() != "Asia/Shanghai" {
		t.Errorf("unexpected config %+v", c.Params)
	}
	if _, err := os.Stat(filepath.Join("..", "..", c.Params.TopicsFile)); err != nil {
		t.Errorf("topics file: %v", err)
	}
}
