// The package's entries (issue 11) in Node: the browser entry ("createimage" with the "browser"
// condition: browser.js), createimage/sync and the Node entry (ready at import), and the five
// per-provider entries (createimage/tencent, ...: the same functions without the provider argument,
// over a .wasm that holds only that provider's rules). Each per-provider entry must answer exactly
// as the main entry does on every case file of its provider; a call before the module is ready
// throws a clear Error, the Standard Schema waits instead. Nothing reachable from an entry reads a
// file or builds a URL from import.meta.url (what breaks once a bundler copies it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as main from "../../pkg/node.js";
import { loadCases, PKG, PROVIDERS, runModule } from "./helpers.mjs";

const url = (f) => pathToFileURL(join(PKG, f)).href;
const TOO_LONG = { ImageName: "x".repeat(61), InstanceId: "ins-1" };

test("the Node entry and createimage/sync are ready at import; `ready` is already resolved", () => {
  for (const entry of ["node.js", "sync.js"]) {
    const r = runModule(`
      import * as c from ${JSON.stringify(url(entry))};
      const atImport = c.isReady();
      let settled = false;
      c.ready.then(() => { settled = true; });
      await null;
      console.log(JSON.stringify({ atImport, settled, codes: c.validate("tencent", ${JSON.stringify(TOO_LONG)}).issues.map((i) => i.code) }));
    `);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { atImport: true, settled: true, codes: ["too_long"] }, entry);
  }
});

test("the Node entry: a zlib that fails gives way to fflate; where Node has no getBuiltinModule, fflate too", () => {
  for (const patch of [
    `const real = process.getBuiltinModule; process.getBuiltinModule = (n) => n === "zlib" ? { inflateRawSync() { throw new Error("no zlib"); } } : real(n);`,
    `delete process.getBuiltinModule;`,
  ]) {
    const r = runModule(`
      ${patch}
      const c = await import(${JSON.stringify(url("node.js"))});
      console.log(JSON.stringify({ ready: c.isReady(), codes: c.validate("tencent", ${JSON.stringify(TOO_LONG)}).issues.map((i) => i.code) }));
    `);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { ready: true, codes: ["too_long"] }, patch);
  }
});

