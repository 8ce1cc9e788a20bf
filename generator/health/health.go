// Package health warns when the site's columns look neglected, in the terms government websites are inspected
// against: a home page not updated for two weeks and a 政策文件 column not updated for six months are 单项否决
// (failures by themselves), and a policy that needs an interpretation must get it within days of publication.
//
// These are warnings, never errors: the nightly rebuild must still publish, but its build report should tell
// somebody before an inspector does.
package health

import (
	"fmt"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/msg"
	"gongkai/generator/siteconfig"
)

// InterpretationWorkingDays is how many working days (Monday to Friday) a policy marked needs_interpretation may
// wait for its interpretation before the reminder stops being early.
const InterpretationWorkingDays = 3

// Warn adds the column-health warnings of site at now to diags: check and build warn alike.
func Warn(cfg *siteconfig.Config, site *content.Site, now time.Time, diags *diag.List) {
	for _, w := range Check(cfg, site, now) {
		diags.Add(w)
	}
}

// Check returns the column-health warnings of site at now. Only documents published at now count.
func Check(cfg *siteconfig.Config, site *content.Site, now time.Time) []diag.Diagnostic {
	if e := cfg.Params.Health.Enabled; e != nil && !*e {
		return nil
	}
	lang := cfg.Lang
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	homeDays, columnDays := cfg.Params.Health.HomeDays, cfg.Params.Health.ColumnDays
	if homeDays <= 0 {
		homeDays = 14
	}
	if columnDays <= 0 {
		columnDays = 183
	}
	var out []diag.Diagnostic
	warn := func(file string, line int, field, label, format string, args ...any) {
		out = append(out, diag.Diagnostic{File: file, Line: line, Field: field, Label: label,
			Message: fmt.Sprintf(format, args...), Severity: diag.Warning})
	}
	published := func(d *content.Document) bool { return content.Published(d, now) }

	newest := map[content.Kind]*content.Document{}
	var home *content.Document
	for _, d := range site.Documents {
		if !published(d) {
			continue
		}
		if n := newest[d.Kind]; n == nil || d.Date.After(n.Date) {
			newest[d.Kind] = d
		}
		if home == nil || d.Date.After(home.Date) {
			home = d
		}
	}
	day := func(t time.Time) string { return t.In(loc).Format("2006-01-02") }
	if home != nil {
		if days := daysBetween(home.Date, now, loc); days > homeDays {
			warn("content/_index.md", 0, "", "", msg.HealthHome.In(lang), day(home.Date), home.File, days, homeDays)
		}
	}
	// The 政策文件 columns: the columns declared in data/columns.toml that list policies or interpretations, each
	// named at its declaration; on a site that declares none, the kinds' own columns.
	cols := site.Columns
	if cols != nil && cols.File != "" {
		for _, c := range cols.All {
			if !c.Lists() {
				continue
			}
			var last *content.Document
			for _, d := range c.Documents {
				if (d.Kind == content.Policies || d.Kind == content.Interpretations) && published(d) &&
					(last == nil || d.Date.After(last.Date)) {
					last = d
				}
			}
			if last == nil {
				continue
			}
			if days := daysBetween(last.Date, now, loc); days > columnDays {
				warn(cols.File, c.Line, "", "", msg.HealthColumn.In(lang), c.Title(lang), day(last.Date), last.File, days, columnDays)
			}
		}
	} else {
		for _, k := range []content.Kind{content.Policies, content.Interpretations} {
			d := newest[k]
			if d == nil {
				continue
			}
			if days := daysBetween(d.Date, now, loc); days > columnDays {
				warn("content/"+string(k)+"/_index.md", 0, "", "", msg.HealthColumn.In(lang), k.Label(lang), day(d.Date), d.File, days, columnDays)
			}
		}
	}

	out = append(out, deadlines(cfg, site, now, published)...)

	interpreted := map[string]bool{}
	for _, d := range site.Documents {
		if d.Kind == content.Interpretations && d.Interprets.Policy != "" && published(d) {
			interpreted[d.Interprets.Policy] = true
		}
	}
	for _, d := range site.Documents {
		if d.Kind != content.Policies || !d.NeedsInterpretation || interpreted[d.Name] || !published(d) {
			continue
		}
		if workingDaysBetween(d.Date, now, loc) <= InterpretationWorkingDays {
			warn(d.File, d.Pos["needs_interpretation"].Line, "needs_interpretation", content.Label("needs_interpretation", lang),
				msg.HealthInterpretation.In(lang), day(d.Date), InterpretationWorkingDays)
		}
	}
	return out
}

