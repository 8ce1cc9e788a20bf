package content

import (
	"fmt"
	"strings"
	"testing"
)

func TestRemoteImages(t *testing.T) {
	body := strings.Join([]string{
		`正文 ![图一](https://img.example.com/a.png) 与 ![本站](/images/b.png) 和 ![附件](c.png)。`,  // 10
		`![协议相对](//cdn.example.net/d.png "标题") ![本站全址](https://www.example.gov.cn/e.png)`, // 11
		`![引用图][远程] ![引用本站][local] ![远程] ![Collapsed][]`,                                  // 12
		"`![代码](https://code.example/x.png)` \\![转义](https://esc.example/y.png)",          // 13
		"```",
		`![围栏](https://fence.example/z.png)`,
		"```",
		`[远程]: https://ref.example/r.png "title"`, // 17
		`[LOCAL]: /images/l.png`,
		`[collapsed]:   <http://ref2.example/c.png>`,
		`[链接](https://www.gov.cn/) 不是图片。 ![data](data:image/png;base64,AAAA)`,
		`{{< figure src="https://fig.example/f.png" alt="x" >}} {{< figure src="/images/ok.png" >}}`, // 21
		`![嵌套 [括号] 说明](https://nest.example/n.png)`,
	}, "\n")
	var got []string
	for _, r := range remoteImages([]byte(body), 10, "www.example.gov.cn") {
		got = append(got, fmt.Sprintf("%d:%d %s", r.line, r.col, r.url))
	}
	want := []string{
		"10:4 https://img.example.com/a.png",
		"11:1 //cdn.example.net/d.png",
		"12:1 https://ref.example/r.png",
		"12:27 https://ref.example/r.png",
		"12:33 http://ref2.example/c.png",
		"21:1 https://fig.example/f.png",
		"22:1 https://nest.example/n.png",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
