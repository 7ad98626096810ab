// What the peer benchmark does not time, in one Node process, by the peer's method (timing.mjs),
// each group with ajv on the same request as its first column (so ratios are within one run):
//
//   keystroke   checkField on the (a) name, against ajv validating the whole request (a)
//   stages      where the time of validate() goes, per workload: encode() alone, the wasm call
//               with a no-op export (4 strings in and a string out, as the package did; 1 string
//               in and a number out, as it does now), + parse, + rules and the Rust report,
//               + the report as JSON text returned, JSON.parse of that text, the whole validate()
//   boundary    the four ways of crossing (bench/boundary): (1) text in/text out as shipped,
//               (2) JsValue in via serde-wasm-bindgen, (3) report out as JS objects,
//               (4) both, (5) a persistent buffer in wasm memory (encodeInto, numbers across, "0"
//               back for a valid request); for validate on (a)-(d) and for a keystroke checkField
//
//   node bench/js-extra.mjs [--json FILE] [--only keystroke|stages|boundary]
//   BENCH_EXTRA_MIN_MS (default 250) and BENCH_REPS (default 5) set the time per measurement.
//   BENCH_PEER_DIR: the peer benchmark's working copy (default bench/peer-run).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";
import os from "node:os";
import * as ci from "../pkg/node.js";
import { timeGroups, checksum, fmtNs } from "./timing.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const peerDir = resolve(process.env.BENCH_PEER_DIR ?? resolve(here, "peer-run"));
const { validate: ajv } = await import(pathToFileURL(resolve(peerDir, "ajv.mjs")).href);
const { bench } = await import(pathToFileURL(resolve(peerDir, "cases.mjs")).href);

const args = process.argv.slice(2);
let jsonOut, only;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--json") jsonOut = args[++i];
  else if (args[i] === "--only") only = args[++i];
}
const want = (part) => !only || only.split(",").includes(part);

const NOVA = process.env.CREATEIMAGE_PEER_NOVA === "nova" ? "nova" : "openstack";
const ours = (p) => (p === "nova" ? NOVA : p);

// The boundary experiment's module, if built (bash bench/boundary/build.sh).
const bPath = resolve(here, "boundary/pkg/boundary.js");
let B = null, bExports = null;
if (existsSync(bPath)) {
  B = await import(pathToFileURL(bPath).href);
  bExports = B.initSync({ module: readFileSync(resolve(here, "boundary/pkg/boundary_bg.wasm")) });
} else if (want("stages") || want("boundary")) {
  console.error(`note: ${bPath} not built (bash bench/boundary/build.sh): no stage probes, no boundary variants`);
}

// ----- workloads: the peer's four, plus (c) with the peer's own CJK tag values -----
const huaweiCjk = structuredClone(bench.huaweiTenImageTags.request);
huaweiCjk.image_tags = huaweiCjk.image_tags.map((t, i) => ({ key: t.key, value: `值${i}` }));
const workloads = [
  { id: "a", label: "zenlayer valid, CJK name", ...bench.zenlayerValidCjk },
  { id: "b", label: "tencent invalid: conflict + long name", ...bench.tencentConflictLongName },
  { id: "c", label: "huawei valid, 10 image_tags", ...bench.huaweiTenImageTags },
  { id: "d", label: "nova valid, 20 metadata items", ...bench.novaTwentyMetadata },
  { id: "c-cjk", label: "huawei, 10 image_tags with CJK values (invalid for us)", provider: "huawei", valid: false,
    request: huaweiCjk },
];

// ----- the ways to call -----
const okReport = (p) => ({ ok: true, provider: p, issues: [] });
const v1 = (p, req) => ci.validate(p, req); // the package (pkg/, built by scripts/build-wasm.sh)
// (1) is the package itself: scripts/bench.sh builds it and the boundary module from the same src/.
const b1 = v1;
const v2 = (p, req) => { const t = B.check_js_in(p, req, "en"); return t === "" ? okReport(p) : JSON.parse(t); };
const v3 = (p, req) => B.check_js_out(p, ci.encode(req), "en") ?? okReport(p);
const v4 = (p, req) => B.check_js_both(p, req, "en") ?? okReport(p);
const f1 = (p, path, v) => ci.checkField(p, path, v);
const g1 = f1;
// (1') the package's own exports as linked into the boundary module (same build as (2)-(5)), called as
// pkg/index.js calls them: provider index and language as numbers, 0 = valid, else take_report().
const IX = { zenlayer: 0, tencent: 1, openstack: 2, nova: 3, huawei: 4 };
const sameBuild = B && typeof B.take_report === "function";
// (The arguments as pkg/index.js passes them: provider, text, lang, context, bridge tokens on, labels, flags.)
const b1s = (p, req) => (B.check(IX[p], ci.encode(req), 0, "", 1, "", 0) === 0 ? okReport(p) : JSON.parse(B.take_report()));
const g1s = (p, path, v) => (B.check_field(IX[p], path, ci.encode(v), 0, "", 0) === 0 ? okReport(p) : JSON.parse(B.take_report()));
const f2 = (p, path, v) => { const t = B.check_field_js_in(p, path, v, "en"); return t === "" ? okReport(p) : JSON.parse(t); };
const f3 = (p, path, v) => B.check_field_js_out(p, path, ci.encode(v), "en") ?? okReport(p);
const f4 = (p, path, v) => B.check_field_js_both(p, path, v, "en") ?? okReport(p);

