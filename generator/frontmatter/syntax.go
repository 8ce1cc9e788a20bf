package frontmatter

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongkai/generator/msg"
)

// Cause is the usual mistake behind a syntax error, recognised from the line the parser stopped on, so that the
// editor reads what to change rather than what the parser expected.
type Cause int

const (
	CauseUnknown      Cause = iota // none recognised: the parser's words, with the real character
	CauseChineseQuote              // “ ” ‘ ’ used as the quotes of a string
	CauseFullWidth                 // ＝ ： ， ［ ］ ｛ ｝, a full-width space…: Want is the ASCII character
	CauseInvisible                 // a character that cannot be seen (no-break space, zero width), from Word or a web page
	CauseBackslash                 // a backslash in double quotes (a Windows path): Want is the value in single quotes
	CauseDate                      // 2026/11/25, 2026.11.25, 2026年11月25日, 2026-1-5: Want is 2026-11-25
	CauseUnclosed                  // a string without its closing quote: Char is the opening quote
	CauseInnerQuote                // text after a closed string: an ASCII quote inside the text
	CauseUnquoted                  // TOML: text without quotes; Want is the line with them
	CauseKey                       // TOML: a field name with characters other than ASCII letters, digits, _ and -
	CauseTab                       // YAML: a tab in the indentation
	CauseIndent                    // YAML: indentation that does not line up
	CauseColonSpace                // YAML: no space after the colon; Want is the line with it
	CauseColonInValue              // YAML: ": " inside an unquoted value; Want is the value quoted
	CauseDuplicate                 // a field written twice: Key
	CauseNotClosed                 // the front matter's closing line is missing: Want is the delimiter
	CauseBracket                   // a list [ or table { not closed: Char is the bracket, Want the closing one
	CauseNoSuchDate                // a date or time that does not exist (2024-13-01, 25:00): Key is it as written
	CauseListComma                 // two strings of a list with no comma between them: Char is the second's quote
)

// SyntaxError is front matter (or a TOML file) that does not parse: where, and the usual mistake recognised there.
type SyntaxError struct {
	Pos    Pos
	Format Format
	Cause  Cause
	// Char is the character at Pos, decoded from the text (0 at the end of a line).
	Char rune
	// Want is the correction, when the cause has one (see Cause).
	Want string
	// Key is the field a duplicate names, or the date as written (CauseDate).
	Key string
	// Msg is the parser's own words (English), with the character at the error decoded.
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// Message is the error as an editor reads it, in lang, without the position: the cause and what to write instead.
func (e *SyntaxError) Message(lang msg.Lang) string {
	f := e.Format.String()
	ch := showChar(e.Char, lang)
	switch e.Cause {
	case CauseChineseQuote:
		return msg.SyntaxChineseQuote.F(lang, ch, e.example())
	case CauseFullWidth:
		want := e.Want
		if want == " " {
			want = msg.SyntaxSpace.In(lang)
		}
		return msg.SyntaxFullWidth.F(lang, ch, want)
	case CauseInvisible:
		return msg.SyntaxInvisible.F(lang, fmt.Sprintf("U+%04X", e.Char))
	case CauseBackslash:
		return msg.SyntaxBackslash.F(lang, e.Want)
	case CauseDate:
		return msg.SyntaxDate.F(lang, e.Key, e.Want)
	case CauseUnclosed:
		return msg.SyntaxUnclosed.F(lang, ch)
	case CauseInnerQuote:
		return msg.SyntaxInnerQuote.F(lang, ch, e.example())
	case CauseUnquoted:
		return msg.SyntaxUnquoted.F(lang, e.Want)
	case CauseKey:
		return msg.SyntaxKey.F(lang, ch)
	case CauseTab:
		return msg.SyntaxTab.In(lang)
	case CauseIndent:
		return msg.SyntaxIndent.In(lang)
	case CauseColonSpace:
		return msg.SyntaxColonSpace.F(lang, e.Want)
	case CauseColonInValue:
		return msg.SyntaxColonInValue.F(lang, e.Want)
	case CauseDuplicate:
		return msg.SyntaxDuplicate.F(lang, e.Key)
	case CauseNotClosed:
		return msg.SyntaxNotClosed.F(lang, e.Want)
	case CauseNoSuchDate:
		return msg.SyntaxNoSuchDate.F(lang, e.Key)
	case CauseBracket:
		return msg.SyntaxBracket.F(lang, ch, e.Want)
	case CauseListComma:
		return msg.SyntaxListComma.F(lang, ch, e.listExample())
	}
	if e.Char == 0 {
		return msg.SyntaxOtherEnd.F(lang, f, e.Msg)
	}
	return msg.SyntaxOther.F(lang, f, ch, e.Msg)
}

// listExample is a correct list, in the format of the error.
func (e *SyntaxError) listExample() string {
	if e.Format == YAML {
		return `keywords: ["社保", "医保"]`
	}
	return `keywords = ["社保", "医保"]`
}

// example is a correct line for a quoting mistake, in the format of the error.
func (e *SyntaxError) example() string {
	if e.Format == YAML {
		return `title: "关于“某项”工作的通知"`
	}
	return `title = "关于“某项”工作的通知"`
}

// showChar names a character for a message: itself, with its code when it cannot be told from another by sight.
func showChar(r rune, lang msg.Lang) string {
	switch {
	case r == 0:
		return msg.SyntaxEndOfLine.In(lang)
	case r == '\t':
		return "Tab"
	case r == '\u3000':
		return msg.SyntaxFullWidthSpace.In(lang) + " (U+3000)"
	case r == ' ':
		return msg.SyntaxSpace.In(lang)
	case unicode.IsSpace(r) || !unicode.IsGraphic(r):
		return fmt.Sprintf("U+%04X", r)
	}
	return string(r)
}

// chineseQuotes are the quotation marks of Chinese text, which neither TOML nor YAML takes as quotes.
const chineseQuotes = "“”‘’"

// ASCIIOf is the ASCII character a full-width (Chinese input) one stands for (＝ → =, 【 → [), or 0.
func ASCIIOf(r rune) rune { return fullWidthASCII(r) }

func fullWidthASCII(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000':
		return ' '
	case r == '、':
		return ','
	case r == '。':
		return '.'
	case r == '【':
		return '['
	case r == '】':
		return ']'
	}
	return 0
}

