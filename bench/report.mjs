// Combines one scripts/bench.sh session into the ratio table and bench/results-<date>.json:
//
//   node bench/report.mjs --peer PEER.json --native NATIVE.json [--extra EXTRA.json]
//                         [--machine MACHINE.json] [--out FILE]
//
// PEER.json   shared/bench-peer's `node bench.mjs bench/adapter.mjs --json` (ajv, zod, createimage)
// NATIVE.json `cargo bench --bench native -- --json` (the Rust core, no JS)
// EXTRA.json  `node bench/js-extra.mjs --json` (checkField, stages, boundary variants)
// Targets (the issue): wasm validate from JS <= 1.0x ajv on each of (a)-(d); checkField on a name
// <= ajv's time for (a); the native check <= 0.5x ajv on each of (a)-(d). Nothing here fails on a
// missed target: benchmarks are not tests.
import { readFileSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const opt = {};
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, "")] = args[i + 1];
const load = (f) => (f ? JSON.parse(readFileSync(f, "utf8")) : null);
const peer = load(opt.peer);
const native = load(opt.native);
const extra = load(opt.extra);
const machine = load(opt.machine) ?? {};

const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1));
const x = (r) => `${r.toFixed(2)}x`;
const ids = ["a", "b", "c", "d"];
const peerRow = (w, v) => peer.results.find((r) => r.workload === w && r.validator === v);
const label = (w) => peerRow(w, "ajv").label;
const rows = [];
const table = (head, body) => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (c) => `| ${c.map((s, i) => String(s).padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
};

// ----- 1. the peer benchmark with the adapter -----
const ours = peer.results.find((r) => r.validator !== "ajv" && r.validator !== "zod")?.validator ?? "createimage";
const t1 = ids.map((w) => {
  const a = peerRow(w, "ajv"), z = peerRow(w, "zod"), c = peerRow(w, ours);
  const ratio = c.ratio_to_ajv;
  const zr = c.median_ns / z.median_ns;
  rows.push({ target: "wasm validate from JS <= 1.0x ajv", workload: w, ours_ns: c.median_ns, ajv_ns: a.median_ns,
    zod_ns: z.median_ns, ratio, limit: 1.0, met: ratio <= 1.0, ratio_to_zod: zr });
  return [`(${w}) ${label(w)}`, fmt(a.median_ns), fmt(z.median_ns), fmt(c.median_ns), x(z.ratio_to_ajv), x(ratio), x(zr),
    ratio <= 1.0 ? "met" : "not met"];
});

// ----- 2. checkField on a name vs ajv (a), same process (js-extra keystroke group) -----
let t2 = null;
if (extra) {
  const g = extra.results.filter((r) => r.group === "keystroke");
  if (g.length) {
    t2 = g.map((r) => [r.name, fmt(r.median_ns), x(r.ratio_to_first)]);
    const cf = g.find((r) => r.name.startsWith("checkField, valid"));
    rows.push({ target: "checkField on a name <= ajv (a)", workload: "a-name", ours_ns: cf.median_ns,
      ajv_ns: g[0].median_ns, ratio: cf.ratio_to_first, limit: 1.0, met: cf.ratio_to_first <= 1.0 });
  }
}

// ----- 3. native core vs ajv (ajv from the peer run of the same session) -----
let t3 = null;
if (native) {
  const nrow = (id) => native.results.find((r) => r.id === id);
  t3 = ids.map((w) => {
    const a = peerRow(w, "ajv"), n = nrow(w);
    const ratio = n.check.median_ns / a.median_ns;
    rows.push({ target: "native check <= 0.5x ajv", workload: w, ours_ns: n.check.median_ns, ajv_ns: a.median_ns,
      ratio, limit: 0.5, met: ratio <= 0.5, parse_check_ns: n.parse_check.median_ns });
    return [`(${w}) ${n.label}`, fmt(a.median_ns), fmt(n.check.median_ns), x(ratio), ratio <= 0.5 ? "met" : "not met",
      fmt(n.parse_check.median_ns), x(n.parse_check.median_ns / a.median_ns), fmt(n.wasm_path.median_ns)];
  });
}

const out = [];
out.push(`createimage benchmark session ${machine.date ?? peer.date}: ${machine.cpu ?? peer.cpu}, ${machine.nproc ?? "?"} CPUs, node ${peer.node}` +
  (machine.loadavg_start ? `, load average ${machine.loadavg_start} at start, ${machine.loadavg_end ?? "?"} at end` : ""));
out.push(`\n1. validate() from JS: the peer benchmark with bench/adapter.mjs (median ns per validation; ${peer.reps} x >= ${peer.min_ms} ms)\n`);
out.push(table(["workload", "ajv", "zod", ours, "zod/ajv", `${ours}/ajv`, `${ours}/zod`, "<= 1.0x ajv"], t1));
if (t2) {
  out.push(`\n2. checkField on a name, same process as ajv validating (a) (bench/js-extra.mjs)\n`);
  out.push(table(["operation", "ns/call", "ratio to ajv (a)"], t2));
}
if (t3) {
  out.push(`\n3. native core (cargo bench --bench native), ajv from run 1 (check = on a parsed Value)\n`);
  out.push(table(["workload", "ajv", "native check", "check/ajv", "<= 0.5x ajv", "parse+check", "(parse+check)/ajv", "wasm path, natively"], t3));
  const meta = native.results.filter((r) => r.id.startsWith("meta-"));
  if (meta.length) {
    out.push(`\nNova (openstack profile) metadata maps, native:\n`);
    out.push(table(["items", "bytes", "check", "ns/item", "parse+check", "ns/item"], meta.map((r) => {
      const n = Number(r.id.slice(5));
      return [n.toLocaleString("en-US"), r.bytes.toLocaleString("en-US"), fmt(r.check.median_ns), (r.check.median_ns / n).toFixed(1),
        fmt(r.parse_check.median_ns), (r.parse_check.median_ns / n).toFixed(1)];
    })));
  }
}
out.push(`\ntargets: ${rows.filter((r) => r.met).length} of ${rows.length} met`);
for (const r of rows) {
  out.push(`  ${r.met ? "met    " : "not met"} ${r.target} (${r.workload}): ${x(r.ratio)}`);
}
console.log(out.join("\n"));

if (opt.out) {
  writeFileSync(opt.out, JSON.stringify({ machine, targets: rows, peer, native, extra }, null, 1) + "\n");
  console.log(`\nwrote ${opt.out}`);
}
