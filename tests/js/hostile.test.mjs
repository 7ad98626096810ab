// Hostile JS input through the built package (pkg/node.js): getters and proxy traps that throw,
// revoked proxies, cycles, Symbol keys, BigInt, NaN, -0, Infinity, Date, functions, frozen and
// null-prototype objects, lone surrogates, __proto__/constructor/prototype keys, nesting 100,000
// deep, bad options and bad provider values. Every call returns a report (never throws), and the
// module keeps working: a good request right after each bad call is ok:true. normalize loses
// nothing: every difference between input and output is covered by a listed change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkField, encode, normalize, toHttp, validate, validateText } from "../../pkg/node.js";
import { PROVIDERS, runModule } from "./helpers.mjs";
import { boom, NAME, stillWorks, VALID } from "./fixtures.mjs";

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
  // The cut's message, in either language, says so whole (in Chinese, in Chinese).
  const cut = (lang) => validate("huawei", req, { lang }).issues.find((i) => i.code === "unreadable");
  assert.equal(cut("zh").message, "无法读取请求：请求中的值超过 1,000,000 个，其余未读取。");
  assert.equal(cut("en").message, "The request could not be read: the request holds more than 1,000,000 values: the rest was not read.");
  stillWorks("budget");
  assert.equal(n.normalized.extra.length, extra.length);
  const lost = n.normalized.extra.findIndex((x) => x !== "x");
  assert.equal(lost, -1, `normalized.extra[${lost}] is ${n.normalized.extra[lost]}, no change listed`);
});

// A JS breaker (2026-12-01, evening): a context list past the budget was cut, its pre-flight
// checks went quiet (the request passed) and a warning said the list of strings was "an array".
test("was a bug: a context past the encoder's 1,000,000-value budget is refused as a request is, not ignored", () => {
  const req = { ImageName: "web", InstanceId: "ins-1", DataDiskIds: ["disk-2"] };
  const ids = new Array(1_000_001).fill("disk-1");
  const r = validate("tencent", req, { context: { instanceDataDiskIds: ids } });
  assert.equal(r.ok, false);
  assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.severity]), [["", "unreadable", "error"]]);
  // validateText too (a second breaker: it read the cut list as the wrong type and passed).
  const t = validateText("tencent", JSON.stringify(req), { context: { instanceDataDiskIds: ids } });
  assert.deepEqual(t.issues.map((i) => [i.path, i.code, i.severity]), [["", "unreadable", "error"]]);
  // Under the budget the fact is read: the disk is not the instance's.
  const some = validate("tencent", req, { context: { instanceDataDiskIds: ids.slice(0, 999_000) } });
  assert.deepEqual(some.issues.map((i) => [i.path, i.code]), [["/DataDiskIds/0", "not_found"]]);
  stillWorks("context budget");
});

