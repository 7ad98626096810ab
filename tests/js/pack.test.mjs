// Installs like a user's: `npm pack` pkg/, install the tarball into an empty project, import it
// from Node (the "node" condition: node.js, ready at import) and from CommonJS (require(esm)),
// type-check imports of every entry (the "types" conditions; and what `module: node16` says from a
// CommonJS file), and bundle pages with Vite (the browser entry, createimage/tencent and
// createimage/sync: the .wasm inline, no asset), then run those bundles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PKG, ROOT, runModule } from "./helpers.mjs";

const NPM_ENV = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", npm_config_loglevel: "error" };
let tmp;
let app;
let packed;

function run(cmd, args, cwd, timeout = 120000) {
  const r = spawnSync(cmd, args, { cwd, env: NPM_ENV, encoding: "utf8", timeout });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} failed (${r.error ?? r.signal ?? r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), typeof text === "string" ? text : JSON.stringify(text, null, 2));
}

before(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "createimage-pack-")));
  const out = run("npm", ["pack", "--json", "--pack-destination", tmp], PKG);
  packed = JSON.parse(out.slice(out.indexOf("[")))[0];
  app = join(tmp, "app");
  mkdirSync(app);
  write(app, { "package.json": { name: "createimage-install-check", private: true, type: "module" } });
  run("npm", ["install", "--no-audit", "--no-fund", join(tmp, packed.filename)], app);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const PROVIDERS = ["zenlayer", "tencent", "openstack", "nova", "huawei"];

test("npm pack: exactly the package files; one dependency (fflate, for createimage/sync and Node)", () => {
  console.log(`npm pack: ${packed.filename} ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${packed.entryCount} files`);
  assert.equal(packed.name, "createimage");
  assert.equal(packed.version, "0.1.0");
  const flavors = [
    ...["all", ...PROVIDERS].flatMap((f) =>
      ["full-glue.js", "full-wasm.js", "full.js", "glue.js", "index.js", "loads.js", "rules.js", "standard.js", "wasm.js"].map((n) => `flavors/${f}/${n}`),
    ),
    ...["index.js", "rules.js", "standard.js"].map((n) => `flavors/sync/${n}`),
    ...["full-glue.js", "full-wasm.js", "index.js", "rules.js", "standard.js"].map((n) => `flavors/node/${n}`),
  ];
  assert.deepEqual(
    packed.files.map((f) => f.path).sort(),
    ["LICENSE", "LICENSE-APACHE", "README.md", "browser.js", "index.d.ts", "inline.js", "node.js", "package.json", "rules.js", "sync.d.ts", "sync.js",
      ...PROVIDERS.flatMap((p) => [`${p}.d.ts`, `${p}.js`]), ...flavors].sort(),
  );
  const manifest = JSON.parse(readFileSync(join(app, "node_modules", "createimage", "package.json"), "utf8"));
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), ["fflate"]);
  assert.equal(manifest.type, "module");
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.equal(manifest.engines.node, ">=20.19", "require(esm) without a flag: Node 20.19 and 22.12");
  assert.deepEqual(readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith(".")).sort(), ["createimage", "fflate"]);
});

test("installed: `import { validate } from \"createimage\"` in Node resolves to node.js and works without init", () => {
  const r = runModule(
    `
    import { validate, isReady, toHttp } from "createimage";
    const valid = validate("huawei", { name: "fedora-data1", image_url: "image-test:fedora_data1.qcow2", min_disk: 40 });
    const invalid = validate("tencent", { ImageName: "web", InstanceId: "ins-1", SnapshotIds: ["snap-1"] });
    console.log(JSON.stringify({ resolved: import.meta.resolve("createimage"), ready: isReady(), valid, invalid,
      http: toHttp("zenlayer", { instanceId: "vm-1", imageName: "web" }).ok }));
  `,
    { cwd: app },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.resolved, pathToFileURL(join(app, "node_modules", "createimage", "node.js")).href);
  assert.equal(out.ready, true);
  assert.deepEqual(out.valid, { ok: true, provider: "huawei", issues: [] });
  assert.equal(out.invalid.ok, false);
  assert.deepEqual(out.invalid.issues.map((i) => [i.path, i.code, i.providerCode]), [["/SnapshotIds", "conflict", "InvalidParameterConflict"]]);
  assert.equal(out.http, true);
});

