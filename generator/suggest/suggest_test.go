package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"title", "date", "index_no", "doc_no", "topic", "keywords", "publisher"}
	for _, tc := range []struct{ in, want string }{
		{"titel", "title"},
		{"index_on", "index_no"},
		{"indexno", "index_no"},
		{"keyword", "keywords"},
		{"colour", ""},
		{"Date", "date"},
	} {
		if got := Closest(tc.in, keys); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
