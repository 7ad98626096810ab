#!/usr/bin/env bash
# Builds the WebAssembly bindings (the `createimage-wasm` crate in wasm/, a cdylib over the main
# crate without its default features) for wasm32-unknown-unknown, thirteen times:
#   - all five providers: pkg/wasm/createimage_bg.wasm + its wasm-bindgen glue (--target web),
#     loaded by pkg/index.js (the demo console), and inlined for `createimage/sync`;
#   - all five again, built for speed (opt-level 3, wasm-opt -O3): inlined for Node (pkg/node.js);
#   - one per provider (`--no-default-features --features tencent,transform,intl-segmenter`, ...): inlined in
#     `createimage/tencent`, ... (scripts/gen-entries.mjs writes those entries, pkg/flavors/);
#   - each of these six again without the `transform` feature (no normalize/to_http): the module
#     the browser entries load first (the full one only where a page imports normalize or toHttp).
# Each .wasm is shrunk with wasm-opt; pkg/rules.js comes from the native CLI; the shipped sizes are
# printed and written to pkg/size.json.
#
#   scripts/build-wasm.sh
#   WASM_PROVIDERS="tencent" scripts/build-wasm.sh            # only these per-provider builds
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=s scripts/build-wasm.sh   # try another opt-level
#   WASM_STD_FEATURES= scripts/build-wasm.sh                 # std without optimize_for_size
#   WASM_OPT_PASSES="-Oz" scripts/build-wasm.sh               # other wasm-opt passes
#
# Debian's cargo/rustc 1.96 (scripts/setup.sh installs them) with -Zbuild-std, because rustup's
# toolchains here have no wasm32 std. The wasm build has its own target dir: native builds use
# rustup's rustc, and sharing one folder makes each compiler rebuild the other's artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT_NAME=createimage
OUT_DIR=pkg/wasm
TARGET=wasm32-unknown-unknown
TARGET_DIR=target/wasm
WASM_LD=/usr/lib/llvm-19/bin/wasm-ld
# Features rustc 1.96 emits by default for wasm32-unknown-unknown; wasm-opt would also read
# them from the target_features section, but naming them keeps it from depending on that.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-multivalue)
# What wasm-opt may assume of these modules' memory: nothing lives in its lowest 1 KiB. rustc's
# wasm32 layout puts the 1 MiB stack first, growing down from address 1,048,576 towards 0, then
# the data and the heap; the stack would reach the lowest KiB only past 1,047,552 B of use, and
# every recursion here is bounded (MAX_DEPTH 64: tens of KB at most). wasm-opt then folds an
# added constant into a load's or store's offset (`--low-memory-unused`: an address that wrapped
# around to below 1 KiB could only be one into that unused space; the code computes the same
# addresses): -110 to -150 B gzipped on the one-provider inline modules (docs/performance.md).
WASM_OPT_ASSUME=(--low-memory-unused)

# std's `optimize_for_size` picks smaller sort/fmt/str code: -3 to -5 KB gzip, outputs and
# speed unchanged on the case files (measured). Empty to build std with its defaults.
WASM_STD_FEATURES=${WASM_STD_FEATURES-optimize_for_size}
std_features=()
[ -n "$WASM_STD_FEATURES" ] && std_features=("-Zbuild-std-features=$WASM_STD_FEATURES")

