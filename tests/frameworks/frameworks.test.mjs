// The package where frameworks bundle it (issue 11, item 4):
// - Next.js (app router, Turbopack): a page whose 'use client' component imports createimage;
//   `next build` must build and prerender it (no serverExternalPackages), and the served page
//   must show the Standard Schema's result in Chromium;
// - Vitest with a jsdom environment and the package inlined (server.deps.inline): validate and
//   the Standard Schema.
//
//   (cd tests/frameworks && npm ci) && node --test tests/frameworks/     (after build-wasm)
//
// Each step prints its duration (no test asserts one).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL("./", import.meta.url));
const ROOT = join(HERE, "..", "..");
const NEXT_APP = join(HERE, "next");
const NEXT = join(HERE, "node_modules", "next", "dist", "bin", "next");
const VITEST = join(HERE, "node_modules", "vitest", "vitest.mjs");
const CHROMIUM = "/usr/bin/chromium";
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: "1", NO_COLOR: "1", FORCE_COLOR: "0" };

if (!existsSync(join(ROOT, "pkg/wasm/createimage_bg.wasm"))) throw new Error("pkg/wasm/ is not built: run `bash scripts/build-wasm.sh` first");
if (!existsSync(join(HERE, "node_modules", ".package-lock.json")))
  throw new Error("tests/frameworks/node_modules is missing: run `(cd tests/frameworks && npm ci)` (scripts/test.sh does)");

const { standardSchema } = await import("../../pkg/node.js");
const REQUEST = { ImageName: "x".repeat(61), InstanceId: "ins-1" };

function run(args, cwd, timeout = 300000) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, env: ENV, encoding: "utf8", timeout });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  return { ...r, seconds, output: `${r.stdout}\n${r.stderr}` };
}

const children = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
});

let built = false;

test("Next.js: `next build` builds and prerenders an app-router page whose client component uses createimage", () => {
  // The build cache (.next/cache) stays between runs; the page's output must be this build's.
  rmSync(join(NEXT_APP, ".next", "server"), { recursive: true, force: true });
  const r = run([NEXT, "build"], NEXT_APP);
  console.log(`next build: ${r.seconds} s (exit ${r.status})`);
  assert.equal(r.status, 0, `next build failed:\n${r.output.slice(-4000)}`);
  const html = readFileSync(join(NEXT_APP, ".next", "server", "app", "index.html"), "utf8");
  assert.match(html, /<p id="schema">Tencent Cloud CreateImage request<\/p>/, "the prerendered page holds the client component's render");
  assert.match(html, /<pre id="result">checking<\/pre>/);
  built = true;
});

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

test("Next.js: the built page, served by `next start`, shows the Standard Schema's result in Chromium", async () => {
  assert.ok(built, "needs the build of the test before");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run \`bash scripts/setup.sh\``);
  const { chromium } = await import("playwright-core");
  const port = await freePort();
  const t0 = performance.now();
  const server = spawn(process.execPath, [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: NEXT_APP, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  children.push(server);
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${log}`)), 60000);
    const onData = (d) => {
      log += d;
      if (/Ready|started server/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.on("exit", (code) => reject(new Error(`next start exited (${code}):\n${log}`)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.querySelector("#result")?.textContent !== "checking", null, { timeout: 20000 });
    const r = standardSchema("tencent")["~standard"].validate(REQUEST);
    const want = r.issues.map((i) => `${(i.path ?? []).join(".")}: ${i.message}`).join("\n");
    assert.equal(await page.textContent("#result"), want);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`next start + Chromium: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});

test("Vitest: a jsdom test with createimage inlined (server.deps.inline) validates and uses the Standard Schema", () => {
  const r = run([VITEST, "run", "--config", "vitest.config.mjs", "--reporter=json"], join(HERE, "vitest"));
  console.log(`vitest run: ${r.seconds} s (exit ${r.status})`);
  let report;
  try {
    report = JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
  } catch {
    assert.fail(`vitest gave no JSON report (exit ${r.status}):\n${r.output.slice(-4000)}`);
  }
  const failures = report.testResults.flatMap((f) => [f.message, ...f.assertionResults.flatMap((a) => a.failureMessages)]).filter(Boolean);
  assert.deepEqual(failures, [], `vitest failed:\n${failures.join("\n").slice(0, 4000)}`);
  assert.equal(report.numPassedTests, 3);
  assert.equal(r.status, 0);
});
