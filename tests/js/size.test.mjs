// The stated size budget: the shipped .wasm plus its JS glue, gzip -9, at most 64 KiB
// (pkg/size.json, written by scripts/build-wasm.sh with `gzip -9`; Node's zlib compresses
// differently, so the figures are taken from size.json, checked only for staleness).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PKG, ROOT } from "./helpers.mjs";

const BUDGET = 64 * 1024;

test("SIZE BUDGET: wasm + glue gzip total <= 64 KiB (pkg/size.json)", () => {
  const size = JSON.parse(readFileSync(join(PKG, "size.json"), "utf8"));
  // size.json describes the files that are there now (a stale one would hide a regression).
  for (const part of [size.wasm, size.glue]) {
    const bytes = readFileSync(join(ROOT, part.file));
    assert.equal(bytes.length, part.raw, `${part.file}: size.json is stale, rebuild with scripts/build-wasm.sh`);
  }
  const total = size.wasm.gzip + size.glue.gzip;
  console.log(`size: wasm gz ${size.wasm.gzip} + glue gz ${size.glue.gzip} = ${total} B of ${BUDGET} B budget (${total <= BUDGET ? "within" : `OVER by ${total - BUDGET} B`}); with hand-written JS: ${size.total.gzip} B`);
  assert.ok(total <= BUDGET, `wasm + glue gzip is ${total} B, over the 64 KiB budget (${BUDGET} B) by ${total - BUDGET} B`);
});
