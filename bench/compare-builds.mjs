// Side-by-side timing of several builds of the boundary module (bench/boundary/build.sh with
// BOUNDARY_OUT=...), stage probe by stage probe, interleaved (timing.mjs), so build options
// (opt-level, wasm-opt level, a src/ change on a scratch copy) can be compared by ratio.
//   node bench/compare-builds.mjs [NAME=]DIR1 [NAME=]DIR2 ...   (each DIR holds boundary.js + boundary_bg.wasm)
//   BENCH_EXTRA_MIN_MS, BENCH_REPS as in js-extra.mjs; --probes noop,parse_only,... to choose
import { readFileSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { timeGroups, fmtNs } from "./timing.mjs";
import { encode } from "../pkg/node.js";

const here = dirname(fileURLToPath(import.meta.url));
const peerDir = resolve(process.env.BENCH_PEER_DIR ?? resolve(here, "peer-run"));
const { bench } = await import(pathToFileURL(resolve(peerDir, "cases.mjs")).href);
const args = process.argv.slice(2);
let probes = ["noop", "parse_only", "rules_only", "check"];
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--probes") probes = args[++i].split(",");
  else {
    const m = args[i].match(/^([^=/]+)=(.*)$/);
    dirs.push(m ? { name: m[1], dir: resolve(m[2]) } : { name: args[i], dir: resolve(args[i]) });
  }
}
const mods = [];
for (const { name, dir } of dirs) {
  // a fresh module instance per directory (query string defeats the ESM cache)
  const m = await import(pathToFileURL(resolve(dir, "boundary.js")).href + `?${mods.length}`);
  m.initSync({ module: readFileSync(resolve(dir, "boundary_bg.wasm")) });
  mods.push({ name, m });
}
const W = [
  ["a", "zenlayer", bench.zenlayerValidCjk.request],
  ["b", "tencent", bench.tencentConflictLongName.request],
  ["c", "huawei", bench.huaweiTenImageTags.request],
  ["d", "openstack", bench.novaTwentyMetadata.request],
];
const groups = [];
for (const [id, p, req] of W) {
  const text = encode(req);
  for (const probe of probes) {
    groups.push({ id: `${id}:${probe}`, label: `(${id}) ${probe}`,
      contenders: mods.map(({ name, m }) => ({ name, fn: m[probe], args: [p, text, "en", ""] })) });
  }
}
const res = timeGroups(groups, { minMs: Number(process.env.BENCH_EXTRA_MIN_MS ?? 150), reps: Number(process.env.BENCH_REPS ?? 5) });
console.log(`| probe | ${mods.map((m) => m.name).join(" | ")} |`);
console.log(`|---|${mods.map(() => "---:").join("|")}|`);
for (const g of groups) {
  const rs = res.filter((r) => r.group === g.id);
  console.log(`| ${g.label} | ${rs.map((r, i) => `${fmtNs(r.median_ns)}${i ? ` (${r.ratio_to_first.toFixed(2)}x)` : ""}`).join(" | ")} |`);
}
