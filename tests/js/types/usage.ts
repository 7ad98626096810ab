// Typed usage of the package (checked by `tsc --noEmit -p tests/js/types`, never run).
// Every `@ts-expect-error` line must fail to compile; everything else must compile.
import {
  checkField,
  describe,
  init,
  initSync,
  isReady,
  jsonSchema,
  normalize,
  providers,
  toHttp,
  validate,
  type Change,
  type ChangeCode,
  type Description,
  type FieldDescriptor,
  type HttpResult,
  type HuaweiRequest,
  type Issue,
  type IssueCode,
  type IssueOf,
  type JsonSchema,
  type NormalizeResult,
  type OpenStackRequest,
  type Options,
  type Provider,
  type Report,
  type RequestFor,
  type TencentRequest,
  type ZenlayerRequest,
} from "../../../pkg/index.js";

// ----- initialisation --------------------------------------------------------------------------

export async function start(bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  await init();
  await init(new URL("./createimage_bg.wasm", "https://example.com/"));
  await init(bytes);
  initSync(bytes);
  initSync(new WebAssembly.Module(bytes));
  // @ts-expect-error initSync needs the bytes or a module
  initSync();
  return isReady();
}

// ----- requests built with the exported types --------------------------------------------------

const zenlayer: ZenlayerRequest = { instanceId: "vm-1", imageName: "web" };
const tencent: TencentRequest = {
  Region: "ap-guangzhou",
  ImageName: "web",
  InstanceId: "ins-1",
  ForcePoweroff: "TRUE",
  DataDiskIds: ["disk-1"],
  TagSpecification: [{ ResourceType: "image", Tags: [{ Key: "env", Value: "prod" }] }],
};
const tencentFlat: TencentRequest = { ImageName: "web", "SnapshotIds.0": "snap-1", "SnapshotIds.1": "snap-2" };
const openstack: OpenStackRequest = {
  project_id: "0123456789abcdef0123456789abcdef",
  server_id: "da5834e0-31d2-40f9-b271-6592f9f68370",
  token: "t",
  body: { createImage: { name: 12345, metadata: { purpose: "backup" } } },
};
const nova: RequestFor<"nova"> = { ...openstack, body: { createImage: { name: "web" } } };
const huawei = { name: "fedora", image_url: "bucket:disk.qcow2", min_disk: 40, image_tags: [{ key: "env" }] } satisfies HuaweiRequest;

// @ts-expect-error imageName is required
const noName: ZenlayerRequest = { instanceId: "vm-1" };
// @ts-expect-error min_disk is a number
const badDisk: HuaweiRequest = { name: "x", image_url: "b:o", min_disk: "40" };
// @ts-expect-error ForcePoweroff is a string enum, not a boolean
const badBool: TencentRequest = { ImageName: "x", ForcePoweroff: true };
// @ts-expect-error Huawei's os_type is Windows or Linux
const badOs: HuaweiRequest = { name: "x", image_url: "b:o", min_disk: 40, os_type: "linux" };

// ----- validate: provider ids are strict, requests are unknown --------------------------------

// @ts-expect-error "aws" is not a provider id
validate("aws", {});
// @ts-expect-error a plain string is not a Provider: narrow it first
validate("tencent" as string, {});

/** A console's select box gives a string: narrow it to a Provider. */
export function isProvider(s: string): s is Provider {
  return (providers as readonly string[]).includes(s);
}

export function fromForm(id: string, formState: unknown): Report | null {
  if (!isProvider(id)) return null;
  return validate(id, formState); // partial or invalid input is fine: that is what the report is for
}

