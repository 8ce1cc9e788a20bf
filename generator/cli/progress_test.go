package cli

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	"gongkai/generator/msg"
	"gongkai/generator/syncbuf"
)

// A long build on a terminal says what it is doing and for how long, on one line it rewrites and clears at the
// end; the stages it names follow the pipeline's.
func TestProgressLine(t *testing.T) {
	var w syncbuf.Buffer
	p := newProgress(&w, msg.Zh, 0, 5*time.Millisecond)
	waitOutput(t, &w, "检查内容")
	p.stage("validate")
	waitOutput(t, &w, "\r正在构建:复制静态文件…(已用 0 秒)\033[K")
	p.stage("static")
	waitOutput(t, &w, "生成页面")
	p.stage("render")
	waitOutput(t, &w, "压缩并校验页面")
	p.stop()
	if out := w.String(); !strings.HasSuffix(out, "\r\033[K") || strings.Contains(out, "\n") {
		t.Errorf("the line is not cleared at the end, or a new line was written: %q", out)
	}
	var e syncbuf.Buffer
	p = newProgress(&e, msg.En, 0, 5*time.Millisecond)
	waitOutput(t, &e, "\rbuilding: checking the content… (0 s)\033[K")
	p.stop()
}

// A short build, or one whose stderr is not a terminal (a file, a pipe, cron), writes no progress at all.
func TestProgressQuiet(t *testing.T) {
	var w syncbuf.Buffer
	p := newProgress(&w, msg.Zh, time.Hour, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	p.stop()
	if w.String() != "" {
		t.Errorf("a build shorter than the delay wrote %q", w.String())
	}
	var b bytes.Buffer
	p = startProgress(&b, msg.Zh)
	p.stage("validate")
	p.stop()
	if b.Len() != 0 || isTerminal(&b) {
		t.Errorf("not a terminal, yet progress wrote %q", b.String())
	}
}

func waitOutput(t *testing.T, w *syncbuf.Buffer, s string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if strings.Contains(w.String(), s) {
			return
		}
	}
	t.Fatalf("no %q in %q", s, w.String())
}

// gongkai serve on an address another program holds says so in the site's language, with a port to try.
func TestServePortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	site := writeSite(t, "testdata/serve-site.txtar")
	for _, tc := range []struct {
		lang, want string
	}{
		{"zh", "错误:地址 " + addr + " 已被占用(可能已有一个 gongkai serve 在运行):请先关闭它,或换一个端口,例如 gongkai serve --addr 127.0.0.1:"},
		{"en", "Error: the address " + addr + " is in use (another gongkai serve may be running): stop it, or use another port, e.g. gongkai serve --addr 127.0.0.1:"},
	} {
		code, _, stderr := run("serve", "-s", site, "--addr", addr, "--lang", tc.lang)
		if code != ExitInternal || !strings.HasPrefix(stderr, tc.want) || strings.HasSuffix(strings.TrimSpace(stderr), ":"+port) {
			t.Errorf("%s: exit %d, stderr %q", tc.lang, code, stderr)
		}
	}
}
