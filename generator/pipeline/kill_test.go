package pipeline_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongkai/generator/testkit/corpus"
)

// gongkaiBinary builds the real command once per test run: killing a build needs a separate process.
func gongkaiBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the gongkai binary")
	}
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "gongkai")
	cmd := exec.Command("go", "build", "-o", bin, "./generator/cmd/gongkai")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// sameSite fails unless the published path serves exactly the files of want (content and mtime).
func sameSite(t *testing.T, out string, want map[string]fileState, when string) {
	t.Helper()
	got := tree(t, out)
	if len(got) != len(want) {
		t.Errorf("%s: %d files published, want %d", when, len(got), len(want))
	}
	for p, w := range want {
		g, ok := got[p]
		if !ok || !bytes.Equal(g.Data, w.Data) || !g.MTime.Equal(w.MTime) {
			t.Errorf("%s: %s missing or changed", when, p)
		}
	}
}

func TestKilledOrFailingBuildLeavesPreviousSite(t *testing.T) {
	bin := gongkaiBinary(t)
	site := sampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	run := func(env []string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), stderr.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, stderr.String()
	}
	if code, stderr := run(nil, "build", "-s", site, "-d", out, "--now", now); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	v1 := tree(t, out)
	v1Release, _ := filepath.EvalSymlinks(out)

	// The next build would publish a new document.
	writeFile(t, filepath.Join(site, "content/articles/kill-test.md"), "+++\ntitle = \"新文章\"\ndate = 2025-05-30\n+++\n正文。\n")

	for _, stage := range []string{"render", "static", "minify", "compress", "verify", "switch", "switch-link"} {
		cmd := exec.Command(bin, "build", "-s", site, "-d", out, "--now", now)
		cmd.Env = append(os.Environ(), "GONGKAI_TEST_PAUSE="+stage)
		pipe, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		paused := make(chan bool, 1)
		go func() {
			sc := bufio.NewScanner(pipe)
			for sc.Scan() {
				if sc.Text() == "gongkai: paused at "+stage {
					paused <- true
				}
			}
			paused <- false
		}()
		select {
		case ok := <-paused:
			if !ok {
				cmd.Wait()
				t.Fatalf("%s: the build ended without pausing", stage)
			}
		case <-time.After(3 * time.Minute):
			cmd.Process.Kill()
			t.Fatalf("%s: no pause", stage)
		}
		if stage == "render" {
			// A second build while the first holds the lock must not publish.
			code, stderr := build(t, site, out, now)
			if code != 3 || !strings.Contains(stderr, "另一个 gongkai 正在发布") {
				t.Errorf("concurrent build: exit %d\n%s", code, stderr)
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		sameSite(t, out, v1, "killed at "+stage)
	}

	// A full disk while minifying or while switching: exit 3, old site served, the error said.
	for _, stage := range []string{"minify", "switch"} {
		code, stderr := run([]string{"GONGKAI_TEST_FAIL=" + stage}, "build", "-s", site, "-d", out, "--now", now)
		if code != 3 || !strings.Contains(stderr, "no space left on device") || !strings.Contains(stderr, "未发布任何内容:") {
			t.Errorf("failure at %s: exit %d\n%s", stage, code, stderr)
		}
		sameSite(t, out, v1, "write failure at "+stage)
	}

	// The next build cleans up what the killed ones left and publishes.
	if code, stderr := run(nil, "build", "-s", site, "-d", out, "--now", now); code != 0 {
		t.Fatalf("build after kills: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "articles/kill-test/index.html")); err != nil {
		t.Error("the new document was not published")
	}
	entries, _ := os.ReadDir(filepath.Join(filepath.Dir(out), ".public-releases"))
	var names []string
	for _, e := range entries {
		// the lock, how the live release was minified, the order of publication, the record of its sources and the
		// stamps of its files; a release set aside, removed by the next build
		if e.Name() != ".lock" && e.Name() != ".minified" && e.Name() != ".published" && e.Name() != ".nightly" && e.Name() != ".stamps" &&
			!strings.HasPrefix(e.Name(), ".trash-") {
			names = append(names, e.Name())
		}
	}
	if len(names) != 2 {
		t.Errorf("releases left: %v, want the first and the new one", names)
	}
	if code, stderr := run(nil, "rollback", "-d", out); code != 0 {
		t.Fatalf("rollback: exit %d\n%s", code, stderr)
	}
	if r, _ := filepath.EvalSymlinks(out); r != v1Release {
		t.Errorf("rollback serves %s, want %s", r, v1Release)
	}
	sameSite(t, out, v1, "after rollback")
}
