package annualstats

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"gongkai/generator/diag"
	"gongkai/generator/msg"
)

// complete returns a data file with every cell, written as standard tables, all zero but for the figures given.
func complete(figures map[string]string) string {
	var b strings.Builder
	last := ""
	for _, p := range Paths() {
		i := strings.LastIndexByte(p, '.')
		if p[:i] != last {
			last = p[:i]
			b.WriteString("[" + last + "]\n")
		}
		v := "0"
		if f, ok := figures[p]; ok {
			v = f
		}
		b.WriteString(p[i+1:] + " = " + v + "\n")
	}
	return b.String()
}

func check(src string, lang msg.Lang) string {
	var l diag.List
	Parse("s.toml", []byte(src), 2023, lang, &l)
	var b bytes.Buffer
	l.Print(&b)
	return b.String()
}

func TestStandardTablesAndEnglish(t *testing.T) {
	if got := check(complete(nil), "zh"); got != "" {
		t.Fatalf("an all-zero file has diagnostics:\n%s", got)
	}
	src := complete(map[string]string{"table4.review.upheld": "1"})
	// upheld is the first key under [table4.review], total the fifth.
	line := strings.Count(src[:strings.Index(src, "[table4.review]")], "\n") + 2
	want := "s.toml:" + strconv.Itoa(line+4) + ":1: table4.review.total (administrative review · total): V4 fails (administrative review): total = 0, but upheld + corrected + other outcome + pending = 1 + 0 + 0 + 0 = 1\n"
	if got := check(src, "en"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestOutputs(t *testing.T) {
	var l diag.List
	r := Parse("s.toml", []byte(complete(map[string]string{"table2.fees.amount": "1.25"})), 2023, "zh", &l)
	if !r.Complete() || l.Len() != 0 {
		t.Fatal("not complete")
	}
	if j := string(r.JSON("/r/")); !strings.Contains(j, `"fees": {"amount": 1.25}`) {
		t.Errorf("JSON:\n%s", j)
	}
	if c := string(r.CSV()); !strings.Contains(c, "二、主动公开政府信息情况,第二十条第（八）项·行政事业性收费,本年收费金额（单位：万元）,1.25,table2.fees.amount\r\n") {
		t.Errorf("CSV:\n%s", c)
	}
}
