// Issue 10's options under attack (wave 3): hostile `options` objects (labels as Proxies, getters
// that throw, huge, lone surrogates, patterns that match everything; lang of every type;
// emptyAsAbsent that is not a boolean; all of them with a context), and the two relations the
// options promise, over every shared case file:
// - `labels` change the message texts only, never paths, codes, params, severities, parts,
//   suggestions or `paths` (validate, checkField, normalize, toHttp);
// - `emptyAsAbsent` is checking the request without its empty form values (docs/rules.md "Empty
//   form values"), but for where a pre-flight issue about a field holding an empty value goes.
// Each "was a bug (wave 3)" test failed on the package before its fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkField, jsonSchema, normalize, standardSchema, toHttp, validate, validateText } from "../../pkg/node.js";
import { createStandardSchema } from "../../pkg/flavors/all/standard.js";
import { loadCases, PROVIDERS } from "./helpers.mjs";
import { boom, stillWorks, VALID } from "./fixtures.mjs";

/** An issue without its texts: what labels must not change. */
const bare = ({ message, shortMessage, ...rest }) => rest;
const bareAll = (r) => ({ ok: r.ok, issues: (r.issues || []).map(bare) });

// ----- hostile options -------------------------------------------------------------------------

const LABEL_SETS = {
  "a Proxy whose keys cannot be listed": new Proxy({}, { ownKeys: boom }),
  "a Proxy whose every read throws": new Proxy({ "/ImageName": "x" }, { get: boom, getOwnPropertyDescriptor: boom }),
  "getters that throw": Object.defineProperty({ "/InstanceId": "实例" }, "/ImageName", { get: boom, enumerable: true }),
  "__proto__, constructor and toString keys": JSON.parse('{"__proto__": "P", "constructor": "C", "/__proto__": "Q", "toString": "T"}'),
  "values that are not strings": { "/ImageName": 5, "/InstanceId": { toString: boom }, "/SnapshotIds": Symbol("s"), "/Region": null, "/DataDiskIds": ["x"] },
  "lone surrogates in keys and labels": { "/ImageName": "名\ud800", "/Image\udc00Name": "x", "/body/createImage/metadata/k\ud800": "K" },
  "patterns that match everything": { "": "ROOT", "/*": "EVERY", "/*/*": "E2", "/*/*/*": "E3", "/*/*/*/*/*": "E5", "/*/*/*/*/*/*/*": "E7" },
  "not pointers": { ImageName: "x", "*": "y", "~": "z", "/~2": "w" },
  "empty labels": { "/ImageName": "", "/InstanceId": "" },
  "a string": "labels",
  "an array": ["/ImageName", "x"],
  "a Map": new Map([["/ImageName", "x"]]),
  "a long label": { "/ImageName": "标签".repeat(5000), "/TagSpecification/*/Tags/*/Key": "k".repeat(100_000) },
  "private-use characters (the placeholders' range)": { "/ImageName": "\ue000\uf8ff\udb80\udc00" },
};
const LANGS = [undefined, null, 5, 5n, true, Symbol("zh"), { toString: () => "zh" }, new String("zh"), ["zh"], "zh\ud800", "ZH_tw", "cmn", "zh-" + "x".repeat(100_000), ""];
const EMPTY_AS_ABSENT = [true, false, 1, 0, "true", "false", {}, null, undefined, Symbol("t"), 1n];

