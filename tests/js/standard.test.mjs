// The Standard Schema adapter (pkg/standard.js) against the spec (@standard-schema/spec 1.1.0):
// every case file of tests/cases/ through `standardSchema(provider)["~standard"].validate`
// (valid cases give `{ value }` with the very object given; invalid ones give issues whose paths,
// turned back into JSON pointers, are the report's error paths, one per pointer of `paths`, with
// the report's short message); path keys (numbers only for array indices, pointer unescaping);
// warnings; options; the JSON Schema targets; and, in fresh Node processes importing the browser
// entry without init, the Promise that validate returns before the module is ready.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { jsonSchema, providers, standardSchema, validate } from "../../pkg/node.js";
import { createStandardSchema, keysOf } from "../../pkg/standard.js";
import { loadCases, PKG, runModule } from "./helpers.mjs";
import { VALID } from "./fixtures.mjs";

const files = loadCases();

function escape(key) {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A Standard Schema path back to a JSON pointer (no path: ""). */
function pointerOf(path) {
  return path === undefined ? "" : path.map((k) => "/" + escape(typeof k === "object" ? k.key : k)).join("");
}

/** What the spec result must hold for a report: sorted `pointer message` of every error, one per pointer. */
function expected(report) {
  const out = [];
  for (const i of report.issues) {
    if (i.severity !== "error") continue;
    // An issue about a part of the value at its path (params.part) shows its whole message, which
    // names the part; any other its short message.
    const message = i.params.part === undefined ? (i.shortMessage ?? i.message) : i.message;
    for (const p of new Set(i.paths?.length ? i.paths : [i.path])) out.push(`${JSON.stringify(p)} ${message}`);
  }
  return out.sort();
}

function got(result) {
  return result.issues.map((i) => `${JSON.stringify(pointerOf(i.path))} ${i.message}`).sort();
}

/** Every key of a path is a string, or a number exactly where the request holds an array. */
function checkKeys(path, request) {
  let cur = request;
  for (const k of path) {
    const arr = Array.isArray(cur);
    if (typeof k === "number") assert.ok(arr && Number.isInteger(k) && k >= 0, `number key ${k} where the request holds no array`);
    else {
      assert.equal(typeof k, "string", `key ${String(k)}`);
      if (arr) assert.doesNotMatch(k, /^(0|[1-9]\d*)$/, `array index ${k} left a string`);
    }
    cur = cur !== null && typeof cur === "object" && Object.hasOwn(cur, k) ? cur[k] : undefined;
  }
}

/** The failures of one case under one set of options (empty when it passes). */
function runCase(provider, c, extra) {
  const options = { ...extra };
  if (c.lang !== undefined) options.lang = c.lang;
  if (Object.hasOwn(c, "context")) options.context = c.context;
  if (c.emptyAsAbsent !== undefined) options.emptyAsAbsent = c.emptyAsAbsent; // the case's own reading wins
  const schema = standardSchema(provider, options)["~standard"];
  const result = schema.validate(c.request);
  const report = validate(provider, c.request, { emptyAsAbsent: true, ...options });
  const errs = [];
  if (result instanceof Promise) return ["validate returned a Promise although the module is ready"];
  if (report.ok) {
    if (Object.keys(result).join() !== "value" || result.value !== c.request) errs.push(`expected { value } with the request itself, got ${JSON.stringify(result)}`);
  } else {
    if (!Array.isArray(result.issues) || result.issues.length === 0) return [`expected issues, got ${JSON.stringify(result)}`];
    if ("value" in result) errs.push("a failure carries a value");
    const want = expected(report);
    const have = got(result);
    if (JSON.stringify(want) !== JSON.stringify(have)) errs.push(`issues: expected\n      ${want.join("\n      ")}\n    got\n      ${have.join("\n      ")}`);
    for (const i of result.issues) {
      assert.deepEqual(Object.keys(i).sort(), i.path === undefined ? ["message"] : ["message", "path"]);
      if (i.path !== undefined) {
        assert.ok(i.path.length > 0, "an empty path is written as no path");
        checkKeys(i.path, c.request);
      }
    }
  }
  return { errs, ok: report.ok };
}

const counts = { cases: 0, valid: 0, invalid: 0 };

for (const f of files) {
  test(`standardSchema: ${f.name}`, () => {
    const failures = [];
    for (const c of f.cases) {
      counts.cases++;
      // As the case file says (emptyAsAbsent off, the case's own options), and as a form gets it.
      for (const extra of [{ emptyAsAbsent: false }, {}]) {
        const r = runCase(f.provider, c, extra);
        const errs = Array.isArray(r) ? r : r.errs;
        // The case file's own verdict (number literals JS cannot carry aside).
        if (extra.emptyAsAbsent === false && !Array.isArray(r) && c.lossy.length === 0 && typeof c.ok === "boolean" && r.ok !== c.ok)
          errs.push(`ok: the case says ${c.ok}`);
        if (extra.emptyAsAbsent === false && !Array.isArray(r)) counts[r.ok ? "valid" : "invalid"]++;
        if (errs.length) failures.push(`${c.name} ${JSON.stringify(extra)}\n    ${errs.join("\n    ")}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} failed:\n${failures.join("\n")}`);
  });
}

test("standardSchema: every case was run", () => {
  const total = files.reduce((n, f) => n + f.cases.length, 0);
  console.log(`standardSchema: ${counts.cases} cases (${counts.valid} valid, ${counts.invalid} invalid) in ${files.length} files`);
  assert.equal(counts.cases, total);
  assert.ok(counts.valid > 20 && counts.invalid > 100);
});

test("standardSchema: the object's shape (version 1, vendor, validate, jsonSchema; types is type-level only)", () => {
  for (const p of providers) {
    const s = standardSchema(p);
    assert.deepEqual(Object.keys(s), ["~standard"]);
    const std = s["~standard"];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, "createimage");
    assert.equal(typeof std.validate, "function");
    assert.equal(typeof std.jsonSchema.input, "function");
    assert.equal(typeof std.jsonSchema.output, "function");
    assert.equal(std.types, undefined);
  }
});

test("standardSchema: paths are keys, array indices as numbers, pointer escapes undone", () => {
  const tencent = standardSchema("tencent")["~standard"];
  const request = {
    ImageName: "web",
    InstanceId: "ins-1",
    TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "env", Value: "a" }, { Key: "env", Value: "b" }] }],
  };
  const r = tencent.validate(request);
  assert.deepEqual(r.issues.map((i) => i.path), [["TagSpecification", 0, "Tags", 1, "Key"]]);

  // An object key that looks like an index stays a string; `/` and `~` in keys come back.
  const nova = standardSchema("openstack")["~standard"];
  const server = {
    project_id: "0123456789abcdef0123456789abcdef",
    server_id: "6f2a1c3e-4b5d-4e6f-8a7b-9c0d1e2f3a4b",
    token: "t",
    body: { createImage: { name: "n", metadata: { 0: 5, "a/b~c": 6, "~1": 7 } } },
  };
  const paths = nova.validate(server).issues.map((i) => i.path);
  assert.deepEqual(
    paths.sort((a, b) => String(a).localeCompare(String(b))),
    [
      ["body", "createImage", "metadata", "0"],
      ["body", "createImage", "metadata", "a/b~c"],
      ["body", "createImage", "metadata", "~1"],
    ].sort((a, b) => String(a).localeCompare(String(b))),
  );
  // A whole-request issue has no path.
  const root = tencent.validate(null);
  assert.equal(root.issues.length, 1);
  assert.equal("path" in root.issues[0], false);

  // keysOf itself.
  assert.deepEqual(keysOf("", {}), []);
  assert.deepEqual(keysOf("/a~1b/~0c/~01", {}), ["a/b", "~c", "~1"]);
  assert.deepEqual(keysOf("/x/0/y", { x: [{ y: 1 }] }), ["x", 0, "y"]);
  assert.deepEqual(keysOf("/x/0/y", { x: { 0: { y: 1 } } }), ["x", "0", "y"]);
  assert.deepEqual(keysOf("/x/01", { x: [] }), ["x", "01"]);
  assert.deepEqual(keysOf("/SnapshotIds/3", { "SnapshotIds.3": "s" }), ["SnapshotIds", "3"]); // flattened: no array there
  const revoked = Proxy.revocable([], {});
  revoked.revoke();
  assert.deepEqual(keysOf("/x/0", { x: revoked.proxy }), ["x", "0"]);
  const throwing = { get x() { throw new Error("no"); } };
  assert.deepEqual(keysOf("/x/0", throwing), ["x", "0"]);
});

