//go:build !linux

package publish

import "errors"

// syncFS is not available here: durable syncs file by file.
func syncFS(string) error { return errors.ErrUnsupported }
