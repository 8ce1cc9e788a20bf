package linkcheck

import (
	"reflect"
	"testing"

	"gongkai/generator/htmlscan"
)

func page(ids []string, urls ...string) htmlscan.Page {
	p := htmlscan.Page{IDs: map[string]bool{}}
	for _, id := range ids {
		p.IDs[id] = true
	}
	for _, u := range urls {
		p.Refs = append(p.Refs, htmlscan.Ref{Tag: "a", Attr: "href", URL: u})
	}
	return p
}

func TestBrokenReferencesHaveTypedReasons(t *testing.T) {
	files := []string{"index.html", "policies/a/index.html", "policies/b/index.html", "css/site.css", "附件.pdf"}
	c := New(files, "https://rsj.example.gov.cn/")
	c.Page("index.html", page([]string{"main"},
		"/policies/a/", "policies/b", "/css/site.css", "#main", "%E9%99%84%E4%BB%B6.pdf", // all resolve
		"/policies/nope/", "#missing", // broken on this page
		"/policies/a/#top", "/policies/b/#intro", // fragments on other pages
		"https://rsj.example.gov.cn/policies/gone/",                                        // absolute to the site itself: internal
		"https://www.gov.cn/zhengce/", "mailto:a@example.gov.cn", "//cdn.example.com/x.js", // external or not links
	))
	c.Page("policies/a/index.html", page([]string{"top"}, "../b/", "/"))
	c.Page("policies/b/index.html", page(nil, "../../附件.pdf"))

	broken, external := c.Result()
	want := []Broken{
		{Page: "/", Ref: "#missing", Reason: NoSuchID, ID: "missing"},
		{Page: "/", Ref: "/policies/b/#intro", Reason: NoSuchID, ID: "intro", On: "/policies/b/"},
		{Page: "/", Ref: "/policies/nope/", Reason: NoSuchFile},
		{Page: "/", Ref: "https://rsj.example.gov.cn/policies/gone/", Reason: NoSuchFile},
	}
	if !reflect.DeepEqual(broken, want) {
		t.Errorf("broken:\n got %+v\nwant %+v", broken, want)
	}
	wantExt := []External{{URL: "//cdn.example.com/x.js", FirstPage: "/"}, {URL: "https://www.gov.cn/zhengce/", FirstPage: "/"}}
	if !reflect.DeepEqual(external, wantExt) {
		t.Errorf("external:\n got %+v\nwant %+v", external, wantExt)
	}
}

func TestPageURL(t *testing.T) {
	for file, want := range map[string]string{"index.html": "/", "policies/a/index.html": "/policies/a/", "404.html": "/404.html"} {
		if got := PageURL(file); got != want {
			t.Errorf("PageURL(%q) = %q, want %q", file, got, want)
		}
	}
}
