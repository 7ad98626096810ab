// Loading a .wasm that an entry carries inline: the base64 of raw DEFLATE (on the wire it costs what
// the .wasm gzipped does, and there is no file for a bundler or a server to get wrong) of the .wasm
// with its sorted Unicode tables filtered (scripts/range-tables.mjs: -4 KB gzipped). The module is
// compiled as it comes, filtered tables and all (a data segment is only bytes to copy into memory);
// the flavor's glue calls `restore(tables)` on each instance's memory before it keeps the instance
// (scripts/gen-entries.mjs adds that call), so no export ever runs on filtered tables.

/** The text of an Error (or of anything thrown); never throws. */
export function message(e) {
  try {
    return String(e && e.message !== undefined ? e.message : e);
  } catch {
    return "unreadable";
  }
}

/**
 * The language of `options.lang`: any BCP 47 tag (`navigator.language`) gives "zh" for every `zh` (or
 * `cmn`) tag, whatever its subtags (zh-CN, zh-Hans-CN, zh-TW...), "en" for any other; as the core's
 * Lang::from_bcp47. Never throws (a getter that throws: "en").
 */
export function langOf(options) {
  try {
    const l = options && options.lang;
    return typeof l === "string" && /^(?:zh|cmn)(?:[-_]|$)/i.test(l) ? "zh" : "en";
  } catch {
    return "en";
  }
}

/**
 * The Error for a module that could not be loaded, with what to do about it (`cause`: the original);
 * `which`: " of normalize and toHttp" for a browser entry's second module, else "".
 */
export function loadError(e, which = "") {
  const m = message(e);
  let hint = "";
  if (/content.security.policy|\bCSP\b|unsafe-eval/i.test(m)) {
    hint = "; the page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src " +
      "(script-src 'self' 'wasm-unsafe-eval'), which allows compiling WebAssembly and nothing else";
  } else if (/DecompressionStream|compression format/i.test(m)) {
    hint = "; this platform cannot inflate the inline module (DecompressionStream \"deflate-raw\": Chrome 103, Firefox 113, " +
      "Safari 16.4, Node 20.12): import \"createimage/sync\", which inflates it itself";
  } else if (e instanceof RangeError && /main thread|size/i.test(m)) {
    hint = "; this platform refuses to compile a module of this size synchronously here: use init() (asynchronous)";
  } else if (typeof process === "object" && process !== null && process.versions && process.versions.node) {
    hint = "; in Node, import \"createimage\" (its \"node\" entry loads itself synchronously) or \"createimage/sync\"";
  }
  return new Error("createimage: could not load the WebAssembly module" + which + " (" + m + ")" + hint, { cause: e });
}

let segmenter;

/** The chars (Unicode scalar values) of a segment; 0 for anything but a non-empty string. */
function chars(t) {
  let k = 0;
  if (typeof t === "string") for (let i = 0; i < t.length; i++) if ((t.charCodeAt(i) & 0xfc00) !== 0xdc00 || (t.charCodeAt(i - 1) & 0xfc00) !== 0xd800) k++;
  return k;
}

/**
 * The number of chars (Unicode scalar values) in the longest prefix of `s` that has at most `max`
 * of them and ends on an extended grapheme cluster boundary (UAX #29). The one-provider modules
 * import it to cut a suggestion or a long label (the core's `intl-segmenter` feature: the
 * platform's `Intl.Segmenter`, ICU, instead of unicode-segmentation's tables in the module,
 * docs/dependencies.md); they pass at most `max + 1` chars. Where there is no `Intl.Segmenter`
 * (Firefox before 125) the cut moves back over combining marks, Grapheme_Extend characters, emoji
 * modifiers and joiners only. Never throws, and ends after at most `max + 1` segments whatever the
 * platform's objects do (no string iterator; a segment that is not a non-empty string sends the cut
 * to that fallback; where the fallback itself fails, `max`).
 */
export function graphemeEnd(s, max) {
  try {
    let n = 0;
    segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
    for (const { segment } of segmenter.segment(s)) {
      const k = chars(segment);
      if (k === 0) throw 0;
      if (n + k > max) break;
      n += k;
    }
    return n;
  } catch {
    try {
      // k: the chars before UTF-16 index i; n: the last k with a boundary before char k.
      const extend = /[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\u200d]/uy;
      let n = 0, k = 0, i = 0;
      for (; i < s.length && k <= max; i += s.codePointAt(i) > 0xffff ? 2 : 1, k++) {
        extend.lastIndex = i;
        if (!extend.test(s) && s.charCodeAt(i - 1) !== 0x200d) n = k;
      }
      return k <= max ? k : n;
    } catch {
      return max;
    }
  }
}

