// The package's bytes, per entry (issue 11): what each entry adds to a page built by Vite, gzip -9
// of the emitted .js and .wasm minus a baseline page without a validator (the load benchmark's
// measure, bench/load/run.mjs), and the main entry's .wasm + glue as shipped against the 64 KiB
// budget (pkg/size.json, written by scripts/build-wasm.sh and checked here for staleness). Each form
// page imports the entry's Standard Schema, as a form would; each "+ normalize" page also imports
// normalize, which brings the full module (the browser entries' second module). Bytes only: no test
// asserts a time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { PKG, PROVIDERS, ROOT } from "./helpers.mjs";

/** A module's .wasm + its glue as shipped, gzip -9: the budget the package has always had. */
const BUDGET = 64 * 1024;
/**
 * Issue 11's targets for the bytes a Vite page adds: all five providers through the main entry at
 * most what the main entry added before issue 11 (59.8 KB, with unicode-segmentation now in the
 * build); one provider at most 41.6 KB (ajv with its four compiled schemas).
 */
const MAIN_TARGET = 59_800;
const ONE_PROVIDER_TARGET = 41_600;
/**
 * What the one-provider form pages are held to meanwhile, where the target above is not met
 * (docs/performance.md, "Where the bytes go": the core every build shares — JSON reader and writer
 * with the bridge's tokens and exact keys, the rule loop, the messages by label in two languages,
 * unicode-segmentation's grapheme tables — is most of a one-provider page's 43-51 KB): regression
 * budgets at the sizes measured on 2026-11-30 with the browser entries' first module without
 * normalize/to_http (main 57,566 B, createimage/tencent 50,623 B) plus ~1 KB, so that growth is a
 * decision; and for the pages that use normalize too (both modules: the price of normalize and
 * toHttp in a browser page, README), the same. Each test prints how far it is from its target.
 * Raised once, the same day, by what the rule fixes of an audit against the sources and a
 * helper's attack cost (+0.6 KB zenlayer to +1.4 KB main: Nova's final line feed, project ids,
 * Huawei's tag count, every rule on a string with an unpaired surrogate, docs/performance.md);
 * the main entry stayed held to issue 11's target then. The "+ normalize" budgets raised again (main +900 B,
 * one provider +400 B) by a second and third attack's fixes (normalize leaves a Huawei image_url's
 * object and blank values alone and folds a full-width colon with the bucket, check_field's paths
 * of any length, Huawei's optional image tag key and its source): the form pages stayed within
 * theirs (the main entry's by 18 B, after the bucket/object split was kept out of the first module).
 * Raised again (main +600 B, sync +700 B, "+ normalize" +1,000 B, one provider's +700 B) by the fixes of a fourth audit,
 * against the sources, to_http against the SDKs and the views against each other, and of an attack
 * on those (Zenlayer's quota a default, Tencent's ResourceType, its 50 tags, ids compared as
 * normalize leaves them, Zenlayer's description within Terraform's bytes, Tencent's Region in
 * to_http, the reports' cap kept by what to_http and normalize add): the main entry's form page went
 * from 59,707 to 60,281 B, over issue 11's 59,800, after
 * 132 B were won back (Tencent's snapshot messages build one language only).
 * Correctness first; the target is printed, and issue 11 stays open.
 * Lowered the same evening by the cuts of four helpers and the glue's two warnings dropped
 * (docs/performance.md, "The evening's cuts"): main 58,035 B, so its test holds issue 11's target
 * again; tencent 50,161, sync 69,312, "+ normalize" up to 121,337 B; each budget ~0.8 KB above
 * (a page's figure moves by up to ±0.6 KB with where deflate's blocks fall).
 * Lowered again at night by a second set of cuts (docs/performance.md, "The night's cuts"): the
 * words and templates only some providers make are left out of the other providers' builds, and
 * three helpers' cuts in the rule loop, the JSON reader and the labels. createimage/zenlayer
 * (40,714 B) meets the one-provider target, so its test holds it to the target; main 57,055 B,
 * tencent 48,514, openstack 43,617, nova 44,085, huawei 43,763, sync 68,285, "+ normalize" up to
 * 119,311 B; each budget ~0.8 KB above.
 * Lowered again after midnight (docs/performance.md, "The midnight cuts"): createimage/openstack
 * (40,648 B) and createimage/nova (40,835 B) meet the one-provider target too, so their tests hold
 * them to it; main 55,111 B, tencent 46,795, huawei 42,018, sync 67,023, "+ normalize" up to
 * 116,131 B; each budget ~0.8 KB above.
 * Lowered again on 2026-12-01 morning (docs/performance.md, "The morning cuts"): a one-provider
 * module checks its own provider only (the core's not_built and the others' dispatch unlinked) and
 * reads only the string features and templates its tables have, and a helper's JSON reader cuts;
 * createimage/huawei (41,008 B) meets the one-provider target, so its test holds it to it; main
 * 54,796 B, tencent 45,847, sync 66,587, "+ normalize" up to 115,382 B; each budget ~0.7-1 KB above.
 * The same day (11:00-12:10 UTC) the trap guard (pkg/index.js guard, each glue's restart: a trap in
 * the module is answered on a fresh instance, docs/guarantees.md 1) cost every form page +339 to
 * +423 B (huawei 41,594, 6 B under the target: the next byte in a path every build shares must be
 * paid for; main 55,318, tencent 46,405): the main entry's "+ normalize" budget raised by 600 B
 * (116,200 B, at the old one).
 * The same afternoon (13:15-14:30 UTC) a breaker's and a newcomer's findings were fixed (metadata key
 * issues marked with their part and named by `*key` labels only, a metadata value's label by the
 * fewest wildcards, exactly labelled list items without their position, label ties by the first
 * exact segment, standardSchema's part messages, Tencent's tag-count wording): main +420 B (55,738),
 * sync +400 B (67,386), "+ normalize" up to 117,060 B; the one-provider builds gained more than they
 * paid, the map-entry naming left out of builds without OpenStack or Nova (huawei 41,470, tencent
 * 46,429). The sync budget raised by 400 B (67,700) and the main entry's "+ normalize" by 600 B
 * (117,400): correctness first. After a third breaker's fixes (14:20): main 55,787, sync 67,417,
 * huawei 41,461, tencent 46,502, "+ normalize" up to 117,130 B.
 * The evening (2026-12-01) fixed what an audit against the providers' current sources and two
 * breakers found: empty lists and a description's line feed no longer refused where an official
 * source accepts them (each a warning naming the stricter reading), Tencent's tag count by distinct
 * keys and per tag set in checkField, toHttp refusing a value JSON cannot carry instead of sending
 * null, a context past the values budget refused, hand-built Rust values sent as checked. Form pages
 * +20 to +540 B (main 56,348, huawei 41,592: 8 B under the target, tencent 47,044), sync 68,460,
 * "+ normalize" up to 118,709 B. Budgets raised to ~0.5 KB above: tencent 47,500, sync 68,900, the
 * main entry's "+ normalize" 119,200, one provider's 100,700 (a third breaker's fixes, toHttp's short
 * message and validateText's context cut, moved createimage/tencent + normalize to 100,183 B: +948 B,
 * most of it where gzip's blocks fall). Correctness first.
 * Lowered at night (2026-12-01) by a helper's behaviour-neutral cuts (docs/performance.md, "The
 * second night's cuts"): wasm-opt's --low-memory-unused, refuse/too_large answering through take_report,
 * the allowed-ids text a constant, ParseError's text without a Formatter, one ctx::sorted, the
 * glue's dead TextEncoder branch, byte searches for ASCII patterns. Form pages: main 55,614, tencent
 * 46,346, huawei 41,038, zenlayer 38,822; openstack 40,961 and nova 41,258 grew ~0.6 KB although
 * their modules shrank (gzip -9's block boundaries: zopfli's optimal split gives each page ~0.4 KB
 * less), sync 67,688, "+ normalize" 81,283-117,279. Then Huawei's os_type "Windows" warning (the
 * international page) took +169 B of huawei's room (41,207) and +116 B on the main entry (55,730). Budgets ~0.6 KB above: tencent 47,000, sync 68,400, the main entry's "+ normalize"
 * 118,000, one provider's 98,500.
 * Late (2026-12-01) a newcomer's trial and two breakers' findings were fixed (checkField on a field
 * cleared to undefined, normalize's removals listed so that the changes replay in order, Zenlayer's
 * 256-character description limit, the unread context field worded as the console's, OpenStack's
 * microversion, every Unicode line break in a Huawei description, \b and \f escapes as JSON.stringify
 * writes them): main 55,987, tencent 46,572, huawei 41,346, sync 68,333, "+ normalize" 81,916-118,280.
 * Budgets raised ~0.6 KB above the new figures: sync 68,900, the main entry's "+ normalize" 118,900,
 * one provider's 99,200. Correctness first.
 * Lowered on 2026-12-02 (docs/performance.md, "The platform's grapheme segmenter"): the one-provider
 * modules find grapheme boundaries with Intl.Segmenter instead of unicode-segmentation's tables, the
 * modules without OpenStack or Nova leave Nova's printable table out, and a helper's cuts replace
 * core's char-pattern searchers, trims, concat and nth with small byte loops: createimage/tencent
 * (41,517 B; 41,524 after the review's mend) meets the one-provider target, so every one-provider page is held to it; main 55,098,
 * sync 67,815, "+ normalize" 72,989-116,860 B; budgets ~0.7 KB above.
 * 2026-12-02 05:15, after two newcomers' trials and a breaker: a one-provider standardSchema that
 * also reads a provider id (or null) before its options, and i64::MIN in the number literals' i64
 * reading (one-provider pages +8 to +42 B, where gzip's blocks fall included): tencent 41,557 (43 B under the target), zenlayer
 * 34,296, openstack 37,372, nova 37,583, huawei 36,700, main 55,091, sync 67,868, "+ normalize"
 * 73,078-116,922 B. Budgets unchanged.
 */
