// createimage: check and normalize cloud CreateImage requests (Zenlayer, Tencent CVM, OpenStack
// Nova, Huawei IMS) in the browser and in Node, with the Rust core compiled to WebAssembly.
//
// The request becomes JSON text (JSON.stringify of a bounded plain copy for plain JSON values;
// otherwise one careful walk with `@` tokens for what JSON cannot carry: BigInt, NaN, functions,
// cycles, getters that throw, nesting past 64 levels), one string crosses into wasm with the
// provider and language as numbers, and a valid request comes back as 0: only a report crosses
// back, as one string for JSON.parse. Every value is read once, at most 1,000,000 of them, into at
// most 16 MiB of text; paths name the caller's own keys (lone surrogates included: the core writes
// them as \udXXX escapes). No function here throws on bad input, nor for a trap in the module
// (`guard`: the call again on a fresh instance); calling before the module is
// ready throws a clear Error (each entry starts loading it at import: see browser.js, sync.js and
// the per-provider entries).
import initWasm, * as wasm from "./wasm/createimage.js";
import { DESCRIBE, SCHEMA } from "./rules.js";
import { langOf, message, moduleLoader } from "./inline.js";

// ----- loading ------------------------------------------------------------------------------
const module = moduleLoader(
  initWasm,
  "",
  "createimage: the WebAssembly module is still loading (it starts at import): await ready (or init()) before " +
    "calling this synchronously; standardSchema() waits by itself, and createimage/sync is ready at import",
);

/**
 * Load the WebAssembly module: from `input` (a URL, a `Response` or a promise of one, the bytes,
 * a compiled `WebAssembly.Module`), else the entry's own source (the browser entry fetches
 * `wasm/createimage_bg.wasm` next to its glue, streaming). A call while a load is under way
 * returns that load; after a failure the next call tries again.
 */
export function init(input) {
  return module.init(input);
}

/** Synchronous initialisation from the module's bytes or a compiled WebAssembly.Module. */
export function initSync(input) {
  module.sync(() => wasm.initSync({ module: input }));
}

/** True once the module is ready (init() or initSync() has finished). */
export function isReady() {
  return module.isReady();
}

const need = module.need;

const MAX_DEPTH = 64;

// ----- the encoder: any JS value to JSON text, within a budget ---------------------------------
//
// At most MAX_VALUES values of one request are read, each once, and the text is at most
// MAX_TEXT_BYTES long (the core's json::MAX_TEXT_BYTES, in bytes of UTF-8; here counted in UTF-16
// code units, which are never more). Past the values budget the walk stops where it is and writes
// one `@unreadable` marker there; past the size it stops and the call is refused as too large.
// Either way nothing more is read: a sparse array of length 2**32 - 1, a typed array of 100
// million elements, an object with more keys than the budget, a lazy Proxy that makes new objects
// on every read, all stop at the budget.

const MAX_VALUES = 1_000_000;
/** The largest JSON text accepted, in bytes of UTF-8 (the core's `json::MAX_TEXT_BYTES`). */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;
const CUT_MARK = '@unreadable"the request holds more than 1,000,000 values: the rest was not read"';

let budget = MAX_VALUES;
let size = 0;
// "" (whole), "values" (cut at the values budget: the marker is in the text) or "size" (too large).
let cut = "";

/** JSON text of any JS value (with `@` tokens for what JSON cannot carry); never throws. */
export function encode(v) {
  // Fast path: a value that is plain JSON (strings, finite numbers, booleans, null, arrays, plain
  // objects, not too deep or too large) is copied once, within the budget, and the copy (which
  // nobody else can change between two reads) goes through the engine's own JSON.stringify.
  // Anything else, or anything that throws on the way, takes the careful walk.
  budget = MAX_VALUES;
  size = 0;
  cut = "";
  try {
    const text = JSON.stringify(copy(v, 0));
    if (text.length <= MAX_TEXT_BYTES) return text;
  } catch {
    // not plain JSON, over a budget, or a getter or a Proxy trap threw: the careful walk says which
  }
  budget = MAX_VALUES;
  size = 0;
  cut = "";
  const text = enc(v, 0, []);
  return cut === "size" ? "" : text;
}

