// The one-provider modules find grapheme cluster boundaries with the platform's Intl.Segmenter
// (pkg/inline.js graphemeEnd; the core's `intl-segmenter` feature), the main, sync and Node modules
// with unicode-segmentation, as the Rust crate does: a too-long name's suggestion and a long label
// must be cut alike in both, on every kind of cluster (UAX #29: combining marks, ZWJ emoji
// sequences, flags, skin tones, keycaps, Hangul jamo, Indic conjuncts, tag sequences, CRLF), and
// where there is no Intl.Segmenter (Firefox before 125) the cut still never splits a letter from its
// combining marks or an emoji sequence. The same change quotes a refused character by one rule in
// every build (no Nova table in the modules without OpenStack or Nova): the messages must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { PKG, PROVIDERS, runModule } from "./helpers.mjs";

/** Clusters of more than one char. */
const CLUSTERS = {
  mark: "e\u0301",
  marks: "a\u0308\u0323\u0301",
  family: "👨\u200D👩\u200D👧\u200D👦",
  flag: "🇯🇵",
  skin: "👍🏽",
  keycap: "1\uFE0F\u20E3",
  heart: "❤\uFE0F",
  jamo: "\u1100\u1161\u11A8",
  conjunct: "\u0915\u094D\u0937\u093F", // Devanagari क्षि: GB9c (Unicode 15.1)
  tag: "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", // Scotland's flag
  crlf: "x\r\ny",
};
/** The clusters the fallback without Intl.Segmenter keeps whole (marks, joiners, modifiers, VS, tags). */
const FALLBACK_KEEPS = ["mark", "marks", "family", "skin", "keycap", "heart", "tag"];

/**
 * [provider, a name field (names get suggestions), its max chars, whether its charset allows every
 * cluster here (the others drop what they refuse before the cut, so there may be nothing to cut)].
 */
const NAMES = [
  ["tencent", "/ImageName", 60, true],
  ["openstack", "/body/createImage/name", 255, true],
  ["nova", "/body/createImage/name", 255, false],
  ["zenlayer", "/imageName", 24, false],
  ["huawei", "/name", 128, false],
];

/** Each text: `max - k` letters, the cluster, a tail (always over `max + 2` chars): a cut at max falls inside the cluster for some k. */
function texts(max, kinds = Object.keys(CLUSTERS)) {
  const out = [];
  for (const kind of kinds) {
    const n = [...CLUSTERS[kind]].length;
    for (let k = 0; k <= n + 1; k++) out.push([kind, "a".repeat(max - k) + CLUSTERS[kind] + "zzzz"]);
  }
  return out;
}

const suggestion = (report) => report.issues.find((i) => i.code === "too_long")?.suggestion;
const entry = async (file) => {
  const api = await import(pathToFileURL(join(PKG, file)).href);
  await api.ready;
  return api;
};

test("each one-provider entry cuts a suggestion where the main entry does, on every kind of grapheme cluster", async () => {
  const main = await entry("browser.js");
  const node = await entry("node.js");
  let n = 0;
  let cut = 0;
  for (const [provider, path, max, any] of NAMES) {
    const one = await entry(`${provider}.js`);
    for (const [kind, value] of texts(max)) {
      const expected = suggestion(main.checkField(provider, path, value));
      if (any) assert.ok(expected !== undefined && [...expected].length <= max, `${provider} ${path} ${kind}: a suggestion of at most ${max} chars`);
      assert.equal(suggestion(node.checkField(provider, path, value)), expected, `node.js, ${provider} ${path} ${kind}`);
      assert.equal(suggestion(one.checkField(path, value)), expected, `${provider}.js checkField ${path} ${kind} (${value.length} UTF-16)`);
      assert.equal(suggestion(one.validate(pointerSet(path, value))), expected, `${provider}.js validate ${path} ${kind}`);
      if (any && [...expected].length < max) cut++;
      n++;
    }
  }
  assert.ok(n >= 250 && cut >= 40, `${n} values, ${cut} cut next to a cluster`);
});

/** A request holding `value` at `path` (a JSON pointer of object members). */
function pointerSet(path, value) {
  const keys = path.split("/").slice(1);
  const root = {};
  let o = root;
  for (const k of keys.slice(0, -1)) o = o[k] = {};
  o[keys.at(-1)] = value;
  return root;
}

test("each one-provider entry cuts a label longer than 100 chars where the main entry does", async () => {
  const main = await entry("browser.js");
  let n = 0;
  for (const provider of PROVIDERS) {
    const one = await entry(`${provider}.js`);
    // The path of the first required field of an empty request: its message names it by label.
    const path = main.validate(provider, {}).issues.find((i) => i.code === "required").path;
    for (const [kind, label] of texts(99)) {
      const options = { labels: { [path]: label } };
      const expected = main.validate(provider, {}, options).issues.find((i) => i.path === path).message;
      assert.ok(expected.includes("…"), `${provider} ${kind}: the label is cut`);
      assert.equal(one.validate({}, options).issues.find((i) => i.path === path).message, expected, `${provider}.js ${kind}`);
      n++;
    }
  }
  assert.ok(n >= 150, `${n} labels`);
});

