// The build side of the inline .wasm's table filter (pkg/inline.js `restore` and `unpack` are the other side).
//
// Most of a .wasm's data that compresses badly is sorted tables of Unicode code points:
// unicode-segmentation's grapheme tables (1,618 `(char, char, GraphemeCat)` records of 12 bytes,
// `(char, char)` pairs, a `u16` index of 0x80-code-point blocks) and our own range tables
// (src/text/tables.rs). As laid out in memory, every record repeats the high bytes of its
// neighbours at a distance DEFLATE finds poorly: 19,416 B of grapheme categories are 6,949 B
// gzipped. Stored as the differences between neighbouring records, one column of bytes after the
// other (the low bytes of every record's first word, then the next byte, ...), they are 1,412 B.
// This is the "delta" and "transpose" of data compressors' filters (xz's delta filter, Blosc's
// shuffle), applied before DEFLATE. The module is compiled with the filtered bytes in its data
// segments (compiling does not read them) and pkg/inline.js `restore`, called by the flavor's glue
// on each instance before the glue keeps it, undoes the filter in the instance's memory: the memory
// is then the unfiltered module's, byte for byte (the build checks each table with the loader's own
// `unpack`; tests/js/inline.test.mjs compares whole memories).
//
// A table is found by its shape, in the data section's active segments:
// - range records: runs of >= 32 records of 8 bytes (two u32: lo <= hi <= 0x10FFFF, each lo above
//   the previous hi) or 12 bytes (the same and a u32 value < 256: a category and its padding);
// - an index: a run of >= 256 non-decreasing u16 values, not all equal (unicode-segmentation's
//   block index).
// Anything found that is not such a table would still round-trip (the filter is lossless for any
// bytes); only the compression would not gain.
import { unpack } from "../pkg/inline.js";

const MIN_RANGE_RECORDS = 32;
const MIN_INDEX_ENTRIES = 256;

function uleb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, i];
}

function sleb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  if (x & 0x40) r -= 2 ** s;
  return [r, i];
}

/** The active data segments of a .wasm: `{ start, length, address }` (file offset, bytes, memory address). */
export function dataSegments(wasm) {
  const b = wasm;
  if (b.length < 8 || b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d) throw new Error("not a .wasm");
  const out = [];
  let i = 8;
  while (i < b.length) {
    const id = b[i++];
    let size;
    [size, i] = uleb(b, i);
    const end = i + size;
    if (id === 11) {
      let n, j = i;
      [n, j] = uleb(b, j);
      for (let k = 0; k < n; k++) {
        let flag;
        [flag, j] = uleb(b, j);
        // Flags 0 and 2: active (2 names its memory), an offset expression, then the bytes; 1: passive.
        let address = -1;
        if (flag !== 1) {
          if (flag === 2) [, j] = uleb(b, j);
          if (b[j] === 0x41) [address, j] = sleb(b, j + 1); // i32.const
          else if (b[j] === 0x23) [, j] = uleb(b, j + 1); // global.get: an address we do not know
          else throw new Error(`data segment ${k}: an offset expression of another kind (0x${b[j].toString(16)})`);
          if (b[j++] !== 0x0b) throw new Error(`data segment ${k}: offset expression without its end`);
        }
        let length;
        [length, j] = uleb(b, j);
        if (address >= 0) out.push({ start: j, length, address });
        j += length;
      }
    }
    i = end;
  }
  return out;
}

const u32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u16 = (b, i) => b[i] | (b[i + 1] << 8);

/** Range records of `size` bytes at file offset `i`: how many in a row. */
function rangeRun(b, i, end, size) {
  let n = 0, prevHi = -1;
  for (; i + size <= end; i += size, n++) {
    const lo = u32(b, i), hi = u32(b, i + 4);
    if (lo > hi || hi > 0x10ffff || lo <= prevHi) break;
    if (size === 12 && u32(b, i + 8) > 0xff) break;
    prevHi = hi;
  }
  return n;
}