const MAIN_BUDGET = MAIN_TARGET;
const ONE_PROVIDER_BUDGET = ONE_PROVIDER_TARGET;
/** The entries whose form page meets ONE_PROVIDER_TARGET: held to it. */
const ONE_PROVIDER_MET = PROVIDERS;
const MAIN_NORMALIZE_BUDGET = 117_600;
const ONE_PROVIDER_NORMALIZE_BUDGET = 90_500;
/** createimage/sync: the full module alone (all five providers) and fflate. */
const SYNC_BUDGET = 68_500;

const gzip9 = (file) => {
  const r = spawnSync("gzip", ["-9", "-c", "-n", file], { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `gzip -9 ${file}: ${r.stderr}`);
  return r.stdout.length;
};

test("pkg/size.json describes the files that are there now", () => {
  const size = JSON.parse(readFileSync(join(PKG, "size.json"), "utf8"));
  const parts = [size.wasm, size.glue, ...Object.values(size.flavors ?? {}).flatMap((f) => [f.check.inline, f.check.glue, f.full.inline, f.full.glue])];
  assert.ok(Object.keys(size.flavors ?? {}).sort().join() === ["all", ...PROVIDERS].sort().join(), "a flavor per entry: rebuild with scripts/build-wasm.sh");
  for (const part of parts) {
    const bytes = readFileSync(join(ROOT, part.file));
    assert.equal(bytes.length, part.raw, `${part.file}: size.json is stale, rebuild with scripts/build-wasm.sh`);
  }
});

test("SIZE BUDGET: each of the main entry's modules, .wasm and glue as shipped, gzip -9, total <= 64 KiB (pkg/size.json)", () => {
  // The package ships each .wasm inline (pkg/flavors/all/wasm.js and full-wasm.js: zopfli DEFLATE in
  // base64) with its glue; the built .wasm file (pkg/wasm/, the full module, not shipped) is printed beside.
  const size = JSON.parse(readFileSync(join(PKG, "size.json"), "utf8"));
  for (const kind of ["check", "full"]) {
    const m = size.flavors.all[kind];
    const total = m.inline.gzip + m.glue.gzip;
    console.log(`size: the main entry's ${kind} module: shipped inline .wasm gz ${m.inline.gzip} + glue gz ${m.glue.gzip} = ${total} B of ${BUDGET} B budget (${total <= BUDGET ? "within" : `OVER by ${total - BUDGET} B`}); the .wasm gz ${m.wasm?.gzip}`);
    assert.ok(total <= BUDGET, `the shipped ${kind} .wasm + glue gzip is ${total} B, over the 64 KiB budget (${BUDGET} B) by ${total - BUDGET} B`);
  }
});

// ----- what each entry adds to a Vite page --------------------------------------------------

let tmp;
const added = {};
/** The emitted JS of each page. */
const text = {};

function page(name, validator) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./main.js"></script></head><body></body></html>\n`);
  writeFileSync(join(dir, "validator.js"), validator + "\n");
  writeFileSync(join(dir, "main.js"), `import { schema } from "./validator.js";\n(async () => { window.__result = await schema["~standard"].validate({ ImageName: "web", InstanceId: "ins-1" }); })();\n`);
  return dir;
}

