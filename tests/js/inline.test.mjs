// The inline .wasm's table filter (scripts/range-tables.mjs packs, pkg/inline.js restores, each
// flavor's glue calls the restore): lossless for any bytes, found where the tables are; for each
// shipped flavor, the memory of an instance its glue made is the memory of the .wasm as built, byte
// for byte; a memory is restored once, an instance of an unfiltered .wasm not at all; no export runs
// on filtered tables, whichever loads race.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "fflate";
import { findTables, pack } from "../../scripts/range-tables.mjs";
import { bytesOf, restore, unpack } from "../../pkg/inline.js";
import { PKG, ROOT, runModule } from "./helpers.mjs";

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
  const dataStart = 0x100000;
  // [address, count, record bytes, word bytes] each: the 12-byte table, the 8-byte table, the index.
  assert.deepEqual(
    Array.from({ length: tables.length / 4 }, (_, k) => tables.slice(4 * k, 4 * k + 4)),
    [
      [dataStart + 12, 200, 12, 4],
      [dataStart + 12 + 2400 + 8, 100, 8, 4],
      [dataStart + 12 + 2400 + 8 + 800 + 6, 300, 2, 2],
    ],
  );
  const packed = pack(wasm, tables);
  assert.notDeepEqual(packed.bytes, wasm);
  // The data as the memory would hold it, from address 0x100000: restored, the original's; restored
  // again, unchanged (each table's signature is gone).
  const memory = new WebAssembly.Memory({ initial: 17 });
  new Uint8Array(memory.buffer).set(packed.bytes.subarray(wasm.length - data.length), dataStart);
  restore(packed.tables)(memory);
  assert.deepEqual(new Uint8Array(memory.buffer, dataStart, data.length), data);
  restore(packed.tables)(memory);
  assert.deepEqual(new Uint8Array(memory.buffer, dataStart, data.length), data);
});

test("unpack(pack(x)) is x for any bytes, whatever the tables say", () => {
  const next = random(11);
  for (let round = 0; round < 200; round++) {
    const data = Uint8Array.from({ length: 64 + Math.floor(next() * 400) }, () => Math.floor(next() * 256));
    const tables = [];
    for (let at = 4 * Math.floor(next() * 4); at < data.length; ) {
      const [r, s] = [[12, 4], [8, 4], [2, 2], [4, 4]][Math.floor(next() * 4)];
      at += at % s; // aligned to its words, as findTables finds them
      // At least 4 records: with one, the filtered table is the table (pack refuses it: no signature).
      const n = Math.min(Math.floor((data.length - at) / r), 4 + Math.floor(next() * 20));
      if (n < 4) break;
      tables.push(0x100000 + at, n, r, s);
      at += n * r + 2 * Math.floor(next() * 8);
    }
    const wasm = wasmWithData(data);
    const packed = pack(wasm, tables);
    const memory = new Uint8Array(0x100000 + data.length);
    memory.set(packed.bytes.subarray(wasm.length - data.length), 0x100000);
    assert.deepEqual(unpack(memory, packed.tables).subarray(0x100000), data, `round ${round}`);
  }
});

/**
 * Each inline module of each flavor (pkg/flavors/<name>/: wasm.js, the first module, without
 * normalize/to_http; full-wasm.js, the full one), its glue and the .wasm it was made from; and
 * Node's (pkg/flavors/node/: the full module only, built for speed).
 */
const BUILDS = join(ROOT, "target", "wasm-providers");
const flavors = readdirSync(join(PKG, "flavors"))
  .filter((name) => existsSync(join(PKG, "flavors", name, "wasm.js")))
  .sort()
  .flatMap((name) => [
    { name, inline: "wasm.js", glue: "glue.js", built: name === "all" ? join(BUILDS, "all-check", "createimage_bg.wasm") : join(BUILDS, `${name}-check`, `${name}_bg.wasm`) },
    { name, inline: "full-wasm.js", glue: "full-glue.js", built: name === "all" ? join(PKG, "wasm", "createimage_bg.wasm") : join(BUILDS, name, `${name}_bg.wasm`) },
  ])
  .concat([{ name: "node", inline: "full-wasm.js", glue: "full-glue.js", built: join(BUILDS, "node", "createimage_bg.wasm") }]);

/**
 * The memory of an instance of `bytes` made without the glue (the one-provider modules import
 * pkg/inline.js graphemeEnd, which instantiating does not call: a stub stands in).
 */
function memoryOf(bytes) {
  const module = new WebAssembly.Module(bytes);
  const imports = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) (imports[from] ??= {})[name] = () => 0;
  const { exports } = new WebAssembly.Instance(module, imports);
  return exports.memory;
}