// (5): what pkg/index.js would do with a persistent input buffer (bench/boundary `buffer_*`).
const PROVIDERS = ["zenlayer", "tencent", "openstack", "nova", "huawei"]; // Provider::ALL order
const utf8in = new TextEncoder(), utf8out = new TextDecoder();
let inPtr = 0, inCap = 0, inView = null;
function bufferFor(bytes) { // a view of the input buffer with room for `bytes` bytes
  if (bytes > inCap || inView.byteLength === 0 /* memory grew: views detached */) {
    if (bytes > inCap) { inCap = Math.max(bytes, 4096); inPtr = B.buffer_in(inCap); }
    inView = new Uint8Array(bExports.memory.buffer, inPtr, inCap);
  }
  return inView;
}
function answer5(n, p) {
  if (n === 0) return okReport(p);
  return JSON.parse(utf8out.decode(new Uint8Array(bExports.memory.buffer, B.buffer_out(), n)));
}
const v5 = (p, req) => {
  const ix = PROVIDERS.indexOf(p);
  if (ix < 0) return v1(p, req); // the refusal comes from the text path
  const text = ci.encode(req);
  const { written } = utf8in.encodeInto(text, bufferFor(text.length * 3));
  return answer5(B.buffer_check(ix, written, 0), p);
};
const f5 = (p, path, value) => {
  const ix = PROVIDERS.indexOf(p);
  if (ix < 0) return f1(p, path, value);
  const text = ci.encode(value);
  const view = bufferFor((path.length + text.length) * 3);
  const a = utf8in.encodeInto(path, view).written;
  const b = utf8in.encodeInto(text, view.subarray(a)).written;
  return answer5(B.buffer_check_field(ix, a, b, 0), p);
};

// Same verdicts and issue counts whatever the crossing (else the comparison would be unfair).
let mismatch = 0;
const sameAs = (ref, r, what) => {
  if (r.ok !== ref.ok || r.issues.length !== ref.issues.length
    || JSON.stringify(r.issues.map((i) => [i.path, i.code])) !== JSON.stringify(ref.issues.map((i) => [i.path, i.code]))) {
    console.error(`mismatch: ${what}: ${JSON.stringify(r).slice(0, 300)}`);
    mismatch++;
  }
};
for (const w of workloads) {
  const p = ours(w.provider);
  w.p = p;
  w.ref = v1(p, w.request);
  if (w.ref.ok !== w.valid) console.error(`note: (${w.id}) createimage verdict ${w.ref.ok}, peer expects ${w.valid}`);
  w.text = ci.encode(w.request);
  w.ix = ["zenlayer", "tencent", "openstack", "nova", "huawei"].indexOf(p);
  w.report = B ? B.report_text(w.ix, w.text) : "";
  if (sameBuild) sameAs(w.ref, b1s(p, w.request), `(${w.id}) (1')`);
  if (B) for (const [n, f] of [["(1)", b1], ["(2)", v2], ["(3)", v3], ["(4)", v4], ["(5)", v5]]) sameAs(w.ref, f(p, w.request), `(${w.id}) ${n}`);
}
const KEY = { provider: "zenlayer", path: "/imageName", value: bench.zenlayerValidCjk.request.imageName };
const KEY_BAD = { provider: "zenlayer", path: "/imageName", value: "生产环境 web" }; // a space: bad_char
for (const k of [KEY, KEY_BAD]) {
  k.ref = f1(k.provider, k.path, k.value);
  if (sameBuild) sameAs(k.ref, g1s(k.provider, k.path, k.value), "checkField (1')");
  if (B) for (const [n, f] of [["(1)", g1], ["(2)", f2], ["(3)", f3], ["(4)", f4], ["(5)", f5]]) sameAs(k.ref, f(k.provider, k.path, k.value), `checkField ${n}`);
}
if (mismatch) process.exit(1);

