// Package annualstats reads, checks and publishes the statistics of a 政府信息公开工作年度报告: tables 二, 三 and 四 of the
// national format (国办公开办函〔2021〕30号), declared in one TOML data file per report.
//
// The tables are inspected line by line by the bodies that supervise disclosure, and a report whose columns do not
// add up is a public error that cannot be taken back once published. The arithmetic every correct report satisfies
// (V1 to V5) is therefore checked before anything is built, and each failure names the data file, the line, the row,
// the column and both sides of the equation, so that an editor can find the wrong figure without a spreadsheet.
package annualstats

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/suggest"
)

// Report is the statistics of one annual report.
type Report struct {
	File string // slash path of the data file relative to the site, e.g. content/reports/2024-zfxxgk/stats.toml
	Year int    // the year reported on, from the report's front matter

	// Counts holds every count by key path ("table3.new.natural_person"); Amounts the amounts of money
	// ("table2.fees.amount"). A cell that is missing or of the wrong type is in neither.
	Counts  map[string]int64
	Amounts map[string]float64
	Pos     map[string]frontmatter.Pos
}

// Complete reports whether every cell of the schema has a valid value, so that the tables can be published.
func (r *Report) Complete() bool {
	for _, p := range Paths() {
		if _, ok := r.Counts[p]; ok {
			continue
		}
		if _, ok := r.Amounts[p]; ok {
			continue
		}
		return false
	}
	return true
}

// Paths lists the key path of every cell in the format's order.
func Paths() []string {
	var out []string
	for _, r := range Table2.Rows {
		for _, c := range r.Columns {
			out = append(out, path(Table2.Key, r.Key, c.Key))
		}
	}
	for _, r := range Table3.Rows {
		for _, c := range Table3Columns {
			out = append(out, path(Table3.Key, r.Key, c.Key))
		}
	}
	for _, g := range Table4Groups {
		for _, c := range Table4Columns {
			out = append(out, path(Table4.Key, g.Key, c.Key))
		}
	}
	return out
}

func path(parts ...string) string { return strings.Join(parts, ".") }

// checker collects the diagnostics of one data file.
type checker struct {
	r     *Report
	lang  msg.Lang
	diags *diag.List
}

// Parse reads one data file and checks it: the keys of the schema, V5 on every cell, then V1 to V4 wherever the
// cells involved are valid. It returns nil when the file does not parse.
func Parse(file string, src []byte, year int, lang msg.Lang, diags *diag.List) *Report {
	doc, err := frontmatter.ParseTOMLFile(src)
	if err != nil {
		why := err.Error()
		p := frontmatter.Pos{Line: 1, Col: 1}
		var se *frontmatter.SyntaxError
		var le *frontmatter.LimitError
		if errors.As(err, &le) {
			diags.Add(diag.Diagnostic{File: file, Line: le.Pos.Line, Col: le.Pos.Col, Message: le.Message(lang)})
			return nil
		}
		if errors.As(err, &se) {
			why, p = se.Message(lang), se.Pos
		}
		diags.Add(diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Message: msg.StatsSyntax.F(lang, why)})
		return nil
	}
	r := &Report{File: file, Year: year, Counts: map[string]int64{}, Amounts: map[string]float64{}, Pos: doc.Pos}
	c := &checker{r: r, lang: lang, diags: diags}
	c.unknownKeys(doc.Values)
	c.cells(doc.Values)
	c.arithmetic()
	return r
}

