// Same answers as the Rust suite: every case file of tests/cases/ through the built package's
// validate() (with the case's lang and context): the (path, code) multiset, `ok`, and the params
// subsets the case gives; with `changes` (and `normalized`), what normalize() does. A case's
// `source` names where the provider's answer comes from. Cases whose number literals JS cannot
// carry are skipped, each named.
import { test } from "node:test";
import assert from "node:assert/strict";
import { normalize, validate } from "../../pkg/node.js";
import { loadCases, pairs, parseExact, PROVIDERS } from "./helpers.mjs";
import { readFileSync } from "node:fs";

const files = loadCases();

// The params of each code as index.d.ts declares them (IssueParamsMap), plus Huawei's `part`.
const PARAM_KEYS = {
  required: [[]],
  wrong_type: [["expected", "actual"], ["field", "expected", "actual"]],
  empty: [[]],
  too_short: [["min", "actual", "unit"]],
  too_long: [["max", "actual", "unit"]],
  out_of_range: [["min", "max", "actual"]],
  bad_char: [["char", "codePoint", "index"]],
  bad_format: [["format"]],
  not_allowed: [["allowed", "actual"]],
  conflict: [["with"]],
  missing_one_of: [["fields"]],
  requires: [["field"]],
  duplicate: [["value", "first"]],
  unknown_field: [["field"]],
  too_many: [["max", "actual"]],
  too_deep: [["max"]],
  unreadable: [["detail"]],
  not_found: [["what", "value"]],
  bad_state: [["what", "state", "allowed"]],
  quota_exceeded: [["limit", "actual"], ["remaining"]],
  not_supported: [["what", "value"]],
  mismatch: [["what", "expected", "actual"]],
  already_exists: [["value"]],
};
// Values of params that index.d.ts declares as unions.
const VALUE_TYPES = new Set(["null", "boolean", "number", "string", "array", "object", "bigint", "NaN", "Infinity", "-Infinity", "function", "symbol", "undefined", "cycle", "date", "unreadable", "too deep"]);
const ISSUE_KEYS = new Set(["path", "code", "severity", "providerCode", "params", "message", "shortMessage", "suggestion", "paths"]);

