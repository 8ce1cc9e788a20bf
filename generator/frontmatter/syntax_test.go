package frontmatter

import (
	"errors"
	"strings"
	"testing"

	"gongkai/generator/msg"
)

// Every usual mistake is recognised in TOML and in YAML front matter, at the character that is wrong, and said
// with that character as it is (never a byte of it shown as a character).
func TestSyntaxCauses(t *testing.T) {
	for _, c := range []struct {
		src   string
		cause Cause
		pos   Pos
		char  rune
		want  string
	}{
		{"+++\ntitle = “通知”\n+++\n", CauseChineseQuote, Pos{2, 9}, '“', ""},
		// Windows line endings (CRLF), as Notepad saves them, and a byte-order mark.
		{"\uFEFF+++\r\ntitle = “通知”\r\ndate = 2024-01-01\r\n+++\r\n", CauseChineseQuote, Pos{2, 9}, '“', ""},
		{"---\r\ntitle: a\r\n\tdate: 2024-01-01\r\n---\r\n", CauseTab, Pos{3, 1}, '\t', ""},
		{"+++\ntitle = \"通知”\n+++\n", CauseChineseQuote, Pos{2, 12}, '”', ""},
		{"+++\ntitle = \"关于“某”的通知”\n+++\n", CauseChineseQuote, Pos{2, 18}, '”', ""},
		{"---\ntitle: \"通知”\n---\n", CauseChineseQuote, Pos{2, 11}, '”', ""},
		{"+++\ntitle ＝ \"通知\"\n+++\n", CauseFullWidth, Pos{2, 7}, '＝', "="},
		{"+++\ntitle：\"通知\"\n+++\n", CauseFullWidth, Pos{2, 6}, '：', "="},
		{"+++\nkeywords = ［\"a\"］\n+++\n", CauseFullWidth, Pos{2, 12}, '［', "["},
		{"+++\ninterprets = ｛ policy = \"policies/a\" ｝\n+++\n", CauseFullWidth, Pos{2, 14}, '｛', "{"},
		{"+++\nkeywords = [\"a\"，\"b\"]\n+++\n", CauseFullWidth, Pos{2, 16}, '，', ","},
		{"+++\ntitle\u3000= \"a\"\n+++\n", CauseFullWidth, Pos{2, 6}, '\u3000', " "},
		{"---\ntitle：\"通知\"\ndate: 2024-01-01\n---\n", CauseFullWidth, Pos{2, 6}, '：', ":"},
		{"---\ntitle ＝ a\n---\n", CauseFullWidth, Pos{2, 7}, '＝', ":"},
		{"+++\ntitle\u00a0= \"a\"\n+++\n", CauseInvisible, Pos{2, 6}, '\u00a0', ""},
		{"---\ntitle: a\ndate:\u00a0 2024-01-01\n---\n", CauseInvisible, Pos{3, 6}, '\u00a0', ""},
		{"+++\npath = \"C:\\文件\\a.pdf\"\n+++\n", CauseBackslash, Pos{2, 11}, '\\', `'C:\文件\a.pdf'`},
		{"+++\npath = \"C:\\Users\\a.pdf\"\n+++\n", CauseBackslash, Pos{2, 11}, '\\', `'C:\Users\a.pdf'`},
		{"---\npath: \"C:\\文件\\a.pdf\"\n---\n", CauseBackslash, Pos{2, 10}, '\\', `'C:\文件\a.pdf'`},
		{"+++\ndate = 2026/11/25\n+++\n", CauseDate, Pos{2, 8}, '2', "2026-11-25"},
		{"+++\ndate = 2026.11.25\n+++\n", CauseDate, Pos{2, 8}, '2', "2026-11-25"},
		{"+++\ndate = 2026年11月25日\n+++\n", CauseDate, Pos{2, 8}, '2', "2026-11-25"},
		{"+++\ndate = 2026-1-5\n+++\n", CauseDate, Pos{2, 8}, '2', "2026-01-05"},
		{"+++\ntitle = \"通知\ndate = 2024-01-01\n+++\n", CauseUnclosed, Pos{2, 9}, '"', ""},
		{"---\ntitle: \"通知\ndate: 2024-01-01\n---\n", CauseUnclosed, Pos{2, 8}, '"', ""},
		{"---\ntitle: 'a\n---\n", CauseUnclosed, Pos{2, 8}, '\'', ""},
		{"+++\ntitle = \"关于\"某项\"工作的通知\"\n+++\n", CauseInnerQuote, Pos{2, 12}, '"', ""},
		{"---\ntitle: \"关于\"某项\"工作的通知\"\n---\n", CauseInnerQuote, Pos{2, 11}, '"', ""},
		{"+++\ntitle = 通知\n+++\n", CauseUnquoted, Pos{2, 9}, '通', `title = "通知"`},
		{"+++\n标题 = \"a\"\n+++\n", CauseKey, Pos{2, 1}, '标', ""},
		{"---\ntitle: a\n\tdate: 2024-01-01\n---\n", CauseTab, Pos{3, 1}, '\t', ""},
		{"---\ntitle: a\n  date: 2024-01-01\n---\n", CauseIndent, Pos{3, 3}, 0, ""},
		{"---\nkeywords:\n  - a\n - b\n---\n", CauseIndent, Pos{4, 2}, 0, ""},
		{"---\ntitle:通知\ndate: 2024-01-01\n---\n", CauseColonSpace, Pos{2, 6}, ':', "title: 通知"},
		{"---\ntitle: 关于: 某事\ndate: 2024-01-01\n---\n", CauseColonInValue, Pos{2, 8}, '关', `"关于: 某事"`},
		{"+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n", CauseDuplicate, Pos{3, 1}, 't', ""},
		{"---\ntitle: a\ntitle: b\n---\n", CauseDuplicate, Pos{3, 1}, 't', ""},
		{"+++\nkeywords = [\"a\", \"b\"\n+++\n", CauseBracket, Pos{2, 12}, '[', "]"},
		{"+++\nkeywords = [\"社保\" \"医保\"]\n+++\n", CauseListComma, Pos{2, 18}, '"', ""},
		{"+++\nkeywords = [\"a\", 'b' \"c\"]\n+++\n", CauseListComma, Pos{2, 22}, '"', ""},
		{"---\nkeywords: [\"社保\" \"医保\"]\n---\n", CauseListComma, Pos{2, 17}, '"', ""},
		{"---\nkeywords: [a, b\n---\n", CauseBracket, Pos{2, 11}, '[', "]"},
		{"+++\ninterprets = { policy = \"policies/a\"\n+++\n", CauseBracket, Pos{2, 14}, '{', "}"},
		{"+++\ndate = 2024-13-01\n+++\n", CauseNoSuchDate, Pos{2, 8}, '2', ""},
		{"+++\ndate = 2024-02-30\n+++\n", CauseNoSuchDate, Pos{2, 8}, '2', ""},
		{"+++\ntitle = \"a\"\n---\n正文\n", CauseNotClosed, Pos{3, 1}, '+', "+++"},
		{"---\ntitle: a\n正文\n", CauseNotClosed, Pos{1, 1}, '-', "---"},
	} {
		_, err := Parse([]byte(c.src))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: %v, want a syntax error", c.src, err)
			continue
		}
		if se.Cause != c.cause || se.Pos != c.pos || se.Char != c.char || se.Want != c.want {
			t.Errorf("%q: cause %d at %v, char %q, want %q; expected cause %d at %v, char %q, want %q",
				c.src, se.Cause, se.Pos, se.Char, se.Want, c.cause, c.pos, c.char, c.want)
		}
		for _, l := range msg.Langs {
			m := se.Message(l)
			if strings.Contains(m, "%!") || strings.ContainsAny(m, "âæåéï") {
				t.Errorf("%q in %s: %s", c.src, l, m)
			}
		}
	}
}

// A mistake not recognised is said in the site's language with the parser's words, the character at the error
// decoded from the text: go-toml shows the first byte of 文 as U+00E6 'æ'.
func TestSyntaxOtherShowsTheRealCharacter(t *testing.T) {
	var se *SyntaxError
	_, err := Parse([]byte("+++\ntitle = 1 文\n+++\n"))
	if !errors.As(err, &se) || se.Cause != CauseUnknown || se.Char != '文' {
		t.Fatalf("%#v", err)
	}
	if m := se.Message(msg.Zh); !strings.Contains(m, "文") || strings.Contains(m, "æ") || !strings.HasPrefix(m, "不符合 TOML 写法") {
		t.Errorf("%s", m)
	}
}

func TestSuggestDate(t *testing.T) {
	for in, want := range map[string]string{"2026/11/25": "2026-11-25", "2026年1月5日": "2026-01-05", "2026.1.05": "2026-01-05", "2026-11-25": "", "通知": ""} {
		got, ok := SuggestDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("SuggestDate(%q) = %q, %v", in, got, ok)
		}
	}
}
