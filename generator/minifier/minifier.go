// Package minifier minifies the site's output once, after Hugo rendered it and static/ was copied, so that HTML,
// XML and JSON from templates and CSS, JS and SVG from static/ all pass through the same minifier exactly once.
// It is the only package that imports tdewolff/minify. The options are Hugo's defaults, so the output is the same
// as `hugo --minify` would give for rendered files.
package minifier

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier is safe for concurrent use.
type Minifier struct{ m *minify.M }

// New returns a minifier with Hugo's default settings.
func New() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepSpecialComments: true, KeepEndTags: true, KeepDefaultAttrVals: true})
	m.Add("text/css", &css.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), &js.Minifier{Version: 2022})
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{KeepNamespaces: []string{"", "x-bind"}})
	m.AddRegexp(regexp.MustCompile(`[/+]xml$`), &xml.Minifier{})
	return &Minifier{m: m}
}

var types = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".mjs": "application/javascript",
	".json": "application/json", ".svg": "image/svg+xml", ".xml": "text/xml", ".webmanifest": "application/json",
}

// Minifiable reports whether the file name has a type this package minifies.
func Minifiable(name string) bool {
	_, ok := types[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Bytes minifies data of the file type of name.
func (m *Minifier) Bytes(name string, data []byte) ([]byte, error) {
	mt, ok := types[strings.ToLower(filepath.Ext(name))]
	if !ok {
		return data, nil
	}
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out.Bytes(), nil
}
