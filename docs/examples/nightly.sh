#!/bin/sh
# gongkai's nightly build: update the site's sources, build and publish them, and alert someone when that fails.
# Run it from cron, a systemd timer (gongkai-nightly.service/.timer) or a CI job (gitlab-ci.yml,
# github-actions.yml); it is tested against a sample site by generator/cli/testdata/script/nightly.txtar.
#
# Settings (environment variables):
#   GONGKAI_SITE     the site's folder (a git clone, or any folder)           default: the current folder
#   GONGKAI_OUT      the published path nginx serves                          default: $GONGKAI_SITE/public
#   GONGKAI          the gongkai program                                      default: gongkai (on PATH)
#   GONGKAI_PULL     1: git pull --ff-only first when the site is a git clone default: 1
#   GONGKAI_LOG_DIR  where each night's log and JSON report are kept (30)     default: ~/.local/state/gongkai
#   GONGKAI_ALERT    a shell command that receives the alert on its standard input, e.g.
#                    'mail -s "gongkai 构建失败" webmaster@example.gov.cn' or
#                    'curl -sS -H "Content-Type: text/plain" --data-binary @- https://hooks.example/…'
#                    default: the alert is written to stderr (cron mails it to MAILTO)
#
# Exit status: gongkai's (0 published; 1 content errors; 2 usage; 3 internal failure, e.g. a full disk or another
# build running), or 3 when the sources could not be updated. On any failure nothing is published: the site keeps
# serving the previous release.
set -u

site=${GONGKAI_SITE:-.}
out=${GONGKAI_OUT:-$site/public}
gongkai=${GONGKAI:-gongkai}
logs=${GONGKAI_LOG_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/gongkai}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

mkdir -p "$logs" || exit 3
log="$logs/nightly-$stamp.log"
report="$logs/nightly-$stamp.json"

alert() { # $1: exit status, $2: what happened; the message goes to GONGKAI_ALERT's standard input
	{
		echo "gongkai 夜间构建失败 / nightly build failed: $2"
		echo "站点 site: $site"
		echo "发布路径 published path: $out (仍是上一版本 / still the previous release)"
		echo "主机 host: $(hostname 2>/dev/null || echo unknown)  时间 time: $stamp  退出码 exit status: $1"
		echo "日志 log: $log"
		echo
		tail -n 40 "$log"
	} | if [ -n "${GONGKAI_ALERT:-}" ]; then sh -c "$GONGKAI_ALERT"; else cat >&2; fi
}

{
	echo "== $stamp gongkai nightly: $site -> $out"
	if [ "${GONGKAI_PULL:-1}" = 1 ] && [ -d "$site/.git" ]; then
		git -C "$site" pull --ff-only
	fi
} >>"$log" 2>&1
status=$?
if [ $status -ne 0 ]; then
	alert 3 "更新源文件失败 / could not update the sources (git pull)"
	exit 3
fi

"$gongkai" build -s "$site" -d "$out" --report "$report" >>"$log" 2>&1
status=$?
case $status in
0) ;;
1) alert 1 "内容有错误,未发布 / content errors, nothing published" ;;
2) alert 2 "命令用法错误,请检查本脚本的设置 / usage error: check this script's settings" ;;
*) alert "$status" "构建未完成(磁盘、权限,或另一次构建正在进行)/ the build failed (disk, permissions, or another build running)" ;;
esac

# Keep the last 30 nights' logs and reports: only this script's own files, in its own folder.
for pattern in 'nightly-*.log' 'nightly-*.json'; do
	# shellcheck disable=SC2012 # the names are this script's own, without spaces
	ls -1t "$logs"/$pattern 2>/dev/null | tail -n +31 | while read -r old; do rm -f "$old"; done
done
exit $status