func (c *checker) at(key string) frontmatter.Pos {
	for k := key; k != ""; {
		if p, ok := c.r.Pos[k]; ok {
			return p
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return frontmatter.Pos{Line: 1, Col: 1}
}

func (c *checker) add(sev diag.Severity, key, label, message string) {
	p := c.at(key)
	c.diags.Add(diag.Diagnostic{File: c.r.File, Line: p.Line, Col: p.Col, Field: key, Label: label, Message: message, Severity: sev})
}

// unknownKeys refuses keys the schema does not have: a misspelt row would otherwise be silently missing.
func (c *checker) unknownKeys(values map[string]any) {
	known := map[string][]string{"": {Table2.Key, Table3.Key, Table4.Key}}
	for _, r := range Table2.Rows {
		known[Table2.Key] = append(known[Table2.Key], r.Key)
		for _, col := range r.Columns {
			known[path(Table2.Key, r.Key)] = append(known[path(Table2.Key, r.Key)], col.Key)
		}
	}
	for _, r := range Table3.Rows {
		known[Table3.Key] = append(known[Table3.Key], r.Key)
		for _, col := range Table3Columns {
			known[path(Table3.Key, r.Key)] = append(known[path(Table3.Key, r.Key)], col.Key)
		}
	}
	for _, g := range Table4Groups {
		known[Table4.Key] = append(known[Table4.Key], g.Key)
		for _, col := range Table4Columns {
			known[path(Table4.Key, g.Key)] = append(known[path(Table4.Key, g.Key)], col.Key)
		}
	}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		cands, isTable := known[prefix]
		if !isTable {
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			full := k
			if prefix != "" {
				full = path(prefix, k)
			}
			if !contains(cands, k) {
				hint := ""
				if s := suggest.Closest(k, cands); s != "" {
					hint = msg.DidYouMean.F(c.lang, s)
				}
				c.add(diag.Error, full, "", msg.UnknownField.In(c.lang)+hint)
				continue
			}
			if sub, ok := m[k].(map[string]any); ok {
				walk(full, sub)
			} else if _, wantTable := known[full]; wantTable {
				c.add(diag.Error, full, c.label(full), msg.StatsNotTable.In(c.lang))
			}
		}
	}
	walk("", values)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cells reads every cell of the schema: missing cells are errors, and V5 (a count is a non-negative integer) is
// checked on each value.
func (c *checker) cells(values map[string]any) {
	amounts := map[string]bool{}
	for _, r := range Table2.Rows {
		if r.Amount {
			for _, col := range r.Columns {
				amounts[path(Table2.Key, r.Key, col.Key)] = true
			}
		}
	}
	missingRows := map[string]bool{}
	for _, p := range Paths() {
		raw, ok := lookup(values, p)
		if !ok {
			if _, isTable := lookupTable(values, parent(p)); isTable {
				c.add(diag.Error, p, c.label(p), msg.StatsMissing.In(c.lang))
			} else if !missingRows[parent(p)] {
				// The whole row is missing: say so once, at the row.
				missingRows[parent(p)] = true
				c.add(diag.Error, parent(p), c.label(parent(p)), msg.StatsMissingRow.In(c.lang))
			}
			continue
		}
		if amounts[p] {
			switch x := raw.(type) {
			case int64:
				if x >= 0 && x <= MaxAmount {
					c.r.Amounts[p] = float64(x)
					continue
				}
			case float64:
				// NaN fails both comparisons; an infinity fails the second.
				if x >= 0 && x <= MaxAmount {
					c.r.Amounts[p] = x
					continue
				}
			}
			c.add(diag.Error, p, c.label(p), msg.StatsV5Amount.F(c.lang, show(raw)))
			continue
		}
		if x, isInt := raw.(int64); isInt && x >= 0 && x <= MaxCount {
			c.r.Counts[p] = x
			continue
		}
		c.add(diag.Error, p, c.label(p), msg.StatsV5.F(c.lang, show(raw)))
	}
}

// Bounds of every figure: far above any government body's year, and low enough that no sum of the tables' cells
// can overflow (the longest equation adds 27 counts: 27 × 10^9 < 2^63), so the arithmetic is exact.
const (
	MaxCount  = 1_000_000_000 // 申请、件数
	MaxAmount = 1_000_000_000 // 万元
)

func show(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

func parent(p string) string { return p[:strings.LastIndexByte(p, '.')] }

func lookup(values map[string]any, p string) (any, bool) {
	parts := strings.Split(p, ".")
	m, ok := lookupTable(values, strings.Join(parts[:len(parts)-1], "."))
	if !ok {
		return nil, false
	}
	v, ok := m[parts[len(parts)-1]]
	return v, ok
}

func lookupTable(values map[string]any, p string) (map[string]any, bool) {
	m := values
	for _, k := range strings.Split(p, ".") {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil, false
		}
		m = next
	}
	return m, true
}

// label names a row, or a row and a column, in the language of the site: "四、结转下年度继续办理 · 自然人".
func (c *checker) label(p string) string { return Describe(p, c.lang) }

// Describe names the row and column of a key path in lang.
func Describe(p string, lang msg.Lang) string {
	parts := strings.Split(p, ".")
	if len(parts) < 2 {
		return ""
	}
	var row, col string
	switch parts[0] {
	case Table2.Key:
		for _, r := range Table2.Rows {
			if r.Key == parts[1] {
				row = r.Item.Name(lang) + " " + r.Name(lang)
				if len(parts) > 2 {
					for _, x := range r.Columns {
						if x.Key == parts[2] {
							col = x.Name(lang)
						}
					}
				}
			}
		}
	case Table3.Key:
		for _, r := range Table3.Rows {
			if r.Key == parts[1] {
				row = r.Name(lang)
				if len(r.Group) > 1 {
					row = r.Group[1].Name(lang) + " " + row
				}
			}
		}
		if len(parts) > 2 {
			for _, x := range Table3Columns {
				if x.Key == parts[2] {
					col = x.Name(lang)
				}
			}
		}
	case Table4.Key:
		for _, g := range Table4Groups {
			if g.Key == parts[1] {
				row = g.Name(lang)
			}
		}
		if len(parts) > 2 {
			for _, x := range Table4Columns {
				if x.Key == parts[2] {
					col = x.Name(lang)
				}
			}
		}
	}
	if col == "" {
		return row
	}
	return row + " · " + col
}
