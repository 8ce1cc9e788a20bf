package content_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongkai/generator/content"
	"gongkai/generator/siteconfig"
	"gongkai/generator/testkit/sitetest"
)

// A compressed SVG (.svgz) is published as image/svg+xml too: it is checked once decompressed, and one that does
// not decompress is refused, since nobody can check it. Files of static/ under a dot folder are not published
// unless params.static_dotfiles lists the folder, and are checked only then.
func TestCompressedAndDotfileSVGs(t *testing.T) {
	dir := sitetest.Write(t, "-- config.toml --\n"+strings.Replace(sitetest.Config, "[params]\n", "[params]\nstatic_dotfiles = [\".well-known\"]\n", 1)+goodPolicy)
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for name, data := range map[string][]byte{
		"static/images/evil.svgz":      gz("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>"),
		"static/images/ok.svgz":        gz(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`),
		"static/images/broken.SVGZ":    []byte("not gzip"),
		"static/.well-known/evil.svg":  []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>`),
		"static/.hidden/evil.svg":      []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>`),
		"content/policies/.hidden.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>`),
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, diags, err := siteconfig.Load(dir)
	if err != nil || diags.Len() > 0 {
		t.Fatalf("config: %v %v", err, diags.Sorted())
	}
	_, diags, err = content.Load(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"static/.well-known/evil.svg:1:1: SVG 图片含有可执行的内容(事件属性 onload):单独打开时会作为本站网页运行,不予发布;请删除后重新导出,或改用 PNG 格式",
		"static/images/broken.SVGZ: SVG 图片不是格式正确的 UTF-8 XML,无法检查其中是否含有脚本,不予发布;请用绘图软件重新导出",
		"static/images/evil.svgz:2:1: SVG 图片含有可执行的内容(脚本元素 <script>):单独打开时会作为本站网页运行,不予发布;请删除后重新导出,或改用 PNG 格式",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
