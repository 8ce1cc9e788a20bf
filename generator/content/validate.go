package content

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/suggest"
)

func closest(name string, candidates []string) string { return suggest.Closest(name, candidates) }

// document checks the values of one document's keys and fills d.
func (v *validator) document(d *Document, doc *frontmatter.Doc) {
	f := d.File
	top := frontmatter.Pos{Line: 1, Col: 1}
	label := func(k string) string { return fields[k].label.In(v.lang) }
	at := func(k string) frontmatter.Pos {
		if p, ok := doc.Pos[k]; ok {
			return p
		}
		return top
	}

	for _, k := range sortedKeys(fields) {
		if fields[k].requiredFor(d.Kind) {
			if _, ok := doc.Values[k]; !ok {
				v.errorf(f, top, k, label(k), msg.ContentRequired.F(v.lang, examples[k]))
			}
		}
	}

	str := func(k string) string {
		raw, ok := doc.Values[k]
		if !ok {
			return ""
		}
		s, isStr := raw.(string)
		if !isStr {
			ex := examples[k]
			if ex == "" {
				ex = `"…"`
			}
			v.errorf(f, at(k), k, label(k), msg.ContentNotString.F(v.lang, ex))
			return ""
		}
		if strings.TrimSpace(s) == "" {
			v.errorf(f, at(k), k, label(k), msg.ContentEmpty.In(v.lang))
		}
		return strings.TrimSpace(s)
	}
	list := func(k string) []string {
		raw, ok := doc.Values[k]
		if !ok {
			return nil
		}
		items, isList := raw.([]any)
		var out []string
		for _, it := range items {
			s, isStr := it.(string)
			if !isStr {
				isList = false
				break
			}
			out = append(out, s)
		}
		if !isList {
			if why := fullWidthStart(v.lang, raw); why != "" {
				v.errorf(f, at(k), k, label(k), why)
				return nil
			}
			v.errorf(f, at(k), k, label(k), msg.ContentNotList.F(v.lang, examples[k]))
			return nil
		}
		// YAML reads [社保，医保] as one item: a full-width comma inside an item is most likely meant to separate two.
		for _, s := range out {
			if strings.ContainsRune(s, '，') {
				v.warnf(f, at(k), k, label(k), msg.ContentListComma.F(v.lang, s, strings.ReplaceAll(s, "，", `", "`), "，"))
				break
			}
		}
		return out
	}
	date := func(k string) time.Time {
		raw, ok := doc.Values[k]
		if !ok {
			return time.Time{}
		}
		t, err := ParseDate(raw, v.cfg.Location)
		if err != nil {
			v.errorf(f, at(k), k, label(k), badDate(v.lang, raw))
		}
		return t
	}
	boolean := func(k string) bool {
		raw, ok := doc.Values[k]
		if !ok {
			return false
		}
		b, isBool := raw.(bool)
		if !isBool {
			v.errorf(f, at(k), k, label(k), msg.ContentNotBool.In(v.lang))
		}
		return b
	}

	d.Title = str("title")
	d.ShortTitle = str("short_title")
	d.Date = date("date")
	d.Publisher = str("publisher")
	if d.Publisher == "" {
		d.Publisher = v.cfg.Params.Publisher
	}
	d.Summary = str("summary")
	d.Keywords = list("keywords")
	d.ReplacedBy = str("replaced_by")
	d.Written = date("written")
	d.ValidityDate = date("validity_date")
	d.PublishDate = date("publishDate")
	d.ExpiryDate = date("expiryDate")
	date("lastmod")
	d.aliases = list("aliases")
	if _, ok := doc.Values["weight"]; ok {
		if _, isInt := doc.Values["weight"].(int64); !isInt {
			v.errorf(f, at("weight"), "weight", label("weight"), msg.ContentNotInt.In(v.lang))
		}
	}
	d.Draft = boolean("draft")
	d.NeedsInterpretation = boolean("needs_interpretation")
	d.ReportType = str("report_type")
	d.Column = str("column")
	d.Stats = str("stats")
	d.Laws = list("laws")

	if !d.Written.IsZero() && !d.Date.IsZero() && d.Written.After(d.Date) {
		v.errorf(f, at("written"), "written", label("written"),
			msg.ContentWrittenAfterDate.F(v.lang, d.Written.Format("2006-01-02"), d.Date.Format("2006-01-02")))
	}

	d.Validity = "valid"
	if _, ok := doc.Values["validity"]; ok {
		s := str("validity")
		switch s {
		case "valid", "expired", "repealed":
			d.Validity = s
		default:
			v.errorf(f, at("validity"), "validity", label("validity"), msg.ContentBadValidity.F(v.lang, s))
		}
	}
	if d.Validity != "valid" && d.ValidityDate.IsZero() {
		v.warnf(f, at("validity"), "validity_date", label("validity_date"), msg.ContentExpiredNoDate.F(v.lang, d.Validity))
	}

	if _, ok := doc.Values["year"]; ok {
		y, isInt := doc.Values["year"].(int64)
		if !isInt || y < 1949 || y > 9999 {
			v.errorf(f, at("year"), "year", label("year"), msg.ContentBadYear.In(v.lang))
		} else {
			d.Year = int(y)
			if !d.Date.IsZero() && d.Year > d.Date.Year() {
				v.errorf(f, at("year"), "year", label("year"), msg.ContentYearAfterDate.F(v.lang, d.Year, d.Date.Year()))
			}
		}
	}

	if _, ok := doc.Values["doc_no"]; ok {
		d.DocNo = str("doc_no")
		if d.DocNo != "" {
			if m := v.checkDocNo(d.DocNo); m != "" {
				v.errorf(f, at("doc_no"), "doc_no", label("doc_no"), m)
			}
		}
	}

	if _, ok := doc.Values["index_no"]; ok {
		d.IndexNo = str("index_no")
		v.checkIndexNo(d, at("index_no"))
	}

	if _, ok := doc.Values["topic"]; ok {
		d.Topic = NormalizeTopic(str("topic"))
		if d.Topic != "" && v.topics != nil && !v.topics.Has(d.Topic) {
			hint := ""
			if s := v.topics.Closest(d.Topic); s != "" {
				hint = msg.ContentTopicHint.F(v.lang, s)
			}
			v.errorf(f, at("topic"), "topic", label("topic"), msg.ContentTopicUnknown.F(v.lang, d.Topic, v.cfg.Params.TopicsFile, hint))
		}
	}

	if raw, ok := doc.Values["interprets"]; ok {
		v.interprets(d, raw, doc)
	}

	if raw, ok := doc.Values["changes"]; ok {
		items, isList := raw.([]any)
		if !isList {
			v.errorf(f, at("changes"), "changes", label("changes"), msg.ContentChangesTable.In(v.lang))
		}
		for i, it := range items {
			m, isMap := it.(map[string]any)
			p := fmt.Sprintf("changes[%d]", i)
			if !isMap {
				v.errorf(f, at(p), p, label("changes"), msg.ContentChangesTable.In(v.lang))
				continue
			}
			var c Change
			sub := subfields["changes"]
			if rawDate, ok := m["date"]; !ok {
				v.errorf(f, at(p), p+".date", sub["date"].label.In(v.lang), msg.ContentRequired.F(v.lang, `date = 2024-05-01`))
			} else if t, err := ParseDate(rawDate, v.cfg.Location); err != nil {
				v.errorf(f, at(p+".date"), p+".date", sub["date"].label.In(v.lang), badDate(v.lang, rawDate))
			} else {
				c.Date = t
			}
			if note, ok := m["note"].(string); !ok || strings.TrimSpace(note) == "" {
				v.errorf(f, at(p), p+".note", sub["note"].label.In(v.lang), msg.ContentRequired.F(v.lang, `note = "更正附件中的联系电话"`))
			} else {
				c.Note = strings.TrimSpace(note)
			}
			if mj, ok := m["major"]; ok {
				b, isBool := mj.(bool)
				if !isBool {
					v.errorf(f, at(p+".major"), p+".major", sub["major"].label.In(v.lang), msg.ContentNotBool.In(v.lang))
				}
				c.Major = b
			}
			d.Changes = append(d.Changes, c)
		}
		sort.SliceStable(d.Changes, func(i, j int) bool { return d.Changes[i].Date.After(d.Changes[j].Date) })
	}
}

