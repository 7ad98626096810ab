// Loading a .wasm that an entry carries inline: `[base64, tables]`, the base64 of raw DEFLATE (on the
// wire it costs what the .wasm gzipped does, and there is no file for a bundler or a server to get
// wrong) of the .wasm with its sorted Unicode tables filtered (scripts/range-tables.mjs: -4 to -5 KB
// gzipped); `tables` says where, and unpack() undoes it.

/** The bytes of base64 text. */
export function bytesOf(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * `b` (the inflated .wasm from file offset `base` on) with the tables restored, in place: `tables` is
 * `[offset, count, recordBytes, wordBytes, ...]`; each table is stored as byte planes (the low bytes
 * of every record's first word, then the next byte...) of the differences between neighbouring
 * records' words, modulo 2^(8 * wordBytes).
 */
export function unpack(b, tables, base = 0) {
  for (let k = 0; k < tables.length; k += 4) {
    const [o, n, r, s] = tables.slice(k, k + 4), at = o - base, m = 2 ** (8 * s), planes = b.slice(at, at + n * r);
    for (let j = 0; j < r / s; j++) {
      for (let i = 0, v = 0; i < n; i++) {
        let d = 0;
        for (let x = s; x--; ) d = d * 256 + planes[(j * s + x) * n + i];
        v = (v + d) % m;
        for (let x = 0, w = v; x < s; x++, w = Math.floor(w / 256)) b[at + i * r + j * s + x] = w % 256;
      }
    }
  }
  return b;
}

/** The .wasm of an inline module, inflated by `inflate` (a synchronous raw-DEFLATE inflater). */
export function wasmBytes([base64, tables], inflate) {
  return unpack(inflate(bytesOf(base64)), tables);
}

/**
 * A `Response` streaming the .wasm of an inline module (DecompressionStream "deflate-raw": Chrome
 * 103, Firefox 113, Safari 16.4, Node 20.12), for a streaming compile (WebAssembly.instantiateStreaming).
 */
export function wasmResponse([base64, tables]) {
  let body = new Blob([bytesOf(base64)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  if (tables.length) body = body.pipeThrough(restoring(tables));
  return new Response(body, { headers: { "content-type": "application/wasm" } });
}

/**
 * A TransformStream of the inflated bytes that undoes the filter: the bytes before the first table
 * (the code section) stream through; the rest (the data) is kept and restored at the end.
 */
export function restoring(tables) {
  const start = tables[0], tail = [];
  let at = 0;
  return new TransformStream({
    transform(chunk, out) {
      const pass = Math.min(chunk.length, Math.max(0, start - at));
      if (pass) out.enqueue(chunk.subarray(0, pass));
      if (pass < chunk.length) tail.push(chunk.subarray(pass));
      at += chunk.length;
    },
    flush(out) {
      const b = new Uint8Array(Math.max(0, at - start));
      let i = 0;
      for (const c of tail) b.set(c, (i += c.length) - c.length);
      out.enqueue(unpack(b, tables, start));
    },
  });
}
