// Loading a .wasm that an entry carries inline (base64 of raw DEFLATE: on the wire it costs what the
// .wasm gzipped does, and there is no file for a bundler or a server to get wrong).

/** The bytes of base64 text. */
export function bytesOf(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * A `Response` streaming the inflated .wasm (DecompressionStream "deflate-raw": Chrome 103, Firefox
 * 113, Safari 16.4, Node 20.12), for a streaming compile (WebAssembly.instantiateStreaming).
 */
export function wasmResponse(base64) {
  const body = new Blob([bytesOf(base64)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(body, { headers: { "content-type": "application/wasm" } });
}
