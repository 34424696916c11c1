#!/usr/bin/env bash
# Times the WebAssembly module under Node, side by side with npm `diff`'s diffWords, on the same
# pages the native `termwatch bench` times. Builds the module and the CLI first.
#   scripts/bench-wasm.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-wasm.sh >/dev/null
cargo build --release --quiet

PAGES=$(mktemp -d)
trap 'rm -rf "$PAGES"' EXIT
target/release/termwatch bench --runs 1 --write-pages "$PAGES" >/dev/null
node bench/wasm.mjs "$PAGES" "$@"