test("standardSchema: one issue per field of a cross-field issue (`paths`), path first", () => {
  const r = standardSchema("tencent")["~standard"].validate({ ImageName: "web", InstanceId: "ins-1", SnapshotIds: ["snap-1"] });
  const report = validate("tencent", { ImageName: "web", InstanceId: "ins-1", SnapshotIds: ["snap-1"] });
  const conflict = report.issues.find((i) => i.code === "conflict");
  const pointers = conflict.paths ?? [conflict.path];
  assert.deepEqual(r.issues.map((i) => pointerOf(i.path)), pointers);
  if (!conflict.paths) console.log("note: the core gives no `paths` yet: the conflict reaches only", conflict.path);
});

test("standardSchema: warnings never fail validation", () => {
  // An unknown context field is a warning: the request is still valid.
  const request = { ImageName: "web", InstanceId: "ins-1" };
  const options = { context: { noSuchField: 1 } };
  const report = validate("tencent", request, options);
  assert.equal(report.ok, true);
  assert.ok(report.issues.some((i) => i.severity === "warning"), "the case needs a warning");
  const r = standardSchema("tencent", options)["~standard"].validate(request);
  assert.deepEqual(Object.keys(r), ["value"]);
  assert.equal(r.value, request);
});

test("standardSchema: options reach validate (emptyAsAbsent on by default; libraryOptions per call)", () => {
  const seen = [];
  const api = {
    isReady: () => true,
    init: async () => {},
    validate: (provider, value, options) => (seen.push({ provider, options }), { ok: true, provider, issues: [] }),
    jsonSchema: () => null,
  };
  const labels = { "/ImageName": "镜像名称" };
  const s = createStandardSchema(api, "tencent", { lang: "zh-CN", labels })["~standard"];
  s.validate({});
  s.validate({}, { libraryOptions: { lang: "en", emptyAsAbsent: false } });
  createStandardSchema(api, "huawei")["~standard"].validate({});
  createStandardSchema(api, "huawei", { emptyAsAbsent: false, lang: undefined })["~standard"].validate({});
  // (Objects without a prototype: a polluted Object.prototype reaches no option.)
  const bare = (o) => Object.assign(Object.create(null), o);
  assert.deepEqual(seen, [
    { provider: "tencent", options: bare({ lang: "zh-CN", labels, emptyAsAbsent: true }) },
    { provider: "tencent", options: bare({ lang: "en", labels, emptyAsAbsent: false }) },
    { provider: "huawei", options: bare({ emptyAsAbsent: true }) },
    { provider: "huawei", options: bare({ emptyAsAbsent: false }) },
  ]);
  // Options that throw when read are skipped, never thrown.
  const hostile = { get lang() { throw new Error("no"); } };
  assert.deepEqual(createStandardSchema(api, "tencent", hostile)["~standard"].validate({ a: 1 }), { value: { a: 1 } });
  assert.deepEqual(s.validate(1, { get libraryOptions() { throw new Error("no"); } }), { value: 1 });
});

