package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCompact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"东人社发〔2024〕3号", "东人社发20243号"},
		{"东人社发[2024]3号", "东人社发20243号"},
		{"东人社发2024 3号", "东人社发20243号"},
		{"东人社发（2024）3号", "东人社发20243号"},
		{"000014349/2024-00012", "000014349202400012"},
		{"ＡＢＣ１２３ｄｅｆ", "abc123def"}, // full-width typing
		{"劳动\n仲裁", "劳动仲裁"},         // a Markdown line break
		{"《劳动合同法》第三十条、", "劳动合同法第三十条"},
		{"PDF附件.docx", "pdf附件docx"},
		{"二〇二四年", "二〇二四年"}, // 〇 is a number, kept
		{"　", ""},
	} {
		if got := Compact(c.in); got != c.want {
			t.Errorf("Compact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQueryTerms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"欠", []string{"欠"}},
		{"欠薪", []string{"欠薪"}},
		{"劳动仲裁", []string{"劳动", "仲裁"}},
		{"劳动仲裁委", []string{"劳动", "仲裁", "裁委"}},
		{"2024", []string{"202", "024"}},
		{"000014349/2024-00012", []string{"000014", "349202", "400012"}},
		{"东人社发〔2024〕3号", []string{"东人", "社发", "202", "243", "3号"}},
		{"ab", []string{"ab"}},
		{"发2024", []string{"发2", "024"}},
	} {
		got := queryTerms([]rune(Compact(c.in)))
		if !slices.Equal(got, c.want) {
			t.Errorf("queryTerms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestJunctionTerms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"欠薪", nil},
		{"劳动仲裁", []string{"动仲"}},
		{"劳动仲裁委", []string{"动仲"}}, // 裁委 already joins 仲裁 and 委
		{"2024", nil},
		// Windows of six centred on the joins of 000014|349202|400012.
		{"000014349/2024-00012", []string{"014349", "202400"}},
		{"东人社发〔2024〕3号", []string{"人社", "发2"}},
		{"20年1月14日", []string{"0年", "1月", "14"}},
	} {
		got := junctionTerms([]rune(Compact(c.in)))
		if !slices.Equal(got, c.want) {
			t.Errorf("junctionTerms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQueryWords(t *testing.T) {
	got := QueryWords("  欠薪　劳动仲裁 ，， Ａbc ")
	want := []string{"欠薪", "劳动仲裁", "abc"}
	if !slices.Equal(got, want) {
		t.Errorf("QueryWords = %q, want %q", got, want)
	}
}

func TestNumbers(t *testing.T) {
	for _, v := range []int{0, 1, 31, 32, 33, 1023, 1024, 1 << 20, 123456789} {
		got, err := decodeNums(string(appendNum(nil, v)))
		if err != nil || len(got) != 1 || got[0] != v {
			t.Errorf("round trip %d = %v, %v", v, got, err)
		}
	}
	if _, err := decodeNums("z!"); err == nil {
		t.Error("decodeNums accepted a character outside the alphabet")
	}
	if _, err := decodeNums("Z"); err == nil {
		t.Error("decodeNums accepted a truncated number")
	}
}

// FuzzTokenize holds the property search depends on: for any text and any
// substring of its compact form, the query's terms are all terms of the text.
// A failure here is a document that search would fail to find.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"东人社发〔2024〕3号", "000014349/2024-00012", "劳动\n仲裁", "Ａbc1２3 欠薪 x",
		"关于做好2024年根治欠薪工作的通知", "a", "12", "abc123def456ghi", "é́ñ", "\xff\xfe",
	} {
		f.Add(s, 0, 3)
	}
	f.Fuzz(func(t *testing.T, s string, from, n int) {
		c, at := compact(s)
		if len(c) != len(at) {
			t.Fatalf("compact: %d runes, %d offsets", len(c), len(at))
		}
		for i, r := range c {
			if fold(r) != r {
				t.Fatalf("compact form not folded: %q at %d", r, i)
			}
			if i > 0 && at[i] <= at[i-1] {
				t.Fatalf("offsets not increasing: %v", at)
			}
		}
		if Compact(string(c)) != string(c) && utf8.ValidString(s) {
			t.Fatalf("Compact not idempotent on %q", s)
		}
		if len(c) == 0 {
			return
		}
		from = abs(from) % len(c)
		n = 1 + abs(n)%(len(c)-from)
		q := c[from : from+n]
		have := map[string]bool{}
		indexTerms(c, func(t string) { have[t] = true })
		for _, term := range append(queryTerms(q), junctionTerms(q)...) {
			if !have[term] {
				t.Fatalf("query %q of text %q needs term %q, which is not indexed", string(q), s, term)
			}
		}
		// A query typed with separators anywhere must reduce to the same word.
		if got := QueryWords(strings.Join(strings.Split(string(q), ""), "·")); len(got) != 1 || got[0] != string(q) {
			t.Fatalf("QueryWords with separators = %q, want %q", got, string(q))
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // math.MinInt
			return 0
		}
		return -n
	}
	return n
}

// The CJK fast path in fold must agree with the Unicode tables it skips.
func TestFoldCJK(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FEF; r++ {
		if !unicode.IsLetter(r) {
			t.Fatalf("%U is not a letter, but fold keeps it", r)
		}
	}
}

func TestPostingsString(t *testing.T) {
	gaps, vals := []int{0, 40, 1 << 20, 5}, []int{3, 31, 0, 2}
	var s []byte
	for _, g := range gaps {
		s = appendNum(s, g)
	}
	for _, v := range vals {
		s = append(s, digits[v])
	}
	g, v, err := decodePostings(string(s))
	if err != nil || !slices.Equal(g, gaps) || !slices.Equal(v, vals) {
		t.Errorf("decodePostings(%q) = %v, %v, %v", s, g, v, err)
	}
	for _, bad := range []string{"012", "0Z1", "01Z"} {
		if _, _, err := decodePostings(bad); err == nil {
			t.Errorf("decodePostings(%q) accepted a malformed list", bad)
		}
	}
}