/**
 * The filtered tables each module must hold: unicode-segmentation's three grapheme tables and
 * Nova's unprintable ranges in the main, sync and Node modules; Nova's ranges alone in the
 * OpenStack and Nova modules (their graphemes come from Intl.Segmenter); none in the other
 * one-provider modules. (A new layout of unicode-segmentation's tables would lose ~4 KB gzipped
 * silently.)
 */
const TABLES = { all: 4, node: 4, openstack: 1, nova: 1, zenlayer: 0, tencent: 0, huawei: 0 };

test("every flavor's glue keeps only restored instances: their memory is the .wasm's as built", async () => {
  assert.ok(flavors.some((f) => f.name === "all"), "pkg/flavors/all is built");
  assert.equal(flavors.length, 13, "two modules for each of six flavors, and Node's");
  for (const { name: flavor, inline: file, glue: glueFile, built } of flavors) {
    const name = `${flavor}/${file}`;
    const { default: [base64] } = await import(pathToFileURL(join(PKG, "flavors", flavor, file)).href);
    const glue = await import(pathToFileURL(join(PKG, "flavors", flavor, glueFile)).href);
    assert.ok(existsSync(built), `${built} (scripts/build-wasm.sh makes it)`);
    const expected = new Uint8Array(memoryOf(readFileSync(built)).buffer);
    const inline = inflateSync(bytesOf(base64));
    const found = findTables(readFileSync(built));
    assert.equal(found.length / 4, TABLES[flavor], `${name}: ${found.length / 4} tables`);
    if (TABLES[flavor] > 0) assert.notDeepEqual(new Uint8Array(memoryOf(inline).buffer), expected, `${name}: the tables are filtered in the module`);
    else assert.deepEqual(inline, new Uint8Array(readFileSync(built)), `${name}: no table, so the module is the .wasm as built`);
    const { memory } = glue.initSync({ module: inline });
    assert.deepEqual(new Uint8Array(memory.buffer), expected, `${name}: the glue's instance has the built module's memory`);
  }
});

test("every flavor's glue instantiates its inline module's Response, also where the runtime has no streaming compile; flavors/all's also one not served as application/wasm (the fallback kept when gen-entries drops wasm-bindgen's warnings)", async () => {
  let n = 0;
  for (const { name: flavor, inline: file, glue: glueFile, built } of flavors) {
    const { default: [base64] } = await import(pathToFileURL(join(PKG, "flavors", flavor, file)).href);
    const expected = new Uint8Array(memoryOf(readFileSync(built)).buffer);
    // A per-provider flavor's glue loads only its inline module, as pkg/inline.js wasmResponse
    // serves it (scripts/gen-entries.mjs glue(): inlineOnly); the main entry's init(input) takes any Response.
    for (const type of flavor === "all" ? ["application/octet-stream", "application/wasm"] : ["application/wasm"]) {
      // A fresh copy of the glue (its own module state) for each load.
      const glue = await import(`${pathToFileURL(join(PKG, "flavors", flavor, glueFile)).href}?fallback=${n++}`);
      const response = new Response(inflateSync(bytesOf(base64)), { headers: { "content-type": type } });
      const exports = await glue.default({ module_or_path: response });
      assert.deepEqual(new Uint8Array(exports.memory.buffer), expected, `${flavor}/${glueFile} from a Response served as ${type}`);
    }
    // Where the runtime has no streaming compile: from the Response's bytes.
    const streaming = WebAssembly.instantiateStreaming;
    try {
      delete WebAssembly.instantiateStreaming;
      const glue = await import(`${pathToFileURL(join(PKG, "flavors", flavor, glueFile)).href}?fallback=${n++}`);
      const response = new Response(inflateSync(bytesOf(base64)), { headers: { "content-type": "application/wasm" } });
      const exports = await glue.default({ module_or_path: response });
      assert.deepEqual(new Uint8Array(exports.memory.buffer), expected, `${flavor}/${glueFile} without WebAssembly.instantiateStreaming`);
    } finally {
      WebAssembly.instantiateStreaming = streaming;
    }
  }
});

test("restore leaves an unfiltered .wasm's instance and a restored memory as they are", () => {
  const built = readFileSync(join(PKG, "wasm", "createimage_bg.wasm"));
  const { tables } = pack(built, findTables(built));
  const expected = new Uint8Array(memoryOf(built).buffer);
  const memory = memoryOf(built); // what the main entry's init(input) gets from the .wasm file
  restore(tables)(memory);
  restore(tables)(memory);
  assert.deepEqual(new Uint8Array(memory.buffer), expected);
});

