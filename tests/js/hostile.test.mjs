// Hostile JS input through the built package (pkg/node.js): getters and proxy traps that throw,
// revoked proxies, cycles, Symbol keys, BigInt, NaN, -0, Infinity, Date, functions, frozen and
// null-prototype objects, lone surrogates, __proto__/constructor/prototype keys, nesting 100,000
// deep, bad options and bad provider values. Every call returns a report (never throws), and the
// module keeps working: a good request right after each bad call is ok:true. normalize loses
// nothing: every difference between input and output is covered by a listed change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkField, encode, normalize, toHttp, validate } from "../../pkg/node.js";
import { PROVIDERS, runModule } from "./helpers.mjs";

const VALID = {
  zenlayer: { instanceId: "vm-1a2b3c", imageName: "web-server_01" },
  tencent: { Region: "ap-guangzhou", ImageName: "web-server", InstanceId: "ins-6pb6lrmy" },
  openstack: {
    project_id: "0123456789abcdef0123456789abcdef",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABk-token",
    body: { createImage: { name: "web-snapshot", metadata: { purpose: "backup" } } },
  },
  nova: {
    project_id: "0123456789abcdef0123456789abcdef",
    server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
    token: "gAAAAABk-token",
    body: { createImage: { name: "web snapshot", metadata: { purpose: "backup" } } },
  },
  huawei: { name: "fedora-data1", image_url: "image-test:fedora_data1.qcow2", min_disk: 40 },
};
// Where each provider keeps its image name.
const NAME = {
  zenlayer: ["imageName"],
  tencent: ["ImageName"],
  openstack: ["body", "createImage", "name"],
  nova: ["body", "createImage", "name"],
  huawei: ["name"],
};
const ptr = (segs) => segs.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

function clone(v) {
  return JSON.parse(JSON.stringify(v));
}

/** The request of provider `p` with the value at `segs` replaced by `v` (a plain copy). */
function withValue(p, segs, v) {
  const r = clone(VALID[p]);
  let cur = r;
  for (const s of segs.slice(0, -1)) cur = cur[s];
  cur[segs[segs.length - 1]] = v;
  return r;
}

function isReport(r, what) {
  assert.equal(typeof r, "object", what);
  assert.notEqual(r, null, what);
  assert.equal(typeof r.ok, "boolean", what);
  assert.ok(Array.isArray(r.issues), what);
  for (const i of r.issues) {
    assert.equal(typeof i.path, "string", what);
    assert.equal(typeof i.code, "string", what);
    assert.equal(typeof i.message, "string", what);
  }
  assert.equal(r.ok, !r.issues.some((i) => i.severity === "error"), what);
}

/** After any call: every provider's good request still passes, through every function. */
function stillWorks(what) {
  for (const p of PROVIDERS) {
    const r = validate(p, VALID[p]);
    assert.equal(r.ok, true, `${what}: the module stopped working (${p}): ${JSON.stringify(r)}`);
    assert.equal(normalize(p, VALID[p]).ok, true, `${what}: normalize after (${p})`);
    assert.equal(toHttp(p, VALID[p]).ok, true, `${what}: toHttp after (${p})`);
  }
}

/** Every entry point on one (provider, request); each returns, then the module still works. */
function survives(p, request, what, options) {
  for (const [name, call] of [
    ["validate", () => validate(p, request, options)],
    ["normalize", () => normalize(p, request, options)],
    ["toHttp", () => toHttp(p, request, options)],
  ]) {
    let r;
    assert.doesNotThrow(() => {
      r = call();
    }, `${what}: ${name} threw`);
    if (name === "toHttp" && r.ok) assert.equal(typeof r.http, "object", what);
    else isReport(r, `${what}: ${name}`);
  }
  stillWorks(what);
  return validate(p, request, options);
}

const boom = () => {
  throw new Error("boom");
};

// ----- getters and proxies that throw ----------------------------------------------------------

