package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gongkai/generator/annualstats"
	"gongkai/generator/diag"
	"gongkai/generator/testkit/corpus"
	"gongkai/generator/testkit/sitetest"
)

// The sample site's 政府信息公开工作年度报告 renders its three tables with the format's headers, publishes stats.json
// and stats.csv beside the page, and its figures add up.
func TestSampleReportTables(t *testing.T) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run("build", "-s", root, "-d", out, "--now", "2025-06-01T00:00:00+08:00"); code != ExitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	page := filepath.Join(out, "reports", "2024-zfxxgk")
	src, err := os.ReadFile(filepath.Join(root, "content/reports/2024-zfxxgk/stats.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	want := annualstats.Parse("stats.toml", src, 2023, "zh", &diags)
	if diags.Len() > 0 || !want.Complete() {
		var b bytes.Buffer
		diags.Print(&b)
		t.Fatalf("sample statistics are not clean:\n%s", b.String())
	}

	t.Run("html", func(t *testing.T) {
		f, err := os.Open(filepath.Join(page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			t.Fatal(err)
		}
		tables := sitetest.All(doc, func(n *html.Node) bool {
			return n.Data == "table" && strings.Contains(sitetest.Value(n, "class"), "disclosure-table")
		})
		if len(tables) != 3 {
			t.Fatalf("want 3 disclosure tables, found %d", len(tables))
		}
		for i, tc := range []struct {
			caption string
			headers []string
		}{
			{annualstats.Table2.Zh, table2Headers()},
			{annualstats.Table3.Zh, table3Headers()},
			{annualstats.Table4.Zh, table4Headers()},
		} {
			caps := sitetest.All(tables[i], func(n *html.Node) bool { return n.Data == "caption" })
			if len(caps) != 1 || sitetest.Text(caps[0]) != tc.caption {
				t.Errorf("table %d: caption %q, want %q", i+2, captionText(caps), tc.caption)
			}
			var got []string
			for _, th := range sitetest.All(tables[i], func(n *html.Node) bool { return n.Data == "th" }) {
				got = append(got, sitetest.Text(th))
				if sitetest.Value(th, "scope") == "" {
					t.Errorf("table %d: <th> %q has no scope", i+2, sitetest.Text(th))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.headers, "\n") {
				t.Errorf("table %d headers:\n%s\nwant:\n%s", i+2, strings.Join(got, "\n"), strings.Join(tc.headers, "\n"))
			}
			// Every data cell names existing header cells, and its figure is the data file's.
			ids := map[string]bool{}
			for _, n := range sitetest.All(tables[i], func(n *html.Node) bool { return sitetest.Value(n, "id") != "" }) {
				ids[sitetest.Value(n, "id")] = true
			}
			for _, td := range sitetest.All(tables[i], func(n *html.Node) bool { return n.Data == "td" && sitetest.Value(n, "headers") != "" }) {
				for _, h := range strings.Fields(sitetest.Value(td, "headers")) {
					if !ids[h] {
						t.Errorf("table %d: a cell names header %q, which does not exist", i+2, h)
					}
				}
			}
		}
		// Table 三: the cell of each row and column holds the data file's figure.
		for _, td := range sitetest.All(tables[1], func(n *html.Node) bool { return n.Data == "td" && sitetest.Value(n, "headers") != "" }) {
			var row, col string
			for _, h := range strings.Fields(sitetest.Value(td, "headers")) {
				if strings.HasPrefix(h, "t3-r-") {
					row = strings.TrimPrefix(h, "t3-r-")
				}
				if strings.HasPrefix(h, "t3-c-") {
					col = strings.TrimPrefix(h, "t3-c-")
				}
			}
			if v := want.Counts["table3."+row+"."+col]; sitetest.Text(td) != itoa(int(v)) {
				t.Errorf("table3.%s.%s: rendered %q, want %d", row, col, sitetest.Text(td), v)
			}
		}
		if style := sitetest.All(tables[0].Parent, func(n *html.Node) bool { return sitetest.Value(n, "style") != "" || n.Data == "style" }); len(style) > 0 {
			t.Errorf("the tables carry inline styles")
		}
	})

	t.Run("json", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(page, "stats.json"))
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("stats.json does not parse: %v", err)
		}
		if got["page"] != "/reports/2024-zfxxgk/" || got["year"] != float64(2023) || got["format"] != annualstats.Format {
			t.Errorf("stats.json head: page %v, year %v, format %v", got["page"], got["year"], got["format"])
		}
		n := 0
		for _, p := range annualstats.Paths() {
			parts := strings.Split(p, ".")
			v, ok := got[parts[0]].(map[string]any)[parts[1]].(map[string]any)[parts[2]].(float64)
			if !ok {
				t.Errorf("stats.json has no %s", p)
				continue
			}
			n++
			if c, isCount := want.Counts[p]; isCount && float64(c) != v {
				t.Errorf("stats.json %s = %v, want %d", p, v, c)
			}
		}
		if n != len(annualstats.Paths()) {
			t.Errorf("stats.json has %d of %d cells", n, len(annualstats.Paths()))
		}
		checkArithmetic(t, func(p string) int64 {
			parts := strings.Split(p, ".")
			return int64(got[parts[0]].(map[string]any)[parts[1]].(map[string]any)[parts[2]].(float64))
		})
	})

	t.Run("csv", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join(page, "stats.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Errorf("stats.csv has no byte-order mark")
		}
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("stats.csv does not parse: %v", err)
		}
		if strings.Join(records[0], ",") != "表格,项目,列,数值,键" || len(records) != 1+len(annualstats.Paths()) {
			t.Fatalf("stats.csv: header %v, %d records; want %d", records[0], len(records), 1+len(annualstats.Paths()))
		}
		wantRow := []string{annualstats.Table3.Zh, "三、本年度办理结果·（三）不予公开·8.属于行政查询事项", "法人或其他组织·商业企业",
			itoa(int(want.Counts["table3.denied_inquiry.commercial"])), "table3.denied_inquiry.commercial"}
		found := false
		for _, r := range records {
			if strings.Join(r, "|") == strings.Join(wantRow, "|") {
				found = true
			}
		}
		if !found {
			t.Errorf("stats.csv has no record %v", wantRow)
		}
	})
}