// The probe of restored tables: 59 letters, then `e` + U+0301 (one grapheme cluster, two chars),
// then `b`: 62 chars, Tencent allows 60. The suggestion keeps whole clusters within 60 chars: the 59
// letters (with the tables still filtered, the cluster's categories would be noise).
const PROBE = { ImageName: "a".repeat(59) + "e\u0301b", InstanceId: "ins-12345678" };
const CUT = "a".repeat(59);
const suggestion = (report) => report.issues.find((i) => i.code === "too_long")?.suggestion;
/** Source for a child process: `answer(api)`, the suggestion `api.validate("tencent", PROBE)` gives, or its Error. */
const ANSWER = `const answer = (api) => {
  try { return api.validate("tencent", ${JSON.stringify(PROBE)}).issues.find((i) => i.code === "too_long")?.suggestion; }
  catch (e) { return String(e); }
};`;
/** A file of pkg/ as a quoted URL, for the source of a child process. */
const url = (f) => JSON.stringify(pathToFileURL(join(PKG, f)).href);

test("two loads racing over one module (the browser entry's full module and createimage/sync on one page): no export runs on filtered tables", () => {
  // createimage/sync made ready at import while the browser entry's inline load of the same full
  // module (flavors/all/full-glue.js, for normalize) is under way: that load ends later and the glue
  // keeps its instance; every microtask until then, a call on that module must answer.
  const r = runModule(`
    import * as browser from ${url("browser.js")};
    const bad = [];
    ${ANSWER}
    const normalized = (api) => {
      try { return api.normalize("tencent", ${JSON.stringify(PROBE)}).issues.find((i) => i.code === "too_long")?.suggestion; }
      catch (e) { return String(e); }
    };
    const sync = await import(${url("sync.js")});
    let ticks = 0;
    const watch = (async () => {
      for (; ticks < 100000; ticks++, await null) {
        for (const a of [answer(sync), normalized(sync)]) if (a !== ${JSON.stringify(CUT)}) bad.push(a);
        if (browser.isReady()) { for (const a of [answer(browser), normalized(browser)]) if (a !== ${JSON.stringify(CUT)}) bad.push(a); }
      }
    })();
    await browser.ready;
    await sync.ready;
    for (let k = 0; k < 50; k++) await null;
    ticks = 1e9;
    await watch;
    console.log(JSON.stringify({ bad: bad.slice(0, 3), last: answer(browser) }));
  `);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { bad: [], last: CUT });
});

test("the entries restore the tables before their first call: a suggestion is cut on a grapheme boundary", async () => {
  for (const [entry, call] of [
    ["node.js", (c) => c.validate("tencent", PROBE)],
    ["browser.js", (c) => c.validate("tencent", PROBE)],
    ["tencent.js", (c) => c.validate(PROBE)],
  ]) {
    const c = await import(pathToFileURL(join(PKG, entry)).href);
    await c.ready;
    assert.equal(suggestion(call(c)), CUT, entry);
  }
});

test("without DecompressionStream (Safari before 16.4), importing an entry works: ready rejects, calls throw a clear Error", () => {
  for (const entry of ["browser.js", "tencent.js"]) {
    const r = runModule(`
      delete globalThis.DecompressionStream;
      const c = await import(${url(entry)});
      const why = await c.ready.then(() => "resolved", (e) => e instanceof Error ? e.message : "not an Error");
      let call;
      try { c.validate(${entry === "browser.js" ? '"tencent", ' : ""}{}); call = "answered"; } catch (e) { call = e instanceof Error ? e.message : "not an Error"; }
      console.log(JSON.stringify({ why, call }));
    `);
    assert.equal(r.status, 0, `${entry}: the import threw: ${r.stderr}`);
    const { why, call } = JSON.parse(r.stdout);
    assert.match(why, /DecompressionStream.*import "createimage\/sync"/, entry);
    assert.match(call, /^createimage: /, entry);
  }
});

test("an initSync() right after an init()'s instantiation gets that init()'s instance restored, once", () => {
  // The window a helper found in an earlier version (restored by init() after the glue had kept the
  // instance): initSync() is tried on every microtask from the instantiation on; its input is not a
  // module, so it succeeds only by returning the instance of the init(). Every answer must be right.
  const r = runModule(`
    import * as api from ${url("flavors/all/index.js")};
    import WASM from ${url("flavors/all/wasm.js")};
    import { wasmResponse } from ${url("inline.js")};
    ${ANSWER}
    const answers = [];
    const instantiate = WebAssembly.instantiateStreaming;
    let tick = -1;
    WebAssembly.instantiateStreaming = (...a) => instantiate(...a).then((r) => {
      (async () => {
        for (let k = 0; k < 20 && !api.isReady(); k++, await null) {
          try { api.initSync(new Uint8Array(8)); tick = k; answers.push(answer(api)); } catch {}
        }
      })();
      return r;
    });
    await api.init(wasmResponse(WASM[0]));
    answers.push(answer(api));
    console.log(JSON.stringify({ tick, answers }));
  `);
  assert.equal(r.status, 0, r.stderr);
  const { tick, answers } = JSON.parse(r.stdout);
  assert.ok(tick >= 0, "initSync() succeeded inside the window");
  assert.deepEqual(answers, answers.map(() => CUT));
});