test("was a bug (2026-12-01): a ~10 MB array beside one value JSON cannot carry is read, not refused as over 16 MiB (the encoder counted 12 per item)", () => {
  const extra = new Array(900_000).fill("k1234567"); // 9.9 MB of JSON text
  const plain = validate("huawei", { ...VALID.huawei, extra });
  const odd = validate("huawei", { ...VALID.huawei, extra, gone: undefined, when: new Date(0) });
  assert.ok(!plain.issues.some((i) => i.code === "unreadable"), JSON.stringify(plain.issues[0]));
  assert.ok(!odd.issues.some((i) => i.code === "unreadable"), JSON.stringify(odd.issues[0]));
  assert.deepEqual(odd.issues.filter((i) => i.path === "/extra"), plain.issues.filter((i) => i.path === "/extra"));
  stillWorks("9.9 MB");
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

// ----- issue 14: the broken promises, each kind with its example ---------------------------------

// 14.1: normalize never throws, and gives back the caller's own values at their place.

test("was a bug (14.1): normalize of a flattened key holding what JSON cannot carry returns, with the caller's values in `normalized` and in the change", () => {
  let deep = [];
  for (let i = 0; i < 70; i++) deep = [deep];
  const getter = {};
  Object.defineProperty(getter, "x", { get: boom, enumerable: true });
  const values = [5n, NaN, Infinity, -Infinity, new Date(0), () => 1, Symbol("s"), deep];
  for (const v of values) {
    const req = { ImageName: "web", InstanceId: "i", "DataDiskIds.0": v };
    let n;
    assert.doesNotThrow(() => (n = normalize("tencent", req)), String(typeof v));
    isReport(n, typeof v);
    assert.deepEqual(n.changes.map((c) => c.code), ["flattened_to_array"]);
    assert.ok(Object.is(n.normalized.DataDiskIds[0], v), `normalized holds the caller's ${typeof v}`);
    assert.ok(Object.is(n.changes[0].from["DataDiskIds.0"], v), "the change's from");
    assert.ok(Object.is(n.changes[0].to[0], v), "the change's to");
    assert.deepEqual(Object.keys(n.normalized), ["ImageName", "InstanceId", "DataDiskIds"]);
  }
  // A getter that throws: reported, never thrown; the member is there (its value could not be read).
  const req = { ImageName: "web", InstanceId: "i" };
  Object.defineProperty(req, "DataDiskIds.0", { get: boom, enumerable: true });
  const n = survives("tencent", req, "throwing flattened key");
  assert.ok(n.issues.some((i) => i.code === "unreadable"));
  assert.doesNotThrow(() => normalize("tencent", req));
  stillWorks("14.1");
});

test("was a bug (14.1): after a removed duplicate, values JSON cannot carry come back at their own index", () => {
  for (const req of [
    { ImageName: "web", InstanceId: "i", DataDiskIds: ["d1", "d1", 5n, "d2", NaN] },
    { ImageName: "web", InstanceId: "i", "DataDiskIds.0": "d1", "DataDiskIds.1": "d1", "DataDiskIds.2": 5n, "DataDiskIds.3": "d2", "DataDiskIds.4": NaN },
  ]) {
    const n = normalize("tencent", req);
    assert.equal(n.normalized.DataDiskIds.length, 4);
    assert.deepEqual(n.normalized.DataDiskIds.slice(0, 1), ["d1"]);
    assert.equal(n.normalized.DataDiskIds[1], 5n);
    assert.equal(n.normalized.DataDiskIds[2], "d2");
    assert.ok(Number.isNaN(n.normalized.DataDiskIds[3]));
    assert.ok(n.changes.some((c) => c.code === "remove_duplicate" && c.path === "/DataDiskIds/1"));
  }
});

test("was a bug (14.1): a lone-surrogate key holding a value JSON cannot carry comes back once, under the caller's key", () => {
  for (const [p, segs] of [["huawei", []], ["nova", ["body", "createImage", "metadata"]], ["tencent", []]]) {
    const key = "k\uD800";
    const req = segs.length ? withValue(p, segs, { [key]: 5n, ok: "v" }) : { ...VALID[p], [key]: 5n };
    const n = normalize(p, req);
    let out = n.normalized;
    for (const s of segs) out = out[s];
    assert.ok(Object.prototype.hasOwnProperty.call(out, key), `${p}: the caller's key`);
    assert.equal(out[key], 5n, p);
    assert.ok(!Object.keys(out).some((k) => k.includes("\uFFFD")), `${p}: no U+FFFD key: ${Object.keys(out)}`);
  }
});

// 14.2: the read budget cannot be bypassed.

test("was a bug (14.2): sparse arrays of any length, typed arrays, objects with more keys than the budget and huge Proxy key lists stop at the budget", () => {
  const src = new URL("../../pkg/node.js", import.meta.url).href;
  const r = runModule(`
    import { validate, normalize, toHttp, checkField } from ${JSON.stringify(src)};
    const out = [];
    const sparse = (n) => { const a = []; a.length = n; return a; };
    const manyKeys = () => { const o = {}; for (let i = 0; i < 1_100_000; i++) o["k" + i] = 1; return o; };
    const keys = Array.from({ length: 1_100_000 }, (_, i) => "k" + i);
    const proxy = new Proxy({}, { ownKeys: () => keys, getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }), get: () => 1 });
    const values = [sparse(4e7), sparse(2 ** 32 - 1), new Uint8Array(60_000_000), manyKeys(), proxy];
    for (const [k, v] of values.entries()) {
      // Each value in a list, in an unknown field, as the whole request; each function once.
      const req = [{ ImageName: "a", InstanceId: "i", DataDiskIds: v }, { ImageName: "a", InstanceId: "i", x: v }, v][k % 3];
      const r = validate("tencent", req);
      const n = normalize("tencent", req);
      const h = toHttp("tencent", req);
      const f = checkField("tencent", "/DataDiskIds", v);
      out.push([r.ok, r.issues.map((i) => i.code).join(), n.normalized === req, h.ok, f.issues.map((i) => i.code).join()]);
    }
    console.log(JSON.stringify(out));
  `, { timeout: 120_000 });
  assert.equal(r.error?.code, undefined, "the budget was bypassed: the calls did not end");
  assert.equal(r.status, 0, r.stderr);
  for (const [ok, codes, same, httpOk, field] of JSON.parse(r.stdout)) {
    assert.equal(ok, false);
    assert.equal(codes, "unreadable", "only the cut is reported");
    assert.equal(same, true, "normalize gives the request back");
    assert.equal(httpOk, false);
    assert.equal(field, "unreadable");
  }
});

test("the budget counts every read: a typed array under the budget is its indexes, as JSON.stringify writes it", () => {
  const r = validate("tencent", { ...VALID.tencent, DataDiskIds: new Uint8Array([1, 2]) });
  assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.params.actual]), [["/DataDiskIds", "wrong_type", "object"]]);
  assert.equal(encode(new Uint8Array([7, 8])), '{"0":7,"1":8}');
  const sparse = [];
  sparse.length = 3;
  sparse[1] = "d";
  assert.equal(encode(sparse), '[@undefined,"d",@undefined]');
});

