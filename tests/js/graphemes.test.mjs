// The one-provider modules find grapheme cluster boundaries with the platform's Intl.Segmenter
// (pkg/inline.js graphemeEnd; the core's `intl-segmenter` feature), the main, sync and Node modules
// with unicode-segmentation, as the Rust crate does: a suggestion must be cut alike in both, on every
// kind of cluster (UAX #29: combining marks, ZWJ emoji sequences, flags, skin tones, Hangul jamo,
// Indic conjuncts, variation selectors, CRLF), and where there is no Intl.Segmenter (Firefox
// before 125) the cut still never splits a letter from its combining marks or an emoji sequence.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { PKG, runModule } from "./helpers.mjs";

/** Clusters of more than one char, each with what splitting it would leave. */
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
/** The clusters the fallback without Intl.Segmenter keeps whole (marks, joiners, modifiers, VS). */
const FALLBACK_KEEPS = ["mark", "marks", "family", "skin", "keycap", "heart", "tag"];

/**
 * [provider, a name field (names get suggestions), its max chars, whether its charset allows every
 * cluster here (the others drop what they refuse before the cut, so there may be nothing to cut)].
 */
const FIELDS = [
  ["tencent", "/ImageName", 60, true],
  ["openstack", "/name", 255, false],
  ["nova", "/name", 255, false],
  ["zenlayer", "/imageName", 24, false],
  ["huawei", "/name", 128, false],
];

/** Each value: `max - k` letters, the cluster, a tail: a cut at max falls inside the cluster for some k. */
function values(max) {
  const out = [];
  for (const [kind, cluster] of Object.entries(CLUSTERS)) {
    const n = [...cluster].length;
    for (let k = 0; k <= n + 1; k++) out.push([kind, "a".repeat(max - k) + cluster + "zz"]);
  }
  return out;
}

const suggestion = (report) => report.issues.find((i) => i.code === "too_long")?.suggestion;

test("each one-provider entry cuts a suggestion where the main entry does, on every kind of grapheme cluster", async () => {
  const main = await import(pathToFileURL(join(PKG, "browser.js")).href);
  const node = await import(pathToFileURL(join(PKG, "node.js")).href);
  await main.ready;
  let n = 0;
  for (const [provider, path, max, any] of FIELDS) {
    const one = await import(pathToFileURL(join(PKG, `${provider}.js`)).href);
    await one.ready;
    for (const [kind, value] of values(max)) {
      const expected = suggestion(main.checkField(provider, path, value));
      if (any) assert.ok(expected !== undefined && [...expected].length <= max, `${provider} ${path} ${kind}: a suggestion of at most ${max} chars`);
      assert.equal(suggestion(node.checkField(provider, path, value)), expected, `node.js, ${provider} ${path} ${kind}`);
      assert.equal(suggestion(one.checkField(path, value)), expected, `${provider}.js ${path} ${kind} (${value.length} UTF-16)`);
      n++;
    }
  }
  assert.ok(n >= 150, `${n} values`);
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