function deepEqual(a, b) {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** The failures of one case, as text (empty when it passes). */
function runCase(provider, c) {
  const options = {};
  if (c.lang !== undefined) options.lang = c.lang;
  if (Object.hasOwn(c, "context")) options.context = c.context;
  if (c.emptyAsAbsent !== undefined) options.emptyAsAbsent = c.emptyAsAbsent;
  const report = validate(provider, c.request, options);
  const errs = [];
  if (report.provider !== provider) errs.push(`provider: ${report.provider}`);
  if (typeof c.ok === "boolean" && report.ok !== c.ok) errs.push(`ok: expected ${c.ok}, got ${report.ok}`);
  if (report.ok !== !report.issues.some((i) => i.severity === "error")) errs.push("ok disagrees with the severities");
  const want = pairs(c.issues ?? []);
  const got = pairs(report.issues);
  if (!deepEqual(got, want)) errs.push(`issues: expected [${want.join(", ")}], got [${got.join(", ")}]`);
  for (const [path, code, expect] of c.params ?? []) {
    const matching = report.issues.filter((i) => i.path === path && i.code === code);
    const ok = matching.some((i) =>
      Object.entries(expect).every(([k, v]) => {
        const actual = k === "providerCode" || k === "severity" || k === "suggestion" || k === "paths" ? i[k] : i.params?.[k];
        return deepEqual(actual, v);
      }),
    );
    if (!ok) errs.push(`params ${path} ${code}: expected ${JSON.stringify(expect)}, got ${matching.map((i) => JSON.stringify(i)).join(" | ") || "no such issue"}`);
  }
  if ("source" in c && !(typeof c.source === "string" && (c.source.startsWith("http") || c.source.startsWith("seed:"))))
    errs.push(`source must be a URL or seed:<file>, not ${JSON.stringify(c.source)}`);
  if (Array.isArray(c.changes)) {
    const n = normalize(provider, c.request, options);
    const want = pairs(c.changes.map(([path, code]) => ({ path, code })));
    const got = pairs(n.changes);
    if (!deepEqual(got, want)) errs.push(`normalize changes: expected [${want.join(", ")}], got [${got.join(", ")}]`);
    if ("normalized" in c && !deepEqual(n.normalized, c.normalized))
      errs.push(`normalized: expected ${JSON.stringify(c.normalized)}, got ${JSON.stringify(n.normalized)}`);
  }
  // The report's shape is what index.d.ts says.
  for (const i of report.issues) {
    const extra = Object.keys(i).filter((k) => !ISSUE_KEYS.has(k));
    if (extra.length) errs.push(`issue ${i.path} ${i.code}: unexpected keys ${extra}`);
    if (typeof i.message !== "string" || i.message === "") errs.push(`issue ${i.path} ${i.code}: no message`);
    if (typeof i.shortMessage !== "string" || i.shortMessage === "") errs.push(`issue ${i.path} ${i.code}: no shortMessage`);
    if ("paths" in i && !(Array.isArray(i.paths) && i.paths.length > 1 && i.paths.every((p) => typeof p === "string" && p.startsWith("/"))))
      errs.push(`issue ${i.path} ${i.code}: paths ${JSON.stringify(i.paths)}`);
    if (i.severity !== "error" && i.severity !== "warning") errs.push(`issue ${i.path} ${i.code}: severity ${i.severity}`);
    if ("providerCode" in i && typeof i.providerCode !== "string") errs.push(`issue ${i.path} ${i.code}: providerCode ${i.providerCode}`);
    if (i.code === "wrong_type" && !VALUE_TYPES.has(i.params.actual)) errs.push(`issue ${i.path}: wrong_type actual ${i.params.actual} is not a ValueType`);
    if ((i.code === "too_long" || i.code === "too_short") && !["chars", "bytes"].includes(i.params.unit)) errs.push(`issue ${i.path}: unit ${i.params.unit}`);
    if ("part" in i.params && !["key", "value"].includes(i.params.part)) errs.push(`issue ${i.path}: part ${i.params.part}`);
    const keys = Object.keys(i.params).filter((k) => k !== "part");
    if (!PARAM_KEYS[i.code]) errs.push(`issue ${i.path}: unknown code ${i.code}`);
    else if (!PARAM_KEYS[i.code].some((ks) => deepEqual([...ks].sort(), [...keys].sort())))
      errs.push(`issue ${i.path} ${i.code}: params keys ${keys} (index.d.ts says ${PARAM_KEYS[i.code].map((k) => k.join(",")).join(" or ")})`);
  }
  return errs;
}

const counts = { run: 0, skipped: 0, perProvider: {} };
const skipped = [];

test("the number-exact reader reads what JSON.parse reads", () => {
  for (const f of files) {
    const text = readFileSync(f.file, "utf8");
    const viaJs = JSON.parse(text);
    const { value } = parseExact(text);
    // Equal except where a literal is lossy, and then equal to JSON.parse's rounding.
    assert.deepStrictEqual(value, viaJs, f.name);
  }
});

for (const f of files) {
  test(`cases: ${f.name}`, () => {
    assert.ok(PROVIDERS.includes(f.provider), `${f.name}: unknown provider ${f.provider}`);
    const failures = [];
    for (const c of f.cases) {
      if (c.lossy.length) {
        counts.skipped++;
        skipped.push(`${f.name} :: ${c.name} (${c.lossy.join("; ")})`);
        continue;
      }
      counts.run++;
      counts.perProvider[f.provider] = (counts.perProvider[f.provider] ?? 0) + 1;
      const errs = runCase(f.provider, c);
      if (errs.length) failures.push(`${c.name}\n    ${errs.join("\n    ")}`);
    }
    assert.equal(failures.length, 0, `${failures.length} of ${f.cases.length} cases failed:\n${failures.join("\n")}`);
  });
}

test("case counts (run, skipped: number literals JS cannot carry)", () => {
  const total = files.reduce((n, f) => n + f.cases.length, 0);
  console.log(`cases: ${total} in ${files.length} files; run ${counts.run} ${JSON.stringify(counts.perProvider)}; skipped ${counts.skipped}`);
  for (const s of skipped) console.log(`  skipped: ${s}`);
  assert.equal(counts.run + counts.skipped, total);
  for (const p of PROVIDERS) assert.ok(counts.perProvider[p] > 0, `no cases run for ${p}`);
  assert.ok(counts.skipped <= 10, `only a handful of cases may be skipped, not ${counts.skipped}`);
});
