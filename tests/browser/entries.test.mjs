// The package's entries in headless Chromium (issue 11), each in a page built by Vite from the
// package as a user installs it:
// - the browser entry and createimage/tencent start loading at import: `ready` settles, and a form
//   that validates once the module had time to load gets its answer synchronously (no waiting);
// - a page that uses normalize gets the entry's second, full module too, and ready waits for it;
// - createimage/sync is ready at import on the page's main thread (Chromium allows 8 MB there);
// - a trap in the module (out of memory) is answered on a fresh instance, made synchronously;
// - a page whose Content Security Policy lacks 'wasm-unsafe-eval' gets an Error that names it;
//   with it, the same page works.
// Times are printed, never asserted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = join(ROOT, "pkg");
const CHROMIUM = "/usr/bin/chromium";
const REQUEST = { ImageName: "x".repeat(61), InstanceId: "ins-1" };

const PAGES = {
  // The browser entry, used directly: the window before `ready`, then validate.
  main: `import { ready, isReady, validate } from "createimage";
const atImport = isReady();
const t0 = performance.now();
let before;
try { validate("tencent", ${JSON.stringify(REQUEST)}); before = "answered"; } catch (e) { before = e.message; }
ready.then(() => {
  window.__out = { atImport, before, readyMs: performance.now() - t0, since: performance.now(), codes: validate("tencent", ${JSON.stringify(REQUEST)}).issues.map((i) => i.code) };
}, (e) => { window.__out = { error: e.message }; });
`,
  // A form as the examples build it: the schema made at import, the first validation when the user
  // first types (here: 300 ms after load). It must not wait for the module.
  form: `import { standardSchema } from "createimage";
const schema = standardSchema("tencent", { lang: "zh" });
addEventListener("load", () => setTimeout(() => {
  const t0 = performance.now();
  const r = schema["~standard"].validate(${JSON.stringify(REQUEST)});
  window.__out = { promise: r instanceof Promise, ms: performance.now() - t0, paths: r instanceof Promise ? null : r.issues.map((i) => i.path) };
}, 300));
`,
  "form-tencent": `import { standardSchema } from "createimage/tencent";
const schema = standardSchema({ lang: "zh" });
addEventListener("load", () => setTimeout(() => {
  const r = schema["~standard"].validate(${JSON.stringify(REQUEST)});
  window.__out = { promise: r instanceof Promise, paths: r instanceof Promise ? null : r.issues.map((i) => i.path) };
}, 300));
`,
  // A page that uses normalize and toHttp from a one-provider entry: its second, full module loads
  // from import too, and ready waits for both.
  "normalize-tencent": `import { isReady, normalize, ready, toHttp, validate } from "createimage/tencent";
let before;
try { normalize({ ImageName: " web " }); before = "answered"; } catch (e) { before = e.message; }
ready.then(() => {
  const n = normalize({ ImageName: " web ", InstanceId: "ins-1" });
  window.__out = { before, ready: isReady(), name: n.normalized.ImageName, changes: n.changes.map((c) => c.code),
    host: toHttp({ ImageName: "web", InstanceId: "ins-1", Region: "ap-guangzhou" }).http.host, codes: validate(${JSON.stringify(REQUEST)}).issues.map((i) => i.code) };
}, (e) => { window.__out = { error: e.message }; });
`,
  // A trap in the module (tests/js/trap.test.mjs, here on Chromium's main thread): the page takes
  // the instance's memory as far as it grows, so that a request needing more traps in the
  // allocator; the call is made again on a fresh instance (a synchronous instantiation of the
  // compiled module), and answers. Twice (a fresh instance's memory taken too): the unreadable report.
  "trap-tencent": `let made = 0, poisonNext = 0;
const live = [];
const exhaust = (inst) => { const m = inst.exports.memory; for (let s = 32768; s >= 1; s >>= 1) { try { m.grow(s); } catch {} } };
const keep = (inst) => { made++; live.push(new WeakRef(inst)); if (poisonNext > 0) { poisonNext--; exhaust(inst); } return inst; };
WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (t, a, n) => keep(Reflect.construct(t, a, n)) });
const streaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (...a) => { const r = await streaming(...a); keep(r.instance); return r; };
const exhaustLive = () => { for (const w of live.splice(0)) { const i = w.deref(); if (i) exhaust(i); } };
(async () => {
  const { ready, validate } = await import("createimage/tencent");
  await ready;
  const run = (n, lang) => { const before = made; try { const r = validate({ ImageName: "x".repeat(n), InstanceId: "ins-1" }, { lang }); return { made: made - before, codes: r.issues.map((i) => i.code), message: r.issues[0].message }; } catch (e) { return { made: made - before, threw: String(e) }; } };
  exhaustLive();
  const once = run(2000000);
  exhaustLive();
  poisonNext = 1;
  const twice = run(12000000, "zh");
  poisonNext = 0;
  window.__out = { once, twice, good: validate({ ImageName: "web", InstanceId: "ins-1" }).ok };
})().catch((e) => { window.__out = { error: String(e) }; });
`,
  sync: `import { isReady, ready, validate } from "createimage/sync";
const atImport = isReady();
try {
  window.__out = { atImport, codes: validate("huawei", { name: "a" }).issues.map((i) => i.code) };
  ready.then(() => { window.__out.ready = true; });
} catch (e) {
  window.__out = { atImport, error: e.message };
}
`,
};

