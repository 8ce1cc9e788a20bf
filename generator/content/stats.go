package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gongkai/generator/annualstats"
	"gongkai/generator/msg"
)

// statistics reads and checks the statistics file of every report that names one (front matter key stats), then
// compares each report with the previous year's. It runs after every document is read because the comparison
// needs the whole site.
func (v *validator) statistics(site *Site) {
	var reports []*annualstats.Report
	for _, d := range site.Documents {
		if d.Stats == "" {
			continue
		}
		lbl := fields["stats"].label.In(v.lang)
		p := d.Pos["stats"]
		if !d.Bundle {
			dir := strings.TrimSuffix(d.File, ".md")
			v.errorf(d.File, p, "stats", lbl, msg.StatsNotBundle.F(v.lang, dir, d.Stats))
			continue
		}
		if path.Ext(d.Stats) != ".toml" || strings.Contains(d.Stats, "/") || strings.Contains(d.Stats, `\`) {
			v.errorf(d.File, p, "stats", lbl, msg.StatsBadStats.In(v.lang))
			continue
		}
		file := path.Join(path.Dir(d.File), d.Stats)
		src, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(file)))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				v.errorf(d.File, p, "stats", lbl, msg.StatsNoStats.F(v.lang, file))
			} else {
				v.errorf(d.File, p, "stats", lbl, err.Error())
			}
			continue
		}
		d.Statistics = annualstats.Parse(file, src, d.Year, v.lang, v.diags)
		reports = append(reports, d.Statistics)
	}
	annualstats.CompareYears(reports, v.lang, v.diags)
}

// StatsFiles are the published forms of every report's statistics, stats.json and stats.csv, keyed by their slash
// path in the report's bundle (content/reports/2024-zfxxgk/stats.json). Laid over the content, Hugo publishes them
// beside the page as bundle resources, in a build and in a preview alike.
func (s *Site) StatsFiles() map[string][]byte {
	out := map[string][]byte{}
	for _, d := range s.Documents {
		if d.Statistics == nil || !d.Statistics.Complete() {
			continue
		}
		dir := path.Dir(d.File)
		out[dir+"/stats.json"] = d.Statistics.JSON(d.URL)
		out[dir+"/stats.csv"] = d.Statistics.CSV()
	}
	return out
}