test("the browser entry and the per-provider entries start loading at import; a call before ready throws a clear Error, the Standard Schema returns a Promise", () => {
  for (const [entry, call, schema] of [
    ["browser.js", `c.validate("tencent", req)`, `c.standardSchema("tencent")`],
    ...PROVIDERS.map((p) => [`${p}.js`, "c.validate(req)", "c.standardSchema()"]),
  ]) {
    const r = runModule(`
      import * as c from ${JSON.stringify(url(entry))};
      const req = ${JSON.stringify(TOO_LONG)};
      const out = { atImport: c.isReady() };
      try { ${call}; out.threw = false; } catch (e) { out.threw = e.message; }
      const early = ${schema}["~standard"].validate(req);
      out.promise = early instanceof Promise;
      const t0 = performance.now();
      await c.ready;
      out.readyMs = performance.now() - t0;
      out.after = c.isReady();
      out.early = await early;
      out.now = ${schema}["~standard"].validate(req);
      console.log(JSON.stringify(out));
    `);
    assert.equal(r.status, 0, `${entry}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    console.log(`${entry}: ready ${out.readyMs.toFixed(1)} ms after the first call`);
    assert.equal(out.atImport, false, entry);
    assert.match(out.threw, /createimage: the WebAssembly module is still loading \(it starts at import\): await ready/, entry);
    assert.equal(out.promise, true, entry);
    assert.equal(out.after, true, entry);
    if (entry === "browser.js" || entry === "tencent.js") {
      assert.deepEqual(out.early.issues.map((i) => i.path), [["ImageName"]], entry);
      assert.deepEqual(out.now, out.early, `${entry}: synchronous once ready, the same result`);
    } else {
      assert.ok(Array.isArray(out.early.issues) && !(out.now instanceof Promise), entry);
    }
  }
});

test("every entry exports `ready` and the functions of the contract; the per-provider ones without the provider argument", async () => {
  const full = ["ready", "init", "isReady", "validate", "validateText", "checkField", "normalize", "toHttp", "describe", "jsonSchema", "standardSchema", "encode"];
  for (const entry of ["browser.js", "sync.js", "node.js"]) {
    const m = await import(url(entry));
    for (const name of [...full, "initSync", "providers"]) assert.ok(name in m, `${entry} exports ${name}`);
    assert.ok(m.ready instanceof Promise, entry);
  }
  for (const p of PROVIDERS) {
    const m = await import(url(`${p}.js`));
    assert.equal(m.provider, p);
    for (const name of full) assert.ok(name in m, `${p}.js exports ${name}`);
    assert.ok(!("providers" in m) && !("initSync" in m), `${p}.js: one provider, loaded inline`);
    await m.ready;
    assert.equal(m.validate.length, 2, `${p}.js validate(request, options)`);
    assert.equal(m.checkField.length, 3, `${p}.js checkField(path, value, options)`);
  }
});

test("each per-provider entry answers as the main entry on every case file of its provider (validate, normalize, toHttp, checkField, validateText; both languages)", async () => {
  let n = 0;
  const entries = Object.fromEntries(await Promise.all(PROVIDERS.map(async (p) => [p, await import(url(`${p}.js`))])));
  await Promise.all(Object.values(entries).map((e) => e.ready));
  for (const file of loadCases()) {
    const e = entries[file.provider];
    const p = file.provider;
    for (const c of file.cases) {
      const options = { lang: c.lang, ...(c.context === undefined ? {} : { context: c.context }) };
      const where = `${file.name}: ${c.name}`;
      assert.deepEqual(e.validate(c.request, options), main.validate(p, c.request, options), where);
      assert.deepEqual(e.normalize(c.request, options), main.normalize(p, c.request, options), where);
      assert.deepEqual(e.toHttp(c.request, options), main.toHttp(p, c.request, options), where);
      const text = JSON.stringify(c.request);
      assert.deepEqual(e.validateText(text, { lang: "zh" }), main.validateText(p, text, { lang: "zh" }), where);
      if (c.request !== null && typeof c.request === "object" && !Array.isArray(c.request)) {
        for (const [k, v] of Object.entries(c.request)) {
          const path = "/" + k.replace(/~/g, "~0").replace(/\//g, "~1");
          assert.deepEqual(e.checkField(path, v, options), main.checkField(p, path, v, options), `${where} ${path}`);
        }
      }
      n++;
    }
  }
  for (const p of PROVIDERS) {
    assert.deepEqual(entries[p].describe(), main.describe(p));
    assert.deepEqual(entries[p].jsonSchema(), main.jsonSchema(p));
  }
  console.log(`${n} cases, five entries`);
  assert.ok(n > 100);
});

test("the Node entry's module, built for speed, is another build and answers as createimage/sync's, built for size, on every case file (validate, normalize, toHttp, checkField, validateText; both languages; labels)", async () => {
  const sync = await import(url("sync.js"));
  const inline = async (f) => (await import(url(f))).default[0];
  assert.notEqual(await inline("flavors/node/full-wasm.js"), await inline("flavors/all/full-wasm.js"), "Node's own .wasm");
  const labels = { "/*": "Field *", "/ImageName": "镜像名" };
  let n = 0;
  for (const file of loadCases()) {
    const p = file.provider;
    for (const c of file.cases) {
      for (const lang of ["en", "zh"]) {
        const options = { lang, labels, ...(c.context === undefined ? {} : { context: c.context }) };
        const where = `${file.name}: ${c.name} (${lang})`;
        assert.deepEqual(main.validate(p, c.request, options), sync.validate(p, c.request, options), where);
        assert.deepEqual(main.normalize(p, c.request, options), sync.normalize(p, c.request, options), where);
        assert.deepEqual(main.toHttp(p, c.request, options), sync.toHttp(p, c.request, options), where);
        const text = JSON.stringify(c.request);
        assert.deepEqual(main.validateText(p, text, options), sync.validateText(p, text, options), where);
        if (c.request !== null && typeof c.request === "object" && !Array.isArray(c.request)) {
          for (const [k, v] of Object.entries(c.request)) {
            const path = "/" + k.replace(/~/g, "~0").replace(/\//g, "~1");
            assert.deepEqual(main.checkField(p, path, v, options), sync.checkField(p, path, v, options), `${where} ${path}`);
          }
        }
        n++;
      }
    }
  }
  console.log(`${n} case runs, node.js against sync.js`);
  assert.ok(n > 200);
});

test("a per-provider .wasm holds only its provider's rules: a call for another gets one not_allowed error naming the one it has", async () => {
  // (Its entry passes only its own provider; wasm/src/bindings.rs `SOLE`.) Both modules, both languages.
  for (const p of PROVIDERS) {
    const api = await import(url(`flavors/${p}/index.js`));
    await (await import(url(`${p}.js`))).ready;
    for (const other of PROVIDERS.filter((q) => q !== p)) {
      const calls = {
        validate: (o) => api.validate(other, {}, o),
        checkField: (o) => api.checkField(other, "/x", "", o),
        normalize: (o) => api.normalize(other, {}, o),
        toHttp: (o) => api.toHttp(other, {}, o),
      };
      for (const [name, call] of Object.entries(calls)) {
        for (const lang of ["en", "zh"]) {
          const r = call({ lang });
          const where = `${p} build, ${other}, ${name}, ${lang}`;
          assert.equal(r.ok, false, where);
          assert.equal(r.provider, other, where);
          assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.params.allowed, i.params.actual]), [["", "not_allowed", [p], other]], where);
          assert.equal(r.issues[0].message, lang === "en" ? `This build of createimage has the rules of ${p} only.` : `此 createimage 构建只包含 ${p} 的规则。`, where);
        }
      }
    }
    // An id no build knows: the same refusal.
    assert.deepEqual(api.validate("aws", {}).issues.map((i) => [i.code, i.params.allowed, i.params.actual]), [["not_allowed", [p], "aws"]]);
    assert.equal(api.describe(p === "tencent" ? "huawei" : "tencent"), null, "describe data: its provider only");
  }
});

test("was a doc bug (2026-12-02): a one-provider entry's standardSchema called as the main entry's, with a provider id first, keeps its options; another id gets the refusal that names its one provider", async () => {
  // The README's labels snippet read `standardSchema("tencent", { labels })` beside an import from
  // createimage/tencent, which took the id for its options and dropped lang and labels silently.
  const req = { ImageName: "" };
  for (const p of PROVIDERS) {
    const c = await import(url(`${p}.js`));
    await c.ready;
    const own = await c.standardSchema({ lang: "zh" })["~standard"].validate(req);
    const withId = await c.standardSchema(p, { lang: "zh" })["~standard"].validate(req);
    assert.deepEqual(withId, own, p);
    // Nothing before the options (generic code passing its own undefined or null id) reads them too.
    for (const first of [undefined, null]) {
      assert.deepEqual(await c.standardSchema(first, { lang: "zh" })["~standard"].validate(req), own, `${p}, ${first}`);
    }
    assert.ok(own.issues.some((i) => /[\u4e00-\u9fff]/.test(i.message)), `${p}: Chinese messages`);
    const other = PROVIDERS.find((q) => q !== p);
    const refused = await c.standardSchema(other, { lang: "zh" })["~standard"].validate(req);
    assert.deepEqual(refused.issues.map((i) => i.message), [`此 createimage 构建只包含 ${p} 的规则`], `${p} entry, ${other}`); // (its short message)
  }
  // Labels reach the messages that name another field (Tencent's alternative).
  const t = await import(url("tencent.js"));
  const labelled = await t.standardSchema("tencent", { labels: { "/InstanceId": "Server" } })["~standard"].validate({ ImageName: "web" });
  assert.ok(labelled.issues.some((i) => i.message.includes("Server")), JSON.stringify(labelled.issues));
});

test("a per-provider .wasm holds none of the other providers' field tables (their field names are not in its bytes)", async () => {
  // Field names only one provider's tables hold (OpenStack and Nova share theirs). A match arm over
  // every provider without the build's guard (`providers::built`) keeps them all: labels::steps did,
  // until 2026-11-30 (2-3 KB gzipped in every one-provider build).
  const own = {
    zenlayer: ["imageDescription", "instanceId"],
    tencent: ["ForcePoweroff", "DataDiskIds", "TagSpecification"],
    openstack: ["server_id", "createImage"],
    nova: ["server_id", "createImage"],
    huawei: ["min_disk", "enterprise_project_id", "image_tags"],
  };
  const { inflateSync } = await import("fflate");
  const { bytesOf } = await import(url("inline.js"));
  for (const [p, file] of PROVIDERS.flatMap((p) => [[p, "wasm.js"], [p, "full-wasm.js"]])) {
    const { default: [base64] } = await import(url(`flavors/${p}/${file}`));
    const text = Buffer.from(inflateSync(bytesOf(base64))).toString("latin1");
    for (const name of own[p]) assert.ok(text.includes(name), `${p}: its own field ${name} (the probe works)`);
    for (const q of PROVIDERS.filter((q) => q !== p && !(["openstack", "nova"].includes(p) && ["openstack", "nova"].includes(q)))) {
      for (const name of own[q].filter((n) => !own[p].includes(n))) {
        // "createImage" is also a word of the shared messages ("{f}/body/createImage" paths).
        if (name === "createImage") continue;
        assert.ok(!text.includes(name), `the ${p} build holds ${q}'s field ${name}`);
      }
    }
  }
});

