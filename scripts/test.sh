#!/usr/bin/env bash
# Every test: Rust (unit, case files, properties, clippy), the wasm package in Node, the demo
# console in headless Chromium, and short fuzz runs. Installs what is missing first
# (scripts/setup.sh), so a fresh Debian 12 machine with rustup's Rust and Node 20 needs nothing else.
#
#   bash scripts/test.sh            everything
#   SKIP_FUZZ=1 bash scripts/test.sh   all but the fuzz smoke runs
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "setup (installs only what is missing)"
bash scripts/setup.sh

step "rust: clippy"
cargo clippy --all-targets -- -D warnings

step "rust: tests"
cargo test

step "wasm: build the npm package"
bash scripts/build-wasm.sh

step "js: the built package in Node"
node --test tests/js/

step "browser: the demo console in headless Chromium"
node --test tests/browser/

if [ -z "${SKIP_FUZZ:-}" ] && [ -f scripts/fuzz.sh ]; then
  step "fuzz: a short bounded run of each target"
  bash scripts/fuzz.sh smoke
fi
step "all tests passed"
