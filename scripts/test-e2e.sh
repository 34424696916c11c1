#!/usr/bin/env bash
# Builds the extension and runs the end-to-end suite in Chromium and Firefox ESR.
# Usage: scripts/test-e2e.sh [--skip-build] [--update-docs]
#   E2E_BROWSERS=chromium|firefox   run one browser only
#   --update-docs                   copy the page and popup screenshots to docs/ for the README
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
update_docs=0
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    --update-docs) update_docs=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

[ "$build" = 1 ] && scripts/build-extension.sh

export SE_OFFLINE=true
node --test --test-reporter=spec --test-concurrency=1 e2e/run.js

if [ "$update_docs" = 1 ]; then
  mkdir -p docs
  for browser in chromium firefox; do
    for shot in page popup; do
      src="e2e/screenshots/$browser-$shot.png"
      [ -f "$src" ] && cp "$src" "docs/screenshot-$browser-$shot.png"
    done
  done
  echo "screenshots copied to docs/"
fi
