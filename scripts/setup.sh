#!/usr/bin/env bash
# Installs what the wasm build and the JS/browser tests need, and only what is missing,
# so a second run takes seconds. For Debian 12 with rustup's Rust and Node >= 20.19.
#
#   scripts/setup.sh          everything: wasm toolchain, npm dev tools, Chromium
#   scripts/setup.sh --wasm   only what scripts/build-wasm.sh needs (no Chromium)
#
# Why Debian's Rust: rustup's toolchains here have no wasm32 standard library and cannot
# download one. Debian's rustc-web/cargo-web (1.96) + rust-web-src allow -Zbuild-std, and
# lld-19 provides wasm-ld. wasm-opt comes from the npm package `binaryen` (Debian's is too old).
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the `wasm-bindgen` crate version (pinned with "=" in wasm/Cargo.toml);
# used only when neither Cargo.lock nor Cargo.toml names one.
DEFAULT_WASM_BINDGEN_VERSION=0.2.130

mode=all
case "${1:-}" in
  "") ;;
  --wasm) mode=wasm ;;
  -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
  *) echo "setup: unknown option $1" >&2; exit 2 ;;
esac

log() { echo "setup: $*"; }
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
export PATH

# --- Debian packages ---------------------------------------------------------------
# zopfli: the DEFLATE encoder of the inlined .wasm modules (scripts/gen-entries.mjs).
apt_pkgs=(rustc-web cargo-web rust-web-src lld-19 zopfli)
# fonts-noto-cjk: Chinese glyphs in the screenshots of the browser tests (not boxes).
[ "$mode" = all ] && apt_pkgs+=(chromium chromium-driver fonts-noto-cjk)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || { echo "setup: needs apt-get (Debian 12) for: ${missing[*]}" >&2; exit 1; }
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq </dev/null
  $sudo apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
else
  log "apt packages present (${apt_pkgs[*]})"
fi
for f in /usr/bin/cargo /usr/bin/rustc /usr/lib/llvm-19/bin/wasm-ld /usr/lib/rustlib/src/rust/library/Cargo.lock /usr/bin/zopfli; do
  [ -e "$f" ] || { echo "setup: $f missing after install" >&2; exit 1; }
done

# --- wasm-bindgen-cli, same version as the crate -------------------------------------
want=""
if [ -f Cargo.lock ]; then
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$want" ] && [ -f wasm/Cargo.toml ]; then
  # The bindings crate's wasm-bindgen = "=X"  or  wasm-bindgen = { version = "=X", ... }
  want=$(sed -nE 's/^wasm-bindgen[[:space:]]*=.*"=?([0-9]+\.[0-9]+\.[0-9]+)".*/\1/p' wasm/Cargo.toml | head -n1)
fi
want=${want:-$DEFAULT_WASM_BINDGEN_VERSION}
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "cargo install wasm-bindgen-cli $want (was: ${have:-none}; ~3 min)"
  # rustup's cargo (native build); Debian's if there is no other. No --locked: a locked
  # dependency version was once missing from the registry.
  cargo=$(command -v cargo || echo /usr/bin/cargo)
  "$cargo" install --quiet --force wasm-bindgen-cli --version "$want" </dev/null
  have=$(wasm-bindgen --version | awk '{print $2}')
  [ "$have" = "$want" ] || { echo "setup: wasm-bindgen is $have, want $want (PATH order?)" >&2; exit 1; }
else
  log "wasm-bindgen-cli $have present"
fi

# --- npm dev tools (binaryen's wasm-opt, playwright-core, typescript, vite) ----------
command -v node >/dev/null || { echo "setup: node (>= 20.19) is required" >&2; exit 1; }
stamp=node_modules/.package-lock.json   # written by npm at the end of every install
if [ -L node_modules ] && [ -x node_modules/.bin/wasm-opt ]; then
  # A scratch copy linked to another checkout's tools: `npm ci` would empty that checkout's
  # node_modules (it did once, for a helper's clone), so the linked tools are used as they are.
  log "node_modules is a link to $(readlink node_modules): used as it is"
elif [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] \
   || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; } \
   || [ ! -x node_modules/.bin/wasm-opt ]; then
  if [ -f package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error </dev/null
  else
    log "npm install (writes package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error </dev/null
  fi
else
  log "node_modules up to date"
fi

if [ "$mode" = all ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: /usr/bin/chromium missing" >&2; exit 1
fi
log "ok"
