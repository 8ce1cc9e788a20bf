package dateguard

import (
	"bytes"
	"testing"
	"time"

	"gongkai/generator/catalog"
	"gongkai/generator/content"
	"gongkai/generator/frontmatter"
	"gongkai/generator/msg"
)

var shanghai = time.FixedZone("CST", 8*3600)

func doc(date string, indexNo string, changes ...content.Change) *content.Document {
	d, _ := time.ParseInLocation("2006-01-02", date, shanghai)
	return &content.Document{Name: "policies/a", File: "content/policies/a.md", Date: d, IndexNo: indexNo,
		Changes: changes, Pos: map[string]frontmatter.Pos{"date": {Line: 3, Col: 1}, "index_no": {Line: 4, Col: 1}}}
}

func published(date, indexNo string, changes ...catalog.Change) *catalog.Catalog {
	return &catalog.Catalog{Documents: []catalog.Entry{{Name: "policies/a", Date: date + "T00:00:00+08:00",
		IndexNo: indexNo, Changes: changes}}}
}

func check(prev *catalog.Catalog, d *content.Document, lang msg.Lang) string {
	var b bytes.Buffer
	Check(prev, &content.Site{Documents: []*content.Document{d}}, shanghai, lang).Print(&b)
	return b.String()
}

func at(s string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02", s, shanghai)
	return t
}

func TestPublishedRecordMayNotChangeSilently(t *testing.T) {
	prev := published("2024-03-12", "000014349/2024-00012")
	for _, c := range []struct {
		name string
		doc  *content.Document
		want string
	}{
		{"unchanged", doc("2024-03-12", "000014349/2024-00012"), ""},
		{"date moved", doc("2024-03-15", "000014349/2024-00012"),
			"content/policies/a.md:3:1: date (发布日期): 已发布的发布日期原为 2024-03-12,现为 2024-03-15;已公开的记录不得悄然更改:请在 changes(修订记录)中添加一条日期不早于 2024-03-15 的说明,或改回 2024-03-12\n"},
		{"index number changed", doc("2024-03-12", "000014349/2024-00013"),
			"content/policies/a.md:4:1: index_no (索引号): 已发布的索引号原为 000014349/2024-00012,现为 000014349/2024-00013;已公开的记录不得悄然更改:请在 changes(修订记录)中添加一条日期不早于 2024-03-12 的说明,或改回 000014349/2024-00012\n"},
		{"acknowledged by a new change note", doc("2024-03-15", "000014349/2024-00012", content.Change{Date: at("2024-03-15"), Note: "更正发布日期"}), ""},
		{"a change note dated too early does not count", doc("2024-03-15", "000014349/2024-00012", content.Change{Date: at("2024-03-13"), Note: "更正"}),
			"content/policies/a.md:3:1: date (发布日期): 已发布的发布日期原为 2024-03-12,现为 2024-03-15;已公开的记录不得悄然更改:请在 changes(修订记录)中添加一条日期不早于 2024-03-15 的说明,或改回 2024-03-12\n"},
	} {
		if got := check(prev, c.doc, msg.Zh); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// A change note the previous release already had does not acknowledge a new change.
func TestOldChangeNoteDoesNotAcknowledge(t *testing.T) {
	note := content.Change{Date: at("2024-04-01"), Note: "修订"}
	prev := published("2024-03-12", "000014349/2024-00012", catalog.Change{Date: "2024-04-01T00:00:00+08:00", Note: "修订"})
	if got := check(prev, doc("2024-03-15", "000014349/2024-00012", note), msg.Zh); got == "" {
		t.Error("a change note already published acknowledged a new change of the date")
	}
}

func TestEnglishAndNothingPublished(t *testing.T) {
	got := check(published("2024-03-12", "X"), doc("2024-03-15", "X"), msg.En)
	want := "content/policies/a.md:3:1: date (publication date): the published publication date was 2024-03-12 and is now 2024-03-15; a published record must not change silently: add an entry to changes dated 2024-03-15 or later that says why, or restore 2024-03-12\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := check(nil, doc("2024-03-15", "X"), msg.Zh); got != "" {
		t.Errorf("with no previous release: %q", got)
	}
}