const OBJECT_PROTO = Object.prototype;
// What copy() throws to leave the fast path: a plain object, not an Error. An Error captures a stack
// trace when it is created; with an inspector attached (DevTools open, or the load benchmark's
// CDP session) that asks for source positions, and V8 re-parses the whole bundle for them: ~11 ms
// of a throttled (4x CPU) page load, ~3 ms unthrottled, when this ran at module load (measured,
// docs/performance.md); 0-0.1 ms without an inspector.
const NOT_PLAIN = { notPlain: true };

/** Own enumerable string keys of an object, or null when it has more keys than the budget left. */
function keysOf(v) {
  if (Reflect.ownKeys(v).length > budget) return null;
  return Object.keys(v);
}

/** A plain copy of a plain JSON value; throws NOT_PLAIN at anything else or past a budget. */
function copy(v, depth) {
  if (--budget < 0) throw NOT_PLAIN;
  switch (typeof v) {
    case "string":
      if ((size += v.length + 2) > MAX_TEXT_BYTES) throw NOT_PLAIN;
      return v;
    case "boolean":
      return v;
    case "number":
      if (v - v === 0) return v; // finite (NaN and ±Infinity give NaN)
      throw NOT_PLAIN;
    case "object":
      break;
    default:
      throw NOT_PLAIN; // undefined, function, symbol, bigint: written as @ tokens
  }
  if (v === null) return v;
  if (depth >= MAX_DEPTH - 1) throw NOT_PLAIN; // the walk writes @deep there
  if (Array.isArray(v)) {
    const n = v.length;
    if (!(n <= budget)) throw NOT_PLAIN;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (x === undefined) throw NOT_PLAIN; // a hole or undefined: the walk writes @undefined
      out[i] = copy(x, depth + 1);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== OBJECT_PROTO && proto !== null) || typeof v.toJSON === "function") throw NOT_PLAIN;
  const keys = keysOf(v);
  if (keys === null) throw NOT_PLAIN;
  const out = Object.create(null); // so that a "__proto__" key is an own property
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if ((size += k.length + 4) > MAX_TEXT_BYTES) throw NOT_PLAIN;
    const x = v[k];
    if (x !== undefined) out[k] = copy(x, depth + 1);
  }
  return out;
}

function unreadable(e) {
  return "@unreadable" + JSON.stringify(message(e));
}

/** Count `n` more code units of output; false (and the call too large) past the limit. */
function fits(n) {
  if ((size += n) <= MAX_TEXT_BYTES) return true;
  cut = "size";
  return false;
}

function enc(v, depth, stack) {
  if (cut) return "";
  // Past the budget: one marker where the walk stopped (reported as unreadable), then nothing more.
  if (--budget < 0) {
    cut = "values";
    return CUT_MARK;
  }
  switch (typeof v) {
    case "string": {
      const s = JSON.stringify(v); // lone surrogates come out as \udXXX escapes
      return fits(s.length) ? s : "";
    }
    case "number":
      if (v === v && v !== Infinity && v !== -Infinity) return v === 0 ? "0" : String(v);
      return v !== v ? "@nan" : v > 0 ? "@infinity" : "@-infinity";
    case "boolean":
      return v ? "true" : "false";
    case "bigint": {
      const s = "@bigint" + JSON.stringify(String(v));
      return fits(s.length) ? s : "";
    }
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
    if (Array.isArray(v)) return items(v, v.length, depth, stack, "[", "]", false);
    if (v instanceof Date) {
      const t = v.getTime();
      return "@date" + JSON.stringify(t === t ? v.toISOString() : "Invalid Date");
    }
    // A typed array is an object of its indexes (as JSON.stringify writes it), read one by one
    // within the budget: never a list of all its keys.
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return items(v, v.length, depth, stack, "{", "}", true);
    const keys = keysOf(v);
    if (keys === null) {
      cut = "values";
      return CUT_MARK;
    }
    let s = "{";
    let first = true;
    for (let i = 0; i < keys.length && !cut; i++) {
      const k = keys[i];
      const key = JSON.stringify(k);
      if (!fits(key.length + 2)) break;
      let x;
      try {
        x = v[k];
      } catch (e) {
        const u = unreadable(e);
        if (!fits(u.length)) break;
        s += (first ? "" : ",") + key + ":" + u;
        first = false;
        continue;
      }
      if (x === undefined) continue; // an absent field, as JSON.stringify treats it
      s += (first ? "" : ",") + key + ":" + enc(x, depth + 1, stack);
      first = false;
    }
    return s + "}";
  } catch (e) {
    const u = unreadable(e);
    return fits(u.length) ? u : "";
  } finally {
    stack.pop();
  }
}