test("installed: CommonJS `require(\"createimage\")` and `require(\"createimage/tencent\")` (Node >= 20.19: require(esm))", () => {
  write(app, {
    "check.cjs": `const c = require("createimage");
const t = require("createimage/tencent");
const bad = { ImageName: "x".repeat(61), InstanceId: "ins-1" };
const out = { ready: c.isReady(), main: c.validate("tencent", bad).issues.map((i) => i.code) };
t.ready.then(() => {
  out.tencent = t.validate(bad).issues.map((i) => i.code);
  console.log(JSON.stringify(out));
});
`,
  });
  const r = spawnSync(process.execPath, ["check.cjs"], { cwd: app, encoding: "utf8", timeout: 30000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { ready: true, main: ["too_long"], tencent: ["too_long"] });
});

function tsc(files, compilerOptions) {
  write(app, { "tsconfig.json": { compilerOptions: { target: "es2022", lib: ["es2022", "dom"], strict: true, noEmit: true, types: [], ...compilerOptions }, files } });
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json", "--traceResolution"], { cwd: app, encoding: "utf8", timeout: 60000 });
  return { ...r, errors: r.stdout.split("\n").filter((l) => /error TS/.test(l)) };
}

test("installed: TypeScript resolves the \"types\" condition of every entry (nodenext and bundler resolution)", () => {
  write(app, {
    "check.ts": `import { ready, validate, type Report, type TencentRequest } from "createimage";
import * as sync from "createimage/sync";
import * as tencent from "createimage/tencent";
import * as huawei from "createimage/huawei";
const req: TencentRequest = { ImageName: "web", InstanceId: "ins-1" };
await ready;
const r: Report<"tencent"> = validate("tencent", req);
if (!r.ok) r.issues.map((i) => i.code);
// @ts-expect-error not a provider id
validate("aws", {});
const s: Report<"huawei"> = sync.validate("huawei", {});
const t: Report<"tencent"> = tencent.validate(req);
const p: "tencent" = tencent.provider;
const w: Promise<void> = tencent.ready;
// @ts-expect-error the per-provider functions take no provider
tencent.validate("tencent", req);
tencent.standardSchema({ lang: "zh" })["~standard"].validate(req);
huawei.checkField("/name", "x").issues;
export { s, t, p, w };
`,
  });
  for (const resolution of [{ module: "nodenext", moduleResolution: "nodenext" }, { module: "esnext", moduleResolution: "bundler" }]) {
    const r = tsc(["check.ts"], resolution);
    assert.equal(r.status, 0, `${resolution.moduleResolution}: ${r.errors.join("\n")}\n${r.stderr}`);
    assert.match(r.stdout, /Module name 'createimage' was successfully resolved to '[^']*node_modules\/createimage\/index\.d\.ts'/, resolution.moduleResolution);
    assert.match(r.stdout, /Module name 'createimage\/tencent' was successfully resolved to '[^']*node_modules\/createimage\/tencent\.d\.ts'/, resolution.moduleResolution);
  }
});

test("installed: TypeScript from a CommonJS file: `module: node20`/`nodenext` compile (require of ESM), `node16` refuses (TS1479), as the README says", () => {
  write(app, {
    "check.cts": `import { validate } from "createimage";
import { validate as tencent } from "createimage/tencent";
export const ok = validate("tencent", { ImageName: "web", InstanceId: "ins-1" }).ok && tencent({}).ok;
`,
  });
  for (const module of ["node20", "nodenext"]) {
    const r = tsc(["check.cts"], { module });
    assert.equal(r.status, 0, `${module}: ${r.errors.join("\n")}\n${r.stderr}`);
  }
  const r = tsc(["check.cts"], { module: "node16" });
  assert.notEqual(r.status, 0);
  assert.ok(r.errors.length > 0 && r.errors.every((e) => e.includes("error TS1479")), r.errors.join("\n"));
});

/** Build a page with Vite (index.html + main.js) in a fresh folder of the app; its dist/assets. */
function vitePage(name, main) {
  const dir = join(app, name);
  mkdirSync(dir, { recursive: true });
  write(dir, {
    "index.html": `<!doctype html>
<html><head><meta charset="utf-8"><title>createimage</title></head>
<body><pre id="out"></pre><script type="module" src="./main.js"></script></body></html>
`,
    "main.js": main,
  });
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  run(process.execPath, [vite, "build", "--logLevel", "warn", "--base", "./"], dir);
  const dist = join(dir, "dist");
  const assets = readdirSync(join(dist, "assets"));
  console.log(`vite build (${name}): ${assets.join(", ")}`);
  assert.deepEqual(assets.filter((f) => !f.endsWith(".js")), [], "no .wasm or other asset: the .wasm is inline");
  assert.equal(assets.length, 1, `one JS chunk: ${assets}`);
  assert.match(readFileSync(join(dist, "index.html"), "utf8"), new RegExp(`src="./assets/${assets[0].replace(/[.]/g, "\\.")}"`));
  return join(dist, "assets", assets[0]);
}

/** Run a browser bundle in Node with a stub document; what it wrote to #out, and what it fetched. */
function runBundle(file) {
  const r = runModule(
    `
    const fetched = [];
    globalThis.fetch = async (u) => { fetched.push(String(u)); throw new Error("no fetch expected"); };
    const el = {};
    globalThis.document = {
      getElementById: (id) => (id === "out" ? el : null),
      createElement: () => ({ relList: { supports: () => true } }), // Vite's modulepreload check
    };
    await import(${JSON.stringify(pathToFileURL(file).href)});
    for (let i = 0; i < 200 && el.textContent === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    console.log(JSON.stringify({ fetched, out: JSON.parse(el.textContent) }));
  `,
    { cwd: app },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("installed: a Vite page with the browser entry: one JS chunk, no .wasm asset, the bundle runs (ready, then validate)", () => {
  const js = vitePage("page-main", `import { ready, validate } from "createimage";
await ready;
document.getElementById("out").textContent = JSON.stringify([
  validate("zenlayer", { instanceId: "vm-1", imageName: "web" }),
  validate("zenlayer", { instanceId: "vm-1", imageName: "ああ" }),
]);
`);
  const out = runBundle(js);
  assert.deepEqual(out.fetched, []);
  assert.deepEqual(out.out[0], { ok: true, provider: "zenlayer", issues: [] });
  assert.equal(out.out[1].ok, false);
  assert.deepEqual(out.out[1].issues.map((i) => [i.path, i.code]), [["/imageName", "bad_char"]]);
});

test("installed: Vite pages with createimage/tencent (its Standard Schema) and createimage/sync run; the tencent chunk holds Tencent's rules only", () => {
  const tencent = vitePage("page-tencent", `import { standardSchema, provider } from "createimage/tencent";
const r = await standardSchema()["~standard"].validate({ ImageName: "x".repeat(61), InstanceId: "ins-1" });
document.getElementById("out").textContent = JSON.stringify({ provider, r });
`);
  const t = runBundle(tencent).out;
  assert.equal(t.provider, "tencent");
  assert.deepEqual(t.r.issues.map((i) => i.path), [["ImageName"]]);
  const sync = vitePage("page-sync", `import { isReady, validate } from "createimage/sync";
document.getElementById("out").textContent = JSON.stringify({ ready: isReady(), r: validate("huawei", { name: "a" }).issues.map((i) => i.code) });
`);
  assert.deepEqual(runBundle(sync).out, { ready: true, r: ["required", "required"] });
  // Another provider's rule data is not in the tencent chunk (its field names, its codes).
  const code = readFileSync(tencent, "utf8");
  for (const foreign of ["image_url", "IMG.0002", "UNSUPPORTED_OPERATION_INSTANCE_STATE_STARTING"]) assert.ok(!code.includes(foreign), foreign);
});

test("installed: a Vite page that uses normalize and toHttp from createimage/tencent: a call before ready throws a clear Error, ready waits for both modules", () => {
  const page = vitePage("page-tencent-normalize", `import { isReady, normalize, ready, toHttp, validate } from "createimage/tencent";
let early;
try { normalize({ ImageName: " web " }); early = "answered"; } catch (e) { early = e.message; }
await ready;
const n = normalize({ ImageName: " web ", InstanceId: "ins-1" });
document.getElementById("out").textContent = JSON.stringify({
  early,
  ready: isReady(),
  changes: n.changes.map((c) => [c.path, c.code]),
  name: n.normalized.ImageName,
  http: toHttp({ ImageName: "web", InstanceId: "ins-1", Region: "ap-guangzhou" }).http?.method,
  valid: validate({ ImageName: "web", InstanceId: "ins-1" }).ok,
});
`);
  const out = runBundle(page).out;
  assert.match(out.early, /^createimage: the WebAssembly module is still loading/);
  assert.deepEqual({ ...out, early: undefined }, { early: undefined, ready: true, changes: [["/ImageName", "trim"]], name: "web", http: "POST", valid: true });
});
