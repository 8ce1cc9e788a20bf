package hugosite

import "context"

// PlainText returns the rendered content of every regular page as plain
// text (Markdown and HTML removed), keyed by the page's site-relative URL.
// The search index is built from it so that what a citizen searches is what
// the page shows, not the Markdown source. Call it after Build.
func (s *Site) PlainText() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	ctx := context.Background()
	for _, p := range s.h.RegularPages() {
		out[p.RelPermalink()] = p.Plain(ctx)
	}
	return out
}