test("hostile options (labels, lang, emptyAsAbsent, with a context) never throw, through every function and standardSchema", async () => {
  const req = {
    Region: "",
    ImageName: "",
    InstanceId: "ins-1",
    SnapshotIds: [],
    ImageDescription: "",
    "Extra\ud800": 1,
    TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "a", Value: "1" }, { Key: "a", Value: "2" }] }],
  };
  const contexts = [undefined, { instanceState: "STOPPING", existingImageNames: [""], snapshotDiskUsage: 5 }];
  let n = 0;
  for (const [what, labels] of Object.entries(LABEL_SETS)) {
    for (const lang of LANGS) {
      for (const emptyAsAbsent of EMPTY_AS_ABSENT) {
        for (const context of contexts) {
          const o = { labels, lang, emptyAsAbsent, context };
          for (const call of [
            () => validate("tencent", req, o),
            () => validateText("tencent", '{"ImageName":"","InstanceId":"i","InstanceId":"","SnapshotIds":["s"]}', o),
            () => checkField("tencent", "/TagSpecification/0/Tags/1/Key", "", o),
            () => normalize("tencent", req, o),
            () => toHttp("tencent", req, o),
            () => standardSchema("tencent", o)["~standard"].validate(req),
            () => standardSchema("tencent")["~standard"].validate(req, { libraryOptions: o }),
          ]) {
            let r;
            assert.doesNotThrow(() => {
              r = call();
            }, what);
            assert.equal(typeof r, "object", what);
            for (const i of r.issues || []) {
              assert.equal(typeof i.message, "string", what);
              assert.ok(i.message.length <= 2000, `${what}: a message of ${i.message.length} chars`);
            }
            n++;
          }
        }
      }
    }
  }
  // Options objects that are themselves hostile.
  for (const o of [new Proxy({}, { get: boom, has: boom, ownKeys: boom }), { get labels() { throw new Error("l"); }, get lang() { throw new Error("g"); }, get emptyAsAbsent() { throw new Error("e"); } }]) {
    for (const p of PROVIDERS) {
      assert.doesNotThrow(() => validate(p, VALID[p], o));
      assert.doesNotThrow(() => standardSchema(p, o)["~standard"].validate(VALID[p]));
      assert.doesNotThrow(() => standardSchema(p)["~standard"].validate(VALID[p], { libraryOptions: o }));
    }
  }
  console.log(`hostile options: ${n} calls`);
  stillWorks("hostile options");
});

test("emptyAsAbsent is on exactly when it is true (standardSchema: also when absent)", () => {
  const req = { ImageName: "web", InstanceId: "ins-1", ForcePoweroff: "" };
  for (const v of EMPTY_AS_ABSENT) {
    const on = v === true;
    assert.equal(validate("tencent", req, { emptyAsAbsent: v }).ok, on, String(typeof v));
    const s = standardSchema("tencent", { emptyAsAbsent: v })["~standard"].validate(req);
    assert.equal("value" in s, on || v === undefined, String(typeof v));
  }
});

// ----- labels: the placeholders of lone-surrogate keys, exact keys, time, memory ---------------

test("was a bug (wave 3): a label holding a private-use character stays itself beside a key with a lone surrogate", () => {
  // The placeholders of lone-surrogate keys were chosen avoiding the request only: a label holding
  // the first of them (U+E000) came back as the lone surrogate "\ud800".
  const req = { name: "", image_url: "image-test:a.qcow2", min_disk: 40, "x\ud800": 1 };
  const r = validate("huawei", req, { labels: { "/name": "名\ue000称" } });
  assert.equal(r.issues[0].message, "名\ue000称 must not be empty.");
  assert.equal(r.issues[1].path, "/x\ud800");
  const f = checkField("openstack", "/body/createImage/metadata/k\ud800", "v", { labels: { "/body/createImage/metadata/*key": "K\ue000" } });
  assert.equal(f.issues[0].path, "/body/createImage/metadata/k\ud800");
  assert.match(f.issues[0].message, /^K\ue000 "k\ud800" contains U\+D800/);
  const t = validateText("huawei", '{"name":"","image_url":"image-test:a.qcow2","min_disk":40,"x\\ud800":1}', { labels: { "/name": "\ue000" } });
  assert.equal(t.issues[0].message, "\ue000 must not be empty.");
});

test("was a bug (wave 3): a label keyed on a key with a lone surrogate names exactly that key", () => {
  // Label keys were read with U+FFFD in place of a lone surrogate: "k\ud800"'s label never
  // matched "k\ud800", and named "k\ufffd" instead.
  // (The entry's pointer labels its value: each value here is a number, `wrong_type`.)
  const req = { ...VALID.openstack, body: { createImage: { name: "n", metadata: { "k\ud800": 5, "k\ud801": 5, "k\ufffd": 5 } } } };
  const labels = { "/body/createImage/metadata/k\ud800": "L800" };
  const r = validate("openstack", req, { labels });
  const named = r.issues.filter((i) => i.message.includes("L800")).map((i) => [i.path, i.code]);
  assert.deepEqual(named, [["/body/createImage/metadata/k\ud800", "wrong_type"]], JSON.stringify(r.issues));
  const f = checkField("openstack", "/body/createImage/metadata/k\ud800", 5, { labels });
  assert.deepEqual(f.issues.map((i) => i.params.part), ["key", "value"]);
  assert.ok(f.issues[0].message.startsWith('Metadata key "k\ud800" contains'), f.issues[0].message);
  assert.match(f.issues[1].message, /^L800 must be a string/);
  const g = checkField("openstack", "/body/createImage/metadata/k\ufffd", 5, { labels });
  assert.doesNotMatch(g.issues.map((i) => i.message).join(), /L800/);
});

