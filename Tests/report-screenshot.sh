#!/bin/sh
# Screenshots a report.html in headless Chromium, to check by eye that it renders offline: Chinese text in a
# CJK font (no empty boxes), both clouds drawn, the bar chart and the shaded case × code table.
#
#   Tests/report-screenshot.sh [REPORT.html] [OUT.png]
#
# Defaults: results/report.html and report.png beside it. Needs chromium and a CJK font
# (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk). The page is 1280 px wide; the window is 4000 px
# tall so the whole report shows (THEMESCAN_SCREENSHOT_HEIGHT changes it).
set -eu

report=${1:-results/report.html}
output=${2:-$(dirname "$report")/report.png}
height=${THEMESCAN_SCREENSHOT_HEIGHT:-4000}

browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [ -z "$browser" ]; then
    echo "report-screenshot: error: no chromium found; install it (apt-get install -y chromium fonts-noto-cjk)" >&2
    exit 2
fi
if [ ! -f "$report" ]; then
    echo "report-screenshot: error: $report does not exist; run themescan analyze first or give the report's path" >&2
    exit 2
fi
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "report-screenshot: warning: no Chinese font installed; Chinese will show as boxes (apt-get install -y fonts-noto-cjk)" >&2
fi

absolute=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
case $output in
    /*) target=$output ;;
    *) target=$(pwd)/$output ;;
esac
rm -f "$target"
# A throwaway profile keeps the run from touching (or waiting on) the user's browser profile.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$target" --window-size=1280,"$height" "file://$absolute" >/dev/null 2>&1 || true
if [ ! -s "$target" ]; then
    echo "report-screenshot: error: $browser wrote no screenshot of $report" >&2
    exit 1
fi
echo "$target"