// checkArithmetic recomputes V1 to V4 from published figures, independently of package stats.
func checkArithmetic(t *testing.T, get func(string) int64) {
	t.Helper()
	sumRows := []string{"granted", "partly_granted"}
	for _, r := range annualstats.Table3.Rows {
		if strings.HasPrefix(r.Key, "denied_") || strings.HasPrefix(r.Key, "unavailable_") || strings.HasPrefix(r.Key, "not_processed_") || strings.HasPrefix(r.Key, "other_") {
			sumRows = append(sumRows, r.Key)
		}
	}
	if len(sumRows) != 21 {
		t.Fatalf("%d rows add up into （七）总计, want 21", len(sumRows))
	}
	for _, c := range annualstats.Table3Columns {
		col := "." + c.Key
		if get("table3.new"+col)+get("table3.carried_over"+col) != get("table3.total"+col)+get("table3.carried_forward"+col) {
			t.Errorf("V1 fails in column %s", c.Key)
		}
		var s int64
		for _, r := range sumRows {
			s += get("table3." + r + col)
		}
		if s != get("table3.total"+col) {
			t.Errorf("V2 fails in column %s: %d", c.Key, s)
		}
	}
	for _, r := range annualstats.Table3.Rows {
		var s int64
		for _, c := range []string{"natural_person", "commercial", "research", "public_welfare", "legal_service", "other"} {
			s += get("table3." + r.Key + "." + c)
		}
		if s != get("table3."+r.Key+".total") {
			t.Errorf("V3 fails in row %s", r.Key)
		}
	}
	for _, g := range []string{"review", "litigation_direct", "litigation_after_review"} {
		p := "table4." + g + "."
		if get(p+"upheld")+get(p+"corrected")+get(p+"other")+get(p+"pending") != get(p+"total") {
			t.Errorf("V4 fails in %s", g)
		}
	}
}

// The headers of each table in document order, as the format prescribes them.
func table2Headers() []string {
	var out []string
	last := ""
	for _, r := range annualstats.Table2.Rows {
		if r.Item.Key != last {
			last = r.Item.Key
			out = append(out, r.Item.Zh, annualstats.ContentHeader.Zh)
			for _, c := range r.Columns {
				out = append(out, c.Zh)
			}
		}
		out = append(out, r.Zh)
	}
	return out
}

func table3Headers() []string {
	cols := annualstats.Table3Columns
	out := []string{annualstats.Table3Groups.Applicants.Zh, cols[0].Zh, annualstats.Table3Groups.LegalPersons.Zh, cols[len(cols)-1].Zh}
	for _, c := range cols[1 : len(cols)-1] {
		out = append(out, c.Zh)
	}
	seen := map[string]bool{}
	for _, r := range annualstats.Table3.Rows {
		for _, g := range r.Group {
			if !seen[g.Key] {
				seen[g.Key] = true
				out = append(out, g.Zh)
			}
		}
		out = append(out, r.Zh)
	}
	return out
}

func table4Headers() []string {
	g := annualstats.Table4Groups
	out := []string{g[0].Zh, annualstats.Litigation.Zh}
	for _, c := range annualstats.Table4Columns {
		out = append(out, c.Zh)
	}
	out = append(out, g[1].Zh, g[2].Zh)
	for range 2 {
		for _, c := range annualstats.Table4Columns {
			out = append(out, c.Zh)
		}
	}
	return out
}

func captionText(caps []*html.Node) string {
	if len(caps) == 0 {
		return ""
	}
	return sitetest.Text(caps[0])
}