test("a getter that throws: unreadable at its path, for every provider and entry point", () => {
  for (const p of PROVIDERS) {
    const segs = NAME[p];
    const req = clone(VALID[p]);
    let cur = req;
    for (const s of segs.slice(0, -1)) cur = cur[s];
    Object.defineProperty(cur, segs[segs.length - 1], { get: boom, enumerable: true });
    const r = survives(p, req, `throwing getter (${p})`);
    const at = r.issues.filter((i) => i.path === ptr(segs));
    assert.deepEqual(at.map((i) => i.code), ["unreadable"], `${p}: ${JSON.stringify(r.issues)}`);
    assert.match(at[0].params.detail, /boom/);
    assert.equal(r.ok, false);
    // checkField on a value that cannot be read.
    const f = checkField(p, ptr(segs), new Proxy({}, { ownKeys: boom }));
    isReport(f, `checkField on an unreadable value (${p})`);
    assert.deepEqual(f.issues.map((i) => [i.path, i.code]), [[ptr(segs), "unreadable"]], `${p}: ${JSON.stringify(f)}`);
    stillWorks(`checkField (${p})`);
  }
});

test("getters throwing odd things: Symbol, null, an object whose message getter throws, a Proxy", () => {
  const thrown = [
    Symbol("s"),
    null,
    undefined,
    42n,
    { get message() { throw new Error("again"); } },
    new Proxy({}, { get: boom, getPrototypeOf: boom, has: boom }),
    Object.create(null),
  ];
  for (const t of thrown) {
    const req = clone(VALID.tencent);
    Object.defineProperty(req, "ImageName", { get() { throw t; }, enumerable: true });
    const r = survives("tencent", req, `throw ${typeof t}`);
    assert.deepEqual(r.issues.filter((i) => i.path === "/ImageName").map((i) => i.code), ["unreadable"]);
  }
});

test("array items whose getter throws, inside lists", () => {
  const ids = ["disk-1", "disk-2"];
  Object.defineProperty(ids, 1, { get: boom, enumerable: true });
  const req = { ...VALID.tencent, DataDiskIds: ids };
  const r = survives("tencent", req, "throwing array item");
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["/DataDiskIds/1", "unreadable"]]);
  const tags = [{ key: "a", value: "b" }];
  Object.defineProperty(tags[0], "value", { get: boom, enumerable: true });
  const r2 = survives("huawei", { ...VALID.huawei, image_tags: tags }, "throwing tag value");
  assert.deepEqual(r2.issues.map((i) => [i.path, i.code]), [["/image_tags/0/value", "unreadable"]]);
});

test("Proxies: throwing get, ownKeys, getOwnPropertyDescriptor, getPrototypeOf; revoked", () => {
  const traps = {
    get: { get: boom },
    ownKeys: { ownKeys: boom },
    getPrototypeOf: { getPrototypeOf: boom },
    getOwnPropertyDescriptor: { getOwnPropertyDescriptor: boom },
    all: { get: boom, ownKeys: boom, getPrototypeOf: boom, getOwnPropertyDescriptor: boom, has: boom },
  };
  for (const [name, handler] of Object.entries(traps)) {
    for (const p of PROVIDERS) {
      // As the whole request, and as a field's value.
      const whole = new Proxy(clone(VALID[p]), handler);
      const r = survives(p, whole, `proxy ${name} as the request (${p})`);
      if (name !== "getOwnPropertyDescriptor") assert.equal(r.ok, false, `${name} ${p}`);
      const field = withValue(p, NAME[p], new Proxy({}, handler));
      survives(p, field, `proxy ${name} as the name (${p})`);
      const arr = withValue(p, NAME[p], new Proxy([], handler));
      survives(p, arr, `array proxy ${name} as the name (${p})`);
    }
  }
  const { proxy, revoke } = Proxy.revocable(clone(VALID.tencent), {});
  revoke();
  for (const p of PROVIDERS) {
    const r = survives(p, proxy, `revoked proxy as the request (${p})`);
    assert.equal(r.ok, false);
    assert.deepEqual(r.issues.map((i) => i.path), [""], JSON.stringify(r));
    const r2 = survives(p, withValue(p, NAME[p], proxy), `revoked proxy as the name (${p})`);
    assert.deepEqual(r2.issues.filter((i) => i.path === ptr(NAME[p])).map((i) => i.code), ["unreadable"], JSON.stringify(r2));
  }
});

test("was a bug: a revoked proxy (or an object whose keys cannot be read) as the whole request is unreadable at \"\", like a throwing getter elsewhere", () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const p of PROVIDERS) {
    const r = validate(p, proxy);
    assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["", "unreadable"]], JSON.stringify(r));
  }
});

// ----- values JSON cannot carry ----------------------------------------------------------------