// 14.3: memory bounded per byte of input; larger input refused before it is copied in.

const MAX_TEXT_BYTES = 16 * 1024 * 1024;

// The wasm-bindgen glue of the instance pkg/node.js runs (the full module of pkg/flavors/node/, built
// for speed), loaded by the import of node.js above: initSync() without an argument returns that instance.
const GLUE = new URL("../../pkg/flavors/node/full-glue.js", import.meta.url).href;

async function wasmMemory() {
  const raw = await import(GLUE);
  return raw.initSync().memory;
}

test("was a bug (14.3): input over 16 MiB of UTF-8 is refused with one unreadable issue, before it reaches the module", async () => {
  const raw = await import(GLUE);
  assert.equal(raw.max_text_bytes(), MAX_TEXT_BYTES, "the package and the core agree on the limit");
  const memory = await wasmMemory();
  const before = memory.buffer.byteLength;
  const name = "ｂ".repeat(48_000_000); // 48 million full-width characters: 144 MB of UTF-8
  for (const [what, call] of [
    ["normalize", () => normalize("tencent", { ImageName: name, InstanceId: "i" })],
    ["validate", () => validate("tencent", { ImageName: name, InstanceId: "i" })],
    ["toHttp", () => toHttp("tencent", { ImageName: name, InstanceId: "i" })],
    ["checkField", () => checkField("tencent", "/ImageName", name)],
    ["context", () => validate("tencent", VALID.tencent, { context: { existingImageNames: [name] } })],
  ]) {
    let r;
    assert.doesNotThrow(() => (r = call()), what);
    assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["", "unreadable"]], what);
    assert.match(r.issues[0].params.detail, /16777216 bytes/);
  }
  // In Chinese, the message gives the limit in Chinese, whole (was: the English detail cut at 40
  // chars); params.detail stays English, as every detail.
  const zh = validate("tencent", { ImageName: name, InstanceId: "i" }, { lang: "zh" }).issues[0];
  assert.equal(zh.message, "无法读取请求：JSON 文本超过 16777216 字节（16 MiB），即可读取的上限。");
  assert.match(zh.params.detail, /16777216 bytes/);
  // 40 MB of text, 10 million repeated ids.
  const ids = '"d",'.repeat(10_000_000);
  const text = `{"ImageName":"a","InstanceId":"i","DataDiskIds":[${ids}"d"]}`;
  const r = validateText("tencent", text);
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["", "unreadable"]]);
  assert.equal(memory.buffer.byteLength, before, "nothing was copied into the module");
  // The limit is in bytes of UTF-8: 6 million CJK characters are 18 MB (refused), 5 million are 15 MB.
  assert.equal(validateText("tencent", `{"ImageName":"${"中".repeat(6_000_000)}"}`).issues[0].code, "unreadable");
  assert.deepEqual(validateText("tencent", `{"ImageName":"${"中".repeat(5_000_000)}","InstanceId":"i"}`).issues.map((i) => i.code), ["too_long"]);
  stillWorks("14.3");
});

