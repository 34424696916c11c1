#!/usr/bin/env bash
# Installs everything this project needs on a fresh Debian 12 machine (root), from Debian apt,
# crates.io and npm only. Idempotent: every step is skipped when already satisfied, so a re-run
# takes seconds. Usage: scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

APT_PACKAGES=(rustc-web cargo-web rust-web-src lld chromium firefox-esr)

step "apt packages: ${APT_PACKAGES[*]}"
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  apt-get install -y "${APT_PACKAGES[@]}"
else
  echo "all installed"
fi

# rustc-web 1.85 is the plain bookworm candidate; 1.96 (bookworm-security) is the first with
# -Cpanic=immediate-abort, which the WASM build relies on.
/usr/bin/rustc --version | grep -q '^rustc 1\.9[6-9]' \
  || { echo "error: need Debian rustc-web >= 1.96 (bookworm-security); run apt-get update" >&2
       exit 1; }

step "wasm-bindgen-cli (must equal the wasm-bindgen crate in Cargo.lock)"
WBG=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG" ]; then
  # --locked fails while the registry lacks one pinned transitive crate; the same exact
  # version without --locked builds the same tool.
  cargo install wasm-bindgen-cli --version "=$WBG" --locked \
    || cargo install wasm-bindgen-cli --version "=$WBG"
else
  echo "wasm-bindgen $WBG present"
fi

# Version lines are cut with `sed -n 1p`, never `head`: sed reads to the end, so the tool never
# writes into a closed pipe (geckodriver panics on that, and pipefail would end the set-up).
step "geckodriver (drives Firefox ESR in the end-to-end tests)"
if command -v geckodriver >/dev/null; then
  geckodriver --version | sed -n 1p
else
  cargo install geckodriver --locked
fi

step "npm dev dependencies (package-lock.json)"
STAMP=node_modules/.termwatch-lock.sha256
LOCK_SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" = "$LOCK_SUM" ]; then
  echo "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund
  echo "$LOCK_SUM" > "$STAMP"
fi

step "versions"
/usr/bin/rustc --version
wasm-bindgen --version
geckodriver --version | sed -n 1p
chromium --version
firefox-esr --version
node --version
npx --no-install wasm-opt --version

step "build: the termwatch command, the WASM module and the extension (dist/chrome, dist/firefox)"
cargo build --release
scripts/build-extension.sh

step "termwatch analyze samples/lumenfold-terms.html (a fictional company's terms we wrote)"
target/release/termwatch analyze samples/lumenfold-terms.html
echo
echo "setup done: load dist/chrome or dist/firefox as an unpacked extension"