function indexRun(b, i, end) {
  let n = 0, prev = -1;
  for (; i + 2 <= end; i += 2, n++) {
    const v = u16(b, i);
    if (v < prev) break;
    prev = v;
  }
  return n;
}

/**
 * The tables of a .wasm: `[address, count, recordBytes, wordBytes, ...]` (memory addresses, in
 * increasing order), for `pack`.
 */
export function findTables(wasm) {
  const found = [];
  for (const { start, length, address } of dataSegments(wasm)) {
    const end = start + length;
    // Range records start 4-aligned in memory (arrays of u32), an index 2-aligned (u16).
    let i = start + (address % 2);
    while (i + 8 <= end) {
      let taken = 0;
      if ((address + i - start) % 4 === 0) {
        for (const size of [12, 8]) {
          const n = rangeRun(wasm, i, end, size);
          if (n >= MIN_RANGE_RECORDS) {
            found.push(address + i - start, n, size, 4);
            taken = n * size;
            break;
          }
        }
      }
      if (!taken) {
        const n = indexRun(wasm, i, end);
        if (n >= MIN_INDEX_ENTRIES && u16(wasm, i) !== u16(wasm, i + 2 * (n - 1))) {
          found.push(address + i - start, n, 2, 2);
          taken = n * 2;
        }
      }
      i += taken || 2;
    }
  }
  return found;
}

/**
 * `{ bytes, tables }`: `bytes` is `wasm` with each table of `tables` (memory addresses, as findTables
 * gives them) replaced by its filtered form: per word column, the difference to the previous
 * record's word (modulo 2^(8 * wordBytes)), stored byte plane by byte plane; `tables` is the list
 * `pkg/inline.js` `restore` reads, `[address, count, recordBytes, wordBytes, signature, ...]`, the
 * signature being the filtered table's first four bytes (a little-endian u32), which must differ
 * from the table's own (restore tells a filtered table from a restored one by them). Checked here
 * with the loader's own `unpack`: the filtered tables, put in a memory at their addresses and
 * unpacked, are the .wasm's.
 */
export function pack(wasm, found) {
  const segments = dataSegments(wasm);
  const fileOffset = (address, bytes) => {
    const s = segments.find((s) => s.address <= address && address + bytes <= s.address + s.length);
    if (!s) throw new Error(`range-tables: no data segment holds ${bytes} B at ${address}`);
    return s.start + address - s.address;
  };
  const out = Uint8Array.from(wasm);
  const tables = [];
  let top = 0;
  for (let k = 0; k < found.length; k += 4) {
    const [address, n, r, s] = found.slice(k, k + 4), o = fileOffset(address, n * r), m = 2 ** (8 * s);
    top = Math.max(top, address + n * r);
    for (let j = 0; j < r / s; j++) {
      let prev = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let x = s; x--; ) v = v * 256 + wasm[o + i * r + j * s + x];
        let d = (v - prev + m) % m;
        prev = v;
        for (let x = 0; x < s; x++, d = Math.floor(d / 256)) out[o + (j * s + x) * n + i] = d % 256;
      }
    }
    const signature = u32(out, o);
    if (signature === u32(wasm, o)) throw new Error(`range-tables: the table at ${address} starts with the same four bytes filtered or not`);
    tables.push(address, n, r, s, signature);
  }
  const memory = new Uint8Array(top);
  for (let k = 0; k < tables.length; k += 5) {
    const o = fileOffset(tables[k], tables[k + 1] * tables[k + 2]);
    memory.set(out.subarray(o, o + tables[k + 1] * tables[k + 2]), tables[k]);
  }
  unpack(memory, tables);
  for (let k = 0; k < tables.length; k += 5) {
    const bytes = tables[k + 1] * tables[k + 2], o = fileOffset(tables[k], bytes);
    if (memory.subarray(tables[k], tables[k] + bytes).some((x, i) => x !== wasm[o + i])) throw new Error(`range-tables: the table at ${tables[k]} does not unpack to the .wasm's bytes`);
  }
  return { bytes: out, tables };
}