func invisible(r rune) bool {
	switch r {
	case '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202F', '\u2007':
		return true
	}
	return false
}

// looseDate is a date written another way than YYYY-MM-DD: 2026/11/25, 2026.11.25, 2026年11月25日, 2026-1-5.
var looseDate = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`)

// SuggestDate returns s written as a date gongkai reads (2026-11-25), when s is a date written another common
// way; ok is false otherwise, and for a date already written so.
func SuggestDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	m := looseDate.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	want := fmt.Sprintf("%s-%02s-%02s", m[1], m[2], m[3])
	want = strings.ReplaceAll(want, " ", "0")
	if strings.HasPrefix(s, want) {
		return "", false
	}
	return want, true
}

// dateTime is a TOML date or date and time as written.
var dateTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?`)

// parserChar is go-toml's way of showing a character, U+00E2 'â': the first byte of a UTF-8 sequence taken for a
// character. It is replaced by the character really there.
var parserChar = regexp.MustCompile(`U\+[0-9A-F]{4,6} '[^']*'`)

// diagnose makes the SyntaxError for a parser's error at p (block coordinates) in block: the usual mistakes are
// recognised on the line the parser stopped on (and, for YAML's indentation, the next), since the parser's own
// words describe what it expected, not what the editor did.
func diagnose(block []byte, format Format, p Pos, parserMsg string) *SyntaxError {
	lines := strings.Split(string(block), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	e := &SyntaxError{Pos: p, Format: format}
	line := ""
	if p.Line >= 1 && p.Line <= len(lines) {
		line = lines[p.Line-1]
	}
	runes := []rune(line)
	if p.Col >= 1 && p.Col <= len(runes) {
		e.Char = runes[p.Col-1]
	}
	e.Msg = parserChar.ReplaceAllLiteralString(parserMsg, fmt.Sprintf("%q", e.Char))

	if strings.Contains(parserMsg, "already defined") {
		e.Cause, e.Key = CauseDuplicate, keyOf(line, format)
		e.Pos.Col = 1 + len([]rune(line)) - len([]rune(strings.TrimLeft(line, " \t")))
		return e
	}
	if format == YAML {
		if i := strings.IndexFunc(line, func(r rune) bool { return r != ' ' }); i >= 0 && line[i] == '\t' {
			e.Cause, e.Pos.Col, e.Char = CauseTab, len([]rune(line[:i]))+1, '\t'
			return e
		}
	}
	if f, ok := scanLine(runes, format); ok {
		f.Pos.Line = p.Line
		return f.into(e)
	}
	if strings.Contains(parserMsg, "impossible date") || strings.Contains(parserMsg, "cannot be greater") {
		if loc := dateTime.FindStringIndex(line); loc != nil {
			e.Cause, e.Key, e.Pos.Col = CauseNoSuchDate, line[loc[0]:loc[1]], len([]rune(line[:loc[0]]))+1
			e.Char, _ = utf8.DecodeRuneInString(line[loc[0]:])
			return e
		}
	}
	for _, b := range []struct {
		open, close rune
		says        []string
	}{
		{'[', ']', []string{"sequence end token", "array is incomplete"}},
		{'{', '}', []string{"flow mapping end token", "inline table is incomplete"}},
	} {
		for _, s := range b.says {
			if i := strings.LastIndex(line, string(b.open)); strings.Contains(parserMsg, s) && i >= 0 {
				e.Cause, e.Char, e.Want, e.Pos.Col = CauseBracket, b.open, string(b.close), len([]rune(line[:i]))+1
				return e
			}
		}
	}
	if format == YAML && (strings.Contains(parserMsg, "not allowed in this context") || strings.Contains(parserMsg, "non-map value")) {
		e.Cause = CauseIndent
		// goccy stops on the line before one indented too deep ("title: a" then "  date: …"): point at that line.
		if p.Line < len(lines) && strings.TrimSpace(lines[p.Line]) != "" && indentOf(lines[p.Line]) > indentOf(line) {
			e.Pos = Pos{p.Line + 1, indentOf(lines[p.Line]) + 1}
		} else {
			e.Pos.Col = indentOf(line) + 1
		}
		e.Char = 0
		return e
	}
	return e
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// keyOf is the field name a line starts with.
func keyOf(line string, format Format) string {
	sep := "="
	if format == YAML {
		sep = ":"
	}
	k, _, _ := strings.Cut(line, sep)
	return strings.Trim(strings.TrimSpace(k), `"'`)
}

// finding is a mistake found on a line: its cause, column (0-based, in characters) and character.
type finding struct {
	Pos   Pos
	cause Cause
	col   int
	char  rune
	want  string
	key   string
}

func (f finding) into(e *SyntaxError) *SyntaxError {
	e.Cause, e.Pos.Line, e.Pos.Col, e.Char, e.Want, e.Key = f.cause, f.Pos.Line, f.col+1, f.char, f.want, f.key
	return e
}

// scanLine looks for the usual mistakes on one line, left to right, the first one found winning: Chinese or
// full-width punctuation and invisible characters outside strings, a bad escape inside double quotes, text after a
// closed string, a string not closed; then a date written another way, unquoted text (TOML), a field name TOML does
// not take, and YAML's missing space after a colon or colon inside a value.
func scanLine(rs []rune, format Format) (finding, bool) {
	yaml := format == YAML
	var quote rune // the quote of the string the scan is in, or 0
	start := -1    // where that string started
	valueAt := -1  // where the value starts: after TOML's = or YAML's ": "
	lists := 0     // how many lists [ the scan is in
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if quote != 0 {
			switch {
			case r == '\\' && quote == '"':
				if n := badEscape(rs[i+1:], yaml); n >= 0 {
					return finding{cause: CauseBackslash, col: i, char: '\\', want: singleQuoted(rs, start, yaml)}, true
				}
				i++
			case r == quote && yaml && quote == '\'' && i+1 < len(rs) && rs[i+1] == '\'':
				i++ // '' is a quote inside a YAML single-quoted string
			case r == quote:
				quote = 0
				j := i + 1
				for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
					j++
				}
				if j < len(rs) && lists > 0 && (rs[j] == '"' || rs[j] == '\'') {
					return finding{cause: CauseListComma, col: j, char: rs[j]}, true
				}
				if j < len(rs) && !strings.ContainsRune("#,]}:", rs[j]) && !strings.ContainsRune(chineseQuotes, rs[j]) &&
					fullWidthASCII(rs[j]) == 0 && !invisible(rs[j]) {
					return finding{cause: CauseInnerQuote, col: i, char: r}, true
				}
			}
			continue
		}
		switch {
		case r == '#' && (!yaml || i == 0 || rs[i-1] == ' '):
			return finding{}, false // a comment
		case strings.ContainsRune(chineseQuotes, r):
			return finding{cause: CauseChineseQuote, col: i, char: r}, true
		case fullWidthASCII(r) != 0:
			want := string(fullWidthASCII(r))
			if (r == '＝' || r == '：') && valueAt < 0 {
				want = "="
				if yaml {
					want = ":"
				}
			}
			return finding{cause: CauseFullWidth, col: i, char: r, want: want}, true
		case invisible(r):
			return finding{cause: CauseInvisible, col: i, char: r}, true
		case r == '[' && valueAt >= 0:
			lists++
		case r == ']' && lists > 0:
			lists--
		case r == '"' || r == '\'':
			if yaml && !valueStart(rs, i) {
				continue // a quote inside plain YAML text is text
			}
			if !yaml && i+2 < len(rs) && rs[i+1] == r && rs[i+2] == r {
				return finding{}, false // a multi-line string: beyond one line
			}
			quote, start = r, i
		case !yaml && r == '=' && valueAt < 0:
			if k := strings.TrimSpace(string(rs[:i])); k != "" {
				for j, c := range rs[:i] {
					if !(c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || strings.ContainsRune("_-.\"' \t", c))) {
						return finding{cause: CauseKey, col: j, char: c}, true
					}
				}
			}
			valueAt = skipSpace(rs, i+1)
		case yaml && r == ':' && valueAt < 0:
			if i+1 < len(rs) && rs[i+1] != ' ' && rs[i+1] != '\t' && !invisible(rs[i+1]) && fullWidthASCII(rs[i+1]) == 0 &&
				plainKey(rs[:i]) {
				line := string(rs[:i+1]) + " " + string(rs[i+1:])
				return finding{cause: CauseColonSpace, col: i, char: ':', want: strings.TrimSpace(line)}, true
			}
			if i+1 >= len(rs) || rs[i+1] == ' ' {
				valueAt = skipSpace(rs, i+1)
			}
		case yaml && r == ':' && valueAt >= 0 && i > valueAt && (i+1 >= len(rs) || rs[i+1] == ' ') &&
			!strings.ContainsRune(`"'[{`, rs[valueAt]):
			v := strings.TrimSpace(string(rs[valueAt:]))
			return finding{cause: CauseColonInValue, col: valueAt, char: rs[valueAt], want: `"` + v + `"`}, true
		}
	}
	if quote != 0 {
		// The editor closed the string with a Chinese quote: point at it rather than at the opening one.
		end := len(rs) - 1
		for end > start && rs[end] == ' ' {
			end--
		}
		if end > start && strings.ContainsRune("”’", rs[end]) {
			return finding{cause: CauseChineseQuote, col: end, char: rs[end]}, true
		}
		return finding{cause: CauseUnclosed, col: start, char: quote}, true
	}
	if valueAt < 0 || valueAt >= len(rs) {
		return finding{}, false
	}
	value := string(rs[valueAt:])
	if want, ok := SuggestDate(value); ok {
		return finding{cause: CauseDate, col: valueAt, char: rs[valueAt], want: want, key: strings.TrimSpace(looseDate.FindString(value))}, true
	}
	if !yaml {
		c := rs[valueAt]
		if unicode.IsLetter(c) && !keyword(value) {
			k := strings.TrimSpace(string(rs[:valueAt]))
			text := strings.TrimSpace(value)
			if h := strings.Index(text, " #"); h >= 0 {
				text = strings.TrimSpace(text[:h])
			}
			return finding{cause: CauseUnquoted, col: valueAt, char: c, want: k + ` "` + text + `"`}, true
		}
	}
	return finding{}, false
}

