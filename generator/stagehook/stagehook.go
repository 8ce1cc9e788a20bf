// Package stagehook lets tests stop or break a real build at a named stage, to prove that a build killed or
// failing there leaves the published site intact. Both hooks do nothing unless their environment variable is set:
//
//	GONGKAI_TEST_PAUSE=minify   the build prints "gongkai: paused at minify" on stderr and waits to be killed
//	GONGKAI_TEST_FAIL=minify    the stage fails as a full disk would (ENOSPC)
//
// Stages: render, static, minify, compress, verify, switch, switch-link.
package stagehook

import (
	"fmt"
	"os"
	"syscall"
)

// Reach is called by the pipeline when it gets to stage. It returns an error only when a failure is injected.
func Reach(stage string) error {
	if os.Getenv("GONGKAI_TEST_FAIL") == stage {
		return fmt.Errorf("injected failure at %s: %w", stage, syscall.ENOSPC)
	}
	if os.Getenv("GONGKAI_TEST_PAUSE") == stage {
		fmt.Fprintf(os.Stderr, "gongkai: paused at %s\n", stage)
		select {} // until killed
	}
	return nil
}
