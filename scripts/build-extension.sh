#!/usr/bin/env bash
# Builds the loadable extension for both browsers from one manifest and one source tree:
#   dist/chrome/, dist/firefox/            unpacked, loadable as they are
#   dist/termwatch-chrome.zip              for the Chrome Web Store
#   dist/termwatch-firefox.zip             for addons.mozilla.org
# and lints the Firefox build with web-ext (0 errors required).
#
# Usage: scripts/build-extension.sh [--skip-wasm]   (--skip-wasm reuses extension/pkg)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--skip-wasm" ] || [ ! -f extension/pkg/termwatch_bg.wasm ]; then
  scripts/build-wasm.sh
fi

# Everything the extension loads, except the content script's sources (bundled below: a
# content script cannot be an ES module) and the folder READMEs.
COPIED=(_locales icons shared background popup options compare ui pkg)

for browser in chrome firefox; do
  out="dist/$browser"
  rm -rf "$out"
  mkdir -p "$out/content"
  cp manifest.json "$out/"
  for folder in "${COPIED[@]}"; do cp -r "extension/$folder" "$out/"; done
  find "$out" -name README.md -delete
  cp extension/content/highlights.css "$out/content/"
  npx --no-install esbuild extension/content/main.js --bundle --format=iife \
    --target=chrome120,firefox140 --charset=utf8 --log-level=warning \
    --outfile="$out/content/content.js"
done

rm -f dist/termwatch-chrome.zip dist/termwatch-firefox.zip
for browser in chrome firefox; do
  npx --no-install web-ext build --source-dir "dist/$browser" --artifacts-dir dist \
    --filename "termwatch-$browser.zip" --overwrite-dest --no-config-discovery >/dev/null
done

# The dual background key (service_worker for Chrome, scripts for Firefox) gives one expected
# warning, BACKGROUND_SERVICE_WORKER_IGNORED; errors fail the build.
npx --no-install web-ext lint --source-dir dist/firefox --no-config-discovery --output json \
  > dist/lint.json || true
node -e '
  const r = JSON.parse(require("fs").readFileSync("dist/lint.json", "utf8"));
  const warnings = r.warnings.map((w) => w.code);
  console.log(`web-ext lint: ${r.errors.length} errors, ${warnings.length} warnings` +
    (warnings.length ? ` (${warnings.join(", ")})` : ""));
  for (const e of r.errors) console.error(`  error ${e.code}: ${e.message} ${e.file ?? ""}`);
  process.exit(r.errors.length ? 1 : 0);'
ls -l dist/*.zip | awk '{ print $5, $9 }'
