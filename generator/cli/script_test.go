package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"gongkai/generator/testkit/corpus"
)

// TestMain lets the scripts run `gongkai` as a command: testscript re-executes this test binary as gongkai.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gongkai": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the command line as an editor sees it, with exact output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("UPDATE_GOLDEN") == "1",
		// $REPO is the repository, for scripts that run its files (docs/examples/nightly.sh).
		Setup: func(env *testscript.Env) error {
			root, err := corpus.RepoRoot()
			env.Setenv("REPO", root)
			return err
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// theme [DIR] copies the repository's layouts, static files, i18n and archetypes into DIR (default
			// the work folder), so that a script's site builds like the sample site.
			"theme": func(ts *testscript.TestScript, neg bool, args []string) {
				root, err := corpus.RepoRoot()
				ts.Check(err)
				dir := ts.Getenv("WORK")
				if len(args) > 0 {
					dir = ts.MkAbs(args[0])
				}
				for _, sub := range []string{"layouts", "static", "i18n", "archetypes", "content/search"} {
					err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub)))
					if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrExist) {
						ts.Fatalf("copy %s: %v", sub, err)
					}
				}
			},
		},
	})
}
