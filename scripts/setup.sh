#!/usr/bin/env bash
# Installs what building and testing Repertoire needs, and only what is
# missing. Everything comes from crates.io, npm or Debian; nothing is
# downloaded from anywhere else. Safe to run again and again.
#
#   scripts/setup.sh build   tools to build and serve the app
#   scripts/setup.sh test    the above, plus Chromium and the test harness
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-test}"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_lockfile() {
  if [ ! -f Cargo.lock ]; then
    cargo generate-lockfile
  fi
  # Trunk builds offline (it must never fetch tools), so fetch crates first.
  cargo fetch --quiet
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
    say "Installing Trunk ${TRUNK_VERSION} from crates.io (takes about 9 minutes)"
    cargo install --locked trunk --version "${TRUNK_VERSION}"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_version wasm-bindgen)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " ${want}\$"; then
    say "Installing wasm-bindgen-cli ${want} from crates.io (takes about 3 minutes)"
    # Not --locked: its lock file pins a crate release the registry lacks.
    cargo install wasm-bindgen-cli --version "${want}" --force
  fi
}

ensure_node_modules() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages (wasm-opt, terser, Playwright runner, axe-core)"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! command -v brotli >/dev/null; then
    say "Installing Debian's chromium, chromium-driver and brotli (for the size report)"
    need_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive need_root apt-get install -y -qq chromium chromium-driver brotli
  fi
}

ensure_target
ensure_lockfile
ensure_node_modules
ensure_trunk
ensure_wasm_bindgen
if [ "$what" = "test" ]; then
  ensure_chromium
fi
say "Tools are ready"