// Whatever the console has so far: unknown input, never an exception.
validate("zenlayer", { imageName: 42 });
validate("huawei", null);
validate("tencent", tencent, { lang: "zh" });
validate("openstack", openstack, { context: { vmState: "ACTIVE", metadataQuota: 128 } });
validate("nova", nova, { context: { microversion: "2.45", taskState: null } });
// @ts-expect-error the microversion is nova's: openstack's /v2 has none (an unknown_field warning at run time)
validate("openstack", openstack, { context: { microversion: "2.45" } });
validate("zenlayer", zenlayer, { context: { imagesInZone: 3, instanceState: "STOPPED" } });
validate("huawei", huawei, { context: { bucketStorageClass: "STANDARD" } });
validate("tencent", tencentFlat, { context: { snapshotDiskUsage: { "snap-1": "SYSTEM_DISK" }, existingImageNames: ["a"] } });
// lang is any BCP 47 tag (issue 10): the browser's own compiles; "fr" is English at run time.
validate("zenlayer", zenlayer, { lang: navigator.language });
validate("tencent", tencent, { lang: "zh-Hans-CN", labels: { "/ImageName": "名称", "/TagSpecification/*/Tags/*/Key": "键" } });
validate("tencent", tencent, { lang: "fr", emptyAsAbsent: true });
checkField("tencent", "/SnapshotIds", [], { lang: navigator.language, emptyAsAbsent: true, labels: {} });
// @ts-expect-error lang is a string
validate("zenlayer", zenlayer, { lang: 1 });
// @ts-expect-error labels are strings
validate("zenlayer", zenlayer, { labels: { "/imageName": 1 } });
// @ts-expect-error emptyAsAbsent is a boolean
validate("zenlayer", zenlayer, { emptyAsAbsent: "yes" });
{
  // Every issue has a short message; cross-field ones may list their fields.
  const i = validate("tencent", tencent).issues[0];
  if (i) {
    const under: string = i.shortMessage;
    const fields: string[] = i.paths ?? [i.path];
    void [under, fields];
  }
}
// @ts-expect-error vmState is an OpenStack context field, not a Zenlayer one
validate("zenlayer", zenlayer, { context: { vmState: "ACTIVE" } });
// @ts-expect-error imagesInZone is a number
validate("zenlayer", zenlayer, { context: { imagesInZone: "3" } });

const options: Options<"tencent"> = { lang: "en", context: { instanceState: "RUNNING" } };
const maybeLang: "en" | "zh" | undefined = undefined;
validate("tencent", tencent, { lang: maybeLang, context: { instanceState: undefined } }); // absent-as-undefined is fine
const report: Report<"tencent"> = validate("tencent", tencent, options);
// Without narrowing: issues of either kind.
const errorsAt: string[] = report.issues.filter((i) => i.severity === "error").map((i) => i.path);
const allIssues: readonly Issue[] = report.issues;

// ----- narrowing on report.ok, exhaustive codes -------------------------------------------------

export function summary(r: Report): string {
  if (r.ok) {
    // Only warnings here.
    const w = r.issues[0];
    if (w) {
      const sev: "warning" = w.severity;
      return `ok with ${r.issues.length} warning(s) (${sev})`;
    }
    return "ok";
  }
  const p: Provider = r.provider;
  return `${p}: ${r.issues.map(describeIssue).join("; ")}`;
}

export function describeIssue(issue: Issue): string {
  const at = issue.path === "" ? "request" : issue.path;
  const code: IssueCode = issue.code;
  switch (issue.code) {
    case "required":
    case "empty":
      return `${at} is missing`;
    case "wrong_type":
      return `${at}: expected ${issue.params.expected}, got ${issue.params.actual}`;
    case "too_short":
      return `${at}: at least ${issue.params.min} ${issue.params.unit}`;
    case "too_long":
      return `${at}: at most ${issue.params.max} ${issue.params.unit} (${issue.params.actual})`;
    case "out_of_range":
      return `${at}: ${issue.params.min}..${issue.params.max}`;
    case "bad_char": {
      const ch: string | null = issue.params.char;
      return `${at}: ${ch ?? "lone surrogate"} (${issue.params.codePoint}) at ${issue.params.index}${issue.params.part ? ` in the ${issue.params.part}` : ""}`;
    }
    case "bad_format":
      return `${at}: format ${issue.params.format}`;
    case "not_allowed":
      return `${at}: one of ${issue.params.allowed.join(", ")}`;
    case "conflict":
      return `${at} conflicts with ${issue.params.with}`;
    case "missing_one_of":
      return `one of ${issue.params.fields.join(", ")}`;
    case "requires":
      return `${at} needs ${issue.params.field}`;
    case "duplicate":
      return `${at}: ${issue.params.value} repeats ${issue.params.first}`;
    case "unknown_field":
      return `unknown ${issue.params.field}`;
    case "too_many":
      return `${at}: at most ${issue.params.max}`;
    case "too_deep":
      return `${at}: deeper than ${issue.params.max}`;
    case "unreadable":
      return `${at}: ${issue.params.detail}`;
    case "not_found":
      return `${issue.params.what} ${issue.params.value} not found`;
    case "bad_state":
      return `${issue.params.what} is ${issue.params.state}, needs ${issue.params.allowed.join("/")}`;
    case "quota_exceeded":
      return "remaining" in issue.params ? "no quota left" : `${issue.params.actual} of ${issue.params.limit}`;
    case "not_supported":
      return `${issue.params.what} ${issue.params.value} not supported`;
    case "mismatch":
      return `${issue.params.what}: ${issue.params.actual} is not ${issue.params.expected}`;
    case "already_exists":
      return `${issue.params.value} exists`;
    default: {
      const _x: never = issue;
      return String(_x ?? code);
    }
  }
}

