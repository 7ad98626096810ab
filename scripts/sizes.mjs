#!/usr/bin/env node
// The shipped sizes of the npm package, per file as served (gzip -9, the gzip program: Node's
// zlib gives a few % more on the same data), written to pkg/size.json and printed. Called by
// scripts/build-wasm.sh after the builds; tests/js/size.test.mjs reads pkg/size.json (and checks
// it is not stale) and measures what each entry adds to a Vite page.
//
//   node scripts/sizes.mjs OPT_LEVEL STD_FEATURES WASM_OPT_PASSES WASM_BINDGEN_VERSION
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PKG = join(ROOT, "pkg");
const [optLevel = "", stdFeatures = "", wasmOpt = "", wasmBindgen = ""] = process.argv.slice(2);

/** { file, raw, gzip } of a file (path relative to the repository). */
export function measure(path) {
  const raw = readFileSync(path).length;
  const r = spawnSync("gzip", ["-9", "-c", "-n", path], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`gzip -9 ${path}: ${r.stderr}`);
  return { file: relative(ROOT, path), raw, gzip: r.stdout.length };
}

const sum = (parts) => ({ raw: parts.reduce((n, p) => n + p.raw, 0), gzip: parts.reduce((n, p) => n + p.gzip, 0) });

const wasm = measure(join(PKG, "wasm", "createimage_bg.wasm"));
const glue = measure(join(PKG, "wasm", "createimage.js"));
// The package's own JS (not the generated per-provider entries, nor rules.js).
const handFiles = readdirSync(PKG)
  .filter((f) => /\.m?js$/.test(f) && f !== "rules.js" && !readFileSync(join(PKG, f), "utf8").startsWith("// @generated"))
  .sort()
  .map((f) => measure(join(PKG, f)));
const handwritten = { ...sum(handFiles), files: handFiles };

// The flavors that carry a .wasm inline (pkg/flavors/<name>/; not flavors/sync, which uses
// flavors/all's full module): each of their two modules, the .wasm as built, the inline module
// that carries it and the glue. `check` is the first module (no normalize/to_http), `full` the
// module a page that uses normalize or toHttp gets besides (and createimage/sync alone).
const flavors = {};
const flavorDir = join(PKG, "flavors");
const providerBuilds = join(ROOT, "target", "wasm-providers");
for (const name of existsSync(flavorDir) ? readdirSync(flavorDir).sort() : []) {
  const dir = join(flavorDir, name);
  if (!existsSync(join(dir, "wasm.js"))) continue;
  const built = {
    check: name === "all" ? join(providerBuilds, "all-check", "createimage_bg.wasm") : join(providerBuilds, `${name}-check`, `${name}_bg.wasm`),
    full: name === "all" ? join(PKG, "wasm", "createimage_bg.wasm") : join(providerBuilds, name, `${name}_bg.wasm`),
  };
  const files = { check: ["wasm.js", "glue.js"], full: ["full-wasm.js", "full-glue.js"] };
  flavors[name] = Object.fromEntries(
    Object.entries(files).map(([kind, [inline, glueFile]]) => [
      kind,
      { wasm: existsSync(built[kind]) ? measure(built[kind]) : null, inline: measure(join(dir, inline)), glue: measure(join(dir, glueFile)) },
    ]),
  );
}

// Node's module (pkg/flavors/node/: the full module built for speed, opt-level 3), which no page gets.
const nodeDir = join(flavorDir, "node");
const nodeBuilt = join(providerBuilds, "node", "createimage_bg.wasm");
const node = existsSync(join(nodeDir, "full-wasm.js"))
  ? { wasm: existsSync(nodeBuilt) ? measure(nodeBuilt) : null, inline: measure(join(nodeDir, "full-wasm.js")), glue: measure(join(nodeDir, "full-glue.js")) }
  : null;

const out = {
  wasm,
  glue,
  handwritten,
  total: sum([wasm, glue, handwritten]),
  flavors,
  node,
  optLevel: optLevel || "default",
  stdFeatures,
  wasmOpt,
  wasmBindgen,
};
writeFileSync(join(PKG, "size.json"), JSON.stringify(out, null, 2) + "\n");

console.log(`size: main: wasm ${wasm.raw} B (gz ${wasm.gzip}) + glue ${glue.raw} B (gz ${glue.gzip}) = gz ${wasm.gzip + glue.gzip}; hand-written js ${handwritten.raw} B (gz ${handwritten.gzip})`);
for (const [name, kinds] of Object.entries(flavors)) {
  for (const [kind, f] of Object.entries(kinds)) {
    console.log(`size: ${name} (${kind}): wasm ${f.wasm ? `${f.wasm.raw} B (gz ${f.wasm.gzip})` : "?"}, inline module ${f.inline.raw} B (gz ${f.inline.gzip}), glue gz ${f.glue.gzip}`);
  }
}
if (node) console.log(`size: node (full, opt-level 3): wasm ${node.wasm ? `${node.wasm.raw} B (gz ${node.wasm.gzip})` : "?"}, inline module ${node.inline.raw} B (gz ${node.inline.gzip}), glue gz ${node.glue.gzip}`);
