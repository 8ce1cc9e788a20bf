package cli

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run `gongkai` as a command: testscript re-executes this test binary as gongkai.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gongkai": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the command line as an editor sees it, with exact output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: os.Getenv("UPDATE_GOLDEN") == "1"})
}