test("at the 16 MiB limit, the densest reports stay within 25 bytes of module memory per byte of input (and at most 10,000 issues, then one too_many)", async () => {
  const memory = await wasmMemory();
  const src = new URL("../../pkg/node.js", import.meta.url).href;
  // Fresh processes: the module's memory only grows, so each case is measured alone.
  // (The texts are made in the child: a 16 MiB command line is too long.)
  for (const [name, inner] of [
    ["16 MiB of empty ids", `'"DataDiskIds":[' + '"",'.repeat(5_592_000) + '""]'`],
    ["16 MiB of numbers as ids", `'"DataDiskIds":[' + "1,".repeat(8_388_000) + "1]"`],
  ]) {
    const r = runModule(`
      import { validateText } from ${JSON.stringify(src)};
      import * as raw from ${JSON.stringify(GLUE)};
      const memory = raw.initSync().memory;
      const before = memory.buffer.byteLength;
      const text = '{"ImageName":"a","InstanceId":"i",' + ${inner} + "}";
      const r = validateText("tencent", text);
      const last = r.issues[r.issues.length - 1];
      console.log(JSON.stringify({ bytes: Buffer.byteLength(text), grew: memory.buffer.byteLength - before, n: r.issues.length, last: [last.path, last.code, last.severity, last.params], ok: r.ok }));
    `, { timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.ok(m.bytes <= MAX_TEXT_BYTES, `${name}: ${m.bytes} bytes`);
    console.log(`# ${name}: ${(m.bytes / 1048576).toFixed(1)} MiB of text, module memory +${(m.grew / 1048576).toFixed(0)} MiB (${(m.grew / m.bytes).toFixed(1)} per byte)`);
    assert.ok(m.grew <= 25 * m.bytes, `${name}: ${m.grew} bytes of memory for ${m.bytes} bytes of text`);
    assert.equal(m.n, 10_001);
    assert.deepEqual(m.last.slice(0, 3), ["", "too_many", "error"]);
    assert.equal(m.last[3].max, 10_000);
    assert.equal(m.ok, false);
  }
  assert.ok(memory.buffer.byteLength > 0);
});

// 14.4: no quadratic work: 100,000 items in every list the rules (and the package) walk. No time
// is asserted: a quadratic regression shows as a test run that does not end.

test("was a bug (14.4a): 100,000 unknown keys each holding a lone surrogate (the path of each is found at once)", () => {
  const req = { ...VALID.huawei };
  for (let i = 0; i < 100_000; i++) req[`k${i}\uD800`] = i;
  const t = Date.now();
  const r = validate("huawei", req);
  console.log(`# 100,000 lone-surrogate keys, huawei: ${Date.now() - t} ms`);
  const unknown = r.issues.filter((i) => i.code === "unknown_field");
  assert.equal(unknown.length, 10_000, "the first 10,000 issues are listed");
  assert.equal(unknown[5].path, "/k5\uD800");
  assert.equal(unknown[5].params.field, "k5\uD800");
  assert.deepEqual(r.issues.at(-1).code, "too_many");
});

test("100,000 items in every list the rules walk, with the console's context lists of 100,000 (validate, normalize, toHttp, checkField)", () => {
  const n = 100_000;
  const ids = (p) => Array.from({ length: n }, (_, i) => `${p}-${i}`);
  const tags = Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  const flat = { Region: "ap-guangzhou", ImageName: "web", InstanceId: "ins-1" };
  ids("disk").forEach((d, i) => (flat[`DataDiskIds.${i}`] = ` ${d}`));
  const usage = Object.fromEntries(ids("snap").map((s, i) => [s, i === 0 ? "SYSTEM_DISK" : "DATA_DISK"]));
  const cases = [
    ["tencent", { ...VALID.tencent, DataDiskIds: ids("disk") }, { instanceDataDiskIds: ids("disk"), localDiskIds: ids("local"), instanceSystemDiskId: "disk-sys" }, "/DataDiskIds"],
    ["tencent", flat, { instanceDataDiskIds: ids("disk"), localDiskIds: ids("local") }, null],
    ["tencent", { Region: "ap-guangzhou", ImageName: "web", SnapshotIds: ids("snap") }, { snapshotDiskUsage: usage }, "/SnapshotIds"],
    ["tencent", { ...VALID.tencent, TagSpecification: [{ ResourceType: "image", Tags: tags }] }, { existingTagKeys: tags.map((t) => t.Key), existingImageNames: ids("image") }, "/TagSpecification"],
    ["huawei", { ...VALID.huawei, tags: ids("k").map((k) => `${k}.v`) }, null, "/tags"],
    ["huawei", { ...VALID.huawei, image_tags: ids("k").map((k) => ({ key: k, value: "v" })) }, null, "/image_tags"],
    ["nova", withValue("nova", ["body", "createImage", "metadata"], Object.fromEntries(ids("k").map((k) => [k, "v"]))), { metadataQuota: n }, "/body/createImage/metadata"],
    ["zenlayer", Object.assign({ ...VALID.zenlayer }, Object.fromEntries(ids("x").map((k) => [k, 1]))), null, null],
  ];
  // Every item is walked; the one error is the count of tags (Huawei: at most 20 per image; Tencent: 50).
  const errors = (p, issues) => issues.filter((i) => i.severity === "error").map((i) => `${i.path} ${i.code}`);
  for (const [p, req, context, field] of cases) {
    const t = Date.now();
    const want = p === "huawei" || field === "/TagSpecification" ? [`${field} too_many`] : [];
    const r = validate(p, req, { context });
    assert.deepEqual(errors(p, r.issues), want, `${p}: ${JSON.stringify(r.issues.slice(0, 3))}`);
    const nr = normalize(p, req, { context });
    assert.deepEqual(errors(p, nr.issues), want, `${p}: normalize: ${JSON.stringify(nr.issues.slice(0, 3))}`);
    const h = toHttp(p, req, { context });
    assert.equal(h.ok, want.length === 0);
    if (!h.ok) assert.deepEqual(errors(p, h.issues), want);
    if (field) {
      let v = req;
      for (const s of field.split("/").slice(1)) v = v[s];
      assert.deepEqual(errors(p, checkField(p, field, v).issues), want);
    }
    console.log(`# 100,000 items, ${p} ${field ?? "(keys)"}: ${Date.now() - t} ms for 4 entry points`);
  }
  stillWorks("100,000 items");
});

// 14.5: checkField agrees with validate when a list is given in both forms.

test("was a bug (14.5): a flattened key beside the array form is checked, at its own key, as checkField checks it", () => {
  for (const req of [
    { ImageName: "web", InstanceId: "ins-1", DataDiskIds: ["disk-1"], "DataDiskIds.0": "" },
    { ImageName: "web", InstanceId: "ins-1", "DataDiskIds.0": "", DataDiskIds: ["disk-1"] },
  ]) {
    const r = validate("tencent", req);
    const at = (path) => r.issues.filter((i) => i.path === path && !["conflict", "missing_one_of", "requires"].includes(i.code)).map((i) => [i.code, i.params]);
    const field = checkField("tencent", "/DataDiskIds.0", "").issues.map((i) => [i.code, i.params]);
    assert.deepEqual(at("/DataDiskIds.0"), field, JSON.stringify(r.issues));
    assert.deepEqual(field.map((x) => x[0]), ["empty"]);
    assert.deepEqual(at("/DataDiskIds/0"), checkField("tencent", "/DataDiskIds/0", "disk-1").issues.map((i) => [i.code, i.params]));
    assert.ok(r.issues.some((i) => i.path === "/DataDiskIds.0" && i.code === "conflict"));
  }
});

// 14.6: one key, one path, the same in every function.

test("was a bug (14.6): keys that differ only in a lone surrogate (or U+FFFD) each keep their own path, in every function", () => {
  for (const keys of [["a\uD800", "a\uD801"], ["a\uFFFD", "a\uD800"], ["a\uDC00b", "a\uD800b", "a\uD800\uDC00b"]]) {
    const req = { ...VALID.tencent };
    for (const k of keys) req[k] = 1;
    const paths = (r) => r.issues.filter((i) => i.code === "unknown_field").map((i) => [i.path, i.params.field]);
    const want = keys.map((k) => ["/" + k, k]);
    assert.deepEqual(paths(validate("tencent", req)), want);
    assert.deepEqual(paths(normalize("tencent", req)), want);
    assert.deepEqual(paths(toHttp("tencent", req)), want);
    for (const k of keys) assert.deepEqual(paths(checkField("tencent", "/" + k, 1)), [["/" + k, k]]);
  }
  // A warning in toHttp's answer (Huawei: unknown fields are warnings) names the caller's key.
  const h = toHttp("huawei", { ...VALID.huawei, "x\uD800": 1 });
  assert.equal(h.ok, true);
  assert.deepEqual(h.issues.map((i) => i.path), ["/x\uD800"]);
  assert.ok(Object.prototype.hasOwnProperty.call(h.http.body, "x\uD800"));
});

test("was a bug (14.6): checkField on a metadata key with a lone surrogate reports what validate reports (bad_char U+D800), for openstack and nova", () => {
  for (const p of ["openstack", "nova"]) {
    const key = "k\uD800";
    const path = "/body/createImage/metadata/" + key;
    const r = validate(p, withValue(p, ["body", "createImage", "metadata"], { [key]: "v" }));
    const fromCheck = r.issues.filter((i) => i.path === path);
    const fromField = checkField(p, path, "v").issues;
    assert.deepEqual(fromField, fromCheck, p);
    assert.deepEqual(fromField.map((i) => [i.code, i.params.codePoint, i.params.index]), [["bad_char", "U+D800", 1]], p);
  }
});

// 14.7: check and normalize agree when a context is given (both compare what the provider receives).

test("was a bug (14.7): with a context, normalize never makes a valid request invalid: validate compares the normalized value too", () => {
  const cases = [
    [{ ImageName: "web ", InstanceId: "ins-1" }, { existingImageNames: ["web"] }, "/ImageName", "already_exists"],
    [{ ImageName: "web", InstanceId: "ins-1", DataDiskIds: ["disk-sys\u200B"] }, { instanceSystemDiskId: "disk-sys" }, "/DataDiskIds/0", "not_supported"],
    [{ ImageName: "web", InstanceId: "ins-1", DataDiskIds: ["ｌｏｃａｌ-1"] }, { localDiskIds: ["local-1"] }, "/DataDiskIds/0", "not_supported"],
    [{ ImageName: "web", SnapshotIds: [" snap-1"] }, { snapshotDiskUsage: { "snap-1": "SYSTEM_DISK" } }, null, null],
    [{ ImageName: "web", InstanceId: "ins-1", DataDiskIds: ["disk-1\u200B"] }, { instanceDataDiskIds: ["disk-1"] }, null, null],
  ];
  for (const [req, context, path, code] of cases) {
    const r = validate("tencent", req, { context });
    const n = normalize("tencent", req, { context });
    const codes = (x) => x.issues.filter((i) => i.severity === "error").map((i) => [i.path, i.code]);
    assert.deepEqual(codes(r), path ? [[path, code]] : [], JSON.stringify(r.issues));
    assert.deepEqual(codes(n), codes(r), "validate and normalize agree");
  }
  const p = VALID.openstack;
  const r = validate("openstack", { ...p, project_id: p.project_id + "\u200B" }, { context: { tokenProjectId: p.project_id } });
  assert.ok(!r.issues.some((i) => i.code === "mismatch"), "the provider receives the id without the zero-width space");
});

// 14.8: validateText reads JSON, never the package's internal tokens.

test("was a bug (14.8): validateText refuses text that is not JSON, @ tokens included", () => {
  for (const tail of ["@nan", "@bigint\"1\"", "@deep", "@undefined", "@unreadable\"x\"", "@infinity"]) {
    const r = validateText("zenlayer", `{"instanceId":"i","imageName":"web","extra":${tail}}`);
    assert.equal(r.ok, false, tail);
    assert.deepEqual(r.issues.map((i) => [i.path, i.code, i.params.expected]), [["", "wrong_type", "JSON"]], tail);
  }
  // Text with a raw lone surrogate in a key (a JS string, not an escape) is read as written.
  const r = validateText("zenlayer", '{"instanceId":"i","imageName":"web","x\uD800":1}');
  assert.deepEqual(r.issues.map((i) => i.path), ["/x\uD800"]);
  assert.equal(validateText("zenlayer", '{"instanceId":"i","imageName":"web","x\\\uD800":1}').issues[0].params.expected, "JSON");
});

// 14.9: reports that say what is true.

test("was a bug (14.9): context reports that contradicted themselves", () => {
  // Nova's quota -1 is unlimited: no too_many.
  const meta = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, "v"]));
  for (const p of ["openstack", "nova"]) {
    const r = validate(p, withValue(p, ["body", "createImage", "metadata"], meta), { context: { metadataQuota: -1 } });
    assert.deepEqual(r.issues, [], `${p}: ${JSON.stringify(r.issues)}`);
  }
  // 1e20 is an integer: the warning says which integers are read.
  const big = validate("zenlayer", VALID.zenlayer, { context: { imagesInZone: 1e20 } });
  assert.equal(big.issues.length, 1);
  assert.doesNotMatch(big.issues[0].message, /must be a integer|must be an integer;/);
  assert.match(big.issues[0].message, /9223372036854775807/);
  // A context that is an array: the warning is about the context, not the request.
  const arr = validate("tencent", VALID.tencent, { context: [1] });
  assert.deepEqual(arr.issues.map((i) => [i.path, i.code, i.severity, i.params.field]), [["", "wrong_type", "warning", "context"]]);
  assert.match(arr.issues[0].message, /context/);
  assert.doesNotMatch(arr.issues[0].message, /the request/);
  // Two context fields of the wrong type: two issues that say which (no issue twice at "").
  const two = validate("zenlayer", VALID.zenlayer, { context: { zone: true, instanceState: true } });
  assert.deepEqual(two.issues.map((i) => i.params.field), ["context.zone", "context.instanceState"]);
  for (const p of PROVIDERS) {
    const fields = ["zone", "instanceState", "instanceExists", "imagesInZone", "existingImageNames", "instanceDataDiskIds", "snapshotDiskUsage", "vmState", "taskState", "metadataQuota", "microversion", "bucketStorageClass"];
    const r = validate(p, VALID[p], { context: Object.fromEntries(fields.map((f) => [f, 1.5])) });
    const seen = r.issues.map((i) => JSON.stringify([i.path, i.code, i.params]));
    assert.equal(new Set(seen).size, seen.length, `${p}: an issue twice: ${seen}`);
  }
});

