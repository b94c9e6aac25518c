#!/usr/bin/env bash
# Renders the docs site and screenshots one pair page in headless Chromium (Debian's `chromium` package) at a
# desktop and a phone width, to check by eye that the page reads well at both.
# Usage: scripts/screenshot-pair-page.sh [PAIR_ID] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
pair="${1:-vtiger--dynamics-365-sales}"
out="$(realpath -m "${2:-screenshots}")"
command -v chromium >/dev/null || { echo "needs chromium: apt-get install -y chromium" >&2; exit 69; }
site="$(mktemp -d)"
npx crm-migrate docs --out "$site" >/dev/null
page="file://$site/pairs/$pair.html"
[ -f "$site/pairs/$pair.html" ] || { echo "no page for $pair in $site/pairs" >&2; exit 2; }
mkdir -p "$out"
shoot() { # name width height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$2,$3" --screenshot="$out/$1.png" "$page" 2>/dev/null
  echo "$out/$1.png"
}
shoot pair-desktop 1280 4000
shoot pair-phone 390 8000