test("a refused character's message is the same in every entry (one quoting rule, with or without Nova's table)", async () => {
  const main = await entry("browser.js");
  const points = [0x7f, 0x85, 0xa0, 0xad, 0x301, 0x378, 0x600, 0x61c, 0x180e, 0x200b, 0x200e, 0x2028, 0x202e, 0x2065, 0x206a, 0x3000, 0x3164, 0xe000, 0xfe0f, 0xfeff, 0xfff0, 0xfffd, 0x1f600, 0xe0041, 0xf0000];
  for (const [provider, path] of [["zenlayer", "/imageName"], ["nova", "/body/createImage/name"], ["huawei", "/name"]]) {
    const one = await entry(`${provider}.js`);
    let n = 0;
    for (const cp of points) {
      const value = `web${String.fromCodePoint(cp)}`;
      const messages = (r) => r.issues.filter((i) => i.code === "bad_char").map((i) => i.message);
      const expected = messages(main.checkField(provider, path, value));
      assert.deepEqual(messages(one.checkField(path, value)), expected, `${provider}.js U+${cp.toString(16)}`);
      n += expected.length;
    }
    assert.ok(n >= 10, `${provider}: ${n} bad_char messages`);
  }
});

test("without Intl.Segmenter a one-provider entry still never splits a combining mark, a joiner or a modifier from its cluster", () => {
  const r = runModule(`
    delete Intl.Segmenter;
    const one = await import(${JSON.stringify(pathToFileURL(join(PKG, "tencent.js")).href)});
    const main = await import(${JSON.stringify(pathToFileURL(join(PKG, "browser.js")).href)});
    await one.ready;
    await main.ready;
    const clusters = ${JSON.stringify(Object.fromEntries(FALLBACK_KEEPS.map((k) => [k, CLUSTERS[k]])))};
    const out = [];
    for (const [kind, cluster] of Object.entries(clusters)) {
      for (let k = 0; k <= [...cluster].length + 1; k++) {
        const value = "a".repeat(60 - k) + cluster + "zz";
        const cut = (api, ...args) => api.checkField(...args).issues.find((i) => i.code === "too_long")?.suggestion;
        out.push([kind, k, cut(one, "/ImageName", value), cut(main, "tencent", "/ImageName", value)]);
      }
    }
    console.log(JSON.stringify(out));
  `);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.length > 20);
  for (const [kind, k, fallback, main] of out) assert.equal(fallback, main, `${kind}, ${k} letters short`);
});

test("a hostile platform cannot make a cut throw or hang: a segmenter that throws, yields non-strings, empty or endless segments; a string iterator that never ends", () => {
  const value = "a".repeat(59) + "e\u0301zz";
  const cases = {
    throws: `Intl.Segmenter = class { constructor() { throw new Error("no"); } };`,
    nonString: `Intl.Segmenter = class { segment() { return [{ segment: 5 }]; } };`,
    empty: `Intl.Segmenter = class { segment() { return (function* () { for (;;) yield { segment: "" }; })(); } };`,
    endless: `Intl.Segmenter = class { segment() { return (function* () { for (;;) yield { segment: "a" }; })(); } };`,
    endlessSegment: `Intl.Segmenter = class { segment() { return [{ segment: { [Symbol.iterator]: function* () { for (;;) yield 1; } } }]; } };`,
    stringIterator: `String.prototype[Symbol.iterator] = function* () { for (;;) yield "a"; };`,
    noSegmenterNoRegExp: `delete Intl.Segmenter; RegExp.prototype.test = () => { throw new Error("no"); };`,
    noSegmenterNoArray: `delete Intl.Segmenter; Array.prototype.push = () => { throw new Error("no"); };`,
  };
  for (const [name, patch] of Object.entries(cases)) {
    // Each in its own process: pkg/inline.js keeps the first segmenter it makes.
    const r = runModule(`
      const one = await import(${JSON.stringify(pathToFileURL(join(PKG, "tencent.js")).href)});
      await one.ready;
      ${patch}
      let s;
      try { s = one.checkField("/ImageName", ${JSON.stringify(value)}).issues.find((i) => i.code === "too_long")?.suggestion; }
      catch (e) { s = "threw " + e; }
      console.log(JSON.stringify(s));
    `, { timeout: 20000 });
    assert.equal(r.status, 0, `${name}: ${r.stderr || r.error}`);
    const s = JSON.parse(r.stdout);
    assert.ok(typeof s === "string" && [...s].length <= 60 && value.startsWith(s), `${name}: ${JSON.stringify(s)}`);
  }
});
