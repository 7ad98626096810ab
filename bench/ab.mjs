#!/usr/bin/env node
// A/B of two builds of the package on the peer benchmark's four requests (../shared/bench-peer
// cases.mjs `bench`), in alternating rounds in one process, so that both see the same machine:
// five rounds of 300 ms per workload and build, medians in ns per validate().
//
//   git worktree add /tmp/old <commit> && (cd /tmp/old && npm ci && bash scripts/build-wasm.sh)
//   node bench/ab.mjs /tmp/old .          # A = /tmp/old, B = this checkout; prints B/A per workload
//
// BENCH_PEER_SRC points at the peer benchmark (default ../shared/bench-peer). `nova` is sent as
// `openstack`, as bench/adapter.mjs does. AB_NAME replaces workload (a)'s image name (e.g. a name
// of at most 24 bytes of UTF-8, which Zenlayer's Terraform reading does not warn about).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [a, b] = process.argv.slice(2).map((p) => resolve(p ?? "."));
if (!a || !b) {
  console.error("usage: node bench/ab.mjs <checkout A> <checkout B>");
  process.exit(2);
}
const peer = resolve(process.env.BENCH_PEER_SRC ?? new URL("../../shared/bench-peer", import.meta.url).pathname);
const { bench } = await import(pathToFileURL(`${peer}/cases.mjs`).href);
const load = async (dir) => (await import(pathToFileURL(`${dir}/pkg/node.js`).href)).validate;
const builds = { A: await load(a), B: await load(b) };
const work = Object.values(bench).map((w) => ({ p: w.provider === "nova" ? "openstack" : w.provider, r: w.request }));
if (process.env.AB_NAME) work[0] = { ...work[0], r: { ...work[0].r, imageName: process.env.AB_NAME } };

function nsPerCall(validate, w, ms = 300) {
  let n = 0;
  const t0 = process.hrtime.bigint();
  let t;
  do {
    for (let i = 0; i < 200; i++) validate(w.p, w.r);
    n += 200;
    t = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (t < ms);
  return (t * 1e6) / n;
}

const times = { A: work.map(() => []), B: work.map(() => []) };
for (let round = 0; round < 5; round++) {
  for (const k of round % 2 ? ["B", "A"] : ["A", "B"]) work.forEach((w, i) => times[k][i].push(nsPerCall(builds[k], w)));
}
const median = (x) => x.slice().sort((p, q) => p - q)[x.length >> 1];
work.forEach((_, i) => {
  const [ta, tb] = [median(times.A[i]), median(times.B[i])];
  console.log(`(${"abcd"[i]}) A ${ta.toFixed(0)} ns, B ${tb.toFixed(0)} ns, B/A ${(tb / ta).toFixed(3)}`);
});