test("was a bug (wave 3): 100,000 labels and 10,000 issues, and 10,000 wildcard patterns (each name looked up at once)", () => {
  // Every issue's name was matched against every label: 10,000 labels x 10,000 issues took 20 s.
  const sizes = [];
  for (const n of [50_000, 100_000]) {
    const req = { name: "ok", image_url: "image-test:a.qcow2", min_disk: 40, tags: Array.from({ length: 10_001 }, (_, i) => `k${i}.=`) };
    const labels = {};
    for (let i = 0; i < n; i++) labels[`/l${i}`] = `L${i}`;
    for (let i = 0; i < n / 10; i++) labels[`/*/${i}x/*`] = `W${i}`;
    labels["/tags/*/value"] = "值";
    const t = performance.now();
    const r = validate("huawei", req, { labels, lang: "zh" });
    sizes.push(`${n} labels: ${(performance.now() - t).toFixed(0)} ms`);
    // 10,001 issues: the first 10,000 kept and the `too_many` one.
    assert.equal(r.issues.length, 10_001);
    assert.equal(r.issues[10_000].code, "too_many");
    assert.equal(r.issues[0].message, "第 1 个标签的值的第 1 个字符“=”（U+003D）不被华为云允许。");
    // Deep unknown paths: wildcards match within 6 segments, so a lookup there is one probe.
    const deep = { ...VALID.huawei };
    for (let i = 0; i < 10_001; i++) deep[`u${i}`] = { a: { b: { c: { d: { e: { f: { get g() { throw new Error("x"); } } } } } } } };
    const d = validate("huawei", deep, { labels: { ...labels, "/*/*/*/*/*/*/*/*": "DEEP" } });
    assert.equal(d.issues.length, 10_001);
  }
  console.log(`labels: ${sizes.join(", ")} (n and 2n: linear, not quadratic)`);
  stillWorks("many labels");
});

test("was a bug (wave 3): a 1 MiB label named in 5,000 issues no longer takes the module out of memory", () => {
  // Each message copied the whole label: 5,000 issues x 1 MiB grew the module past 4 GiB and the
  // call threw RuntimeError: unreachable.
  const req = { ...VALID.huawei, tags: Array.from({ length: 5000 }, (_, i) => `k${i}.=`) };
  let r;
  assert.doesNotThrow(() => {
    r = validate("huawei", req, { labels: { "/tags/*/value": "L".repeat(1 << 20) } });
  });
  // 5,000 bad values, and the list's count (at most 20 tags).
  assert.equal(r.issues.length, 5001);
  assert.equal(r.issues.filter((i) => i.code === "too_many" && i.path === "/tags").length, 1);
  const m = r.issues[0].message;
  assert.ok(m.length < 400, m.length);
  assert.ok(m.startsWith("L".repeat(99) + "… of tag 1 contains"), m.slice(0, 120));
  stillWorks("a 1 MiB label");
});

