package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// An edit of a document's text renders its page alone only while no other layout shows the text: a list that
// shows .Summary itself, or any .Content or .Plain outside the document's page, makes the text part of what lists
// show.
func TestBodyElsewhere(t *testing.T) {
	for _, c := range []struct {
		layout string
		want   bool
	}{
		{`{{ .Params.summary | default (.Summary | plainify) }}`, false},
		{`{{ .Params.summary | default .Summary }}`, false},
		{`{{/* .Summary is HTML */}}{{ .Title }}`, false},
		{`{{ .File.ContentBaseName }}`, false},
		{`{{ .Summary }}`, true},
		{`{{ range .Pages }}{{ .Content }}{{ end }}`, true},
		{`{{ .Plain | truncate 50 }}`, true},
		{`{{ .ReadingTime }}`, true},
	} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "layouts", "_partials"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "layouts", "page.html"), []byte(`{{ .Content }}{{ .Summary }}`), 0o644)
		os.WriteFile(filepath.Join(dir, "layouts", "_partials", "item.html"), []byte(c.layout), 0o644)
		if got := bodyElsewhere(dir); got != c.want {
			t.Errorf("%s: body shown elsewhere %v, want %v", c.layout, got, c.want)
		}
	}
}
