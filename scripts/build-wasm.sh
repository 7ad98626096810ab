#!/usr/bin/env bash
# Builds the crate for wasm32-unknown-unknown into pkg/wasm/ (wasm-bindgen --target web),
# shrinks it with wasm-opt, and prints/writes the shipped sizes (pkg/size.json).
#
#   scripts/build-wasm.sh
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=s scripts/build-wasm.sh   # try another opt-level
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
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

log() { echo "build-wasm: $*"; }

bash scripts/setup.sh --wasm
PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"   # cargo-installed wasm-bindgen

# `--features wasm` only if Cargo.toml's [features] defines it (else the bindings are
# gated on cfg(target_arch = "wasm32") alone).
features=()
if awk '/^\[/{ s = ($0 == "[features]") } s && /^[[:space:]]*wasm[[:space:]]*=/{ f = 1 } END{ exit !f }' Cargo.toml; then
  features=(--features wasm)
fi

log "cargo build --release --target $TARGET${features[*]:+ ${features[*]}} (Debian rustc $(/usr/bin/rustc --version | awk '{print $2}'))"
# strip must stay off here: wasm-bindgen needs the custom sections; wasm-opt strips afterwards.
artifacts=$(
  env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_PANIC=immediate-abort \
    /usr/bin/cargo build --release --target "$TARGET" --lib "${features[@]}" \
      -Zbuild-std=std,panic_abort -Zpanic-immediate-abort \
      --config "target.$TARGET.linker=\"$WASM_LD\"" \
      --target-dir "$TARGET_DIR" \
      --message-format=json-render-diagnostics </dev/null
)
wasm_in=$(printf '%s\n' "$artifacts" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(Boolean);
  const files = lines.map(l => JSON.parse(l))
    .filter(m => m.reason === "compiler-artifact" && m.target.kind.includes("cdylib"))
    .flatMap(m => m.filenames).filter(f => f.endsWith(".wasm"));
  if (files.length !== 1) { console.error("expected one cdylib .wasm, got: " + JSON.stringify(files) +
    " (crate-type must include \"cdylib\")"); process.exit(1); }
  console.log(files[0]);')

# Cargo.lock may only now name the resolved wasm-bindgen: make sure the CLI matches it.
bash scripts/setup.sh --wasm >/dev/null

log "wasm-bindgen $(wasm-bindgen --version | awk '{print $2}') --target web -> $OUT_DIR/"
rm -rf "$OUT_DIR"
wasm-bindgen --target web --out-dir "$OUT_DIR" --out-name "$OUT_NAME" "$wasm_in"

wasm="$OUT_DIR/${OUT_NAME}_bg.wasm"
before=$(wc -c <"$wasm")
node_modules/.bin/wasm-opt "${WASM_OPT_FEATURES[@]}" -Oz --strip-debug --strip-producers \
  --strip-target-features "$wasm" -o "$wasm.tmp"
mv "$wasm.tmp" "$wasm"
log "wasm-opt -Oz: $before -> $(wc -c <"$wasm") B"

# --- sizes: each file as served (gzip -9), hand-written pkg/*.js|*.mjs included --------
raw() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
glue="$OUT_DIR/$OUT_NAME.js"
hand=()
for f in pkg/*.js pkg/*.mjs; do [ -f "$f" ] && hand+=("$f"); done
hand_raw=0 hand_gz=0 hand_json=""
for f in ${hand[@]+"${hand[@]}"}; do
  r=$(raw "$f"); g=$(gz "$f")
  hand_raw=$((hand_raw + r)); hand_gz=$((hand_gz + g))
  hand_json="$hand_json${hand_json:+, }{\"file\": \"$f\", \"raw\": $r, \"gzip\": $g}"
done
w_raw=$(raw "$wasm") w_gz=$(gz "$wasm") g_raw=$(raw "$glue") g_gz=$(gz "$glue")
t_raw=$((w_raw + g_raw + hand_raw)) t_gz=$((w_gz + g_gz + hand_gz))
opt_level=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-$(awk '/^\[/{ s = ($0 == "[profile.release]") }
  s && /^opt-level/{ gsub(/.*= *|"/, ""); print }' Cargo.toml)}

echo "size: wasm $w_raw B (gz $w_gz) + js glue $g_raw B (gz $g_gz) + hand-written js $hand_raw B (gz $hand_gz) = total $t_raw B, total gz $t_gz B"
cat >pkg/size.json <<EOF
{
  "wasm": {"file": "$wasm", "raw": $w_raw, "gzip": $w_gz},
  "glue": {"file": "$glue", "raw": $g_raw, "gzip": $g_gz},
  "handwritten": {"raw": $hand_raw, "gzip": $hand_gz, "files": [$hand_json]},
  "total": {"raw": $t_raw, "gzip": $t_gz},
  "optLevel": "${opt_level:-default}",
  "wasmBindgen": "$(wasm-bindgen --version | awk '{print $2}')"
}
EOF
log "wrote pkg/size.json"
