package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gongkai/generator/manifest"
	"gongkai/generator/precompress"
)

// A rebuild reuses the previous release's .gz and .br for unchanged files, judged by the previous manifest: a
// changed file must get new ones, and an unchanged one the previous ones, hard-linked, with the original's time.
func TestRebuildReusesOnlyUnchangedCompressedFiles(t *testing.T) {
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	first := tree(t, out)
	// The page that will change, and one that will not.
	var changed, kept string
	for p := range first {
		switch {
		case changed == "" && strings.HasPrefix(p, "policies/gzbz-2024") && strings.HasSuffix(p, "index.html"):
			changed = p
		case kept == "" && strings.HasPrefix(p, "articles/") && strings.HasSuffix(p, "index.html"):
			kept = p
		}
	}
	if changed == "" || kept == "" {
		t.Fatalf("pages not found: %q %q", changed, kept)
	}
	firstDir, err := filepath.EvalSymlinks(out)
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(site, "content/policies/gzbz-2024.md")
	src, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(src, []byte("\n\n新增的一段正文。\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, stderr)
	}
	second := tree(t, out)
	secondDir, err := filepath.EvalSymlinks(out)
	if err != nil || secondDir == firstDir {
		t.Fatalf("no new release: %v", err)
	}
	if bytes.Equal(first[changed].Data, second[changed].Data) {
		t.Fatalf("%s did not change", changed)
	}
	for p, f := range second {
		if !strings.HasSuffix(p, ".gz") && !strings.HasSuffix(p, ".br") {
			continue
		}
		got, err := precompress.Decompress(p, f.Data)
		if err != nil || !bytes.Equal(got, second[p[:len(p)-3]].Data) {
			t.Errorf("%s does not decompress to its original (%v)", p, err)
		}
		if !f.MTime.Equal(second[p[:len(p)-3]].MTime) {
			t.Errorf("%s: mtime differs from the original's", p)
		}
	}
	same := func(rel string) bool {
		a, err1 := os.Stat(filepath.Join(firstDir, rel))
		b, err2 := os.Stat(filepath.Join(secondDir, rel))
		return err1 == nil && err2 == nil && os.SameFile(a, b)
	}
	for _, ext := range []string{".gz", ".br"} {
		if !same(kept + ext) {
			t.Errorf("%s%s was not reused from the previous release", kept, ext)
		}
		if same(changed + ext) {
			t.Errorf("%s%s of the changed page is the previous release's", changed, ext)
		}
	}
	if !bytes.Equal(first[kept+".br"].Data, second[kept+".br"].Data) {
		t.Errorf("%s.br differs between two builds of the same bytes", kept)
	}
	// The unchanged page itself was not written: Hugo's output was compared with what it rendered for the live
	// release, and the live release's file linked.
	for _, p := range []string{kept, "search/filters.json"} {
		if !same(p) {
			t.Errorf("%s was written again, not linked from the previous release", p)
		}
	}
	if same(changed) {
		t.Errorf("the changed page %s is the previous release's file", changed)
	}

	// Whatever was taken from the live release, the release is what a build with no previous one gives: the same
	// files, bytes and times.
	cold := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, cold, now); code != 0 {
		t.Fatalf("cold build: exit %d\n%s", code, stderr)
	}
	sameTree(t, second, tree(t, cold))
}

// A previous release compressed another way (another version of gongkai, other levels) lends nothing: the output
// must be what these sources give, not what happened to be published before.
func TestRebuildRecompressesWhenThePreviousReleaseWasCompressedOtherwise(t *testing.T) {
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	firstDir, err := filepath.EvalSymlinks(out)
	if err != nil {
		t.Fatal(err)
	}
	// Every .gz made again at another level: still a valid gzip of the same original, other bytes.
	other := 0
	for p, f := range tree(t, out) {
		if !strings.HasSuffix(p, ".gz") {
			continue
		}
		orig, err := precompress.Decompress(p, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		w.Write(orig)
		w.Close()
		if !bytes.Equal(b.Bytes(), f.Data) {
			other++
		}
		full := filepath.Join(firstDir, filepath.FromSlash(p))
		if err := os.WriteFile(full, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(full, f.MTime, f.MTime); err != nil {
			t.Fatal(err)
		}
	}
	if other == 0 {
		t.Fatal("gzip level 1 gave the same bytes as the build's level")
	}
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, stderr)
	}
	for p, f := range tree(t, out) {
		if !strings.HasSuffix(p, ".gz") && !strings.HasSuffix(p, ".br") || strings.HasPrefix(p, manifest.Name) {
			continue // the manifest is compressed at levels of its own
		}
		orig, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p[:len(p)-3])))
		if err != nil {
			t.Fatal(err)
		}
		want := precompress.Brotli(orig)
		if strings.HasSuffix(p, ".gz") {
			want = precompress.Gzip(orig)
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s: not what this build compresses", p)
		}
	}
}

// A nightly build takes a page whose rendered bytes did not change from the previous release, minified, instead of
// minifying it again; the output stays what minifying would give. To see which way a page took, the previous
// release's copy is altered (and the memo told of it): taken, the alteration shows.
func TestRebuildTakesUnchangedPagesMinifiedFromThePreviousRelease(t *testing.T) {
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	releases := filepath.Join(filepath.Dir(out), ".public-releases")
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	first := tree(t, out)
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("second build: exit %d\n%s", code, stderr)
	}
	for p, f := range tree(t, out) {
		if !bytes.Equal(f.Data, first[p].Data) {
			t.Errorf("%s differs between a build and the one after it", p)
		}
	}

	// alter marks the live release's copy of each page and rewrites the memo's record of it to match.
	alter := func(pages ...string) {
		t.Helper()
		live, err := filepath.EvalSymlinks(out)
		if err != nil {
			t.Fatal(err)
		}
		memo, err := os.ReadFile(filepath.Join(releases, ".minified"))
		if err != nil {
			t.Fatal(err)
		}
		for _, page := range pages {
			p := filepath.Join(live, filepath.FromSlash(page))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, "<!--taken-->"...)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			old := regexp.MustCompile(`(?m)^([0-9a-f]{64}) [0-9a-f]{64} ` + regexp.QuoteMeta(page) + `$`)
			if !old.Match(memo) {
				t.Fatalf("%s is not in the memo", page)
			}
			sum := sha256.Sum256(data)
			memo = old.ReplaceAll(memo, []byte("${1} "+hex.EncodeToString(sum[:])+" "+page))
		}
		if err := os.WriteFile(filepath.Join(releases, ".minified"), memo, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pages []string
	for p := range first {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	firstPage, lastPage := pages[0], pages[len(pages)-1]

	alter(lastPage)
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("third build: exit %d\n%s", code, stderr)
	}
	if got := tree(t, out)[lastPage].Data; !bytes.HasSuffix(got, []byte("<!--taken-->")) {
		t.Fatalf("%s was minified again, not taken from the previous release", lastPage)
	}

	// A previous release minified otherwise (another version of gongkai, say) lends nothing: the first pages are
	// minified again and compared before any is taken.
	alter(firstPage, lastPage)
	if code, stderr := build(t, site, out, now); code != 0 {
		t.Fatalf("fourth build: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{firstPage, lastPage} {
		if got := tree(t, out)[p].Data; !bytes.Equal(got, first[p].Data) {
			t.Errorf("%s: want it minified again, as in the first build", p)
		}
	}
}