/** The bytes of base64 text. */
export function bytesOf(base64) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * `b` with the tables restored, in place: `tables` is `[address, count, recordBytes, wordBytes,
 * signature, ...]` (addresses in `b`: the memory's, aligned to wordBytes, 4 or 2); each table is
 * stored as byte planes (the low bytes of every record's first word, then the next byte...) of the
 * differences between neighbouring records' words, modulo 2^(8 * wordBytes). Written for code that
 * runs once, before the JIT has looked at it: a typed-array store and a few bit operations per word
 * (wasm memory is little-endian, as the typed arrays of every engine that runs wasm are).
 */
export function unpack(b, tables) {
  for (let k = 0; k < tables.length; k += 5) {
    const at = tables[k], n = tables[k + 1], r = tables[k + 2], s = tables[k + 3], words = r / s;
    const p = b.slice(at, at + n * r), out = new (s === 4 ? Uint32Array : Uint16Array)(b.buffer, b.byteOffset + at, n * words);
    for (let j = 0; j < words; j++) {
      // Word j of every record: planes p[q..], p[q + n..] (and p[q + 2n..], p[q + 3n..]).
      let q = j * s * n, v = 0;
      if (s === 4) for (let o = j, e = q + n; q < e; q++, o += words) out[o] = v = (v + (p[q] | (p[q + n] << 8) | (p[q + 2 * n] << 16) | (p[q + 3 * n] << 24))) | 0;
      else for (let o = j, e = q + n; q < e; q++, o += words) out[o] = v = (v + (p[q] | (p[q + n] << 8))) & 0xffff;
    }
  }
  return b;
}

/**
 * What restores an instance's filtered tables in its memory: each table whose first four bytes are
 * still its `signature` (the filtered bytes' first four, which the build checked differ from the
 * table's own), so that a memory already restored, or the instance of another .wasm (the main
 * entry's `init(input)`), is left as it is.
 */
export function restore(tables) {
  return (memory) => {
    const b = new Uint8Array(memory.buffer), todo = [];
    for (let k = 0; k < tables.length; k += 5) {
      const at = tables[k];
      if (b.length >= at + tables[k + 1] * tables[k + 2] && ((b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0) === tables[k + 4]) todo.push(...tables.slice(k, k + 5));
    }
    unpack(b, todo);
  };
}

/**
 * A `Response` streaming the inflated .wasm of an inline module (DecompressionStream "deflate-raw":
 * Chrome 103, Firefox 113, Safari 16.4, Node 20.12), for a streaming compile
 * (WebAssembly.instantiateStreaming); its tables stay filtered until the glue restores them. A
 * promise: where the platform has no "deflate-raw" (Safari before 16.4), the load rejects (`ready`
 * says why) instead of the entry's import throwing.
 *
 * The bytes go in through a ReadableStream of one chunk, not a Blob's `stream()`: in Chromium 156
 * the streaming compile then took 2-3 ms instead of 15-17 ms (a Blob is read back asynchronously
 * from the browser's blob storage), and the page's first result came ~10 ms sooner, unthrottled and
 * throttled (docs/performance.md, "The inflating stream").
 */
export async function wasmResponse(base64) {
  const bytes = bytesOf(base64);
  const body = new ReadableStream({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  }).pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(body, { headers: { "content-type": "application/wasm" } });
}

/**
 * The start of an entry that is ready at import (createimage/sync, Node): `initAsync` and
 * `initSync` are its flavor's index.js init and initSync, `bytes()` its .wasm. Compiled
 * synchronously; where that fails (the platform refuses to compile it on this thread, or `bytes()`
 * throws), asynchronously, through the loader that records a failure: `ready` then rejects with
 * the load's Error, which the synchronous calls throw too. Returns `{ init, ready }`: `init()` loads (again, after a
 * failure), `ready` settles when loaded (already resolved, unless the synchronous compile was
 * refused; it never rejects unhandled). (Functions, not the flavor's namespace object: a bundler
 * that sees the namespace passed as a value keeps every export of it, normalize and all.)
 */
export function startSync(initAsync, initSync, bytes) {
  const init = () => initAsync(bytes);
  let ready;
  try {
    initSync(bytes());
    ready = Promise.resolve();
  } catch {
    ready = init();
  }
  ready.catch(() => {});
  return { init, ready };
}

/**
 * One promise for an entry's loads (its first module's, then its second's on a page that has one):
 * resolves when every load has; when one fails, rejects (once all have settled) with the first
 * failure in that order.
 */
export function allLoaded(loads) {
  if (loads.length === 1) return loads[0];
  return Promise.allSettled(loads).then((r) => {
    const failed = r.find((x) => x.status === "rejected");
    if (failed) throw failed.reason;
  });
}

/**
 * The loading state of one WebAssembly module behind its wasm-bindgen glue (`initGlue`: the glue's
 * default export), shared by the package's API (index.js) and the browser entries' second module
 * (the flavors' full.js):
 * - `init(input)`: starts a load from `input` (a URL, a Response or a promise of one, the bytes, a
 *   WebAssembly.Module; a function: called for that source only when a load starts, so that a
 *   caller asking again meanwhile makes none; undefined: the glue's own default), or returns the
 *   load under way; resolves at once when loaded; after a failure, the next call tries again;
 * - `sync(run)`: a synchronous load, `run()` (the glue's `initSync`, which a caller passes in a
 *   closure: a page that never calls it keeps none of its code); `isReady()`;
 * - `need()`: nothing once loaded, else throws the last load's Error, or `stillLoading`.
 * A load's Error is `loadError(e, which)`.
 */
export function moduleLoader(initGlue, which, stillLoading) {
  let loaded = false;
  let loading; // the load under way
  let failure; // the Error of the last load that failed: calls made after it throw it
  const done = () => {
    loaded = true;
    failure = undefined;
  };
  return {
    init(input) {
      if (loaded) return Promise.resolve();
      if (loading === undefined) {
        let source;
        try {
          source = typeof input === "function" ? input() : input;
        } catch (e) {
          return Promise.reject((failure = loadError(e, which)));
        }
        loading = initGlue(source === undefined ? undefined : { module_or_path: source }).then(done, (e) => {
          loading = undefined;
          throw (failure = loadError(e, which));
        });
      }
      return loading;
    },
    sync(run) {
      if (loaded) return;
      try {
        run();
      } catch (e) {
        throw (failure = loadError(e, which));
      }
      done();
    },
    isReady: () => loaded,
    need() {
      if (loaded) return;
      throw failure || new Error(stillLoading);
    },
  };
}
