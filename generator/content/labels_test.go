package content

import (
	"testing"

	"gongkai/generator/msg"
)

// Every key of the content format, of its nested tables and of the column declaration is named in every language
// gongkai speaks: a diagnostic's label is never empty.
func TestLabelsInEveryLanguage(t *testing.T) {
	check := func(where string, f field) {
		for _, l := range msg.Langs {
			if f.label.In(l) == "" {
				t.Errorf("%s has no label in %s", where, l)
			}
		}
	}
	for k, f := range fields {
		check(k, f)
	}
	for table, sub := range subfields {
		for k, f := range sub {
			check(table+"."+k, f)
		}
	}
	for k, f := range columnFields {
		check("column."+k, f)
	}
	if len(fields) < 20 || len(columnFields) < 10 {
		t.Fatalf("only %d fields and %d column fields: the tables were not read", len(fields), len(columnFields))
	}
}