test("labels change only the message texts, over every shared case file (validate, checkField, normalize, toHttp)", () => {
  const LABELS = [
    { "/*": "任意字段", "/*/*": "Item", "/*/*/*/*/*": "Deep", "": "整个请求" },
    { "/ImageName": "名称", "/InstanceId": "实例", "/SnapshotIds/*": "快照", "/TagSpecification/*/Tags/*/Key": "键", "/tags/*/value": "值", "/image_tags/*/key": "K", "/body/createImage/metadata/*key": "属性", "/name": "N".repeat(300) },
  ];
  let n = 0;
  for (const { name: file, provider: p, cases } of loadCases()) {
    for (const c of cases) {
      for (const labels of LABELS) {
        const base = { lang: c.lang, context: c.context, emptyAsAbsent: c.emptyAsAbsent };
        const o = { ...base, labels };
        assert.deepEqual(bareAll(validate(p, c.request, o)), bareAll(validate(p, c.request, base)), `${file} ${c.name}: validate`);
        const [a, b] = [normalize(p, c.request, o), normalize(p, c.request, base)];
        assert.deepEqual([a.normalized, a.changes, bareAll(a)], [b.normalized, b.changes, bareAll(b)], `${file} ${c.name}: normalize`);
        const [x, y] = [toHttp(p, c.request, o), toHttp(p, c.request, base)];
        assert.deepEqual([x.http, bareAll(x)], [y.http, bareAll(y)], `${file} ${c.name}: toHttp`);
        if (c.request && typeof c.request === "object" && !Array.isArray(c.request)) {
          for (const k of Object.keys(c.request)) {
            const path = "/" + k.replace(/~/g, "~0").replace(/\//g, "~1");
            const fo = { lang: c.lang, emptyAsAbsent: c.emptyAsAbsent };
            assert.deepEqual(bareAll(checkField(p, path, c.request[k], { ...fo, labels })), bareAll(checkField(p, path, c.request[k], fo)), `${file} ${c.name}: checkField ${path}`);
          }
        }
        n++;
      }
    }
  }
  console.log(`labels: ${n} (case, labels) pairs, the same issues but for their texts`);
});

// ----- emptyAsAbsent: the request without its empty form values --------------------------------

/** (field, required) of each object the tables describe, and the nested tables. */
const TABLES = {
  zenlayer: { top: [["instanceId", 1], ["imageName", 1], ["imageDescription", 0]] },
  tencent: {
    top: ["Action", "Version", "Region", ["ImageName", 1], "InstanceId", "ImageDescription", "ForcePoweroff", "Sysprep", "DataDiskIds", "SnapshotIds", "DryRun", "TagSpecification", "ImageFamily"],
    TagSpecification: { items: [["ResourceType", 1], ["Tags", 1]] },
    Tags: { items: [["Key", 1], ["Value", 1]] },
  },
  openstack: { top: [["project_id", 1], ["server_id", 1], ["token", 1], ["body", 1]], body: { object: [["createImage", 1]] }, createImage: { object: [["name", 1], ["metadata", 0]] } },
  huawei: {
    top: [["name", 1], "description", "os_type", ["image_url", 1], ["min_disk", 1], "cmk_id", "enterprise_project_id", "tags", "image_tags"],
    image_tags: { items: [["key", 0], ["value", 0]] }, // key optional (a warning when absent)
  },
};
TABLES.nova = TABLES.openstack;
const isBlank = (v) => v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** The request without the empty form values emptyAsAbsent reads as absent (written apart from the core). */
function strip(p, v, table = TABLES[p].top) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const out = {};
  for (const k of Object.keys(v)) {
    const f = table.map((e) => (Array.isArray(e) ? e : [e, 0])).find(([name]) => name === k);
    if (f && isBlank(v[k]) && (!f[1] || v[k] === null)) continue;
    const nested = f && TABLES[p][k];
    if (nested && nested.items && Array.isArray(v[k])) out[k] = v[k].map((i) => strip(p, i, nested.items));
    else if (nested && nested.object) out[k] = strip(p, v[k], nested.object);
    else out[k] = v[k];
  }
  return out;
}

const PRE_FLIGHT = new Set(["not_found", "bad_state", "quota_exceeded", "not_supported", "mismatch", "already_exists"]);

/** A pre-flight issue at a member the strip removed is at "" in the stripped request's report (the one documented difference). */
function placed(r, req, stripped) {
  const has = (root, path) => {
    let cur = root;
    for (const s of path.split("/").slice(1).map((x) => x.replace(/~1/g, "/").replace(/~0/g, "~"))) {
      if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, s)) return false;
      cur = cur[s];
    }
    return true;
  };
  return {
    ok: r.ok,
    issues: (r.issues || []).map((i) => {
      if (PRE_FLIGHT.has(i.code) && (i.path === "" || (has(req, i.path) && !has(stripped, i.path)))) {
        const { message, shortMessage, ...rest } = i;
        return { ...rest, path: "" };
      }
      return i;
    }),
  };
}