test("standardSchema: a validate that throws gives an issue, never a throw and never `valid`", () => {
  const api = { isReady: () => true, init: async () => {}, validate: () => { throw new Error("boom"); }, jsonSchema: () => null };
  const r = createStandardSchema(api, "tencent", { lang: "zh" })["~standard"].validate({});
  assert.equal(r.issues.length, 1);
  assert.equal(r.issues[0].path, undefined);
  assert.match(r.issues[0].message, /boom/);
  assert.match(r.issues[0].message, /无法校验/);
});

test("standardSchema: before ready, a Promise of the result; a failed load is an issue and the next call retries", async () => {
  let ready = false;
  let loads = 0;
  let fail = true;
  const api = {
    isReady: () => ready,
    init: async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error("network down");
      ready = true;
    },
    validate: (provider, value) => (value.ok ? { ok: true, issues: [] } : { ok: false, issues: [{ path: "/ImageName", severity: "error", message: "m", shortMessage: "s" }] }),
    jsonSchema: () => null,
  };
  const s = createStandardSchema(api, "tencent")["~standard"];
  const first = s.validate({ ok: true });
  assert.ok(first instanceof Promise);
  assert.deepEqual(await first, { issues: [{ message: "The request could not be checked (network down); try again." }] });
  fail = false;
  const value = { ok: true };
  const second = s.validate(value);
  const third = s.validate({ ok: false });
  assert.ok(second instanceof Promise && third instanceof Promise);
  assert.equal((await second).value, value);
  assert.deepEqual(await third, { issues: [{ message: "s", path: ["ImageName"] }] });
  assert.equal(loads, 3); // each waiting call asks init(), which the package makes idempotent
  assert.equal(s.validate(value).value, value); // now synchronous
});