func (v *validator) interprets(d *Document, raw any, doc *frontmatter.Doc) {
	f := d.File
	lbl := fields["interprets"].label.In(v.lang)
	p := doc.Pos["interprets"]
	m, ok := raw.(map[string]any)
	if !ok {
		if why := fullWidthStart(v.lang, raw); why != "" {
			v.errorf(f, p, "interprets", lbl, why)
			return
		}
		v.errorf(f, p, "interprets", lbl, msg.ContentInterpretsTable.In(v.lang))
		return
	}
	get := func(k string) string {
		s, _ := m[k].(string)
		return strings.TrimSpace(s)
	}
	in := Interprets{Policy: get("policy"), Title: get("title"), DocNo: get("doc_no"), URL: get("url")}
	d.Interprets = in
	sub := subfields["interprets"]
	at := func(k string) frontmatter.Pos {
		if q, ok := doc.Pos["interprets."+k]; ok {
			return q
		}
		return p
	}
	switch {
	case in.Policy != "" && (in.Title != "" || in.URL != ""):
		v.errorf(f, p, "interprets", lbl, msg.ContentInterpretsBoth.In(v.lang))
	case in.Policy != "":
		if !strings.HasPrefix(in.Policy, "policies/") || strings.Count(in.Policy, "/") != 1 {
			v.errorf(f, at("policy"), "interprets.policy", sub["policy"].label.In(v.lang), msg.ContentPolicyForm.In(v.lang))
		}
	case in.Title == "" || in.URL == "":
		v.errorf(f, p, "interprets", lbl, msg.ContentInterpretsExternal.In(v.lang))
	default:
		if !isURL(in.URL) {
			v.errorf(f, at("url"), "interprets.url", sub["url"].label.In(v.lang), msg.ContentBadURL.F(v.lang, in.URL))
		}
		if in.DocNo != "" {
			if m := v.checkDocNo(in.DocNo); m != "" {
				v.errorf(f, at("doc_no"), "interprets.doc_no", sub["doc_no"].label.In(v.lang), m)
			}
		}
	}
}

