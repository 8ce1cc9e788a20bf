package pipeline

import (
	"fmt"
	"time"

	"gongkai/generator/content"
	"gongkai/generator/search"
)

// writeSearch writes the full-text index of the published documents, with the site's equivalent words, into the
// staging folder, from the text Hugo rendered (plain, by URL). It runs before
// publication, so a site is never published with an index of other documents. keep is as for search.WriteKeeping.
func writeSearch(site *content.Site, plain map[string]string, now time.Time, staging string,
	keep func(string, []byte) bool) error {
	var docs []search.Doc
	for _, d := range site.Documents {
		if !content.Published(d, now) {
			continue
		}
		text, ok := plain[d.URL]
		if !ok {
			return fmt.Errorf("search index: no rendered text for %s", d.File)
		}
		sd := search.Doc{
			URL: d.URL, Title: d.Title, Kind: string(d.Kind), Date: d.Date.Format("2006-01-02"),
			IndexNo: d.IndexNo, DocNo: d.DocNo, Topic: d.Topic, Publisher: d.Publisher, Text: text,
			ShortTitle: d.ShortTitle, Summary: d.Summary, Keywords: d.Keywords, Validity: d.Validity,
		}
		for _, a := range d.Attachments {
			sd.Attachments = append(sd.Attachments, a.Name)
		}
		docs = append(docs, sd)
	}
	return search.WriteKeeping(docs, site.Synonyms, staging, keep)
}
