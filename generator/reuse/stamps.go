package reuse

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"

	"gongkai/generator/manifest"
	"gongkai/generator/parallel"
)

// A nightly build takes most of its files from the live release, and each must be the file that release's manifest
// certifies (issue 14: a file edited or replaced there is never carried forward). Reading and hashing every one of
// them each night was a third of a night's CPU on a large site. What the file system says of a file is enough
// instead, as git's index trusts it: its inode, size, modification time and change time (ctime). Writing to a file,
// replacing it, renaming it, changing its mode or setting its times all set its ctime to the kernel's clock, and no
// call sets a ctime back; so a file whose four values are those recorded right after its release was published is
// the file that was published. The record (stampsName, beside the releases) is made at the end of a build, after
// the release set aside by the build before was removed, since linking and unlinking change a file's ctime too. A
// file whose ctime is not before the record's own time is "racy" (a coarse clock could hide a change made in the
// same tick) and is read and hashed, as is any file when the record is missing, describes another release, or does
// not match. The files are
// compared with their stamps once, when the build starts (checkStamps). Where the file system gives no ctime
// (stampOf's ok is false: Windows, macOS), every file is read and hashed as before.

// stampsName is the record's file beside the releases (never served), replaced after each publication.
const stampsName = ".stamps"

const stampsMagic = "gongkai-stamps 1 "

// stamp is what the file system says of a file, without reading it.
type stamp struct{ ino, size, mtime, ctime int64 }

// stampFile is the path of rel in the release folder dir.
func stampFile(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

// WriteStamps records the stamps of the files of release (the manifest's entries, in its order, and the manifest
// itself is not among them) for the next build's checks. A record that cannot be made costs the next build time
// (it reads every file it takes), nothing else, so the caller may ignore the error.
func WriteStamps(releases, release string, entries []manifest.Entry) error {
	path := filepath.Join(releases, stampsName)
	os.Remove(path) // a stale record must not outlive a failed write
	// A build killed while writing it left its temporary file (the caller holds the build lock).
	if left, _ := filepath.Glob(path + "-*"); len(left) > 0 {
		for _, f := range left {
			os.Remove(f)
		}
	}
	dir := filepath.Join(releases, release)
	stamps := make([]stamp, len(entries))
	var bad atomic.Bool
	parallel.Each(len(entries), func(i int) {
		fi, err := os.Lstat(stampFile(dir, entries[i].Path))
		if err != nil || !fi.Mode().IsRegular() {
			bad.Store(true)
			return
		}
		s, ok := stampOf(fi)
		if !ok {
			bad.Store(true)
			return
		}
		stamps[i] = s
	})
	if bad.Load() {
		return fmt.Errorf("%s: no stamp for every file", release)
	}
	tmp, err := os.CreateTemp(releases, stampsName+"-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	fmt.Fprintf(w, "%s%s %d\n", stampsMagic, release, len(entries))
	var b [32]byte
	for _, s := range stamps {
		binary.LittleEndian.PutUint64(b[0:], uint64(s.ino))
		binary.LittleEndian.PutUint64(b[8:], uint64(s.size))
		binary.LittleEndian.PutUint64(b[16:], uint64(s.mtime))
		binary.LittleEndian.PutUint64(b[24:], uint64(s.ctime))
		w.Write(b[:])
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// loadStamps reads the record if it describes release and its manifest's entries, and keeps the stamps it can
// trust: those whose ctime is before the record was written.
func loadStamps(releases, release string, entries []manifest.Entry) map[string]stamp {
	path := filepath.Join(releases, stampsName)
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	own, ok := stampOf(fi)
	if !ok {
		return nil
	}
	r := bufio.NewReader(f)
	head, err := r.ReadString('\n')
	if err != nil || head != fmt.Sprintf("%s%s %d\n", stampsMagic, release, len(entries)) {
		return nil
	}
	out := make(map[string]stamp, len(entries))
	var b [32]byte
	for _, e := range entries {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil
		}
		s := stamp{int64(binary.LittleEndian.Uint64(b[0:])), int64(binary.LittleEndian.Uint64(b[8:])),
			int64(binary.LittleEndian.Uint64(b[16:])), int64(binary.LittleEndian.Uint64(b[24:]))}
		if s.size == e.Size && s.ctime < own.mtime {
			out[e.Path] = s
		}
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil // longer than the manifest: not its record
	}
	return out
}

// checkStamps compares every file of the previous release (dir) that stamps records with its stamp, on every core,
// and returns those that are as they were: the files the build may take without reading them. It runs once, when
// the build starts, before anything of the build links or unlinks a file of that release (which changes a ctime):
// the files are then trusted as they were at this moment, as a file read and hashed is trusted as it was when read.
func checkStamps(dir string, entries []manifest.Entry, stamps map[string]stamp) map[string]bool {
	ok := make([]bool, len(entries))
	parallel.Each(len(entries), func(i int) {
		want, listed := stamps[entries[i].Path]
		if !listed {
			return
		}
		fi, err := os.Lstat(stampFile(dir, entries[i].Path))
		if err != nil || !fi.Mode().IsRegular() {
			return
		}
		got, has := stampOf(fi)
		ok[i] = has && got == want
	})
	out := make(map[string]bool, len(stamps))
	for i, e := range entries {
		if ok[i] {
			out[e.Path] = true
		}
	}
	return out
}

// Checked says how the files taken from the previous release were checked against its manifest: by their stamps,
// and by reading and hashing them.
func (pv *Previous) Checked() (stamped, read int) {
	return int(pv.byStamp.Load()), int(pv.byReading.Load())
}
