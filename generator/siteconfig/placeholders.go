package siteconfig

import (
	"net/url"
	"strings"

	"gongkai/generator/diag"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

// PlaceholderMark starts every value gongkai init leaves for the body to fill in.
const PlaceholderMark = "【请填写"

// sampleValues are the footer and identity of gongkai's sample site: a site copied from the sample that still
// shows them publishes another body's (made-up) address and registration numbers. The sample itself says it is
// an example (params.example = true) and is not warned about.
var sampleValues = map[string]string{
	"params.site_domain":             "rsj.example.gov.cn",
	"params.footer.host":             "天津市河东区人力资源和社会保障局(示例)",
	"params.footer.contact":          "022-00000000",
	"params.footer.address":          "天津市河东区示例路1号",
	"params.footer.icp":              "津ICP备00000000号",
	"params.footer.police_record":    "津公网安备 12010202000000号",
	"params.footer.error_report_url": "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1201020001",
}

// placeholders warns about every setting that still holds a placeholder: a value of gongkai init to fill in, the
// reserved .example domain init writes, the all-zero 网站标识码, or the sample site's own footer.
func placeholders(c *Config, pos *frontmatter.Doc, diags *diag.List) {
	values := []struct{ path, value string }{
		{"baseURL", c.BaseURL}, {"title", c.Title},
		{"params.site_name", c.Params.SiteName}, {"params.site_domain", c.Params.SiteDomain},
		{"params.site_id_code", c.Params.SiteIDCode}, {"params.publisher", c.Params.Publisher},
		{"params.description", c.Params.Description}, {"params.index_prefix", c.Params.IndexPrefix},
		{"params.footer.host", c.Params.Footer.Host}, {"params.footer.contact", c.Params.Footer.Contact},
		{"params.footer.address", c.Params.Footer.Address}, {"params.footer.icp", c.Params.Footer.ICP},
		{"params.footer.police_record", c.Params.Footer.PoliceRecord},
		{"params.footer.error_report_url", c.Params.Footer.ErrorReportURL},
	}
	for _, v := range values {
		if v.value == "" {
			continue
		}
		ph := strings.Contains(v.value, PlaceholderMark)
		switch v.path {
		case "baseURL":
			if u, err := url.Parse(v.value); err == nil && strings.HasSuffix(u.Hostname(), ".example") {
				ph = true
			}
		case "params.site_domain":
			ph = ph || strings.HasSuffix(v.value, ".example")
		case "params.site_id_code":
			ph = ph || v.value == "0000000000"
		case "params.index_prefix":
			ph = ph || v.value == "000000000"
		case "params.footer.error_report_url":
			ph = ph || strings.HasSuffix(v.value, "site_code=0000000000")
		}
		sample := !c.Params.Example && sampleValues[v.path] == v.value
		if !ph && !sample {
			continue
		}
		p, ok := pos.Pos[v.path]
		if !ok {
			p = frontmatter.Pos{Line: 1, Col: 1}
		}
		say := msg.ConfigPlaceholder
		if sample {
			say = msg.ConfigSampleValue
		}
		diags.Warnf(FileName, p.Line, p.Col, v.path, "", "%s", say.F(c.Lang, v.value))
	}
}
