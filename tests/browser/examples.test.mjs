// The three form-library examples (www/examples/: React + react-hook-form, React + TanStack Form,
// Vue 3 + vee-validate), built by Vite and driven in headless Chromium: type bad values, submit,
// and check the text under each input, in English and (after the page's 中文 switch) Chinese.
//
//   (cd www/examples && npm ci) && node --test tests/browser/examples.test.mjs   (after build-wasm)
//
// Two kinds of assertion:
// - the page puts exactly the package's messages where the package says: the request the form
//   holds (its "Request" preview) goes through standardSchema() in Node (pkg/node.js) and the
//   text under each input must be the first message at that input's path, and nothing elsewhere;
// - the contract's final behaviour (CONTRACT-forms.md): short messages without API names under the
//   inputs, the blank alternative left alone (emptyAsAbsent), cross-field issues under every field
//   they concern (`paths`), and a valid request submitted.
// Screenshots go to test-artifacts/examples-*.png. No wall-clock assertion.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = join(ROOT, "www", "examples");
const ARTIFACTS = join(ROOT, "test-artifacts");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const APPS = ["react-hook-form", "tanstack-form", "vee-validate"];

if (!existsSync(join(ROOT, "pkg/wasm/createimage_bg.wasm"))) throw new Error("pkg/wasm/ is not built: run `bash scripts/build-wasm.sh` first");
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/setup.sh\``);
if (!existsSync(join(EXAMPLES, "node_modules", ".package-lock.json")))
  throw new Error("www/examples/node_modules is missing: run `(cd www/examples && npm ci)` (scripts/test.sh does)");

const { chromium } = await import("playwright-core");
const { standardSchema } = await import("../../pkg/node.js");
const { start } = await import("../../scripts/serve.mjs");

let server;
let browser;

before(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Build the examples from the current sources (about a second for the three).
  const r = spawnSync(process.execPath, ["build.mjs"], { cwd: EXAMPLES, encoding: "utf8", timeout: 120000 });
  assert.equal(r.status, 0, `vite build of the examples failed:\n${r.stdout}\n${r.stderr}`);
  process.stdout.write(r.stdout.replace(/^/gm, "# "));
});

