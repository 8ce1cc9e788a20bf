package siteconfig

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// typeErrors says, at each key's line, every value of config.toml whose type is not the one its setting takes
// (`allow_raw_html = "yes"`, `title = 5`, `home_days = "14"`), in the language the file declares, before the TOML
// decoder would stop at the first with an English sentence of Go type names. It walks the Config struct by its toml
// tags, so a new setting is checked without a line here.
func typeErrors(t reflect.Type, doc *frontmatter.Doc, lang msg.Lang, diags *diag.List) bool {
	found := false
	var walk func(t reflect.Type, values map[string]any, prefix string)
	walk = func(t reflect.Type, values map[string]any, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type, values, prefix)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if name == "" || name == "-" {
				continue
			}
			v, ok := values[name]
			if !ok {
				continue
			}
			path := prefix + name
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				if m, isTable := v.(map[string]any); isTable {
					walk(ft, m, path+".")
					continue
				}
			}
			if want := wantType(ft); want != nil && !fits(ft, v) {
				p := doc.ValuePos[path]
				if p.Line == 0 {
					p = doc.Pos[path]
				}
				diags.Addf(FileName, p.Line, p.Col, path, "", "%s", msg.ConfigType.F(lang, want.In(lang), describe(v, lang)))
				found = true
			}
		}
	}
	walk(t, doc.Values, "")
	return found
}

// wantType names what a setting of type t takes, nil for a type this does not check (Hugo's own settings).
func wantType(t reflect.Type) *msg.Text {
	switch t.Kind() {
	case reflect.String:
		return &msg.ConfigTypeText
	case reflect.Bool:
		return &msg.ConfigTypeBool
	case reflect.Int, reflect.Int64:
		return &msg.ConfigTypeInt
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return &msg.ConfigTypeList
		}
	case reflect.Struct:
		return &msg.ConfigTypeTable
	}
	return nil
}

// fits reports whether a parsed value decodes into a setting of type t.
func fits(t reflect.Type, v any) bool {
	switch t.Kind() {
	case reflect.String:
		_, ok := v.(string)
		return ok
	case reflect.Bool:
		_, ok := v.(bool)
		return ok
	case reflect.Int, reflect.Int64:
		_, ok := v.(int64)
		return ok
	case reflect.Slice:
		l, ok := v.([]any)
		for _, e := range l {
			if _, isString := e.(string); !isString {
				return false
			}
		}
		return ok
	case reflect.Struct:
		_, ok := v.(map[string]any)
		return ok
	}
	return true
}

// describe says what was written instead.
func describe(v any, lang msg.Lang) string {
	switch x := v.(type) {
	case string:
		return msg.ConfigTypeGotText.F(lang, x)
	case bool:
		return msg.ConfigTypeGotBool.F(lang, x)
	case int64:
		return msg.ConfigTypeGotInt.F(lang, x)
	case float64:
		return msg.ConfigTypeGotFloat.F(lang, x)
	case []any:
		return msg.ConfigTypeGotList.In(lang)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return msg.ConfigTypeGotTable.F(lang, strings.Join(keys, ", "))
	}
	return fmt.Sprint(v)
}
