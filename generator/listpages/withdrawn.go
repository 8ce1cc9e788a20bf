package listpages

import (
	"fmt"
	"strings"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/hugosite"
	"gongkai/generator/siteconfig"
)

// Withdrawn are the withdrawn documents (撤销公开), in the order of the withdrawal list: those still in the sources
// and those whose file is gone (site.Gone, restored from the live release's catalogue). Each keeps its address
// with a notice and is in no list.
func Withdrawn(site *content.Site) []*content.Document {
	var out []*content.Document
	for _, d := range site.Documents {
		if d.Withdrawn != nil {
			out = append(out, d)
		}
	}
	return append(out, site.Gone...)
}

// Notices are the withdrawn documents' pages for Hugo: rendered at their address, listed nowhere, with the record
// as params (withdrawn, withdrawn_date, withdrawn_reason, withdrawn_body) for the layout's notice. The files of a
// bundle are published only when its text is kept.
func Notices(cfg *siteconfig.Config, site *content.Site) []hugosite.Unlisted {
	var out []hugosite.Unlisted
	for _, d := range Withdrawn(site) {
		w := d.Withdrawn
		out = append(out, hugosite.Unlisted{
			Path: "/" + d.Name,
			Params: map[string]any{"withdrawn": true, "withdrawn_date": w.Date.In(cfg.Location).Format("2006-01-02"),
				"withdrawn_reason": w.Reason, "withdrawn_body": w.Body},
			Resources: w.Body == "kept",
		})
	}
	return out
}

// GonePages are the source files Hugo renders the notice of a withdrawn document from when its own file is gone:
// its metadata as the live release recorded it, at its file's path and address, without text (dateguard refuses
// body = "kept" without the file).
func GonePages(cfg *siteconfig.Config, site *content.Site) map[string][]byte {
	files := map[string][]byte{}
	for _, d := range site.Gone {
		var b strings.Builder
		b.WriteString("+++\n")
		str := func(k, v string) {
			if v != "" {
				fmt.Fprintf(&b, "%s = %s\n", k, tomlString(v))
			}
		}
		str("title", d.Title)
		fmt.Fprintf(&b, "date = %s\n", d.Date.In(cfg.Location).Format("2006-01-02T15:04:05-07:00"))
		str("url", d.URL)
		str("index_no", d.IndexNo)
		str("doc_no", d.DocNo)
		str("publisher", d.Publisher)
		str("topic", d.Topic)
		str("summary", d.Summary)
		str("validity", d.Validity)
		str("report_type", d.ReportType)
		if !d.Written.IsZero() {
			fmt.Fprintf(&b, "written = %s\n", d.Written.In(cfg.Location).Format("2006-01-02"))
		}
		if !d.ValidityDate.IsZero() {
			fmt.Fprintf(&b, "validity_date = %s\n", d.ValidityDate.In(cfg.Location).Format("2006-01-02"))
		}
		if d.Year > 0 {
			fmt.Fprintf(&b, "year = %d\n", d.Year)
		}
		if len(d.Keywords) > 0 {
			q := make([]string, len(d.Keywords))
			for i, k := range d.Keywords {
				q[i] = tomlString(k)
			}
			fmt.Fprintf(&b, "keywords = [%s]\n", strings.Join(q, ", "))
		}
		b.WriteString("+++\n")
		files[d.File] = []byte(b.String())
	}
	return files
}

// listed says whether d is in the lists: published at now, or in the preview any document (drafts and scheduled
// ones too) but a withdrawn one.
func listed(d *content.Document, now time.Time, preview bool) bool {
	return d.Withdrawn == nil && (preview || content.Published(d, now))
}
