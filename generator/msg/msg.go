// Package msg is the one catalogue of what gongkai says to people: editors' diagnostics, the command line and the
// words of generated pages, in every language a site can be built in.
//
// A site speaks one language (siteconfig decides it from defaultContentLanguage or locale). Every sentence is a
// Text holding that sentence in each Lang, declared once in this package with def, so that a language cannot lack a
// sentence another has: the package test checks every Text of the catalogue in every language, format verbs
// included. Sentences are grouped in one file per area (content.go, config.go, cli.go, ...), each variable named
// after its area.
package msg

import "fmt"

// Lang is a language gongkai speaks.
type Lang string

const (
	Zh Lang = "zh" // Chinese: the default
	En Lang = "en"
)

// Langs lists every language; each Text has a sentence for each.
var Langs = []Lang{Zh, En}

// Parse maps a language tag (defaultContentLanguage, locale) to the Lang gongkai speaks: English for any en tag,
// Chinese otherwise.
func Parse(tag string) Lang {
	if len(tag) >= 2 && tag[:2] == "en" {
		return En
	}
	return Zh
}

// Text is one sentence (or label) in every language. A sentence with format verbs is rendered with F.
type Text struct {
	Zh string
	En string
}

// In is the sentence in l; Chinese for a language gongkai does not know.
func (t Text) In(l Lang) string {
	if l == En {
		return t.En
	}
	return t.Zh
}

// F is the sentence in l with its format verbs filled in, as by fmt.Sprintf; without arguments, the sentence as
// it is.
func (t Text) F(l Lang, args ...any) string {
	if len(args) == 0 {
		return t.In(l)
	}
	return fmt.Sprintf(t.In(l), args...)
}

// catalogue is every Text declared with def, in declaration order, for the test.
var catalogue []Text

// def declares a Text of the catalogue.
func def(zh, en string) Text {
	t := Text{Zh: zh, En: en}
	catalogue = append(catalogue, t)
	return t
}