function walk(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

before(async () => {
  assert.ok(existsSync(join(PKG, "flavors", "all", "wasm.js")), "pkg/ is not built: run scripts/build-wasm.sh");
  tmp = realpathSync(mkdtempSync(join(tmpdir(), "createimage-size-")));
  mkdirSync(join(tmp, "node_modules"));
  symlinkSync(PKG, join(tmp, "node_modules", "createimage"), "dir");
  const pages = {
    baseline: `export const schema = { "~standard": { version: 1, vendor: "none", validate: (value) => ({ value }) } };`,
    createimage: `import { standardSchema } from "createimage"; export const schema = standardSchema("tencent");`,
    "createimage/sync": `import { standardSchema } from "createimage/sync"; export const schema = standardSchema("tencent");`,
    ...Object.fromEntries(PROVIDERS.map((p) => [`createimage/${p}`, `import { standardSchema } from "createimage/${p}"; export const schema = standardSchema();`])),
    // A form that also normalizes (on submit, say): both modules.
    "createimage + normalize": `import { standardSchema, normalize } from "createimage"; export const schema = standardSchema("tencent"); window.__normalize = normalize;`,
    ...Object.fromEntries(PROVIDERS.map((p) => [`createimage/${p} + normalize`, `import { standardSchema, normalize } from "createimage/${p}"; export const schema = standardSchema(); window.__normalize = normalize;`])),
  };
  const { build } = await import("vite");
  const bytes = {};
  for (const [name, source] of Object.entries(pages)) {
    const dir = page(name.replace(/\W/g, "-"), source);
    await build({ root: dir, base: "./", logLevel: "silent", configFile: false, build: { outDir: join(dir, "dist"), emptyOutDir: true, modulePreload: { polyfill: false } } });
    const files = walk(join(dir, "dist")).filter((f) => [".js", ".wasm"].includes(extname(f)));
    bytes[name] = files.reduce((n, f) => n + gzip9(f), 0);
    text[name] = files.map((f) => readFileSync(f, "latin1")).join("\n");
  }
  for (const [name, b] of Object.entries(bytes)) if (name !== "baseline") added[name] = b - bytes.baseline;
  console.log(`Vite page bytes added (gzip -9, JS + wasm, minus a baseline page of ${bytes.baseline} B): ${JSON.stringify(added)}`);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test(`the main entry (all five providers) adds at most ${MAIN_BUDGET} B to a form page (issue 11's target ${MAIN_TARGET} B)`, () => {
  const b = added.createimage;
  console.log(`createimage: ${b} B (issue 11's target ${MAIN_TARGET} B: ${b <= MAIN_TARGET ? `met, ${MAIN_TARGET - b} B to spare` : `NOT MET, over by ${b - MAIN_TARGET} B`}; regression budget ${MAIN_BUDGET} B)`);
  assert.ok(b <= MAIN_BUDGET, `the main entry adds ${b} B, over its budget of ${MAIN_BUDGET} B by ${b - MAIN_BUDGET} B`);
});

for (const p of PROVIDERS) {
  const budget = ONE_PROVIDER_MET.includes(p) ? ONE_PROVIDER_TARGET : ONE_PROVIDER_BUDGET;
  const what = ONE_PROVIDER_MET.includes(p) ? "issue 11's one-provider target" : `regression budget; issue 11's one-provider target ${ONE_PROVIDER_TARGET} B is not met`;
  test(`createimage/${p} adds at most ${budget} B (${what}) and less than the main entry`, () => {
    const b = added[`createimage/${p}`];
    console.log(`createimage/${p}: ${b} B (issue 11's target ${ONE_PROVIDER_TARGET} B: ${b <= ONE_PROVIDER_TARGET ? `met, ${ONE_PROVIDER_TARGET - b} B to spare` : `NOT MET, over by ${b - ONE_PROVIDER_TARGET} B`}; budget ${budget} B)`);
    assert.ok(b <= budget, `createimage/${p} adds ${b} B, over its budget of ${budget} B by ${b - budget} B`);
    assert.ok(b < added.createimage, `createimage/${p} (${b} B) is not smaller than the main entry (${added.createimage} B)`);
  });
}

test(`createimage/sync (the full module alone, and fflate) adds at most ${SYNC_BUDGET} B`, () => {
  const b = added["createimage/sync"];
  console.log(`createimage/sync: ${b} B (main entry ${added.createimage} B, with normalize ${added["createimage + normalize"]} B)`);
  assert.ok(b <= SYNC_BUDGET, `createimage/sync adds ${b} B, over its budget of ${SYNC_BUDGET} B`);
});

test("a page that does not use normalize or toHttp gets no full module; one that does gets it (the bundler's tree-shaking of pkg/flavors)", async () => {
  // The first 200 characters of each flavor's inline modules, as they appear in the emitted JS.
  const head = async (flavor, file) => (await import(new URL(`../../pkg/flavors/${flavor}/${file}`, import.meta.url).href)).default[0].slice(0, 200);
  for (const [page, flavor] of [["createimage", "all"], ...PROVIDERS.map((p) => [`createimage/${p}`, p])]) {
    const [check, full] = [await head(flavor, "wasm.js"), await head(flavor, "full-wasm.js")];
    assert.ok(text[page].includes(check), `${page}: the first module is in the page`);
    assert.ok(!text[page].includes(full), `${page}: a form page holds the full module (normalize/to_http)`);
    const both = `${page} + normalize`;
    assert.ok(text[both].includes(check) && text[both].includes(full), `${both}: both modules are in the page`);
    const limit = flavor === "all" ? MAIN_NORMALIZE_BUDGET : ONE_PROVIDER_NORMALIZE_BUDGET;
    console.log(`${both}: ${added[both]} B (the form page ${added[page]} B; budget ${limit} B)`);
    assert.ok(added[both] <= limit, `${both} adds ${added[both]} B, over its budget of ${limit} B`);
  }
  // createimage/sync: the full module only.
  assert.ok(text["createimage/sync"].includes(await head("all", "full-wasm.js")) && !text["createimage/sync"].includes(await head("all", "wasm.js")));
});
