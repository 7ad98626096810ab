// Installs like a user's: `npm pack` pkg/, install the tarball into an empty project, import it
// from Node (the "node" condition: node.js), type-check an import of it (the "types" condition),
// and bundle a tiny page with Vite (the browser entry + the .wasm asset), then run that bundle.
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

test("npm pack: exactly the package files, no dependencies", () => {
  console.log(`npm pack: ${packed.filename} ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${packed.entryCount} files`);
  assert.equal(packed.name, "createimage");
  assert.equal(packed.version, "0.1.0");
  assert.deepEqual(
    packed.files.map((f) => f.path).sort(),
    ["LICENSE", "README.md", "index.d.ts", "index.js", "node.js", "package.json", "rules.js", "standard.js", "wasm/createimage.js", "wasm/createimage_bg.wasm"],
  );
  const manifest = JSON.parse(readFileSync(join(app, "node_modules", "createimage", "package.json"), "utf8"));
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.type, "module");
  assert.equal(manifest.license, "MIT OR Apache-2.0");
  assert.deepEqual(readdirSync(join(app, "node_modules")).filter((n) => !n.startsWith(".")), ["createimage"]);
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

test("installed: TypeScript resolves the \"types\" condition (nodenext and bundler resolution)", () => {
  write(app, {
    "check.ts": `import { validate, type Report, type TencentRequest } from "createimage";
const req: TencentRequest = { ImageName: "web", InstanceId: "ins-1" };
const r: Report<"tencent"> = validate("tencent", req);
if (!r.ok) r.issues.map((i) => i.code);
// @ts-expect-error not a provider id
validate("aws", {});
export {};
`,
  });
  for (const resolution of [{ module: "nodenext", moduleResolution: "nodenext" }, { module: "esnext", moduleResolution: "bundler" }]) {
    write(app, {
      "tsconfig.json": { compilerOptions: { target: "es2022", ...resolution, lib: ["es2022", "dom"], strict: true, noEmit: true, types: [] }, files: ["check.ts"] },
    });
    const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json", "--traceResolution"], { cwd: app, encoding: "utf8", timeout: 60000 });
    const errors = r.stdout.split("\n").filter((l) => /error TS/.test(l));
    assert.equal(r.status, 0, `${resolution.moduleResolution}: ${errors.join("\n")}\n${r.stderr}`);
    assert.match(r.stdout, /Module name 'createimage' was successfully resolved to '[^']*node_modules\/createimage\/index\.d\.ts'/, resolution.moduleResolution);
  }
});

test("installed: a Vite build of a page that awaits init() emits the .wasm asset and the JS, and the bundle runs", () => {
  write(app, {
    "index.html": `<!doctype html>
<html><head><meta charset="utf-8"><title>createimage</title></head>
<body><pre id="out"></pre><script type="module" src="/main.js"></script></body></html>
`,
    "main.js": `import { init, validate } from "createimage";
await init();
const out = [
  validate("zenlayer", { instanceId: "vm-1", imageName: "web" }),
  validate("zenlayer", { instanceId: "vm-1", imageName: "あ" }),
];
document.getElementById("out").textContent = JSON.stringify(out);
`,
  });
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  run(process.execPath, [vite, "build", "--logLevel", "warn"], app);
  const dist = join(app, "dist");
  const assets = readdirSync(join(dist, "assets"));
  const wasm = assets.filter((f) => f.endsWith(".wasm"));
  const js = assets.filter((f) => f.endsWith(".js"));
  console.log(`vite build: ${assets.join(", ")}`);
  assert.equal(wasm.length, 1, `one .wasm asset: ${assets}`);
  assert.equal(js.length, 1, `one JS chunk: ${assets}`);
  assert.ok(readFileSync(join(dist, "assets", wasm[0])).equals(readFileSync(join(PKG, "wasm", "createimage_bg.wasm"))), "the asset is the package's .wasm");
  const code = readFileSync(join(dist, "assets", js[0]), "utf8");
  assert.ok(code.includes(wasm[0]), "the JS names the .wasm asset");
  assert.match(readFileSync(join(dist, "index.html"), "utf8"), new RegExp(`src="/assets/${js[0].replace(/[.]/g, "\\.")}"`));
  // Run the browser bundle in Node: fetch serves dist/, a stub document receives the output.
  const r = runModule(
    `
    import { readFileSync } from "node:fs";
    const dist = ${JSON.stringify(dist)};
    const fetched = [];
    globalThis.fetch = async (u) => {
      const path = new URL(String(u)).pathname;
      fetched.push(path);
      return new Response(readFileSync(dist + path), { headers: { "Content-Type": "application/wasm" } });
    };
    const el = {};
    globalThis.document = {
      getElementById: (id) => (id === "out" ? el : null),
      createElement: () => ({ relList: { supports: () => true } }), // Vite's modulepreload check
    };
    await import(${JSON.stringify(pathToFileURL(join(dist, "assets", js[0])).href)});
    console.log(JSON.stringify({ fetched, out: JSON.parse(el.textContent) }));
  `,
    { cwd: app },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.fetched, [`/assets/${wasm[0]}`]);
  assert.deepEqual(out.out[0], { ok: true, provider: "zenlayer", issues: [] });
  assert.equal(out.out[1].ok, false);
  assert.deepEqual(out.out[1].issues.map((i) => [i.path, i.code]), [["/imageName", "bad_char"]]);
});
