package annualstats

import (
	"math"
	"testing"

	"gongkai/generator/diag"
)

// FuzzParse feeds statistics files to Parse: it must never panic, every diagnostic must name the file and a line,
// and a report it accepts without errors holds only figures within the bounds. `make test` runs it briefly; the
// seeds run with every `go test`.
func FuzzParse(f *testing.F) {
	f.Add([]byte(complete(nil)))
	f.Add([]byte(complete(map[string]string{"table3.new.natural_person": "9223372036854775807", "table2.fees.amount": "inf"})))
	f.Add([]byte(complete(map[string]string{"table4.review.upheld": "1", "table2.fees.amount": "1.25"})))
	f.Add([]byte("[table2]\nrules = { issued = -1 }\n"))
	f.Add([]byte("[table3.new]\nnatural_person = [[[[1]]]]\n"))
	f.Add([]byte("x = \"\xff\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		r := Parse("s.toml", src, 2023, "zh", &l)
		for _, d := range l.Sorted() {
			if d.File != "s.toml" || d.Line < 1 {
				t.Fatalf("diagnostic without file:line: %s", d)
			}
		}
		if r == nil || l.Errors() > 0 {
			return
		}
		for p, n := range r.Counts {
			if n < 0 || n > MaxCount {
				t.Fatalf("%s = %d accepted", p, n)
			}
		}
		for p, x := range r.Amounts {
			if math.IsNaN(x) || x < 0 || x > MaxAmount {
				t.Fatalf("%s = %v accepted", p, x)
			}
		}
	})
}
