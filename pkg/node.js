// Node entry (the "node" condition of "."): the API of the main entry (all five providers), ready at
// import, as createimage/sync is, over a module of its own: the same Rust built for speed, not size
// (scripts/build-wasm.sh build_fast: opt-level 3; 0.56-0.82x of createimage/sync's time per validate
// on the peer benchmark's requests, for ~40 KB more gzipped, which a server does not download).
// Inline, so no file is read: it works wherever a bundler copies it (Next.js server builds, Vitest,
// webpack's node target). Decoded and inflated by Node's own Buffer and zlib where
// process.getBuiltinModule has them (Node 20.16, 22.3), else by atob and fflate.
import { inflateSync } from "fflate";
import * as api from "./flavors/node/index.js";
import { createStandardSchema } from "./flavors/node/standard.js";
import { bytesOf, startSync } from "./inline.js";
import WASM from "./flavors/node/full-wasm.js";

export * from "./flavors/node/index.js";

/** Node's built-in module `name`, or undefined. */
function builtin(name) {
  try {
    return typeof process === "object" && process !== null && typeof process.getBuiltinModule === "function" ? process.getBuiltinModule(name) : undefined;
  } catch {
    return undefined;
  }
}

function bytes() {
  const buffer = builtin("buffer");
  const zlib = builtin("zlib");
  try {
    if (buffer && zlib) return zlib.inflateRawSync(buffer.Buffer.from(WASM[0], "base64"));
  } catch {
    // (a zlib that fails: fflate's turn)
  }
  return inflateSync(bytesOf(WASM[0]));
}

const started = startSync(api.init, api.initSync, bytes);
/** Resolves when the module is ready (at once, unless synchronous compilation was refused); after a failure, tries again. */
export const init = started.init;
/** Settles when the module is ready: resolved at import, unless synchronous compilation was refused. */
export const ready = started.ready;

/** Standard Schema v1 (and Standard JSON Schema v1) of a provider's request, for form libraries. */
export function standardSchema(provider, options) {
  return createStandardSchema({ init, isReady: api.isReady, validate: api.validate, jsonSchema: api.jsonSchema }, provider, options);
}
