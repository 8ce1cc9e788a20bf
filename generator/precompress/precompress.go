// Package precompress compresses the output's text files to the .gz and .br forms that nginx's gzip_static and
// brotli_static serve without compressing on each request. It only turns bytes into bytes: pipeline writes the
// forms beside each file, and only when smaller than the original (serving a larger one would cost the client more).
// It is the only package that imports a compressor (klauspost/compress for gzip, andybalholm/brotli).
//
// The compressed bytes must be reproducible: the gzip header carries no name and a zero time, brotli has no header
// to vary, and the levels and windows depend on the data only.
package precompress

import (
	"bytes"
	stdgzip "compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// Levels: a nightly rebuild of 10,000 documents must stay close to Hugo's own time, so the levels are the best that
// keep compression from dominating the build (measured in docs/performance.md). klauspost's gzip at 6
// is about a third of the standard library's CPU for 1% more bytes. Brotli 5 searches half as many candidates as 6
// for 0.2% more bytes; below 5 this encoder drops context modelling and comes out barely smaller than gzip on
// these pages (level 4: +14%), and so do the matchfinder encoders (NewWriterV2). gzip 9 and brotli 11 gain a few
// percent at several times the cost.
const (
	GzipLevel   = 6
	BrotliLevel = 5
	// HashLevel is for data made of hexadecimal hashes (the integrity manifest): there the fastest levels find
	// all there is to find, and brotli 1 even comes out smaller than 6, at a tenth of its time.
	HashLevel = 1
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
//
// A brotli writer picks its match finder on its first file, from that file's size, and keeps it through Reset: one
// pooled writer that first met a file of a megabyte or more compressed every later small file differently, so the
// bytes of a .br depended on which worker took which file. Each pool therefore holds writers for one window size
// only, and the window follows the size of the data (the smallest that holds it, at most 2^22), so that the writer,
// and the bytes, depend on the data alone.
const (
	minWindow = 10
	maxWindow = 22
)

var (
	gzipPools   map[int]*sync.Pool
	brotliPools [maxWindow + 1]sync.Pool
	brotliHash  sync.Pool
)

func init() { newPools() }

func newPools() {
	gzipPools = map[int]*sync.Pool{}
	for _, level := range []int{GzipLevel, HashLevel} {
		gzipPools[level] = &sync.Pool{New: func() any {
			w, _ := gzip.NewWriterLevel(io.Discard, level)
			return w
		}}
	}
	brotliPools = [maxWindow + 1]sync.Pool{}
	for lg := minWindow; lg <= maxWindow; lg++ {
		brotliPools[lg].New = func() any {
			return brotli.NewWriterOptions(io.Discard, brotli.WriterOptions{Quality: BrotliLevel, LGWin: lg})
		}
	}
	brotliHash = sync.Pool{}
	brotliHash.New = func() any {
		return brotli.NewWriterOptions(io.Discard, brotli.WriterOptions{Quality: HashLevel, LGWin: maxWindow})
	}
}

// window is the base-2 logarithm of the window brotli gets for n bytes: 2^window > n, so no match is lost to a
// window smaller than the file. Files of 2^20 bytes and more (where brotli changes its match finder) and smaller
// ones never share a window size.
func window(n int) int {
	lg := minWindow
	for lg < maxWindow && 1<<lg <= n {
		lg++
	}
	return lg
}

// Gzip compresses data reproducibly.
func Gzip(data []byte) []byte {
	return gzipLevel(data, GzipLevel)
}

// GzipHashes compresses data made of hashes (see HashLevel) reproducibly.
func GzipHashes(data []byte) []byte {
	return gzipLevel(data, HashLevel)
}

func gzipLevel(data []byte, level int) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/3 + 64)
	pool := gzipPools[level]
	w := pool.Get().(*gzip.Writer)
	// Reset leaves the zero Header: no name, no comment, ModTime zero, so the bytes depend on data only.
	w.Reset(&b)
	w.Write(data)
	w.Close()
	pool.Put(w)
	return b.Bytes()
}

// Brotli compresses data reproducibly.
func Brotli(data []byte) []byte {
	return brotliWith(data, &brotliPools[window(len(data))])
}

// BrotliHashes compresses data made of hashes (see HashLevel) reproducibly.
func BrotliHashes(data []byte) []byte {
	return brotliWith(data, &brotliHash)
}

func brotliWith(data []byte, pool *sync.Pool) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/4 + 64)
	w := pool.Get().(*brotli.Writer)
	w.Reset(&b)
	// One Write: brotli takes the whole length as its size hint, which chooses the match finder.
	w.Write(data)
	w.Close()
	pool.Put(w)
	return b.Bytes()
}

// Decompress returns the original of a .gz or .br file's bytes, for verification. Gzip is read with the standard
// library, not the package that wrote it, so that the check does not share the encoder's code.
func Decompress(name string, data []byte) ([]byte, error) {
	switch {
	case strings.HasSuffix(name, ".gz"):
		r, err := stdgzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	case strings.HasSuffix(name, ".br"):
		return io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	}
	return nil, fmt.Errorf("%s: not a .gz or .br file", name)
}
