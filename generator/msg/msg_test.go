package msg

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// verbs are the format verbs of a sentence, with their explicit argument indexes, sorted: languages order words
// differently, so a translation may use the arguments in another order but must use the same ones.
var verbRe = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	var out []string
	arg := 0 // as in fmt: an explicit index sets the argument the next verbs follow on from
	for _, v := range verbRe.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		if strings.HasPrefix(v, "%[") {
			arg, _ = strconv.Atoi(v[2:strings.Index(v, "]")])
		} else {
			arg++
		}
		out = append(out, fmt.Sprintf("%%[%d]%s", arg, v[len(v)-1:]))
	}
	sort.Strings(out)
	return out
}

// Every language has every sentence of the catalogue, with the same arguments.
func TestEveryLanguageHasEverySentence(t *testing.T) {
	if len(catalogue) < 50 {
		t.Fatalf("catalogue has %d sentences: def is not recording them", len(catalogue))
	}
	for _, text := range catalogue {
		want := verbs(text.In(Zh))
		for _, l := range Langs {
			s := text.In(l)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%q has no %s sentence", text.Zh, l)
				continue
			}
			if got := verbs(s); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%q in %s: arguments %v, in zh %v", s, l, got, want)
			}
		}
	}
}

func TestVerbs(t *testing.T) {
	for s, want := range map[string]string{
		"a %s b %d":               "%[1]s %[2]d",
		"页面 %[2]s 中没有 id 为 %[1]s": "%[1]s %[2]s",
		"100%% sure %q":           "%[1]q",
		"%5.2f":                   "%[1]f",
	} {
		if got := strings.Join(verbs(s), " "); got != want {
			t.Errorf("verbs(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestIn(t *testing.T) {
	x := Text{Zh: "中 %d", En: "en %d"}
	if x.In(Zh) != "中 %d" || x.In(En) != "en %d" || x.In("fr") != "中 %d" {
		t.Error("In picks the wrong sentence")
	}
	if x.F(En, 3) != "en 3" {
		t.Errorf("F = %q", x.F(En, 3))
	}
	if Parse("en-GB") != En || Parse("zh-CN") != Zh || Parse("") != Zh {
		t.Error("Parse")
	}
}
