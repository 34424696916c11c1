#!/usr/bin/env bash
# Runs every test Termwatch has: formatting and lints, the Rust unit and integration tests,
# the WASM build with its size budget, and the end-to-end tests in Chromium and Firefox ESR.
# Expects scripts/setup.sh to have run once on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "formatting and lints"
cargo fmt --check
cargo clippy --release --all-targets -- -D warnings

step "Rust tests"
cargo test --release

step "extension unit tests (Node)"
node --test extension/tests/

if [ -x scripts/test-e2e.sh ]; then
  step "extension: build and end-to-end tests in both browsers"
  scripts/test-e2e.sh
fi
