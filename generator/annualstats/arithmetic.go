package annualstats

import (
	"strconv"
	"strings"

	"gongkai/generator/diag"
	"gongkai/generator/msg"
)

// Each failed equation is reported at the cell the equation defines (V1: 四、结转下年度继续办理, the balancing
// figure; V2: （七）总计; V3: the 总计 column; V4: the group's 总计), so that the line shown is the line most likely
// to be corrected, and the message gives every figure involved.

// term is one side's figure with its name.
type term struct {
	name  string
	value int64
}

func sum(ts []term) int64 {
	var n int64
	for _, t := range ts {
		n += t.value
	}
	return n
}

// side prints "a + b = 1 + 2 = 3" (or "a = 3" for one term).
func side(ts []term) string {
	names := make([]string, len(ts))
	values := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.name
		values[i] = strconv.FormatInt(t.value, 10)
	}
	if len(ts) == 1 {
		return names[0] + " = " + values[0]
	}
	return strings.Join(names, " + ") + " = " + strings.Join(values, " + ") + " = " + strconv.FormatInt(sum(ts), 10)
}

// cell returns a count and whether it is valid; rules skip equations with an invalid cell (already reported).
func (c *checker) cell(parts ...string) (int64, bool) {
	v, ok := c.r.Counts[path(parts...)]
	return v, ok
}

func (c *checker) arithmetic() {
	t3 := Table3.Key
	for _, col := range Table3Columns {
		// V1: 一 + 二 = 三（七） + 四.
		newN, ok1 := c.cell(t3, "new", col.Key)
		over, ok2 := c.cell(t3, "carried_over", col.Key)
		total, ok3 := c.cell(t3, "total", col.Key)
		fwd, ok4 := c.cell(t3, "carried_forward", col.Key)
		if ok1 && ok2 && ok3 && ok4 && newN+over != total+fwd {
			left := []term{{c.rowName("new"), newN}, {c.rowName("carried_over"), over}}
			right := []term{{c.rowName("total"), total}, {c.rowName("carried_forward"), fwd}}
			c.equation("V1", col.Name(c.lang), path(t3, "carried_forward", col.Key), left, right)
		}

		// V2: （七） = （一） + （二） + the rows of （三） to （六）.
		var parts []term
		valid := ok3
		for _, g := range sumGroups {
			t := term{name: g.Name(c.lang)}
			for _, r := range Table3.Rows {
				if r.Sum && sumGroupOf(r) == g.Key {
					v, ok := c.cell(t3, r.Key, col.Key)
					valid = valid && ok
					t.value += v
				}
			}
			parts = append(parts, t)
		}
		if valid && sum(parts) != total {
			c.equation("V2", col.Name(c.lang), path(t3, "total", col.Key), []term{{c.rowName("total"), total}}, parts)
		}
	}

	// V3: 总计 = the six columns before it, in every row of table 三.
	last := Table3Columns[len(Table3Columns)-1]
	for _, r := range Table3.Rows {
		total, valid := c.cell(t3, r.Key, last.Key)
		var parts []term
		for _, col := range Table3Columns[:len(Table3Columns)-1] {
			v, ok := c.cell(t3, r.Key, col.Key)
			valid = valid && ok
			parts = append(parts, term{col.Name(c.lang), v})
		}
		if valid && sum(parts) != total {
			c.equation("V3", Describe(path(t3, r.Key), c.lang), path(t3, r.Key, last.Key), []term{{last.Name(c.lang), total}}, parts)
		}
	}

	// V4: 维持 + 纠正 + 其他 + 尚未审结 = 总计, in each group of table 四.
	t4last := Table4Columns[len(Table4Columns)-1]
	for _, g := range Table4Groups {
		total, valid := c.cell(Table4.Key, g.Key, t4last.Key)
		var parts []term
		for _, col := range Table4Columns[:len(Table4Columns)-1] {
			v, ok := c.cell(Table4.Key, g.Key, col.Key)
			valid = valid && ok
			parts = append(parts, term{col.Name(c.lang), v})
		}
		if valid && sum(parts) != total {
			c.equation("V4", g.Name(c.lang), path(Table4.Key, g.Key, t4last.Key), []term{{t4last.Name(c.lang), total}}, parts)
		}
	}
}

func (c *checker) rowName(key string) string {
	for _, r := range Table3.Rows {
		if r.Key == key {
			return r.Name(c.lang)
		}
	}
	return key
}

func (c *checker) equation(rule, where, at string, left, right []term) {
	c.add(diag.Error, at, c.label(at), msg.StatsEquation.F(c.lang, rule, where, side(left), side(right)))
}

// CompareYears warns where a report's figures do not follow from the previous year's report: 上年结转 should equal
// last year's 结转下年度继续办理, and 现行有效件数 should be last year's plus 制发 minus 废止. These are warnings only:
// a correction of last year's figures is legitimate, but it should be a decision, not an accident.
func CompareYears(reports []*Report, lang msg.Lang, diags *diag.List) {
	byYear := map[int]*Report{}
	for _, r := range reports {
		if r != nil && r.Year != 0 && byYear[r.Year] == nil {
			byYear[r.Year] = r
		}
	}
	for _, r := range reports {
		if r == nil {
			continue
		}
		prev := byYear[r.Year-1]
		if prev == nil || prev == r {
			continue
		}
		c := &checker{r: r, lang: lang, diags: diags}
		for _, col := range Table3Columns {
			over, ok1 := r.Counts[path(Table3.Key, "carried_over", col.Key)]
			fwdKey := path(Table3.Key, "carried_forward", col.Key)
			fwd, ok2 := prev.Counts[fwdKey]
			if ok1 && ok2 && over != fwd {
				at := path(Table3.Key, "carried_over", col.Key)
				c.add(diag.Warning, at, c.label(at), msg.StatsCarryOver.F(lang,
					over, prev.Year, prev.File, prev.Pos[fwdKey].Line, c.rowName("carried_forward"), fwd))
			}
		}
		for _, row := range Table2.Rows {
			base := path(Table2.Key, row.Key)
			now, ok1 := r.Counts[path(base, "in_force")]
			before, ok2 := prev.Counts[path(base, "in_force")]
			issued, ok3 := r.Counts[path(base, "issued")]
			repealed, ok4 := r.Counts[path(base, "repealed")]
			if ok1 && ok2 && ok3 && ok4 && now != before+issued-repealed {
				at := path(base, "in_force")
				c.add(diag.Warning, at, c.label(at), msg.StatsInForce.F(lang,
					now, prev.Year, before, issued, repealed, before+issued-repealed))
			}
		}
	}
}
