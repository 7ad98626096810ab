// Shared helpers of the JS tests: paths, the case files (with a number-exact reader), and a
// child-process runner. Not a test file itself (node --test only picks up *.test.mjs here).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PKG = join(ROOT, "pkg");
export const CASES = join(ROOT, "tests", "cases");
export const PROVIDERS = ["zenlayer", "tencent", "openstack", "nova", "huawei"];

/** Every `tests/cases/**\/*.json`, sorted, as absolute paths. */
export function caseFiles(dir = CASES) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...caseFiles(p));
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

export function rel(p) {
  return relative(ROOT, p);
}

// ----- a JSON reader that keeps the spelling of numbers -------------------------------------
//
// JSON.parse turns `40.0` into 40 and rounds a 255-digit integer or `1e400`; a JS number has no
// spelling, so the package's encoder sends the core String(n). This reader builds exactly what
// JSON.parse builds (strings are decoded by JSON.parse itself, so lone-surrogate escapes stay
// lone surrogates) and also lists every number literal that does not survive
// JSON.parse -> JSON.stringify unchanged, with the JSON pointer where it sits and why.

/** The exact decimal value of a JSON number literal as [sign, digits without zeros at either end, exponent]; "0" for zero. */
export function decimalKey(text) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const [, sign, int, frac = "", exp = "0"] = m;
  let digits = int + frac;
  let e = BigInt(exp) - BigInt(frac.length);
  const lead = digits.search(/[1-9]/);
  if (lead < 0) return "0";
  digits = digits.slice(lead);
  const trail = digits.length - digits.replace(/0+$/, "").length;
  digits = digits.slice(0, digits.length - trail);
  e += BigInt(trail);
  return `${sign}${digits}e${e}`;
}

/** The exact decimal value of a finite double, as `decimalKey` spells it. */
export function exactKey(n) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? "-" : "";
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  const e = exp === 0 ? -1074 : exp - 1075;
  if (m === 0n) return "0";
  return e >= 0 ? decimalKey(`${sign}${m << BigInt(e)}`) : decimalKey(`${sign}${m * 5n ** BigInt(-e)}e${e}`);
}

/**
 * What JS does to a JSON number literal: `"same"` when JSON.stringify(JSON.parse(literal)) is the
 * literal, `"respelled"` when the value is kept exactly but the spelling changes (`40.0` -> `40`,
 * `1e5` -> `100000`), `"rounded"` when the value changes (255 digits, `1e400`).
 */
export function numberFate(literal) {
  const n = JSON.parse(literal);
  if (JSON.stringify(n) === literal) return "same";
  if (Number.isFinite(n) && exactKey(n) === decimalKey(literal)) return "respelled";
  return "rounded";
}

function escapeSeg(s) {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Parse JSON text; returns `{ value, lossy: [{ path, literal }] }`. */
export function parseExact(text) {
  let i = 0;
  const lossy = [];
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const fail = (what) => {
    throw new SyntaxError(`${what} at offset ${i}`);
  };
  const str = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail("unterminated string");
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (path) => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      const o = {};
      ws();
      if (text[i] === "}") return i++, o;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a key");
        const k = str();
        ws();
        if (text[i++] !== ":") fail("expected ':'");
        // Same as JSON.parse: a repeated key keeps the last value; "__proto__" is an own key.
        Object.defineProperty(o, k, { value: value(`${path}/${escapeSeg(k)}`), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") return i++, o;
        fail("expected ',' or '}'");
      }
    }
    if (ch === "[") {
      i++;
      const a = [];
      ws();
      if (text[i] === "]") return i++, a;
      for (;;) {
        a.push(value(`${path}/${a.length}`));
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") return i++, a;
        fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 100000));
    if (!m) fail("unexpected token");
    i += m[0].length;
    if (m[0] === "true") return true;
    if (m[0] === "false") return false;
    if (m[0] === "null") return null;
    const fate = numberFate(m[0]);
    if (fate !== "same") lossy.push({ path, literal: m[0], fate });
    return Number(m[0]);
  };
  const v = value("");
  ws();
  if (i !== text.length) fail("trailing text");
  return { value: v, lossy };
}

/**
 * Load every case file: `[{ file, provider, cases: [{ name, request, ..., lossy: [literals] }] }]`.
 * `lossy` lists the number literals of the case's `request` and `context` that JS cannot carry.
 */
export function loadCases() {
  return caseFiles().map((file) => {
    const text = readFileSync(file, "utf8");
    const { value, lossy } = parseExact(text);
    const cases = value.cases.map((c, k) => ({
      ...c,
      lossy: lossy
        .filter((l) => l.path.startsWith(`/cases/${k}/request`) || l.path.startsWith(`/cases/${k}/context`))
        .map((l) => {
          const lit = l.literal.length > 24 ? `${l.literal.slice(0, 12)}…(${l.literal.length} chars)` : l.literal;
          return `${l.path.slice(`/cases/${k}`.length)} = ${lit} ${l.fate} as ${JSON.stringify(JSON.parse(l.literal)).slice(0, 24)}`;
        }),
    }));
    return { file, name: rel(file), provider: value.provider, cases, value };
  });
}

/** Sorted `path code` strings of a report's issues (the multiset the case files give). */
export function pairs(issues) {
  return issues.map((x) => `${JSON.stringify(x[0] ?? x.path)} ${x[1] ?? x.code}`).sort();
}

/** Run a Node ES module (source text) in a fresh process; `{ status, stdout, stderr }`. */
export function runModule(source, { cwd = ROOT, timeout = 30000 } = {}) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", source], { cwd, encoding: "utf8", timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}