/** The same, on the code alone. */
export function severityHint(code: IssueCode): "fix" | "check" | "server" {
  switch (code) {
    case "required":
    case "wrong_type":
    case "empty":
    case "too_short":
    case "too_long":
    case "out_of_range":
    case "bad_char":
    case "bad_format":
    case "not_allowed":
    case "too_many":
    case "too_deep":
    case "unreadable":
      return "fix";
    case "conflict":
    case "missing_one_of":
    case "requires":
    case "duplicate":
    case "unknown_field":
      return "check";
    case "not_found":
    case "bad_state":
    case "quota_exceeded":
    case "not_supported":
    case "mismatch":
    case "already_exists":
      return "server";
    default: {
      const _x: never = code;
      return _x;
    }
  }
}

// @ts-expect-error "too_big" is not an issue code
const wrongCode: IssueCode = "too_big";

const badChar: IssueOf<"bad_char"> | undefined = undefined;
// @ts-expect-error bad_char params have no `max`
badChar?.params.max;

// ----- checkField, normalize, toHttp, describe, jsonSchema -------------------------------------

const field: Report<"tencent"> = checkField("tencent", "/ImageName", "web", { lang: "zh" });
// @ts-expect-error checkField has no context (one field, no request)
checkField("tencent", "/ImageName", "web", { context: {} });

const n: NormalizeResult<"huawei"> = normalize("huawei", { name: "ｗｅｂ", min_disk: "40" });
export function changeLabel(c: Change): string {
  const code: ChangeCode = c.code;
  switch (code) {
    case "trim":
    case "fold_width":
    case "remove_zero_width":
    case "canonical_enum":
    case "number_from_string":
    case "flattened_to_array":
    case "remove_duplicate":
      return `${c.path}: ${code}`;
    default: {
      const _x: never = code;
      return _x;
    }
  }
}
const next: unknown = n.normalized;
normalize("huawei", next).changes.map(changeLabel);
if (!n.ok) n.issues.map(describeIssue);

export function send(r: HttpResult<"tencent">): string {
  if (r.ok) {
    const h: Record<string, string> = r.http.headers;
    const method: "POST" = r.http.method;
    return `${method} ${r.http.host ?? ""}${r.http.path} ${Object.keys(h).length} ${JSON.stringify(r.http.body)}`;
  }
  // @ts-expect-error no http on a failed result
  r.http;
  return r.issues.map(describeIssue).join("\n");
}
send(toHttp("tencent", tencent));

const d: Description<"nova"> = describe("nova");
const labels: string[] = d.fields.map((f: FieldDescriptor) => `${f.label.zh} ${f.required ? "*" : ""} ${f.length?.max ?? ""}`);
const schema: JsonSchema = jsonSchema("huawei");
const schemaId: string = schema.$id;
const first: "zenlayer" = providers[0];

export const used = [errorsAt, allIssues, noName, badDisk, badBool, badOs, report, field, labels, schemaId, first, wrongCode];
