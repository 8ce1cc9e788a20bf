package frontmatter

import (
	"errors"
	"fmt"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// parseTOML decodes block into doc.Values and records key positions from the TOML syntax tree.
func parseTOML(block []byte, doc *Doc) error {
	var values map[string]any
	if err := toml.Unmarshal(block, &values); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			// DecodeError's column counts bytes; editors count characters.
			p := charColumn(block, row, col)
			return diagnose(block, TOML, p, strings.TrimPrefix(de.Error(), "toml: "))
		}
		return &SyntaxError{Pos: Pos{1, 1}, Format: TOML, Msg: err.Error()}
	}
	for k, v := range values {
		doc.Values[k] = normalize(v)
	}

	p := &unstable.Parser{}
	p.Reset(block)
	var table string
	arrayCount := map[string]int{}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table = keyPath(e.Key())
			recordKey(p, doc, table, e.Key())
		case unstable.ArrayTable:
			name := keyPath(e.Key())
			table = fmt.Sprintf("%s[%d]", name, arrayCount[name])
			arrayCount[name]++
			recordKey(p, doc, name, e.Key())
			recordKey(p, doc, table, e.Key())
		case unstable.KeyValue:
			recordKeyValue(p, doc, join(table, keyPath(e.Key())), e)
		}
	}
	if err := p.Error(); err != nil {
		return &SyntaxError{Pos: Pos{1, 1}, Format: TOML, Msg: err.Error()}
	}
	return checkDepth(doc)
}

func recordKeyValue(p *unstable.Parser, doc *Doc, path string, kv *unstable.Node) {
	recordKey(p, doc, path, kv.Key())
	recordValue(p, doc, path, kv.Value())
}

func recordValue(p *unstable.Parser, doc *Doc, path string, v *unstable.Node) {
	if pos, ok := nodePos(p, v); ok {
		doc.ValuePos[path] = pos
	}
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind == unstable.KeyValue {
				recordKeyValue(p, doc, join(path, keyPath(kv.Key())), kv)
			}
		}
	case unstable.Array:
		it := v.Children()
		i := 0
		for it.Next() {
			e := it.Node()
			if e.Kind == unstable.Comment {
				continue
			}
			ep := fmt.Sprintf("%s[%d]", path, i)
			if pos, ok := nodePos(p, e); ok {
				doc.Pos[ep] = pos
			} else if pos, ok := doc.Pos[path]; ok {
				doc.Pos[ep] = pos
			}
			recordValue(p, doc, ep, e)
			i++
		}
	}
}

// nodePos finds where a value node starts. Scalars reference the input through Data; containers have Raw.
func nodePos(p *unstable.Parser, n *unstable.Node) (Pos, bool) {
	data := p.Data()
	if n.Raw.Length > 0 {
		return position(data, int(n.Raw.Offset)), true
	}
	if c := n.Child(); c != nil && c.Kind == unstable.KeyValue && c.Raw.Length > 0 {
		return position(data, int(c.Raw.Offset)), true
	}
	return Pos{}, false
}

func recordKey(p *unstable.Parser, doc *Doc, path string, key unstable.Iterator) {
	if key.Next() {
		n := key.Node()
		if n.Raw.Length > 0 || n.Raw.Offset > 0 {
			doc.Pos[path] = position(p.Data(), int(n.Raw.Offset))
		}
	}
}

func keyPath(it unstable.Iterator) string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// charColumn converts a 1-based byte column on a 1-based row into a character column.
func charColumn(b []byte, row, col int) Pos {
	lines := strings.SplitAfter(string(b), "\n")
	if row < 1 || row > len(lines) {
		return Pos{row, col}
	}
	line := lines[row-1]
	if col-1 > len(line) || col < 1 {
		return Pos{row, col}
	}
	return Pos{row, len([]rune(line[:col-1])) + 1}
}
