package content

import (
	"net/url"

	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Images from other sites. A page that shows one makes every reader's browser ask that site for it (telling it who
// reads what, when), depends on that site staying up and unchanged, and breaks under gongkai's own
// Content-Security-Policy (img-src 'self' data:), so the image does not show. An image belongs with the document, as
// an attachment. They are warnings; a site that sets params.remote_images = "error" refuses them.

// remoteImage is an image of a document's Markdown whose address is on another site.
type remoteImage struct {
	url       string
	line, col int // of the image: ![ or the figure shortcode
}

var (
	// mdImage matches an image: ![alt](url "title"), ![alt][label], ![alt][] and ![alt]; alt may hold one level
	// of brackets.
	mdImage = regexp.MustCompile(`!\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\(\s*<?([^)\s>]+)|\[([^\]]*)\])?`)
	// refDef matches a link reference definition: [label]: url
	refDef = regexp.MustCompile(`^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)`)
	// figureSrc matches Hugo's figure shortcode with its src, which Hugo expands anywhere (code blocks too).
	figureSrc = regexp.MustCompile(`\{\{[<%]\s*figure\b[^}]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))`)
)

// remoteImages finds the images of body (a document's Markdown, starting at line firstLine of its file) whose
// address is on a site other than the site's own host names (baseURL's, params.site_domain).
func remoteImages(body []byte, firstLine int, own ...string) []remoteImage {
	type use struct {
		label     string // "" for an inline image
		url       string
		line, col int
	}
	var uses []use
	defs := map[string]string{}
	proseLines(body, firstLine, func(line, masked string, n int) {
		if strings.IndexByte(masked, '[') < 0 {
			return // no image nor definition (most lines)
		}
		if m := refDef.FindStringSubmatchIndex(masked); m != nil {
			if l := normalLabel(line[m[2]:m[3]]); defs[l] == "" {
				defs[l] = line[m[4]:m[5]] // the first definition wins
			}
		}
		for _, m := range mdImage.FindAllStringSubmatchIndex(masked, -1) {
			if m[0] > 0 && masked[m[0]-1] == '\\' {
				continue // \![…]: text
			}
			col := utf8.RuneCountInString(line[:m[0]]) + 1
			switch {
			case m[4] >= 0:
				uses = append(uses, use{"", line[m[4]:m[5]], n, col})
			case m[6] >= 0 && m[7] > m[6]:
				uses = append(uses, use{normalLabel(line[m[6]:m[7]]), "", n, col})
			default: // ![alt][] or ![alt]: the alt is the label
				uses = append(uses, use{normalLabel(line[m[2]:m[3]]), "", n, col})
			}
		}
	})
	for i, line := range strings.Split(string(body), "\n") {
		for _, m := range figureSrc.FindAllStringSubmatchIndex(line, -1) {
			src := ""
			for g := 2; g < 8; g += 2 {
				if m[g] >= 0 {
					src = line[m[g]:m[g+1]]
				}
			}
			uses = append(uses, use{"", src, firstLine + i, utf8.RuneCountInString(line[:m[0]]) + 1})
		}
	}
	sort.SliceStable(uses, func(i, j int) bool {
		return uses[i].line < uses[j].line || (uses[i].line == uses[j].line && uses[i].col < uses[j].col)
	})
	var out []remoteImage
	for _, u := range uses {
		target := u.url
		if u.label != "" {
			target = defs[u.label]
		}
		if otherSite(target, own) {
			out = append(out, remoteImage{target, u.line, u.col})
		}
	}
	return out
}

// normalLabel is a reference label as CommonMark matches it: case and runs of white space do not matter.
func normalLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// otherSite reports whether an image address is on another site: it names a host (https://…, //…) that is not
// one of own. Paths, attachments and data: images are the site's own.
func otherSite(addr string, own []string) bool {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return false
	}
	u, err := url.Parse(addr)
	if err != nil {
		// Not an address a browser would resolve on this site either: say so rather than let it through.
		return strings.Contains(addr, "//")
	}
	if u.Host == "" {
		return false
	}
	for _, h := range own {
		if strings.EqualFold(u.Hostname(), h) {
			return false
		}
	}
	return true
}

// remoteImages warns about each image of a document's body that is on another site, or refuses it when the site
// sets params.remote_images = "error".
func (v *validator) remoteImages(f string, body []byte, firstLine int) {
	var own []string
	if u, err := url.Parse(v.cfg.BaseURL); err == nil && u.Hostname() != "" {
		own = append(own, u.Hostname())
	}
	if d := v.cfg.Params.SiteDomain; d != "" {
		own = append(own, d)
	}
	for _, r := range remoteImages(body, firstLine, own...) {
		pos := frontmatter.Pos{Line: r.line, Col: r.col}
		sentence := msg.SafetyRemoteImage.F(v.lang, r.url)
		if v.cfg.Params.RemoteImages == "error" {
			v.errorf(f, pos, "", "", msg.SafetyRemoteImageStrict.F(v.lang, sentence))
		} else {
			v.warnf(f, pos, "", "", sentence)
		}
	}
}
