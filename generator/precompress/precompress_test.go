package precompress

import (
	"bytes"
	"fmt"
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
	for _, f := range []struct {
		name string
		fn   func([]byte) []byte
	}{{"x.gz", GzipHashes}, {"x.br", BrotliHashes}} {
		if got, err := Decompress(f.name, f.fn(data)); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s (hashes): round trip failed: %v", f.name, err)
		}
	}
}

// A .br must not depend on what the pooled writer compressed before: brotli keeps the match finder it chose for its
// first file, and a file of a megabyte or more gets another one.
func TestBrotliIndependentOfPoolHistory(t *testing.T) {
	small := []byte(strings.Repeat("<li><a href=\"/policies/x/\">关于进一步做好政府信息公开工作的通知</a></li>\n", 40))
	var big bytes.Buffer
	for i := 0; big.Len() < 3<<20; i++ {
		fmt.Fprintf(&big, "<tr><td>%d</td><td>%x</td><td>政府信息公开</td></tr>\n", i, i*7919)
	}
	for _, n := range []int{len(small), 1<<20 - 1, 1 << 20, 3 << 20} {
		in := big.Bytes()[:n]
		if n == len(small) {
			in = small
		}
		newPools()
		want := Brotli(in)
		newPools()
		Brotli(big.Bytes())
		Brotli(big.Bytes()[:1000])
		if got := Brotli(in); !bytes.Equal(got, want) {
			t.Errorf("%d bytes: compressed differently after the pool's writer saw other sizes", n)
		}
		if got, err := Decompress("x.br", want); err != nil || !bytes.Equal(got, in) {
			t.Errorf("%d bytes: round trip failed: %v", n, err)
		}
	}
}
