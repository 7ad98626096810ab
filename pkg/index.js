// createimage: check and normalize cloud CreateImage requests (Zenlayer, Tencent CVM, OpenStack
// Nova, Huawei IMS) in the browser and in Node, with the Rust core compiled to WebAssembly.
//
// The request becomes JSON text (JSON.stringify for plain JSON values; otherwise one careful walk
// with `@` tokens for what JSON cannot carry: BigInt, NaN, functions, cycles, getters that throw,
// nesting past 64 levels), one string crosses into wasm with the provider and language as numbers,
// and a valid request comes back as 0: only a report crosses back, as one string for JSON.parse.
// No function here throws on bad input; calling before init() throws a clear Error.
import initWasm, * as wasm from "./wasm/createimage.js";
import { DESCRIBE, SCHEMA } from "./rules.js";

let ready = false;

/** Load the WebAssembly module (fetched next to this file unless `input` says otherwise). */
export async function init(input) {
  if (ready) return;
  try {
    await initWasm(input === undefined ? undefined : { module_or_path: input });
  } catch (e) {
    throw new Error(
      "createimage: could not load the WebAssembly module (" + message(e) +
        "); in Node, import \"createimage\" (it initialises itself) or pass the .wasm bytes to init()",
      { cause: e },
    );
  }
  ready = true;
}

/** Synchronous initialisation from the module's bytes or a compiled WebAssembly.Module. */
export function initSync(input) {
  if (ready) return;
  wasm.initSync({ module: input });
  ready = true;
}

/** True once init() or initSync() has finished. */
export function isReady() {
  return ready;
}

function need() {
  if (!ready) {
    throw new Error(
      "createimage: the WebAssembly module is not loaded yet: await init() first (or initSync(bytes); in Node, import \"createimage\" initialises itself)",
    );
  }
}

const MAX_DEPTH = 64;

function message(e) {
  try {
    return String(e && e.message !== undefined ? e.message : e);
  } catch {
    return "unreadable";
  }
}

function unreadable(e) {
  return "@unreadable" + JSON.stringify(message(e));
}

// At most this many values are read from one request: a lazy object that makes new objects on
// every read (a Proxy) is cut off instead of walked forever.
const MAX_VALUES = 1_000_000;
let budget = MAX_VALUES;

/** JSON text of any JS value (with `@` tokens for what JSON cannot carry); never throws. */
export function encode(v) {
  // Fast path: a value that is plain JSON (strings, finite numbers, booleans, null, arrays, plain
  // objects, not too deep or too large) gives the same text through the engine's own
  // JSON.stringify; anything else, or anything that throws on the way, takes the careful walk.
  budget = MAX_VALUES;
  try {
    if (plain(v, 0)) {
      budget = MAX_VALUES;
      return JSON.stringify(v);
    }
  } catch {
    // a getter or a Proxy trap threw: the careful walk reports it
  }
  budget = MAX_VALUES;
  return enc(v, 0, []);
}

const OBJECT_PROTO = Object.prototype;

function plain(v, depth) {
  if (--budget < 0) return false;
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return v - v === 0; // finite (NaN and ±Infinity give NaN)
    case "object":
      break;
    default:
      return false; // undefined, function, symbol, bigint: written as @ tokens
  }
  if (v === null) return true;
  if (depth >= MAX_DEPTH - 1) return false; // the walk writes @deep there
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== OBJECT_PROTO && proto !== null) || typeof v.toJSON === "function") return false;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const x = v[keys[i]];
    if (x !== undefined && !plain(x, depth + 1)) return false;
  }
  return true;
}

/** Did the last encode() stop at the budget (the rest of the value read as null)? */
function truncated() {
  return budget < 0;
}

function enc(v, depth, stack) {
  // Past the budget: one marker where the walk stopped (reported as unreadable), then nothing more.
  if (--budget < 0) return budget === -1 ? '@unreadable"the request holds more than 1,000,000 values: the rest was not read"' : "null";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v); // lone surrogates come out as \udXXX escapes
    case "number":
      if (v === v && v !== Infinity && v !== -Infinity) return v === 0 ? "0" : String(v);
      return v !== v ? "@nan" : v > 0 ? "@infinity" : "@-infinity";
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return "@bigint" + JSON.stringify(String(v));
    case "undefined":
      return "@undefined";
    case "function":
      return "@function";
    case "symbol":
      return "@symbol";
  }
  if (v === null) return "null";
  if (depth >= MAX_DEPTH) return "@deep";
  if (stack.includes(v)) return "@cycle";
  stack.push(v);
  try {
    if (Array.isArray(v)) {
      let s = "[";
      const n = v.length;
      for (let i = 0; i < n; i++) {
        if (i) s += ",";
        let x;
        try {
          x = v[i];
        } catch (e) {
          s += unreadable(e);
          continue;
        }
        s += enc(x, depth + 1, stack);
      }
      return s + "]";
    }
    if (v instanceof Date) {
      const t = v.getTime();
      return "@date" + JSON.stringify(t === t ? v.toISOString() : "Invalid Date");
    }
    const keys = Object.keys(v);
    let s = "{";
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      let x;
      try {
        x = v[k];
      } catch (e) {
        s += (first ? "" : ",") + JSON.stringify(k) + ":" + unreadable(e);
        first = false;
        continue;
      }
      if (x === undefined) continue; // an absent field, as JSON.stringify treats it
      s += (first ? "" : ",") + JSON.stringify(k) + ":" + enc(x, depth + 1, stack);
      first = false;
    }
    return s + "}";
  } catch (e) {
    return unreadable(e);
  } finally {
    stack.pop();
  }
}

