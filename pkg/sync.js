// createimage/sync: the API of the main entry (all five providers), ready at import: the inline
// .wasm is inflated (fflate) and compiled synchronously (the Node entry, node.js, is the same over
// a build of its own, made for speed). Where a
// platform refuses to compile it synchronously (Chromium before 114 on a page's main thread allows
// 4 KB; 114 and later 8 MB, and this module is ~155 KB), it is compiled asynchronously instead:
// `ready` settles when done, and synchronous calls before that throw a clear Error.
import { inflateSync } from "fflate";
import * as api from "./flavors/sync/index.js";
import { createStandardSchema } from "./flavors/sync/standard.js";
import { bytesOf, startSync } from "./inline.js";
import WASM from "./flavors/all/full-wasm.js";

export * from "./flavors/sync/index.js";

const started = startSync(api.init, api.initSync, () => inflateSync(bytesOf(WASM[0])));
/** Resolves when the module is ready (at once, unless synchronous compilation was refused); after a failure, tries again. */
export const init = started.init;
/** Settles when the module is ready: resolved at import, unless synchronous compilation was refused. */
export const ready = started.ready;

/** Standard Schema v1 (and Standard JSON Schema v1) of a provider's request, for form libraries. */
export function standardSchema(provider, options) {
  return createStandardSchema({ init, isReady: api.isReady, validate: api.validate, jsonSchema: api.jsonSchema }, provider, options);
}