test("emptyAsAbsent is checking the request without its empty form values, over every shared case file (validate, toHttp)", () => {
  let n = 0;
  for (const { name: file, provider: p, cases } of loadCases()) {
    for (const c of cases) {
      if (c.request === null || typeof c.request !== "object" || Array.isArray(c.request)) continue;
      for (const request of [c.request, withBlanks(p, c.request)]) {
        const stripped = strip(p, request);
        const o = { lang: c.lang, context: c.context };
        const a = validate(p, request, { ...o, emptyAsAbsent: true });
        const b = validate(p, stripped, o);
        assert.deepEqual(placed(a, request, stripped), placed(b, stripped, stripped), `${file} ${c.name}: validate`);
        const [x, y] = [toHttp(p, request, { ...o, emptyAsAbsent: true }), toHttp(p, stripped, o)];
        assert.deepEqual([x.ok, x.http], [y.ok, y.http], `${file} ${c.name}: toHttp`);
        n++;
      }
    }
  }
  console.log(`emptyAsAbsent: ${n} requests checked against the request without their empty values`);
});

/** The request with every optional field of its provider's top table given an empty value. */
function withBlanks(p, req) {
  const out = { ...req };
  const blanks = ["", [], null];
  TABLES[p].top.forEach((e, k) => {
    const [name, required] = Array.isArray(e) ? e : [e, 0];
    if (!required && !(name in out)) out[name] = blanks[k % 3];
  });
  return out;
}

test("was a bug (wave 3): with emptyAsAbsent, toHttp sends what the report read (nested empty values, numbered keys beside an empty array)", () => {
  // A Huawei image tag's `value: null` was sent (the report read it as absent); Tencent's
  // `DataDiskIds: []` beside `DataDiskIds.0` sent the numbered key unflattened.
  const h = toHttp("huawei", { ...VALID.huawei, image_tags: [{ key: "env", value: null }, { key: "team", value: "" }] }, { emptyAsAbsent: true });
  assert.equal(h.ok, true, JSON.stringify(h));
  assert.deepEqual(h.http.body.image_tags, [{ key: "env" }, { key: "team" }]);
  const t = toHttp("tencent", { ...VALID.tencent, DataDiskIds: [], "DataDiskIds.0": "disk-1" }, { emptyAsAbsent: true });
  assert.equal(t.ok, true, JSON.stringify(t));
  assert.deepEqual(t.http.body, { ImageName: "web-server", InstanceId: "ins-6pb6lrmy", DataDiskIds: ["disk-1"] });
});

test("was a bug (wave 3): with emptyAsAbsent, the pre-flight rules read numbered keys beside an empty array as the list", () => {
  const req = { ...VALID.tencent, DataDiskIds: [], "DataDiskIds.0": "disk-sys" };
  const r = validate("tencent", req, { emptyAsAbsent: true, context: { instanceSystemDiskId: "disk-sys" } });
  // (It read the empty array: no items, nothing found.)
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["/DataDiskIds/0", "not_supported"]], JSON.stringify(r));
  const stripped = { ...VALID.tencent, "DataDiskIds.0": "disk-sys" };
  assert.deepEqual(bareAll(r), bareAll(validate("tencent", stripped, { context: { instanceSystemDiskId: "disk-sys" } })));
});

test("was a bug (wave 3): with emptyAsAbsent, a key given twice is read at its last occurrence by the cross-field rules too", () => {
  // `given` looked at any occurrence, the field's rules at the last: a conflict for a field read as absent.
  const text = '{"ImageName":"web","InstanceId":"ins-1","InstanceId":"","SnapshotIds":["snap-1"]}';
  assert.deepEqual(validateText("tencent", text, { emptyAsAbsent: true }), { ok: true, provider: "tencent", issues: [] });
  const h = '{"name":"n","image_url":"image-test:a.qcow2","min_disk":40,"tags":["a.b"],"tags":[],"image_tags":[{"key":"k"}]}';
  assert.deepEqual(validateText("huawei", h, { emptyAsAbsent: true }).issues, []);
});

// ----- checkField, jsonSchema, standardSchema ---------------------------------------------------