/** The items 0..n-1 of an array (or a typed array, as an object of its indexes). */
function items(v, n, depth, stack, open, close, keyed) {
  let s = open;
  for (let i = 0; i < n && !cut; i++) {
    if (i) s += ",";
    if (keyed) s += '"' + i + '":';
    // What the item writes besides its value (was 12 for every item: a ~9 MB array was refused as
    // over 16 MiB). A value's own text counts where it is written; the whole text's length is
    // checked again at the end.
    if (!fits(keyed ? String(i).length + 4 : 1)) break;
    let x;
    try {
      x = v[i];
    } catch (e) {
      const u = unreadable(e);
      if (!fits(u.length)) break;
      s += u;
      continue;
    }
    s += enc(x, depth + 1, stack);
  }
  return s + close;
}

function id(provider) {
  try {
    return typeof provider === "string" ? provider : String(provider);
  } catch {
    return "";
  }
}

/** `labels` ({ "/JSON/pointer": "label" }, `*` for any one segment) as JSON text of its string entries; "" for none. */
function labelsOf(options) {
  const out = {};
  let n = 0;
  try {
    const l = options && options.labels;
    if (l === null || typeof l !== "object") return "";
    for (const k of Object.keys(l)) {
      let v;
      try {
        v = l[k];
      } catch {
        continue; // a getter that throws: that label is skipped
      }
      if (typeof v === "string" && v !== "") {
        out[k] = v;
        n++;
      }
    }
  } catch {
    // a Proxy whose keys cannot be listed: the labels read so far
  }
  if (n === 0) return "";
  const text = JSON.stringify(out);
  return overLimit(text) ? "" : text;
}

/** The option flags the core reads: bit 0 `emptyAsAbsent`. */
function flagsOf(options) {
  try {
    return options && options.emptyAsAbsent === true ? 1 : 0;
  } catch {
    return 0;
  }
}

// The provider ids, in the order of the core's Provider::ALL (the wasm takes their index).
const INDEX = { zenlayer: 0, tencent: 1, openstack: 2, nova: 3, huawei: 4 };

function indexOf(p) {
  return Object.prototype.hasOwnProperty.call(INDEX, p) ? INDEX[p] : -1;
}

/**
 * The texts of a call: the request (and context) encoded, with how the encoder ended. `cut` is
 * "size" when either is too large (the call is refused before anything is copied into the
 * module), "values" when the request was cut at the values budget.
 */
function texts(request, options) {
  const body = encode(request);
  const bodyCut = cut;
  let context = "";
  let contextCut = "";
  let c;
  try {
    c = options && options.context;
  } catch (e) {
    c = undefined;
    context = unreadable(e);
  }
  if (c !== undefined && c !== null) {
    context = encode(c);
    contextCut = cut;
  }
  // The limit is in bytes of UTF-8; the encoder counted code units (never more than the bytes).
  const large = bodyCut === "size" || contextCut === "size" || overLimit(body) || overLimit(context);
  // (A context cut at the values budget is refused as a request is: its pre-flight facts were not all read.)
  return { body, context, cut: large ? "size" : bodyCut || contextCut };
}

/** The report refusing JSON text over MAX_TEXT_BYTES (made by the core, in the caller's language). */
function tooLarge(i, lang) {
  return guard(() => report(wasm.too_large(i, lang === "zh" ? 1 : 0)), i, "", lang);
}

/** The report refusing an unknown provider id `p` (made by the core, naming the ids it has). */
function refusal(p, lang) {
  return guard(() => report(wasm.refuse(p, lang === "zh" ? 1 : 0)), -1, p, lang);
}

/**
 * The report for a request cut at the values budget: one `unreadable` issue at "" (what was read
 * is not checked: a report of part of a request would say wrong things about the rest).
 */
function cutReport(i, p, lang) {
  return guard(() => marked(i, p, lang, CUT_MARK), i, p, lang);
}

