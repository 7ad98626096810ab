// Types: tests/js/types/usage.ts compiles against pkg/index.d.ts (its @ts-expect-error lines must
// each be an error, or tsc reports the directive as unused), and the declarations match the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../../pkg/node.js";
import { PKG, ROOT } from "./helpers.mjs";

const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const DTS = readFileSync(join(PKG, "index.d.ts"), "utf8");

test("types: tsc --noEmit -p tests/js/types exits 0", () => {
  const version = spawnSync(TSC, ["--version"], { encoding: "utf8" }).stdout.trim();
  console.log(`tsc: ${version}`);
  const r = spawnSync(TSC, ["--noEmit", "-p", join("tests", "js", "types")], { cwd: ROOT, encoding: "utf8", timeout: 90000 });
  assert.equal(r.status, 0, `tsc failed (${r.error ?? r.signal ?? r.status}):\n${r.stdout}${r.stderr}`);
  const usage = readFileSync(join(ROOT, "tests", "js", "types", "usage.ts"), "utf8");
  assert.match(usage, /\/\/ @ts-expect-error[^\n]*\nvalidate\("aws", \{\}\);/);
  assert.match(usage, /const _x: never = code;/);
});

test("types: index.d.ts declares exactly the runtime exports, and no `any`", () => {
  const declared = [...DTS.matchAll(/^export (?:declare )?(?:function|const) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(declared)].sort(), Object.keys(api).sort());
  const code = DTS.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  assert.doesNotMatch(code, /\bany\b/);
});

test("types: the unions in index.d.ts are the core's vocabulary", () => {
  const union = (name) => {
    const m = new RegExp(`export type ${name} =([^;]*);`).exec(DTS);
    assert.ok(m, name);
    return [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]);
  };
  assert.deepEqual(union("Provider"), [...api.providers]);
  assert.deepEqual(union("IssueCode"), [
    "required", "wrong_type", "empty", "too_short", "too_long", "out_of_range", "bad_char", "bad_format", "not_allowed",
    "conflict", "missing_one_of", "requires", "duplicate", "unknown_field", "too_many", "too_deep", "unreadable",
    "not_found", "bad_state", "quota_exceeded", "not_supported", "mismatch", "already_exists",
  ]);
  assert.deepEqual(union("ChangeCode"), ["trim", "fold_width", "remove_zero_width", "canonical_enum", "number_from_string", "flattened_to_array", "remove_duplicate"]);
  // Cross-check with the Rust sources the codes come from.
  const report = readFileSync(join(ROOT, "src", "report.rs"), "utf8");
  const codes = /codes! \{([\s\S]*?)\n\}/.exec(report)[1];
  assert.deepEqual([...codes.matchAll(/=> "([a-z_]+)"/g)].map((m) => m[1]), union("IssueCode"));
  const normalize = readFileSync(join(ROOT, "src", "normalize.rs"), "utf8");
  const changes = /pub fn as_str\(self\) -> &'static str \{([\s\S]*?)\n {4}\}/.exec(normalize)[1];
  assert.deepEqual([...changes.matchAll(/=> "([a-z_]+)"/g)].map((m) => m[1]), union("ChangeCode"));
});