func isURL(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") }

var (
	docNoRe     = regexp.MustCompile(`^.+〔\d{4}〕[1-9]\d*号$`)
	docNoBadYr  = regexp.MustCompile(`^(.+?)(?:\[|\(|（|【|〔)\s*(\d{4})\s*(?:\]|\)|）|】|〕)(.*)$`)
	docNoSerial = regexp.MustCompile(`^(.+〔\d{4}〕)第?0*(\d+)号$`)
)

// checkDocNo returns a message for a 发文字号 that is not in GB/T 9704's form, naming the common mistake and the
// corrected value when it can.
func (v *validator) checkDocNo(s string) string {
	if docNoRe.MatchString(s) {
		return ""
	}
	fixed := s
	if m := docNoBadYr.FindStringSubmatch(s); m != nil {
		fixed = m[1] + "〔" + m[2] + "〕" + m[3]
	}
	if fixed != s {
		if m := docNoSerial.FindStringSubmatch(fixed); m != nil {
			fixed = m[1] + m[2] + "号"
		}
		return msg.ContentDocnoBracket.F(v.lang, s, fixed)
	}
	if m := docNoSerial.FindStringSubmatch(s); m != nil {
		good := m[1] + m[2] + "号"
		if strings.Contains(strings.TrimPrefix(s, m[1]), "第") {
			return msg.ContentDocnoDi.F(v.lang, s, good)
		}
		if good != s {
			return msg.ContentDocnoZero.F(v.lang, s, good)
		}
	}
	return msg.ContentDocnoForm.F(v.lang, s)
}

func (v *validator) checkIndexNo(d *Document, p frontmatter.Pos) {
	s := d.IndexNo
	if s == "" {
		return
	}
	lbl := fields["index_no"].label.In(v.lang)
	re := v.cfg.IndexPattern
	if re != nil && !re.MatchString(s) {
		v.errorf(d.File, p, "index_no", lbl, msg.ContentIndexPattern.F(v.lang, s, re.String(), v.exampleIndexNo(d)))
		return
	}
	if y := indexYear(s); y != "" && !d.Date.IsZero() {
		if n, _ := strconv.Atoi(y); n != d.Date.Year() {
			v.errorf(d.File, p, "index_no", lbl, msg.ContentIndexYear.F(v.lang, s, y, d.Date.Year()))
		}
	}
}

func (v *validator) exampleIndexNo(d *Document) string {
	prefix := v.cfg.Params.IndexPrefix
	if prefix == "" {
		prefix = "000014349"
	}
	year := 2024
	if !d.Date.IsZero() {
		year = d.Date.Year()
	}
	return fmt.Sprintf("%s/%d-%05d", prefix, year, 1)
}

var indexYearRe = regexp.MustCompile(`[/-](\d{4})-\d+$`)

// indexYear returns the year part of a 索引号, the four digits before the last serial.
func indexYear(s string) string {
	if m := indexYearRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// crossChecks are the rules that need every document: unique 索引号, and links between documents that must
// resolve (文件+解读, replaced_by).
func (v *validator) crossChecks(site *Site) {
	seen := map[string]*Document{}
	for _, d := range site.Documents {
		if d.IndexNo == "" {
			continue
		}
		if first, ok := seen[d.IndexNo]; ok {
			other := fmt.Sprintf("%s:%d", first.File, first.Pos["index_no"].Line)
			v.errorf(d.File, d.Pos["index_no"], "index_no", fields["index_no"].label.In(v.lang), msg.ContentIndexDup.F(v.lang, d.IndexNo, other))
			continue
		}
		seen[d.IndexNo] = d
	}
	var policies []string
	for _, d := range site.Documents {
		if d.Kind == Policies {
			policies = append(policies, d.Name)
		}
	}
	// A withdrawn document keeps its address with its notice: it may still be referred to once its file is gone.
	withdrawn := map[string]bool{}
	for _, w := range site.Withdrawn {
		withdrawn[w.Name] = true
	}
	for _, d := range site.Documents {
		if pol := d.Interprets.Policy; pol != "" && strings.HasPrefix(pol, "policies/") && !site.Unreadable(pol) && !withdrawn[pol] {
			if target := site.ByName(pol); target == nil || target.Kind != Policies {
				hint := ""
				if s := closest(pol, policies); s != "" {
					hint = msg.DidYouMean.F(v.lang, s)
				}
				v.errorf(d.File, d.Pos["interprets.policy"], "interprets.policy", subfields["interprets"]["policy"].label.In(v.lang), msg.ContentPolicyMissing.F(v.lang, pol, hint))
			}
		}
		if r := d.ReplacedBy; r != "" && !isURL(r) && site.ByName(r) == nil && !site.Unreadable(r) && !withdrawn[r] {
			v.errorf(d.File, d.Pos["replaced_by"], "replaced_by", fields["replaced_by"].label.In(v.lang), msg.ContentReplacedMissing.F(v.lang, r))
		}
	}
}

// ParseDate reads a date as written in front matter: a date, or a date and time with or without zone. Times
// without a zone are in loc, the site's time zone, as Hugo reads them with timeZone set.
func ParseDate(raw any, loc *time.Location) (time.Time, error) {
	s, ok := raw.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("not a date: %v", raw)
	}
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fullWidthStart says that raw, text where a list or a table was expected, starts with a full-width bracket (YAML
// reads ［"a"］ and ｛policy: …｝ as text), or "".
func fullWidthStart(lang msg.Lang, raw any) string {
	s, isStr := raw.(string)
	if !isStr {
		return ""
	}
	if rs := []rune(strings.TrimSpace(s)); len(rs) > 0 && frontmatter.ASCIIOf(rs[0]) != 0 {
		return msg.SyntaxFullWidth.F(lang, string(rs[0]), string(frontmatter.ASCIIOf(rs[0])))
	}
	return ""
}

// noSuchDate is a date written as dates are that does not exist (2026-02-30, 2026-13-01 or a time 25:00).
var noSuchDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?`)

// badDate says a date cannot be read, with the date written as it must be when it was written another common way
// (2026/11/25, 2026年11月25日): YAML reads those as text, TOML refuses them as syntax (frontmatter.SyntaxError).
func badDate(lang msg.Lang, raw any) string {
	s := fmt.Sprint(raw)
	if want, ok := frontmatter.SuggestDate(s); ok {
		return msg.ContentBadDateFix.F(lang, s, want)
	}
	if noSuchDate.MatchString(strings.TrimSpace(s)) {
		return msg.SyntaxNoSuchDate.F(lang, strings.TrimSpace(s))
	}
	return msg.ContentBadDate.F(lang, s)
}