test("standardSchema: jsonSchema input/output for draft-2020-12 and draft-07; other targets throw", () => {
  for (const p of providers) {
    // (emptyAsAbsent off: the plain schema; on, the default, see the test below.)
    const std = standardSchema(p, { emptyAsAbsent: false })["~standard"];
    const s2020 = std.jsonSchema.input({ target: "draft-2020-12" });
    assert.deepEqual(s2020, jsonSchema(p));
    assert.deepEqual(std.jsonSchema.output({ target: "draft-2020-12" }), s2020);
    s2020.title = "changed";
    assert.notEqual(std.jsonSchema.input({ target: "draft-2020-12" }).title, "changed", "a fresh copy each call");
    const s07 = std.jsonSchema.input({ target: "draft-07" });
    assert.equal(s07.$schema, "http://json-schema.org/draft-07/schema#");
    assert.deepEqual(std.jsonSchema.output({ target: "draft-07" }), s07);
    const text = JSON.stringify(s07);
    for (const k of ["$defs", "dependentRequired", "dependentSchemas", "prefixItems", "unevaluated", "2020-12"]) assert.ok(!text.includes(k), `${p}: ${k} in draft-07`);
    for (const target of ["openapi-3.0", "draft-04", undefined]) assert.throws(() => std.jsonSchema.input({ target }), /not supported/);
  }
  const tencent07 = standardSchema("tencent", { emptyAsAbsent: false })["~standard"].jsonSchema.input({ target: "draft-07" });
  assert.deepEqual(tencent07.dependencies, jsonSchema("tencent").dependentRequired);
  assert.throws(() => standardSchema("aws")["~standard"].jsonSchema.input({ target: "draft-2020-12" }), /unknown provider/);
  // An unknown provider validates to the report's issue, not a throw.
  const r = standardSchema("aws")["~standard"].validate({});
  assert.ok(r.issues.length >= 1);
});