before(async () => {
  server = await start({ port: 0 }); // serves www/ (so www/examples/dist/) with the console's CSP
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

// ---- reading the page ------------------------------------------------------------------------

/** The JSON pointer of an error element: `TagSpecification.0.Tags.1.Key-error` -> `/TagSpecification/0/Tags/1/Key`, `form-error` -> "". */
function pointerOfId(id) {
  if (id === "form-error") return "";
  return "/" + id.replace(/-error$/, "").split(".").join("/");
}

function pointerOf(path) {
  return path === undefined ? "" : path.map((k) => "/" + String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Every error element's text, by pointer. */
async function shown(page) {
  const all = await page.$$eval("[id$=-error]", (els) => els.map((e) => [e.id, e.textContent.trim()]));
  return Object.fromEntries(all.map(([id, text]) => [pointerOfId(id), text]));
}

/** The form's request (its preview) and, from the package in Node, the first message at each pointer. */
async function expected(page, lang) {
  const request = JSON.parse(await page.textContent("#request"));
  const r = await standardSchema("tencent", { lang })["~standard"].validate(request);
  const first = {};
  for (const i of r.issues ?? []) {
    const p = pointerOf(i.path);
    if (!(p in first)) first[p] = i.message;
  }
  return { request, first, valid: !r.issues };
}

/** Waits until the page shows exactly the package's messages (or the time is up), and asserts it. */
async function assertPackageMessages(page, lang) {
  let last;
  for (let k = 0; k < 60; k++) {
    const want = await expected(page, lang);
    const have = await shown(page);
    const wrong = [];
    for (const [p, text] of Object.entries(have)) if (text !== (want.first[p] ?? "")) wrong.push(`${JSON.stringify(p)}: shows “${text}”, the package says “${want.first[p] ?? ""}”`);
    for (const p of Object.keys(want.first)) if (!(p in have)) wrong.push(`${JSON.stringify(p)}: “${want.first[p]}” has no place on the page`);
    last = { wrong, want, have };
    if (wrong.length === 0) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`the page does not show the package's messages:\n  ${last.wrong.join("\n  ")}\nrequest: ${JSON.stringify(last.want.request)}`);
}

const API_NAMES = /ImageName|ImageDescription|InstanceId|DataDiskIds|SnapshotIds|TagSpecification|Tags\[|\bKey\b|\bValue\b/;
const HAN = /[\u4e00-\u9fff]/;

async function type(page, id, text) {
  const input = page.locator(`[id="${id}"]`);
  await input.fill(text);
  await input.blur(); // vee-validate checks a field on change/blur
}

async function shot(page, app, name) {
  await page.screenshot({ path: join(ARTIFACTS, `examples-${app}-${name}.png`), fullPage: true });
}

test("the React examples type-check against pkg/index.d.ts and the form libraries' types (tsc)", () => {
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  const r = spawnSync(tsc, ["--noEmit", "-p", "tsconfig.json"], { cwd: EXAMPLES, encoding: "utf8", timeout: 120000 });
  assert.equal(r.status, 0, `tsc failed (${r.error ?? r.signal ?? r.status}):\n${r.stdout}${r.stderr}`);
});

// ---- the apps --------------------------------------------------------------------------------

for (const app of APPS) {
  describe(`${app}`, () => {
    let page;
    const problems = [];

    before(async () => {
      page = await browser.newPage({ locale: "en-US", viewport: { width: 900, height: 1000 } });
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
      });
      await page.goto(`${server.url}examples/dist/${app}/index.html`);
      await page.waitForSelector("#ImageName");
    });

    after(async () => {
      if (page) await page.close();
    });

    // 1. Bad values in English: a name one past the limit, a duplicate tag key; the instance chosen.
    test("en: typed bad values, submitted: the text under each input is the package's message for that path", async () => {
      assert.equal(await page.textContent("h1"), "Create image");
      await type(page, "ImageName", "x".repeat(61));
      await type(page, "InstanceId", "ins-1");
      await page.click("#add-tag");
      await page.click("#add-tag");
      await type(page, "TagSpecification.0.Tags.0.Key", "env");
      await type(page, "TagSpecification.0.Tags.1.Key", "env");
      await page.click("button[type=submit]");
      const { have } = await assertPackageMessages(page, "en");
      assert.notEqual(have["/ImageName"], "", "a message under the image name");
      assert.notEqual(have["/TagSpecification/0/Tags/1/Key"], "", "a message under the second tag key");
      assert.equal(have["/TagSpecification/0/Tags/0/Key"], "", "nothing under the first tag key");
      await shot(page, app, "en-bad-values");
    });

    test("en [waits: core shortMessage]: under the image name, “At most 60 characters”", async () => {
      assert.match((await shown(page))["/ImageName"], /^At most 60 characters\.?$/);
    });

    test("en [waits: core shortMessage]: no message under an input names an API field", async () => {
      const named = Object.entries(await shown(page)).filter(([, t]) => API_NAMES.test(t));
      assert.deepEqual(named, []);
    });

    test("en [waits: core emptyAsAbsent]: the alternative left blank (no snapshot) shows nothing", async () => {
      const s = await shown(page);
      assert.equal(s["/SnapshotIds"], "");
      assert.equal(s["/InstanceId"], "");
    });

    // 2. The same form in Chinese, through the page's language switch.
    test("zh: after 中文, the same inputs show the package's Chinese messages", async () => {
      await page.click("text=中文");
      await page.waitForFunction(() => document.querySelector("h1").textContent === "创建镜像");
      const { have } = await assertPackageMessages(page, "zh");
      for (const [p, t] of Object.entries(have)) if (t) assert.match(t, HAN, `${p}: “${t}” is not Chinese`);
      assert.notEqual(have["/ImageName"], "");
      await shot(page, app, "zh-bad-values");
    });

    test("zh [waits: core shortMessage]: under 镜像名称, “最多 60 个字符”", async () => {
      assert.match((await shown(page))["/ImageName"], /^最多 60 个字符。?$/);
    });

    test("zh [waits: core shortMessage + labels]: no message under an input names an API field", async () => {
      const named = Object.entries(await shown(page)).filter(([, t]) => API_NAMES.test(t));
      assert.deepEqual(named, []);
    });

    test("zh [waits: core emptyAsAbsent]: the alternative left blank (no snapshot) shows nothing", async () => {
      const s = await shown(page);
      assert.equal(s["/SnapshotIds"], "");
      assert.equal(s["/InstanceId"], "");
    });

    // 3. Both alternatives given: a conflict.
    test("zh: an instance and a snapshot: the package's messages under the inputs", async () => {
      await page.click("#add-SnapshotIds");
      await type(page, "SnapshotIds.0", "snap-1");
      const { have } = await assertPackageMessages(page, "zh");
      assert.notEqual(have["/SnapshotIds"], "", "the conflict is shown at /SnapshotIds");
      await shot(page, app, "zh-conflict");
    });

    test("zh [waits: core paths]: the conflict shows under both the instance ID and the snapshot IDs", async () => {
      const s = await shown(page);
      assert.notEqual(s["/InstanceId"], "");
      assert.notEqual(s["/SnapshotIds"], "");
    });

    // 4. Neither alternative: missing one of them.
    test("zh: neither an instance nor a snapshot: the package's messages under the inputs", async () => {
      await page.click("[id='remove-SnapshotIds.0']");
      await type(page, "InstanceId", "");
      await page.click("button[type=submit]");
      await assertPackageMessages(page, "zh");
      assert.equal(await page.locator("[id='SnapshotIds.0']").count(), 0, "the snapshot row was removed");
      await shot(page, app, "zh-neither");
    });

    test("zh [waits: core paths + emptyAsAbsent]: “one of them” shows under both inputs, nothing at form level", async () => {
      const s = await shown(page);
      assert.notEqual(s["/InstanceId"], "");
      assert.notEqual(s["/SnapshotIds"], "");
      assert.equal(s["/InstanceId"], s["/SnapshotIds"]);
      assert.equal(s[""], "");
    });

    // 5. Good values in English: the form submits.
    test("en: good values, submitted: the page shows exactly the package's messages (none once it accepts the request)", async () => {
      await page.click("text=English");
      await page.waitForFunction(() => document.querySelector("h1").textContent === "Create image");
      await type(page, "ImageName", "web-01");
      await type(page, "InstanceId", "ins-1");
      await type(page, "TagSpecification.0.Tags.1.Key", "team");
      await page.click("button[type=submit]");
      await assertPackageMessages(page, "en");
      await shot(page, app, "en-good-values");
    });

    test("en [waits: core emptyAsAbsent]: the valid request is submitted", async () => {
      const { valid, request } = await expected(page, "en");
      assert.equal(valid, true, `the package refuses the form's request ${JSON.stringify(request)}`);
      await page.waitForSelector("#result", { timeout: 3000 });
      assert.equal(await page.textContent("#result"), "The request is valid.");
    });

    test("no page error, console error or warning", () => {
      assert.deepEqual(problems, []);
    });
  });
}