test("was a bug (wave 3): checkField with a path that is not a JSON pointer answers at \"\" (and with the caller's key at the pointer of its segments)", async () => {
  // It echoed the path as the issue's path ("ImageName", "tencent"), named the field "", and
  // reported what was hidden in the value at the request's own paths.
  for (const p of PROVIDERS) {
    for (const path of ["ImageName", "", "tencent", "5"]) {
      const r = checkField(p, path, { a: { get b() { throw new Error("x"); } } });
      assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.severity, i.params.field]), [["", "unknown_field", "error", path]], `${p} ${path}: ${JSON.stringify(r)}`);
    }
    const e = checkField(p, "/a~2b", "x");
    assert.equal(e.issues[0].path, "/a~02b", JSON.stringify(e));
  }
  // The provider given to a per-provider entry's checkField by mistake.
  const T = await import("../../pkg/tencent.js");
  await T.ready;
  const r = T.checkField("tencent", "/ImageName", "web");
  assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.message]), [["", "unknown_field", 'Tencent Cloud does not know the field "tencent".']]);
  assert.equal(T.validate("tencent", VALID.tencent).issues[0].code, "wrong_type");
});

test("was a bug (wave 3): checkField on OpenStack's /body and /body/createImage reads an absent value as validate does", () => {
  for (const p of ["openstack", "nova"]) {
    for (const path of ["/body", "/body/createImage"]) {
      const req = structuredClone(VALID[p]);
      if (path === "/body") req.body = null;
      else req.body.createImage = null;
      const want = validate(p, req, { emptyAsAbsent: true }).issues.filter((i) => i.path === path);
      assert.deepEqual(checkField(p, path, null, { emptyAsAbsent: true }).issues, want, `${p} ${path}`);
      assert.deepEqual(want.map((i) => i.code), ["required"]);
      assert.deepEqual(checkField(p, path, undefined).issues.map((i) => i.code), ["required"], `${p} ${path} undefined`);
    }
  }
});

test("was a bug (wave 3): jsonSchema.input throws its own Error for any target or provider, never the caller's exception", () => {
  const s = standardSchema("tencent")["~standard"].jsonSchema;
  for (const target of [{ toString: boom }, { toString: () => { throw 3; } }, Symbol("t"), 5n, "openapi-3.0", undefined]) {
    assert.throws(() => s.input({ target }), (e) => e instanceof Error && /createimage: JSON Schema target/.test(e.message));
  }
  assert.throws(() => s.input(new Proxy({}, { get: boom })), Error);
  const odd = standardSchema({ toString: () => { throw 7; } })["~standard"].jsonSchema;
  assert.throws(() => odd.input({ target: "draft-07" }), (e) => e instanceof Error && /unknown provider/.test(e.message));
  assert.equal(s.input({ target: "draft-07" }).$schema, "http://json-schema.org/draft-07/schema#");
  // (With emptyAsAbsent off, the plain schema; on, the default, one that takes the empty form values.)
  assert.deepEqual(standardSchema("tencent", { emptyAsAbsent: false })["~standard"].jsonSchema.output({ target: "draft-2020-12" }), jsonSchema("tencent"));
  assert.equal(s.output({ target: "draft-2020-12" }).$id, "urn:createimage:schema:tencent:empty-as-absent");
});

test("was a bug (wave 3): standardSchema's own failure message reads lang as validate does (zh_CN, cmn)", () => {
  const failing = { init: () => Promise.resolve(), isReady: () => true, validate: boom, jsonSchema: () => null };
  for (const lang of ["zh_CN", "cmn-Hans-CN", "zh-TW"]) {
    const r = createStandardSchema(failing, "tencent", { lang })["~standard"].validate({});
    assert.match(r.issues[0].message, /^无法校验（boom），请稍后重试。$/, lang);
  }
  assert.match(createStandardSchema(failing, "tencent", { lang: "en" })["~standard"].validate({}).issues[0].message, /^The request could not be checked/);
});

test("the report's paths point into the request's objects, in every function and standardSchema", () => {
  const req = { ImageName: "web", DataDiskIds: ["d"], "SnapshotIds.0": "s", InstanceId: "" };
  for (const eaa of [true, false]) {
    const r = validate("tencent", req, { emptyAsAbsent: eaa });
    for (const i of r.issues) for (const q of i.paths || []) assert.match(q, /^\/[A-Za-z]+$/, JSON.stringify(i));
    const s = standardSchema("tencent", { emptyAsAbsent: eaa })["~standard"].validate(req);
    for (const i of s.issues) assert.ok(!i.path || typeof i.path[0] === "string", JSON.stringify(i));
  }
});

