package precompress

import (
	"bytes"
	"strings"
	"testing"
)

func TestRoundTripAndReproducible(t *testing.T) {
	data := []byte(strings.Repeat("<p>中华人民共和国政府信息公开条例</p>\n", 200))
	for _, f := range []struct {
		name string
		fn   func([]byte) []byte
	}{{"x.gz", Gzip}, {"x.br", Brotli}} {
		a, b := f.fn(data), f.fn(data)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two compressions differ", f.name)
		}
		if len(a) >= len(data)/4 {
			t.Errorf("%s: %d bytes from %d", f.name, len(a), len(data))
		}
		got, err := Decompress(f.name, a)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: round trip failed: %v", f.name, err)
		}
	}
	// Pooled writers must not carry state from one file to the next.
	small := []byte("abc")
	Brotli(data)
	if got, _ := Decompress("x.br", Brotli(small)); string(got) != "abc" {
		t.Errorf("pooled brotli writer: %q", got)
	}
	// A fixed gzip header: no name, zero time (bytes 4-7), so the file does not depend on when it was made.
	gz := Gzip(data)
	if !bytes.Equal(gz[3:8], []byte{0, 0, 0, 0, 0}) {
		t.Errorf("gzip header has flags or a time: % x", gz[:10])
	}
}