log() { echo "build-wasm: $*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
t_all=$(now)

# rustc's wasm32 target enables reference-types; without it wasm-bindgen needs no externref table
# (its glue and helpers): -147 B gz wasm, -82 B gz glue (the rustflags of the cargo build below).
# The wasm-opt passes: -Oz twice around a flatten + rereloop (the relooper finds smaller control
# flow than rustc's), to a fixed point. -424 B gzip against plain -Oz, per-call times within 5 %.
read -r -a WASM_OPT_PASSES <<<"${WASM_OPT_PASSES:---flatten --rereloop -Oz -Oz --converge}"
# The per-provider builds (each its own cargo build: ~20 s, then wasm-opt: ~5 s).
PROVIDERS=(${WASM_PROVIDERS-zenlayer tencent openstack nova huawei})

bash scripts/setup.sh --wasm
PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"   # cargo-installed wasm-bindgen

WASM_PACKAGE=createimage-wasm
PER_PROVIDER_DIR=target/wasm-providers   # glue + .wasm of each per-provider build (inlined later)

# build_wasm NAME OUT_DIR INLINE_GLUE_DIR CARGO_FEATURE_ARGS...: cargo build, wasm-bindgen
# --target web into OUT_DIR (NAME.js, NAME_bg.wasm), wasm-opt; and the glue of the entries that
# carry the .wasm inline, INLINE_GLUE_DIR/NAME.js (--omit-default-module-path: no
# `new URL("NAME_bg.wasm", import.meta.url)` for a bundler to emit a file for). Prints nothing on stdout.
# TextEncoder#encodeInto is used without a fallback (every browser since 2021, Node 12).
build_wasm() {
  local name=$1 out=$2 inline_glue=$3 t0
  shift 3
  t0=$(now)
  log "[$name] cargo build --release --target $TARGET -p $WASM_PACKAGE${*:+ $*} (Debian rustc $(/usr/bin/rustc --version | awk '{print $2}'))"
  # strip must stay off here: wasm-bindgen needs the custom sections; wasm-opt strips afterwards.
  local artifacts wasm_in
  artifacts=$(
    env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
        CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
      /usr/bin/cargo build --release --target "$TARGET" -p "$WASM_PACKAGE" --lib "$@" \
        -Zbuild-std=std,panic_abort ${std_features[@]+"${std_features[@]}"} -Zpanic-immediate-abort \
        --config "target.$TARGET.linker=\"$WASM_LD\"" --config "target.$TARGET.rustflags=[\"-Ctarget-feature=-reference-types\"]" \
        --target-dir "$TARGET_DIR" \
        --message-format=json-render-diagnostics </dev/null
  )
  wasm_in=$(printf '%s\n' "$artifacts" | node -e '
    const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
    const files = lines.map(l => JSON.parse(l))
      .filter(m => m.reason === "compiler-artifact" && m.target.kind.includes("cdylib"))
      .flatMap(m => m.filenames).filter(f => f.endsWith(".wasm"));
    if (files.length !== 1) { console.error("expected one cdylib .wasm, got: " + JSON.stringify(files) +
      " (wasm/Cargo.toml: crate-type must be [\"cdylib\"])"); process.exit(1); }
    console.log(files[0]);')
  # Cargo.lock may only now name the resolved wasm-bindgen: make sure the CLI matches it.
  bash scripts/setup.sh --wasm >/dev/null
  rm -rf "$out"
  local omit=()
  [ "$inline_glue" = "$out" ] && omit=(--omit-default-module-path)
  wasm-bindgen --target web --no-typescript --encode-into always ${omit[@]+"${omit[@]}"} --out-dir "$out" --out-name "$name" "$wasm_in"
  if [ "$inline_glue" != "$out" ]; then
    rm -rf "$inline_glue.tmp"
    wasm-bindgen --target web --no-typescript --encode-into always --omit-default-module-path \
      --out-dir "$inline_glue.tmp" --out-name "$name" "$wasm_in"
    mkdir -p "$inline_glue"
    mv "$inline_glue.tmp/$name.js" "$inline_glue/$name.js"
    rm -rf "$inline_glue.tmp"
  fi
  local wasm="$out/${name}_bg.wasm" before
  before=$(wc -c <"$wasm")
  node_modules/.bin/wasm-opt "${WASM_OPT_FEATURES[@]}" "${WASM_OPT_ASSUME[@]}" "${WASM_OPT_PASSES[@]}" --strip-debug --strip-producers \
    --strip-target-features "$wasm" -o "$wasm.tmp"
  mv "$wasm.tmp" "$wasm"
  log "[$name] wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') + wasm-opt ${WASM_OPT_PASSES[*]}: $before -> $(wc -c <"$wasm") B ($(secs "$t0") s)"
}

# build_fast NAME OUT_DIR: build_wasm for speed, not size: opt-level 3, std with its defaults,
# wasm-opt -O3, in its own target dir (its own std). For pkg/node.js: 0.56-0.82x of the time per
# validate of the size build on the peer benchmark's requests, for a module ~40 KB larger gzipped,
# which a server does not download (docs/performance.md, "The Node entry's own build").
build_fast() {
  local -x CARGO_PROFILE_RELEASE_OPT_LEVEL=3
  local std_features=() WASM_OPT_PASSES=(-O3) TARGET_DIR=target/wasm-fast
  build_wasm "$1" "$2" "$2"
}

# The main build: all five providers (the crate's default features), where the package's tests
# and tools have always found it. The TypeScript declarations of the glue are not shipped
# (pkg/index.d.ts describes the API).
rm -rf "$PER_PROVIDER_DIR"
build_wasm "$OUT_NAME" "$OUT_DIR" "$PER_PROVIDER_DIR/all"
# Node's: the same built for speed.
build_fast "$OUT_NAME" "$PER_PROVIDER_DIR/node"
# The same without the `transform` feature (no normalize/to_http): the browser entry's first module.
build_wasm "$OUT_NAME" "$PER_PROVIDER_DIR/all-check" "$PER_PROVIDER_DIR/all-check" \
  --no-default-features --features "zenlayer,tencent,openstack,nova,huawei"
# Two builds per provider (used inline only: one wasm-bindgen run, without the default path): with
# normalize/to_http (`transform`) and without. Their grapheme boundaries come from the host's
# Intl.Segmenter (`intl-segmenter`: -2.3 to -3.3 KB gzipped per page, docs/dependencies.md).
for p in ${PROVIDERS[@]+"${PROVIDERS[@]}"}; do
  build_wasm "$p" "$PER_PROVIDER_DIR/$p" "$PER_PROVIDER_DIR/$p" --no-default-features --features "$p,transform,intl-segmenter"
  build_wasm "$p" "$PER_PROVIDER_DIR/$p-check" "$PER_PROVIDER_DIR/$p-check" --no-default-features --features "$p,intl-segmenter"
done

# describe() and jsonSchema() are data: made by the native CLI from the same rule tables, shipped as
# pkg/rules.js instead of code in the wasm (that code cost ~7 KB gzipped; the data is ~3.6 KB).
log "pkg/rules.js from the native rule tables (createimage describe / schema)"
cargo build -q --bin createimage </dev/null
{
  echo "// @generated by scripts/build-wasm.sh from the Rust rule tables (createimage describe / schema). Do not edit."
  for what in describe schema; do
    [ "$what" = describe ] && echo "export const DESCRIBE = {" || echo "export const SCHEMA = {"
    for p in zenlayer tencent openstack nova huawei; do
      printf '  %s: %s,\n' "$p" "$(target/debug/createimage "$what" --provider "$p" | node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8"))))')"
    done
    echo "};"
  done
} > pkg/rules.js

# The entries that inline a .wasm (createimage/sync, Node, createimage/<provider>): pkg/flavors/
# and the per-provider entry files, from pkg/index.js, pkg/standard.js and the builds above.
log "entries: node scripts/gen-entries.mjs"
node scripts/gen-entries.mjs "$PER_PROVIDER_DIR/all/$OUT_NAME.js" "$OUT_DIR/${OUT_NAME}_bg.wasm" "$PER_PROVIDER_DIR" ${PROVIDERS[@]+"${PROVIDERS[@]}"}

# --- sizes: each file as served (gzip -9), per entry ----------------------------------------
opt_level=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-$(awk '/^\[/{ s = ($0 == "[profile.release]") }
  s && /^opt-level/{ gsub(/.*= *|"/, ""); print }' Cargo.toml)}
log "sizes: node scripts/sizes.mjs -> pkg/size.json"
node scripts/sizes.mjs "${opt_level:-}" "$WASM_STD_FEATURES" "${WASM_OPT_PASSES[*]}" "$(wasm-bindgen --version | awk '{print $2}')"
log "done in $(secs "$t_all") s"