test("was a bug (2026-11-30): checkField on a whole metadata map names a key holding a lone surrogate as validate does", () => {
  const map = { "k\uD800": "v", "!\uDC00": "w", ok: "x" };
  for (const p of ["nova", "openstack"]) {
    const whole = validate(p, withValue(p, ["body", "createImage", "metadata"], map));
    const field = checkField(p, "/body/createImage/metadata", map);
    const at = (r) => r.issues.filter((i) => i.path.startsWith("/body/createImage/metadata/")).map((i) => [i.path, i.code, i.severity, i.params.codePoint]);
    assert.deepEqual(at(field), at(whole), p);
    assert.ok(at(field).some(([path]) => path === "/body/createImage/metadata/k\uD800"), `${p}: ${JSON.stringify(at(field))}`);
    assert.ok(!at(field).some(([path]) => path.includes("\uFFFD")), `${p}: ${JSON.stringify(at(field))}`);
  }
});

// A second helper's attack on the JS API (2026-11-30).
test("was a bug (2026-11-30): checkField on a path of any number of segments is a report, and the module keeps working", () => {
  // ~11,000 segments overflowed the stack inside the module; a few such calls left it broken.
  for (const n of [11000, 200000]) {
    for (const p of PROVIDERS) {
      const path = "/a".repeat(n);
      const r = checkField(p, path, "x");
      assert.equal(r.issues[0].code, "unknown_field", p);
      assert.equal(r.issues[0].path, path, p);
      const labelled = checkField(p, path, { y: 1 }, { lang: "zh", labels: { [path]: "深", ["/*".repeat(n)]: "任意" } });
      assert.equal(labelled.issues[0].code, "unknown_field", p);
    }
    stillWorks(`checkField on ${n} segments`);
  }
});