// Report types with a legal deadline: last year's report must be public by the day before the deadline's month and
// day (政府信息公开工作年度报告: 条例第五十条, by 31 January; 法治政府建设年度报告: 厅字〔2019〕28号, before 1 April).
var deadlineReports = []struct {
	reportType string
	month, day int // the first day the report is late
	late       msg.Text
}{
	{"政府信息公开工作年度报告", 2, 1, msg.HealthDeadlineDisclosure},
	{"法治政府建设年度报告", 4, 1, msg.HealthDeadlineRuleOfLaw},
}

// deadlines warns when last year's annual reports are late, and when the 政府信息公开指南 is older than
// params.health.guide_months. A site is held to a report type's deadline once it has published a report of that type.
func deadlines(cfg *siteconfig.Config, site *content.Site, now time.Time, published func(*content.Document) bool) []diag.Diagnostic {
	lang := cfg.Lang
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	local := now.In(loc)
	var out []diag.Diagnostic
	warn := func(file string, line int, field, label, message string) {
		out = append(out, diag.Diagnostic{File: file, Line: line, Field: field, Label: label, Message: message, Severity: diag.Warning})
	}
	for _, dl := range deadlineReports {
		uses, done := false, false
		for _, d := range site.Documents {
			if d.Kind != content.Reports || d.ReportType != dl.reportType {
				continue
			}
			uses = true
			if d.Year == local.Year()-1 && published(d) {
				done = true
			}
		}
		due := time.Date(local.Year(), time.Month(dl.month), dl.day, 0, 0, 0, 0, loc)
		if !uses || done || now.Before(due) {
			continue
		}
		file, line := "content/reports", 0
		if cs := site.Columns; cs != nil && cs.File != "" {
			for _, c := range cs.All {
				if contains(c.ReportTypes, dl.reportType) {
					file, line = cs.File, c.Line
					break
				}
			}
		}
		warn(file, line, "", "", dl.late.F(lang, local.Year()-1, due.AddDate(0, 0, -1).Format("2006-01-02")))
	}
	if cs := site.Columns; cs != nil {
		months := cfg.Params.Health.GuideMonths
		if months <= 0 {
			months = 12
		}
		for _, c := range cs.All {
			if c.Page != "guide" || c.GuideUpdated.IsZero() {
				continue
			}
			// Day by day: a guide updated on 30 June 2024 is 12 months old until the end of 30 June 2025.
			if limit := midnight(c.GuideUpdated, loc).AddDate(0, months, 0); midnight(now, loc).After(limit) {
				warn(c.Data, c.GuideLine, "updated", msg.ContentGuideUpdatedLabel.In(lang),
					msg.HealthGuide.F(lang, c.GuideUpdated.In(loc).Format("2006-01-02"), months))
			}
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// daysBetween counts calendar days from the day of from to the day of to, in the site's time zone.
func daysBetween(from, to time.Time, loc *time.Location) int {
	a := midnight(from, loc)
	b := midnight(to, loc)
	return int(b.Sub(a).Hours()+12) / 24
}

func midnight(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// workingDaysBetween counts the days Monday to Friday after the day of from up to and including the day of to: a
// policy published on Friday is 1 working day old on Monday. Public holidays are not known and count as working days.
func workingDaysBetween(from, to time.Time, loc *time.Location) int {
	a := midnight(from, loc)
	b := midnight(to, loc)
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}
