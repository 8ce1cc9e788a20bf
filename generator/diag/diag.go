// Package diag is the one way gongkai tells an editor what is wrong with a site.
//
// Editors are not programmers: every message must say where (file, line, column), which field, and what to do,
// and the whole list must be shown at once so one build round-trip fixes everything. Diagnostics are therefore
// collected, never returned one at a time, and printed in a stable order so that output is reproducible and
// testable as exact text.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops publication.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one place. Line and Col are 1-based; Col counts characters, not bytes, because a
// Chinese editor counts characters. A zero Line means the problem concerns the file as a whole; an empty File, that
// it concerns the command as a whole (gongkai new asked for a kind that does not exist): the message names what.
type Diagnostic struct {
	File     string // slash-separated, relative to the site directory
	Line     int
	Col      int
	Field    string // front-matter key or dotted path; empty when the problem is not about one field
	Label    string // the field's name in the site's language, e.g. 索引号
	Message  string
	Severity Severity
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		if d.Label != "" {
			fmt.Fprintf(&b, " (%s)", d.Label)
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List collects diagnostics from every stage of a build.
type List struct {
	items []Diagnostic
}

// Add records d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Addf records an error at a place.
func (l *List) Addf(file string, line, col int, field, label, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Label: label, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at a place.
func (l *List) Warnf(file string, line, col int, field, label, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Label: label, Message: fmt.Sprintf(format, args...), Severity: Warning})
}

// Merge appends every diagnostic of o.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Errors counts the diagnostics that stop publication.
func (l *List) Errors() int {
	n := 0
	for _, d := range l.items {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the diagnostics that do not stop publication.
func (l *List) Warnings() int { return len(l.items) - l.Errors() }

// Len is the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Sorted returns the diagnostics ordered by file, line, column, field and message, so that output does not depend
// on the order in which stages or goroutines found them.
func (l *List) Sorted() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Message < b.Message
	})
	// The same problem reached by two routes is said once.
	uniq := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		uniq = append(uniq, d)
	}
	return uniq
}

// Print writes one diagnostic per line, sorted.
func (l *List) Print(w io.Writer) {
	for _, d := range l.Sorted() {
		fmt.Fprintln(w, d.String())
	}
}
