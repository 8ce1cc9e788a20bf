package annualstats

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
)

// JSON is the report's tables as data: the same keys as the data file, in the format's order, so that a consumer
// can read the figures without scraping HTML. page is the report's address, e.g. /reports/2024-zfxxgk/.
func (r *Report) JSON(page string) []byte {
	var b bytes.Buffer
	str := func(s string) {
		q, _ := json.Marshal(s)
		b.Write(q)
	}
	b.WriteString("{\n  \"format\": ")
	str(Format)
	b.WriteString(",\n  \"year\": " + strconv.Itoa(r.Year) + ",\n  \"page\": ")
	str(page)
	table := func(key string, rows []string, cols func(row string) []string) {
		b.WriteString(",\n  ")
		str(key)
		b.WriteString(": {")
		for i, row := range rows {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    ")
			str(row)
			b.WriteString(": {")
			for j, col := range cols(row) {
				if j > 0 {
					b.WriteString(", ")
				}
				str(col)
				b.WriteString(": ")
				b.WriteString(r.value(path(key, row, col)))
			}
			b.WriteString("}")
		}
		b.WriteString("\n  }")
	}
	var rows2 []string
	cols2 := map[string][]string{}
	for _, row := range Table2.Rows {
		rows2 = append(rows2, row.Key)
		for _, c := range row.Columns {
			cols2[row.Key] = append(cols2[row.Key], c.Key)
		}
	}
	table(Table2.Key, rows2, func(row string) []string { return cols2[row] })
	var rows3, cols3 []string
	for _, row := range Table3.Rows {
		rows3 = append(rows3, row.Key)
	}
	for _, c := range Table3Columns {
		cols3 = append(cols3, c.Key)
	}
	table(Table3.Key, rows3, func(string) []string { return cols3 })
	var rows4, cols4 []string
	for _, g := range Table4Groups {
		rows4 = append(rows4, g.Key)
	}
	for _, c := range Table4Columns {
		cols4 = append(cols4, c.Key)
	}
	table(Table4.Key, rows4, func(string) []string { return cols4 })
	b.WriteString("\n}\n")
	return b.Bytes()
}

func (r *Report) value(p string) string {
	if v, ok := r.Counts[p]; ok {
		return strconv.FormatInt(v, 10)
	}
	if v, ok := r.Amounts[p]; ok {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return "null"
}

// CSVHeader is the header of the CSV file: 表格, 项目 (row), 列 (column), 数值 (value), 键 (the data file's key).
var CSVHeader = []string{"表格", "项目", "列", "数值", "键"}

// CSV is the report's tables as one long table, one cell per line, with the format's Chinese table, row and column
// names, so that a spreadsheet can filter and pivot it. It starts with a byte-order mark: spreadsheet programs on
// Chinese Windows read a CSV without one as GBK.
func (r *Report) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(CSVHeader)
	for _, row := range Table2.Rows {
		for _, c := range row.Columns {
			p := path(Table2.Key, row.Key, c.Key)
			w.Write([]string{Table2.Zh, row.Item.Zh + "·" + row.Zh, c.Zh, r.value(p), p})
		}
	}
	for _, row := range Table3.Rows {
		name := row.Zh
		for i := len(row.Group) - 1; i >= 0; i-- {
			name = row.Group[i].Zh + "·" + name
		}
		for _, c := range Table3Columns {
			p := path(Table3.Key, row.Key, c.Key)
			col := c.Zh
			if c.Key != "natural_person" && c.Key != "total" {
				col = legalPersons.Zh + "·" + c.Zh
			}
			w.Write([]string{Table3.Zh, name, col, r.value(p), p})
		}
	}
	for _, g := range Table4Groups {
		name := g.Zh
		if g.Key != "review" {
			name = Litigation.Zh + "·" + g.Zh
		}
		for _, c := range Table4Columns {
			p := path(Table4.Key, g.Key, c.Key)
			w.Write([]string{Table4.Zh, name, c.Zh, r.value(p), p})
		}
	}
	w.Flush()
	return b.Bytes()
}