test("was a bug (2026-11-30): validateText on text that is not JSON gives the position of the text as written, lone surrogates and all", () => {
  const where = (t) => validateText("tencent", t).issues[0].params.actual;
  const plain = where('{"ImageName":"é", x}');
  assert.match(plain, /line 1, column 19/);
  for (const t of ['{"ImageName":"\uD800", x}', '{"ImageName":"\uDC00", x}', '{"ImageName":"😀", x}']) assert.equal(where(t), plain, JSON.stringify(t));
  assert.match(where('{"a":"\uD800\uD800\uD800",\n "b": x}'), /line 2, column 7/);
  // Valid JSON holding one still reads the surrogate as itself.
  const r = validateText("tencent", '{"ImageName":"a\uD800b","InstanceId":"i"}');
  assert.equal(r.issues[0].code, "bad_char");
  assert.equal(r.issues[0].params.codePoint, "U+D800");
});

test("was a bug (2026-11-30): a suggestion drops an unpaired surrogate as it drops every refused character (no U+FFFD)", () => {
  const cases = [
    ["tencent", { ImageName: "ab\uD800cd", InstanceId: "i" }, "/ImageName"],
    ["nova", withValue("nova", ["body", "createImage", "name"], "ab\uDC00cd"), "/body/createImage/name"],
    ["openstack", withValue("openstack", ["body", "createImage", "name"], "ab\uDC00cd"), "/body/createImage/name"],
    ["zenlayer", { imageName: "ab\uD800cd", instanceId: "i" }, "/imageName"],
    ["huawei", { name: "ab\uD800cd", image_url: "b-1:o", min_disk: 40 }, "/name"],
  ];
  for (const [p, req, path] of cases) {
    const i = validate(p, req).issues.find((x) => x.path === path && x.code === "bad_char");
    assert.ok(i, `${p}: ${JSON.stringify(validate(p, req).issues)}`);
    assert.equal(i.suggestion, "abcd", p);
  }
});

