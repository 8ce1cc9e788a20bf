package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"gongkai/generator/msg"
)

// progressAfter is how long a build runs before it says what it is doing: a small site builds in a second and
// says nothing more than its summary.
const progressAfter = 3 * time.Second

// progress shows, on one line of a terminal rewritten every second, what a long build is doing and for how long,
// and clears that line when the build ends. On anything else (a file, a pipe, a test, cron's mail) it writes
// nothing at all.
type progress struct {
	w       io.Writer
	lang    msg.Lang
	start   time.Time
	after   time.Duration
	tick    time.Duration
	mu      sync.Mutex
	doing   msg.Text
	shown   bool
	done    chan struct{}
	stopped chan struct{}
}

// startProgress starts the progress line on w when w is a terminal; otherwise it returns a progress that does
// nothing.
func startProgress(w io.Writer, lang msg.Lang) *progress {
	if !isTerminal(w) {
		return &progress{}
	}
	return newProgress(w, lang, progressAfter, time.Second)
}

func newProgress(w io.Writer, lang msg.Lang, after, tick time.Duration) *progress {
	p := &progress{w: w, lang: lang, start: time.Now(), after: after, tick: tick, doing: msg.CLIStageValidate,
		done: make(chan struct{}), stopped: make(chan struct{})}
	go p.run()
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// next maps the stage that ended to what the build does next.
var next = map[string]msg.Text{
	"validate": msg.CLIStageStatic,
	"static":   msg.CLIStageRender,
	"render":   msg.CLIStagePost,
	"times":    msg.CLIStageSync,
	"sync":     msg.CLIStagePublish,
}

// stage is pipeline.Options.Progress.
func (p *progress) stage(name string) {
	if p.done == nil {
		return
	}
	if t, ok := next[name]; ok {
		p.mu.Lock()
		p.doing = t
		p.mu.Unlock()
	}
}

func (p *progress) run() {
	defer close(p.stopped)
	t := time.NewTicker(p.tick)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case now := <-t.C:
			if now.Sub(p.start) < p.after {
				continue
			}
			p.mu.Lock()
			line := msg.CLIProgress.F(p.lang, p.doing.In(p.lang), int(now.Sub(p.start).Seconds()))
			p.shown = true
			p.mu.Unlock()
			fmt.Fprintf(p.w, "\r%s\033[K", line)
		}
	}
}

// stop ends the progress line and clears it, so that the build's own output starts on a clean line.
func (p *progress) stop() {
	if p.done == nil {
		return
	}
	close(p.done)
	<-p.stopped
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