// ----- groups -----
const groups = [];
const a = workloads[0];
if (want("keystroke")) {
  groups.push({
    id: "keystroke", label: `checkField("zenlayer", "/imageName", "${KEY.value}") vs ajv on the whole request (a)`,
    contenders: [
      { name: "ajv validate (a)", fn: ajv, args: [a.provider, a.request] },
      { name: "checkField, valid name", fn: f1, args: [KEY.provider, KEY.path, KEY.value] },
      { name: "checkField, bad char (1 issue)", fn: f1, args: [KEY_BAD.provider, KEY_BAD.path, KEY_BAD.value] },
      { name: "validate (a)", fn: v1, args: [a.p, a.request] },
    ],
  });
}
if (want("stages") && B) {
  for (const w of workloads) {
    const c = [
      { name: "ajv validate", fn: ajv, args: [w.provider, w.request] },
      { name: "validate (package)", fn: v1, args: [w.p, w.request] },
      { name: "encode()", fn: ci.encode, args: [w.request] },
      { name: "JSON.stringify", fn: JSON.stringify, args: [w.request] },
      { name: "wasm no-op, 4 strings in, string out", fn: B.noop_str4, args: [w.p, w.text, "en", ""] },
      { name: "wasm no-op, 1 string in, number out", fn: B.noop, args: [w.text] },
      // A fresh encode() result is a rope of many pieces: the crossing flattens it first.
      { name: "encode() + no-op crossing of its result", fn: (r) => B.noop(ci.encode(r)), args: [w.request] },
      { name: "wasm parse", fn: B.parse_only, args: [w.text] },
      { name: "wasm parse+rules", fn: B.rules_only, args: [w.ix, w.text] },
      { name: "wasm parse+rules+report text out", fn: B.report_text, args: [w.ix, w.text] },
    ];
    if (w.report !== "") c.push({ name: "JSON.parse(report)", fn: JSON.parse, args: [w.report] });
    groups.push({ id: `stages-${w.id}`, label: `stages of validate(), (${w.id}) ${w.label}`, contenders: c });
  }
}
if (want("boundary") && B) {
  for (const w of workloads) {
    groups.push({
      id: `boundary-${w.id}`, label: `boundary variants, validate (${w.id}) ${w.label}`,
      contenders: [
        { name: "ajv validate", fn: ajv, args: [w.provider, w.request] },
        { name: "(1) text in, text out (shipped)", fn: b1, args: [w.p, w.request] },
        ...(sameBuild ? [{ name: "(1') the same, in the boundary build", fn: b1s, args: [w.p, w.request] }] : []),
        { name: "(2) JsValue in, text out", fn: v2, args: [w.p, w.request] },
        { name: "(3) text in, JS objects out", fn: v3, args: [w.p, w.request] },
        { name: "(4) JsValue in, JS objects out", fn: v4, args: [w.p, w.request] },
        { name: "(5) buffer in wasm memory, text out", fn: v5, args: [w.p, w.request] },
      ],
    });
  }
  for (const [id, k] of [["boundary-key", KEY], ["boundary-key-bad", KEY_BAD]]) {
    groups.push({
      id, label: `boundary variants, checkField(${JSON.stringify(k.value)})`,
      contenders: [
        { name: "ajv validate (a)", fn: ajv, args: [a.provider, a.request] },
        { name: "(1) text in, text out (shipped)", fn: g1, args: [k.provider, k.path, k.value] },
        ...(sameBuild ? [{ name: "(1') the same, in the boundary build", fn: g1s, args: [k.provider, k.path, k.value] }] : []),
        { name: "(2) JsValue in, text out", fn: f2, args: [k.provider, k.path, k.value] },
        { name: "(3) text in, JS objects out", fn: f3, args: [k.provider, k.path, k.value] },
        { name: "(4) JsValue in, JS objects out", fn: f4, args: [k.provider, k.path, k.value] },
        { name: "(5) buffer in wasm memory, text out", fn: f5, args: [k.provider, k.path, k.value] },
      ],
    });
  }
}

const minMs = Number(process.env.BENCH_EXTRA_MIN_MS ?? 250);
const reps = Number(process.env.BENCH_REPS ?? 5);
const results = timeGroups(groups, { minMs, reps, log: (s) => process.stderr.write(`js-extra: ${s}\n`) });

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`node ${process.version}, ${cpu}, ${new Date().toISOString()}; median ns per call over ${reps} runs of >= ${minMs} ms`);
for (const g of groups) {
  console.log(`\n${g.label}`);
  console.log("| operation | ns/call | ± | ratio to ajv |\n|---|---:|---:|---:|");
  for (const r of results.filter((r) => r.group === g.id)) {
    console.log(`| ${r.name} | ${fmtNs(r.median_ns)} | ${Math.round(((r.max_ns - r.min_ns) / r.median_ns) * 50)}% | ${r.ratio_to_first.toFixed(2)}x |`);
  }
}
console.log(`\n(checksum ${checksum()})`);

if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({
    node: process.version, cpu, date: new Date().toISOString(), min_ms: minMs, reps, nova_as: NOVA,
    report_bytes: Object.fromEntries(workloads.map((w) => [w.id, Buffer.byteLength(w.report)])),
    request_bytes: Object.fromEntries(workloads.map((w) => [w.id, Buffer.byteLength(w.text)])),
    results,
  }, null, 2) + "\n");
}
