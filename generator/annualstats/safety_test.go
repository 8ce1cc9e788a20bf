package annualstats

import (
	"strconv"
	"strings"
	"testing"
)

// lineOf is the line of key under [table] in src.
func lineOf(src, table, key string) int {
	i := strings.Index(src, "["+table+"]\n")
	j := i + strings.Index(src[i:], "\n"+key+" = ")
	return strings.Count(src[:j+1], "\n") + 1
}

// Issue 14 item 8: figures near 2^63 would wrap the V1-V5 sums, and inf or nan passed validation and failed in the
// minifier with no file:line. Every figure is bounded, each refusal named at its line, and no equation is checked
// on a value that was refused (so no sum is computed that could overflow).
func TestStatsFiguresBounded(t *testing.T) {
	src := complete(map[string]string{
		"table3.new.natural_person":          "9223372036854775807",
		"table3.carried_over.natural_person": "9223372036854775807",
		"table3.granted.natural_person":      "1000000001",
		"table2.fees.amount":                 "inf",
		"table2.rules.issued":                "nan",
	})
	got := check(src, "zh")
	for _, want := range []string{
		"s.toml:" + strconv.Itoa(lineOf(src, "table3.new", "natural_person")) + ":1: table3.new.natural_person (一、本年新收政府信息公开申请数量 · 自然人): V5 不成立:应为 0 到 1000000000 之间的整数,而不是 9223372036854775807\n",
		"s.toml:" + strconv.Itoa(lineOf(src, "table3.carried_over", "natural_person")) + ":1: table3.carried_over.natural_person",
		"s.toml:" + strconv.Itoa(lineOf(src, "table3.granted", "natural_person")) + ":1: table3.granted.natural_person",
		"s.toml:" + strconv.Itoa(lineOf(src, "table2.fees", "amount")) + ":1: table2.fees.amount (第二十条第（八）项 行政事业性收费 · 本年收费金额（单位：万元）): V5 不成立:应为 0 到 1000000000 之间的金额(单位:万元),而不是 +Inf\n",
		"s.toml:" + strconv.Itoa(lineOf(src, "table2.rules", "issued")) + ":1: table2.rules.issued",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "-9223372036854775") || strings.Contains(got, "18446744073709551") {
		t.Errorf("a sum wrapped:\n%s", got)
	}
	// The largest figures accepted add up exactly.
	max := complete(map[string]string{"table2.fees.amount": "1000000000", "table3.new.natural_person": "1000000000",
		"table3.new.total": "1000000000", "table3.granted.natural_person": "1000000000", "table3.granted.total": "1000000000",
		"table3.total.natural_person": "1000000000", "table3.total.total": "1000000000"})
	if got := check(max, "zh"); got != "" {
		t.Errorf("the largest figures are refused:\n%s", got)
	}
}