// A JS breaker (2026-12-01, evening): toHttp said ok and sent `null` in place of an unknown field's
// value JSON cannot carry (a Date, a BigInt, NaN, Infinity from JSON.parse of 1e400...), with only
// the unknown_field warning; normalize keeps the caller's value. toHttp now refuses it there.
test("was a bug: toHttp refuses a value JSON cannot carry in a field it would send as given", () => {
  const zl = (extra) => ({ instanceId: "ins-1", imageName: "web", extra });
  for (const [label, v] of [["Date", new Date(0)], ["BigInt", 1n], ["NaN", NaN], ["Infinity", JSON.parse('{"x":1e400}').x], ["function", () => 1], ["Symbol", Symbol("s")]]) {
    for (const lang of ["en", "zh"]) {
      const r = toHttp("zenlayer", zl(v), { lang });
      assert.equal(r.ok, false, label);
      const bad = r.issues.filter((i) => i.severity === "error");
      assert.deepEqual(bad.map((i) => [i.path, i.code]), [["/extra", "unreadable"]], label);
      assert.match(bad[0].message, lang === "zh" ? /^字段“extra”：JSON 无法表示其值/ : /^Field "extra": JSON cannot carry its value/, label);
      assert.equal(bad[0].shortMessage, lang === "zh" ? "JSON 无法表示此值" : "JSON cannot carry this value", label);
    }
    assert.equal(normalize("zenlayer", zl(v)).normalized.extra, v, `${label}: normalize keeps the caller's value`);
  }
  // OpenStack: an unknown key beside the body is not sent, so not refused; inside createImage it is.
  const os = { project_id: "c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60", server_id: "da5834e0-31d2-40f9-b271-6592f9f68370", token: "t" };
  assert.equal(toHttp("openstack", { ...os, extra: NaN, body: { createImage: { name: "n" } } }).ok, true);
  const inside = toHttp("openstack", { ...os, body: { createImage: { name: "n", extra: NaN } } });
  assert.deepEqual(inside.issues.filter((i) => i.severity === "error").map((i) => [i.path, i.code]), [["/body/createImage/extra", "unreadable"]]);
  assert.equal(toHttp("zenlayer", zl("fine")).ok, true);
});
