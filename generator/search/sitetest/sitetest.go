// Package sitetest builds a small disclosure site with the real pipeline, for
// tests that search its published index (from Go and from a browser). It is
// a package of its own because those tests need the whole build (Hugo,
// layouts, static files) and a browser driver, which the search package
// itself must not depend on.
package sitetest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"gongkai/generator/pipeline"
)

// Files is the site's content. Each document holds one case the issue names:
// a two-character word (仲裁) that also occurs inside longer words, a phrase
// broken across Markdown lines, a 索引号 and a 发文字号.
var Files = map[string]string{
	"content/policies/qx-2024.md": `+++
title = "天津市河东区人力资源和社会保障局关于做好2024年根治欠薪工作的通知"
date = 2024-03-12
index_no = "MB1A23456/2024-00012"
doc_no = "东人社发〔2024〕3号"
topic = '劳动、人事、监察\劳动关系'
+++
各街道办事处，各有关单位：

为切实保障农民工工资支付，根治欠薪，现就有关事项通知如下。劳动者可以申请劳动
仲裁，也可以向劳动保障监察机构投诉。
`,
	"content/policies/gz-2022.md": `+++
title = "关于规范工资支付行为的规定"
date = 2022-11-02
index_no = "MB1A23456/2022-00031"
doc_no = "东人社规字〔2022〕12号"
topic = '劳动、人事、监察\劳动关系'
+++
用人单位应当按时足额支付工资，不得无故拖欠。劳动人事争议仲裁委员会依法受理工资争议。
`,
	"content/interpretations/qx-2024-jd.md": `+++
title = "《关于做好2024年根治欠薪工作的通知》政策解读"
date = 2024-03-15
index_no = "MB1A23456/2024-00015"
topic = '劳动、人事、监察\劳动关系'
interprets = { policy = "policies/qx-2024" }
+++
本通知明确了欠薪治理的责任分工。
`,
	"content/articles/zc-2023.md": `+++
title = "遇到拖欠工资怎么办"
date = 2023-06-01
topic = '劳动、人事、监察\劳动关系'
+++
劳动者遇到欠薪，可以先协商；协商不成的，可以申请仲裁。仲裁不收费。
`,
	"content/reports/2023-gk.md": `+++
title = "2023年政府信息公开工作年度报告"
date = 2024-01-20
year = 2023
index_no = "MB1A23456/2024-00001"
topic = '综合政务\政务公开'
+++
本年度共受理政府信息公开申请12件，其中涉及劳动关系的较多。
`,
}

// Root is the repository root, whose configuration, layouts, data and static
// files the test site uses.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Build lays out the site in a temporary folder, builds it with the pipeline
// and returns the published folder.
func Build(t testing.TB) string {
	t.Helper()
	site := t.TempDir()
	root := Root()
	for _, p := range []string{"config.toml", "data", "i18n", "layouts", "static", "content/search"} {
		if err := os.CopyFS(filepath.Join(site, p), os.DirFS(filepath.Join(root, p))); err != nil && !os.IsNotExist(err) {
			// CopyFS copies directories; a single file is copied below.
			data, rerr := os.ReadFile(filepath.Join(root, p))
			if rerr != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(site, p), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for p, s := range Files {
		full := filepath.Join(site, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	r, err := pipeline.Build(pipeline.Options{SiteDir: site, OutDir: out, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Stderr: os.Stderr})
	if err != nil {
		if r != nil && r.Diags != nil {
			t.Logf("%+v", r.Diags)
		}
		t.Fatalf("build: %v", err)
	}
	return out
}
