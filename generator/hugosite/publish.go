package hugosite

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// publishFs is the folder Hugo publishes into when Options.Publish is set: a file Hugo creates is kept in memory
// until Hugo closes it, then offered to Publish, and written only if Publish wants it. Everything else (reading,
// making folders, removing) goes to the disk as before.
type publishFs struct {
	afero.Fs
	root    string
	publish func(rel string, data []byte) bool
}

func (p *publishFs) Create(name string) (afero.File, error) {
	rel, err := filepath.Rel(p.root, name)
	if err != nil || !filepath.IsLocal(rel) {
		return p.Fs.Create(name) // not under the publish folder: not one of the site's files
	}
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	return &publishFile{fs: p, name: name, rel: filepath.ToSlash(rel), buf: buf}, nil
}

func (p *publishFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 && flag&os.O_TRUNC != 0 && flag&os.O_APPEND == 0 {
		return p.Create(name)
	}
	return p.Fs.OpenFile(name, flag, perm)
}

// publishFile collects what Hugo writes; Close decides.
type publishFile struct {
	fs     *publishFs
	name   string
	rel    string
	buf    *bytes.Buffer
	closed bool
}

// Buffers are reused: growing a new one for each of ten thousand pages was a third of a gigabyte of garbage while
// Hugo's own heap is at its largest.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var errWriteOnly = errors.New("hugosite: a file being published can only be written")

func (f *publishFile) Write(b []byte) (int, error)        { return f.buf.Write(b) }
func (f *publishFile) WriteString(s string) (int, error)  { return f.buf.WriteString(s) }
func (f *publishFile) Name() string                       { return f.name }
func (f *publishFile) Sync() error                        { return nil }
func (f *publishFile) Read([]byte) (int, error)           { return 0, errWriteOnly }
func (f *publishFile) ReadAt([]byte, int64) (int, error)  { return 0, errWriteOnly }
func (f *publishFile) Seek(int64, int) (int64, error)     { return 0, errWriteOnly }
func (f *publishFile) WriteAt([]byte, int64) (int, error) { return 0, errWriteOnly }
func (f *publishFile) Readdir(int) ([]os.FileInfo, error) { return nil, errWriteOnly }
func (f *publishFile) Readdirnames(int) ([]string, error) { return nil, errWriteOnly }
func (f *publishFile) Stat() (os.FileInfo, error)         { return publishInfo{f}, nil }

func (f *publishFile) Truncate(n int64) error {
	if n < 0 || n > int64(f.buf.Len()) {
		return errWriteOnly
	}
	f.buf.Truncate(int(n))
	return nil
}

func (f *publishFile) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	defer buffers.Put(f.buf)
	data := f.buf.Bytes()
	if !f.fs.publish(f.rel, data) {
		return nil
	}
	if err := f.fs.Fs.MkdirAll(filepath.Dir(f.name), 0o777); err != nil {
		return err
	}
	return afero.WriteFile(f.fs.Fs, f.name, data, 0o666)
}

// publishInfo describes a file still being written.
type publishInfo struct{ f *publishFile }

func (i publishInfo) Name() string       { return filepath.Base(i.f.name) }
func (i publishInfo) Size() int64        { return int64(i.f.buf.Len()) }
func (i publishInfo) Mode() os.FileMode  { return 0o666 }
func (i publishInfo) ModTime() time.Time { return time.Time{} }
func (i publishInfo) IsDir() bool        { return false }
func (i publishInfo) Sys() any           { return nil }
