package search

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// TestDocsJSON holds the hand-written docs/ files to what encoding/json
// writes for the same records, escapes included, so the client parses them
// as it always has.
func TestDocsJSON(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "引号\"与\\反斜杠\u2028\x7f\xfe", Kind: "policies", Date: "2024-01-02", IndexNo: "0001/2024-1",
			DocNo: "东人社发〔2024〕3号", Topic: `劳动\就业`, Publisher: "局",
			Text: "控制\x01字符\t制表\r回车\b\f 换行\n< > & \u2028\u2029 坏\xffUTF-8 😀", Attachments: []string{"附件1.docx", "</script>"}},
		{URL: "/b/", Title: "只有标题", Kind: "articles", ShortTitle: "简\"称", Keywords: []string{"社保", "医\\保"}, Summary: "摘\n要", Validity: "repealed"},
		{URL: "/d/", Title: "有效", Kind: "articles", Validity: "valid"},
		{URL: "/c/", Title: "", Kind: "reports", Text: "  \n  "},
	}
	got := docsJSON(docs, []int{0, 1, 2, 3})
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	var recs []record
	for _, d := range docs {
		r := record{URL: d.URL, Title: d.Title, ShortTitle: d.ShortTitle, Kind: d.Kind, Date: d.Date, IndexNo: d.IndexNo,
			DocNo: d.DocNo, Topic: d.Topic, Publisher: d.Publisher, Keywords: d.Keywords, Summary: d.Summary,
			Attachments: d.Attachments, Text: displayText(d.Text)}
		if d.lapsed() {
			r.Validity = d.Validity
		}
		recs = append(recs, r)
	}
	if err := enc.Encode(recs); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("docsJSON:\n%s\nencoding/json:\n%s", got, want.String())
	}
}

func TestNextRune(t *testing.T) {
	for _, s := range []string{"劳动仲裁", "a\xffb", "\xe4\xb8", "\xe4\xb8\x41", "\xed\xa0\x80", "\xe0\x80\x80", "ＡＢ😀　，。\u1000\ucfff\ud7ff"} {
		var got, want []rune
		for i := 0; i < len(s); {
			r, size := nextRune(s, i)
			got = append(got, r)
			i += size
		}
		for _, r := range s {
			want = append(want, r)
		}
		if !slices.Equal(got, want) {
			t.Errorf("nextRune over %q = %q, want %q", s, got, want)
		}
	}
}
