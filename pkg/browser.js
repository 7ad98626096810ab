// The browser entry of createimage (the "browser" and "default" conditions of "."): the API of
// index.js over all five providers. The .wasm comes inline (base64 of raw DEFLATE: one request, no
// .wasm file for a bundler or a server to get wrong) and is inflated and compiled, streaming, from
// the moment this module is imported. `ready` settles when it is done; synchronous calls made
// before that throw a clear Error (standardSchema() returns a Promise instead).
import * as api from "./flavors/all/index.js";
import { createStandardSchema } from "./flavors/all/standard.js";
import { wasmResponse } from "./inline.js";
import WASM from "./flavors/all/wasm.js";

export * from "./flavors/all/index.js";

let loading;

/**
 * Resolves when the module is ready. Loading starts at import, from the inline .wasm; `input` (a
 * URL, a Response, the bytes, a WebAssembly.Module) loads another source instead, if nothing has
 * loaded yet. After a failure, a call tries again.
 */
export function init(input) {
  if (api.isReady()) return Promise.resolve();
  if (loading === undefined) {
    loading = api.init(input === undefined ? wasmResponse(WASM[0]) : input);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** Settles when the module is ready; rejects with the load's Error (e.g. a CSP that blocks wasm). */
export const ready = init();
// The Error is also thrown by the calls made after it: no unhandled rejection when nobody awaits.
ready.catch(() => {});

/** Standard Schema v1 (and Standard JSON Schema v1) of a provider's request, for form libraries. */
export function standardSchema(provider, options) {
  return createStandardSchema({ init, isReady: api.isReady, validate: api.validate, jsonSchema: api.jsonSchema }, provider, options);
}
