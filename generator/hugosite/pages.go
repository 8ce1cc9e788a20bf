package hugosite

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/gohugoio/hugo/resources/page"
)

// Page is one page as Hugo rendered it.
type Page struct {
	URL     string    // RelPermalink
	Path    string    // Hugo's logical path, as Options.RenderOnly takes it: "/policies/abc", "/" for the home page
	Aliases []string  // the front matter's aliases, as Hugo publishes redirects for them
	File    string    // the source's path relative to content/, OS separators; "" for pages without a file
	Kind    string    // Hugo's page kind: page, section, home, term, taxonomy
	Lastmod time.Time // zero when Hugo has none
	Text    string    // plain text, only for regular pages of the sections asked for
}

// Pages lists every page of the site in Hugo's default order, with the plain text of the regular pages in the
// given sections. Asking Hugo directly, after Build, replaces a private JSON output rendered by one template: that
// was a single serial execution that encoded every page's text, then a file to write, read back and decode.
func (s *Site) Pages(textSections ...string) []Page {
	want := map[string]bool{}
	for _, sec := range textSections {
		want[sec] = true
	}
	return s.PagesText(func(section, _ string) bool { return want[section] })
}

// PagesText is Pages with the plain text of the regular pages text says yes to (by section and Page.Path). A nightly
// build that rendered a few pages asks for the text of those alone: Hugo renders the Markdown of any page whose text
// is asked for, rendered or not.
func (s *Site) PagesText(text func(section, path string) bool) []Page {
	s.mu.Lock()
	defer s.mu.Unlock()
	pages := s.h.Pages()
	// The unlisted pages (Options.Unlisted) are in no collection, s.h.Pages() included; they are pages all the same.
	if len(s.opts.Unlisted) > 0 && len(s.h.Sites) > 0 {
		pages = append(page.Pages(nil), pages...)
		for _, u := range s.opts.Unlisted {
			if p, err := s.h.Sites[0].GetPage(u.Path); err == nil && p != nil {
				pages = append(pages, p)
			}
		}
	}
	out := make([]Page, len(pages))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	ctx := context.Background()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(pages); i += workers {
				p := pages[i]
				info := Page{URL: p.RelPermalink(), Path: p.Path(), Kind: p.Kind(), Lastmod: p.Lastmod(), Aliases: p.Aliases()}
				if f := p.File(); f != nil {
					info.File = f.Path()
				}
				if p.IsPage() && text(p.Section(), info.Path) {
					info.Text = p.Plain(ctx)
				}
				out[i] = info
			}
		}()
	}
	wg.Wait()
	return out
}
