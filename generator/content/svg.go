package content

import (
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"gongkai/generator/svgscan"
)

// isSVG reports the names of SVG images, compressed (.svgz) or not: they are published as image/svg+xml, and a
// browser that opens one by itself runs what it holds as a page of the site.
func isSVG(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".svg") || strings.HasSuffix(n, ".svgz")
}

// svg refuses an SVG image of content/ or static/ (file, a regular file; shown, its path in diagnostics) that
// holds scripts, event handlers, javascript: URLs, HTML or what could smuggle them (see svgscan), at the line of
// each.
func (v *validator) svg(file, shown string) {
	f, err := os.Open(file)
	if err != nil {
		v.errorf(shown, frontmatter.Pos{}, "", "", err.Error())
		return
	}
	defer f.Close()
	findings, err := scanSVG(f, strings.HasSuffix(strings.ToLower(file), ".svgz"))
	if err != nil {
		v.errorf(shown, frontmatter.Pos{}, "", "", err.Error())
		return
	}
	for _, x := range findings {
		pos := frontmatter.Pos{Line: x.Line, Col: x.Col}
		var what msg.Text
		switch x.Reason {
		case svgscan.Malformed:
			v.errorf(shown, pos, "", "", msg.SafetySVGMalformed.In(v.lang))
			continue
		case svgscan.Script:
			what = msg.SafetySVGScript
		case svgscan.EventHandler:
			what = msg.SafetySVGEvent
		case svgscan.ScriptURL:
			what = msg.SafetySVGURL
		case svgscan.ForeignObject:
			what = msg.SafetySVGForeignObject
		case svgscan.HTMLElement:
			what = msg.SafetySVGHTML
		case svgscan.Stylesheet:
			what = msg.SafetySVGStylesheet
		case svgscan.Declarations:
			what = msg.SafetySVGDeclarations
		}
		v.errorf(shown, pos, "", "", msg.SafetySVG.F(v.lang, what.F(v.lang, x.Name)))
	}
}

// scanSVG scans an SVG file, decompressing a .svgz first: a compressed stream that does not decompress is an image
// nobody can check, so it is refused as ill-formed. The error is a read error of the file.
func scanSVG(f io.Reader, compressed bool) ([]svgscan.Finding, error) {
	if !compressed {
		return svgscan.Scan(f)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return []svgscan.Finding{{Reason: svgscan.Malformed}}, nil
	}
	findings, err := svgscan.Scan(zr)
	if err != nil {
		return []svgscan.Finding{{Reason: svgscan.Malformed}}, nil
	}
	return findings, nil
}

// staticSVGs checks the SVG images of static/ that the build publishes: regular files, not under a name starting
// with a dot unless params.static_dotfiles lists it (as the build copies them).
func (v *validator) staticSVGs() {
	root := filepath.Join(v.dir, "static")
	allowed := map[string]bool{}
	for _, a := range v.cfg.Params.StaticDotfiles {
		allowed[a] = true
	}
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != root && strings.HasPrefix(e.Name(), ".") && !allowed[e.Name()] {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type().IsRegular() && isSVG(e.Name()) {
			rel, _ := filepath.Rel(v.dir, p)
			v.svg(p, filepath.ToSlash(rel))
		}
		return nil
	})
}
