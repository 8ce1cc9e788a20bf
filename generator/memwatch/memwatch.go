// Package memwatch reads the process's peak memory (resident set high-water mark) per stage of a build, so the
// report can say which stage needs the memory. Linux only: elsewhere it reports zero.
package memwatch

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// Peak returns the peak resident set size in bytes since the start or the last Reset.
func Peak() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// Reset starts a new high-water mark from the current resident set (Linux: "5" in /proc/self/clear_refs).
func Reset() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}