test("a load that fails is an Error naming the cause and what to do; the calls after it throw it; init() tries again", () => {
  // A Content Security Policy without 'wasm-unsafe-eval' (Chromium's own words), simulated in Node.
  const r = runModule(`
    const csp = "WebAssembly.instantiateStreaming(): Compiling or instantiating WebAssembly module violates the following Content Security policy directive because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \\"script-src 'self'\\".";
    const real = { s: WebAssembly.instantiateStreaming, i: WebAssembly.instantiate };
    WebAssembly.instantiateStreaming = async () => { throw new WebAssembly.CompileError(csp); };
    WebAssembly.instantiate = async () => { throw new WebAssembly.CompileError(csp.replace("instantiateStreaming", "instantiate")); };
    const c = await import(${JSON.stringify(url("tencent.js"))});
    const out = {};
    try { await c.ready; } catch (e) { out.ready = e.message; out.cause = String(e.cause); }
    try { c.validate({}); } catch (e) { out.call = e.message; }
    out.schema = await c.standardSchema()["~standard"].validate({});
    try { c.normalize({}); } catch (e) { out.normalizeCall = e.message; }
    Object.assign(WebAssembly, { instantiateStreaming: real.s, instantiate: real.i });
    await c.init();
    out.retried = c.validate({ ImageName: "web", InstanceId: "ins-1" }).ok;
    out.normalized = c.normalize({ ImageName: " web ", InstanceId: "ins-1" }).normalized.ImageName;
    console.log(JSON.stringify(out));
  `);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.match(out.ready, /^createimage: could not load the WebAssembly module \(.*Content Security Policy.*\); the page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src/);
  assert.match(out.cause, /CompileError/);
  assert.equal(out.call, out.ready);
  assert.equal(out.schema.issues.length, 1);
  assert.match(out.schema.issues[0].message, /wasm-unsafe-eval/);
  assert.equal(out.retried, true);
  // normalize() (the second module, which failed the same way): the same clear Error, then retried by init().
  assert.equal(out.normalizeCall, out.ready);
  assert.equal(out.normalized, "web");
});

