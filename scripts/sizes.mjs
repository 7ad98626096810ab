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

// The flavors that carry a .wasm inline (pkg/flavors/<name>/): the .wasm as built, the inline
// module that carries it, and the glue.
const flavors = {};
const flavorDir = join(PKG, "flavors");
for (const name of existsSync(flavorDir) ? readdirSync(flavorDir).sort() : []) {
  const dir = join(flavorDir, name);
  const built = name === "all" ? join(PKG, "wasm", "createimage_bg.wasm") : join(ROOT, "target", "wasm-providers", name, `${name}_bg.wasm`);
  flavors[name] = {
    wasm: existsSync(built) ? measure(built) : null,
    inline: measure(join(dir, "wasm.js")),
    glue: measure(join(dir, "glue.js")),
  };
}

const out = {
  wasm,
  glue,
  handwritten,
  total: sum([wasm, glue, handwritten]),
  flavors,
  optLevel: optLevel || "default",
  stdFeatures,
  wasmOpt,
  wasmBindgen,
};
writeFileSync(join(PKG, "size.json"), JSON.stringify(out, null, 2) + "\n");

console.log(`size: main: wasm ${wasm.raw} B (gz ${wasm.gzip}) + glue ${glue.raw} B (gz ${glue.gzip}) = gz ${wasm.gzip + glue.gzip}; hand-written js ${handwritten.raw} B (gz ${handwritten.gzip})`);
for (const [name, f] of Object.entries(flavors)) {
  console.log(`size: ${name}: wasm ${f.wasm ? `${f.wasm.raw} B (gz ${f.wasm.gzip})` : "?"}, inline module ${f.inline.raw} B (gz ${f.inline.gzip}), glue gz ${f.glue.gzip}`);
}
