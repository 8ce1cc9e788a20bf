package catalog

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	compiled   *jsonschema.Schema
	compileErr error
	once       sync.Once
)

// Validate checks a catalog.json against the shipped schema; the build runs it before publishing, so a consumer
// relying on the schema never receives a catalogue that breaks it.
func Validate(data []byte) error {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
		if err != nil {
			compileErr = fmt.Errorf("read catalog schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("catalog.schema.json", doc); err != nil {
			compileErr = fmt.Errorf("load catalog schema: %w", err)
			return
		}
		compiled, compileErr = c.Compile("catalog.schema.json")
	})
	if compileErr != nil {
		return compileErr
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse catalog.json: %w", err)
	}
	if err := compiled.Validate(v); err != nil {
		return fmt.Errorf("catalog.json does not match its schema: %w", err)
	}
	return nil
}
