package catalog

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"gongkai/generator/content"
)

func sample() *Catalog {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	d := &content.Document{File: "content/policies/a/index.md", Kind: content.Policies, Name: "policies/a", Title: "关于“甲”的通知",
		Date: time.Date(2024, 3, 12, 0, 0, 0, 0, loc), IndexNo: "000014349/2024-00012", Keywords: []string{"甲", "乙"},
		Changes:     []content.Change{{Date: time.Date(2024, 4, 1, 0, 0, 0, 0, loc), Note: "更正附件"}},
		Attachments: []content.Attachment{{Name: "附件1.pdf", Size: 10}}}
	return Build("测试站点", "https://example.gov.cn/", "zh", loc, []Input{{Doc: d, Path: "/policies/a/"}})
}

func TestCatalogValidatesAgainstSchema(t *testing.T) {
	c := sample()
	if err := Validate(c.JSON()); err != nil {
		t.Fatal(err)
	}
	got := c.Documents[0]
	if got.Date != "2024-03-12T00:00:00+08:00" || got.URL != "https://example.gov.cn/policies/a/" ||
		got.Attachments[0].URL != "https://example.gov.cn/policies/a/%E9%99%84%E4%BB%B61.pdf" {
		t.Errorf("entry: %+v", got)
	}
}

func TestSchemaRejects(t *testing.T) {
	c := sample()
	c.Documents[0].Date = "2024-03-12"
	err := Validate(c.JSON())
	if err == nil || !strings.Contains(err.Error(), "/documents/0/date") {
		t.Fatalf("a date without time passed the schema: %v", err)
	}
	c = sample()
	c.Documents[0].Kind = "news"
	if Validate(c.JSON()) == nil {
		t.Fatal("an unknown kind passed the schema")
	}
}

func TestCSVOpensInExcel(t *testing.T) {
	data := sample().CSV()
	if !bytes.HasPrefix(data, []byte("\ufeff标题,类别,发布日期,索引号")) {
		t.Fatalf("no BOM or header: %q", data[:40])
	}
	want := "关于“甲”的通知,政策文件,2024-03-12,000014349/2024-00012,,,,甲;乙,valid,,published,,,,,,,附件1.pdf,,https://example.gov.cn/policies/a/\r\n"
	if !strings.HasSuffix(string(data), want) {
		t.Errorf("row:\n got %q\nwant suffix %q", data, want)
	}
}

// Issue 14 item 5: cells that a spreadsheet would evaluate as formulas are neutralised.
func TestCSVNeutralisesFormulas(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	d := &content.Document{File: "content/policies/a.md", Kind: content.Policies, Name: "policies/a",
		Title: `=HYPERLINK("https://evil.example/","点击")`, Publisher: "=1+1", Summary: "@SUM(A1:A9)",
		Keywords: []string{"+cmd", "正常"}, Laws: []string{"-2+3"}, DocNo: "\t=1", ReportType: "\r=1",
		Date: time.Date(2024, 3, 12, 0, 0, 0, 0, loc)}
	c := Build("测试站点", "https://example.gov.cn/", "zh", loc, []Input{{Doc: d, Path: "/policies/a/"}})
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(c.CSV(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("cell %q would be evaluated as a formula", cell)
		}
	}
	for _, want := range []string{`'=HYPERLINK("https://evil.example/","点击")`, "'=1+1", "'@SUM(A1:A9)", "'+cmd;正常", "'-2+3", "'\t=1", "'=1"} {
		found := false
		for _, cell := range rows[1] {
			found = found || cell == want
		}
		if !found {
			t.Errorf("no cell %q in %q", want, rows[1])
		}
	}
	// Ordinary cells are untouched.
	if rows[1][2] != "2024-03-12" {
		t.Errorf("date cell %q", rows[1][2])
	}
}

// A withdrawn document stays in the catalogue with its record; its attachments went with a removed text. Gone
// restores it from the catalogue when its file is gone, so that the next build has it again.
func TestWithdrawnEntry(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	w := content.Withdrawal{Name: "policies/a", Reason: "已废止", Body: "removed", Date: time.Date(2024, 5, 1, 0, 0, 0, 0, loc)}
	doc := &content.Document{File: "content/policies/a/index.md", Kind: content.Policies, Name: "policies/a", Title: "关于“甲”的通知",
		Date: time.Date(2024, 3, 12, 0, 0, 0, 0, loc), Attachments: []content.Attachment{{Name: "附件1.pdf", Size: 10}}, Withdrawn: &w}
	c := Build("测试站点", "https://example.gov.cn/", "zh", loc, []Input{{Doc: doc, Path: "/policies/a/", Lastmod: doc.Date}})
	if err := Validate(c.JSON()); err != nil {
		t.Fatal(err)
	}
	e := c.Documents[0]
	if e.Status != "withdrawn" || e.Withdrawn == nil || e.Withdrawn.Date != "2024-05-01T00:00:00+08:00" || e.Withdrawn.Body != "removed" || len(e.Attachments) != 0 {
		t.Errorf("entry: %+v %+v", e, e.Withdrawn)
	}
	bad := *c
	bad.Documents = []Entry{e}
	bad.Documents[0].Withdrawn = nil
	if Validate(bad.JSON()) == nil {
		t.Error("a withdrawn entry without its record passed the schema")
	}
	site := &content.Site{Withdrawn: []content.Withdrawal{w}}
	gone := Gone(c, site, loc)
	if len(gone) != 1 || gone[0].Doc.Title != "关于“甲”的通知" || gone[0].Path != "/policies/a/" || gone[0].Doc.Withdrawn == nil ||
		!gone[0].Doc.Date.Equal(doc.Date) {
		t.Fatalf("Gone: %+v", gone)
	}
	if again := Build("测试站点", "https://example.gov.cn/", "zh", loc, gone); !bytes.Equal(again.JSON(), c.JSON()) {
		t.Errorf("rebuilt from the catalogue:\n%s\nwant\n%s", again.JSON(), c.JSON())
	}
	site.Documents = []*content.Document{doc}
	if Gone(c, site, loc) != nil {
		t.Error("a document still in the sources was restored from the catalogue")
	}
}
