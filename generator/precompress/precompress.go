// Package precompress writes .gz and .br files beside every text file of the output, so that nginx's gzip_static
// and brotli_static serve them without compressing on each request.
//
// The compressed files must be reproducible: the gzip header carries no name and a zero time, brotli has no header
// to vary, and the levels are fixed. A compressed file that is not smaller than its original is not written, since
// serving it would cost the client more than the original.
package precompress

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Levels: a nightly rebuild of 10,000 documents must stay close to Hugo's own time, so the levels are the best that
// keep compression from dominating the build (measured in the README's Performance section); gzip 9 and brotli 11
// gain a few percent more at several times the cost.
const (
	GzipLevel   = 6
	BrotliLevel = 6
)

var textExt = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".xml": true, ".svg": true,
	".txt": true, ".csv": true, ".webmanifest": true, ".sha256": true,
}

// Compressible reports whether a file of this name is text worth precompressing.
func Compressible(name string) bool {
	return textExt[strings.ToLower(filepath.Ext(name))]
}

// Writers are pooled: a brotli writer allocates megabytes of tables, and allocating them for each of tens of
// thousands of small files cost more than compressing them.
var (
	gzipPool = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, GzipLevel)
		return w
	}}
	brotliPool = sync.Pool{New: func() any { return brotli.NewWriterLevel(io.Discard, BrotliLevel) }}
)

// Gzip compresses data reproducibly.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	w := gzipPool.Get().(*gzip.Writer)
	// Reset leaves the zero Header: no name, no comment, ModTime zero, so the bytes depend on data only.
	w.Reset(&b)
	w.Write(data)
	w.Close()
	gzipPool.Put(w)
	return b.Bytes()
}

// Brotli compresses data.
func Brotli(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/4 + 64)
	w := brotliPool.Get().(*brotli.Writer)
	w.Reset(&b)
	w.Write(data)
	w.Close()
	brotliPool.Put(w)
	return b.Bytes()
}

// Previous finds the compressed forms of a file in the previous release, so that unchanged files are not
// compressed again. It returns ok=false when the previous release has no identical original.
type Previous func(rel string, data []byte) (gz, br []byte, ok bool)

// Decompress returns the original of a .gz or .br file's bytes, for verification.
func Decompress(name string, data []byte) ([]byte, error) {
	switch {
	case strings.HasSuffix(name, ".gz"):
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	case strings.HasSuffix(name, ".br"):
		return io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	}
	return nil, fmt.Errorf("%s: not a .gz or .br file", name)
}
