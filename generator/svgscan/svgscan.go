// Package svgscan finds what makes an SVG file run code when it is opened by itself in a browser: scripts, event
// handlers, javascript: URLs, HTML carried inside it (foreignObject, elements of the XHTML namespace), XSLT
// stylesheets, and DTD declarations that could smuggle any of these past a reader that does not expand them.
//
// An SVG published as an attachment or a file of static/ is served as image/svg+xml; opened from a link (not
// through <img>, which never runs its scripts) it is a document of the site's origin, and its scripts run wherever
// the web server does not send gongkai's Content-Security-Policy. The file is read as a browser reads it, with
// encoding/xml (namespaces resolved, character references decoded, declared entities expanded), never with
// patterns over the text: <SCRIPT>, <s:script xmlns:s="http://www.w3.org/2000/svg">, java&#x09;script: and an
// entity whose text is a script are all seen for what they are. A file that is not well-formed XML is refused too:
// it cannot be checked the way a browser will read it.
package svgscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Reason is why an SVG file is refused.
type Reason int

const (
	Script        Reason = iota // a script element, or a handler/listener element (SVG Tiny 1.2, XML Events)
	EventHandler                // an on* attribute (onload, onclick, ...), or an animation of one (attributeName="onclick")
	ScriptURL                   // a javascript: or vbscript: URL in an attribute or a style sheet
	ForeignObject               // foreignObject: HTML inside the drawing
	HTMLElement                 // an element of the XHTML namespace (iframe, embed, object, ...)
	Stylesheet                  // an xml-stylesheet processing instruction: an XSLT sheet turns the file into any page
	Declarations                // a DTD internal subset with more than plain-text entities (markup in an entity, ATTLIST, external or parameter entities)
	Malformed                   // not well-formed XML (or not UTF-8): it cannot be checked as a browser would read it
)

// Finding is one thing refused, where it starts in the file.
type Finding struct {
	Line, Col int
	Reason    Reason
	Name      string // the element or attribute as written (prefix:local), the processing instruction, or the parser's complaint
}

// MaxFindings bounds the findings of one file: a few are enough to say why it is refused.
const MaxFindings = 10

const xhtmlNS = "http://www.w3.org/1999/xhtml"

// Scan reads an SVG document and returns what it holds that runs code; none means it is safe to publish. The error
// is a read error of r only.
func Scan(r io.Reader) ([]Finding, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return []Finding{{Line: 1, Col: 1, Reason: Malformed, Name: "not UTF-8"}}, nil
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = map[string]string{}
	var out []Finding
	add := func(line, col int, reason Reason, name string) {
		if len(out) < MaxFindings {
			out = append(out, Finding{line, col, reason, name})
		}
	}
	var stack []xml.Name // open elements
	for len(out) < MaxFindings {
		line, col := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				col = 0
			}
			add(line, col, Malformed, err.Error())
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
			name := qname(t.Name)
			switch local := strings.ToLower(t.Name.Local); {
			case local == "script", local == "handler", local == "listener":
				add(line, col, Script, name)
			case local == "foreignobject":
				add(line, col, ForeignObject, name)
			case strings.EqualFold(t.Name.Space, xhtmlNS):
				add(line, col, HTMLElement, name)
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue // a namespace declaration: its value is a name, never fetched or run
				}
				local := strings.ToLower(a.Name.Local)
				switch {
				case strings.HasPrefix(local, "on"):
					add(line, col, EventHandler, qname(a.Name))
				case local == "attributename" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "on"):
					add(line, col, EventHandler, qname(a.Name)+"="+a.Value)
				case scriptURL(a.Value):
					add(line, col, ScriptURL, qname(a.Name))
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 && strings.EqualFold(stack[len(stack)-1].Local, "style") && scriptURL(string(t)) {
				add(line, col, ScriptURL, qname(stack[len(stack)-1]))
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml-stylesheet") {
				add(line, col, Stylesheet, t.Target)
			}
		case xml.Directive:
			if !declarations(string(t), d.Entity) {
				// What follows cannot be read as a browser would (its entities are not known): one finding.
				add(line, col, Declarations, "<!"+firstWord(string(t)))
				return out, nil
			}
		}
	}
	return out, nil
}

func qname(n xml.Name) string {
	// The decoder replaces a known prefix by its namespace; the name as written is the local name then.
	if n.Space == "" || strings.Contains(n.Space, ":") {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// scriptURL reports a javascript: or vbscript: URL anywhere in v, as a browser reads a URL: ASCII whitespace and
// control characters anywhere are dropped (java\tscript: runs), case does not matter. Anywhere, not only at the
// start: animation values are lists (values="#a;javascript:…") and style sheets hold url(…).
func scriptURL(v string) bool {
	var b strings.Builder
	for _, r := range v {
		if r <= 0x20 || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	s := strings.ToLower(b.String())
	return strings.Contains(s, "javascript:") || strings.Contains(s, "vbscript:")
}

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t\r\n["); i >= 0 {
		return s[:i]
	}
	return s
}

var (
	comment    = regexp.MustCompile(`(?s)<!--.*?-->`)
	entityDecl = regexp.MustCompile(`^<!ENTITY\s+([^\s%"'<>]+)\s+(?:"([^"]*)"|'([^']*)')\s*>`)
)

// declarations accepts a DOCTYPE whose internal subset, if any, declares only entities with plain text (editors
// such as Illustrator declare namespace names that way), and records them in entities so that the decoder expands
// them and the attributes they end up in are checked. Anything else is refused: an entity with markup or a
// reference in it (expanded by a browser as markup, by encoding/xml as text), external and parameter entities,
// ATTLIST (default attributes, onload among them), ELEMENT and NOTATION declarations, a directive other than
// DOCTYPE.
func declarations(dir string, entities map[string]string) bool {
	if firstWord(dir) != "DOCTYPE" {
		return false
	}
	open := strings.IndexByte(dir, '[')
	if open < 0 {
		return true // <!DOCTYPE svg PUBLIC "..." "...">: browsers do not fetch the DTD
	}
	end := strings.LastIndexByte(dir, ']')
	if end < open {
		return false
	}
	subset := comment.ReplaceAllString(dir[open+1:end], " ")
	for {
		subset = strings.TrimSpace(subset)
		if subset == "" {
			return true
		}
		m := entityDecl.FindStringSubmatch(subset)
		if m == nil {
			return false
		}
		value := m[2] + m[3]
		if strings.ContainsAny(value, "<&%") {
			return false
		}
		entities[m[1]] = value
		subset = subset[len(m[0]):]
	}
}
