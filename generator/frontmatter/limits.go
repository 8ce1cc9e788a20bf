package frontmatter

import (
	"fmt"
	"gongkai/generator/msg"
	"strings"
)

// Bounds on what Parse accepts, so that a hostile or broken file is refused in milliseconds and a few megabytes:
// both parsers take time and memory that grow with the square of the nesting depth (5,000 levels of [ took 0.7 s
// and 175 MB, 30,000 levels 14 s and 2.8 GB), and YAML aliases expand exponentially ("billion laughs").
const (
	// MaxBytes is the largest front matter block: metadata, not text (the sample site's largest is about 1 KB).
	MaxBytes = 64 << 10
	// MaxFileBytes is the largest TOML data file (statistics, topic vocabulary): the sample's are 2-5 KB.
	MaxFileBytes = 1 << 20
	// MaxDepth is the deepest nesting of lists and tables below a key: a document needs 2
	// (changes = [{ date = …, note = … }]).
	MaxDepth = 8
	// scanDepth is what prescan lets through to the parsers: more than MaxDepth, since it over-counts.
	scanDepth = 64
)

// LimitError is front matter refused for its size, its depth or a YAML alias.
type LimitError struct {
	Pos   Pos
	Kind  string // "size", "depth" or "alias"
	Limit int    // MaxBytes or MaxDepth
}

// Message is the refusal as an editor reads it, in lang, without the position.
func (e *LimitError) Message(lang msg.Lang) string {
	switch e.Kind {
	case "size":
		return msg.LimitSize.F(lang, e.Limit>>10)
	case "depth":
		return msg.LimitDepth.F(lang, e.Limit)
	}
	return msg.LimitAlias.In(lang)
}

func (e *LimitError) Error() string {
	switch e.Kind {
	case "size":
		return fmt.Sprintf("%d:%d: larger than %d bytes", e.Pos.Line, e.Pos.Col, e.Limit)
	case "depth":
		return fmt.Sprintf("%d:%d: lists and tables nested deeper than %d levels", e.Pos.Line, e.Pos.Col, e.Limit)
	}
	return fmt.Sprintf("%d:%d: YAML anchors and aliases are not accepted in front matter", e.Pos.Line, e.Pos.Col)
}

// prescan refuses a block that is too large or nested far too deeply, in one pass over its bytes, before a parser
// sees it. It over-counts rather than under-counts, since it does not parse:
//   - every [ and { counts, quoted or not (a ] or } closes one, never below zero);
//   - in YAML, each indentation level open on a line counts, and so does each block indicator "- ", "? " or ": "
//     that opens it ("- - - x" is three lists);
//   - in TOML, each dot of a key (before its =, on the line) counts, since a.b.c = 1 nests three tables.
//
// The exact depth is checked after parsing (MaxDepth); this only keeps the parsers from inputs they would take
// seconds and gigabytes over.
func prescan(block []byte, format Format, max int) error {
	if len(block) > max {
		return &LimitError{Pos: position(block, max), Kind: "size", Limit: max}
	}
	flow := 0 // open [ and {
	lineStart := true
	line := 0         // levels the current line opens: block indicators (YAML), dots of keys (TOML)
	inKey := true     // TOML: before the = of a key
	indent := 0       // YAML: spaces before the first character of the line
	var indents []int // YAML: indentations of the open block levels
	deep := func(i int) error {
		if flow+line+len(indents) > scanDepth {
			return &LimitError{Pos: position(block, i), Kind: "depth", Limit: MaxDepth}
		}
		return nil
	}
	for i := 0; i < len(block); i++ {
		c := block[i]
		if c == '\n' {
			lineStart, line, inKey, indent = true, 0, true, 0
			continue
		}
		if lineStart && (c == ' ' || c == '\t') {
			indent++
			continue
		}
		if lineStart && format == YAML && c != '#' {
			for len(indents) > 0 && indents[len(indents)-1] >= indent {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, indent)
		}
		switch {
		case lineStart && format == YAML && (c == '-' || c == '?' || c == ':') &&
			(i+1 == len(block) || block[i+1] == ' ' || block[i+1] == '\t' || block[i+1] == '\n'):
			line++
			indent++ // the next indicator on the line is inside this one
		case c == '[' || c == '{':
			inKey = format == TOML && (c == '{' || lineStart)
			lineStart = false
			flow++
		case c == ']' || c == '}':
			lineStart = false
			if flow > 0 {
				flow--
			}
		case format == TOML && c == '=':
			lineStart, inKey = false, false
		case format == TOML && c == ',' && flow > 0:
			lineStart, inKey = false, true
		case format == TOML && c == '.' && inKey:
			lineStart = false
			line++
		default:
			lineStart = false
		}
		if err := deep(i); err != nil {
			return err
		}
	}
	return nil
}

// tooDeep reports whether v nests lists and tables more than MaxDepth levels below a key.
func tooDeep(v any, depth int) bool {
	if depth > MaxDepth {
		return true
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if tooDeep(e, depth+1) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if tooDeep(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// checkDepth refuses values nested more than MaxDepth levels below a top-level key (TOML's dotted keys and YAML's
// indentation nest without brackets), at the key's line.
func checkDepth(doc *Doc) error {
	var first *LimitError
	for k, v := range doc.Values {
		p, ok := doc.Pos[k]
		if !ok { // a dotted key: where its first part is written
			for q, qp := range doc.Pos {
				if strings.HasPrefix(q, k+".") && (!ok || qp.Line < p.Line || qp.Line == p.Line && qp.Col < p.Col) {
					p, ok = qp, true
				}
			}
		}
		if tooDeep(v, 0) && (first == nil || p.Line < first.Pos.Line || p.Line == first.Pos.Line && p.Col < first.Pos.Col) {
			first = &LimitError{Pos: p, Kind: "depth", Limit: MaxDepth}
		}
	}
	if first == nil {
		return nil
	}
	return first
}