test("cycles, Symbol keys, BigInt, NaN, -0, Infinity, Date, functions: reported, never thrown", () => {
  const cyc = { ...VALID.tencent };
  cyc.self = cyc;
  const r = survives("tencent", cyc, "cycle");
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["/self", "unknown_field"]]);
  const meta = { a: "1" };
  meta.b = meta;
  const r2 = survives("nova", withValue("nova", ["body", "createImage", "metadata"], meta), "cycle in metadata");
  assert.deepEqual(r2.issues.map((i) => [i.path, i.code, i.params.actual]), [["/body/createImage/metadata/b", "wrong_type", "cycle"]]);

  const sym = { ...VALID.zenlayer, [Symbol("hidden")]: "x" };
  assert.equal(survives("zenlayer", sym, "symbol key").ok, true);

  const values = [
    [10n, "bigint"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [new Date(0), "date"],
    [new Date(NaN), "date"],
    [() => 1, "function"],
    [class {}, "function"],
    [async function* () {}, "function"],
    [Symbol("v"), "symbol"],
  ];
  for (const [v, actual] of values) {
    const r = survives("huawei", { ...VALID.huawei, min_disk: v }, `min_disk ${actual}`);
    assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.params.actual]), [["/min_disk", "wrong_type", actual]]);
    // normalize gives the caller's own value back where JSON has no form for it.
    const n = normalize("huawei", { ...VALID.huawei, min_disk: v });
    assert.ok(Object.is(n.normalized.min_disk, v), `normalize returns the same ${actual}`);
  }
  // -0 is the number 0 to a JSON reader: out of range, like 0.
  const z = survives("huawei", { ...VALID.huawei, min_disk: -0 }, "-0");
  assert.deepEqual(z.issues.map((i) => [i.path, i.code, i.params.actual]), [["/min_disk", "out_of_range", 0]]);
  // A huge BigInt in an unknown field: a warning, kept as given.
  const big = { ...VALID.huawei, extra: 10n ** 400n };
  assert.equal(survives("huawei", big, "huge bigint").ok, true);
  assert.equal(normalize("huawei", big).normalized.extra, 10n ** 400n);
});

test("frozen objects and objects with a null prototype", () => {
  for (const p of PROVIDERS) {
    const deepFreeze = (o) => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (v && typeof v === "object") deepFreeze(v);
      return o;
    };
    const frozen = deepFreeze(withValue(p, NAME[p], "  web  "));
    const n = normalize(p, frozen);
    let cur = n.normalized;
    for (const s of NAME[p]) cur = cur[s];
    assert.equal(cur, "web", `${p}: trimmed in the output`);
    let orig = frozen;
    for (const s of NAME[p]) orig = orig[s];
    assert.equal(orig, "  web  ", `${p}: the input is not touched`);
    stillWorks(`frozen (${p})`);

    const bare = (o) => {
      if (!o || typeof o !== "object" || Array.isArray(o)) return o;
      const b = Object.create(null);
      for (const [k, v] of Object.entries(o)) b[k] = bare(v);
      return b;
    };
    assert.equal(survives(p, bare(VALID[p]), `null prototype (${p})`).ok, true);
  }
});

test("lone surrogates in values: bad_char with the code point", () => {
  const r = survives("tencent", { ...VALID.tencent, ImageName: "a\uD800b" }, "lone surrogate");
  assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.params.codePoint, i.params.index]), [["/ImageName", "bad_char", "U+D800", 1]]);
  const n = normalize("tencent", { ...VALID.tencent, ImageName: "\uDFFF x " });
  assert.equal(n.normalized.ImageName, "\uDFFF x ", "a string with a lone surrogate is left as it is");
});

test("was a bug: a lone surrogate in a key keeps its path and its key", () => {
  const meta = { ["a\uD800"]: "v" };
  const req = withValue("nova", ["body", "createImage", "metadata"], meta);
  const r = validate("nova", req);
  const bad = r.issues.find((i) => i.code === "bad_char");
  assert.ok(bad, JSON.stringify(r));
  assert.equal(bad.path, "/body/createImage/metadata/a\uD800", "the path names the key");
  assert.equal(bad.params.codePoint, "U+D800");
  const n = normalize("nova", req);
  assert.deepEqual(Object.keys(n.normalized.body.createImage.metadata), ["a\uD800"], "normalize keeps the key");
});

