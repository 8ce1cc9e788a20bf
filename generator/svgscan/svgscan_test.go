package svgscan

import (
	"fmt"
	"strings"
	"testing"
)

const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">`

func scan(t *testing.T, svg string) []Finding {
	t.Helper()
	f, err := Scan(strings.NewReader(svg))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func show(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %d %s", f.Line, f.Col, f.Reason, f.Name))
	}
	return strings.Join(out, "; ")
}

// Drawings as editors' tools write them pass: styles, gradients, links to pages, namespaced metadata, a DOCTYPE
// with Illustrator's entity declarations, a byte-order mark, CDATA in a style sheet.
func TestOrdinaryDrawingsPass(t *testing.T) {
	for name, svg := range map[string]string{
		"plain": `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + head + `<title>图</title><rect width="10" height="10" fill="#c00"/></svg>`,
		"link":  head + `<a href="/policies/a/" xlink:href="https://www.gov.cn/"><text x="1" y="9">政策</text></a></svg>`,
		"style": head + `<style><![CDATA[ rect { fill: url(#g); } ]]></style><defs><linearGradient id="g"/></defs><use href="#g"/></svg>`,
		"bom":   "\ufeff" + head + `</svg>`,
		"doctype": `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
	<!-- Illustrator -->
	<!ENTITY ns_ai 'http://ns.adobe.com/AdobeIllustrator/10.0/'>
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;"><i:pgf>data</i:pgf><x:foreignthing/></svg>`,
		"text mentioning":     head + `<text>onload, script, javascript</text><desc>the word javascript: in a description</desc></svg>`,
		"data uri image":      head + `<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/></svg>`,
		"attribute named one": head + `<rect width="1" height="1" opacity="0.5" offset="1"/></svg>`,
	} {
		if f := scan(t, svg); len(f) > 0 {
			t.Errorf("%s: refused: %s", name, show(f))
		}
	}
}

// Hostile drawings, each refused for the right reason at the right line.
func TestHostileDrawingsAreRefused(t *testing.T) {
	for _, c := range []struct {
		name, svg string
		reason    Reason
		line      int
	}{
		{"script", head + "\n<script>alert(1)</script></svg>", Script, 2},
		{"upper case", head + "\n<SCRIPT>alert(1)</SCRIPT></svg>", Script, 2},
		{"prefixed svg namespace", `<s:svg xmlns:s="http://www.w3.org/2000/svg">` + "\n\n" + `<s:script>alert(1)</s:script></s:svg>`, Script, 3},
		{"xhtml script", head + `<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>`, Script, 1},
		{"default namespace xhtml", `<svg xmlns="http://www.w3.org/2000/svg"><g xmlns="http://www.w3.org/1999/xhtml"><iframe src="/x"/></g></svg>`, HTMLElement, 1},
		{"handler", head + `<handler type="application/ecmascript">alert(1)</handler></svg>`, Script, 1},
		{"onload", head + "\n\n\n" + `<rect onload="alert(1)"/></svg>`, EventHandler, 4},
		{"onload root", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, EventHandler, 1},
		{"OnClick", head + `<rect OnClick="alert(1)"/></svg>`, EventHandler, 1},
		{"prefixed event", head + `<rect xmlns:e="urn:x" e:onclick="alert(1)"/></svg>`, EventHandler, 1},
		{"animated handler", head + `<rect><set attributeName=" onmouseover" to="alert(1)"/></rect></svg>`, EventHandler, 1},
		{"javascript href", head + `<a href="javascript:alert(1)"><text>x</text></a></svg>`, ScriptURL, 1},
		{"xlink javascript", head + `<a xlink:href=" JavaScript:alert(1)"><text>x</text></a></svg>`, ScriptURL, 1},
		{"char refs", head + `<a href="&#106;ava&#x09;script&#58;alert(1)"><text>x</text></a></svg>`, ScriptURL, 1},
		{"newline inside", head + "<a href=\"java\nscript:alert(1)\"><text>x</text></a></svg>", ScriptURL, 1},
		{"animated href", head + `<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, ScriptURL, 1},
		{"animate values", head + `<a><animate attributeName="href" values="#a;javascript:alert(1)"/></a></svg>`, ScriptURL, 1},
		{"vbscript", head + `<a href="vbscript:msgbox(1)"/></svg>`, ScriptURL, 1},
		{"style sheet", head + `<style>@import url("javascript:alert(1)");</style></svg>`, ScriptURL, 1},
		{"foreignObject", head + `<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, ForeignObject, 1},
		{"foreignobject lower case", head + `<foreignobject/></svg>`, ForeignObject, 1},
		{"xslt", `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="evil.xsl"?>` + head + `</svg>`, Stylesheet, 1},
		{"entity with markup", `<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]>` + head + `&s;</svg>`, Declarations, 1},
		{"entity with tag", `<!DOCTYPE svg [<!ENTITY s '<script>alert(1)</script>'>]>` + head + `&s;</svg>`, Declarations, 1},
		{"entity into href", `<!DOCTYPE svg [<!ENTITY j "javascript:alert(1)">]>` + "\n" + head + `<a href="&j;"/></svg>`, ScriptURL, 2},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + head + `&x;</svg>`, Declarations, 1},
		{"parameter entity", `<!DOCTYPE svg [<!ENTITY % p "x"> %p;]>` + head + `</svg>`, Declarations, 1},
		{"attlist default", `<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>` + head + `</svg>`, Declarations, 1},
		{"undeclared entity", head + "\n" + `<text>&nbsp;</text></svg>`, Malformed, 2},
		{"not closed", head + "\n<rect>", Malformed, 2},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + head + `</svg>`, Malformed, 1},
		{"not utf-8", head + "<text>\xff</text></svg>", Malformed, 1},
	} {
		f := scan(t, c.svg)
		if len(f) == 0 {
			t.Errorf("%s: passed", c.name)
			continue
		}
		if f[0].Reason != c.reason || f[0].Line != c.line {
			t.Errorf("%s: %s; want reason %d at line %d", c.name, show(f), c.reason, c.line)
		}
	}
}

// A file full of scripts is named by its first few.
func TestFindingsAreBounded(t *testing.T) {
	f := scan(t, head+strings.Repeat(`<rect onclick="x"/>`, 1000)+`</svg>`)
	if len(f) != MaxFindings {
		t.Errorf("%d findings", len(f))
	}
}

// Whatever the bytes, Scan answers (no panic, bounded findings), and a file it passes is well-formed UTF-8 XML.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		head + `</svg>`, head + `<script>x</script></svg>`, `<!DOCTYPE svg [<!ENTITY a "b">]>` + head + `&a;</svg>`,
		head + `<a href="java&#x09;script:x"/></svg>`, `<?xml-stylesheet href="x"?>` + head + `</svg>`, "<svg", "",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := Scan(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) > MaxFindings {
			t.Fatalf("%d findings", len(fs))
		}
		// Outside comments, CDATA and processing instructions, "<script" can only open an element.
		text := string(data)
		if len(fs) == 0 && strings.Contains(strings.ToLower(text), "<script") &&
			!strings.Contains(text, "<!--") && !strings.Contains(text, "<![CDATA[") && !strings.Contains(text, "<?") {
			t.Fatalf("passed with a script tag: %q", data)
		}
	})
}