// A helper's attack (2026-11-30): the Standard JSON Schema was the plain schema, which refuses the
// empty form values (`SnapshotIds: []` beside `InstanceId`, `ImageDescription: null`, Huawei's
// `tags: []` beside `image_tags`, Nova's `metadata: null`) that the schema's own validate() takes
// with emptyAsAbsent. Now: on every case request, and on each with every optional member blanked
// in turn ("", null, []), what validate() accepts the schema accepts (ajv, draft 2020-12 and
// draft-07), and the schema still refuses most of what validate() refuses.
test("standardSchema: its JSON Schema accepts whatever its validate() accepts (emptyAsAbsent on and off)", async () => {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: Ajv07 } = await import("ajv");
  const { loadCases } = await import("./helpers.mjs");
  const ajv = { 2020: new Ajv2020({ strict: false }), "07": new Ajv07({ strict: false }) };
  const blanks = ["", null, []];
  const tally = { accepted: 0, refusedByBoth: 0, refused: 0 };
  const failures = [];
  const variants = (req) => {
    const out = [req];
    if (req === null || typeof req !== "object" || Array.isArray(req)) return out;
    for (const k of Object.keys(req)) for (const b of blanks) out.push({ ...req, [k]: b });
    return out;
  };
  const blankTheFormFields = { tencent: { SnapshotIds: [], InstanceId: "", DataDiskIds: [], ImageDescription: null } };
  const extra = [
    ["tencent", { ImageName: "web", InstanceId: "ins-1", SnapshotIds: [] }],
    ["tencent", { ImageName: "web", InstanceId: "ins-1", ImageDescription: null }],
    ["tencent", { ImageName: "web", SnapshotIds: ["snap-1"], InstanceId: "", DataDiskIds: [] }],
    ["huawei", { name: "web", image_url: "b-1:o", min_disk: 40, tags: [], image_tags: [{ key: "", value: "" }] }],
    ["nova", { server_id: "s", token: "t", project_id: "abc", body: { createImage: { name: "x", metadata: null } } }],
  ];
  const schemas = {};
  for (const emptyAsAbsent of [true, false]) {
    for (const p of providers) {
      const std = standardSchema(p, { emptyAsAbsent })["~standard"];
      schemas[`${p} ${emptyAsAbsent}`] = {
        2020: ajv[2020].compile(std.jsonSchema.input({ target: "draft-2020-12" })),
        "07": ajv["07"].compile(std.jsonSchema.input({ target: "draft-07" })),
      };
    }
  }
  const requests = [...extra];
  for (const f of loadCases()) for (const c of f.cases) if (!c.lossy.length) for (const r of variants(c.request)) requests.push([f.provider, r]);
  requests.push(["tencent", { ImageName: "web", ...blankTheFormFields.tencent }]);
  for (const [p, req] of requests) {
    // JSON values only (the case files also hold `@` tokens of the JS bridge).
    let value;
    try {
      value = JSON.parse(JSON.stringify(req));
    } catch {
      continue;
    }
    if (JSON.stringify(value) !== JSON.stringify(req)) continue;
    for (const emptyAsAbsent of [true, false]) {
      const ok = validate(p, value, { emptyAsAbsent }).ok;
      for (const target of ["2020", "07"]) {
        const schemaOk = schemas[`${p} ${emptyAsAbsent}`][target](value);
        if (ok && !schemaOk) failures.push(`${p} emptyAsAbsent ${emptyAsAbsent} draft-${target}: ${JSON.stringify(value).slice(0, 300)}`);
        if (ok) tally.accepted++;
        else {
          tally.refused++;
          if (!schemaOk) tally.refusedByBoth++;
        }
      }
    }
  }
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} requests validate() accepts and the schema refuses`);
  console.log(`JSON Schema vs validate(): ${JSON.stringify(tally)}`);
  assert.ok(tally.accepted > 2000, JSON.stringify(tally));
  // Not a schema that takes anything: it refuses most of what validate() refuses.
  assert.ok(tally.refusedByBoth > tally.refused / 2, JSON.stringify(tally));
});

// standard.js's draft-07 rewrite knows only the keywords whose meaning differs between the two
// drafts: the schemas (plain and emptyAsAbsent) must hold no keyword outside this list.
test("standardSchema: its JSON Schemas use only keywords the draft-07 rewrite handles", () => {
  const ALLOWED = new Set(["$schema", "$id", "title", "description", "type", "properties", "patternProperties",
    "additionalProperties", "propertyNames", "required", "enum", "const", "minLength", "maxLength", "pattern", "minimum",
    "maximum", "items", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf", "allOf", "not", "dependentRequired",
    "dependentSchemas"]);
  const MAPS = ["properties", "patternProperties", "dependentSchemas"];
  const seen = new Set();
  const walk = (s, where) => {
    if (typeof s === "boolean") return;
    assert.ok(s && typeof s === "object" && !Array.isArray(s), `${where}: not a schema`);
    for (const [k, v] of Object.entries(s)) {
      seen.add(k);
      assert.ok(ALLOWED.has(k), `${where}: keyword ${k}`);
      if (MAPS.includes(k)) for (const [p, x] of Object.entries(v)) walk(x, `${where}/${k}/${p}`);
      else if (["anyOf", "oneOf", "allOf"].includes(k)) v.forEach((x, i) => walk(x, `${where}/${k}/${i}`));
      else if (["items", "additionalProperties", "propertyNames", "not"].includes(k)) walk(v, `${where}/${k}`);
    }
  };
  for (const p of providers) for (const emptyAsAbsent of [true, false]) walk(standardSchema(p, { emptyAsAbsent })["~standard"].jsonSchema.input({ target: "draft-2020-12" }), `${p} ${emptyAsAbsent}`);
  assert.ok(seen.has("dependentSchemas") && seen.has("dependentRequired") && seen.has("propertyNames"), [...seen].join());
});

// ----- before the module is ready, in the browser entry (fresh processes) ----------------------

const INDEX = pathToFileURL(join(PKG, "index.js")).href;

// A fetch for the file: URL the browser entry asks for (Node's fetch has no file: scheme),
// answering only when the test releases it.
const FETCH = `
  import { readFileSync } from "node:fs";
  import { fileURLToPath } from "node:url";
  let release, mode = "ok";
  const gate = new Promise((r) => (release = r));
  const fetched = [];
  globalThis.fetch = async (url) => {
    fetched.push(String(url).replace(/.*\\//, ""));
    await gate;
    if (mode === "fail") throw new TypeError("fetch failed");
    return new Response(readFileSync(fileURLToPath(url)), { headers: { "content-type": "application/wasm" } });
  };
  const settled = (p) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))]);
