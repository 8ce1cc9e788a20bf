// Package dateguard stops a build that would silently change the 发布日期 or 索引号 of a document already published.
// For a government site a shifted publication date looks like a faked record: inspections check that what was
// published on a day stays dated that day. The previous release's catalog.json is the record of what was
// published. A change goes through only when the editor acknowledges it in the document with a new entry in
// `changes` (修订记录) dated on or after the later of the old and the new date, which then shows on the page.
package dateguard

import (
	"fmt"
	"time"

	"gongkai/generator/catalog"
	"gongkai/generator/content"
	"gongkai/generator/diag"
	"gongkai/generator/msg"
)

// Check compares every document of site that the previous release published with its record there.
func Check(prev *catalog.Catalog, site *content.Site, loc *time.Location, lang msg.Lang) *diag.List {
	l := &diag.List{}
	records(prev, site, lang, l)
	if prev == nil {
		return l
	}
	old := map[string]*catalog.Entry{}
	for i := range prev.Documents {
		old[prev.Documents[i].Name] = &prev.Documents[i]
	}
	gone(prev, site, lang, l)
	for _, d := range site.Documents {
		e := old[d.Name]
		if e == nil {
			continue
		}
		newDate := stamp(d.Date, loc)
		need := day(e.Date)
		if day(newDate) > need {
			need = day(newDate)
		}
		if newDate != e.Date && !acknowledged(d, e, loc, need) {
			was, now := day(e.Date), day(newDate)
			if was == now {
				// Same day, another time of day: show the times, or the message would read "changed from X to X".
				was, now = e.Date, newDate
			}
			p := d.Pos["date"]
			l.Addf(d.File, p.Line, p.Col, "date", labels["date"].In(lang), "%s", message(lang, "date", was, now, need))
		}
		if d.IndexNo != e.IndexNo && !acknowledged(d, e, loc, need) {
			p := d.Pos["index_no"]
			l.Addf(d.File, p.Line, p.Col, "index_no", labels["index_no"].In(lang), "%s", message(lang, "index_no", e.IndexNo, d.IndexNo, need))
		}
	}
	return l
}

// acknowledged: a change note the previous release did not have, dated on or after need (the later of the old and
// the new date).
func acknowledged(d *content.Document, e *catalog.Entry, loc *time.Location, need string) bool {
	had := map[string]bool{}
	for _, c := range e.Changes {
		had[day(c.Date)+"\x00"+c.Note] = true
	}
	for _, c := range d.Changes {
		cd := c.Date.In(loc).Format("2006-01-02")
		if had[cd+"\x00"+c.Note] {
			continue
		}
		if cd >= need {
			return true
		}
	}
	return false
}

func stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}

func day(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// labels name the guarded fields.
var labels = map[string]msg.Text{"date": msg.GuardDateLabel, "index_no": msg.GuardIndexNoLabel, "draft": msg.GuardDraftLabel}

func message(lang msg.Lang, key, was, now, need string) string {
	return msg.GuardChanged.F(lang, labels[key].In(lang), was, now, need, was)
}

// gone refuses a document the previous release published that the sources no longer publish (deleted, or made a
// draft again) unless the withdrawal list records it: for a disclosure site, a page that vanishes without a record
// is the worst silent failure.
func gone(prev *catalog.Catalog, site *content.Site, lang msg.Lang, l *diag.List) {
	have := map[string]*content.Document{}
	for _, d := range site.Documents {
		have[d.Name] = d
	}
	withdrawn := map[string]bool{}
	for _, w := range site.Withdrawn {
		withdrawn[w.Name] = true
	}
	for _, e := range prev.Documents {
		if withdrawn[e.Name] {
			continue
		}
		d := have[e.Name]
		switch {
		case d == nil:
			l.Addf(e.Source, 0, 0, "", "", "%s", goneMsg(lang, "deleted", e))
		case d.Draft:
			p := d.Pos["draft"]
			l.Addf(d.File, p.Line, p.Col, "draft", labels["draft"].In(lang), "%s", goneMsg(lang, "draft", e))
		}
	}
}

func goneMsg(lang msg.Lang, why string, e catalog.Entry) string {
	record := fmt.Sprintf("[[withdrawn]] name = %q date = %s reason = \"…\" body = \"removed\"", e.Name, "2026-11-20")
	what := msg.GuardDeleted
	if why == "draft" {
		what = msg.GuardDraftAgain
	}
	return msg.GuardGone.F(lang, e.Name, e.Title, day(e.Date), what.In(lang), content.WithdrawnFile, record)
}

// records checks the withdrawal list against the sources and the live release: a record must name a document one
// of them has, and a document whose file is gone can only be withdrawn with its text removed. Without a live
// release the notice of a document whose file is gone cannot be made: a warning, since a first build elsewhere
// must still go through.
func records(prev *catalog.Catalog, site *content.Site, lang msg.Lang, l *diag.List) {
	old := map[string]*catalog.Entry{}
	if prev != nil {
		for i := range prev.Documents {
			old[prev.Documents[i].Name] = &prev.Documents[i]
		}
	}
	for i, w := range site.Withdrawn {
		if w.Name == "" || site.ByName(w.Name) != nil {
			continue
		}
		field := fmt.Sprintf("withdrawn[%d].name", i)
		e := old[w.Name]
		switch {
		case prev == nil:
			l.Warnf(content.WithdrawnFile, w.Line, 1, field, "", "%s", msg.WithdrawnNoRecord.F(lang, w.Name))
		case e == nil:
			l.Addf(content.WithdrawnFile, w.Line, 1, field, "", "%s", msg.WithdrawnUnknown.F(lang, w.Name))
		case w.Body == "kept":
			l.Addf(content.WithdrawnFile, w.Line, 1, fmt.Sprintf("withdrawn[%d].body", i), "", "%s", msg.WithdrawnKeptGone.F(lang, e.Source))
		}
	}
}
