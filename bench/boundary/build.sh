#!/usr/bin/env bash
# Builds the boundary experiment (bench/boundary) for wasm32 with the same toolchain invocation as
# scripts/build-wasm.sh (Debian's rustc with -Zbuild-std, wasm-ld, wasm-bindgen --target web,
# wasm-opt -Oz), into bench/boundary/pkg/.
#
#   bash bench/boundary/build.sh          all variants and probes in one module (what the timing uses)
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=3 WASM_OPT_LEVEL=-O3 BOUNDARY_OUT=target/o3 bash bench/boundary/build.sh
#                                         the same at another optimization level, into another folder
#   bash bench/boundary/build.sh sizes    ... then the shipped exports alone and with each serde path
#                                         added (bench/boundary/target/sizes/): wasm bytes raw / gzip -9
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)

TARGET=wasm32-unknown-unknown
TARGET_DIR=target/wasm
WASM_LD=/usr/lib/llvm-19/bin/wasm-ld
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)
# As scripts/build-wasm.sh: std built with `optimize_for_size` unless WASM_STD_FEATURES is empty.
WASM_STD_FEATURES=${WASM_STD_FEATURES-optimize_for_size}
std_features=()
[ -n "$WASM_STD_FEATURES" ] && std_features=("-Zbuild-std-features=$WASM_STD_FEATURES")
PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"   # cargo-installed wasm-bindgen (scripts/setup.sh --wasm)
log() { echo "boundary-build: $*"; }

# build FEATURES OUT_DIR: cargo (Debian toolchain, as scripts/build-wasm.sh) + wasm-bindgen + wasm-opt
build() {
  local features=$1 out=$2
  # (all five providers, as in the package's main module)
  local feat_args=(--no-default-features --features "$features,zenlayer,tencent,openstack,nova,huawei")
  artifacts=$(
    env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
        CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
      /usr/bin/cargo build --release --target "$TARGET" --lib "${feat_args[@]}" \
        -Zbuild-std=std,panic_abort ${std_features[@]+"${std_features[@]}"} -Zpanic-immediate-abort \
        --config "target.$TARGET.linker=\"$WASM_LD\"" \
        --target-dir "$TARGET_DIR" \
        --message-format=json-render-diagnostics </dev/null
  )
  wasm_in=$(printf '%s\n' "$artifacts" | node -e '
    const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
    const files = lines.map(l => JSON.parse(l))
      .filter(m => m.reason === "compiler-artifact" && m.target.kind.includes("cdylib"))
      .filter(m => m.target.name === "createimage_boundary" || m.target.name === "createimage-boundary")
      .flatMap(m => m.filenames).filter(f => f.endsWith(".wasm"));
    if (files.length !== 1) { console.error("expected one cdylib .wasm, got " + JSON.stringify(files)); process.exit(1); }
    console.log(files[0]);')
  rm -rf "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name boundary "$wasm_in"
  "$ROOT/node_modules/.bin/wasm-opt" "${WASM_OPT_FEATURES[@]}" "${WASM_OPT_LEVEL:--Oz}" --strip-debug --strip-producers \
    --strip-target-features "$out/boundary_bg.wasm" -o "$out/boundary_bg.wasm.tmp"
  mv "$out/boundary_bg.wasm.tmp" "$out/boundary_bg.wasm"
  log "$features -> $out/boundary_bg.wasm $(wc -c <"$out/boundary_bg.wasm") B (gz $(gzip -9 -c "$out/boundary_bg.wasm" | wc -c)), glue $(wc -c <"$out/boundary.js") B"
}

log "cargo build --release --target $TARGET, opt-level ${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}, wasm-opt ${WASM_OPT_LEVEL:--Oz}, std features '${WASM_STD_FEATURES}' (Debian rustc $(/usr/bin/rustc --version | awk '{print $2}'))"
build text,js-in,js-out,buffer,probes "${BOUNDARY_OUT:-pkg}"

if [ "${1:-}" = sizes ]; then
  # The shipped exports alone, then with each serde-wasm-bindgen path added: its size cost.
  for f in text text,buffer text,js-in text,js-out text,js-in,js-out; do
    build "$f" "target/sizes/${f//,/+}"
  done
fi
