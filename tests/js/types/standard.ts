// The Standard Schema adapter's types (checked by `tsc --noEmit -p tests/js/types`, never run):
// `standardSchema(provider)` is assignable to the spec's own interfaces from @standard-schema/spec,
// with the provider's request type as input and output.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import {
  standardSchema,
  type HuaweiRequest,
  type OpenStackRequest,
  type StandardIssue,
  type StandardSchema,
  type TencentRequest,
  type ZenlayerRequest,
} from "../../../pkg/index.js";

const tencent = standardSchema("tencent");
export const asSchema: StandardSchemaV1<TencentRequest, TencentRequest> = tencent;
export const asJsonSchema: StandardJSONSchemaV1<TencentRequest, TencentRequest> = tencent;
export const both: StandardSchemaV1<TencentRequest, TencentRequest> & StandardJSONSchemaV1<TencentRequest, TencentRequest> =
  standardSchema("tencent", { lang: "zh" });
export const huawei: StandardSchemaV1<HuaweiRequest, HuaweiRequest> = standardSchema("huawei");
export const zenlayer: StandardSchemaV1<ZenlayerRequest> = standardSchema("zenlayer");
export const nova: StandardJSONSchemaV1<OpenStackRequest> = standardSchema("nova");
export const generic: StandardSchema<OpenStackRequest> = standardSchema("openstack" as "openstack" | "nova");

// The inferred types are the request types.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const input: Exact<StandardSchemaV1.InferInput<typeof tencent>, TencentRequest> = true;
export const output: Exact<StandardSchemaV1.InferOutput<typeof tencent>, TencentRequest> = true;
export const huaweiOut: Exact<StandardJSONSchemaV1.InferOutput<ReturnType<typeof standardSchema<"huawei">>>, HuaweiRequest> = true;
// @ts-expect-error the Tencent schema's output is not a Huawei request
export const wrong: StandardSchemaV1<HuaweiRequest, HuaweiRequest> = tencent;

// Options: a BCP 47 tag from the browser, console labels, form-shaped input, the context.
standardSchema("tencent", { lang: navigator.language });
standardSchema("tencent", { lang: "zh-Hans-CN", labels: { "/ImageName": "镜像名称", "/TagSpecification/*/Tags/*/Key": "标签键" } });
standardSchema("tencent", { emptyAsAbsent: false, context: { instanceState: "RUNNING" } });
// @ts-expect-error a Huawei context field is not a Tencent one
standardSchema("tencent", { context: { bucketStorageClass: "STANDARD" } });
// @ts-expect-error the provider id is checked
standardSchema("aws");

// Results: synchronous or a Promise; issues carry the short message and a key path.
export async function check(value: unknown): Promise<string[]> {
  const r = await tencent["~standard"].validate(value, { libraryOptions: { lang: "zh" } });
  if (r.issues) return r.issues.map((i: StandardIssue) => `${(i.path ?? []).join(".")}: ${i.message}`);
  const ok: TencentRequest = r.value;
  return [ok.ImageName];
}
export const schema07: Record<string, unknown> = tencent["~standard"].jsonSchema.input({ target: "draft-07" });
export const schema2020: Record<string, unknown> = tencent["~standard"].jsonSchema.output({ target: "draft-2020-12" });