// ----- a second breaker's findings (wave 3b) ----------------------------------------------------

test("was a bug (wave 3b): a long label named in many issues is cut once, not at every issue", () => {
  // 1,000 issues and a 4 MB label took 7.7 s (the label counted and cut for every message).
  const req = { ImageName: "web", InstanceId: "ins-1", DataDiskIds: Array(1000).fill("") };
  const r = validate("tencent", req, { labels: { "/DataDiskIds/*": "x".repeat(4_000_000) } });
  const empties = r.issues.filter((i) => i.code === "empty");
  assert.equal(empties.length, 1000);
  for (const [k, i] of empties.entries()) assert.equal(i.message, `${"x".repeat(99)}… ${k + 1} must not be empty.`);
  // One grapheme cluster longer than the cut: the label is only its ellipsis.
  const one = validate("tencent", { ...req, DataDiskIds: Array(200).fill("") }, { labels: { "/DataDiskIds/*": "e" + "\u0301".repeat(99_999) } });
  assert.equal(one.issues.find((i) => i.code === "empty").message, "… 1 must not be empty.");
});

test("was a bug (wave 3b): standardSchema reads only its options, and a caller's __proto__ key is not one", () => {
  const trap = new Proxy({}, { get() { throw new Error("caller's trap"); } });
  const options = Object.defineProperty({}, "__proto__", { value: trap, enumerable: true });
  const ok = { ImageName: "web", InstanceId: "ins-1" };
  assert.deepEqual(standardSchema("tencent", options)["~standard"].validate(ok), { value: ok });
  assert.deepEqual(standardSchema("tencent")["~standard"].validate(ok, { libraryOptions: options }), { value: ok });
  // A JSON "__proto__" member set the options' prototype: Chinese and emptyAsAbsent off.
  const parsed = JSON.parse('{"__proto__":{"lang":"zh","emptyAsAbsent":false}}');
  const form = { ImageName: "web", InstanceId: "ins-1", ForcePoweroff: "" };
  assert.deepEqual(standardSchema("tencent", parsed)["~standard"].validate(form), { value: form });
  const many = new Proxy({ lang: "zh" }, { get: (t, k) => (k === "lang" ? "zh" : k === "labels" ? boom() : undefined) });
  assert.deepEqual(standardSchema("tencent", many)["~standard"].validate({ ImageName: "" }).issues[0], { message: "不能为空", path: ["ImageName"] });
});

test("was a bug (wave 3b): checkField on a tag set, its Tags and one tag checks them as validate does", () => {
  const at = (path, v) => checkField("tencent", path, v).issues.map((i) => [i.path, i.code]);
  assert.deepEqual(at("/TagSpecification/0/Tags", 5), [["/TagSpecification/0/Tags", "wrong_type"]]);
  assert.deepEqual(at("/TagSpecification/0/Tags", [{ Key: "", Value: "v", Bogus: 1 }, { Key: "a" }, { Key: "a", Value: "" }]), [
    ["/TagSpecification/0/Tags/0/Key", "empty"],
    ["/TagSpecification/0/Tags/0/Bogus", "unknown_field"],
    ["/TagSpecification/0/Tags/1/Value", "required"],
    ["/TagSpecification/0/Tags/2/Value", "empty"],
    ["/TagSpecification/0/Tags/2/Key", "duplicate"],
  ]);
  assert.deepEqual(at("/TagSpecification/0", { ResourceType: "image", Tags: [] }), []);
  assert.deepEqual(at("/TagSpecification/1/Tags/0", { Key: "" }), [["/TagSpecification/1/Tags/0/Key", "empty"], ["/TagSpecification/1/Tags/0/Value", "required"]]);
  assert.deepEqual(checkField("huawei", "/image_tags/0", { key: "k", value: "v" }).issues, []);
  assert.deepEqual(checkField("huawei", "/image_tags/0", 5).issues.map((i) => i.code), ["wrong_type"]);
  // The same issues as validate, where the request holds them.
  const req = { ImageName: "web", InstanceId: "ins-1", TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "", Value: "v", Bogus: 1 }] }] };
  const full = validate("tencent", req).issues.map((i) => [i.path, i.code]);
  assert.deepEqual(at("/TagSpecification/0", req.TagSpecification[0]), full);
});