// keyword is a TOML value that starts with a letter and needs no quotes.
func keyword(v string) bool {
	for _, k := range []string{"true", "false", "inf", "nan"} {
		if strings.HasPrefix(v, k) {
			return true
		}
	}
	return false
}

func skipSpace(rs []rune, i int) int {
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
		i++
	}
	return i
}

// valueStart says whether a quote at i starts a YAML value (a quoted scalar) rather than sitting inside plain text.
func valueStart(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && rs[j] == ' ' {
		j--
	}
	return j < 0 || strings.ContainsRune(":-[{,?", rs[j])
}

// plainKey is a YAML key written as a plain word (title, index_no), the only keys gongkai's front matter has.
func plainKey(rs []rune) bool {
	k := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(rs)), "- "))
	if k == "" {
		return false
	}
	for _, c := range k {
		if !(c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_' || c == '-')) {
			return false
		}
	}
	return true
}

// badEscape returns 0 when rest (what follows a backslash in double quotes) does not start a valid escape, -1
// when it does.
func badEscape(rest []rune, yaml bool) int {
	if len(rest) == 0 {
		return -1 // a line continuation in YAML; TOML says so itself
	}
	hex := func(n int) int {
		if len(rest) < 1+n {
			return 0
		}
		for _, c := range rest[1 : 1+n] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return 0
			}
		}
		return -1
	}
	switch rest[0] {
	case 'u':
		return hex(4)
	case 'U':
		return hex(8)
	case 'x':
		if yaml {
			return hex(2)
		}
		return 0
	case 'b', 't', 'n', 'f', 'r', '"', '\\':
		return -1
	case 'e':
		return -1 // TOML 1.1 and YAML
	case '0', 'a', 'v', ' ', '/', 'N', '_', 'L', 'P', '\t':
		if yaml {
			return -1
		}
	}
	return 0
}

// singleQuoted is the string starting at start rewritten in single quotes, where backslashes are plain; a string
// that holds a single quote itself keeps its double quotes with every backslash doubled.
func singleQuoted(rs []rune, start int, yaml bool) string {
	end := -1
	for j := start + 1; j < len(rs); j++ {
		if rs[j] == '"' && rs[j-1] != '\\' {
			end = j
			break
		}
	}
	body := string(rs[start+1:])
	if end > 0 {
		body = string(rs[start+1 : end])
	}
	if strings.Contains(body, "'") {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(body, `\\`, `\`), `\`, `\\`) + `"`
	}
	return "'" + body + "'"
}