/** The report of one `unreadable` issue at "" whose detail is the `@unreadable` token `mark`'s. */
function marked(i, p, lang, mark) {
  return report(wasm.check(i, mark, lang === "zh" ? 1 : 0, "", 1, "", 0), p);
}

// ----- a trap --------------------------------------------------------------------------------
//
// A call into the module that traps (it ran out of memory, say: a large request where the browser
// will not grow the module's memory further) throws a WebAssembly.RuntimeError and leaves that
// instance unusable: its memory stays as the trap left it, and every later call would trap too.
// `guard(run, ...)` (every call into the module, once it is loaded) makes the call again on a fresh
// instance of the same compiled module (the glue's `restart`, synchronous: no download, no compile);
// should that trap as well, the answer is the `unreadable` report of TRAP_MARK (for an unknown
// provider, the call a third time: its refusal), from a third instance. So a trap never escapes a
// call, and the next call starts clean. (The core's messages::OWN_DETAILS has the text in both
// languages.) Where the platform refuses the new instance, the glue keeps the old one (see
// scripts/gen-entries.mjs withRestart). The options are read once, outside `run`: a getter is not
// read again for the second attempt.
const TRAP_MARK = '@unreadable"the WebAssembly module failed twice (out of memory?) and was restarted"';

function guard(run, i, p, lang) {
  for (let k = 0; ; k++) {
    try {
      return k < 2 || i < 0 ? run() : marked(i, p, lang, TRAP_MARK);
    } catch (e) {
      // (A trap is a WebAssembly.RuntimeError; the stack overflowing inside the module, a
      // RangeError. A plain Error is the package's own, such as that of a module that could not be
      // loaded: the caller's to see, as is the third attempt's error.)
      if (k > 1 || e.constructor === Error) throw e;
      try {
        wasm.restart();
      } catch {
        // the platform refused a new instance: the next attempt runs on the old one
      }
    }
  }
}

// A provider id as the functions read it: past 100 UTF-16 code units, cut (with "…"; a pair cut in
// two leaves U+FFFD), as the refusal of an unknown id repeats it (an id of millions of characters
// would not fit in the module's memory).
function providerOf(provider) {
  const p = id(provider);
  return p.length > 100 ? p.slice(0, 100) + "…" : p;
}

// 0 from the wasm: valid with no issues (nothing crosses back); 1: the report waits in take_report()
// (refuse and too_large always return 1).
// Paths name the caller's own keys (lone surrogates included): the core writes them exactly.
function report(status, provider) {
  if (status === 0) return { ok: true, provider, issues: [] };
  return JSON.parse(wasm.take_report());
}

/** Check a whole request: every problem at once. */
export function validate(provider, request, options) {
  need();
  const p = providerOf(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return refusal(p, lang);
  const t = texts(request, options);
  if (t.cut) return t.cut === "size" ? tooLarge(i, lang) : cutReport(i, p, lang);
  const labels = labelsOf(options);
  const flags = flagsOf(options);
  return guard(() => report(wasm.check(i, t.body, lang === "zh" ? 1 : 0, t.context, 1, labels, flags), p), i, p, lang);
}

/** UTF-8 length of `s` (an unpaired surrogate counts 3, as the U+FFFD it becomes). */
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 4 bytes for 2 code units
      i++;
    } else n += 2;
  }
  return n;
}

/** Is this text over MAX_TEXT_BYTES bytes of UTF-8? (Counted only when it might be.) */
function overLimit(t) {
  return t.length > MAX_TEXT_BYTES || (t.length * 3 > MAX_TEXT_BYTES && utf8Length(t) > MAX_TEXT_BYTES);
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_ALL = new RegExp(LONE.source, "g");

/**
 * JSON text as the caller wrote it, for the core: an unpaired surrogate in it (which the copy into
 * the module would turn into U+FFFD) is written as its `\udXXX` escape, which means the same in a
 * JSON string; after a backslash it is left alone (an invalid escape either way).
 */
function exactText(t) {
  if (!LONE.test(t)) return t;
  let out = "";
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c < 0xdc00 && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    let slashes = 0;
    while (i - slashes - 1 >= 0 && t.charCodeAt(i - slashes - 1) === 0x5c) slashes++;
    if (slashes % 2 === 1) continue;
    out += t.slice(from, i) + "\\u" + c.toString(16);
    from = i + 1;
  }
  return out + t.slice(from);
}

