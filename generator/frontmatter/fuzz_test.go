package frontmatter

import (
	"errors"
	"testing"
)

// FuzzParse feeds front matter in TOML and YAML to Parse: it must never panic, and must either refuse the input
// with one of its errors or return values of the promised types within the bounds. `make test` runs it briefly;
// the seeds run with every `go test`.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"标题\"\ndate = 2024-03-01\nkeywords = [\"甲\", \"乙\"]\ninterprets = { policy = \"policies/a\" }\n[[changes]]\ndate = 2024-05-01\nnote = \"改\"\n+++\n正文\n",
		"---\ntitle: 标题\ndate: 2024-03-01\nkeywords: [甲, 乙]\nchanges:\n  - date: 2024-05-01\n    note: 改\n---\n正文\n",
		"---\na: &a [x]\nb: *a\n---\n",
		"---\nk: [[[[[[[[[[x]]]]]]]]]]\n---\n",
		"+++\na.b.c.d.e.f.g.h.i = 1\n+++\n",
		"+++\nx = 1e999\ny = nan\n+++\n",
		"---\n- - - - x\n---\n",
		"---\n? a\n: b\n---\n",
		"+++\n\"a.b\" = { c = [ { d = 1 } ] }\n+++\n",
		"\ufeff---\ntitle: \"\\u0008\"\n---\n",
		"+++\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse(src)
		if err != nil {
			var se *SyntaxError
			var ee *EncodingError
			var le *LimitError
			if !errors.As(err, &se) && !errors.As(err, &ee) && !errors.As(err, &le) && !errors.Is(err, ErrNoFrontMatter) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		for k, v := range doc.Values {
			if tooDeep(v, 0) {
				t.Fatalf("%s nested deeper than %d levels was accepted", k, MaxDepth)
			}
			checkTypes(t, k, v)
		}
		if doc.BodyLine < 2 {
			t.Fatalf("body line %d", doc.BodyLine)
		}
	})
}

func checkTypes(t *testing.T, path string, v any) {
	switch x := v.(type) {
	case string, bool, int64, float64, nil:
	case []any:
		for _, e := range x {
			checkTypes(t, path+"[]", e)
		}
	case map[string]any:
		for k, e := range x {
			checkTypes(t, path+"."+k, e)
		}
	default:
		t.Fatalf("%s: value of type %T", path, v)
	}
}
