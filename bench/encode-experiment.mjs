// Experiment for pkg/index.js's encode(): a fast path that hands plain JSON data to the engine's
// JSON.stringify, after a walk that proves JSON.stringify would write exactly what encode() writes
// (strings, finite numbers, booleans, null, arrays, plain objects; depth < 64; no toJSON), and
// falls back to encode() otherwise (or when the walk throws: a getter, a proxy trap).
//
//   node bench/encode-experiment.mjs      checks equal output on every peer case and edge case,
//                                         then times encode() / fast / JSON.stringify
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encode } from "../pkg/node.js";
import { timeGroups, fmtNs } from "./timing.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const peerDir = resolve(process.env.BENCH_PEER_DIR ?? resolve(here, "peer-run"));
const { bench, cases } = await import(pathToFileURL(resolve(peerDir, "cases.mjs")).href);

const OBJECT_PROTO = Object.prototype;
function plain(v, depth) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return v - v === 0; // finite (NaN and ±Infinity give NaN)
    case "object":
      break;
    default:
      return false; // undefined, function, symbol, bigint: encode() writes @tokens
  }
  if (v === null) return true;
  if (depth >= 63) return false; // encode() cuts at 64 with @deep
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== OBJECT_PROTO && proto !== null) || typeof v.toJSON === "function") return false;
  for (const k in v) {
    const x = v[k];
    if (x !== undefined && !plain(x, depth + 1)) return false;
  }
  return true;
}

export function encodeFast(v) {
  try {
    if (plain(v, 0)) return JSON.stringify(v);
  } catch {
    // a getter or a proxy trap threw: encode() reports it
  }
  return encode(v);
}

// ----- same output -----
const cyc = { a: 1 };
cyc.self = cyc;
let deep = {};
for (let i = 0; i < 70; i++) deep = { d: deep };
const edge = [
  null, undefined, 0, -0, 1.5, NaN, Infinity, -Infinity, 10n, "x", "\ud800", "a\u2028b", true,
  [1, undefined, 3], [1, , 3], [() => 1], { f() {} }, { s: Symbol("s") }, { u: undefined, a: 1 },
  new Date(0), { d: new Date(NaN) }, new Map([[1, 2]]), new Uint8Array([1, 2]), Object.create(null),
  Object.assign(Object.create(null), { a: [1] }), { toJSON() { return 1; } }, new String("s"),
  { get boom() { throw new Error("no"); } }, cyc, deep, { 2: "b", 1: "a", x: "c" },
  new Proxy({ a: 1 }, { get() { throw new Error("trap"); } }), { n: 1e21, m: 5e-324 },
];
let bad = 0;
for (const v of [...cases.map((c) => c.request), ...edge]) {
  const a = encode(v), b = encodeFast(v);
  if (a !== b) { bad++; console.error(`differs: ${a.slice(0, 80)} vs ${String(b).slice(0, 80)}`); }
}
console.log(`${cases.length + edge.length} values: ${bad ? `${bad} differ` : "encodeFast() === encode() on all"}`);
if (bad) process.exit(1);

// ----- timing -----
const groups = [
  ["a", bench.zenlayerValidCjk.request], ["b", bench.tencentConflictLongName.request],
  ["c", bench.huaweiTenImageTags.request], ["d", bench.novaTwentyMetadata.request],
].map(([id, req]) => ({
  id, label: `(${id})`, contenders: [
    { name: "encode()", fn: encode, args: [req] },
    { name: "encodeFast()", fn: encodeFast, args: [req] },
    { name: "JSON.stringify", fn: JSON.stringify, args: [req] },
  ],
}));
const res = timeGroups(groups, { minMs: Number(process.env.BENCH_EXTRA_MIN_MS ?? 150), reps: Number(process.env.BENCH_REPS ?? 5) });
console.log("| request | encode() | encodeFast() | JSON.stringify |\n|---|---:|---:|---:|");
for (const g of groups) {
  const r = res.filter((x) => x.group === g.id);
  console.log(`| ${g.label} | ${r.map((x, i) => `${fmtNs(x.median_ns)}${i ? ` (${x.ratio_to_first.toFixed(2)}x)` : ""}`).join(" | ")} |`);
}
