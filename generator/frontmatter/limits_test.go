package frontmatter

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// laughs is a "billion laughs" in YAML: each level names the previous one nine times, so decoding it would expand
// to 9^depth strings.
func laughs(key string, depth int) string {
	s := "---\nl0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i := 1; i <= depth; i++ {
		s += "l" + itoa(i) + ": &l" + itoa(i) + " [" + strings.Repeat("*l"+itoa(i-1)+",", 8) + "*l" + itoa(i-1) + "]\n"
	}
	return s + key + ": *l" + itoa(depth) + "\n---\n"
}

func itoa(i int) string { return string(rune('0' + i)) }

// indented nests YAML block mappings by indentation alone, as deep as fits in n bytes.
func indented(n int) string {
	var b strings.Builder
	b.WriteString("---\nkeywords:\n")
	for d := 1; b.Len() < n; d++ {
		b.WriteString(strings.Repeat(" ", d) + "k:\n")
	}
	b.WriteString(strings.Repeat(" ", 1000) + "x\n---\n")
	return b.String()
}

// Issue 14 item 3: front matter bombs are refused, each within a bounded memory and time, with the place named.
// The bounds are limits, far above what a refusal takes (microseconds, kilobytes), so that a loaded machine
// does not fail them; before the limits, the same inputs took seconds to minutes and gigabytes.
func TestBombsRefusedWithinBounds(t *testing.T) {
	const maxAlloc = 64 << 20 // bytes allocated while refusing, at most
	const maxTime = time.Second
	for _, tc := range []struct {
		name, src, kind string
		line            int
	}{
		{"yaml flow nesting 100 KB", "---\nkeywords: " + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n---\n", "size", 2},
		{"yaml flow nesting 2 MB", "---\nkeywords: " + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "\n---\n", "size", 2},
		{"yaml flow nesting 60 KB", "---\nkeywords: " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n---\n", "depth", 2},
		{"yaml block lists 60 KB", "---\nkeywords:\n  " + strings.Repeat("- ", 30000) + "x\n---\n", "depth", 3},
		{"yaml indentation", indented(60000), "depth", 66},
		{"yaml billion laughs", laughs("l", 9), "alias", 2},
		{"yaml laughs under a known key", laughs("keywords", 9), "alias", 2},
		{"yaml merge key", "---\na: &a {x: 1}\nb:\n  <<: *a\n---\n", "alias", 2},
		{"toml arrays 60 KB", "+++\nkeywords = " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n+++\n", "depth", 2},
		{"toml inline tables", "+++\nk = " + strings.Repeat("{a=", 15000) + "1" + strings.Repeat("}", 15000) + "\n+++\n", "depth", 2},
		{"toml dotted keys", "+++\n" + strings.Repeat("a.", 30000) + "a = 1\n+++\n", "depth", 2},
		{"toml table header", "+++\n[" + strings.Repeat("a.", 30000) + "a]\nb = 1\n+++\n", "depth", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Parse([]byte(tc.src))
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			var le *LimitError
			if !errors.As(err, &le) || le.Kind != tc.kind {
				t.Fatalf("got %v, want a %s limit", err, tc.kind)
			}
			if tc.line > 0 && le.Pos.Line != tc.line {
				t.Errorf("refused at %v, want line %d", le.Pos, tc.line)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
				t.Errorf("allocated %d MB while refusing, limit %d MB", alloc>>20, maxAlloc>>20)
			}
			if took > maxTime {
				t.Errorf("took %v to refuse, limit %v", took, maxTime)
			}
		})
	}
}

func TestLimitsLeaveOrdinaryFrontMatter(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: 关于[2024]的通知\nkeywords: [甲, 乙]\nchanges:\n  - date: 2024-05-01\n    note: 改 *重点* 和 &amp;\nsummary: \"a *b* & c\"\n---\n",
		"+++\ntitle = \"[[[[x]]]] a.b.c\"\ninterprets = { policy = \"policies/a\" }\n[[changes]]\ndate = 2024-06-01\nnote = \"再改\"\n+++\n",
	} {
		if _, err := Parse([]byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}