test("was a bug: keys that differ only in a lone surrogate are both kept", () => {
  for (const meta of [{ ["a\uD800"]: "1", ["a\uD801"]: "2" }, { ["a\uD800"]: "1", ["a\uFFFD"]: "2" }]) {
    const req = withValue("nova", ["body", "createImage", "metadata"], meta);
    const n = normalize("nova", req);
    assert.deepEqual(Object.keys(n.normalized.body.createImage.metadata), Object.keys(meta), "a member was lost");
    assert.deepEqual(n.changes, []);
  }
});

test("__proto__, constructor and prototype keys: own properties, unchanged, no pollution", () => {
  const meta = JSON.parse('{"__proto__":"p","constructor":"c","prototype":"x","toString":"t","hasOwnProperty":"h"}');
  for (const p of ["nova", "openstack"]) {
    const req = withValue(p, ["body", "createImage", "metadata"], meta);
    const r = survives(p, req, `proto keys (${p})`);
    assert.equal(r.ok, true, JSON.stringify(r));
    const n = normalize(p, req);
    const out = n.normalized.body.createImage.metadata;
    assert.deepEqual(Object.keys(out), Object.keys(meta));
    for (const k of Object.keys(meta)) {
      assert.ok(Object.prototype.hasOwnProperty.call(out, k), `${k} is an own property`);
      assert.equal(Object.getOwnPropertyDescriptor(out, k).value, meta[k], k);
    }
    assert.equal(Object.getPrototypeOf(out), Object.prototype, "the prototype is not replaced");
    assert.equal({}.__proto__, Object.prototype);
    assert.equal(Object.prototype.p, undefined, "no prototype pollution");
    assert.equal(n.changes.length, 0);
  }
  // At the top level, __proto__ is just an unknown key.
  const top = JSON.parse('{"__proto__":{"ImageName":"x"},"ImageName":"web","InstanceId":"i"}');
  const r = survives("tencent", top, "top-level __proto__");
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["/__proto__", "unknown_field"]]);
  const n = normalize("tencent", top);
  assert.ok(Object.prototype.hasOwnProperty.call(n.normalized, "__proto__"));
  assert.deepEqual(Object.getOwnPropertyDescriptor(n.normalized, "__proto__").value, { ImageName: "x" });
});

test("other odd objects: boxed primitives, Map, Set, typed arrays, sparse arrays, toJSON", () => {
  const odd = [new String("web"), new Number(40), new Boolean(true), new Map([["a", 1]]), new Set([1]), new Uint8Array(3),
    [, "a"], { toJSON: () => "web" }, Object.assign(Object.create({ inherited: 1 }), { own: 2 }), new Error("e"), /re/g, Promise.resolve(1),
    new WeakMap(), globalThis];
  for (const v of odd) {
    for (const p of PROVIDERS) survives(p, withValue(p, NAME[p], v), `${Object.prototype.toString.call(v)} (${p})`);
    survives("tencent", v, `${Object.prototype.toString.call(v)} as the request`);
  }
});

// ----- size and depth --------------------------------------------------------------------------

test("arrays and objects nested 100,000 deep: too_deep, no stack overflow (encoder and core)", () => {
  const n = 100_000;
  let arr = [];
  let obj = { a: 1 };
  for (let i = 0; i < n; i++) {
    arr = [arr];
    obj = { a: obj };
  }
  assert.ok(encode(arr).includes("@deep"));
  for (const p of PROVIDERS) {
    const t = Date.now();
    const r = survives(p, withValue(p, [...NAME[p].slice(0, -1), "x"], obj), `object 100,000 deep (${p})`);
    assert.ok(r.issues.some((i) => i.code === "too_deep"), JSON.stringify(r.issues.map((i) => i.code)));
    survives(p, arr, `array 100,000 deep as the request (${p})`);
    survives(p, withValue(p, NAME[p], arr), `array 100,000 deep as the name (${p})`);
    console.log(`# 100,000 deep, ${p}: ${Date.now() - t} ms`);
  }
  // An endless lazy chain (a proxy that returns a new proxy for every property).
  const lazy = () => new Proxy({}, { ownKeys: () => ["a"], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }), get: () => lazy() });
  const r = survives("tencent", { ...VALID.tencent, x: lazy() }, "endless proxy chain");
  assert.ok(r.issues.some((i) => i.code === "too_deep"));
});

