package annualstats

import (
	"os"
	"strings"
	"testing"

	"gongkai/generator/diag"
)

func sampleReports(t *testing.T) []*Report {
	t.Helper()
	var out []*Report
	for year, file := range map[int]string{2023: "2024-zfxxgk", 2022: "2023-zfxxgk"} {
		src, err := os.ReadFile("../../content/reports/" + file + "/stats.toml")
		if err != nil {
			t.Fatal(err)
		}
		r := Parse(file, src, year, "zh", &diag.List{})
		if r == nil || !r.Complete() {
			t.Fatalf("%s: incomplete", file)
		}
		out = append(out, r)
	}
	return out
}

// The trends are the reports' own figures, oldest year first, and the SVG depends on nothing else: the same reports
// in another order draw the same bytes.
func TestTrends(t *testing.T) {
	rs := sampleReports(t)
	a := Trends(rs, "zh")
	b := Trends([]*Report{rs[1], rs[0]}, "zh")
	if len(a) != 3 {
		t.Fatalf("%d trends, want 3", len(a))
	}
	for i := range a {
		if a[i].SVG != b[i].SVG {
			t.Errorf("trend %s depends on the order of the reports", a[i].ID)
		}
		if !strings.HasPrefix(a[i].SVG, "<svg") || strings.Contains(a[i].SVG, "<script") {
			t.Errorf("trend %s is not a plain SVG", a[i].ID)
		}
	}
	if got := a[0].Years; len(got) != 2 || got[0] != 2022 || got[1] != 2023 {
		t.Errorf("years %v, want [2022 2023]", got)
	}
	for i, y := range a[0].Years {
		for _, r := range rs {
			if r.Year == y && a[0].Series[0].Values[i] != r.Counts["table3.new.total"] {
				t.Errorf("%d: 本年新收 %d, want %d", y, a[0].Series[0].Values[i], r.Counts["table3.new.total"])
			}
		}
	}
	// 不予公开 adds the eight rows of （三）.
	var denied int64
	for k, v := range rs[0].Counts {
		if strings.HasPrefix(k, "table3.denied_") && strings.HasSuffix(k, ".total") {
			denied += v
		}
	}
	for i, y := range a[1].Years {
		if y == rs[0].Year && a[1].Series[2].Values[i] != denied {
			t.Errorf("不予公开 %d, want %d", a[1].Series[2].Values[i], denied)
		}
	}
}