test("was a bug (wave 3b): checkField on a metadata entry cleared to undefined says nothing, as validate", () => {
  const base = { project_id: "0123456789abcdef0123456789abcdef", server_id: "da5834e0-31d2-40f9-b271-6592f9f68370", token: "t" };
  for (const p of ["openstack", "nova"]) {
    assert.equal(validate(p, { ...base, body: { createImage: { name: "i", metadata: { k: undefined } } } }).ok, true);
    assert.deepEqual(checkField(p, "/body/createImage/metadata/k", undefined).issues, []);
    assert.equal(checkField(p, "/body/createImage/metadata/k", null).ok, false);
    // A key holding an unpaired surrogate too (a breaker, 2026-12-01: its key's bad_char and a
    // value's wrong_type "not undefined", where validate sends no member).
    assert.equal(validate(p, { ...base, body: { createImage: { name: "i", metadata: { "k\ud800": undefined } } } }).ok, true);
    assert.deepEqual(checkField(p, "/body/createImage/metadata/k\ud800", undefined).issues, []);
    assert.deepEqual(checkField(p, "/body/createImage/metadata/k\ud800", null).issues.map((i) => [i.code, i.params.part]), [["bad_char", "key"], ["wrong_type", "value"]]);
  }
});

// Left alone in two sessions' notes, fixed on 2026-12-01 (late): an unknown field cleared to
// undefined was an unknown_field (an error for Tencent) in checkField, and nothing in validate.
test("was a bug: checkField on an unknown field cleared to undefined says nothing, as validate", () => {
  for (const p of PROVIDERS) {
    const path = p === "nova" || p === "openstack" ? "/body/createImage/extra" : "/Extra";
    const base = VALID[p];
    const req = structuredClone(base);
    if (path === "/Extra") req.Extra = undefined;
    else req.body.createImage.extra = undefined;
    assert.deepEqual(validate(p, req).issues, validate(p, base).issues, p);
    assert.deepEqual(checkField(p, path, undefined).issues, [], p);
    assert.deepEqual(checkField(p, path + "\ud800", undefined).issues, [], `${p} lone surrogate`);
    // Given, it is still reported (as validate reports it).
    assert.deepEqual(checkField(p, path, null).issues.map((i) => i.code), ["unknown_field"], `${p} null`);
    assert.deepEqual(checkField(p, path + "/deeper", undefined).issues, [], `${p} nested`);
  }
  // Tencent's numbered keys are members too (a breaker, 2026-12-01 late: wrong_type "not undefined").
  for (const key of ["DataDiskIds.0", "SnapshotIds.2"]) {
    assert.deepEqual(validate("tencent", { ...VALID.tencent, [key]: undefined }).issues, [], key);
    assert.deepEqual(checkField("tencent", "/" + key, undefined).issues, [], key);
    assert.deepEqual(checkField("tencent", "/" + key, null).issues.map((i) => [i.path, i.code]), [["/" + key.replace(".", "/"), "wrong_type"]], key);
  }
});

test("was a bug (wave 3b): a metadata key that is itself * or *key is named by the key's label, not the value's", () => {
  const base = { project_id: "0123456789abcdef0123456789abcdef", server_id: "da5834e0-31d2-40f9-b271-6592f9f68370", token: "t" };
  const labels = { "/body/createImage/metadata/*key": "Property name", "/body/createImage/metadata/*": "Property value" };
  const r = validate("nova", { ...base, body: { createImage: { name: "i", metadata: { "*": "v" } } } }, { labels });
  assert.match(r.issues[0].message, /^Property name "\*" contains/);
  const v = validate("nova", { ...base, body: { createImage: { name: "i", metadata: { "*key": "v".repeat(256) } } } }, { labels });
  assert.match(v.issues.find((i) => i.code === "bad_char").message, /^Property name "\*key" contains/);
  assert.match(v.issues.find((i) => i.code === "too_long").message, /^Property value of key "\*key" has 256 characters/);
});
