// Package frontmatter splits a Markdown document into front matter and body and decodes the front matter with the
// line and column of every key.
//
// Hugo parses front matter too, but it reports only the first error and no positions for values it accepts and
// gongkai then refuses (a misspelt key, a bad 索引号). gongkai parses it first so that every diagnostic can point at
// its own line. This package is the only one that imports the TOML AST parser (pelletier/go-toml/v2/unstable) and
// the YAML parser (goccy/go-yaml); it hands out plain Go values so that no other package depends on either.
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Format is the syntax of a front matter block.
type Format int

const (
	None Format = iota
	TOML
	YAML
)

func (f Format) String() string {
	switch f {
	case TOML:
		return "TOML"
	case YAML:
		return "YAML"
	}
	return "none"
}

// Pos is a 1-based line and column in the whole file; the column counts characters.
type Pos struct{ Line, Col int }

// Doc is a parsed document.
//
// Values holds the decoded keys with these Go types only: string, bool, int64, float64, []any, map[string]any.
// Dates and times become strings in RFC 3339 form ("2024-03-01", "2024-03-01T09:30:00", or with a zone), so that
// one parser of dates, the caller's, decides what is valid whatever the syntax.
type Doc struct {
	Format Format
	Values map[string]any
	// Pos maps the path of every key to where the key is written: "title", "interprets.policy", "changes[1].note".
	Pos map[string]Pos
	// ValuePos maps the same paths to where the value starts.
	ValuePos map[string]Pos
	// Body is the Markdown after the front matter; BodyLine is its first line in the file.
	Body     []byte
	BodyLine int
}

// EncodingError is a file that is not UTF-8 (typically saved as GBK by an older editor).
type EncodingError struct{ Pos Pos }

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%d:%d: not valid UTF-8", e.Pos.Line, e.Pos.Col)
}

// ErrNoFrontMatter is returned by Parse for a file that does not start with +++ or ---.
var ErrNoFrontMatter = errors.New("no front matter")

// Parse splits src and decodes its front matter. A syntax error is returned as *SyntaxError with the position in
// the whole file. A document without front matter gives ErrNoFrontMatter.
func Parse(src []byte) (*Doc, error) {
	if !utf8.Valid(src) {
		line, col := firstInvalidUTF8(src)
		return nil, &EncodingError{Pos: Pos{line, col}}
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	var delim string
	var format Format
	switch {
	case hasDelimLine(src, "+++"):
		delim, format = "+++", TOML
	case hasDelimLine(src, "---"):
		delim, format = "---", YAML
	default:
		return nil, ErrNoFrontMatter
	}
	// The block starts on line 2 and ends at the next line that is exactly the delimiter.
	start := bytes.IndexByte(src, '\n') + 1
	rest := src[start:]
	end, after := -1, -1
	off := 0
	for off <= len(rest) {
		nl := bytes.IndexByte(rest[off:], '\n')
		var line []byte
		if nl < 0 {
			line = rest[off:]
		} else {
			line = rest[off : off+nl]
		}
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			end = off
			if nl < 0 {
				after = len(rest)
			} else {
				after = off + nl + 1
			}
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return nil, notClosed(src, delim, format)
	}
	block := rest[:end]
	if err := prescan(block, format, MaxBytes); err != nil {
		return nil, shiftLimit(err)
	}
	doc := &Doc{
		Format:   format,
		Values:   map[string]any{},
		Pos:      map[string]Pos{},
		ValuePos: map[string]Pos{},
		Body:     rest[after:],
		BodyLine: 2 + bytes.Count(rest[:after], []byte("\n")),
	}
	var err error
	if format == TOML {
		err = parseTOML(block, doc)
	} else {
		err = parseYAML(block, doc)
	}
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			se.Pos.Line++ // the block starts on the file's second line
			return nil, se
		}
		return nil, shiftLimit(err)
	}
	// Positions were found inside the block; make them positions in the file.
	for k, p := range doc.Pos {
		doc.Pos[k] = Pos{p.Line + 1, p.Col}
	}
	for k, p := range doc.ValuePos {
		doc.ValuePos[k] = Pos{p.Line + 1, p.Col}
	}
	return doc, nil
}

func hasDelimLine(src []byte, delim string) bool {
	if !bytes.HasPrefix(src, []byte(delim)) {
		return false
	}
	line := src
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		line = src[:i]
	}
	return string(bytes.TrimRight(line, " \t\r")) == delim
}

// position converts a byte offset in b into a line and a character column.
func position(b []byte, off int) Pos {
	if off > len(b) {
		off = len(b)
	}
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	ls := bytes.LastIndexByte(b[:off], '\n') + 1
	return Pos{line, utf8.RuneCount(b[ls:off]) + 1}
}

func firstInvalidUTF8(b []byte) (line, col int) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			p := position(b, i)
			return p.Line, p.Col
		}
		i += size
	}
	return 1, 1
}

// normalize turns decoded values into the small set of types Doc promises.
func normalize(v any) any {
	switch x := v.(type) {
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 && x.Location() == time.UTC {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case uint64:
		return int64(x)
	case uint32:
		return int64(x)
	case float32:
		return float64(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case fmt.Stringer:
		// TOML's local date, time and date-time types print in RFC 3339 form.
		return x.String()
	}
	return v
}

// ParseTOMLFile decodes a whole TOML file (a configuration or data file) with the position of every key.
func ParseTOMLFile(src []byte) (*Doc, error) {
	if !utf8.Valid(src) {
		line, col := firstInvalidUTF8(src)
		return nil, &EncodingError{Pos: Pos{line, col}}
	}
	if err := prescan(src, TOML, MaxFileBytes); err != nil {
		return nil, err
	}
	doc := &Doc{Format: TOML, Values: map[string]any{}, Pos: map[string]Pos{}, ValuePos: map[string]Pos{}}
	if err := parseTOML(src, doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// shiftLimit makes a LimitError's position, found in the block, a position in the file.
func shiftLimit(err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		le.Pos.Line++
	}
	return err
}

// notClosed is the error of front matter whose closing line is missing. An editor who closed +++ with --- (or the
// reverse) is shown that line.
func notClosed(src []byte, delim string, format Format) *SyntaxError {
	e := &SyntaxError{Pos: Pos{1, 1}, Format: format, Cause: CauseNotClosed, Want: delim, Char: rune(delim[0]),
		Msg: fmt.Sprintf("front matter opened with %s is never closed", delim)}
	other := "---"
	if delim == "---" {
		other = "+++"
	}
	for i, l := range bytes.Split(src, []byte("\n")) {
		if i > 0 && string(bytes.TrimRight(l, " \t\r")) == other {
			e.Pos = Pos{i + 1, 1}
			break
		}
	}
	return e
}
