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
	// Aliases are refused before decoding expands them: a few hundred bytes of nested aliases expand to gigabytes.
	for _, d := range file.Docs {
		if n := findAlias(d.Body); n != nil {
			return &LimitError{Pos: tokenPos(block, n.GetToken()), Kind: "alias"}
		}
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
	return checkDepth(doc)
}

// findAlias returns the first anchor (&name) or alias (*name) under n, or nil.
func findAlias(n ast.Node) ast.Node {
	var found ast.Node
	ast.Walk(visitor(func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n.(type) {
		case *ast.AnchorNode, *ast.AliasNode:
			found = n
			return false
		}
		return true
	}), n)
	return found
}

type visitor func(ast.Node) bool

func (v visitor) Visit(n ast.Node) ast.Visitor {
	if n == nil || !v(n) {
		return nil
	}
	return v
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
		return diagnose(block, YAML, tokenPos(block, te.GetToken()), te.GetMessage())
	}
	return &SyntaxError{Pos: Pos{1, 1}, Format: YAML, Msg: err.Error()}
}
