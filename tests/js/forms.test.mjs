// Issue 10 in the JS package: `lang` as any BCP 47 tag (the same reading as the core's
// Lang::from_bcp47), `labels`, `emptyAsAbsent`, `shortMessage` and `paths` through every function
// that takes options, and options that throw or lie never throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkField, normalize, toHttp, validate, validateText } from "../../pkg/node.js";
// The wasm-bindgen glue of the instance pkg/node.js runs (the full module of pkg/flavors/node/, initialised by that import).
import * as wasm from "../../pkg/flavors/node/full-glue.js";

const ZH = ["zh", "zh-CN", "zh-cn", "ZH", "zh-Hans", "zh-Hans-CN", "zh-TW", "zh-Hant-HK", "zh_CN", "cmn-Hans-CN"];
const EN = ["en", "en-US", "en-GB", "fr", "ja-JP", "", "zhx", "x-zh", "chinese", "z"];
const HAN = /[\u4e00-\u9fff]/;
const TOO_LONG = { ImageName: "x".repeat(61), InstanceId: "ins-1" };

test("lang: any BCP 47 tag; zh-* is Chinese, anything else English, in the JS runtime and in the core alike", () => {
  for (const [tags, chinese] of [[ZH, true], [EN, false]]) {
    for (const lang of tags) {
      const r = validate("tencent", TOO_LONG, { lang });
      assert.equal(HAN.test(r.issues[0].message), chinese, `${lang}: ${r.issues[0].message}`);
      // The core's own reading of the tag (Lang::from_bcp47), through the module's refusal of an
      // unknown provider by normalize (`refuse` takes the language the JS side has read, 0 or 1).
      const core = JSON.parse(wasm.normalize("aws", "{}", lang, "", "", 0)).issues[0].message;
      assert.equal(HAN.test(core), chinese, `core, ${lang}: ${core}`);
    }
  }
  for (const lang of [undefined, null, 42, {}, ["zh"]]) assert.doesNotMatch(validate("tencent", TOO_LONG, { lang }).issues[0].message, HAN);
});

test("messages name the field by its label, short messages do not name it", () => {
  const en = validate("tencent", TOO_LONG).issues[0];
  assert.equal(en.message, "Image name has 61 characters; Tencent Cloud accepts at most 60.");
  assert.equal(en.shortMessage, "At most 60 characters");
  const zh = validate("tencent", TOO_LONG, { lang: "zh-CN" }).issues[0];
  assert.equal(zh.message, "镜像名称有 61 个字符；腾讯云最多接受 60 个字符。");
  assert.equal(zh.shortMessage, "最多 60 个字符");
  const tags = { ImageName: "web", InstanceId: "ins-1", TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "env", Value: "a" }, { Key: "env", Value: "b" }] }] };
  const dup = validate("tencent", tags, { lang: "zh" }).issues[0];
  assert.equal(dup.message, "第 2 个标签的标签键重复了“env”，它已在第 1 个标签的标签键中出现。");
  assert.equal(dup.shortMessage, "与第 1 个标签的标签键重复");
  assert.equal("paths" in dup, false);
  // Every function that reports gives short messages.
  for (const r of [
    validateText("tencent", JSON.stringify(TOO_LONG)),
    checkField("tencent", "/ImageName", "x".repeat(61)),
    normalize("tencent", TOO_LONG),
    toHttp("tencent", TOO_LONG),
    validate("aws", {}),
    validateText("tencent", "{"),
  ])
    for (const i of r.issues) assert.equal(typeof i.shortMessage, "string", JSON.stringify(i));
});

test("labels: the console's own, by pointer with *; through validate, checkField, normalize and toHttp", () => {
  const labels = { "/ImageName": "名称", "/TagSpecification/*/Tags/*/Key": "键" };
  assert.equal(validate("tencent", TOO_LONG, { lang: "zh", labels }).issues[0].message, "名称有 61 个字符；腾讯云最多接受 60 个字符。");
  assert.equal(checkField("tencent", "/ImageName", "", { lang: "zh", labels }).issues[0].message, "名称不能为空。");
  assert.equal(normalize("tencent", TOO_LONG, { lang: "zh", labels }).issues[0].message, "名称有 61 个字符；腾讯云最多接受 60 个字符。");
  assert.equal(toHttp("tencent", { ...TOO_LONG, Region: "ap-guangzhou" }, { labels: { "/ImageName": "Name" } }).issues[0].message, "Name has 61 characters; Tencent Cloud accepts at most 60.");
  const key = validate("tencent", { ImageName: "web", InstanceId: "i", TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "", Value: "v" }] }] }, { lang: "zh", labels });
  assert.equal(key.issues[0].message, "第 1 个标签的键不能为空。");
  // Labels that are not strings, or that throw, are skipped; nothing throws.
  const hostile = {
    get "/ImageName"() {
      throw new Error("no");
    },
    "/InstanceId": 5,
  };
  assert.equal(validate("tencent", TOO_LONG, { labels: hostile }).issues[0].message.startsWith("Image name"), true);
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  for (const l of [null, 5, "x", revoked.proxy, new Proxy({}, { ownKeys() { throw new Error("keys"); } })])
    assert.equal(validate("tencent", TOO_LONG, { labels: l }).issues[0].shortMessage, "At most 60 characters");
  const lying = { get labels() { throw new Error("no"); }, get emptyAsAbsent() { throw new Error("no"); } };
  assert.equal(validate("tencent", TOO_LONG, lying).issues[0].shortMessage, "At most 60 characters");
});