test("a 10 MB name and 100,000 metadata items through the package", () => {
  const name = "中a".repeat((10 * 1024 * 1024) / 4); // 10 MB of UTF-8
  for (const p of PROVIDERS) {
    const t = Date.now();
    const r = survives(p, withValue(p, NAME[p], name), `10 MB name (${p})`);
    assert.ok(r.issues.some((i) => i.code === "too_long"), p);
    console.log(`# 10 MB name, ${p}: ${Date.now() - t} ms for 3 entry points`);
  }
  const meta = {};
  for (let i = 0; i < 100_000; i++) meta["k" + i] = i % 10 ? "v" : i;
  for (const p of ["nova", "openstack"]) {
    const t = Date.now();
    const r = survives(p, withValue(p, ["body", "createImage", "metadata"], meta), `100,000 metadata items (${p})`);
    assert.equal(r.issues.filter((i) => i.code === "wrong_type").length, 10_000);
    console.log(`# 100,000 metadata items, ${p}: ${Date.now() - t} ms for 3 entry points`);
  }
});

test("was a bug: an endlessly branching lazy object (each property read returns a new object) is cut off, not walked 2^64 times", () => {
  // Two keys per level, a fresh object on every read: cycles are never seen, the depth limit is
  // 64, so the walk has 2^64 leaves. Runs in a child process with a time limit.
  const r = runModule(`
    import { validate } from ${JSON.stringify(new URL("../../pkg/node.js", import.meta.url).href)};
    const lazy = () => new Proxy({}, {
      ownKeys: () => ["a", "b"],
      getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
      get: () => lazy(),
    });
    const r = validate("tencent", { ImageName: "a", InstanceId: "i", x: lazy() });
    console.log(JSON.stringify(r.issues.map((i) => i.code)));
  `, { timeout: 10_000 });
  assert.equal(r.error?.code, undefined, "timed out: the encoder walks the whole lazy tree");
  assert.equal(r.status, 0, r.stderr);
});

test("was a bug: past the encoder's 1,000,000-value budget, normalize gives back the caller's values (not null)", () => {
  const extra = new Array(1_100_000).fill("x");
  const req = { ...VALID.huawei, extra };
  const n = normalize("huawei", req);
  assert.equal(n.ok, false, "the cut is reported");
  assert.ok(n.issues.some((i) => i.code === "unreadable"));
  stillWorks("budget");
  assert.equal(n.normalized.extra.length, extra.length);
  const lost = n.normalized.extra.findIndex((x) => x !== "x");
  assert.equal(lost, -1, `normalized.extra[${lost}] is ${n.normalized.extra[lost]}, no change listed`);
});

// ----- bad options and providers ---------------------------------------------------------------

test("bad options: a throwing Proxy, lang a number, context a cycle / a throwing getter / a BigInt", () => {
  const cyc = { zone: "x" };
  cyc.self = cyc;
  const options = [
    new Proxy({}, { get: boom, has: boom, ownKeys: boom }),
    { lang: 5 },
    { lang: { toString: boom } },
    { lang: "zh", context: cyc },
    { get context() { throw new Error("ctx"); } },
    { context: 10n },
    { context: [1, 2] },
    { context: new Proxy({}, { ownKeys: boom }) },
    5,
    "zh",
    Symbol("o"),
    () => 1,
    null,
  ];
  for (const o of options) {
    for (const p of PROVIDERS) {
      const r = survives(p, VALID[p], `options ${String(typeof o)} (${p})`, o);
      assert.equal(r.ok, true, `${p}: bad options are not the request's fault: ${JSON.stringify(r)}`);
      isReport(checkField(p, ptr(NAME[p]), "web", o), "checkField with bad options");
    }
  }
});

test("bad provider values: null, 5, Symbol(), an object whose toString throws, a Proxy", () => {
  const bad = [null, undefined, 5, Symbol("p"), { toString: boom }, new Proxy({}, { get: boom }), "Tencent", "", "__proto__", "constructor", ["tencent"]];
  for (const p of bad) {
    for (const [name, call] of [
      ["validate", () => validate(p, VALID.tencent)],
      ["normalize", () => normalize(p, VALID.tencent)],
      ["toHttp", () => toHttp(p, VALID.tencent)],
      ["checkField", () => checkField(p, "/ImageName", "web")],
    ]) {
      let r;
      assert.doesNotThrow(() => {
        r = call();
      }, `${name}(${String(typeof p)})`);
      isReport(r, `${name} with provider ${typeof p}`);
      // (["tencent"] is the string "tencent" to String(): a provider.)
      if (!Array.isArray(p)) assert.equal(r.ok, false, `${name}: ${JSON.stringify(r)}`);
    }
    stillWorks(`provider ${typeof p}`);
  }
});

