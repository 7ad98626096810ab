// The inline .wasm's table filter (scripts/range-tables.mjs packs, pkg/inline.js unpacks): lossless
// for any bytes, found where the tables are, and each shipped flavor's module restored to a .wasm
// that compiles (the main one byte for byte equal to pkg/wasm/createimage_bg.wasm), by the
// synchronous path and by the streaming one with any chunking.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "fflate";
import { findTables, pack } from "../../scripts/range-tables.mjs";
import { restoring, unpack, wasmBytes } from "../../pkg/inline.js";
import { PKG } from "./helpers.mjs";

/** A tiny pseudo-random generator (the same bytes on every run). */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
}

/** A minimal .wasm holding one active data segment at `address` with `data`. */
function wasmWithData(data, address = 0x100000) {
  const leb = (n, signed = false) => {
    const out = [];
    for (;;) {
      const b = n & 0x7f;
      n = signed ? n >> 7 : n >>> 7;
      if (signed ? (n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40) : n === 0) return [...out, b];
      out.push(b | 0x80);
    }
  };
  const memory = [5, 3, 1, 0, 2]; // one memory of 2 pages
  const segment = [1, 0, 0x41, ...leb(address, true), 0x0b, ...leb(data.length), ...data];
  return Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...memory, 11, ...leb(segment.length), ...segment]);
}

/** Sorted non-overlapping code point ranges, as the tables are: `size` 8 (lo, hi) or 12 (+ a category). */
function rangeTable(n, size, next) {
  const out = new Uint8Array(n * size), view = new DataView(out.buffer);
  let cp = 0;
  for (let i = 0; i < n; i++) {
    const lo = cp + 1 + Math.floor(next() * 40), hi = lo + Math.floor(next() * 30);
    view.setUint32(i * size, lo, true);
    view.setUint32(i * size + 4, hi, true);
    if (size === 12) view.setUint32(i * size + 8, Math.floor(next() * 14), true);
    cp = hi;
  }
  return out;
}

test("the filter finds range tables and an index, and round-trips them", () => {
  const next = random(7);
  const noise = (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
  const index = new Uint8Array(600);
  for (let i = 0, v = 0; i < 300; i++, v += next() < 0.3 ? 1 : 0) index[2 * i] = v & 0xff, (index[2 * i + 1] = v >> 8);
  const parts = [noise(12), rangeTable(200, 12, next), noise(8), rangeTable(100, 8, next), noise(6), index, new Uint8Array(2), noise(10)]; // the zeros end the index's run
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (data.set(p, at), at + p.length), 0);
  const wasm = wasmWithData(data);
  const tables = findTables(wasm);
  const dataStart = wasm.length - data.length;
  // [offset, count, record bytes, word bytes] each: the 12-byte table, the 8-byte table, the index.
  assert.deepEqual(
    Array.from({ length: tables.length / 4 }, (_, k) => tables.slice(4 * k, 4 * k + 4)),
    [
      [dataStart + 12, 200, 12, 4],
      [dataStart + 12 + 2400 + 8, 100, 8, 4],
      [dataStart + 12 + 2400 + 8 + 800 + 6, 300, 2, 2],
    ],
  );
  const packed = pack(wasm, tables);
  assert.notDeepEqual(packed, wasm);
  assert.deepEqual(unpack(Uint8Array.from(packed), tables), wasm);
});

test("unpack(pack(x)) is x for any bytes, whatever the tables say", () => {
  const next = random(11);
  for (let round = 0; round < 200; round++) {
    const bytes = Uint8Array.from({ length: 64 + Math.floor(next() * 400) }, () => Math.floor(next() * 256));
    const tables = [];
    for (let at = Math.floor(next() * 16); at < bytes.length; ) {
      const [r, s] = [[12, 4], [8, 4], [2, 2], [4, 4]][Math.floor(next() * 4)];
      const n = Math.min(Math.floor((bytes.length - at) / r), 1 + Math.floor(next() * 20));
      if (n < 1) break;
      tables.push(at, n, r, s);
      at += n * r + Math.floor(next() * 16);
    }
    assert.deepEqual(unpack(pack(bytes, tables), tables), bytes, `round ${round}`);
  }
});

/** Each flavor's inline module (pkg/flavors/<name>/wasm.js). */
const flavors = readdirSync(join(PKG, "flavors")).sort();

test("every shipped inline module has its tables filtered and restores to a .wasm that compiles", async () => {
  assert.ok(flavors.includes("all"), "pkg/flavors/all is built");
  for (const name of flavors) {
    const { default: inline } = await import(pathToFileURL(join(PKG, "flavors", name, "wasm.js")).href);
    const [, tables] = inline;
    // unicode-segmentation's three grapheme tables, at least (a new layout of its tables would lose
    // the filter's ~4 KB gzipped silently otherwise).
    assert.ok(tables.length / 4 >= 3, `${name}: ${tables.length / 4} tables filtered`);
    const bytes = wasmBytes(inline, inflateSync);
    assert.ok(WebAssembly.validate(bytes), `${name}: the restored .wasm validates`);
    if (name === "all") assert.deepEqual(bytes, new Uint8Array(readFileSync(join(PKG, "wasm", "createimage_bg.wasm"))));
  }
});

test("the streaming path restores the same bytes, whatever the chunks", async () => {
  const { default: inline } = await import(pathToFileURL(join(PKG, "flavors", "all", "wasm.js")).href);
  const expected = wasmBytes(inline, inflateSync);
  const next = random(3);
  // The stream carries the packed bytes, as DecompressionStream would, in chunks of these sizes (0:
  // random sizes).
  const packed = pack(expected, inline[1]);
  for (const chunk of [13, 4096, packed.length, 0]) {
    const source = new ReadableStream({
      start(c) {
        for (let at = 0; at < packed.length; ) {
          const n = chunk || 1 + Math.floor(next() * 9000);
          c.enqueue(packed.slice(at, at + n));
          at += n;
        }
        c.close();
      },
    });
    const got = new Uint8Array(await new Response(source.pipeThrough(restoring(inline[1]))).arrayBuffer());
    assert.deepEqual(got, expected, `chunks of ${chunk || "random sizes"}`);
  }
});
