#!/usr/bin/env bash
# Every test: Rust (clippy, docs, unit, case files, properties, serde, the example service), the wasm package in Node, the demo
# console in headless Chromium, and short fuzz runs. Installs what is missing first
# (scripts/setup.sh), so a fresh Debian 12 machine with rustup's Rust and Node 20 needs nothing else.
#
#   bash scripts/test.sh            everything
#   SKIP_FUZZ=1 bash scripts/test.sh   all but the fuzz smoke runs
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }
# One run from a fresh clone: incremental caches would only take disk (CI once ran out of it).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
echo "disk: $((free_kb / 1024)) MiB free here (a fresh clone grows to ~2.1 GB, plus the tools it installs: docs/performance.md)"

step "setup (installs only what is missing)"
bash scripts/setup.sh

step "rust: clippy (every target and feature, the wasm bindings; the lib as the wasm build has it)"
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy --lib --no-default-features -- -D warnings
cargo clippy --lib --no-default-features --features tencent -- -D warnings   # one provider, as the per-provider wasm
cargo clippy -p createimage-wasm --no-default-features --features tencent -- -D warnings   # the browser entries' first module (no normalize/to_http)

step "rust: docs (every public item documented)"
RUSTDOCFLAGS="-D missing_docs" cargo doc --no-deps
RUSTDOCFLAGS="-D missing_docs" cargo doc --no-deps --all-features

step "rust: tests (unit, case files, properties, serde, the dependent's view; examples built)"
cargo test

step "rust: the example service answers (examples/service.rs --self-test)"
cargo run -q --example service -- --self-test

step "rust: what a dependent links (a plain rlib; serde, thiserror, unicode-segmentation)"
cargo metadata --format-version 1 --no-deps | node -e '
  const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const lib = m.packages.find(p => p.name === "createimage").targets.find(t => t.kind.some(k => k.endsWith("lib")));
  console.log("createimage lib crate types: " + JSON.stringify(lib.crate_types));
  if (JSON.stringify(lib.crate_types) !== "[\"lib\"]") { console.error("the main crate must be a plain rlib"); process.exit(1); }'
deps=$(cargo tree -e normal -p createimage --depth 1 --prefix none)
echo "$deps"
for d in serde thiserror unicode-segmentation; do
  grep -q "^$d v" <<<"$deps" || { echo "test: $d is not a normal dependency of createimage" >&2; exit 1; }
done

step "wasm: build the npm package (thirteen builds: all providers, again for speed (Node's), then one per provider, each with and without normalize/to_http; sizes per entry)"
bash scripts/build-wasm.sh

step "js: the built package in Node (every entry, sizes per entry against the budgets, npm pack + Vite + TypeScript)"
node --test tests/js/

step "js apps: npm ci of www/examples and tests/frameworks (only where the lockfile changed)"
t=$SECONDS
for d in www/examples tests/frameworks; do
  stamp="$d/node_modules/.package-lock.json"   # written by npm at the end of every install
  if [ ! -f "$stamp" ] || [ "$d/package.json" -nt "$stamp" ] || [ "$d/package-lock.json" -nt "$stamp" ]; then
    (cd "$d" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  else
    echo "$d: node_modules up to date"
  fi
done
echo "js apps: $((SECONDS - t)) s"

step "browser: the demo console and the form-library examples (built by Vite) in headless Chromium"
node --test tests/browser/

step "frameworks: Next.js build + prerender of a 'use client' page, Vitest jsdom with the package inlined"
t=$SECONDS
node --test tests/frameworks/
echo "frameworks: $((SECONDS - t)) s"

if [ -z "${SKIP_FUZZ:-}" ] && [ -f scripts/fuzz.sh ]; then
  step "fuzz: a short bounded run of each target"
  bash scripts/fuzz.sh smoke
fi
step "all tests passed"