test("the second module (normalize, toHttp) failing alone: ready rejects naming it, validate keeps working, init() tries it again", () => {
  for (const [entry, args] of [["tencent.js", ""], ["browser.js", '"tencent", ']]) {
    const r = runModule(`
      const real = WebAssembly.instantiateStreaming;
      let fail = 1;
      // The full module is the one that exports normalize: its first instantiation fails.
      WebAssembly.instantiateStreaming = async (...a) => {
        const r = await real(...a);
        if (fail > 0 && r.instance.exports.normalize) { fail--; throw new WebAssembly.CompileError("simulated failure"); }
        return r;
      };
      const c = await import(${JSON.stringify(url("tencent.js"))}.replace("tencent.js", ${JSON.stringify(entry)}));
      const out = {};
      try { await c.ready; out.ready = "resolved"; } catch (e) { out.ready = e.message; }
      out.isReady = c.isReady();
      out.valid = c.validate(${args}{ ImageName: "web", InstanceId: "ins-1" }).ok;
      try { c.normalize(${args}{}); out.normalize = "answered"; } catch (e) { out.normalize = e.message; }
      await c.init();
      out.retried = [c.isReady(), c.normalize(${args}{ ImageName: " web ", InstanceId: "ins-1" }).normalized.ImageName];
      console.log(JSON.stringify(out));
    `);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.match(out.ready, /^createimage: could not load the WebAssembly module of normalize and toHttp \(simulated failure\)/, entry);
    assert.equal(out.normalize, out.ready, entry);
    assert.deepEqual([out.isReady, out.valid, out.retried], [false, true, [true, "web"]], entry);
  }
});

test("bundler-safe: nothing an entry loads reads a file, imports a Node builtin, or resolves a URL against import.meta.url", () => {
  const manifest = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(PKG, file), "utf8");
    for (const bad of [/readFileSync/, /\bimport\.meta\.url\b/, /from\s+["']node:/, /require\(/]) assert.ok(!bad.test(text), `${file}: ${bad}`);
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)) visit(join(file, "..", m[1]).replace(/^\.\//, ""));
  };
  for (const target of Object.values(manifest.exports)) {
    for (const f of typeof target === "string" ? [target] : Object.values(target)) if (f.endsWith(".js")) visit(f.replace(/^\.\//, ""));
  }
  console.log(`${seen.size} modules: ${[...seen].sort().join(", ")}`);
  assert.ok(seen.has("browser.js") && seen.has("sync.js") && seen.has("tencent.js") && seen.has("flavors/all/glue.js") && seen.has("flavors/all/full.js"));
});