function id(provider) {
  try {
    return typeof provider === "string" ? provider : String(provider);
  } catch {
    return "";
  }
}

function langOf(options) {
  try {
    const l = options && options.lang;
    return l === "zh" || l === "zh-CN" || l === "zh-Hans" ? "zh" : "en";
  } catch {
    return "en";
  }
}

function contextOf(options) {
  let c;
  try {
    c = options && options.context;
  } catch (e) {
    return unreadable(e);
  }
  return c === undefined || c === null ? "" : encode(c);
}

// The provider ids, in the order of the core's Provider::ALL (the wasm takes their index).
const INDEX = { zenlayer: 0, tencent: 1, openstack: 2, nova: 3, huawei: 4 };

function indexOf(p) {
  return Object.prototype.hasOwnProperty.call(INDEX, p) ? INDEX[p] : -1;
}

// 0 from the wasm: valid with no issues (nothing crosses back); 1: the report waits in take_report().
function report(status, provider, request) {
  if (status === 0) return { ok: true, provider, issues: [] };
  const r = JSON.parse(wasm.take_report());
  for (const issue of r.issues) if (issue.path.includes("\uFFFD")) issue.path = realPath(issue.path, request);
  return r;
}

// The core cannot hold an unpaired surrogate in a key: it shows U+FFFD in its place. Put the
// caller's own key back into the path.
function realPath(path, request) {
  let cur = request;
  const out = [];
  for (const seg of pointer(path)) {
    let key = seg;
    try {
      if (cur !== null && typeof cur === "object" && !Object.prototype.hasOwnProperty.call(cur, seg) && seg.includes("\uFFFD")) {
        key = Object.keys(cur).find((k) => k.toWellFormed() === seg) ?? seg;
      }
      cur = cur !== null && typeof cur === "object" ? cur[key] : undefined;
    } catch {
      cur = undefined;
    }
    out.push("/" + key.replace(/~/g, "~0").replace(/\//g, "~1"));
  }
  return out.join("");
}

/** Check a whole request: every problem at once. */
export function validate(provider, request, options) {
  need();
  const p = id(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return JSON.parse(wasm.refuse(p, lang));
  return report(wasm.check(i, encode(request), lang === "zh" ? 1 : 0, contextOf(options)), p, request);
}

/**
 * Check a request given as JSON text (a console's "paste JSON" box): number literals are checked as
 * written (`40.0`, a 255-digit name), which JSON.parse would change. Text that is not JSON is a
 * report (`wrong_type` at "", params.actual says where it stops being JSON).
 */
export function validateText(provider, text, options) {
  need();
  const p = id(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return JSON.parse(wasm.refuse(p, lang));
  const t = typeof text === "string" ? text : encode(text);
  return report(wasm.check(i, t, lang === "zh" ? 1 : 0, contextOf(options)), p, undefined);
}

/** Check one field (path: a JSON pointer such as "/ImageName") the way validate() would. */
export function checkField(provider, path, value, options) {
  need();
  const p = id(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return JSON.parse(wasm.refuse(p, lang));
  return report(wasm.check_field(i, id(path), encode(value), lang === "zh" ? 1 : 0), p, undefined);
}

function pointer(path) {
  return path
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function at(root, segs) {
  let cur = root;
  for (const s of segs) {
    if (cur === null || typeof cur !== "object") return undefined;
    try {
      if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
      cur = cur[s];
    } catch {
      return undefined;
    }
  }
  return cur;
}

/** Apply the safe fixes; returns the report of the result, `normalized` and `changes`. */
export function normalize(provider, request, options) {
  need();
  const p = id(provider);
  const body = encode(request);
  // A request cut off at the encoder's budget is not normalized: its report says why.
  const cut = truncated();
  const text = wasm.normalize(p, body, langOf(options), contextOf(options));
  const r = JSON.parse(text);
  if (cut) {
    r.normalized = request;
    r.changes = [];
    delete r.restore;
    return r;
  }
  if (!Array.isArray(r.changes)) {
    // Refused before normalizing (unknown provider): nothing was changed.
    r.normalized = request;
    r.changes = [];
    return r;
  }
  // Values JSON cannot carry come back as null: put the caller's own values back.
  for (const path of r.restore || []) {
    const segs = pointer(path);
    const original = at(request, segs);
    if (segs.length === 0) {
      r.normalized = original;
      continue;
    }
    const parent = at(r.normalized, segs.slice(0, -1));
    if (parent !== null && typeof parent === "object") {
      Object.defineProperty(parent, segs[segs.length - 1], { value: original, enumerable: true, writable: true, configurable: true });
    }
  }
  delete r.restore;
  return r;
}

/** The HTTP request to send for a valid request ({ ok: true, http }), or the report. */
export function toHttp(provider, request, options) {
  need();
  const p = id(provider);
  return JSON.parse(wasm.to_http(p, encode(request), langOf(options), contextOf(options)));
}

const own = (table, p) => (Object.prototype.hasOwnProperty.call(table, p) ? structuredClone(table[p]) : null);

/** The field descriptors a form needs; null for an unknown provider. Needs no init(). */
export function describe(provider) {
  return own(DESCRIBE, id(provider));
}

/** A JSON Schema (draft 2020-12) of the provider's request; null for an unknown provider. Needs no init(). */
export function jsonSchema(provider) {
  return own(SCHEMA, id(provider));
}

/** The provider ids. */
export const providers = Object.freeze(["zenlayer", "tencent", "openstack", "nova", "huawei"]);

export { standardSchema } from "./standard.js";