test("emptyAsAbsent: the blank alternative is absent; required fields and blank rows are not", () => {
  const form = { ImageName: "web", ImageDescription: "", InstanceId: "ins-1", DataDiskIds: [], SnapshotIds: [], TagSpecification: [{ ResourceType: "image", Tags: [] }] };
  assert.deepEqual(validate("tencent", form, { emptyAsAbsent: true }), { ok: true, provider: "tencent", issues: [] });
  // Without the option the empty list is passed as the page reads it: a conflict warning (the SDKs leave it out).
  assert.deepEqual(validate("tencent", form).issues.map((i) => [i.path, i.code, i.severity]), [["/SnapshotIds", "conflict", "warning"]]);
  assert.equal(validate("tencent", { ...form, ForcePoweroff: "" }, { emptyAsAbsent: "yes" }).ok, false, "only `true` turns it on");
  assert.equal(validate("tencent", { ...form, ForcePoweroff: "" }, { emptyAsAbsent: true }).ok, true);
  const neither = validate("tencent", { ...form, InstanceId: "" }, { emptyAsAbsent: true, lang: "zh" });
  assert.deepEqual(neither.issues.map((i) => [i.path, i.code, i.paths]), [["", "missing_one_of", ["/InstanceId", "/SnapshotIds"]]]);
  assert.equal(neither.issues[0].shortMessage, "必须且只能指定实例 ID 或快照 ID 之一");
  const both = validate("tencent", { ...form, SnapshotIds: ["snap-1"] }, { emptyAsAbsent: true, lang: "zh" });
  assert.deepEqual(both.issues.map((i) => [i.path, i.code, i.paths]), [["/SnapshotIds", "conflict", ["/InstanceId", "/SnapshotIds"]]]);
  assert.equal(both.issues[0].shortMessage, "实例 ID 和快照 ID 不能同时指定");
  const row = validate("tencent", { ...form, TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "", Value: "" }] }] }, { emptyAsAbsent: true });
  assert.deepEqual(row.issues.filter((i) => i.severity === "error").map((i) => i.path), ["/TagSpecification/0/Tags/0/Key"]);
  assert.equal(validate("tencent", { ...form, ImageName: null }, { emptyAsAbsent: true }).issues[0].code, "required");
  assert.equal(checkField("tencent", "/SnapshotIds", [], { emptyAsAbsent: true }).ok, true);
  assert.equal(checkField("tencent", "/ForcePoweroff", "", { emptyAsAbsent: true }).ok, true);
  assert.equal(checkField("tencent", "/ForcePoweroff", "").ok, false);
  // toHttp sends what the report read: the empty fields are left out.
  const http = toHttp("tencent", { ...form, Region: "ap-guangzhou" }, { emptyAsAbsent: true });
  assert.equal(http.ok, true);
  assert.deepEqual(http.http.body, { ImageName: "web", InstanceId: "ins-1", TagSpecification: [{ ResourceType: "image", Tags: [] }] });
});

test("pre-flight issues about the instance are at its id", () => {
  const r = validate("tencent", { ImageName: "web", InstanceId: "ins-1" }, { context: { instanceState: "STOPPING", instanceLatestOperationState: "OPERATING" } });
  assert.deepEqual(r.issues.map((i) => [i.path, i.code]), [["/InstanceId", "bad_state"], ["/InstanceId", "bad_state"]]);
  const z = validate("zenlayer", { instanceId: "i", imageName: "web" }, { context: { zone: "SIN-E" } });
  assert.deepEqual(z.issues.map((i) => [i.path, i.code]), [["/instanceId", "not_supported"]]);
});
