# gongkai: `make build` publishes the sample site, `make test` runs every test.
GO      ?= go
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X gongkai/generator/cli.Version=$(VERSION)
# Test tools from npm (axe-core, vnu-jar, pagefind, lighthouse) live outside the repository. Lighthouse 12.8.2: the
# newest that runs on Debian's Node (13 needs Node 22).
TOOLS   ?= $(HOME)/.cache/gongkai-tools
export GONGKAI_TOOLS := $(TOOLS)

.PHONY: build gongkai test cross check serve bench bench-search tools clean

build: gongkai
	./bin/gongkai build

gongkai:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/gongkai ./generator/cmd/gongkai

check: gongkai
	./bin/gongkai check

serve: gongkai
	./bin/gongkai serve

tools:
	@mkdir -p $(TOOLS)
	@if [ ! -f $(TOOLS)/.installed-2 ]; then \
		cd $(TOOLS) && npm install --no-audit --no-fund --silent axe-core@4.14.1 vnu-jar@26.9.27 pagefind@1.6.0 lighthouse@12.8.2 && touch .installed-2; \
	fi

# The fuzz targets' seeds run with every test; each target is then fuzzed briefly (FUZZTIME to change).
# Lighthouse runs last and alone: its performance score multiplies the main-thread time it observes, which the other
# packages' tests, run in parallel, would lengthen (see generator/testkit/browsertest/lighthouse_test.go).
FUZZTIME ?= 5s
test: tools cross
	$(GO) vet ./...
	$(GO) test -count=1 -skip '^TestLighthouse$$' ./...
	GONGKAI_LIGHTHOUSE_PERF=1 $(GO) test -count=1 -run '^TestLighthouse$$' ./generator/testkit/browsertest
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1s ./generator/frontmatter
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 1s ./generator/annualstats

# Editors' desktops: Windows, macOS, and Linux on arm64 and loong64 (信创). Each target is built (linked, not only
# vetted) without cgo, as released; nothing is written (-o /dev/null).
CROSS ?= windows/amd64 darwin/arm64 linux/arm64 linux/loong64
cross:
	@set -e; for t in $(CROSS); do \
		echo "cross-compile $$t"; \
		GOOS=$${t%/*} GOARCH=$${t#*/} CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o /dev/null ./generator/cmd/gongkai; \
	done

bench: tools
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 240m ./generator/...

# Search index against Pagefind on 10,000 generated documents (GONGKAI_BENCH_DOCS=n for another size,
# GONGKAI_BENCH_RUNS=n builds of each), then in Chromium: keystroke-to-results on the same index, and Pagefind's recall
# through its own client.
bench-search: tools
	$(GO) test -run '^$$' -bench VersusPagefind -benchtime 1x -timeout 60m -v ./generator/testkit/searchbench/
	$(GO) test -run '^$$' -bench 'SearchKeystroke|PagefindRecall' -benchtime 1x -timeout 30m -v ./generator/testkit/browsertest/

clean:
	rm -rf bin public .public-releases
