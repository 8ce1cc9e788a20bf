package siteconfig

import (
	"reflect"
	"strings"
)

type field struct {
	name string
	sub  any // the zero value of a nested table's struct, or nil
}

// tomlFields lists the TOML keys of a struct, following embedded structs, so that the set of known keys is the
// struct itself and cannot drift from it.
func tomlFields(v any) []field {
	t := reflect.TypeOf(v)
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, tomlFields(reflect.New(f.Type).Elem().Interface())...)
			continue
		}
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if tag == "-" || !f.IsExported() {
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		var sub any
		if f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == t.PkgPath() {
			sub = reflect.New(f.Type).Elem().Interface()
		}
		out = append(out, field{tag, sub})
	}
	return out
}