test("checkField with bad paths: not a pointer, a Symbol, a throwing toString, bad escapes", () => {
  for (const path of ["ImageName", "", "/", "//", "/ImageName/", "/a~2b", "/~", null, 5, Symbol("x"), { toString: boom }, "/__proto__", "/constructor"]) {
    for (const p of PROVIDERS) {
      let r;
      assert.doesNotThrow(() => {
        r = checkField(p, path, "web");
      });
      isReport(r, `checkField(${p}, ${String(typeof path)})`);
    }
  }
  stillWorks("bad paths");
});

// ----- no data lost ----------------------------------------------------------------------------

/** Paths (JSON pointers) where a and b differ, descending into objects and arrays of equal length. */
function diffs(a, b, path = "") {
  if (Object.is(a, b)) return [];
  const obj = (x) => x !== null && typeof x === "object";
  if (obj(a) && obj(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && a.length !== b.length) return [path];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    const out = [];
    for (const k of keys) {
      const ha = Object.prototype.hasOwnProperty.call(a, k);
      const hb = Object.prototype.hasOwnProperty.call(b, k);
      const p = path + "/" + k.replace(/~/g, "~0").replace(/\//g, "~1");
      if (ha !== hb) out.push(p);
      else out.push(...diffs(a[k], b[k], p));
    }
    return out;
  }
  return [path];
}

test("normalize changes only what it lists (every difference is a listed change)", () => {
  const requests = {
    zenlayer: [{ instanceId: " ｖｍ－１ ", imageName: "\u200Bweb\u3000", imageDescription: "  d  ", extra: " keep me ", when: new Date(5) }],
    tencent: [
      { ImageName: " ｗｅｂ ", InstanceId: "ins-1\u200B", ForcePoweroff: true, Sysprep: "FALSE", Action: "createimage", DataDiskIds: [" d1", "d1", "d2 ", "d2"], Region: "ap-x", Foo: { " a ": " b " } },
      { ImageName: "web", "SnapshotIds.1": "s2 ", "SnapshotIds.0": "s1", "SnapshotIds.2": "s1", ImageDescription: "\td\t" },
      { ImageName: "web", "DataDiskIds.0": "d", "DataDiskIds.2": "e", InstanceId: "i" },
    ],
    openstack: [{ ...clone(VALID.openstack), project_id: " 0123456789ABCDEF0123456789abcdef ", token: " t ", body: { createImage: { name: "\u200B web ", metadata: { " k ": " v ", __proto__x: "y" } } } }],
    nova: [withValue("nova", ["body", "createImage", "metadata"], JSON.parse('{"__proto__":" p ","constructor":"c"}'))],
    huawei: [{ name: " ｆｅｄｏｒａ ", image_url: " image-test:x.qcow2 ", min_disk: "40", os_type: "linux", tags: [" a.b ", "a.b"], description: " d ", big: 10n, nan: NaN }],
  };
  for (const [p, list] of Object.entries(requests)) {
    for (const req of list) {
      const before = JSON.stringify(encode(req));
      const n = normalize(p, req);
      assert.equal(JSON.stringify(encode(req)), before, `${p}: the input is not mutated`);
      const covered = (d) =>
        n.changes.some((c) => {
          if (d === c.path || d.startsWith(c.path + "/")) return true;
          // Tencent's flattened keys became the array the change names.
          if (c.code === "flattened_to_array") return d.startsWith("/" + c.path.slice(1) + ".") || d === c.path;
          // A removed duplicate shifts the rest of its array.
          if (c.code === "remove_duplicate") return d === c.path.replace(/\/\d+$/, "") || d.startsWith(c.path.replace(/\/\d+$/, "/"));
          return false;
        });
      const ds = diffs(req, n.normalized);
      for (const d of ds) assert.ok(covered(d), `${p}: ${d} changed without a listed change: ${JSON.stringify(n.changes)}`);
      assert.ok(n.changes.length > 0 || ds.length === 0, p);
      // And once more: nothing left to do.
      assert.deepEqual(normalize(p, n.normalized).changes, [], `${p}: idempotent`);
    }
  }
  stillWorks("normalize");
});
