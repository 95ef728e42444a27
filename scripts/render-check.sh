#!/usr/bin/env bash
# Render the generated HTML of examples/acme with headless Chromium and fail when a page
# does not render: a missing or tiny screenshot. Exits 0 with a message when Chromium is
# not installed. The PNGs stay in target/render-check/ for a person to look at.
#
#   scripts/render-check.sh [path/to/isms]      (default: target/release/isms, else debug)
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    browser="$name"
    break
  fi
done
if [ -z "$browser" ]; then
  echo "render-check: Chromium not found; skipped (apt-get install chromium to run it)"
  exit 0
fi

isms="${1:-}"
if [ -z "$isms" ]; then
  if [ -x target/release/isms ]; then isms=target/release/isms; else
    cargo build --quiet
    isms=target/debug/isms
  fi
fi

out="target/render-check"
rm -rf "$out"
mkdir -p "$out/png"
"$isms" build examples/acme --out "$out/docs" --format html --today 2026-11-23 >/dev/null

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# A blank page compresses to a few kilobytes; a rendered document is far larger.
min_bytes=20000
status=0
for page in soa.html risk-register.html policies/access-control.html; do
  html="$PWD/$out/docs/$page"
  png="$PWD/$out/png/$(echo "$page" | tr '/' '-' | sed 's/\.html$//').png"
  if [ ! -f "$html" ]; then
    echo "render-check: $page was not built"
    status=1
    continue
  fi
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --screenshot="$png" --window-size=1280,1600 \
    "file://$html" >/dev/null 2>&1 || true
  if [ ! -f "$png" ]; then
    echo "render-check: no screenshot of $page"
    status=1
    continue
  fi
  size=$(wc -c <"$png")
  if [ "$size" -lt "$min_bytes" ]; then
    echo "render-check: screenshot of $page is only $size bytes (blank page?)"
    status=1
    continue
  fi
  echo "render-check: $page rendered ($size bytes) -> $png"
done
exit "$status"