`;

function child(body) {
  const r = runModule(`${FETCH}\nconst m = await import(${JSON.stringify(INDEX)});\n${body}`);
  assert.equal(r.status, 0, `${r.error ?? ""}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

test("before ready (browser entry, no init): validate returns a Promise that resolves to the right result", () => {
  const out = child(`
    const s = m.standardSchema("tencent", { lang: "zh" })["~standard"];
    const valid = { ImageName: "web", InstanceId: "ins-1" };
    const invalid = { ImageName: "x".repeat(61), InstanceId: "ins-1" };
    const before = m.isReady();
    const p1 = s.validate(valid), p2 = s.validate(invalid);
    const promises = p1 instanceof Promise && p2 instanceof Promise;
    const early = await settled(p1);         // the wasm is not fetched yet: still pending
    release();
    const r1 = await p1, r2 = await p2;
    const now = s.validate(valid);
    console.log(JSON.stringify({ before, promises, early, fetched, same: r1.value === valid, r1keys: Object.keys(r1), r2,
      sync: !(now instanceof Promise) && now.value === valid, report: m.validate("tencent", invalid, { lang: "zh" }) }));
  `);
  assert.equal(out.before, false);
  assert.equal(out.promises, true);
  assert.equal(out.early, false, "the Promise settled before the module loaded");
  assert.deepEqual(out.fetched, ["createimage_bg.wasm"]);
  assert.equal(out.same, true);
  assert.deepEqual(out.r1keys, ["value"]);
  const i = out.report.issues[0];
  assert.deepEqual(out.r2, { issues: [{ message: i.shortMessage ?? i.message, path: ["ImageName"] }] });
  assert.equal(out.sync, true);
});

