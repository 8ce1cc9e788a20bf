package siteconfig

import (
	"strings"
	"testing"
)

// A menus table in config.toml used to be accepted and ignored: the navigation is made from the column declaration.
// It is refused at its line.
func TestMenusAreNotSilentlyIgnored(t *testing.T) {
	src := "baseURL = \"https://example.gov.cn/\"\ntitle = \"测试\"\n\n[[menus.main]]\nname = \"财政预决算\"\nurl = \"/czyjs/\"\n"
	_, diags, err := Parse([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	if !strings.Contains(all, "config.toml:4:") || !strings.Contains(all, "menus 不起作用") {
		t.Errorf("got %q, want config.toml:4: ... menus 不起作用", all)
	}
}