/**
 * Check a request given as JSON text (a console's "paste JSON" box): number literals are checked as
 * written (`40.0`, a 255-digit name), which JSON.parse would change. Text that is not JSON is a
 * report (`wrong_type` at "", params.actual says where it stops being JSON); text over 16 MiB is
 * refused (`unreadable` at ""), before it is copied into the module.
 */
export function validateText(provider, text, options) {
  // (Not text: validate() reads the provider and the options, once.)
  if (typeof text !== "string") return validate(provider, text, options);
  need();
  const p = providerOf(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return refusal(p, lang);
  if (overLimit(text)) return tooLarge(i, lang);
  const t = texts(undefined, options);
  // (A context cut at the values budget is refused, as validate() refuses it.)
  if (t.cut) return t.cut === "size" ? tooLarge(i, lang) : cutReport(i, p, lang);
  const labels = labelsOf(options);
  const flags = flagsOf(options);
  const run = (body) => guard(() => report(wasm.check(i, body, lang === "zh" ? 1 : 0, t.context, 0, labels, flags), p), i, p, lang);
  const exact = exactText(text);
  const r = run(exact);
  // Text that is not JSON: its report gives where it stops being JSON, in characters of the text
  // as written, which the 6-character escapes of exactText would move. Such text is read again
  // with each unpaired surrogate as the one character U+FFFD (it is no more JSON for that).
  if (exact !== text && r.issues.length === 1 && r.issues[0].path === "" && r.issues[0].params.expected === "JSON") {
    return run(text.replace(LONE_ALL, "\uFFFD"));
  }
  return r;
}

/** Check one field (path: a JSON pointer such as "/ImageName") the way validate() would. */
export function checkField(provider, path, value, options) {
  need();
  const p = providerOf(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  if (i < 0) return refusal(p, lang);
  const body = encode(value);
  const bodyCut = cut;
  // The path as a JSON string: a key with an unpaired surrogate arrives whole.
  const where = JSON.stringify(id(path));
  if (bodyCut === "size" || overLimit(body) || overLimit(where)) return tooLarge(i, lang);
  // Cut at the values budget: the field is reported as not read (at its path).
  const labels = labelsOf(options);
  const flags = flagsOf(options);
  return guard(() => report(wasm.check_field(i, where, bodyCut ? CUT_MARK : body, lang === "zh" ? 1 : 0, labels, flags), p), i, p, lang);
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
  const p = providerOf(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  const t = texts(request, options);
  // A request too large, or cut at the encoder's budget, is not normalized: its report says why.
  if (i >= 0 && t.cut) {
    const r = t.cut === "size" ? tooLarge(i, lang) : cutReport(i, p, lang);
    return { ...r, normalized: request, changes: [] };
  }
  const labels = labelsOf(options);
  const flags = flagsOf(options);
  const r = guard(() => JSON.parse(wasm.normalize(p, t.body, lang, t.context, labels, flags)), i, p, lang);
  if (!Array.isArray(r.changes)) {
    // Refused before normalizing (unknown provider; a trap twice): nothing was changed.
    r.normalized = request;
    r.changes = [];
    delete r.restore;
    return r;
  }
  // Values JSON cannot carry come back as null: put the caller's own values back, each from its
  // place in the request to its place in the answer (a removed duplicate or a flattened list moves
  // the items after it).
  for (const [where, from] of r.restore || []) {
    const segs = pointer(where);
    const original = from === "" ? request : at(request, pointer(from));
    const parent = at(r, segs.slice(0, -1));
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
  const p = providerOf(provider);
  const i = indexOf(p);
  const lang = langOf(options);
  const t = texts(request, options);
  if (i >= 0 && t.cut) {
    return t.cut === "size" ? tooLarge(i, lang) : cutReport(i, p, lang);
  }
  const labels = labelsOf(options);
  const flags = flagsOf(options);
  return guard(() => JSON.parse(wasm.to_http(p, t.body, lang, t.context, labels, flags)), i, p, lang);
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
// (Marked pure: a bundler leaves the frozen array out of a page that does not import it.)
export const providers = /* @__PURE__ */ Object.freeze(["zenlayer", "tencent", "openstack", "nova", "huawei"]);

export { standardSchema } from "./standard.js";
