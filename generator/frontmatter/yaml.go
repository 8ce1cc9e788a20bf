package frontmatter

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// parseYAML decodes block into doc.Values and records key positions from the YAML syntax tree.
func parseYAML(block []byte, doc *Doc) error {
	if strings.TrimSpace(string(block)) == "" {
		return nil
	}
	file, err := parser.ParseBytes(block, 0)
	if err != nil {
		return yamlError(block, err)
	}
	var values map[string]any
	if err := yaml.Unmarshal(block, &values); err != nil {
		return yamlError(block, err)
	}
	for k, v := range values {
		doc.Values[k] = normalize(v)
	}
	for _, d := range file.Docs {
		walkYAML(block, doc, "", d.Body)
	}
	return nil
}

func walkYAML(block []byte, doc *Doc, path string, n ast.Node) {
	switch x := n.(type) {
	case *ast.MappingNode:
		for _, mv := range x.Values {
			walkYAML(block, doc, path, mv)
		}
	case *ast.MappingValueNode:
		key := x.Key.String()
		key = strings.Trim(key, `"'`)
		p := join(path, key)
		if tk := x.Key.GetToken(); tk != nil {
			doc.Pos[p] = tokenPos(block, tk)
		}
		if tk := x.Value.GetToken(); tk != nil {
			doc.ValuePos[p] = tokenPos(block, tk)
		}
		walkYAML(block, doc, p, x.Value)
	case *ast.SequenceNode:
		for i, v := range x.Values {
			ep := fmt.Sprintf("%s[%d]", path, i)
			if tk := v.GetToken(); tk != nil {
				doc.Pos[ep] = tokenPos(block, tk)
				doc.ValuePos[ep] = doc.Pos[ep]
			}
			walkYAML(block, doc, ep, v)
		}
	case *ast.TagNode:
		walkYAML(block, doc, path, x.Value)
	case *ast.AnchorNode:
		walkYAML(block, doc, path, x.Value)
	}
}

func tokenPos(block []byte, tk *token.Token) Pos {
	return charColumn(block, tk.Position.Line, tk.Position.Column)
}

// yamlError turns goccy's errors, which carry the offending token, into a positioned SyntaxError.
func yamlError(block []byte, err error) error {
	type tokenError interface {
		GetToken() *token.Token
		GetMessage() string
	}
	var te tokenError
	if errors.As(err, &te) && te.GetToken() != nil {
		return &SyntaxError{Pos: tokenPos(block, te.GetToken()), Msg: "YAML: " + te.GetMessage()}
	}
	return &SyntaxError{Pos: Pos{1, 1}, Msg: "YAML: " + err.Error()}
}
