package frontmatter

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseTOMLPositions(t *testing.T) {
	src := "+++\ntitle = \"标题\"\ndate = 2024-03-01\nkeywords = [\"甲\", \"乙\"]\ninterprets = { policy = \"policies/a\" }\n[[changes]]\ndate = 2024-05-01T09:00:00+08:00\nnote = \"改\"\n+++\n正文\n"
	doc, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	wantPos := map[string]Pos{
		"title":             {2, 1},
		"date":              {3, 1},
		"keywords":          {4, 1},
		"interprets":        {5, 1},
		"interprets.policy": {5, 16},
		"changes[0].date":   {7, 1},
		"changes[0].note":   {8, 1},
	}
	for k, want := range wantPos {
		if got := doc.Pos[k]; got != want {
			t.Errorf("Pos[%q] = %v, want %v", k, got, want)
		}
	}
	if got := doc.Values["date"]; got != "2024-03-01" {
		t.Errorf("date = %#v", got)
	}
	ch := doc.Values["changes"].([]any)[0].(map[string]any)
	if ch["date"] != "2024-05-01T09:00:00+08:00" {
		t.Errorf("changes[0].date = %#v", ch["date"])
	}
	if doc.BodyLine != 10 || string(doc.Body) != "正文\n" {
		t.Errorf("body at %d: %q", doc.BodyLine, doc.Body)
	}
}

func TestParseYAMLPositions(t *testing.T) {
	src := "---\ntitle: 标题\ndate: 2024-03-01\nkeywords:\n  - 甲\ninterprets:\n  policy: policies/a\n---\n正文\n"
	doc, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	wantPos := map[string]Pos{"title": {2, 1}, "date": {3, 1}, "keywords": {4, 1}, "interprets.policy": {7, 3}, "keywords[0]": {5, 5}}
	for k, want := range wantPos {
		if got := doc.Pos[k]; got != want {
			t.Errorf("Pos[%q] = %v, want %v", k, got, want)
		}
	}
	if doc.Values["date"] != "2024-03-01" {
		t.Errorf("date = %#v", doc.Values["date"])
	}
	if !reflect.DeepEqual(doc.Values["keywords"], []any{"甲"}) {
		t.Errorf("keywords = %#v", doc.Values["keywords"])
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      Pos
	}{
		{"toml", "+++\ntitle = \"a\"\ndate = = 2\n+++\n", Pos{3, 8}},
		{"toml after chinese", "+++\ntitle = \"标题\" x\n+++\n", Pos{2, 14}},
		{"yaml", "---\ntitle: a\nkeywords: [甲\n---\n", Pos{3, 1}},
		{"unclosed", "+++\ntitle = \"a\"\n", Pos{1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want SyntaxError", err)
			}
			if se.Pos.Line != tc.want.Line {
				t.Errorf("pos = %v, want line %d (%v)", se.Pos, tc.want.Line, se)
			}
			t.Log(se)
		})
	}
}

func TestNoFrontMatter(t *testing.T) {
	if _, err := Parse([]byte("# 标题\n")); err != ErrNoFrontMatter {
		t.Fatalf("err = %v", err)
	}
}

func TestEncodingError(t *testing.T) {
	_, err := Parse([]byte("+++\ntitle = \"\xff\"\n+++\n"))
	var ee *EncodingError
	if !errors.As(err, &ee) || ee.Pos != (Pos{2, 10}) {
		t.Fatalf("err = %v, want EncodingError at 2:10", err)
	}
}
