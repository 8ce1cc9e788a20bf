package annualstats

import (
	"fmt"
	"gongkai/generator/msg"
	"html"
	"sort"
	"strconv"
	"strings"
)

// Trend is one chart of the 年报 column's index: a few figures of tables 三 and 四 over the years reported on,
// drawn at build time as a static SVG (no script), with the same figures as a table for readers who cannot see it.
type Trend struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Years  []int         `json:"years"`
	Series []TrendSeries `json:"series"`
	SVG    string        `json:"svg"`
}

// TrendSeries is one line of a trend's table, one bar of each year's group in its chart.
type TrendSeries struct {
	Name   string  `json:"name"`
	Values []int64 `json:"values"`
}

type trendDef struct {
	id     string
	title  msg.Text
	series []seriesDef
}

type seriesDef struct {
	name msg.Text
	rows []string // table3 or table4 rows (prefix match when ending in "_"), their total column summed
}

var trendDefs = []trendDef{
	{"applications", msg.Text{Zh: "收到的政府信息公开申请", En: "Applications received"}, []seriesDef{
		{msg.Text{Zh: "本年新收", En: "new this year"}, []string{"table3.new"}},
		{msg.Text{Zh: "上年结转", En: "carried over"}, []string{"table3.carried_over"}},
	}},
	{"outcomes", msg.Text{Zh: "申请的办理结果", En: "Outcomes of applications"}, []seriesDef{
		{msg.Text{Zh: "予以公开", En: "granted"}, []string{"table3.granted"}},
		{msg.Text{Zh: "部分公开", En: "partly granted"}, []string{"table3.partly_granted"}},
		{msg.Text{Zh: "不予公开", En: "denied"}, []string{"table3.denied_"}},
		{msg.Text{Zh: "无法提供", En: "unavailable"}, []string{"table3.unavailable_"}},
		{msg.Text{Zh: "不予处理", En: "not processed"}, []string{"table3.not_processed_"}},
		{msg.Text{Zh: "其他处理", En: "other"}, []string{"table3.other_"}},
	}},
	{"review", msg.Text{Zh: "行政复议和行政诉讼", En: "Administrative review and litigation"}, []seriesDef{
		{msg.Text{Zh: "行政复议", En: "administrative review"}, []string{"table4.review"}},
		{msg.Text{Zh: "未经复议直接起诉", En: "litigation without review"}, []string{"table4.litigation_direct"}},
		{msg.Text{Zh: "复议后起诉", En: "litigation after review"}, []string{"table4.litigation_after_review"}},
	}},
}

// Trends makes the charts from complete reports, one per year (the newest report of a year wins), oldest year first.
// The output depends only on the figures: the same reports give the same bytes.
func Trends(reports []*Report, lang msg.Lang) []Trend {
	byYear := map[int]*Report{}
	for _, r := range reports {
		if r != nil && r.Complete() {
			byYear[r.Year] = r
		}
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	if len(years) == 0 {
		return nil
	}
	var out []Trend
	for _, d := range trendDefs {
		t := Trend{ID: d.id, Title: d.title.In(lang), Years: years}
		for _, s := range d.series {
			ts := TrendSeries{Name: s.name.In(lang)}
			for _, y := range years {
				ts.Values = append(ts.Values, sumRows(byYear[y], s.rows))
			}
			t.Series = append(t.Series, ts)
		}
		t.SVG = t.svg(lang)
		out = append(out, t)
	}
	return out
}

func sumRows(r *Report, rows []string) int64 {
	var n int64
	for _, row := range rows {
		if strings.HasSuffix(row, "_") {
			keys := make([]string, 0)
			for k := range r.Counts {
				if strings.HasPrefix(k, row) && strings.HasSuffix(k, ".total") {
					keys = append(keys, k)
				}
			}
			sort.Strings(keys)
			for _, k := range keys {
				n += r.Counts[k]
			}
			continue
		}
		n += r.Counts[row+".total"]
	}
	return n
}

// palette: colours that keep a 3:1 contrast with white and with each other's neighbours, told apart also by the
// order of the legend.
var palette = []string{"#1f5fa8", "#b5530c", "#2e7d32", "#7b1fa2", "#a61b29", "#5d4037"}

// svg draws a grouped bar chart: one group per year, one bar per series, the value above each bar.
func (t Trend) svg(lang msg.Lang) string {
	const (
		w, h           = 640.0, 300.0
		left, right    = 48.0, 16.0
		top, bottom    = 16.0, 72.0
		legendRowH     = 18.0
		legendPerRow   = 3
		groupGapFactor = 0.3
	)
	var max int64 = 1
	for _, s := range t.Series {
		for _, v := range s.Values {
			if v > max {
				max = v
			}
		}
	}
	scale := niceMax(max)
	plotH := h - top - bottom
	plotW := w - left - right
	var b strings.Builder
	title := html.EscapeString(t.Title)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 %s %s" role="img" aria-labelledby="trend-%s-t">`, f(w), f(h), t.ID)
	fmt.Fprintf(&b, `<title id="trend-%s-t">%s</title>`, t.ID, title)
	// Grid and axis: four steps.
	for i := 0; i <= 4; i++ {
		v := scale * int64(i) / 4
		y := top + plotH - plotH*float64(v)/float64(scale)
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#c8c8c8" stroke-width="1"/>`, f(left), f(y), f(w-right), f(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="12" text-anchor="end" fill="#333">%d</text>`, f(left-6), f(y+4), v)
	}
	n := len(t.Series)
	groupW := plotW / float64(len(t.Years))
	barW := groupW * (1 - groupGapFactor) / float64(n)
	for yi, year := range t.Years {
		gx := left + groupW*float64(yi) + groupW*groupGapFactor/2
		for si, s := range t.Series {
			v := s.Values[yi]
			bh := plotH * float64(v) / float64(scale)
			x := gx + barW*float64(si)
			y := top + plotH - bh
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, f(x), f(y), f(barW-1), f(bh), palette[si%len(palette)])
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="11" text-anchor="middle" fill="#222">%d</text>`, f(x+barW/2-0.5), f(y-3), v)
		}
		label := msg.PageYear.F(lang, year)
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="13" text-anchor="middle" fill="#222">%s</text>`, f(gx+groupW*(1-groupGapFactor)/2), f(top+plotH+18), label)
	}
	// Legend, below the plot.
	for si, s := range t.Series {
		row, col := si/legendPerRow, si%legendPerRow
		x := left + float64(col)*(plotW/legendPerRow)
		y := top + plotH + 32 + legendRowH*float64(row)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="12" fill="%s"/>`, f(x), f(y), palette[si%len(palette)])
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="12" fill="#222">%s</text>`, f(x+16), f(y+11), html.EscapeString(s.Name))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// niceMax rounds the largest value up to a number whose quarters are whole and easy to read.
func niceMax(v int64) int64 {
	step := int64(1)
	for step*40 < v {
		step *= 10
	}
	for _, m := range []int64{4, 8, 20, 40} {
		if step*m >= v {
			return step * m
		}
	}
	return step * 40
}

func f(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