test("before ready: a module that cannot load gives an issue (never `valid`, never a throw); the next call loads it", () => {
  const out = child(`
    mode = "fail";
    release();
    const s = m.standardSchema("tencent")["~standard"];
    const failed = await s.validate({ ImageName: "web", InstanceId: "ins-1" });
    mode = "ok";
    const later = await s.validate({ ImageName: "web", InstanceId: "ins-1" });
    console.log(JSON.stringify({ failed, later, ready: m.isReady() }));
  `);
  assert.equal(out.failed.value, undefined);
  assert.equal(out.failed.issues.length, 1);
  assert.equal(out.failed.issues[0].path, undefined);
  assert.match(out.failed.issues[0].message, /could not/);
  assert.deepEqual(out.later, { value: { ImageName: "web", InstanceId: "ins-1" } });
  assert.equal(out.ready, true);
});

test("before ready: validate waits for a load the page already started (init(bytes) in flight)", () => {
  const out = child(`
    const bytes = readFileSync(fileURLToPath(new URL("./wasm/createimage_bg.wasm", ${JSON.stringify(INDEX)})));
    const loading = m.init(bytes);                    // the page's own load, not awaited yet
    const p = m.standardSchema("huawei")["~standard"].validate({ name: "n", image_url: "image-test:disk1.qcow2", min_disk: 39 });
    const isPromise = p instanceof Promise;
    const r = await p;
    await loading;
    console.log(JSON.stringify({ isPromise, r, fetched }));
  `);
  assert.equal(out.isPromise, true);
  assert.deepEqual(out.fetched, [], "the adapter's load reused the page's");
  assert.deepEqual(out.r.issues.map((i) => i.path), [["min_disk"]]);
});

test("was a bug (2026-12-01): an issue about a part of the value at its path names the part (a Huawei key.value tag, a metadata entry)", () => {
  // The short messages ("Character “>” at position 3 is not allowed", "At most 128 characters" and
  // "At most 255 characters" at one tags[0]) did not say which part of the one input they meant.
  const huawei = standardSchema("huawei")["~standard"];
  const tag = (t) => huawei.validate({ ...VALID.huawei, tags: [t] }).issues.map((i) => [i.path, i.message]);
  assert.deepEqual(tag("ab.cd>"), [[["tags", 0], "Tag value of tag 1 contains “>” (U+003E) at position 3, which Huawei Cloud does not allow here."]]);
  assert.deepEqual(tag("k".repeat(129) + "." + "v".repeat(256)), [
    [["tags", 0], "Tag key of tag 1 has 129 characters; Huawei Cloud accepts at most 128."],
    [["tags", 0], "Tag value of tag 1 has 256 characters; Huawei Cloud accepts at most 255."],
  ]);
  const nova = standardSchema("nova", { lang: "zh" })["~standard"];
  const r = nova.validate({ ...VALID.nova, body: { createImage: { name: "x", metadata: { "a~b": 5 } } } });
  const at = ["body", "createImage", "metadata", "a~b"];
  assert.deepEqual(r.issues.map((i) => i.path), [at, at]);
  assert.match(r.issues[0].message, /^元数据键“a~b”/);
  assert.match(r.issues[1].message, /^键“a~b”的元数据值/);
  // A field without parts keeps its short message.
  const short = huawei.validate({ ...VALID.huawei, name: "" }).issues;
  assert.deepEqual(short.map((i) => i.message), ["Must not be empty"]);
});