let tmp;
let server;
let base;
let browser;
let csp = "script-src 'self' 'wasm-unsafe-eval'";

const MIME = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

before(async () => {
  assert.ok(existsSync(join(PKG, "flavors", "all", "wasm.js")), "pkg/ is not built: run scripts/build-wasm.sh");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh`);
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "createimage-entries-")));
  mkdirSync(join(tmp, "node_modules"));
  symlinkSync(PKG, join(tmp, "node_modules", "createimage"), "dir");
  const { build } = await import("vite");
  for (const [name, main] of Object.entries(PAGES)) {
    const dir = join(tmp, name);
    mkdirSync(dir);
    writeFileSync(join(dir, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body></body></html>\n`);
    writeFileSync(join(dir, "main.js"), main);
    await build({ root: dir, base: "./", logLevel: "silent", configFile: false, build: { outDir: join(tmp, "dist", name), emptyOutDir: true } });
  }
  server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = join(tmp, "dist", path.endsWith("/") ? path + "index.html" : path);
    if (!file.startsWith(join(tmp, "dist")) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream", "content-security-policy": csp, "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(name) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(base + name + "/");
    const out = await (await page.waitForFunction(() => window.__out, null, { timeout: 20000 })).jsonValue();
    await page.waitForTimeout(50);
    const later = await page.evaluate(() => window.__out);
    return { out: { ...out, ...later }, errors, version: browser.version() };
  } finally {
    await page.close();
  }
}

test("the browser entry loads at import in Chromium: a call before ready throws a clear Error, ready settles, then validate answers", async () => {
  const { out, errors, version } = await open("main");
  console.log(`Chromium ${version}: ready ${out.readyMs.toFixed(1)} ms after the module ran`);
  assert.deepEqual(errors, []);
  assert.equal(out.atImport, false);
  assert.match(out.before, /still loading \(it starts at import\): await ready/);
  assert.deepEqual(out.codes, ["too_long"]);
});

test("a form built as the examples are never waits on its first validation once the module had time to load (main entry and createimage/tencent)", async () => {
  for (const name of ["form", "form-tencent"]) {
    const { out, errors } = await open(name);
    assert.deepEqual(errors, [], name);
    assert.equal(out.promise, false, `${name}: the first validation returned a Promise (waited for the module)`);
    assert.deepEqual(out.paths, [["ImageName"]], name);
    if (out.ms !== undefined) console.log(`${name}: first validation ${out.ms.toFixed(2)} ms`);
  }
});

test("a page that uses normalize and toHttp from createimage/tencent: a call before ready throws a clear Error, ready waits for both modules", async () => {
  const { out, errors } = await open("normalize-tencent");
  assert.deepEqual(errors, []);
  assert.match(out.before, /^createimage: the WebAssembly module is still loading/);
  assert.deepEqual({ ...out, before: undefined }, { before: undefined, ready: true, name: "web", changes: ["trim"], host: "cvm.tencentcloudapi.com", codes: ["too_long"] });
});

test("createimage/sync is ready at import on the page's main thread", async () => {
  const { out, errors } = await open("sync");
  assert.deepEqual(errors, []);
  assert.equal(out.atImport, true);
  assert.deepEqual(out.codes, ["required", "required"]);
  assert.equal(out.ready, true);
});

test("createimage/tencent in Chromium: a trap in the module (out of memory) is answered on a fresh instance, and twice is the unreadable report", async () => {
  const { out, errors } = await open("trap-tencent");
  assert.deepEqual(errors, []);
  assert.equal(out.error, undefined, out.error);
  assert.equal(out.once.threw, undefined, `one trap threw: ${out.once.threw}`);
  assert.ok(out.once.made >= 1, "no trap: the page did not exhaust the module's memory");
  assert.deepEqual(out.once.codes, ["too_long"]);
  assert.equal(out.twice.threw, undefined, `two traps threw: ${out.twice.threw}`);
  assert.ok(out.twice.made >= 2, `two traps made ${out.twice.made} instances`);
  assert.deepEqual(out.twice.codes, ["unreadable"]);
  assert.equal(out.twice.message, "无法读取请求：WebAssembly 模块两次失败（内存不足？），已重新启动。");
  assert.equal(out.good, true);
});

test("a Content Security Policy without 'wasm-unsafe-eval': ready rejects with an Error that names it; with it, the page works", async () => {
  csp = "script-src 'self'";
  try {
    const { out } = await open("main");
    assert.match(out.error, /Content Security Policy/);
    assert.match(out.error, /add 'wasm-unsafe-eval' to its script-src/);
    assert.doesNotMatch(out.error, /Node/);
    const both = await open("normalize-tencent");
    assert.match(both.out.error, /add 'wasm-unsafe-eval' to its script-src/, "createimage/tencent with normalize: ready rejects naming it");
    const sync = await open("sync");
    assert.equal(sync.out.atImport, false);
    assert.match(sync.out.error, /add 'wasm-unsafe-eval' to its script-src/, "createimage/sync: its calls throw the load's Error");
  } finally {
    csp = "script-src 'self' 'wasm-unsafe-eval'";
  }
  const { out } = await open("main");
  assert.deepEqual(out.codes, ["too_long"]);
});
