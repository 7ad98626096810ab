#!/usr/bin/env bash
# Fuzzes createimage with cargo-fuzz (libFuzzer): one target per entry point (fuzz/fuzz_targets/),
# the oracles in fuzz/src/harness.rs. Installs cargo-fuzz if missing; needs rustup's nightly.
#
#   bash scripts/fuzz.sh smoke [TARGET...]   each target FUZZ_SECONDS (default 20) s: the test command's run
#   bash scripts/fuzz.sh long  [TARGET...]   each target FUZZ_SECONDS (default 600) s
#   bash scripts/fuzz.sh repro TARGET FILE   run one input (a crash artifact or a tests/regressions file)
#
# Targets: check normalize check_field to_http tencent_flat (default: all). FUZZ_JOBS targets run at
# once (default: the number of cores). The corpus (fuzz/corpus/, not in git) is seeded with every
# request of tests/cases/ and every file of tests/regressions/<target>/. A crash leaves its input
# in fuzz/artifacts/<target>/; keep it as tests/regressions/<target>/<name> (cargo test replays
# those through the same oracles, tests/properties.rs) once it is understood.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS_ALL=(check normalize check_field to_http tencent_flat)
mode=${1:-smoke}
shift || true
case "$mode" in
  smoke) secs=${FUZZ_SECONDS:-20} ;;
  long) secs=${FUZZ_SECONDS:-600} ;;
  repro) ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) echo "fuzz: unknown mode $mode (smoke, long, repro)" >&2; exit 2 ;;
esac
log() { echo "fuzz: $*"; }

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
export PATH
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  log "rustup toolchain install nightly (cargo-fuzz needs -Z flags)"
  # Bounded: with no route to rustup's servers the download would hang; fail loudly instead.
  timeout 600 rustup toolchain install nightly --profile minimal </dev/null \
    || { echo "fuzz: could not install rustup's nightly toolchain (cargo-fuzz needs it)" >&2; exit 1; }
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  log "cargo install cargo-fuzz (~1 min)"
  cargo install --quiet cargo-fuzz </dev/null
fi

# Release build with debug assertions (integer overflow panics), no sanitizer: the crate has no
# unsafe code, and without ASan each target runs several times more inputs per second.
FLAGS=(-O -a -s none)
log "cargo +nightly fuzz build ${FLAGS[*]}"
(cd fuzz && cargo +nightly fuzz build "${FLAGS[@]}" </dev/null 2>&1 | tail -n 1)
bin_dir=fuzz/target/x86_64-unknown-linux-gnu/release

if [ "$mode" = repro ]; then
  t=${1:?target}; f=${2:?file}
  exec "$bin_dir/$t" "$f"
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${TARGETS_ALL[@]}")
for t in "${targets[@]}"; do
  [ -x "$bin_dir/$t" ] || { echo "fuzz: no target $t (${TARGETS_ALL[*]})" >&2; exit 2; }
done

# Seeds: each request (and context) of the case files as JSON text, and the kept regressions.
seed_dir=fuzz/corpus/_seeds
if [ ! -d "$seed_dir" ] || [ -n "$(find tests/cases -newer "$seed_dir" -name '*.json' -print -quit)" ]; then
  rm -rf "$seed_dir"; mkdir -p "$seed_dir"
  node -e '
    const fs = require("fs"), path = require("path");
    const out = process.argv[1];
    let n = 0;
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".json")) {
        let doc; try { doc = JSON.parse(fs.readFileSync(p, "utf8")); } catch { continue; }
        for (const c of doc.cases || []) {
          if (!("request" in c)) continue;
          fs.writeFileSync(path.join(out, "case-" + (n++)), JSON.stringify(c.request));
          if (c.context !== undefined) fs.writeFileSync(path.join(out, "ctx-" + (n++)), JSON.stringify(c.context));
        }
      }
    } };
    walk("tests/cases");
    // check_field inputs: "/path\nvalue".
    for (const [p, v] of [["/ImageName", "\"web\""], ["/body/createImage/metadata", "{\"a b\":\"x\"}"],
                          ["/min_disk", "40"], ["/DataDiskIds", "[\"d\",\"d\"]"], ["/x~1y", "1"]])
      fs.writeFileSync(path.join(out, "field-" + (n++)), p + "\n" + v);
    console.log("fuzz: " + n + " seed inputs from tests/cases");
  ' "$seed_dir"
fi
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  cp -n "$seed_dir"/* "fuzz/corpus/$t/" 2>/dev/null || true
  if [ -d "tests/regressions/$t" ]; then cp -n "tests/regressions/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true; fi
done

jobs=${FUZZ_JOBS:-$(nproc)}
log "$mode: ${targets[*]}, ${secs} s each, $jobs at a time"
run_one() {
  local t=$1
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: bounded memory.
  "$bin_dir/$t" "fuzz/corpus/$t" \
    -artifact_prefix="fuzz/artifacts/$t/" -max_total_time="$secs" -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"fuzz/artifacts/$t.log" 2>&1
}
pids=() names=()
status=0
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_one "$t" &
  pids+=($!) names+=("$t")
done
for i in "${!pids[@]}"; do
  t=${names[$i]}
  if wait "${pids[$i]}"; then res=ok; else res=FAILED; status=1; fi
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "fuzz/artifacts/$t.log" | grep -Eo '[0-9]+$' || echo "?")
  time_s=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "fuzz/artifacts/$t.log" | grep -Eo '[0-9]+ second' | grep -Eo '[0-9]+' || echo "$secs")
  cov=$(grep -Eo 'cov: [0-9]+' "fuzz/artifacts/$t.log" | tail -n 1 | grep -Eo '[0-9]+' || echo "?")
  corpus=$(ls "fuzz/corpus/$t" | wc -l)
  printf 'fuzz: %-13s %-6s %10s execs in %4s s, coverage %5s, corpus %5s\n' "$t" "$res" "$execs" "$time_s" "$cov" "$corpus"
  if [ "$res" = FAILED ]; then
    grep -E 'panicked at|Test unit written|ERROR: libFuzzer' "fuzz/artifacts/$t.log" | head -n 5 | sed 's/^/fuzz:   /'
    echo "fuzz:   log: fuzz/artifacts/$t.log; reproduce: bash scripts/fuzz.sh repro $t <artifact>"
  fi
done
[ $status = 0 ] && log "no failures" || log "FAILURES (see above)"
exit $status
