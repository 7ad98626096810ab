// The browser entry of createimage (the "browser" and "default" conditions of "."): the API of
// index.js over all five providers. The .wasm comes inline (base64 of raw DEFLATE: one request, no
// .wasm file for a bundler or a server to get wrong) and is inflated and compiled, streaming, from
// the moment this module is imported. `ready` settles when it is done; synchronous calls made
// before that throw a clear Error (standardSchema() returns a Promise instead).
//
// Two modules (issue 11): the first holds what a form needs (validate, validateText, checkField);
// normalize() and toHttp() are in a second, full one, which only a page that uses them gets (a
// bundler leaves flavors/all/full.js out of the others: 8.6 KB gzipped less); it loads from import
// too, and `ready` waits for both.
import * as api from "./flavors/all/index.js";
import { createStandardSchema } from "./flavors/all/standard.js";
import { extra } from "./flavors/all/loads.js";
import { allLoaded, wasmResponse } from "./inline.js";
import WASM from "./flavors/all/wasm.js";

export * from "./flavors/all/index.js";

// The first module, from the inline .wasm (inflated only when a load starts) or `input`.
function initCheck(input) {
  return api.init(input === undefined ? () => wasmResponse(WASM[0]) : input);
}

/**
 * Resolves when the module is ready (both, on a page that uses normalize or toHttp). Loading starts
 * at import, from the inline .wasm; `input` (a URL, a Response, the bytes, a WebAssembly.Module of a
 * .wasm that scripts/build-wasm.sh made: pkg/wasm/createimage_bg.wasm in the repository, not in the
 * npm package) loads the first module from another source instead, if nothing has started loading
 * (the inline load starts at import, so in practice only after a failed load). After a failure, a
 * call tries again.
 */
export function init(input) {
  return allLoaded([initCheck(input), ...extra.map((m) => m.load())]);
}

/** Settles when the module is ready; rejects with the load's Error (e.g. a CSP that blocks wasm). */
export const ready = init();
// The Error is also thrown by the calls made after it: no unhandled rejection when nobody awaits.
ready.catch(() => {});

/** True once every function of this entry can be called. */
export function isReady() {
  return api.isReady() && extra.every((m) => m.isReady());
}

/** Standard Schema v1 (and Standard JSON Schema v1) of a provider's request, for form libraries. */
export function standardSchema(provider, options) {
  return createStandardSchema({ init: initCheck, isReady: api.isReady, validate: api.validate, jsonSchema: api.jsonSchema }, provider, options);
}
